/** Composite-score crowd (综合评价需求人群): composite index, then review score, then lower price. */
import { byShuffle, transactionFen, type CrowdRule, type Offer, type RankContext } from './offer';

export const composite: CrowdRule = {
  rank(offers: readonly Offer[], ctx: RankContext): Offer[] {
    return offers
      .slice()
      .sort(
        (a, b) =>
          b.index - a.index ||
          b.reviewScore - a.reviewScore ||
          transactionFen(a, ctx.quantity) - transactionFen(b, ctx.quantity) ||
          byShuffle(a, b),
      );
  },
};
