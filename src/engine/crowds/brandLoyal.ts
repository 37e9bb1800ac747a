/**
 * Brand-loyal crowd (品牌需求人群): product review score + city influence, then composite index,
 * then lower price. A shop whose review score is below 0 is never chosen (course rule).
 */
import { byShuffle, transactionFen, type CrowdRule, type Offer, type RankContext } from './offer';

export const brandLoyal: CrowdRule = {
  rank(offers: readonly Offer[], ctx: RankContext): Offer[] {
    return offers
      .filter((o) => o.reviewScore >= 0)
      .sort(
        (a, b) =>
          b.reviewScore + b.cityInfluence - (a.reviewScore + a.cityInfluence) ||
          b.index - a.index ||
          transactionFen(a, ctx.quantity) - transactionFen(b, ctx.quantity) ||
          byShuffle(a, b),
      );
  },
};
