/**
 * Command-line benchmark (separate processes, as a user runs them, from the CLI bundle):
 * - start time of `node bin/shopsim.mjs --help` and wall time of the default game (`shopsim run`);
 * - peak memory (max RSS) of one game of the large market played over 6 and over 24 rounds, and
 *   the memory its final state keeps after garbage collection (bench/retained.ts);
 * - grading 40 sample teams × 10 seeds of the default scenario with --jobs 1 and --jobs 2;
 * - the browser bundle's files and sizes (vite build into a temporary folder; --no-ui skips it).
 *   node bin/run-ts.mjs bench/cli.bench.ts [--quick] [--no-ui]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { builtinScenario } from '../src/scenario/builtin';
import { loadScenario } from '../src/scenario/load';
import { sampleDecisions } from '../src/sim/grading/sampleTeams';
import { largeMarket } from './largeMarket';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const noUi = process.argv.includes('--no-ui');
const tmp = mkdtempSync(join(tmpdir(), 'shopsim-bench-'));
const node = process.execPath;
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Wall seconds of one run of node with these arguments (output discarded). */
function wall(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(node, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
  return (performance.now() - t0) / 1000;
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, node ${process.version}; load average ${load()} (1, 5, 15 min)`);
execFileSync(node, ['scripts/build-cli.mjs'], { cwd: ROOT, stdio: 'ignore' }); // the bundle of these sources
wall(['bin/shopsim.mjs', '--help']); // file cache warm
const runs = quick ? 3 : 7;
const help = median(Array.from({ length: runs }, () => wall(['bin/shopsim.mjs', '--help'])));
const run = median(Array.from({ length: runs }, () => wall(['bin/shopsim.mjs', 'run'])));
console.log(`CLI start (node bin/shopsim.mjs --help): median ${(help * 1000).toFixed(0)} ms of ${runs}`);
console.log(`default game (node bin/shopsim.mjs run, classic, 6 rounds, whole process): median ${(run * 1000).toFixed(0)} ms of ${runs}`);

// Peak memory: the same market over 6 and over 24 rounds, one fresh process each.
const peaks: string[] = [];
const retained: string[] = [];
for (const rounds of [6, 24]) {
  const file = join(tmp, `large-${rounds}.json`);
  writeFileSync(file, JSON.stringify(largeMarket({ shops: 20, cities: 5, products: 4, buyersPerCrowd: quick ? 100 : 400, rounds })));
  const r = JSON.parse(execFileSync(node, ['bench/peak.mjs', 'run', file, '--json'], { cwd: ROOT, encoding: 'utf8' })) as { maxRssKb: number; cpu: number };
  peaks.push(`${rounds} rounds ${(r.maxRssKb / 1024).toFixed(0)} MB (${r.cpu.toFixed(1)} s CPU)`);
  const kept = JSON.parse(
    execFileSync(node, ['--expose-gc', 'bin/run-ts.mjs', 'bench/retained.ts', String(rounds), String(quick ? 100 : 400)], { cwd: ROOT, encoding: 'utf8' }),
  ) as { retainedMb: number };
  retained.push(`${rounds} rounds ${kept.retainedMb} MB`);
}
console.log(`peak memory, one game of the large market (20 shops, 5 cities, 4 products): ${peaks.join(' · ')}`);
console.log(`memory the finished game keeps (its final state, after garbage collection): ${retained.join(' · ')}`);

// Grading: 40 sample teams × 10 seeds, as a teacher runs it.
const world = (() => {
  const res = loadScenario(builtinScenario());
  if (!res.ok) throw new Error('classic must load');
  return res.value;
})();
const teamsDir = join(tmp, 'teams');
mkdirSync(teamsDir);
const teams = quick ? 10 : 40;
const seeds = quick ? 3 : 10;
const files = Array.from({ length: teams }, (_, i) => {
  const f = join(teamsDir, `team-${String(i + 1).padStart(2, '0')}.json`);
  writeFileSync(f, JSON.stringify(sampleDecisions(world, i)));
  return f;
});
const grading: string[] = [];
for (const jobs of [1, 2]) {
  // bench/peak.mjs runs the same command from the bundle and reports the CPU time of all threads.
  const t0 = performance.now();
  const r = JSON.parse(
    execFileSync(node, ['bench/peak.mjs', 'grade', 'classic', ...files, '--seeds', String(seeds), '--jobs', String(jobs)], { cwd: ROOT, encoding: 'utf8' }),
  ) as { cpu: number };
  grading.push(`--jobs ${jobs} ${((performance.now() - t0) / 1000).toFixed(2)} s (${r.cpu.toFixed(1)} s CPU; load average then ${load()})`);
}
console.log(`grading ${teams} teams × ${seeds} seeds (${teams * seeds} games, shopsim grade): ${grading.join(' · ')}`);

if (noUi) console.log('browser bundle: skipped (--no-ui)');
else {
  const out = join(tmp, 'site');
  execFileSync(node, ['node_modules/vite/bin/vite.js', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, stdio: 'ignore' });
  const list = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? list(join(dir, f)) : [join(dir, f)]));
  const assets = list(out)
    .filter((f) => /\.(js|css|html)$/.test(f))
    .sort();
  let total = 0;
  let totalGz = 0;
  const parts = assets.map((f) => {
    const bytes = readFileSync(f);
    const gz = gzipSync(bytes).length;
    total += bytes.length;
    totalGz += gz;
    // assets/scene-*.js is loaded only when the Watch screen first shows the market scene, and
    // assets/forecast-*.js (the forecast's worker) with the plan's first forecast.
    const lazy = /\/(scene|forecast)-[^/]*\.js$/.test(f) ? ', on demand' : '';
    return `${relative(out, f)} ${(bytes.length / 1024).toFixed(0)} KB (${(gz / 1024).toFixed(0)} KB gzip${lazy})`;
  });
  console.log(`browser bundle: ${(total / 1024).toFixed(0)} KB (${(totalGz / 1024).toFixed(0)} KB gzip) in ${assets.length} files: ${parts.join(' · ')}`);
}
