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

export const COMMANDS: Record<string, Command> = {
  run: {
    summary: 'play a whole game headless and print the result',
    load: async () => {
      const m = await import('./run');
      return { help: m.RUN_HELP, run: m.runCommand };
    },
  },
  validate: {
    summary: 'check scenario and decisions files',
    load: async () => {
      const m = await import('./validate');
      return { help: m.VALIDATE_HELP, run: m.validateCommand };
    },
  },
  new: {
    summary: 'write a starter scenario to edit',
    load: async () => {
      const m = await import('./new');
      return { help: m.NEW_HELP, run: m.newCommand };
    },
  },
  grade: {
    summary: 'grade submissions over several seeds (CSV, JSON or HTML report)',
    load: async () => {
      const m = await import('./grade');
      return { help: m.GRADE_HELP, run: m.gradeCommand };
    },
  },
  serve: {
    summary: 'start the classroom server: students play from their browsers, the teacher runs the rounds',
    load: async () => {
      const m = await import('./serve');
      return { help: m.SERVE_HELP, run: m.serveCommand };
    },
  },
  tournament: {
    summary: 'play the strategy archetypes against the bots and each other over seeds',
    load: async () => {
      const m = await import('./tournament');
      return { help: m.TOURNAMENT_HELP, run: m.tournamentCommand };
    },
  },
  lessons: {
    summary: "run the course's ten lessons as controlled experiments, with the size of each effect",
    load: async () => {
      const m = await import('./lessons');
      return { help: m.LESSONS_HELP, run: m.lessonsCommand };
    },
  },
  advance: {
    summary: 'play one round of a classroom game and write the next game file and round reports',
    load: async () => {
      const m = await import('./advance');
      return { help: m.ADVANCE_HELP, run: m.advanceCommand };
    },
  },
};
