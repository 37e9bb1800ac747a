/** The `shopsim` commands: one file each; this table is the only place they are listed. */
import { ADVANCE_HELP, advanceCommand } from './advance';
import { GRADE_HELP, gradeCommand } from './grade';
import type { Output } from './io';
import { RUN_HELP, runCommand } from './run';
import { VALIDATE_HELP, validateCommand } from './validate';
import { NEW_HELP, newCommand } from './new';
import { SERVE_HELP, serveCommand } from './serve';
import { TOURNAMENT_HELP, tournamentCommand } from './tournament';
import { LESSONS_HELP, lessonsCommand } from './lessons';

export interface Command {
  summary: string;
  help: string;
  run(argv: string[], io: Output): number | Promise<number>;
}

export const COMMANDS: Record<string, Command> = {
  run: { summary: 'play a whole game headless and print the result', help: RUN_HELP, run: runCommand },
  validate: { summary: 'check scenario and decisions files', help: VALIDATE_HELP, run: validateCommand },
  new: { summary: 'write a starter scenario to edit', help: NEW_HELP, run: newCommand },
  grade: { summary: 'grade submissions over several seeds (CSV, JSON or HTML report)', help: GRADE_HELP, run: gradeCommand },
  serve: { summary: 'start the classroom server: students play from their browsers, the teacher runs the rounds', help: SERVE_HELP, run: serveCommand },
  tournament: { summary: 'play the strategy archetypes against the bots and each other over seeds', help: TOURNAMENT_HELP, run: tournamentCommand },
  lessons: { summary: "run the course's ten lessons as controlled experiments, with the size of each effect", help: LESSONS_HELP, run: lessonsCommand },
  advance: { summary: 'play one round of a classroom game and write the next game file and round reports', help: ADVANCE_HELP, run: advanceCommand },
};
