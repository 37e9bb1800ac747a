/**
 * Low-price crowd (低价格需求人群): lowest transaction price for the wanted quantity, then review
 * score, then composite index. Whoever is cheapest wins (course rule). It compares every eligible
 * offer, so search position does not sway it.
 */
import { LOW_PRICE } from '../model';
import type { ProductMarket } from '../market';
import { byShuffle, KEY_INDEX, KEY_PRICE, KEY_REVIEW, transactionFen, type BuyerTurn, type CrowdBehaviour, type Offer, type RankContext } from './offer';
import { buyDownRanking } from './rankedBuyer';

export const KEYS = [KEY_PRICE, KEY_REVIEW, KEY_INDEX];

export const lowPrice: CrowdBehaviour = {
  crowd: LOW_PRICE,
  keys: KEYS.map((k) => k.id),
  searchDepth: () => Infinity,
  rank(offers: readonly Offer[], ctx: RankContext): Offer[] {
    // KEYS written out (a test checks they agree): this sort runs for every city, crowd and tick.
    return offers
      .slice()
      .sort(
        (a, b) =>
          transactionFen(a, ctx.quantity) - transactionFen(b, ctx.quantity) ||
          b.reviewScore - a.reviewScore ||
          b.index - a.index ||
          byShuffle(a, b),
      );
  },
  buy(m: ProductMarket, b: BuyerTurn): void {
    buyDownRanking(m, b, b.quantity, b.city.lostReason);
  },
};
