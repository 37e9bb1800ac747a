/**
 * Engine benchmark, in one process:
 * - the market matched to the C reference kernel (bench/ref-kernel.c: one city, one product, the
 *   four crowd rules; 6 M buyer decisions) at 20, 50 and 200 shops: engine and kernel decisions
 *   per second and their ratio, on CPU time (a shared machine's wall clock varies; the kernel is
 *   built with the C compiler when there is one, else skipped with a message); and the same kernel
 *   with the customers' memory the engine keeps (built with -DCUSTOMERS: a customer drawn per
 *   buyer, each purchase entered into a book as large as the engine's for that market); and the
 *   kernel's own loop in JavaScript (bench/refKernel.ts), to compare the JIT with the C compiler;
 * - the project's own large market (20 shops, 5 cities, 4 products, 5 M buyers, bots' stock),
 *   without and with search keywords: the search stage's cost per buyer;
 * - the default game (classic, 6 rounds), warm, in milliseconds.
 *   node bin/run-ts.mjs bench/engine.bench.ts [--quick] [--json FILE]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinScenario } from '../src/scenario/builtin';
import { playGame } from '../src/sim/game';
import { buildResult } from '../src/sim/result';
import { largeMarket, loadBench, matchedMarket, widenShops } from './largeMarket';
import type { World } from '../src/engine';
import { LIMITS } from '../src/scenario/schema';
import { customerPools } from '../src/engine/customers';
import { runRefKernel } from './refKernel';

const HERE = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const jsonAt = process.argv.indexOf('--json');
// --quick: 960,000 buyers (40,000 per crowd and round, which loadBench can scale to a file the validator accepts).
const BUYERS = quick ? 960_000 : 6_000_000;
const SHOP_POINTS = [20, 50, 200];

/** A scenario file as a World; the benchmark markets may pass the validator's buyer bound (loadBench). */
function load(obj: unknown) {
  return loadBench(obj);
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Plays a game `runs` times after one warm-up; the fastest run's CPU seconds, wall seconds and buyers. */
function timeGame(scenario: unknown, runs: number): { cpu: number; wall: number; buyers: number; hash: string } {
  const world = typeof scenario === 'object' && scenario !== null && 'deliveryTicks' in scenario ? (scenario as World) : load(scenario);
  let state = playGame(world, 1, new Map());
  let cpu = Infinity;
  let wall = Infinity;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    state = playGame(world, 1, new Map());
    const w = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    cpu = Math.min(cpu, (c.user + c.system) / 1e6);
    wall = Math.min(wall, w);
  }
  let buyers = 0;
  for (const r of state.reports) for (const n of r.demand) buyers += n;
  return { cpu, wall, buyers, hash: buildResult(world, state).hash };
}

/**
 * Builds the C kernel (bench/ref-kernel.c; with the customer book when `customers`, -DCUSTOMERS)
 * into a temporary folder; null (with the reason) when no compiler works.
 */
function buildKernel(customers = false): { path: string } | { skipped: string } {
  const cc = process.env.CC ?? 'cc';
  const out = join(mkdtempSync(join(tmpdir(), 'shopsim-refk-')), customers ? 'refk-customers' : 'refk');
  const r = spawnSync(cc, ['-O2', ...(customers ? ['-DCUSTOMERS'] : []), '-o', out, join(HERE, 'ref-kernel.c'), '-lm'], { encoding: 'utf8' });
  if (r.error || r.status !== 0)
    return {
      skipped: `no working C compiler (${cc}: ${r.error ? (r.error as NodeJS.ErrnoException).code : r.stderr.trim().split('\n')[0]}); install gcc to compare with the C kernel`,
    };
  return { path: out };
}

/** Runs the kernel `runs` times on the same work; the fastest run's CPU seconds. */
function timeKernel(path: string, shops: number, buyers: number, runs: number, customers?: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const args = [String(shops), String(buyers), ...(customers === undefined ? [] : [String(customers)])];
    const line = execFileSync(path, args, { encoding: 'utf8' });
    const cpu = Number(/cpu_seconds=([\d.]+)/.exec(line)?.[1]);
    best = Math.min(best, cpu);
  }
  return best;
}

