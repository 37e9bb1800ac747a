/**
 * Classroom rounds: a shared market played one round at a time from a game file (the saved-game
 * format). Each round the instructor hands in one decisions file per team shop; the next game
 * file holds every decision so far, so `shopsim run` on it replays the same game, and the browser
 * opens it like any save.
 *
 * Rules: team shops are the scenario's player shops. A team's decisions for the round being
 * played are taken from its file (other rounds in the file are ignored: played rounds cannot be
 * changed). A team that has handed in before but not this round plays an empty round (its listings
 * stay, nothing is bought). A player shop that never handed in is played by the stand-in bot; if
 * it joins later, the stand-in's decisions are written into its file so the game replays exactly.
 */
import { hashValue, type GameState, type RoundDecision, type World } from '../../engine';
import { emptyRound, loadDecisions, loadScenario } from '../../scenario/load';
import type { Problem } from '../../scenario/problems';
import { decisionsForRound, newGame, playGame, playNextRound } from '../game';
import { stateHash } from '../result';
import { makeSave, type LoadedSave, type SaveFile } from '../save';
import { SeatError, seatTeams } from './seats';

export interface ClassGame {
  scenarioFile: unknown;
  world: World;
  seed: number;
  roundsPlayed: number;
  /** the decisions file of each team shop that has one, by shop index */
  files: Map<number, DecisionsFileObject>;
}

export interface DecisionsFileObject {
  kind: 'decisions';
  version: 1;
  scenario: string;
  shop: string;
  rounds: Record<string, unknown>[];
}

export interface HandIn {
  file: string;
  value: unknown;
}

export class ClassroomError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

/** A new game from a scenario file; `teams` more than its player shops seats copies of them. */
export function startGame(scenarioFile: unknown, world: World, seed: number, teams?: number): ClassGame {
  const players = world.shops.filter((s) => s.controller.kind === 'player').map((s) => s.id);
  if (players.length === 0) throw new ClassroomError([`scenario "${world.id}" has no player shop: there is no seat for a team`]);
  if (teams !== undefined && teams > players.length) {
    // Extra seats go round the player shops in file order, so each setup gets its share.
    const counts = players.map((_, i) => Math.floor(teams / players.length) + (i < teams % players.length ? 1 : 0));
    let seated;
    try {
      seated = seatTeams(scenarioFile, players.map((base, i) => ({ base, count: counts[i]! })));
    } catch (e) {
      if (e instanceof SeatError) throw new ClassroomError([e.message]);
      throw e;
    }
    const res = loadScenario(seated.scenario);
    if (!res.ok) throw new ClassroomError(res.problems.map((p) => `${p.path}: ${p.message}`));
    return { scenarioFile: seated.scenario, world: res.value, seed, roundsPlayed: 0, files: new Map() };
  }
  return { scenarioFile, world, seed, roundsPlayed: 0, files: new Map() };
}

export function gameFromSave(save: LoadedSave, rawSave: { decisions: unknown[] }): ClassGame {
  const files = new Map<number, DecisionsFileObject>();
  rawSave.decisions.forEach((raw) => {
    const shop = save.world.shops.findIndex((s) => s.id === (raw as { shop: string }).shop);
    const file = raw as DecisionsFileObject;
    files.set(shop, { kind: 'decisions', version: 1, scenario: file.scenario, shop: file.shop, rounds: file.rounds.filter((r) => (r.round as number) <= save.roundsPlayed) });
  });
  return { scenarioFile: save.scenarioFile, world: save.world, seed: save.seed, roundsPlayed: save.roundsPlayed, files };
}

export function teamShops(world: World): number[] {
  return world.shops.map((s, i) => (s.controller.kind === 'player' ? i : -1)).filter((i) => i >= 0);
}

export interface Advanced {
  save: SaveFile;
  /** the state after the round just played */
  state: GameState;
  /** things the instructor should know (ignored rounds, stand-ins) */
  notes: string[];
}

const yuan = (fen: number) => Math.round(fen) / 100;

