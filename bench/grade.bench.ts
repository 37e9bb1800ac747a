/**
 * Grading benchmark: 40 sample teams × 10 seeds of the default scenario (400 solo games), graded
 * with 2 worker threads (target: under 30 s), and a class competition (the 40 teams in one market)
 * over the same seeds. Prints games per second and the wall time of each.
 *   node bin/run-ts.mjs bench/grade.bench.ts [--quick] [--jobs N]
 */
import { builtinScenario } from '../src/scenario/builtin';
import { loadScenario } from '../src/scenario/load';
import { grade, type GradeMode } from '../src/sim/grading/grade';
import { sampleDecisions } from '../src/sim/grading/sampleTeams';

const quick = process.argv.includes('--quick');
const jobsAt = process.argv.indexOf('--jobs');
const jobs = jobsAt > 0 ? Number(process.argv[jobsAt + 1]) : 2;
const teams = quick ? 8 : 40;
const seeds = quick ? 3 : 10;

const file = builtinScenario();
const res = loadScenario(file);
if (!res.ok) throw new Error(res.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
const world = res.value;
const inputs = Array.from({ length: teams }, (_, i) => ({ file: `team-${i + 1}.json`, text: JSON.stringify(sampleDecisions(world, i)) }));

async function time(mode: GradeMode): Promise<void> {
  const t0 = performance.now();
  const cpu0 = process.resourceUsage();
  const report = await grade(world, file, inputs, { seeds, mode, jobs, similarityThreshold: 0.85 });
  const s = (performance.now() - t0) / 1000;
  const cpu1 = process.resourceUsage();
  // CPU time of every thread of the process: a figure that other programs on the machine do not inflate.
  const cpu = (cpu1.userCPUTime - cpu0.userCPUTime + cpu1.systemCPUTime - cpu0.systemCPUTime) / 1e6;
  const games = mode === 'solo' ? teams * seeds : seeds;
  if (report.counts.graded !== teams) throw new Error(`graded ${report.counts.graded} of ${teams}`);
  console.log(
    `grading ${mode} (${world.id}): ${teams} teams × ${seeds} seeds = ${games} games${mode === 'market' ? ` of ${world.shops.length + teams - 1} shops` : ''} ` +
      `with ${jobs} workers in ${s.toFixed(2)} s (${(games / s).toFixed(1)} games/s; ${cpu.toFixed(1)} s CPU over all threads)`,
  );
}

await time('solo');
await time('market');
