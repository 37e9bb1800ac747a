/** `shopsim grade SCENARIO SUBMISSION... [--seeds N] [--mode solo|market] [--jobs N] [--out FILE]` */
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import type { World } from '../engine';
import { BUILTIN_SCENARIOS, builtinScenario } from '../sim/scenario';
import { loadScenario } from '../sim/scenario';
import { parseJsonText } from '../sim/scenario';
import { grade, type GradeMode, type SubmissionInput } from '../sim/grading/grade';
import { gradeCsv, gradeHtml, gradeJson, gradeText } from '../sim/grading/gradeReports';
import { defaultJobs } from '../sim/grading/pool';
import { SeatError } from '../sim/grading/seats';
import { MAX_SEEDS } from '../sim/grading/seeds';
import { DEFAULT_SIMILARITY_THRESHOLD } from '../sim/grading/similarity';
import { isSaveLike } from '../sim/save';
import { parsePositiveInt } from './args';
import { exists, InputError, refuseOverwritingInputs, UsageError, readText, stdio, writeText, type Output } from './io';
import { progressBar } from './progress';
import { problemLines } from './load';

export const GRADE_HELP = `Usage: shopsim grade SCENARIO SUBMISSION... [--seeds N] [--mode solo|market]
                     [--jobs N] [--out FILE] [--similarity T] [--strict]

Grades submissions (decisions files or saved games from the browser) by replaying them: a score
or state claimed in a file is ignored. Every game is played over N seeds derived from the
scenario's seed (the first is the scenario's own), and the report gives each team's mean, spread
(standard deviation) and per-seed scores, with every rubric component.
  SCENARIO          the scenario file graded (or a built-in id, e.g. classic); submissions made
                    for another scenario (id, or a save's scenario content) are refused
  --seeds N         seeds per game (default 5, at most ${MAX_SEEDS})
  --mode solo       each submission plays its player shop against the scenario's bots (default)
  --mode market     one market for all submissions (a class competition): teams take the player
                    shops, extra teams get copies of the player shop's setup (ids like s1-02);
                    the scenario's bots play their shops
  --jobs N          worker threads (default: every core); the output is the same for any N
  --out FILE        write the report; the extension picks the format: .csv (UTF-8 with BOM,
                    opens in Excel), .json, or .html (self-contained, opens offline)
  --similarity T    flag pairs of teams whose decisions are at least T similar (0–1, default ${DEFAULT_SIMILARITY_THRESHOLD})
  --strict          exit 1 when any file could not be graded (the report is still written)

Files that fail validation are listed with their problems (on stderr and in the report) and do
not stop the others. Exit code: 0 when at least one submission was graded, 1 when none was (or
with --strict, when any was not), 2 for a usage error.

Examples:
  shopsim grade scenarios/classic.json examples/grade-team-*.json --out grades.csv
  shopsim grade scenarios/classic.json examples/grade-team-*.json --mode market --seeds 3 --out class.html
  shopsim grade classic my-save.json --seeds 10 --jobs 2 --out grades.json`;

export interface ScenarioArg {
  world: World;
  /** the scenario file as read (its content hash identifies it) */
  file: unknown;
  label: string;
}

/** A scenario from a file path or a built-in id, with the file itself (not only the World). */
export function readScenarioArg(arg: string): ScenarioArg {
  if (!exists(arg) && arg in BUILTIN_SCENARIOS) {
    const file = builtinScenario(arg);
    const res = loadScenario(file);
    if (!res.ok) throw new InputError(problemLines(`(built-in ${arg})`, res.problems));
    return { world: res.value, file, label: `(built-in ${arg})` };
  }
  const parsed = parseJsonText(readText(arg));
  if (!parsed.ok) throw new InputError(problemLines(arg, parsed.problems));
  if (isSaveLike(parsed.value)) throw new InputError(`${arg}: $.kind: is a saved game; give the scenario file here (a save can be a SUBMISSION)`);
  const res = loadScenario(parsed.value);
  if (!res.ok) throw new InputError(problemLines(arg, res.problems));
  return { world: res.value, file: parsed.value, label: arg };
}

const FORMATS = ['.csv', '.json', '.html', '.htm'];

export async function gradeCommand(argv: string[], io: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      seeds: { type: 'string' },
      mode: { type: 'string' },
      jobs: { type: 'string' },
      out: { type: 'string' },
      similarity: { type: 'string' },
      strict: { type: 'boolean' },
    },
  });
  if (positionals.length < 2) throw new UsageError('grade needs a SCENARIO and at least one SUBMISSION');
  const seeds = values.seeds !== undefined ? parsePositiveInt('--seeds', values.seeds, MAX_SEEDS) : 5;
  const jobs = values.jobs !== undefined ? parsePositiveInt('--jobs', values.jobs, 256) : defaultJobs();
  const mode = (values.mode ?? 'solo') as GradeMode;
  if (mode !== 'solo' && mode !== 'market') throw new UsageError(`--mode must be "solo" or "market", not "${values.mode}"`);
  let similarityThreshold = DEFAULT_SIMILARITY_THRESHOLD;
  if (values.similarity !== undefined) {
    similarityThreshold = Number(values.similarity);
    if (!/^\d*\.?\d+$/.test(values.similarity) || similarityThreshold > 1) throw new UsageError(`--similarity must be a number from 0 to 1, not "${values.similarity}"`);
  }
  const format = values.out !== undefined ? extname(values.out).toLowerCase() : null;
  if (format !== null && !FORMATS.includes(format)) {
    throw new UsageError(`--out must end in .csv, .json or .html (the extension picks the format), not "${values.out}"`);
  }

  const [scenarioArg, ...files] = positionals;
  refuseOverwritingInputs([values.out], positionals);
  const scenario = readScenarioArg(scenarioArg!);
  const inputs: SubmissionInput[] = files.map((file) => {
    try {
      return { file, text: readText(file) };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return { file, text: null, readError: e.message.startsWith(`${file}: `) ? e.message.slice(file.length + 2).replace(/^\$: /, '') : e.message };
    }
  });
  let report;
  try {
    // A progress bar on the terminal only (never when stderr is piped, nor for an embedding caller).
    const onGame = io === stdio ? progressBar('grading') : undefined;
    report = await grade(scenario.world, scenario.file, inputs, { seeds, mode, jobs, similarityThreshold, ...(onGame ? { onGame } : {}) });
  } catch (e) {
    if (e instanceof SeatError) throw new InputError(`${scenario.label}: ${e.message}`);
    throw e;
  }
  for (const t of report.teams) {
    if (t.status !== 'ok') io.err(`not graded (${t.status}): ${problemLines(t.file, t.problems)}`);
  }
  if (values.out && format) {
    const text = format === '.csv' ? gradeCsv(report) : format === '.json' ? gradeJson(report) : gradeHtml(report);
    writeText(values.out, text);
  }
  io.out(gradeText(report));
  if (values.out) io.out(`\nwrote ${values.out}`);
  if (report.counts.graded === 0) {
    io.err('no submission could be graded');
    return 1;
  }
  return values.strict && report.counts.graded < report.counts.submitted ? 1 : 0;
}