/** A round the engine played, written as a decisions file's round (yuan and ids). */
export function roundToFile(world: World, d: RoundDecision, round: number): Record<string, unknown> {
  // The stand-in bot does not run promotions; if it ever does, they must be written here too.
  if (d.promotions?.length) throw new Error(`round ${round}: writing a stand-in's promotions into a decisions file is not supported`);
  const listings = d.listings.map((l) => {
    const where = { city: world.cities[l.city]!.id, product: world.products[l.product]!.id };
    if (!l.listing) return { ...where, active: false };
    const x = l.listing;
    return {
      ...where,
      price: yuan(x.priceFen),
      ...(x.sellerPaysShipping ? { sellerPaysShipping: true } : x.shippingFen ? { shipping: yuan(x.shippingFen) } : {}),
      ...(x.presale ? { presale: true } : {}),
    };
  });
  const restock = d.restock.map((r) => ({ city: world.cities[r.city]!.id, product: world.products[r.product]!.id, quantity: r.quantity }));
  const m = d.marketing;
  // Service agents and gifts (bots staff agents when the scenario simulates service).
  const sv = d.service;
  const gift = sv?.surpriseGift;
  const service =
    sv && (sv.agents !== undefined || gift !== undefined)
      ? {
          ...(sv.agents !== undefined ? { agents: sv.agents } : {}),
          ...(gift === null ? { surpriseGift: null } : gift ? { surpriseGift: { product: world.products[gift.product]!.id, unitCost: yuan(gift.unitCostFen), ...(gift.announced ? { announced: true } : {}) } } : {}),
        }
      : null;
  // Title keywords and ads (bots brand and balanced use search where the scenario has keywords).
  const sd = d.search;
  const search = sd
    ? {
        ...(sd.titles ? { titles: sd.titles.map((t) => ({ product: world.products[t.product]!.id, keywords: t.keywords.map((k) => world.keywords[k]!.id) })) } : {}),
        ...(sd.ads
          ? {
              ads: sd.ads.map((a) => ({
                product: world.products[a.product]!.id,
                keyword: world.keywords[a.keyword]!.id,
                bid: yuan(a.bidFen),
                dailyBudget: yuan(a.dailyBudgetFen),
                ...(a.cities ? { cities: a.cities.map((c) => world.cities[c]!.id) } : {}),
              })),
            }
          : {}),
      }
    : null;
  return {
    round,
    listings,
    restock,
    marketing: { decoration: yuan(m.decorationFen), media: yuan(m.mediaFen), charity: yuan(m.charityFen), iso: m.iso, iec: m.iec },
    ...(service ? { service } : {}),
    ...(search ? { search } : {}),
  };
}

