/**
 * Low-price crowd (低价格需求人群): lowest transaction price for the wanted quantity, then review
 * score, then composite index. Whoever is cheapest wins (course rule).
 */
import { byShuffle, transactionFen, type CrowdRule, type Offer, type RankContext } from './offer';

export const lowPrice: CrowdRule = {
  rank(offers: readonly Offer[], ctx: RankContext): Offer[] {
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
};
