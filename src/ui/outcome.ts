/**
 * What a round did, listing by listing, read from the engine's tick flows: units sold per city and
 * product, the stock that could still reach the city, and the day the stock ran out. The Review's
 * "why" table, the coach and the forecast all read a round this way, so they agree.
 *
 * A round already played is replayed from the state before it with the same decisions (the engine
 * is deterministic), so this works after a reload too, when the browser kept no flows.
 */
import { playRound, type GameState, type RoundDecision, type TickFlows, type World } from '../engine';
import { decisionsForRound, type DecisionsByShop } from '../sim/game';
import { loadDecisions } from '../sim/scenario';
import type { Session } from './session';

export interface RowOutcome {
  c: number;
  p: number;
  /** the shop had this listing up during the round */
  listed: boolean;
  units: number;
  /** units × the listing's fixed price (before promotions, without shipping), fen */
  listRevenueFen: number;
  /** stock that reaches this city within the buyers' deadline, at the round's end */
  stockLeft: number;
  /** day of the round (1-based) on which that stock reached 0; null when it lasted */
  sellOutDay: number | null;
  /** units per day sold here before the sell-out (or over the whole round) */
  perDay: number;
}

/** Warehouses w that deliver to city c within the buyers' deadline for product p. */
export function reachingWarehouses(world: World, c: number, p: number): number[] {
  const C = world.cities.length;
  const P = world.products.length;
  const deadline = world.demand[c * P + p]!.deadlineTicks;
  const out: number[] = [];
  for (let w = 0; w < C; w++) if (world.deliveryTicks[w * C + c]! <= deadline) out.push(w);
  return out;
}

/**
 * Per listing of shop `s`: units, list revenue, stock left and sell-out day. `after` is the state
 * the round ended in; `flows` its ticks (with stock snapshots).
 */
export function rowOutcomes(world: World, after: GameState, flows: readonly TickFlows[], s: number): RowOutcome[] {
  const C = world.cities.length;
  const P = world.products.length;
  const report = after.reports[after.reports.length - 1];
  const listings = report?.shops[s]?.listings ?? after.shops[s]!.listings;
  const rows: RowOutcome[] = [];
  for (let c = 0; c < C; c++) {
    for (let p = 0; p < P; p++) {
      if (world.products[p]!.referencePriceFen[c] === 0) continue;
      const listing = listings[c * P + p] ?? null;
      const from = reachingWarehouses(world, c, p);
      let units = 0;
      let sellOutDay: number | null = null;
      let before = 0;
      let hadStock = false;
      flows.forEach((f, i) => {
        units += f.soldByProduct[(s * C + c) * P + p] ?? 0;
        let st = 0;
        for (const w of from) st += f.stock[(s * C + w) * P + p] ?? 0;
        if (st > 0) hadStock = true;
        if (listing && sellOutDay === null && st === 0 && (hadStock || units > 0)) {
          sellOutDay = i + 1;
          before = units;
        }
      });
      let stockLeft = 0;
      for (const w of from) stockLeft += after.shops[s]!.stock[w * P + p]!;
      // Stock may come back (a restock arriving later): a sell-out counts only if it stayed out.
      if (sellOutDay !== null && stockLeft > 0) sellOutDay = null;
      const days = sellOutDay ?? flows.length;
      const perDay = days > 0 ? (sellOutDay === null ? units : before) / days : 0;
      rows.push({ c, p, listed: listing !== null, units, listRevenueFen: listing ? units * listing.priceFen : 0, stockLeft, sellOutDay, perDay });
    }
  }
  return rows;
}

/** The player's validated decisions (every round in the file), or null when the game is watched. */
export function playerRounds(session: Session): RoundDecision[] | null {
  if (session.player < 0 || !session.decisions) return null;
  const res = loadDecisions(session.decisions, session.world);
  return res.ok ? res.value.rounds : null;
}

export function givenFor(session: Session, rounds: RoundDecision[] | null = playerRounds(session)): DecisionsByShop {
  const given = new Map<number, RoundDecision[]>();
  if (session.player >= 0 && rounds) given.set(session.player, rounds);
  return given;
}

/** The decisions every shop played in round `round` (1-based), as the game computed them. */
export function decisionsOfRound(session: Session, round: number): RoundDecision[] {
  return decisionsForRound(session.world, session.states[round - 1]!, givenFor(session));
}

const cache = new WeakMap<GameState, TickFlows[]>();

/** The flows of round `round` (1-based): the session's own if it kept them, else replayed. */
export function flowsOfRound(session: Session, round: number): TickFlows[] {
  const after = session.states[round]!;
  if (session.lastFlows.length && session.lastFlows[0]!.round === round && session.lastFlows[0]!.soldByProduct) return session.lastFlows;
  const hit = cache.get(after);
  if (hit) return hit;
  const flows: TickFlows[] = [];
  playRound(session.world, session.states[round - 1]!, decisionsOfRound(session, round), { onTick: (f) => flows.push(f) });
  cache.set(after, flows);
  return flows;
}
