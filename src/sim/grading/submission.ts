/**
 * A grading submission: a decisions file or a saved game. Checked against the graded scenario:
 * one made for another scenario (its id, and for a save the content hash of the scenario inside)
 * is refused; one that fails validation is invalid, with every problem and its JSON path.
 * Only decisions are kept: a score, a state or a hash claimed in the file is never read.
 */
import type { RoundDecision, World } from '../../engine';
import { emptyRound, loadDecisions } from '../../scenario/load';
import { parseJsonText } from '../../scenario/parse';
import type { Problem } from '../../scenario/problems';
import { isSaveLike, loadSave, scenarioHash } from '../save';

export type SubmissionStatus = 'ok' | 'invalid' | 'refused';

export interface Submission {
  file: string;
  kind: 'decisions' | 'save' | 'unknown';
  status: SubmissionStatus;
  problems: Problem[];
  /** things graders should know that do not stop grading */
  warnings: Problem[];
  /** the player shop the decisions were made for ('' when unknown) */
  shop: string;
  /** the engine's decisions for every round of the scenario */
  rounds: RoundDecision[];
  /** the decisions as written (validated), round by round: what similarity compares */
  fileRounds: unknown[];
  /** listings dropped for an illegal price (each listed in `warnings`; the rubric's penalty applies) */
  droppedListings?: number;
}

export interface GradedScenario {
  world: World;
  /** content hash of the scenario file (save.ts `scenarioHash`) */
  hash: string;
}

/** Top-level keys of a decisions file; anything else (a claimed score…) is dropped before checking. */
const DECISIONS_KEYS = new Set(['$schema', 'kind', 'version', 'scenario', 'shop', 'rounds']);
const ILLEGAL_LISTING = /^\$\.rounds\[(\d+)\]\.listings\[(\d+)\]\.price$/;

export function checkSubmission(file: string, text: string, graded: GradedScenario): Submission {
  const sub: Submission = { file, kind: 'unknown', status: 'invalid', problems: [], warnings: [], shop: '', rounds: [], fileRounds: [] };
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ...sub, problems: parsed.problems };
  const value = parsed.value;
  if (isSaveLike(value)) return checkSave(sub, value as Record<string, unknown>, graded);
  if (value && typeof value === 'object' && !Array.isArray(value) && (value as { kind?: unknown }).kind === 'decisions') {
    return checkDecisions(sub, value as Record<string, unknown>, graded);
  }
  return { ...sub, problems: [{ path: '$.kind', message: 'must be "decisions" or "save" (a submission is a decisions file or a saved game)' }] };
}

function checkDecisions(sub: Submission, obj: Record<string, unknown>, graded: GradedScenario): Submission {
  const { world } = graded;
  sub.kind = 'decisions';
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(obj).sort()) {
    if (DECISIONS_KEYS.has(key)) kept[key] = obj[key];
    else sub.warnings.push({ path: `$.${key}`, message: 'ignored: a grade is always recomputed from the decisions' });
  }
  if (typeof kept.scenario === 'string' && kept.scenario !== world.id) {
    return refuse(sub, '$.scenario', `made for scenario "${kept.scenario}", but the graded scenario is "${world.id}"`);
  }
  let res = loadDecisions(kept, world);
  if (!res.ok) {
    // A listing with an illegal price is dropped and reported (a penalty in the grade), so one
    // bad price does not leave the whole team ungraded; any other problem still does.
    const illegal = res.problems.filter((p) => ILLEGAL_LISTING.test(p.path) && p.message.startsWith('illegal price'));
    if (illegal.length === 0 || illegal.length < res.problems.length) return { ...sub, problems: res.problems };
    const rounds = structuredClone(kept.rounds) as { listings?: unknown[] }[];
    const drop = illegal.map((p) => p.path.match(ILLEGAL_LISTING)!.slice(1).map(Number) as [number, number]);
    for (const [r, l] of drop) rounds[r]!.listings![l] = null;
    for (const r of rounds) if (r && Array.isArray(r.listings)) r.listings = r.listings.filter((x) => x !== null);
    kept.rounds = rounds;
    res = loadDecisions(kept, world);
    if (!res.ok) return { ...sub, problems: res.problems };
    for (const p of illegal) sub.warnings.push({ ...p, message: `listing dropped (penalty): ${p.message}`, ...(p.messageZh ? { messageZh: `该上架已删除（扣分）：${p.messageZh}` } : {}) });
    sub.droppedListings = illegal.length;
  }
  sub.shop = world.shops[res.value.shop]!.id;
  const bad = notPlayerShop(world, res.value.shop, '$.shop');
  if (bad) return { ...sub, problems: [bad] };
  return { ...sub, status: 'ok', rounds: res.value.rounds, fileRounds: kept.rounds as unknown[] };
}

function checkSave(sub: Submission, obj: Record<string, unknown>, graded: GradedScenario): Submission {
  const { world } = graded;
  sub.kind = 'save';
  const scenarioId = (obj.scenario as { id?: unknown } | null)?.id;
  if (typeof scenarioId === 'string' && scenarioId !== world.id) {
    return refuse(sub, '$.scenario.id', `made for scenario "${scenarioId}", but the graded scenario is "${world.id}"`);
  }
  if (obj.scenario && typeof obj.scenario === 'object') {
    const hash = scenarioHash(obj.scenario);
    if (hash !== graded.hash) {
      return refuse(sub, '$.scenario', `made for another version of scenario "${world.id}" (content hash ${hash}; the graded scenario's is ${graded.hash})`);
    }
  }
  const res = loadSave(obj);
  if (!res.ok) return { ...sub, problems: res.problems };
  const save = res.value;
  if (save.decisions.size !== 1) {
    return {
      ...sub,
      problems: [{ path: '$.decisions', message: `holds decisions for ${save.decisions.size} shops; a submission is one team's game (exactly one decisions file)` }],
    };
  }
  const [shop, rounds] = [...save.decisions][0]!;
  sub.shop = world.shops[shop]!.id;
  const bad = notPlayerShop(world, shop, '$.decisions[0].shop');
  if (bad) return { ...sub, problems: [bad] };
  if (save.roundsPlayed < world.rounds) {
    sub.warnings.push({
      path: '$.roundsPlayed',
      message: `the save covers ${save.roundsPlayed} of ${world.rounds} rounds; later rounds are played with no decisions (nothing listed anew, nothing bought)`,
    });
  }
  const played = rounds.map((r, i) => (i < save.roundsPlayed ? r : emptyRound()));
  const written = ((obj.decisions as { rounds?: unknown[] }[])[0]?.rounds ?? []).filter(
    (r) => typeof (r as { round?: unknown }).round === 'number' && (r as { round: number }).round <= save.roundsPlayed,
  );
  return { ...sub, status: 'ok', rounds: played, fileRounds: written };
}

function refuse(sub: Submission, path: string, message: string): Submission {
  return { ...sub, status: 'refused', problems: [{ path, message }] };
}

function notPlayerShop(world: World, shop: number, path: string): Problem | null {
  const setup = world.shops[shop]!;
  if (setup.controller.kind === 'player') return null;
  const players = world.shops.filter((s) => s.controller.kind === 'player').map((s) => s.id);
  return {
    path,
    message: `shop "${setup.id}" is played by bot:${setup.controller.strategy} in this scenario; a submission plays a player shop (${players.join(', ') || 'the scenario has none'})`,
  };
}
