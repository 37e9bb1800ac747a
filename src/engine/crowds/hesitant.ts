/**
 * Hesitant crowd (犹豫不定需求人群): sees only the first few search results, scores each by a
 * utility blending price attractiveness, review score and composite index, then buys with a
 * probability that grows with the best utility, choosing by seeded weights. The ranking returned
 * here is the search order cut to what the buyer sees, best utility first; the market draws the
 * purchase and the choice per buyer. Promotions lower the price it sees and, when a discount,
 * flash sale or coupon is in force, add urgency.
 */
import type { Rules } from '../model';
import { composite } from './composite';
import { transactionFen, type CrowdRule, type Offer, type RankContext } from './offer';

export function hesitantUtility(o: Offer, ctx: RankContext, h: Rules['hesitant']): number {
  const unitFen = transactionFen(o, ctx.quantity, ctx.returning) / ctx.quantity;
  // 1 at the reference price, 0 at the legal cap, above 1 when cheaper than the reference.
  const span = Math.max(1, ctx.capFen - ctx.referenceFen);
  const price = Math.max(0, Math.min(2, 1 + (ctx.referenceFen - unitFen) / span));
  const review = o.reviewScore <= 0 ? 0 : o.reviewScore / (o.reviewScore + 20);
  const index = o.index / 100;
  // Urgency (course §4): a discount, flash sale or coupon in force makes the undecided act now.
  const urgency = o.promo == null ? 1 : ctx.returning ? o.promo.urgencyReturning : o.promo.urgency;
  return (h.priceWeight * price + h.reviewWeight * review + h.indexWeight * index) * o.conversion * urgency;
}

export function makeHesitant(h: Rules['hesitant']): CrowdRule {
  return {
    rank(offers: readonly Offer[], ctx: RankContext): Offer[] {
      // Search order: this engine version ranks search results like the composite crowd does.
      const seen = composite.rank(offers, ctx).slice(0, h.searchSlots);
      for (const o of seen) {
        o.utility = hesitantUtility(o, ctx, h);
        o.weight = Math.pow(o.utility, h.sharpness);
      }
      return seen.sort((a, b) => b.utility - a.utility || a.shuffleRank - b.shuffleRank);
    },
  };
}

/** Probability that a hesitant buyer buys at all, given the best utility on offer. */
export function buyProbability(bestUtility: number, h: Rules['hesitant']): number {
  return Math.max(0, Math.min(1, h.buyBase * bestUtility));
}
