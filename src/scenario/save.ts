/**
 * Saved games (contracts.md): the scenario, the seed and every decision made so far, with a
 * format version. The state is always recomputed from them; anything else in the file (a claimed
 * score, a hash, a state) is ignored. The browser exports this, the CLI runs it, grading takes it.
 */
import { z } from 'zod';
import { hashValue, type RoundDecision, type World } from '../engine';
import { loadDecisions, loadScenario } from './load';
import { parseJsonText } from './parse';
import type { Checked, Problem } from './problems';
import { fromZod, problem } from './problems';
import { LIMITS } from './schema';
import { doc } from './describe';

export const saveSchema = z
  .object({
    kind: doc(z.literal('save'), 'always "save": this file is a saved game', '固定为 "save"：本文件是存档'),
    version: doc(z.literal(1), 'format version of saved games', '存档格式版本'),
    scenario: doc(z.unknown(), 'the whole scenario file the game was played on', '本局所用的完整场景文件'),
    seed: doc(z.number().int().min(0).max(2 ** 31 - 1), 'the game\'s seed', '本局的随机种子'),
    roundsPlayed: doc(z.number().int().min(0).max(LIMITS.rounds), 'rounds the save covers', '存档已包含的期数'),
    decisions: doc(z.array(z.unknown()).max(LIMITS.shops), 'one decisions file per shop played by a person', '每个由玩家经营的网店一份决策文件'),
  })
  // Other keys (a UI's language, a claimed score) are allowed and ignored.
  .loose();

export interface SaveFile {
  kind: 'save';
  version: 1;
  scenario: unknown;
  /** content hash of the scenario, so a grader can tell the exact scenario it was made for */
  scenarioHash: string;
  seed: number;
  roundsPlayed: number;
  decisions: unknown[];
}

export interface LoadedSave {
  world: World;
  scenarioFile: unknown;
  scenarioHash: string;
  seed: number;
  roundsPlayed: number;
  decisions: Map<number, RoundDecision[]>;
}

export function scenarioHash(scenarioFile: unknown): string {
  return hashValue(scenarioFile);
}

export function makeSave(scenarioFile: unknown, seed: number, roundsPlayed: number, decisionFiles: unknown[]): SaveFile {
  return { kind: 'save', version: 1, scenario: scenarioFile, scenarioHash: scenarioHash(scenarioFile), seed, roundsPlayed, decisions: decisionFiles };
}

export function isSaveLike(value: unknown): boolean {
  return !!value && typeof value === 'object' && (value as { kind?: unknown }).kind === 'save';
}

export function loadSaveText(text: string): Checked<LoadedSave> {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  return loadSave(parsed.value);
}

export function loadSave(input: unknown): Checked<LoadedSave> {
  const res = saveSchema.safeParse(input);
  if (!res.success) return { ok: false, problems: fromZod(res.error, input, saveSchema) };
  const save = res.data;
  const sc = loadScenario(save.scenario);
  if (!sc.ok) return { ok: false, problems: sc.problems.map((p) => ({ ...p, path: p.path.replace(/^\$/, '$.scenario') })) };
  const world = sc.value;
  const problems: Problem[] = [];
  if (save.roundsPlayed > world.rounds) {
    problems.push(problem('$.roundsPlayed', `must be ≤ ${world.rounds} (the scenario's rounds)`, `必须 ≤ ${world.rounds}（场景的期数）`));
  }
  const decisions = new Map<number, RoundDecision[]>();
  save.decisions.forEach((d, i) => {
    const res = loadDecisions(d, world);
    if (!res.ok) {
      for (const p of res.problems) problems.push({ ...p, path: p.path.replace(/^\$/, `$.decisions[${i}]`) });
      return;
    }
    if (decisions.has(res.value.shop)) {
      const id = world.shops[res.value.shop]!.id;
      problems.push(problem(`$.decisions[${i}].shop`, `shop "${id}" has two decisions files`, `网店 "${id}" 有两份决策文件`));
      return;
    }
    decisions.set(res.value.shop, res.value.rounds);
  });
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: { world, scenarioFile: save.scenario, scenarioHash: scenarioHash(save.scenario), seed: save.seed, roundsPlayed: save.roundsPlayed, decisions },
  };
}
