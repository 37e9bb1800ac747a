/**
 * What a buyer sees of one shop's listing during a tick: a snapshot taken before any buyer of the
 * tick chooses (collect, then resolve). Built once per tick, city and product; never per buyer.
 */
import { quote, type OfferPromo } from '../promotions/round';

export interface Offer {
  shop: number;
  priceFen: number;
  /** shipping the buyer pays, per order */
  shippingFen: number;
  reviewScore: number;
  cityInfluence: number;
  index: number;
  /** the shop's position in the round's seeded shuffle: the final tie-break */
  shuffleRank: number;
  /** warehouses that reach the buyer before the deadline, fastest first */
  sources: number[];
  /** units on hand in those warehouses (live: falls as buyers take them) */
  available: number;
  presale: boolean;
  /** units of restock in transit the shop may still presell (0 unless the listing allows presale) */
  presaleAvailable: number;
  /** conversion multiplier of the product's negative tags (1 when under the threshold) */
  conversion: number;
  /** hesitant buyers' utility of this offer, and its choice weight (utility ^ sharpness) */
  utility: number;
  weight: number;
  /** the shop's promotions in force for this offer on this tick (null: none; absent in old snapshots) */
  promo?: OfferPromo | null;
}

/**
 * Transaction price for a wanted quantity (course rule §3): price × q + shipping − the promotion
 * discount for that quantity (discounts, group buy, buy-more, flash sale, spend tiers, coupons).
 */
export function transactionFen(o: Offer, quantity: number, returning = false): number {
  const op = o.promo;
  return op == null ? o.priceFen * quantity + o.shippingFen : quote(op, quantity, 0, returning);
}

export interface RankContext {
  quantity: number;
  referenceFen: number;
  capFen: number;
  /** ranking for returning potential customers: coupons aimed at them count */
  returning?: boolean;
}

/**
 * A crowd's choice rule. Every crowd has the same signature: given the tick's offers, return the
 * offers in the order the crowd prefers them (omitting those it will not buy from). Deterministic
 * crowds return the same ranking for every buyer of a tick, so the market computes it once.
 */
export interface CrowdRule {
  rank(offers: readonly Offer[], ctx: RankContext): Offer[];
}

export function byShuffle(a: Offer, b: Offer): number {
  return a.shuffleRank - b.shuffleRank;
}
