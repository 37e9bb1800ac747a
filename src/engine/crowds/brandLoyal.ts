/**
 * Brand-loyal crowd (品牌需求人群): product review score + city influence, then composite index,
 * then lower price. A shop whose review score is below 0 is never chosen (course rule). A fan
 * whose last purchase was rated 4–5 goes back to that shop first, as its member (会员). It
 * compares every eligible offer, so search position does not sway it.
 */
import { BRAND_LOYAL, REVIEW_BELOW_ZERO } from '../model';
import type { ProductMarket } from '../market';
import { click, order } from '../orders';
import {
  KEY_INDEX,
  KEY_PRICE,
  KEY_REVIEW_AND_INFLUENCE,
  sortKeys,
  sortOffers,
  transactionFen,
  type BuyerTurn,
  type CrowdBehaviour,
  type Offer,
  type RankContext,
} from './offer';
import { buyDownRanking } from './rankedBuyer';

export const KEYS = [KEY_REVIEW_AND_INFLUENCE, KEY_INDEX, KEY_PRICE];

export const brandLoyal: CrowdBehaviour = {
  crowd: BRAND_LOYAL,
  keys: KEYS.map((k) => k.id),
  searchDepth: () => Infinity,
  rank(offers: readonly Offer[], ctx: RankContext, out: Offer[] = []): Offer[] {
    // KEYS written out (a test checks they agree): this sort runs for every city, crowd and tick.
    let n = 0;
    for (const o of offers) if (o.reviewScore >= 0) out[n++] = o;
    if (out.length !== n) out.length = n;
    // Higher review score + influence first, then higher index, then lower price, then the seeded shop order.
    const { k1, k2, k3 } = sortKeys(out);
    for (const o of out) {
      k1[o.shop] = -(o.reviewScore + o.cityInfluence);
      k2[o.shop] = -o.index;
      k3[o.shop] = transactionFen(o, ctx.quantity);
    }
    return sortOffers(out);
  },
  buy(m: ProductMarket, b: BuyerTurn): void {
    let want = b.quantity;
    if (b.fan >= 0) {
      const o = b.city.byShop[b.fan];
      if (o && o.reviewScore >= 0) {
        click(m, b, o, -1);
        want -= order(m, o, want, b.c, b.k, false, true);
      }
    }
    // Nobody in the ranking although shops offer the product: all are below review score 0.
    buyDownRanking(m, b, want, b.city.offers.length > 0 ? REVIEW_BELOW_ZERO : b.city.lostReason);
  },
};
