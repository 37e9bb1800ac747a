/**
 * What a buyer sees of one shop's listing during a tick: a snapshot taken before any buyer of the
 * tick chooses (collect, then resolve). Built once per tick, city and product; never per buyer.
 */
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
}

/** Transaction price for a wanted quantity (course rule §3): price × q + shipping (discounts: promotions). */
export function transactionFen(o: Offer, quantity: number): number {
  return o.priceFen * quantity + o.shippingFen;
}

export interface RankContext {
  quantity: number;
  referenceFen: number;
  capFen: number;
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
