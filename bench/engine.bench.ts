/**
 * Engine benchmark: a generated large market (20 shops, 5 cities, 4 products, > 5 million buyer
 * decisions) played end to end, and the default game timed over repeated runs.
 * Prints buyer decisions per second, milliseconds per default game and peak memory.
 */
import { loadScenario } from '../src/scenario/load';
import { builtinScenario } from '../src/scenario/builtin';
import { playGame } from '../src/sim/game';
import { buildResult } from '../src/sim/result';
import { largeMarket } from './largeMarket';

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function load(obj: unknown) {
  const res = loadScenario(obj);
  if (!res.ok) throw new Error(res.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return res.value;
}

const quick = process.argv.includes('--quick');

// Default game: warm up, then time.
const classic = load(builtinScenario());
for (let i = 0; i < 3; i++) playGame(classic, 1, new Map());
const times: number[] = [];
for (let i = 0; i < (quick ? 5 : 20); i++) {
  const t0 = performance.now();
  playGame(classic, 100 + i, new Map());
  times.push(performance.now() - t0);
}

// Large market: played three times (the first run includes JIT warm-up); median and best reported,
// because a shared machine's timings vary by a quarter from run to run.
const big = load(largeMarket({ shops: 20, cities: 5, products: 4, buyersPerCrowd: quick ? 1500 : 11000 }));
const runs: number[] = [];
let state = playGame(big, 1, new Map());
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  state = playGame(big, 1, new Map());
  runs.push(performance.now() - t0);
}
const ms = median(runs);
let buyers = 0;
for (const r of state.reports) for (const n of r.demand) buyers += n;
const result = buildResult(big, state);

const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(`default game (classic, 6 rounds): median ${median(times).toFixed(1)} ms over ${times.length} runs (min ${Math.min(...times).toFixed(1)} ms)`);
console.log(
  `large market (${big.shops.length} shops, ${big.cities.length} cities, ${big.products.length} products, ${big.rounds} rounds): ` +
    `${(buyers / 1e6).toFixed(2)} M buyer decisions per game, median ${(ms / 1000).toFixed(2)} s = ${((buyers / ms) * 1000 / 1e6).toFixed(2)} M decisions/s ` +
    `(best of ${runs.length}: ${((buyers / Math.min(...runs)) * 1000 / 1e6).toFixed(2)} M/s)`,
);
console.log(`peak memory (max RSS): ${rssMb.toFixed(0)} MB · large-market hash ${result.hash}`);
