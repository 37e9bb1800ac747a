/**
 * The `shopsim` commands: one file each; this table is the only place they are listed. A command's
 * module (and with it the engine) is loaded only when that command is asked for, so that
 * `shopsim --help` and a mistyped command answer at once.
 */
import type { Output } from './io';

export interface LoadedCommand {
  help: string;
  run(argv: string[], io: Output): number | Promise<number>;
}

export interface Command {
  summary: string;
  load(): Promise<LoadedCommand>;
}

/** A command whose module is imported when it is first asked for; `pick` takes its help and runner from the module. */
function lazy<M>(summary: string, load: () => Promise<M>, pick: (m: M) => LoadedCommand): Command {
  return { summary, load: async () => pick(await load()) };
}

export const COMMANDS: Record<string, Command> = {
  run: lazy(
    'play a whole game headless and print the result',
    () => import('./run'),
    (m) => ({ help: m.RUN_HELP, run: m.runCommand }),
  ),
  validate: lazy(
    'check scenario and decisions files',
    () => import('./validate'),
    (m) => ({ help: m.VALIDATE_HELP, run: m.validateCommand }),
  ),
  new: lazy(
    'write a starter scenario to edit',
    () => import('./new'),
    (m) => ({ help: m.NEW_HELP, run: m.newCommand }),
  ),
  grade: lazy(
    'grade submissions over several seeds (CSV, JSON or HTML report)',
    () => import('./grade'),
    (m) => ({ help: m.GRADE_HELP, run: m.gradeCommand }),
  ),
  serve: lazy(
    'start the classroom server: students play from their browsers, the teacher runs the rounds',
    () => import('./serve'),
    (m) => ({ help: m.SERVE_HELP, run: m.serveCommand }),
  ),
  tournament: lazy(
    'play the strategy archetypes against the bots and each other over seeds',
    () => import('./tournament'),
    (m) => ({ help: m.TOURNAMENT_HELP, run: m.tournamentCommand }),
  ),
  lessons: lazy(
    "run the course's ten lessons as controlled experiments, with the size of each effect",
    () => import('./lessons'),
    (m) => ({ help: m.LESSONS_HELP, run: m.lessonsCommand }),
  ),
  advance: lazy(
    'play one round of a classroom game and write the next game file and round reports',
    () => import('./advance'),
    (m) => ({ help: m.ADVANCE_HELP, run: m.advanceCommand }),
  ),
};
