/**
 * docs/balance.md: the tournament table and the lessons table, produced by the commands' own
 * functions. The page carries a fingerprint of cheap one-seed runs of both, so a test notices when
 * a change to the engine, the bots or the archetypes makes the page stale
 * (regenerate: `node bin/run-ts.mjs scripts/balance-doc.ts`).
 */
import { hashString } from '../engine/hash';
import { builtinScenario, BUILTIN_SCENARIOS } from '../scenario/builtin';
import { loadScenario } from '../scenario/load';
import { runLessons, type LessonsReport } from './lessons';
import { tournament, type TournamentInput, type TournamentReport } from './tournament';

/**
 * The shipped scenarios, in the order a course plays them: every file of scenarios/ ships inside
 * the program (test/scenario/scenarios.test.ts checks it), so the built-in library is that folder.
 */
export const SHIPPED: readonly string[] = Object.keys(BUILTIN_SCENARIOS);

export function shippedInputs(): TournamentInput[] {
  return SHIPPED.map((id) => {
    const file = builtinScenario(id);
    const res = loadScenario(file);
    if (!res.ok) throw new Error(`built-in scenario ${id} does not load`);
    return { file, world: res.value };
  });
}

export function classicWorld() {
  const res = loadScenario(builtinScenario('classic'));
  if (!res.ok) throw new Error('classic does not load');
  return res.value;
}

/** The fingerprint of one-seed runs: it changes when the tables' numbers would. */
export function balanceFingerprint(t1: TournamentReport, l1: LessonsReport): string {
  return hashString(JSON.stringify(t1) + JSON.stringify(l1));
}

export async function fingerprintNow(jobs: number): Promise<{ fingerprint: string; tournament: TournamentReport; lessons: LessonsReport }> {
  const t1 = await tournament(shippedInputs(), { seeds: 1, jobs });
  const l1 = runLessons(classicWorld(), 1);
  return { fingerprint: balanceFingerprint(t1, l1), tournament: t1, lessons: l1 };
}

export const FINGERPRINT_RE = /<!-- fingerprint: ([0-9a-f]+) -->/;
