/**
 * Orders: one buyer's purchase from one shop's offer, taken from stock (fastest warehouse first),
 * then presale; promotions applied once per buyer (bundle or buy-more upgrade); the tick's parts
 * collected per shop, warehouse and city so that dispatch sends one parcel for each. Plain arrays
 * and numbers only: this runs once per order.
 */
import type { BuyerTurn, Offer } from './crowds/offer';
import { bookCost } from './ledger';
import { CROWD_COUNT, LOST_REASON_COUNT, type Backorder, type Bundle, type Inbound, type World } from './model';
import type { ProductMarket } from './market';
import type { RoundContext } from './context';
import { logVisit } from './customers';
import { carrierFeeFen } from './stages/fulfil';
import { memberFree, quote, quoted, recordBundle, recordQuoted, upgradeTarget, type OfferPromo } from './promotions/round';

/**
 * An order of up to `want` units with offer `o`, with its promotions when it has any.
 * `returning`: a potential customer coming back; `member`: a returning fan (会员).
 */
export function order(m: ProductMarket, o: Offer, want: number, c: number, k: number, returning: boolean, member: boolean): number {
  m.pointsOffFen = 0;
  const book = m.ctx.state.customers;
  const rate = m.shops[o.shop]!.memberPointsRate;
  const at = m.customer * m.S + o.shop;
  // Until some shop gives points nobody holds any: the book's points are not read (a read at a random place in a large array).
  const held = book.pointsGiven === 1 ? book.pointsFen[at]! : 0;
  if (held <= 0 && !(rate > 0)) return o.promo == null ? take(m, o, want, c, k) : buyPromoted(m, o, o.promo, want, c, k, returning, member);
  m.head = null;
  const got = o.promo == null ? take(m, o, want, c, k) : buyPromoted(m, o, o.promo, want, c, k, returning, member);
  if (got > 0) memberPoints(m, o, got, held, rate, at);
  return got;
}

/**
 * Member points (会员积分, course §9) of an order by a customer of the shop: the points it holds
 * there pay up to rules.customers.pointsRedeemShare of the goods (less any promotion discount of
 * the order), booked as the order's discount (a promotion cost on delivery, retention spend);
 * then the shop gives back `rate` of what the goods cost the buyer as new points.
 */
function memberPoints(m: ProductMarket, o: Offer, got: number, held: number, rate: number, at: number): void {
  const book = m.ctx.state.customers;
  const ledger = m.shops[o.shop]!.ledger;
  const goodsFen = got * o.priceFen;
  const head = m.head as { discountFen?: number } | null;
  let off = 0;
  if (held > 0 && head !== null) {
    const promoOff = o.promo == null ? 0 : quoted.discountFen;
    off = Math.min(held, Math.floor(goodsFen * m.world.rules.customers.pointsRedeemShare), Math.max(0, goodsFen - promoOff));
    if (off > 0) {
      head.discountFen = (head.discountFen ?? 0) + off;
      book.pointsFen[at] = held - off;
      ledger.pointsRedeemedFen += off;
      ledger.pointsOrders++;
      m.pointsOffFen = off;
    }
  }
  if (rate > 0) {
    const give = Math.floor((goodsFen - off) * rate);
    if (give > 0) {
      book.pointsFen[at]! += give;
      book.pointsGiven = 1;
      ledger.pointsIssuedFen += give;
    }
  }
}

/**
 * One order of a buyer with one shop: up to `want` units, on-hand stock first (fastest warehouse
 * first), then presale. The shipping fee is charged once per order.
 */
export function take(m: ProductMarket, o: Offer, want: number, c: number, k: number): number {
  const shop = m.shops[o.shop]!;
  const P = m.P;
  const C = m.C;
  const stock = shop.stock;
  let got = 0;
  let shippingDue = true;
  for (let j = 0; j < o.sources.length && got < want; j++) {
    const w = o.sources[j]!;
    const slot = w * P + m.p;
    const st = stock[slot]!;
    if (st <= 0) continue;
    const units = st < want - got ? st : want - got;
    stock[slot] = st - units;
    o.available -= units;
    got += units;
    const delayed = m.delayP > 0 && m.ctx.rng.delivery.next() < m.delayP;
    const key = (((o.shop * C + w) * C + c) << 1) | (delayed ? 1 : 0);
    let part = m.slots[key];
    if (part === undefined) {
      part = { shop: o.shop, from: w, city: c, orders: 0, units: 0, revenueFen: 0, carrierFen: 0, delayed, discountFen: 0 };
      m.slots[key] = part;
      m.list.push(part);
    }
    if (shippingDue) {
      part.orders++;
      m.head = part;
    }
    part.units += units;
    part.revenueFen += units * o.priceFen + (shippingDue ? o.shippingFen : 0);
    part.carrierFen += m.feeBase[w * C + c]! + Math.floor(units * m.feePerUnit + 0.5);
    shippingDue = false;
  }
  if (got < want && o.presaleAvailable > 0) {
    const units = presale(m, m.inboundByShop[o.shop]!, o, m.p, c, want - got, shippingDue);
    o.presaleAvailable -= units;
    got += units;
  }
  if (got === 0) return 0;
  recordOrder(m, o.shop, c, k, got, got * o.priceFen + o.shippingFen);
  return got;
}

