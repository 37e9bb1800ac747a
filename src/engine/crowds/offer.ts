/**
 * What a buyer sees of one shop's listing during a tick: a snapshot taken before any buyer of the
 * tick chooses (collect, then resolve). Built once per tick, city and product; never per buyer.
 */
import type { CityMarket, ProductMarket } from '../market';
import type { Rules } from '../model';
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
  /** conversion multiplier of the shop's service response time for hesitant and composite buyers (course §5; 1 without service rules) */
  serviceConversion: number;
  /** hesitant buyers' utility of this offer, and its choice weight (utility ^ sharpness) */
  utility: number;
  weight: number;
  /** the RankContext.cacheKey `utility` and `weight` were computed for (-1 or absent: none) */
  utilityKey?: number;
  /** the shop's promotions in force for this offer on this tick (null: none; absent in old snapshots) */
  promo?: OfferPromo | null;
}

/**
 * Transaction price for a wanted quantity (course rule §3): price × q + shipping − the promotion
 * discount for that quantity (discounts, group buy, buy-more, flash sale, spend tiers, coupons).
 * What the crowds rank by: a flash sale's units and the coupons count as they were when the tick's
 * offers were taken (what the buyers saw), however many earlier buyers of the tick have taken.
 */
export function transactionFen(o: Offer, quantity: number, returning = false): number {
  const op = o.promo;
  return op == null ? o.priceFen * quantity + o.shippingFen : quote(op, quantity, 0, returning, true);
}

/**
 * Sort keys by shop for sortOffers: three numbers per shop, each compared lower first (a key
 * where higher wins is stored negated). Scratch buffers, grown on demand, valid until the next
 * ranking; `sortKeys(offers)` makes room for the offers' shops.
 */
export const sortKey = { k1: new Float64Array(64), k2: new Float64Array(64), k3: new Float64Array(64) };

export function sortKeys(offers: readonly Offer[]): typeof sortKey {
  let end = 0;
  for (const o of offers) if (o.shop >= end) end = o.shop + 1;
  if (sortKey.k1.length < end) {
    sortKey.k1 = new Float64Array(end * 2);
    sortKey.k2 = new Float64Array(end * 2);
    sortKey.k3 = new Float64Array(end * 2);
  }
  return sortKey;
}

/**
 * Sorts offers in place by sortKey's k1, then k2, then k3 (lower first), then the round's seeded
 * shop order: the order `Array.prototype.sort` gives with the comparator
 * `(a, b) => k1[a] - k1[b] || k2[a] - k2[b] || k3[a] - k3[b] || byShuffle(a, b)`, which is a total
 * order, so any correct sort gives the same result. A binary insertion sort: rankings are short,
 * and it calls no comparator function.
 */
export function sortOffers(offers: Offer[]): Offer[] {
  const { k1, k2, k3 } = sortKey;
  for (let i = 1; i < offers.length; i++) {
    const x = offers[i]!;
    const s = x.shop;
    let lo = 0;
    let hi = i;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const y = offers[mid]!;
      const t = y.shop;
      const d = k1[s]! - k1[t]! || k2[s]! - k2[t]! || k3[s]! - k3[t]! || x.shuffleRank - y.shuffleRank;
      if (d < 0) hi = mid;
      else lo = mid + 1;
    }
    for (let j = i; j > lo; j--) offers[j] = offers[j - 1]!;
    offers[lo] = x;
  }
  return offers;
}

export interface RankContext {
  quantity: number;
  referenceFen: number;
  capFen: number;
  /** ranking for returning potential customers: coupons aimed at them count */
  returning?: boolean;
  /**
   * Set (≥ 0) by a caller that ranks the same offer records several times with the same
   * reference, cap, quantity and returning flag (the market, within one city's tick): equal keys
   * mean an offer's hesitant utility computed before still holds. Absent: nothing is reused.
   */
  cacheKey?: number;
}

