/**
 * A shop's whole game in numbers: revenue, profit and units summed over every round played (the
 * per-round reports hold one round each), beside the end-of-game cash and equity.
 */
import type { GameState } from '../engine';

export interface GameTotals {
  revenueFen: number;
  profitFen: number;
  units: number;
  orders: number;
  rounds: number;
}

export function gameTotals(state: GameState, shop: number): GameTotals {
  const out: GameTotals = { revenueFen: 0, profitFen: 0, units: 0, orders: 0, rounds: state.reports.length };
  for (const r of state.reports) {
    const x = r.shops[shop]!;
    out.revenueFen += x.revenueFen;
    out.profitFen += x.profitFen;
    out.units += x.units;
    out.orders += x.orders;
  }
  return out;
}