const M = (n: number) => (n / 1e6).toFixed(2);
const out: Record<string, unknown> = {};
// Other work on the machine slows memory-bound code (the customer book) more than the kernel's few arrays.
const loadAvg = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, node ${process.version}; load average ${loadAvg()} (1, 5, 15 min)`,
);
const kernel = buildKernel();
if ('skipped' in kernel) console.log(`C kernel: skipped: ${kernel.skipped}`);
const kernelBook = 'path' in kernel ? buildKernel(true) : kernel;
out.matched = [] as unknown[];
for (const shops of SHOP_POINTS) {
  // Above the validator's shop limit the World is widened directly (no file that large is accepted).
  const market = shops <= LIMITS.shops ? load(matchedMarket(shops, BUYERS)) : widenShops(load(matchedMarket(LIMITS.shops, BUYERS)), shops);
  const e = timeGame(market, quick ? 1 : 2);
  const customers = customerPools(market).reduce((a, b) => a + b, 0);
  const eRate = e.buyers / e.cpu;
  let line = `matched market, ${String(shops).padStart(3)} shops${shops > LIMITS.shops ? '*' : ''}: engine ${M(eRate)} M decisions/s (${M(e.buyers)} M in ${e.cpu.toFixed(2)} s CPU)`;
  const row: Record<string, unknown> = { shops, buyers: e.buyers, engineCpu: e.cpu, engineRate: eRate };
  if ('path' in kernel) {
    const kCpu = timeKernel(kernel.path, shops, e.buyers, quick ? 1 : 3);
    const kRate = e.buyers / kCpu;
    line += ` · C kernel ${M(kRate)} M/s · ratio ${(eRate / kRate).toFixed(2)}`;
    Object.assign(row, { kernelCpu: kCpu, kernelRate: kRate, ratio: eRate / kRate });
  }
  // The kernel's own loop in JavaScript: how this engine's JIT compares with the C compiler on the same work.
  runRefKernel(shops, 200_000);
  let jsCpu = Infinity;
  for (let i = 0; i < (quick ? 1 : 3); i++) jsCpu = Math.min(jsCpu, runRefKernel(shops, e.buyers).cpu);
  const jsRate = e.buyers / jsCpu;
  row.jsKernelRate = jsRate;
  if ('path' in kernelBook) {
    const bCpu = timeKernel(kernelBook.path, shops, e.buyers, quick ? 1 : 3, customers);
    const bRate = e.buyers / bCpu;
    line += ` · with the customer book (${customers.toLocaleString('en')} customers) ${M(bRate)} M/s · ratio ${(eRate / bRate).toFixed(2)}`;
    Object.assign(row, { customers, kernelBookCpu: bCpu, kernelBookRate: bRate, ratioBook: eRate / bRate });
  }
  line += ` · the kernel in JavaScript ${M(jsRate)} M/s${typeof row.kernelRate === 'number' ? ` (${(jsRate / row.kernelRate).toFixed(2)} of C's)` : ''}`;
  console.log(line);
  (out.matched as unknown[]).push(row);
}

if (SHOP_POINTS.some((s) => s > LIMITS.shops))
  console.log(`  * more shops than a scenario file may have (${LIMITS.shops}): the bench widens the World directly`);

// The same market without and with search keywords (3 per product; the bots write titles and buy
// ads): what the search stage (results pages, clicks, ads) costs per buyer, in CPU time.
const bigSize = { shops: 20, cities: 5, products: 4, buyersPerCrowd: quick ? 2000 : 11000 };
const big = timeGame(largeMarket(bigSize), quick ? 1 : 3);
const bigSearch = timeGame(largeMarket({ ...bigSize, keywords: 3 }), quick ? 1 : 3);
const perBuyer = (g: { cpu: number; buyers: number }) => g.cpu / g.buyers;
console.log(
  `large market (20 shops, 5 cities, 4 products, 6 rounds): ${M(big.buyers)} M buyer decisions in ${big.cpu.toFixed(2)} s CPU = ${M(big.buyers / big.cpu)} M decisions/s (hash ${big.hash})`,
);
console.log(
  `  with search (3 keywords per product, bots' titles and ads): ${M(bigSearch.buyers)} M in ${bigSearch.cpu.toFixed(2)} s CPU = ${M(bigSearch.buyers / bigSearch.cpu)} M decisions/s; ` +
    `search costs ${((perBuyer(bigSearch) / perBuyer(big) - 1) * 100).toFixed(0)}% more CPU per buyer (hash ${bigSearch.hash})`,
);
out.large = big;
out.largeSearch = bigSearch;

const classic = load(builtinScenario());
for (let i = 0; i < 3; i++) playGame(classic, 1, new Map());
const times: number[] = [];
for (let i = 0; i < (quick ? 5 : 20); i++) {
  const t0 = performance.now();
  playGame(classic, 100 + i, new Map());
  times.push(performance.now() - t0);
}
console.log(`default game (classic, 6 rounds), warm, in process: median ${median(times).toFixed(1)} ms over ${times.length} runs`);
out.defaultGameWarmMs = median(times);
console.log(`load average at the end: ${loadAvg()}`);
if (jsonAt > 0) writeFileSync(process.argv[jsonAt + 1]!, JSON.stringify(out));
