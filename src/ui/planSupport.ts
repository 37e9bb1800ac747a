/**
 * Numbers to decide with, per listing row of the plan: what one unit costs to sell (goods at cost
 * and the carrier's fee from the nearest warehouse), the margin at the typed price, and the
 * break-even price; and the plan's cash: what it spends up front against the cash in hand.
 */
import type { GameState, World } from '../engine';
import { carrierPerUnitFen } from './forecast';
import { reachingWarehouses } from './outcome';
import type { ListingDraft, PlanDraft } from './planDraft';

export interface RowEconomics {
  unitCostFen: number;
  carrierFen: number;
  /** shipping the buyer pays per order (0 when the shop pays it) */
  shippingFen: number;
  /** per unit, one unit per order: price + shipping the buyer pays − goods − carrier; null when the price is not a number */
  marginFen: number | null;
  /** the fixed price at which the margin is 0 */
  breakEvenFen: number;
}

const fenOf = (text: string): number | null => {
  const n = Number(text.trim().replace(/^¥/, ''));
  return text.trim() !== '' && Number.isFinite(n) ? Math.round(n * 100) : null;
};

/** The warehouse a listing ships from: the first one that reaches the city and holds the product, else the first that reaches it. */
export function shipFrom(world: World, state: GameState | null, shop: number, c: number, p: number): number {
  const P = world.products.length;
  const from = reachingWarehouses(world, c, p);
  const stocked = state && shop >= 0 ? from.find((w) => state.shops[shop]!.stock[w * P + p]! > 0) : undefined;
  return stocked ?? from[0] ?? c;
}

export function rowEconomics(world: World, state: GameState | null, shop: number, l: ListingDraft): RowEconomics {
  const unitCostFen = world.products[l.p]!.unitCostFen;
  const carrierFen = carrierPerUnitFen(world, l.c, l.p, shipFrom(world, state, shop, l.c, l.p));
  const shippingFen = l.sellerPaysShipping ? 0 : (fenOf(l.shipping) ?? 0);
  const price = fenOf(l.price);
  const breakEvenFen = Math.max(0, unitCostFen + carrierFen - shippingFen);
  return { unitCostFen, carrierFen, shippingFen, marginFen: price === null ? null : price + shippingFen - unitCostFen - carrierFen, breakEvenFen };
}

export interface PlanCash {
  restockFen: number;
  marketingFen: number;
  totalFen: number;
  /** cash after paying the plan's up-front spending */
  afterFen: number;
  /** cash + credit: spending beyond this makes the shop bankrupt */
  limitFen: number;
}

export function planCash(world: World, state: GameState, shop: number, draft: PlanDraft): PlanCash {
  const me = state.shops[shop]!;
  const num = (text: string) => {
    const n = Number(text.trim());
    return Number.isFinite(n) && n > 0 ? n : 0;
  };
  let restockFen = 0;
  for (const r of draft.restock) restockFen += Math.round(num(r.quantity)) * world.products[r.p]!.unitCostFen;
  const m = draft.marketing;
  let marketingFen = Math.round((num(m.decoration) + num(m.media) + num(m.charity)) * 100);
  if (m.iso && !me.iso) marketingFen += world.rules.isoCostFen;
  if (m.iec && !me.iec) marketingFen += world.rules.iecCostFen;
  const totalFen = restockFen + marketingFen;
  return { restockFen, marketingFen, totalFen, afterFen: me.cashFen - totalFen, limitFen: me.cashFen + world.rules.creditFen };
}

/** Market demand for a listing: buyers a round, every crowd, before fluctuation. */
export function marketDemand(world: World, c: number, p: number): number {
  const P = world.products.length;
  return world.demand[c * P + p]!.perRound.reduce((a, b) => a + b, 0);
}

/** A price changed by a percentage, to the fen (half up). */
export function scalePrice(text: string, percent: number): string | null {
  const fen = fenOf(text);
  if (fen === null || !Number.isFinite(percent)) return null;
  const next = Math.round(fen * (1 + percent / 100));
  return (Math.max(0, next) / 100).toFixed(2);
}
