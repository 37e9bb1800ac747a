/**
 * Composite-score crowd (综合评价需求人群): composite index, then review score, then lower price.
 * It looks at the first page of search results (rules.search.pageSize), opens each result with
 * its position's chance, and buys from the best-ranked one it opened.
 */
import { COMPOSITE } from '../model';
import type { ProductMarket } from '../market';
import {
  copyInto,
  KEY_INDEX,
  KEY_PRICE,
  KEY_REVIEW,
  sortKeys,
  sortOffers,
  transactionFen,
  type BuyerTurn,
  type CrowdBehaviour,
  type Offer,
  type RankContext,
} from './offer';
import { buyDownRanking } from './rankedBuyer';

export const KEYS = [KEY_INDEX, KEY_REVIEW, KEY_PRICE];

export const composite: CrowdBehaviour = {
  crowd: COMPOSITE,
  keys: KEYS.map((k) => k.id),
  searchDepth: (rules) => rules.search.pageSize,
  rank(offers: readonly Offer[], ctx: RankContext, out?: Offer[]): Offer[] {
    // KEYS written out (a test checks they agree): this sort runs for every city, crowd and tick.
    // Higher index first, then higher review score, then lower price, then the seeded shop order.
    const ranked = copyInto(offers, out);
    const { k1, k2, k3 } = sortKeys(ranked);
    for (const o of ranked) {
      k1[o.shop] = -o.index;
      k2[o.shop] = -o.reviewScore;
      k3[o.shop] = transactionFen(o, ctx.quantity);
    }
    return sortOffers(ranked);
  },
  buy(m: ProductMarket, b: BuyerTurn): void {
    buyDownRanking(m, b, b.quantity, b.city.lostReason, true);
  },
};
