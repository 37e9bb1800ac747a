/**
 * The grade of one game already played (the browser's final screen): the scenario's rubric scored
 * on the game's Result exactly as `shopsim grade` scores each of its games, so a student sees the
 * breakdown a grader computes for that seed.
 */
import type { GameState, World } from '../../engine';
import { buildResult } from '../result';
import { gameOutcome, type GameOutcome } from './metrics';
import { rubricOf, scoreGame, soloRubric, type Rubric, type ShopScore } from './rubric';

export interface PlayedGrade {
  rubric: Rubric;
  outcome: GameOutcome;
  /** per shop, in the scenario's shop order */
  scores: ShopScore[];
  /** per shop: 1 + the number of shops with a higher total (ties share a place) */
  places: number[];
}

/** Totals are compared at the 2 decimals grading reports them with. */
const r2 = (x: number) => Math.round(x * 100) / 100 + 0;

export function gradePlayedGame(world: World, scenarioFile: unknown, state: GameState): PlayedGrade {
  // One student's game against the bots: scored as solo grading scores it.
  const rubric = soloRubric(rubricOf(world, scenarioFile), world);
  const outcome = gameOutcome(buildResult(world, state));
  const scores = scoreGame(rubric, outcome);
  const totals = scores.map((s) => r2(s.total));
  const places = totals.map((t) => 1 + totals.filter((u) => u > t).length);
  return { rubric, outcome, scores, places };
}
