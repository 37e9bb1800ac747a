/**
 * Low-price crowd (低价格需求人群): lowest transaction price for the wanted quantity, then review
 * score, then composite index. Whoever is cheapest wins (course rule). It compares every eligible
 * offer, so search position does not sway it.
 */
import { LOW_PRICE } from '../model';
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

export const KEYS = [KEY_PRICE, KEY_REVIEW, KEY_INDEX];

export const lowPrice: CrowdBehaviour = {
  crowd: LOW_PRICE,
  keys: KEYS.map((k) => k.id),
  searchDepth: () => Infinity,
  rank(offers: readonly Offer[], ctx: RankContext, out?: Offer[]): Offer[] {
    // KEYS written out (a test checks they agree): this sort runs for every city, crowd and tick.
    // Lower price first, then higher review score, then higher index, then the seeded shop order.
    const ranked = copyInto(offers, out);
    const { k1, k2, k3 } = sortKeys(ranked);
    for (const o of ranked) {
      k1[o.shop] = transactionFen(o, ctx.quantity);
      k2[o.shop] = -o.reviewScore;
      k3[o.shop] = -o.index;
    }
    return sortOffers(ranked);
  },
  buy(m: ProductMarket, b: BuyerTurn): void {
    buyDownRanking(m, b, b.quantity, b.city.lostReason);
  },
};
