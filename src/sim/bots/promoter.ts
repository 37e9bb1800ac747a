/**
 * Promoter: prices like the balanced bot (a little under the reference, shipping included) and
 * runs the platform's promotion tools every round, within the platform's rules, so that students
 * meet promotions from the other side: a limited-time discount on its best-stocked product, a
 * buy-more threshold just above the usual quantity, a spend reward 20% above its average order
 * value, a coupon for potential customers (and from round 3 one for its sleeping customers),
 * bundles of two products, and from round 2 a flash
 * sale, a group buy and a member day.
 */
import { emptyRound } from '../../scenario/load';
import { capFromReferenceFen, DEFAULT_PROMOTION_RULES, PRICE_FLOOR_FEN, mulRoundHalfUp, type Promotion, type RoundDecision } from '../../engine';
import { planRestock, staffAgents } from './common';
import { capFen, referenceFen, tidyPrice, type BotView } from './view';

export function promoter(view: BotView): RoundDecision {
  const { world, me } = view;
  const d = emptyRound();
  const C = world.cities.length;
  const P = world.products.length;
  const T = world.ticksPerRound;
  const sells = (c: number, p: number) => world.products[p]!.referencePriceFen[c]! > 0;
  const price = new Array<number>(C * P).fill(0);
  for (let c = 0; c < C; c++) {
    for (let p = 0; p < P; p++) {
      if (!sells(c, p)) continue;
      const ref = referenceFen(view, c, p);
      const priceFen = tidyPrice(Math.min(capFen(view, c, p), Math.round(ref * (0.95 + 0.04 * view.rng.next()))));
      price[c * P + p] = priceFen;
      d.listings.push({ city: c, product: p, listing: { priceFen, shippingFen: 0, sellerPaysShipping: true, presale: false } });
    }
  }
  d.restock = planRestock(view, { ambition: 1.2, reserveFen: 200000 }, sells);

  const promos: Promotion[] = [];
  const listedIn = (p: number) => {
    for (let c = 0; c < C; c++) if (price[c * P + p]! > 0) return true;
    return false;
  };
  // The product with the most units on hand gets the discount (clear the shelves).
  let stocked = -1;
  let most = -1;
  for (let p = 0; p < P; p++) {
    if (!listedIn(p)) continue;
    let units = 0;
    for (let w = 0; w < C; w++) units += me.stock[w * P + p]!;
    if (units > most) {
      most = units;
      stocked = p;
    }
  }
  if (stocked >= 0 && canDiscount(price, stocked, 0.9)) {
    promos.push({ type: 'limitedDiscount', product: stocked, city: null, rate: 0.9, fromTick: 1, toTick: Math.min(T, 10) });
  }

  // Buy-more just above the largest usual quantity, where a buyer wanting it is within reach.
  const reach = (world.rules.promotions ?? DEFAULT_PROMOTION_RULES).upgradeReach;
  for (let p = 0; p < P; p++) {
    if (!listedIn(p)) continue;
    let maxQ = 1;
    for (let c = 0; c < C; c++) for (const q of world.demand[c * P + p]!.quantities) if (q.weight > 0) maxQ = Math.max(maxQ, q.quantity);
    if (maxQ < 2) continue;
    const k = maxQ >= reach * (maxQ + 1) ? maxQ + 1 : maxQ;
    if (canDiscount(price, p, 0.92)) promos.push({ type: 'buyMoreDiscount', product: p, city: null, minQuantity: k, rate: 0.92, fromTick: 1, toTick: T });
  }

  // Average order value of the last round (gross), or the mean listed price.
  let listedSum = 0;
  let listedN = 0;
  for (const x of price) {
    if (x > 0) {
      listedSum += x;
      listedN++;
    }
  }
  const meanPrice = listedN ? Math.round(listedSum / listedN) : 0;
  const aov = me.ledger.orders > 0 ? Math.round(me.ledger.revenueFen / me.ledger.orders) : meanPrice;
  if (aov >= 1000) {
    // Course advice: set the threshold 10–30% above the average order value.
    const threshold = Math.ceil((aov * 1.2) / 100) * 100;
    const off = Math.max(100, Math.round((threshold * 0.06) / 100) * 100);
    if (off <= threshold - 100) promos.push({ type: 'spendReward', tiers: [{ thresholdFen: threshold, offFen: off }], fromTick: 1, toTick: T });
  }
  if (meanPrice >= 1000) {
    const threshold = Math.floor(meanPrice / 100) * 100;
    const amount = Math.max(100, Math.round((meanPrice * 0.05) / 100) * 100);
    if (amount <= threshold - 100) promos.push({ type: 'coupon', amountFen: amount, thresholdFen: threshold, quantity: 100, target: 'potential', fromTick: 1, toTick: T });
    // From round 3, twice that for its sleeping customers (沉睡客户): wake them before they are gone.
    if (view.round >= 3 && 2 * amount <= threshold - 100) promos.push({ type: 'coupon', amountFen: 2 * amount, thresholdFen: threshold, quantity: 50, target: 'sleeping', fromTick: 1, toTick: T });
  }

  // Bundles of two products, 8% under the pair, one per city where both are listed.
  if (P >= 2) {
    for (let c = 0; c < C; c++) {
      const a = price[c * P]!;
      const b = price[c * P + 1]!;
      if (a === 0 || b === 0) continue;
      const bundlePrice = tidyPrice(Math.round((a + b) * 0.92));
      if (bundlePrice >= 100 && bundlePrice < a + b) {
        promos.push({ type: 'bundle', city: c, items: [{ product: 0, quantity: 1 }, { product: 1, quantity: 1 }], priceFen: bundlePrice, shippingFen: 0 });
      }
    }
  }

  if (view.round >= 2) {
    // A flash sale on the best-stocked product for the first three days.
    if (stocked >= 0) {
      let lowest = Infinity;
      for (let c = 0; c < C; c++) if (price[c * P + stocked]! > 0) lowest = Math.min(lowest, price[c * P + stocked]!);
      const flash = tidyPrice(Math.round(lowest * 0.7));
      if (flash >= PRICE_FLOOR_FEN && flash < lowest) {
        promos.push({ type: 'flashSale', product: stocked, city: null, priceFen: flash, quantity: 20, perBuyer: 1, fromTick: 1, toTick: Math.min(T, 3) });
      }
    }
    // A group buy in the first city that sells product 0, under the local market price.
    const gbFloat = (world.rules.promotions ?? DEFAULT_PROMOTION_RULES).groupBuyFloat;
    for (let c = 0; c < C; c++) {
      const list = price[c * P]!;
      if (list === 0) continue;
      const cap = capFromReferenceFen(referenceFen(view, c, 0), gbFloat);
      const group = tidyPrice(Math.min(cap, Math.round(list * 0.9)));
      if (group >= PRICE_FLOOR_FEN && group < list && group <= cap) {
        promos.push({ type: 'groupBuy', product: 0, city: c, priceFen: group, fromTick: Math.min(T, 11), toTick: Math.min(T, 20) });
      }
      break;
    }
    // Member day: members (returning fans) buy 2, get 1 free.
    promos.push({ type: 'memberDay', weekday: view.round % 7, buy: 2, get: 1, product: null });
  }
  d.promotions = promos;
  if (world.rules.service) d.service = { agents: staffAgents(view, 1.25) };
  return d;

  /** The discounted price stays ≥ 1.00 yuan wherever the product is listed (rules 8.1c, 8.4d). */
  function canDiscount(prices: number[], p: number, rate: number): boolean {
    for (let c = 0; c < C; c++) {
      const x = prices[c * P + p]!;
      if (x > 0 && mulRoundHalfUp(x, rate) < PRICE_FLOOR_FEN) return false;
    }
    return true;
  }
}