/** One order of `units` units in the shop's books and, when a view listens, in the tick's flows. */
function recordOrder(m: ProductMarket, s: number, c: number, k: number, units: number, fen: number): void {
  const ledger = m.shops[s]!.ledger;
  // The customer's memory of the shop (course §9), entered when the tick's buyers are done (dispatch).
  logVisit(m.visitLog, m.customer, s, c, fen);
  ledger.orders++;
  ledger.ordersByCrowd[k]!++;
  ledger.units += units;
  ledger.search.unitsByProduct[m.p]! += units;
  ledger.search.ordersByProduct[m.p]!++;
  ledger.unitsByCrowd[k]! += units;
  ledger.soldByCityCrowd[c * CROWD_COUNT + k]! += units;
  const flows = m.flows;
  if (flows) {
    const at = (c * CROWD_COUNT + k) * m.S + s;
    flows.sold[at]! += units;
    flows.orders[at]!++;
    flows.soldByProduct[(s * m.C + c) * m.P + m.p]! += units;
  }
}

/**
 * An order with an offer that has promotions in force. Once per buyer: a bundle the shop sells
 * with this item (taken as one order with a chance that grows with its saving), or the buy-more
 * upgrade of course §4 (moving up to a threshold in reach, with the seeded probability). Then the
 * order is filled like any other (gross, at list prices) and its discount is booked with it.
 * Returns the units counted against what the buyer wanted.
 */
function buyPromoted(m: ProductMarket, o: Offer, op: OfferPromo, want: number, c: number, k: number, returning: boolean, member: boolean): number {
  const rp = m.promos!;
  let paid = want;
  if (!m.tried) {
    const bundle = op.bundle;
    if (bundle !== null && want <= bundle.items[0]!.quantity) {
      m.tried = true;
      if (m.ctx.rng.choice.next() < op.bundleChance && takeBundle(m, o, op, bundle, c, k)) return want;
    } else {
      const target = upgradeTarget(op, rp.rules, want, member, returning, o.available);
      if (target > want) {
        m.tried = true;
        if (m.ctx.rng.choice.next() < rp.rules.upgradeProbability) paid = target;
      }
    }
  }
  const free = memberFree(op, paid, member);
  m.head = null;
  const got = take(m, o, paid + free, c, k);
  if (got === 0) return 0;
  const paidGot = got < paid ? got : paid;
  quote(op, paidGot, got - paidGot, returning);
  const head = m.head as { discountFen?: number } | null;
  if (quoted.discountFen > 0 && head !== null) head.discountFen = (head.discountFen ?? 0) + quoted.discountFen;
  recordQuoted(op, got);
  return paidGot < want ? paidGot : want;
}

/**
 * A bundle (搭配套餐) as one order: every item from one warehouse that reaches the buyer in time,
 * one shipping fee, one carrier fee for the lot. Revenue is the items' list prices plus the
 * bundle's shipping; the difference to the bundle price is its discount.
 */
