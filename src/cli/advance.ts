/** `shopsim advance GAME --decisions FILE... --out NEXT` */
import { basename, dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseJsonText } from '../sim/scenario';
import { advanceRound, ClassroomError, gameFromSave, startGame, teamShops, type ClassGame, type HandIn } from '../sim/grading/classroom';
import { classRoundCsv, classRoundHtml, standings, teamRoundCsv, teamRoundHtml } from '../sim/grading/roundReports';
import { buildResult } from '../sim/result';
import { isSaveLike, loadSave, makeSave } from '../sim/save';
import { LIMITS } from '../sim/scenario';
import { parsePositiveInt, parseSeed } from './args';
import { readScenarioArg } from './grade';
import { exists, InputError, refuseOverwritingInputs, UsageError, readText, writeFiles, writeText, type OutFile, type Output } from './io';
import { problemLines } from './load';

export const ADVANCE_HELP = `Usage: shopsim advance GAME --decisions FILE... --out NEXT [--seed N] [--teams N] [--setup]
                       [--no-reports]

Plays one round of a shared market (a classroom competition) and writes the next game file, in
the saved-game format: the browser opens it, and "shopsim run NEXT" replays it.
  GAME              a game file written by advance (or a save from the browser), or, to start a
                    game, a scenario file or built-in id
  --decisions FILE  a team's decisions file, or its saved game from the browser (repeat, one per
                    team shop); only the round being played is read from it. A team that hands in nothing plays an empty round
                    (its listings stay, nothing is bought); a shop that never handed in is
                    played by a stand-in bot. A problem in the round being played,
                    in any file, stops the round (nothing is written).
  --out NEXT        the next game file (.json)
  --seed N          when starting: the game's seed (default: the scenario's seed)
  --teams N         when starting: seat N teams; beyond the scenario's player shops, teams get
                    copies of a player shop's setup, with ids like s1-02 (at most ${LIMITS.shops} shops)
  --setup           when starting: only write the game (0 rounds played) and list the team shops
  --no-reports      do not write the round reports

Next to NEXT it writes each team's round report, <NEXT without .json>.shop-<id>.html and .csv
(a row per round; e.g. class-r1.shop-s1.html), and the class overview class-r1.class.html/.csv.

Examples:
  shopsim advance scenarios/classic.json --teams 4 --setup --out class-r0.json
  shopsim advance class-r0.json --decisions examples/class-s1.json --decisions examples/class-s1-02.json --out class-r1.json
  shopsim advance class-r1.json --decisions team-a.json --decisions team-b.json --out class-r2.json`;

function loadGame(arg: string, seedText: string | undefined, teamsText: string | undefined): ClassGame {
  if (exists(arg)) {
    const parsed = parseJsonText(readText(arg));
    if (!parsed.ok) throw new InputError(problemLines(arg, parsed.problems));
    if (isSaveLike(parsed.value)) {
      if (seedText !== undefined || teamsText !== undefined) throw new UsageError('--seed and --teams only apply when starting a game from a scenario');
      const res = loadSave(parsed.value);
      if (!res.ok) throw new InputError(problemLines(arg, res.problems));
      return gameFromSave(res.value, parsed.value as { decisions: unknown[] });
    }
  }
  const scenario = readScenarioArg(arg);
  const seed = seedText !== undefined ? parseSeed(seedText) : scenario.world.seed;
  const teams = teamsText !== undefined ? parsePositiveInt('--teams', teamsText, LIMITS.shops) : undefined;
  try {
    return startGame(scenario.file, scenario.world, seed, teams);
  } catch (e) {
    if (e instanceof ClassroomError) throw new InputError(e.lines.map((l) => `${scenario.label}: ${l}`).join('\n'));
    throw e;
  }
}

/** A team hands in a decisions file, or a saved game from the browser holding its one decisions file. */
function handedInDecisions(file: string, value: unknown): unknown {
  if (!isSaveLike(value)) return value;
  const decisions = (value as { decisions?: unknown }).decisions;
  if (!Array.isArray(decisions) || decisions.length !== 1) {
    throw new InputError(`${file}: $.decisions: a saved game handed in for a team must hold that team's decisions only (one decisions file; it has ${Array.isArray(decisions) ? decisions.length : 'none'})`);
  }
  return decisions[0];
}