function givenOf(world: World, files: ReadonlyMap<number, DecisionsFileObject>): Map<number, RoundDecision[]> {
  const given = new Map<number, RoundDecision[]>();
  for (const [shop, file] of files) {
    const res = loadDecisions(file, world);
    if (!res.ok) throw new Error(`decisions of shop ${file.shop} do not load: ${res.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    given.set(shop, res.value.rounds);
  }
  return given;
}

/** Plays the next round with the teams' hand-ins; every problem in them stops the round. */
export function advanceRound(game: ClassGame, handIns: readonly HandIn[]): Advanced {
  const { world } = game;
  const round = game.roundsPlayed + 1;
  if (game.roundsPlayed >= world.rounds) throw new ClassroomError([`the game is over: all ${world.rounds} rounds are played`]);
  const problems: string[] = [];
  const notes: string[] = [];
  const handed = new Map<number, { file: string; round: Record<string, unknown> }>();
  for (const h of handIns) {
    // Only the round being played is read, so only it is checked: a mistake in a later round of
    // a whole-game file does not hold up the class.
    const value = h.value as { rounds?: unknown };
    const at = Array.isArray(value?.rounds) ? value.rounds.findIndex((r) => (r as { round?: unknown } | null)?.round === round) : -1;
    const checked = at >= 0 ? { ...(h.value as object), rounds: [(value.rounds as unknown[])[at]] } : h.value;
    const res = loadDecisions(checked, world);
    if (!res.ok) {
      const realPath = (path: string) => (at >= 0 ? path.replace(/^\$\.rounds\[0\]/, `$.rounds[${at}]`) : path);
      problems.push(...res.problems.map((p: Problem) => `${h.file}: ${realPath(p.path)}: ${p.message}`));
      continue;
    }
    const shop = res.value.shop;
    const setup = world.shops[shop]!;
    if (setup.controller.kind !== 'player') {
      problems.push(`${h.file}: $.shop: shop "${setup.id}" is played by bot:${setup.controller.strategy}; team shops are ${teamShops(world).map((s) => world.shops[s]!.id).join(', ')}`);
      continue;
    }
    if (handed.has(shop)) {
      problems.push(`${h.file}: $.shop: shop "${setup.id}" already has a decisions file this round (${handed.get(shop)!.file})`);
      continue;
    }
    const rounds = (h.value as { rounds: Record<string, unknown>[] }).rounds;
    const mine = rounds.find((r) => r.round === round);
    if (!mine) {
      problems.push(`${h.file}: $.rounds: has no decisions for round ${round} (the round being played; it has rounds ${rounds.map((r) => r.round).join(', ') || 'none'})`);
      continue;
    }
    // Played rounds cannot be changed: say so when the file rewrites one of them.
    const played = game.files.get(shop)?.rounds ?? [];
    const changed = rounds
      .filter((r) => (r.round as number) < round)
      .filter((r) => {
        const was = played.find((p) => p.round === r.round);
        return was !== undefined && hashValue(was) !== hashValue(r);
      })
      .map((r) => r.round);
    if (changed.length) notes.push(`${h.file}: rounds ${changed.join(', ')} differ from what was played; played rounds cannot be changed, only round ${round} is read`);
    handed.set(shop, { file: h.file, round: mine });
  }
  if (problems.length) throw new ClassroomError(problems);

  // Shops joining after round 1: write down what their stand-in played, so the save replays.
  const files = new Map(game.files);
  const joining = [...handed.keys()].filter((s) => !files.has(s));
  if (joining.length && game.roundsPlayed > 0) {
    const given = givenOf(world, files);
    let state = newGame(world, game.seed);
    const standIn = new Map<number, Record<string, unknown>[]>(joining.map((s) => [s, []]));
    while (state.round < game.roundsPlayed) {
      const decisions = decisionsForRound(world, state, given);
      for (const s of joining) standIn.get(s)!.push(roundToFile(world, decisions[s] ?? emptyRound(), state.round + 1));
      state = playNextRound(world, state, given);
    }
    for (const s of joining) {
      files.set(s, { kind: 'decisions', version: 1, scenario: world.id, shop: world.shops[s]!.id, rounds: standIn.get(s)! });
      notes.push(`shop ${world.shops[s]!.id} joins in round ${round}; ${game.roundsPlayed === 1 ? 'round 1' : `rounds 1–${game.roundsPlayed}`} played by its stand-in bot ${game.roundsPlayed === 1 ? 'is' : 'are'} written into its decisions`);
    }
    const before = playGame(world, game.seed, givenOf(world, game.files), undefined, game.roundsPlayed);
    const replayed = playGame(world, game.seed, givenOf(world, files), undefined, game.roundsPlayed);
    if (stateHash(before) !== stateHash(replayed)) {
      throw new Error('the stand-in decisions written for a joining shop do not replay the same game');
    }
  } else {
    for (const s of joining) files.set(s, { kind: 'decisions', version: 1, scenario: world.id, shop: world.shops[s]!.id, rounds: [] });
  }
  for (const [s, h] of handed) {
    const f = files.get(s)!;
    files.set(s, { ...f, rounds: [...f.rounds, h.round] });
  }
  const order = [...files.keys()].sort((a, b) => a - b);
  const save = makeSave(
    game.scenarioFile,
    game.seed,
    round,
    order.map((s) => files.get(s)!),
  );
  const state = playGame(world, game.seed, givenOf(world, files), undefined, round);
  return { save, state, notes };
}
