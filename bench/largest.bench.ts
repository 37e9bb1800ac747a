/**
 * The largest games the validator accepts (bench/largest.ts: three shapes, each at the most
 * buyers it accepts), each played cold in a fresh process from the CLI bundle as a user runs it
 * (`shopsim run FILE`): CPU seconds, wall seconds and peak memory. The reference states these
 * figures (src/scenario/reference.ts); the limits (LIMITS.gameWork, LIMITS.gameBuyers) are set so
 * that the largest game plays in under 10 s.
 *   node bin/run-ts.mjs bench/largest.bench.ts [--shape NAME]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeShape, LARGEST_SHAPES, largestScenario } from './largest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.indexOf('--shape') > 0 ? process.argv[process.argv.indexOf('--shape') + 1] : null;
const tmp = mkdtempSync(join(tmpdir(), 'shopsim-largest-'));
execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT, stdio: 'ignore' });
for (const shape of LARGEST_SHAPES) {
  if (only && shape.name !== only) continue;
  const file = join(tmp, `${shape.name}.json`);
  const scenario = largestScenario(shape) as { demand: { perRound: Record<string, number> }[]; rounds: number };
  writeFileSync(file, JSON.stringify(scenario));
  const perRound = scenario.demand.reduce((a, d) => a + Object.values(d.perRound).reduce((x, y) => x + y, 0), 0);
  const t0 = performance.now();
  const r = JSON.parse(execFileSync(process.execPath, ['bench/peak.mjs', 'run', file, '--json'], { cwd: ROOT, encoding: 'utf8' })) as {
    code: number;
    maxRssKb: number;
    cpu: number;
  };
  const wall = (performance.now() - t0) / 1000;
  if (r.code !== 0) throw new Error(`${shape.name}: shopsim run exited ${r.code}`);
  console.log(
    `largest game, ${describeShape(shape)}, ${((perRound * scenario.rounds) / 1e6).toFixed(2)} M buyers: ${r.cpu.toFixed(1)} s CPU, ${wall.toFixed(1)} s wall, ${(r.maxRssKb / 1024).toFixed(0)} MB`,
  );
}