export function advanceCommand(argv: string[], io: Output): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      decisions: { type: 'string', multiple: true },
      out: { type: 'string' },
      seed: { type: 'string' },
      teams: { type: 'string' },
      setup: { type: 'boolean' },
      'no-reports': { type: 'boolean' },
    },
  });
  if (positionals.length !== 1) throw new UsageError(`advance takes one GAME, got ${positionals.length}`);
  if (!values.out) throw new UsageError('advance needs --out NEXT (the next game file)');
  if (extname(values.out).toLowerCase() !== '.json') throw new UsageError(`--out must be a .json file, not "${values.out}"`);
  const stem = join(dirname(values.out), basename(values.out, extname(values.out)));
  // The next game and its reports must not replace the game or a hand-in (checked before reading).
  const inputs = [positionals[0]!, ...(values.decisions ?? [])];
  refuseOverwritingInputs([values.out], inputs);
  const game = loadGame(positionals[0]!, values.seed, values.teams);
  const { world } = game;
  const seatList = () => teamShops(world).map((s) => `${world.shops[s]!.id} (${world.shops[s]!.name.zh})`).join(', ');

  if (values.setup) {
    if (game.roundsPlayed > 0 || (values.decisions ?? []).length) throw new UsageError('--setup starts a game from a scenario and takes no --decisions');
    writeText(values.out, `${JSON.stringify(makeSave(game.scenarioFile, game.seed, 0, []), null, 2)}\n`);
    io.out(`new game of ${world.id} (seed ${game.seed}, ${world.rounds} rounds) written to ${values.out}\nteam shops: ${seatList()}`);
    return 0;
  }

  const handIns: HandIn[] = [];
  for (const file of values.decisions ?? []) {
    const parsed = parseJsonText(readText(file));
    if (!parsed.ok) throw new InputError(problemLines(file, parsed.problems));
    handIns.push({ file, value: handedInDecisions(file, parsed.value) });
  }
  let advanced;
  try {
    advanced = advanceRound(game, handIns);
  } catch (e) {
    if (e instanceof ClassroomError) throw new InputError(e.lines.join('\n'));
    throw e;
  }
  const result = buildResult(world, advanced.state);
  // The next game and every report are written together or not at all.
  const files: OutFile[] = [{ path: values.out, text: `${JSON.stringify(advanced.save, null, 2)}\n` }];
  const written = [values.out];
  if (!values['no-reports']) {
    for (const s of teamShops(world)) {
      const id = world.shops[s]!.id;
      files.push({ path: `${stem}.shop-${id}.html`, text: teamRoundHtml(world, game.scenarioFile, result, id) });
      files.push({ path: `${stem}.shop-${id}.csv`, text: teamRoundCsv(result, id) });
    }
    files.push({ path: `${stem}.class.html`, text: classRoundHtml(world, game.scenarioFile, result) });
    files.push({ path: `${stem}.class.csv`, text: classRoundCsv(world, game.scenarioFile, result) });
    written.push(`${stem}.shop-<id>.html/.csv for ${teamShops(world).length} team shops`, `${stem}.class.html/.csv`);
  }
  refuseOverwritingInputs(files.map((f) => f.path), inputs);
  writeFiles(files);
  for (const n of advanced.notes) io.err(`note: ${n}`);
  const lines = [`round ${advanced.save.roundsPlayed} of ${world.rounds} played (${world.id}, seed ${game.seed}); game hash ${result.hash}`];
  lines.push('standings:');
  for (const s of standings(world, game.scenarioFile, result)) {
    lines.push(`  ${String(s.place).padStart(3)}. ${s.shop.padEnd(10)} ${s.score.toFixed(2).padStart(7)}  equity ${s.equity.toFixed(2)}${s.team ? '' : '  (bot)'}${s.bankrupt ? '  BANKRUPT' : ''}`);
  }
  lines.push(`wrote ${written.join(', ')}`);
  io.out(lines.join('\n'));
  return 0;
}
