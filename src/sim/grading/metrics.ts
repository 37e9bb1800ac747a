/**
 * What grading keeps of one game: per shop, the figures a rubric can score, read from the game's
 * Result (the public contract), so grades explain themselves in the numbers students see.
 */
import type { Result } from '../result';

export interface ShopMetrics {
  shop: string;
  /** owner's equity at the end, yuan */
  equity: number;
  /** equity after each round, yuan */
  equityByRound: number[];
  profit: number;
  revenue: number;
  units: number;
  orders: number;
  visits: number;
  breaches: number;
  /** the rolling DSR after the last round (0 when the shop had no ratings) */
  dsr: number;
  /** refunded / delivered orders over the game (0 without customer service) */
  refundRate: number;
  bankrupt: boolean;
}

export interface GameOutcome {
  seed: number;
  hash: string;
  shops: ShopMetrics[];
}

const cents = (x: number) => Math.round(x * 100) / 100;

export function gameOutcome(result: Result): GameOutcome {
  const last = result.rounds[result.rounds.length - 1];
  const ids = (last?.shops ?? []).map((s) => s.shop);
  const shops = ids.map((id, i): ShopMetrics => {
    let profit = 0;
    let revenue = 0;
    let units = 0;
    let orders = 0;
    let visits = 0;
    let breaches = 0;
    let refunds = 0;
    let delivered = 0;
    const equityByRound: number[] = [];
    for (const r of result.rounds) {
      const s = r.shops[i]!;
      profit += s.profit;
      revenue += s.revenue;
      units += s.units;
      orders += s.orders;
      visits += s.visits;
      breaches += s.breaches;
      refunds += s.service?.refunds ?? 0;
      delivered += s.service?.deliveredOrders ?? 0;
      equityByRound.push(s.equity);
    }
    const final = last!.shops[i]!;
    const ranked = result.ranking.find((r) => r.shop === id);
    return {
      shop: id,
      equity: ranked ? ranked.equity : final.equity,
      equityByRound,
      profit: cents(profit),
      revenue: cents(revenue),
      units,
      orders,
      visits,
      breaches,
      dsr: final.dsr ?? 0,
      refundRate: delivered === 0 ? 0 : refunds / delivered,
      bankrupt: final.bankrupt,
    };
  });
  return { seed: result.seed, hash: result.hash, shops };
}
