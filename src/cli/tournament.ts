/** `shopsim tournament SCENARIO... [--seeds N] [--jobs N] [--json] [--out FILE]` */
import { parseArgs } from 'node:util';
import { ARCHETYPE_LABELS, ARCHETYPE_NAMES } from '../sim/bots/archetypes';
import { defaultJobs } from '../sim/grading/pool';
import { MAX_SEEDS } from '../sim/grading/seeds';
import { tournament, tournamentMarkdown, tournamentText } from '../sim/tournament';
import { parsePositiveInt } from './args';
import { readScenarioArg } from './grade';
import { stdio, UsageError, writeText, type Output } from './io';
import { progressBar } from './progress';

export const TOURNAMENT_HELP = `Usage: shopsim tournament SCENARIO... [--seeds N] [--jobs N] [--json] [--out FILE]

Plays the built-in strategy archetypes over N seeds, each alone in the scenario's player shop
against its bots (graded like shopsim grade --mode solo), and all together in one market with
the bots; prints the strategy × scenario table of mean score, place, equity and market rank, and
names a strategy that is best in every scenario ("dominant": null in JSON when none is).
Instructors run it to check a scenario before class.
  SCENARIO    scenario files or built-in ids (tutorial, classic, price-war, brand-building,
              double-11, retention)
  --seeds N   seeds per game (default 3, at most ${MAX_SEEDS}); the first is the scenario's own
  --jobs N    worker threads (default: every core); the output is the same for any N
  --json      print the report as one JSON document
  --out FILE  also write it: .json (the report), .md (the Markdown table), anything else text

Strategies: ${ARCHETYPE_NAMES.map((n) => `${n} (${ARCHETYPE_LABELS[n].en})`).join(', ')}.

Examples:
  shopsim tournament classic price-war --seeds 3
  shopsim tournament scenarios/*.json --seeds 5 --out tournament.md`;

export async function tournamentCommand(argv: string[], io: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { seeds: { type: 'string' }, jobs: { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' } },
  });
  if (positionals.length === 0) throw new UsageError('tournament needs at least one SCENARIO (a file or a built-in id)');
  const seeds = values.seeds !== undefined ? parsePositiveInt('--seeds', values.seeds, MAX_SEEDS) : 3;
  const jobs = values.jobs !== undefined ? parsePositiveInt('--jobs', values.jobs, 256) : defaultJobs();
  const inputs = positionals.map((arg) => {
    const s = readScenarioArg(arg);
    return { file: s.file, world: s.world };
  });
  // A progress bar on the terminal only (never when stderr is piped, nor for an embedding caller).
  const onGame = io === stdio ? progressBar('tournament') : undefined;
  const report = await tournament(inputs, { seeds, jobs, ...(onGame ? { onGame } : {}) });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  if (values.out) {
    const text = values.out.endsWith('.json') ? json : values.out.endsWith('.md') ? `${tournamentMarkdown(report)}\n` : `${tournamentText(report)}\n`;
    writeText(values.out, text);
  }
  io.out(values.json ? json : tournamentText(report));
  return 0;
}
