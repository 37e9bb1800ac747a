/**
 * One promotion figure, reconciled. The promotion report counts a discount when the buyer orders;
 * the books count it as a cost when the parcel is delivered (revenue and discount booked
 * together). The two differ by the discounts on parcels still on the way at the round's start
 * and end, and on parcels refused for being late. This module states that bridge so the Review
 * shows one story with numbers that add up.
 */
import { COST_KINDS, type GameState } from '../engine';

export interface PromotionLedger {
  /** discounts given on orders placed this round (the promotion report's total) */
  orderedFen: number;
  /** discounts on orders of earlier rounds, delivered this round */
  carriedInFen: number;
  /** discounts on this round's orders still on the way at the round's end */
  inTransitFen: number;
  /** discounts on parcels refused as late (never booked) */
  refusedFen: number;
  /** the books' promotion cost this round (delivered orders) */
  bookedFen: number;
}

/** Discounts on a shop's parcels and presale backorders not yet delivered in a state. */
export function discountsOnTheWay(state: GameState, shop: number): number {
  let n = 0;
  for (const parcel of state.parcels) if (parcel.shop === shop) n += parcel.discountFen ?? 0;
  for (const inb of state.inbound) if (inb.shop === shop) for (const b of inb.backorders) n += b.discountFen ?? 0;
  return n;
}

export function promotionLedger(before: GameState, after: GameState, shop: number): PromotionLedger | null {
  const me = after.reports[after.reports.length - 1]?.shops[shop];
  if (!me) return null;
  const orderedFen = (me.promotions ?? []).reduce((a, r) => a + r.discountFen, 0);
  const bookedFen = me.costsFen[COST_KINDS.indexOf('promotion')]!;
  const carriedInFen = discountsOnTheWay(before, shop);
  const inTransitFen = discountsOnTheWay(after, shop);
  const refusedFen = orderedFen + carriedInFen - inTransitFen - bookedFen;
  return { orderedFen, carriedInFen, inTransitFen, refusedFen, bookedFen };
}
