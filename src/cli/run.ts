/** `shopsim run [SCENARIO] [--seed N] [--decisions FILE]... [--json] [--out FILE]` */
import { parseArgs } from 'node:util';
import type { RoundDecision } from '../engine';
import { playGame } from '../sim/game';
import { buildResult } from '../sim/result';
import { UsageError, InputError, refuseOverwritingInputs, writeText, type Output } from './io';
import { loadDecisionsFile, loadScenarioArg } from './load';
import { summary } from './summary';
import { parseSeed } from './args';
import { readSaveIfAny } from './load';

export const RUN_HELP = `Usage: shopsim run [SCENARIO] [--seed N] [--decisions FILE]... [--json] [--out FILE]

Plays a whole game headless and prints a round-by-round summary.
  SCENARIO          a scenario file, a built-in id (default: classic), or a saved game
                    exported by the browser (it replays the rounds the save covers)
  --seed N          the game's seed (default: the scenario's seed)
  --decisions FILE  a decisions file for one shop (repeat for several shops);
                    shops without one are played by their bot (a stand-in bot for players)
  --json            print exactly one Result JSON document on stdout
  --out FILE        also write the Result JSON to FILE

Examples:
  shopsim run
  shopsim run --json --seed 7
  shopsim run scenarios/classic.json --decisions examples/decisions-s1.json`;

export function runCommand(argv: string[], io: Output): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      seed: { type: 'string' },
      decisions: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      out: { type: 'string' },
    },
  });
  if (positionals.length > 1) throw new UsageError(`run takes one scenario, got ${positionals.length}: ${positionals.join(' ')}`);
  const arg = positionals[0];
  refuseOverwritingInputs([values.out], [arg, ...(values.decisions ?? [])]);
  const save = arg !== undefined ? readSaveIfAny(arg) : null;
  const { world } = save ?? loadScenarioArg(arg);
  const seed = values.seed !== undefined ? parseSeed(values.seed) : save ? save.seed : world.seed;
  const given = new Map<number, RoundDecision[]>(save?.decisions ?? []);
  for (const file of values.decisions ?? []) {
    const d = loadDecisionsFile(file, world);
    if (given.has(d.shop)) throw new InputError(`${file}: $.shop: shop "${world.shops[d.shop]!.id}" already has a decisions file`);
    given.set(d.shop, d.rounds);
  }
  const state = playGame(world, seed, given, undefined, save ? save.roundsPlayed : world.rounds);
  const result = buildResult(world, state);
  // The Result's JSON text only when it is printed or written (the summary does not need it).
  const json = values.json || values.out ? JSON.stringify(result, null, 2) : '';
  if (values.out) writeText(values.out, `${json}\n`);
  io.out(values.json ? json : summary(world, result));
  return 0;
}
