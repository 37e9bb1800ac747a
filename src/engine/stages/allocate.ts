/**
 * Allocate (resolve, course §4): the tick's buyers, in their seeded order, each draw the quantity
 * they want and buy as their crowd buys (crowds/*.ts): down the crowd's ranking from the first
 * offer that still has stock, or, for hesitant buyers, by a seeded choice among what they saw.
 * A buyer left with nothing is lost demand, counted with its reason.
 * The per-buyer loop works on plain arrays and numbers only.
 */
import type { BuyerTurn } from '../crowds/offer';
import { order } from '../orders';
import { STAT_DISCOUNT, STAT_ORDERS, STAT_REVENUE, STAT_UNITS } from '../promotions/round';
import { toolOf } from '../promotions/tools';
import type { ProductMarket } from '../market';
import { CROWD_COUNT, HESITANT } from '../model';
import { makeRanking } from './choose';
import { CROWD_SHIFT, FAN_MASK, FAN_SHIFT, PAGE_MASK, PAGE_SHIFT, RETURNING } from './buyers';

export function allocate(m: ProductMarket): void {
  const { world, P, p, crowds } = m;
  const choice = m.choice;
  const quantities = world.demand;
  const codes = m.buyers;
  m.visits.fill(0);
  const turn: BuyerTurn = { city: m.cities[0]!, ranking: [], key: 0, c: 0, k: 0, quantity: 0, fan: -1, returning: false, keyword: -1 };
  const rules = world.rules;
  const searching = crowds.map((x) => x.searchDepth(rules) !== Infinity);
  const pages = m.pagesPerCity;
  // Member points pull their holders back (course §9) once any shop has given some.
  const points = m.ctx.state.customers.pointsGiven === 1;
  const cities = m.cities;
  const customerIds = m.customerIds;
  const coupons = m.coupons;
  const n = m.n;
  for (let b = 0; b < n; b++) {
    const code = codes[b]!;
    const c = code & 0xff;
    const k = (code >> CROWD_SHIFT) & 7;
    const city = cities[c]!;
    const dist = quantities[c * P + p]!.quantities;
    let qi = 0;
    if (dist.length > 1) {
      const u = choice.next();
      let acc = 0;
      for (qi = 0; qi < dist.length - 1; qi++) {
        acc += dist[qi]!.weight;
        if (u < acc) break;
      }
    }
    const returning = (code & RETURNING) !== 0;
    const nQ = dist.length;
    const page = searching[k] ? (code >> PAGE_SHIFT) & PAGE_MASK : -1;
    // Returning potential customers see the coupons aimed at them: their own ranking, after the others.
    const own = page >= 0 && returning && city.potentialCoupon;
    const key = page < 0 ? qi * CROWD_COUNT + k : own ? pages * nQ * CROWD_COUNT + page * nQ + qi : (page * nQ + qi) * CROWD_COUNT + k;
    turn.city = city;
    turn.key = key;
    turn.c = c;
    turn.k = k;
    turn.quantity = dist[qi]!.quantity;
    turn.fan = ((code >> FAN_SHIFT) & FAN_MASK) - 1;
    turn.returning = returning;
    turn.keyword = page < 0 ? -1 : page >> 1;
    m.tried = false;
    m.customer = customerIds[b]!;
    const coupon = coupons[b]!;
    if (coupon >= 0 && couponOrder(m, turn, coupon)) continue;
    if (points && pointsOrder(m, turn)) continue;
    // Rankings are made from the tick's snapshot when their first buyer comes.
    turn.ranking = city.rankings[key] ?? makeRanking(m, city, c, key, own ? HESITANT : k, page, qi, own);
    crowds[k]!.buy(m, turn);
  }
}

/**
 * A customer a coupon brought back (course §8, §9) buys at the coupon's shop, as its member, and
 * uses the coupon as its tool allows (`sentOffFen`: the coupon's own goods threshold, coupons left). Returns false
 * when the shop cannot sell to it (no offer, no stock, review below 0): it then buys as its crowd does.
 */
function couponOrder(m: ProductMarket, b: BuyerTurn, coupon: number): boolean {
  const s = b.fan;
  const o = b.city.byShop[s];
  if (!o || o.reviewScore < 0 || (o.available <= 0 && o.presaleAvailable <= 0)) return false;
  m.visits[s]!++;
  m.head = null;
  const got = order(m, o, b.quantity, b.c, b.k, false, true);
  if (got === 0) return false;
  const sp = m.promos?.shops[s];
  const pr = sp?.list[coupon];
  if (!sp || !pr) return true;
  const goodsFen = got * o.priceFen;
  const off = toolOf(pr.type).sentOffFen?.(pr, goodsFen, sp.remaining[coupon]!) ?? -1;
  const head = m.head as { discountFen?: number } | null;
  // Points and a coupon together never pay more than the goods: then the coupon stays unused.
  if (off < 0 || head === null || off > goodsFen - m.pointsOffFen) return true;
  head.discountFen = (head.discountFen ?? 0) + off;
  sp.remaining[coupon]!--;
  sp.stats[coupon * 4 + STAT_ORDERS]!++;
  sp.stats[coupon * 4 + STAT_UNITS]! += got;
  sp.stats[coupon * 4 + STAT_REVENUE]! += goodsFen + o.shippingFen - off;
  sp.stats[coupon * 4 + STAT_DISCOUNT]! += off;
  return true;
}

/**
 * Member points (会员积分, course §9) reward members: a customer holding points at shops that can
 * sell to it now comes back first, with chance min(1, rules.customers.pointsPull × the share of its
 * order the points pay at the shop where they pay most; the lowest index on a tie), and buys there
 * as its member (the points are redeemed with the order). Returns false when it did not come back
 * or the shop sold it nothing: it then buys as its crowd does. Its visit is an impression and a
 * click of the shop (it opened the shop from its order history).
 */
function pointsOrder(m: ProductMarket, b: BuyerTurn): boolean {
  const S = m.S;
  const held = m.ctx.state.customers.pointsFen;
  const base = m.customer * S;
  const rules = m.world.rules.customers;
  let best = -1;
  let bestShare = 0;
  for (let s = 0; s < S; s++) {
    const h = held[base + s]!;
    if (h <= 0) continue;
    const o = b.city.byShop[s];
    if (!o || o.reviewScore < 0 || (o.available <= 0 && o.presaleAvailable <= 0)) continue;
    const share = Math.min(h / (o.priceFen * b.quantity), rules.pointsRedeemShare);
    if (share > bestShare) {
      bestShare = share;
      best = s;
    }
  }
  if (best < 0 || m.choice.next() >= rules.pointsPull * bestShare) return false;
  const o = b.city.byShop[best]!;
  const search = m.shops[best]!.ledger.search;
  search.impressions++;
  search.impressionsByProduct[m.p]!++;
  m.visits[best]!++;
  m.head = null;
  return order(m, o, b.quantity, b.c, b.k, false, true) > 0;
}
