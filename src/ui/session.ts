/**
 * A game in the browser: the scenario file, the seed, the player's decisions file and the state
 * after each round. Every state is recomputed from (scenario, seed, decisions) by the same `sim/`
 * functions the CLI uses, so the hash shown here is the hash `shopsim run` prints for the export.
 */
import type { GameState, RoundDecision, TickFlows, World } from '../engine';
import type { SearchEntry } from './searchDraft';
import { newGame, playNextRound } from '../sim/game';
import { makeSave, loadSave, type SaveFile } from '../sim/save';
import { stateHash } from '../sim/result';
import { loadDecisions, loadScenario } from '../sim/scenario';
import { parseJsonText } from '../sim/scenario';
import { problem, type Checked, type Problem } from '../sim/scenario';

/** One round of a decisions file as the player wrote it (yuan, ids), ready to export. */
export interface RoundEntry {
  round: number;
  listings: { city: string; product: string; price?: number; shipping?: number; sellerPaysShipping?: boolean; presale?: boolean; active?: boolean }[];
  restock: { city: string; product: string; quantity: number }[];
  marketing: { decoration: number; media: number; charity: number; iso: boolean; iec: boolean };
  promotions: unknown[];
  /** title keywords and paid search (course §7); absent in saves from before it and in scenarios without keywords */
  search?: SearchEntry;
  /** customer-service agents and the gift policy (scenarios with rules.service) */
  service?: { agents?: number; surpriseGift?: { product: string; unitCost: number; announced?: boolean } | null };
  /** member points (会员积分): share of each order given back as points */
  memberPoints?: { rate: number };
}

export interface PlayerDecisionsFile {
  kind: 'decisions';
  version: 1;
  scenario: string;
  shop: string;
  rounds: RoundEntry[];
}

export interface Session {
  scenarioFile: unknown;
  world: World;
  seed: number;
  /** index of the player's shop; -1 when the scenario has only bots (the game is watched) */
  player: number;
  /** states[0] before round 1; states[r] after round r */
  states: GameState[];
  decisions: PlayerDecisionsFile | null;
  /** flows of the round played last in this browser session, for the Watch screen */
  lastFlows: TickFlows[];
}

export const SAVE_KEY = 'shopsim.save.v1';

export function current(session: Session): GameState {
  return session.states[session.states.length - 1]!;
}

export function roundsPlayed(session: Session): number {
  return current(session).round;
}

export function isOver(session: Session): boolean {
  return roundsPlayed(session) >= session.world.rounds;
}

export function hashOf(session: Session): string {
  return stateHash(current(session));
}

/** The shops a person may play: those whose controller is "player". */
export function playerShops(world: World): number[] {
  return world.shops.map((_, i) => i).filter((i) => world.shops[i]!.controller.kind === 'player');
}

/**
 * A new game. `shopId` picks the team's shop when the scenario has several player shops (a class);
 * the other player shops are played by the stand-in bot, as in `shopsim run`.
 */
export function startSession(scenarioFile: unknown, seed: number, shopId: string | null = null): Checked<Session> {
  const sc = loadScenario(scenarioFile);
  if (!sc.ok) return sc;
  const world = sc.value;
  const players = playerShops(world);
  const chosen = shopId === null ? -1 : world.shops.findIndex((s) => s.id === shopId);
  const player = players.includes(chosen) ? chosen : (players[0] ?? -1);
  const decisions: PlayerDecisionsFile | null =
    player >= 0 ? { kind: 'decisions', version: 1, scenario: world.id, shop: world.shops[player]!.id, rounds: [] } : null;
  return { ok: true, value: { scenarioFile, world, seed, player, states: [newGame(world, seed)], decisions, lastFlows: [] } };
}

function givenOf(session: Session, rounds: RoundDecision[] | null): Map<number, RoundDecision[]> {
  const given = new Map<number, RoundDecision[]>();
  if (session.player >= 0 && rounds) given.set(session.player, rounds);
  return given;
}

/** Checks a decisions file (the player's, with one more round) with the same validator as the CLI. */
export function checkDecisions(session: Session, file: PlayerDecisionsFile): Checked<RoundDecision[]> {
  const res = loadDecisions(file, session.world);
  if (!res.ok) return res;
  return { ok: true, value: res.value.rounds };
}

export function withRound(session: Session, entry: RoundEntry): PlayerDecisionsFile | null {
  if (!session.decisions) return null;
  return { ...session.decisions, rounds: [...session.decisions.rounds.filter((r) => r.round < entry.round), entry] };
}

/**
 * Plays the next round with the player's entry (validated first; nothing is played when it is
 * refused). The tick flows are collected for the scene, which animates them afterwards.
 */
