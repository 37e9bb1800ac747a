/**
 * What each promotion did, as the Result shows it (ids and yuan): the orders and units it took
 * part in, what buyers paid for them, the discount it cost and its return (paid ÷ discount).
 */
import { toolOf, type Promotion, type PromotionReport, type PromotionType, type World } from '../engine';

export interface PromotionResult {
  /** position in the round's promotions list of the decisions, 0-based */
  index: number;
  type: PromotionType;
  /** a short description, e.g. "tea@hz ×0.9 ticks 1–10" */
  label: string;
  orders: number;
  units: number;
  /** what buyers paid for the orders it took part in, yuan */
  revenue: number;
  /** the discount it gave: its cost, booked under costs.promotion, yuan */
  discount: number;
  /** revenue ÷ discount (投入产出比), 2 decimals; null when it gave no discount */
  return: number | null;
}

const yuan = (fen: number) => Math.round(fen) / 100;

export function promotionLabel(world: World, pr: Promotion): string {
  return toolOf(pr.type).label(pr, {
    product: (p) => (p === null ? 'all products' : world.products[p]!.id),
    city: (c) => (c === null ? 'all cities' : world.cities[c]!.id),
  });
}

export function promotionResults(world: World, reports: readonly PromotionReport[] | undefined): PromotionResult[] {
  return (reports ?? []).map((r, index) => ({
    index,
    type: r.promotion.type,
    label: promotionLabel(world, r.promotion),
    orders: r.orders,
    units: r.units,
    revenue: yuan(r.revenueFen),
    discount: yuan(r.discountFen),
    return: r.discountFen > 0 ? Math.round((r.revenueFen / r.discountFen) * 100) / 100 : null,
  }));
}
