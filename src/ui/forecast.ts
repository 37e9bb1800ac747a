/**
 * What-if: the draft round played by the same engine from the current state, the rivals assumed to
 * repeat what they did last round (before round 1: their opening plan). Demand, buyers' choices and
 * deliveries draw from the game's own streams, so when the rivals do repeat themselves the
 * forecast IS the round. It is still a forecast: rivals react in the real game.
 */
import { playRound, type GameState, type RoundDecision, type TickFlows, type World } from '../engine';
import { decisionsForRound } from '../sim/game';
import { rankShops } from '../sim/scoring';
import { decisionsOfRound, givenFor, reachingWarehouses, rowOutcomes } from './outcome';
import { checkDecisions, current, withRound, type RoundEntry, type Session } from './session';

export interface ForecastRow {
  c: number;
  p: number;
  listed: boolean;
  units: number;
  /** units × fixed price, fen (before promotions; shipping not included) */
  revenueFen: number;
  /** revenue − goods at cost − carrier fees (estimated per unit from the nearest warehouse), fen */
  profitFen: number;
  stockLeft: number;
  sellOutDay: number | null;
}

export interface Forecast {
  round: number;
  rows: ForecastRow[];
  units: number;
  revenueFen: number;
  profitFen: number;
  /** cash at the round's end */
  cashFen: number;
  rank: number;
  shops: number;
  bankrupt: boolean;
  /** end state's hash-relevant totals for checks: the round's report of the player */
  equityFen: number;
}

/** Carrier fee per unit for one unit sent from the first warehouse that reaches the city, fen. */
export function carrierPerUnitFen(world: World, c: number, p: number, from: number = reachingWarehouses(world, c, p)[0] ?? c): number {
  const C = world.cities.length;
  return world.carrierFeeFen[from * C + c]! + Math.floor(world.products[p]!.volume * world.carrierPerVolumeFen + 0.5);
}

/**
 * The decisions every shop would play in the next round if each repeated last round; the
 * player's slot is replaced by the draft when forecasting.
 */
export function rivalsRepeat(session: Session): RoundDecision[] {
  const state = current(session);
  if (state.round === 0) return decisionsForRound(session.world, state, givenFor(session));
  return decisionsOfRound(session, state.round);
}

export function forecastRound(world: World, state: GameState, decisions: readonly RoundDecision[], player: number): Forecast {
  const flows: TickFlows[] = [];
  const next = playRound(world, state, decisions, { onTick: (f) => flows.push(f) });
  const report = next.reports[next.reports.length - 1]!;
  const me = report.shops[player]!;
  const rows = rowOutcomes(world, next, flows, player).map((o): ForecastRow => {
    const unitCost = world.products[o.p]!.unitCostFen;
    const profitFen = o.listRevenueFen - o.units * (unitCost + carrierPerUnitFen(world, o.c, o.p));
    return { c: o.c, p: o.p, listed: o.listed, units: o.units, revenueFen: o.listRevenueFen, profitFen, stockLeft: o.stockLeft, sellOutDay: o.sellOutDay };
  });
  const rank = rankShops(world, next).find((r) => r.shop === player)!.rank;
  return {
    round: report.round,
    rows,
    units: me.units,
    revenueFen: me.revenueFen,
    profitFen: me.profitFen,
    cashFen: me.cashFen,
    rank,
    shops: report.shops.length,
    bankrupt: me.bankrupt,
    equityFen: me.equityFen,
  };
}

/** The player's draft round as engine decisions (validated as the CLI does), or null when refused. */
export function draftDecision(session: Session, entry: RoundEntry): RoundDecision | null {
  const file = withRound(session, entry);
  if (!file) return null;
  const res = checkDecisions(session, file);
  if (!res.ok) return null;
  return res.value[entry.round - 1] ?? null;
}

/** Everything a forecast needs, in one message (plain data: it crosses to a Web Worker). */
export interface ForecastJob {
  world: World;
  state: GameState;
  decisions: RoundDecision[];
  player: number;
}

export function forecastJob(session: Session, mine: RoundDecision, rivals: RoundDecision[] = rivalsRepeat(session)): ForecastJob {
  const decisions = rivals.slice();
  decisions[session.player] = mine;
  return { world: session.world, state: current(session), decisions, player: session.player };
}
