/** `shopsim lessons [SCENARIO] [--seeds N] [--json] [--out FILE]` */
import { parseArgs } from 'node:util';
import { MAX_SEEDS } from '../sim/grading/seeds';
import { lessonsMarkdown, lessonsText, runLessons } from '../sim/lessons';
import { parsePositiveInt } from './args';
import { readScenarioArg } from './grade';
import { stdio, UsageError, writeText, type Output } from './io';
import { progressBar } from './progress';

export const LESSONS_HELP = `Usage: shopsim lessons [SCENARIO] [--seeds N] [--json] [--out FILE]

Runs the course's ten lessons (domain model §12) as controlled experiments: the same market and
seeds, one decision changed, and prints per lesson the metric, the control and treatment values
and the size of the effect. Lessons 1 and 4 change a decision of the scenario's player shop (the
others are played by their bots); lessons 2, 3, 6 and 7 use small built-in lesson markets made
for them, lessons 5 and 10 the built-in service scenario. A lesson whose mechanics are not built
yet is listed as not shown, with the reason.
  SCENARIO    a scenario file or built-in id (default: classic)
  --seeds N   seeds per experiment (default 3, at most ${MAX_SEEDS}); results are their mean
  --json      print { "lessons": [ { "lesson", "metric", "control", "treatment", "effect", "shown" } … ] }
  --out FILE  also write it: .json (the report), .md (a Markdown table), anything else text

Exit code: 0 when every lesson is shown, 1 when any is not, 2 for a usage error.

Examples:
  shopsim lessons
  shopsim lessons scenarios/price-war.json --seeds 5 --json`;

export function lessonsCommand(argv: string[], io: Output): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { seeds: { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' } },
  });
  if (positionals.length > 1) throw new UsageError('lessons takes at most one SCENARIO');
  const seeds = values.seeds !== undefined ? parsePositiveInt('--seeds', values.seeds, MAX_SEEDS) : 3;
  const scenario = readScenarioArg(positionals[0] ?? 'classic');
  // A progress bar on the terminal only (never when stderr is piped, nor for an embedding caller).
  const onLesson = io === stdio ? progressBar('lessons') : undefined;
  const report = runLessons(scenario.world, seeds, onLesson);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  if (values.out) {
    const text = values.out.endsWith('.json') ? json : values.out.endsWith('.md') ? `${lessonsMarkdown(report)}\n` : `${lessonsText(report)}\n`;
    writeText(values.out, text);
  }
  io.out(values.json ? json : lessonsText(report));
  return report.lessons.every((l) => l.shown) ? 0 : 1;
}
