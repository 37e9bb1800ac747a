/**
 * How a buyer of a deterministic crowd (brand-loyal, low-price, composite) buys: down its crowd's
 * ranking, from the first offer that still has stock; what that shop lacks goes to the next one.
 * Each offer it goes to is a click (a visit); a result on a page is opened only with its
 * position's chance, so a buyer who opens nothing buys nothing. The page converts the visit with
 * the offer's conversion (negative tags × detail-page quality), times rules.search.promoGoneConversion
 * when the flash sale or coupon the buyer saw in search has run out.
 */
import { NO_PURCHASE, OUT_OF_STOCK } from '../model';
import type { ProductMarket } from '../market';
import { click, lose, order } from '../orders';
import { promoGone } from '../promotions/round';
import type { BuyerTurn } from './offer';

/** Buys `want` units down the ranking; a buyer who got nothing is lost with `emptyReason` when nobody qualified. */
export function buyDownRanking(m: ProductMarket, b: BuyerTurn, want: number, emptyReason: number, slowService = false): void {
  const { city, ranking, key, c, k } = b;
  const choice = m.choice;
  const attention = city.attention[key];
  // Every buyer of a ranking sees all of it (impressions, counted per ranking at dispatch).
  city.visitors[key]!++;
  // Stock only falls during a tick: offers before the ranking's first one with stock stay sold out.
  let j = city.firstLive[key]!;
  while (j < ranking.length && ranking[j]!.available <= 0 && ranking[j]!.presaleAvailable <= 0) j++;
  city.firstLive[key] = j;
  const live = j < ranking.length;
  for (; j < ranking.length && want > 0; j++) {
    const o = ranking[j]!;
    if (o.available <= 0 && o.presaleAvailable <= 0) continue;
    if (attention !== undefined && choice.next() >= attention[j]!) continue;
    click(m, b, o, j);
    // The detail page converts the visit (negative tags, page quality), less when the flash sale
    // or coupon seen in search has run out meanwhile; composite buyers also leave a page whose
    // questions go unanswered (course §5).
    let conversion = promoGone(o.promo) ? o.conversion * m.world.rules.search.promoGoneConversion : o.conversion;
    if (slowService) conversion *= o.serviceConversion;
    if (conversion < 1 && choice.next() >= conversion) continue;
    const got = order(m, o, want, c, k, false, false);
    if (got > 0 && b.keyword >= 0) m.ctx.state.keywordStats[b.keyword]!.orders++;
    want -= got;
  }
  if (want === b.quantity) lose(m.ctx, c, k, ranking.length === 0 ? emptyReason : live && attention !== undefined ? NO_PURCHASE : OUT_OF_STOCK);
}