export function playRoundWith(session: Session, entry: RoundEntry | null): Checked<Session> {
  let decisions = session.decisions;
  let rounds: RoundDecision[] | null = null;
  if (decisions && entry) {
    const file = withRound(session, entry)!;
    const checked = checkDecisions(session, file);
    if (!checked.ok) return checked;
    decisions = file;
    rounds = checked.value;
  }
  const flows: TickFlows[] = [];
  const next = playNextRound(session.world, current(session), givenOf(session, rounds), { onTick: (f) => flows.push(f) });
  return { ok: true, value: { ...session, decisions, states: [...session.states, next], lastFlows: flows } };
}

export function toSave(session: Session): SaveFile {
  return makeSave(session.scenarioFile, session.seed, roundsPlayed(session), session.decisions ? [session.decisions] : []);
}

/**
 * A save file's text → a session, replaying the rounds it covers. A foreign or corrupted file is
 * refused with every problem; the caller keeps its current game.
 */
export function sessionFromSaveText(text: string): Checked<Session> {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  const loaded = loadSave(parsed.value);
  if (!loaded.ok) return loaded;
  const { world, scenarioFile, seed, roundsPlayed: played, decisions } = loaded.value;
  // The save's one decisions file says whose game it is; without one, the first player shop.
  const problems: Problem[] = [];
  const shops = [...decisions.keys()];
  if (shops.length > 1) {
    problems.push(
      problem(
        '$.decisions',
        `holds decisions for ${shops.length} shops; the browser plays one shop (use shopsim run for this file)`,
        `包含 ${shops.length} 个网店的决策；浏览器只经营一个网店（此文件请用 shopsim run 运行）`,
      ),
    );
  }
  const player = shops.length === 1 ? shops[0]! : (playerShops(world)[0] ?? -1);
  if (shops.length === 1 && world.shops[player]!.controller.kind !== 'player') {
    const bot = world.shops[player]!;
    problems.push(
      problem('$.decisions[0].shop', `is "${bot.id}", a bot shop ("${bot.controller.strategy}"), not a player shop`, `是 "${bot.id}"，一个机器人网店（"${bot.controller.strategy}"），不是玩家网店`),
    );
  }
  if (problems.length) return { ok: false, problems };
  const raw = (parsed.value as { decisions: unknown[] }).decisions;
  const mine = raw.find((d) => (d as { shop?: unknown }).shop === world.shops[player]?.id) as PlayerDecisionsFile | undefined;
  const file: PlayerDecisionsFile | null =
    player >= 0
      ? {
          kind: 'decisions',
          version: 1,
          scenario: world.id,
          shop: world.shops[player]!.id,
          rounds: ((mine?.rounds ?? []) as (Partial<RoundEntry> & { round: number })[]).filter((r) => r.round <= played).map(normalizeEntry).sort((a, b) => a.round - b.round),
        }
      : null;
  let session: Session = { scenarioFile, world, seed, player, states: [newGame(world, seed)], decisions: file, lastFlows: [] };
  const rounds = player >= 0 ? (decisions.get(player) ?? null) : null;
  for (let r = 0; r < played; r++) {
    const next = playNextRound(world, current(session), givenOf(session, rounds));
    session = { ...session, states: [...session.states, next] };
  }
  return { ok: true, value: session };
}

/** A validated round from a file, in the shape the form writes (missing lists become empty). */
function normalizeEntry(r: Partial<RoundEntry> & { round: number }): RoundEntry {
  return {
    round: r.round,
    listings: r.listings ?? [],
    restock: r.restock ?? [],
    marketing: { decoration: 0, media: 0, charity: 0, iso: false, iec: false, ...(r.marketing ?? {}) },
    promotions: r.promotions ?? [],
    ...(r.search ? { search: r.search } : {}),
  };
}

export interface StoredSave {
  text: string;
  /** the scenario's name as the file gives it, or its id */
  scenario: { zh: string; en: string };
  roundsPlayed: number;
}

/** Autosave after each round (browser storage). Quota errors are reported, never thrown. */
export function autosave(session: Session): { ok: true } | { ok: false; error: string } {
  try {
    localStorage.setItem(SAVE_KEY, JSON.stringify(toSave(session)));
    return { ok: true };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

export function readAutosave(): StoredSave | null {
  let text: string | null = null;
  try {
    text = localStorage.getItem(SAVE_KEY);
  } catch {
    return null;
  }
  if (!text) return null;
  try {
    const v = JSON.parse(text) as { scenario?: { id?: unknown; name?: { zh?: unknown; en?: unknown } }; roundsPlayed?: unknown };
    const id = typeof v.scenario?.id === 'string' ? v.scenario.id : '?';
    const name = v.scenario?.name;
    const scenario = { zh: typeof name?.zh === 'string' ? name.zh : id, en: typeof name?.en === 'string' ? name.en : id };
    return { text, scenario, roundsPlayed: typeof v.roundsPlayed === 'number' ? v.roundsPlayed : 0 };
  } catch {
    return { text, scenario: { zh: '?', en: '?' }, roundsPlayed: 0 };
  }
}
