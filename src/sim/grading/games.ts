/**
 * One grading game: the graded scenario (for a class competition, with its extra seats), a seed
 * and the teams that play in it. Pure, so the main thread and the worker threads play a game the
 * same way and get the same numbers.
 */
import type { RoundDecision, World } from '../../engine';
import { loadScenario } from '../../scenario/load';
import { playGame } from '../game';
import { buildResult } from '../result';
import { gameOutcome, type GameOutcome } from './metrics';

/** What every game of a grade shares; sent once to each worker. */
export interface GradeJob {
  /** the scenario file played (a class competition's includes its extra seats) */
  scenario: unknown;
  /** each team's shop index in that scenario and its decisions, or a strategy archetype that plays it */
  teams: { shop: number; rounds: RoundDecision[]; strategy?: string }[];
}

export interface GameTask {
  seed: number;
  /** indices into GradeJob.teams of the teams in this game */
  teams: number[];
}

export function worldOf(job: GradeJob): World {
  const res = loadScenario(job.scenario);
  if (!res.ok) throw new Error(`grading scenario does not load: ${res.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return res.value;
}

export function playTask(world: World, job: GradeJob, task: GameTask): GameOutcome {
  const teams = task.teams.map((t) => job.teams[t]!);
  const given = new Map<number, RoundDecision[]>(teams.filter((t) => t.strategy === undefined).map((t) => [t.shop, t.rounds]));
  const played = withStrategies(world, teams);
  const state = playGame(played, task.seed, given);
  return gameOutcome(buildResult(played, state));
}

/** The world with the shops of strategy teams played by those strategies (a seeded bot each). */
function withStrategies(world: World, teams: GradeJob['teams']): World {
  const by = new Map<number, string>();
  for (const t of teams) if (t.strategy !== undefined) by.set(t.shop, t.strategy);
  if (by.size === 0) return world;
  return { ...world, shops: world.shops.map((s, i) => (by.has(i) ? { ...s, controller: { kind: 'bot', strategy: by.get(i)! } } : s)) };
}
