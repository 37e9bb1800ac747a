/**
 * Hesitant crowd (犹豫不定需求人群): sees only the first few search results, scores each by a
 * utility blending price attractiveness, review score and composite index, then buys with a
 * probability that grows with the best utility, choosing by seeded weights. The ranking returned
 * here is the search order cut to what the buyer sees, best utility first; each buyer then draws
 * whether to buy and from whom. Promotions lower the price it sees and, when a discount,
 * flash sale or coupon is in force, add urgency.
 */
import { HESITANT, NO_PURCHASE, OUT_OF_STOCK, type Rules } from '../model';
import type { ProductMarket } from '../market';
import { click, lose, order } from '../orders';
import { promoGone } from '../promotions/round';
import { logVisit } from '../customers';
import { copyInto, sortKeys, sortOffers, transactionFen, type BuyerTurn, type CrowdBehaviour, type Offer, type RankContext, type RankingKeyId } from './offer';

export function hesitantUtility(o: Offer, ctx: RankContext, h: Rules['hesitant']): number {
  const unitFen = transactionFen(o, ctx.quantity, ctx.returning) / ctx.quantity;
  // 1 at the reference price, 0 at the legal cap, above 1 when cheaper than the reference.
  const span = Math.max(1, ctx.capFen - ctx.referenceFen);
  const price = Math.max(0, Math.min(2, 1 + (ctx.referenceFen - unitFen) / span));
  const review = o.reviewScore <= 0 ? 0 : o.reviewScore / (o.reviewScore + 20);
  const index = o.index / 100;
  // Urgency (course §4): a discount, flash sale or coupon in force makes the undecided act now.
  const urgency = o.promo == null ? 1 : ctx.returning ? o.promo.urgencyReturning : o.promo.urgency;
  // Negative tags and a slow answer to its question (course §5) both lose the undecided buyer.
  return (h.priceWeight * price + h.reviewWeight * review + h.indexWeight * index) * o.conversion * o.serviceConversion * urgency;
}

/** Its utility blends these three (weights in rules.hesitant); it ranks by that utility. */
export const HESITANT_KEYS: readonly RankingKeyId[] = ['price', 'review', 'index'];

/** The hesitant crowd for a scenario's rules. */
export function makeHesitant(h: Rules['hesitant']): CrowdBehaviour {
  return {
    crowd: HESITANT,
    keys: HESITANT_KEYS,
    searchDepth: () => h.searchSlots,
    /** `offers` are the search results in order; the buyer sees the first few. */
    rank(offers: readonly Offer[], ctx: RankContext, out: Offer[] = []): Offer[] {
      const seen = copyInto(offers, out, h.searchSlots);
      const key = ctx.cacheKey ?? -1;
      for (const o of seen) {
        // The same offer on another results page of the tick, for the same quantity: the same utility.
        if (key >= 0 && o.utilityKey === key) continue;
        o.utility = hesitantUtility(o, ctx, h);
        o.weight = Math.pow(o.utility, h.sharpness);
        o.utilityKey = key;
      }
      // Higher utility first, then the seeded shop order.
      const { k1, k2, k3 } = sortKeys(seen);
      for (const o of seen) {
        k1[o.shop] = -o.utility;
        k2[o.shop] = 0;
        k3[o.shop] = 0;
      }
      return sortOffers(seen);
    },
    buy(m: ProductMarket, b: BuyerTurn): void {
      buyHesitant(m, b, h);
    },
  };
}

/**
 * One hesitant buyer: visits every result it sees; among those with stock, buys at all with a
 * probability that grows with the best utility, then picks one by seeded weights; what that shop
 * lacks it takes from the others it saw. Undecided, it becomes a potential customer (潜在客户)
 * and may come back on a later tick; a second no is final.
 */
function buyHesitant(m: ProductMarket, b: BuyerTurn, h: Rules['hesitant']): void {
  const { city, ranking, key, c, k } = b;
  const choice = m.choice;
  const seen = m.seen;
  const weights = m.weights;
  const rankedWeights = city.weights[key]!;
  const rankedUtilities = city.utilities[key]!;
  const stats = b.keyword >= 0 ? m.ctx.state.keywordStats[b.keyword]! : null;
  // The results it sees: impressions, counted per ranking at dispatch.
  city.visitors[key]!++;
  let live = 0;
  let wsum = 0;
  let best = 0;
  for (let j = 0; j < ranking.length; j++) {
    const o = ranking[j]!;
    if (o.available > 0 || o.presaleAvailable > 0) {
      if (live === 0) best = rankedUtilities[j]!;
      seen[live] = o;
      m.seenAt[live] = j;
      const w = rankedWeights[j]!;
      weights[live++] = w;
      wsum += w;
    }
  }
  if (live === 0) {
    lose(m.ctx, c, k, ranking.length ? OUT_OF_STOCK : city.lostReason);
    return;
  }
  if (choice.next() >= buyProbability(best, h)) {
    // It opened the most attractive result, then left undecided.
    click(m, b, seen[0]!, m.seenAt[0]!);
    if (b.returning) lose(m.ctx, c, k, NO_PURCHASE);
    else {
      m.ctx.state.potential[c * m.P + m.p]!++;
      // Favourited or carted at the shop it liked best (潜在客户 of that shop).
      logVisit(m.visitLog, m.customer, seen[0]!.shop, -1, 0);
    }
    return;
  }
  let pick = 0;
  if (live > 1 && wsum > 0) {
    let u = choice.next() * wsum;
    for (pick = 0; pick < live - 1; pick++) {
      u -= weights[pick]!;
      if (u < 0) break;
    }
  }
  let want = b.quantity;
  click(m, b, seen[pick]!, m.seenAt[pick]!);
  // The flash sale or coupon that drew it may have run out since: then it buys there only with
  // rules.search.promoGoneConversion's odds (tags and the detail page are in its utility already).
  const goneConversion = m.world.rules.search.promoGoneConversion;
  const gone = goneConversion < 1 && promoGone(seen[pick]!.promo) && choice.next() >= goneConversion;
  let got = gone ? 0 : order(m, seen[pick]!, want, c, k, b.returning, false);
  if (got > 0 && stats) stats.orders++;
  want -= got;
  for (let j = 0; j < live && want > 0; j++) {
    if (j === pick) continue;
    click(m, b, seen[j]!, m.seenAt[j]!);
    got = order(m, seen[j]!, want, c, k, b.returning, false);
    if (got > 0 && stats) stats.orders++;
    want -= got;
  }
  if (want === b.quantity) lose(m.ctx, c, k, gone ? NO_PURCHASE : OUT_OF_STOCK);
}

/** Probability that a hesitant buyer buys at all, given the best utility on offer. */
export function buyProbability(bestUtility: number, h: Rules['hesitant']): number {
  return Math.max(0, Math.min(1, h.buyBase * bestUtility));
}