function takeBundle(m: ProductMarket, o: Offer, op: OfferPromo, bundle: Bundle, c: number, k: number): boolean {
  const shop = m.shops[o.shop]!;
  const P = m.P;
  const C = m.C;
  const stock = shop.stock;
  const items = bundle.items;
  let from = -1;
  for (let j = 0; j < o.sources.length && from < 0; j++) {
    const w = o.sources[j]!;
    let ok = true;
    for (const it of items) {
      if (stock[w * P + it.product]! < it.quantity || !shop.listings[c * P + it.product]) {
        ok = false;
        break;
      }
    }
    if (ok) from = w;
  }
  if (from < 0) return false;
  const world = m.ctx.world;
  let grossFen = bundle.shippingFen;
  let units = 0;
  let carrierFen = m.feeBase[from * C + c]!;
  for (const it of items) {
    stock[from * P + it.product]! -= it.quantity;
    grossFen += shop.listings[c * P + it.product]!.priceFen * it.quantity;
    units += it.quantity;
    carrierFen += Math.floor(it.quantity * (world.products[it.product]!.volume * world.carrierPerVolumeFen) + 0.5);
  }
  const mainUnits = items[0]!.quantity;
  o.available -= mainUnits;
  const delayed = m.delayP > 0 && m.ctx.rng.delivery.next() < m.delayP;
  const key = (((o.shop * C + from) * C + c) << 1) | (delayed ? 1 : 0);
  let part = m.slots[key];
  if (part === undefined) {
    part = { shop: o.shop, from, city: c, orders: 0, units: 0, revenueFen: 0, carrierFen: 0, delayed, discountFen: 0 };
    m.slots[key] = part;
    m.list.push(part);
  }
  const payFen = bundle.priceFen + bundle.shippingFen;
  part.orders++;
  part.units += mainUnits;
  part.revenueFen += grossFen;
  part.discountFen += grossFen - payFen;
  part.carrierFen += carrierFen;
  for (let j = 1; j < items.length; j++) {
    m.extras.push({ shop: o.shop, from, city: c, product: items[j]!.product, units: items[j]!.quantity, delayed });
  }
  recordOrder(m, o.shop, c, k, units, payFen);
  recordBundle(op, units, payFen, grossFen - payFen);
  return true;
}

export function lose(ctx: RoundContext, c: number, k: number, reason: number): void {
  ctx.state.lost[c * CROWD_COUNT + k]!++;
  ctx.state.lostByReason[c * LOST_REASON_COUNT + reason]!++;
  if (ctx.flows) ctx.flows.lost[c * CROWD_COUNT + k]!++;
}

/** Presale (预售): reserve units of restock still in transit; they ship when it arrives. */
function presale(m: ProductMarket, inbound: readonly Inbound[], o: Offer, p: number, c: number, want: number, shippingDue: boolean): number {
  const ctx = m.ctx;
  const world: World = ctx.world;
  const deadlineTick = ctx.tick + world.demand[c * world.products.length + p]!.deadlineTicks;
  let got = 0;
  for (const x of inbound) {
    if (got >= want) break;
    const free = x.units - x.reserved;
    if (free <= 0) continue;
    const units = Math.min(free, want - got);
    x.reserved += units;
    const revenueFen = units * o.priceFen + (shippingDue ? o.shippingFen : 0);
    const carrierFen = carrierFeeFen(ctx, x.city, c, p, units);
    // The tick's presale orders to one city wait together: one backorder, counted in orders.
    const last: Backorder | undefined = x.backorders[x.backorders.length - 1];
    if (last && last.city === c && last.orderTick === ctx.tick) {
      last.orders += shippingDue ? 1 : 0;
      last.units += units;
      last.revenueFen += revenueFen;
      last.carrierFen += carrierFen;
      if (shippingDue) m.head = last;
    } else {
      const b: Backorder = { city: c, orders: shippingDue ? 1 : 0, units, revenueFen, carrierFen, orderTick: ctx.tick, deadlineTick };
      x.backorders.push(b);
      if (shippingDue) m.head = b;
    }
    shippingDue = false;
    got += units;
  }
  return got;
}


/**
 * A buyer opens offer `o`, the `j`-th of its ranking (-1: not from a results page): a click, which
 * is a visit. From a paid slot it costs the slot's price per click while the ad's daily budget
 * lasts; a spent ad stops, and the click counts as organic (the shop is still in the results).
 */
export function click(m: ProductMarket, b: BuyerTurn, o: Offer, j: number): void {
  m.visits[o.shop]!++;
  if (b.keyword < 0) return;
  const stats = m.ctx.state.keywordStats[b.keyword]!;
  stats.clicks++;
  const ads = b.city.adOf[b.key];
  if (j < 0 || ads === undefined) return;
  const ad = ads[j]!;
  if (ad < 0) return;
  const shop = m.shops[o.shop]!;
  const cpc = b.city.cpcOf[b.key]![j]!;
  const srch = shop.search;
  if (srch.spentToday[ad]! + cpc > srch.ads[ad]!.dailyBudgetFen) return;
  srch.spentToday[ad]! += cpc;
  bookCost(shop, 'ads', cpc);
  const l = shop.ledger.search;
  l.adClicks++;
  l.adClicksBy[m.p * m.world.keywords.length + b.keyword]!++;
  stats.paidClicks++;
  stats.adSpendFen += cpc;
}