/**
 * A crowd's choice rule. Every crowd has the same signature: given the tick's offers, return the
 * offers in the order the crowd prefers them (omitting those it will not buy from). Deterministic
 * crowds return the same ranking for every buyer of a tick, so the market computes it once.
 */
export interface CrowdRule {
  /** `out`: an array to rank into (emptied first) instead of a new one */
  rank(offers: readonly Offer[], ctx: RankContext, out?: Offer[]): Offer[];
}

/** The first `count` of `offers` (all by default) copied into `out` (replacing what it held), or into a new array. */
export function copyInto(offers: readonly Offer[], out: Offer[] = [], count = offers.length): Offer[] {
  const n = Math.min(count, offers.length);
  for (let i = 0; i < n; i++) out[i] = offers[i]!;
  // Setting the length is slow: only when it changes (a reused array usually keeps its length).
  if (out.length !== n) out.length = n;
  return out;
}

/**
 * What a crowd ranks offers by (domain.md §4), in the words the "why" table uses:
 * `reviewAndInfluence` is product review score + city influence; `price` the transaction price
 * for the wanted quantity.
 */
export type RankingKeyId = 'reviewAndInfluence' | 'review' | 'index' | 'price';

export interface RankingKey {
  id: RankingKeyId;
  /** which end wins */
  better: 'higher' | 'lower';
  value(o: Offer, ctx: RankContext): number;
}

export const KEY_REVIEW_AND_INFLUENCE: RankingKey = { id: 'reviewAndInfluence', better: 'higher', value: (o) => o.reviewScore + o.cityInfluence };
export const KEY_REVIEW: RankingKey = { id: 'review', better: 'higher', value: (o) => o.reviewScore };
export const KEY_INDEX: RankingKey = { id: 'index', better: 'higher', value: (o) => o.index };
export const KEY_PRICE: RankingKey = { id: 'price', better: 'lower', value: (o, ctx) => transactionFen(o, ctx.quantity) };

/** A comparator that applies the keys in order, then the round's seeded shop order. */
export function compareByKeys(keys: readonly RankingKey[], ctx: RankContext): (a: Offer, b: Offer) => number {
  return (a, b) => {
    for (const key of keys) {
      const d = key.better === 'higher' ? key.value(b, ctx) - key.value(a, ctx) : key.value(a, ctx) - key.value(b, ctx);
      if (d !== 0) return d;
    }
    return byShuffle(a, b);
  };
}

/**
 * One buyer's turn in the market: the city's offers and this buyer's ranking of them (`key` is
 * the ranking's index in the city's rankings), its city, crowd, the wanted quantity and its code
 * (see stages/buyers.ts).
 */
export interface BuyerTurn {
  city: CityMarket;
  ranking: Offer[];
  key: number;
  c: number;
  k: number;
  quantity: number;
  /** shop the buyer is a fan of (brand-loyal returning customers), or -1 */
  fan: number;
  /** a potential customer coming back */
  returning: boolean;
  /** the keyword it searched (-1: it compares every offer without a results page) */
  keyword: number;
}

/**
 * A crowd's whole behaviour (domain.md §4, §7): how deep it looks into search results, what it
 * ranks by, its ranking, and how one of its buyers buys from that ranking.
 */
export interface CrowdBehaviour extends CrowdRule {
  /** crowd index (BRAND_LOYAL …) */
  crowd: number;
  /** what the crowd ranks by, most important first; the "why" table reads these */
  keys: readonly RankingKeyId[];
  /** how many search results it looks at (Infinity: it compares every eligible offer, whatever its position) */
  searchDepth(rules: Rules): number;
  /** one buyer of this crowd buys (or not) from its ranking */
  buy(m: ProductMarket, b: BuyerTurn): void;
}

export function byShuffle(a: Offer, b: Offer): number {
  return a.shuffleRank - b.shuffleRank;
}
