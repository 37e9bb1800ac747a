/**
 * The market of one tick (course §4), for each product:
 * 1. collect: a snapshot of every shop's offer in every city (price, reviews, index, stock that
 *    reaches the buyer before the deadline), and each crowd's ranking of it, computed once;
 * 2. resolve: the tick's buyers, in a seeded order, take units from the first offer of their
 *    ranking that still has stock; what it lacks goes to the next offer; a buyer left with
 *    nothing is lost demand, counted with its reason.
 * The per-buyer loop works on plain arrays and numbers only.
 */
import type { RoundContext, TickFlows } from '../context';
import { brandLoyal } from '../crowds/brandLoyal';
import { composite } from '../crowds/composite';
import { buyProbability, makeHesitant } from '../crowds/hesitant';
import { lowPrice } from '../crowds/lowPrice';
import type { CrowdRule, Offer, RankContext } from '../crowds/offer';
import { eventMultiplier, spread } from '../demand';
import {
  BRAND_LOYAL,
  CROWD_COUNT,
  HESITANT,
  LOST_REASON_COUNT,
  NO_LISTING,
  NO_PURCHASE,
  OUT_OF_STOCK,
  PRICE_ABOVE_CAP,
  REVIEW_BELOW_ZERO,
  TOO_SLOW,
  type Backorder,
  type Bundle,
  type Inbound,
  type Parcel,
  type ShopState,
  type World,
} from '../model';
import { mulRoundHalfUp } from '../money';
import { bookCost } from '../ledger';
import { carrierFeeFen } from './fulfil';
import {
  memberFree,
  offerPromo,
  potentialCouponInForce,
  quote,
  quoted,
  recordBundle,
  recordQuoted,
  upgradeTarget,
  type OfferPromo,
  type RoundPromotions,
} from '../promotions/round';

const DETERMINISTIC: CrowdRule[] = [brandLoyal, lowPrice, composite];

/** Buyer codes: city in bits 0–7, crowd in 8–10, favourite shop + 1 in 11–29, bit 30: a returning potential customer. */
const CROWD_SHIFT = 8;
const FAV_SHIFT = 11;
const RETURNING = 1 << 30;

interface Part {
  shop: number;
  from: number;
  city: number;
  orders: number;
  units: number;
  revenueFen: number;
  carrierFen: number;
  delayed: boolean;
  /** promotion discounts inside revenueFen */
  discountFen: number;
}

/** Units of a bundle's other items, shipped with its main item as one order. */
interface BundleExtra {
  shop: number;
  from: number;
  city: number;
  product: number;
  units: number;
  delayed: boolean;
}

interface CityMarket {
  offers: Offer[];
  /** the offer of each shop, or null */
  byShop: (Offer | null)[];
  lostReason: number;
  referenceFen: number;
  capFen: number;
  /** rankings by crowd and by index of the wanted quantity, filled lazily */
  rankings: (Offer[] | undefined)[];
  /** for hesitant rankings: each ranked offer's utility and choice weight for that quantity */
  utilities: (Float64Array | undefined)[];
  weights: (Float64Array | undefined)[];
  /** buyers of deterministic crowds per ranking, for their visits */
  visitors: Int32Array;
  /** per ranking (returning customers' too): the first offer that may still have stock */
  firstLive: Int32Array;
  /** some offer has a coupon aimed at returning potential customers: they rank separately */
  potentialCoupon: boolean;
}

let buyerScratch = new Int32Array(1024);
let partSlots: (Part | undefined)[] = [];

export function market(ctx: RoundContext): void {
  const P = ctx.world.products.length;
  for (let p = 0; p < P; p++) marketForProduct(ctx, p);
}

function marketForProduct(ctx: RoundContext, p: number): void {
  const { world, state } = ctx;
  const C = world.cities.length;
  const P = world.products.length;
  const S = state.shops.length;
  const T = world.ticksPerRound;
  const i = ctx.tick - ctx.startTick;
  const rules = world.rules;
  const choice = ctx.rng.choice;
  const promos = ctx.promos ?? null;

  // How many buyers of each city and crowd come this tick.
  let total = 0;
  const counts = new Array<number>(C * CROWD_COUNT).fill(0);
  const returning = new Array<number>(C).fill(0);
  for (let c = 0; c < C; c++) {
    const cell = c * P + p;
    for (let k = 0; k < CROWD_COUNT; k++) {
      const base = spread(state.roundDemand[cell * CROWD_COUNT + k]!, i, T);
      const n = world.events.length ? Math.floor(base * eventMultiplier(world.events, ctx.tick, c, p, k) + 0.5) : base;
      counts[c * CROWD_COUNT + k] = n;
      total += n;
    }
    const pool = state.potential[cell]!;
    if (pool > 0) {
      let returnP = rules.hesitant.returnProbability;
      // A coupon aimed at potential customers brings more of them back (course §4).
      if (promos && potentialCouponInForce(promos, cell, i + 1)) returnP = Math.max(returnP, promos.rules.couponReturnProbability);
      const back = Math.min(pool, Math.floor(pool * returnP + choice.next()));
      state.potential[cell] = pool - back;
      returning[c] = back;
      total += back;
    }
  }
  if (total === 0) return;

  // Restock in transit of this product, by shop: what presale listings can sell.
  const inboundByShop: Inbound[][] = [];
  for (let s = 0; s < S; s++) inboundByShop.push([]);
  for (const x of state.inbound) if (x.product === p) inboundByShop[x.shop]!.push(x);
  const cities: CityMarket[] = [];
  for (let c = 0; c < C; c++) cities.push(snapshot(ctx, c, p, inboundByShop));

  // Buyers of the tick, in a seeded order.
  if (buyerScratch.length < total) buyerScratch = new Int32Array(total * 2);
  const buyers = buyerScratch;
  let n = 0;
  for (let c = 0; c < C; c++) {
    for (let k = 0; k < CROWD_COUNT; k++) {
      let m = counts[c * CROWD_COUNT + k]!;
      state.demandSeen[(c * P + p) * CROWD_COUNT + k]! += m;
      if (k === BRAND_LOYAL) {
        // Fans who rated this shop 4–5 come back to it first (shops in the round's seeded order).
        for (let r = 0; r < S && m > 0; r++) {
          const s = state.shuffle[r]!;
          const due = ctx.fansDue[(s * C + c) * P + p]!;
          if (due === 0) continue;
          const f = Math.min(m, spread(due, i, T));
          for (let j = 0; j < f; j++) buyers[n++] = c | (k << CROWD_SHIFT) | ((s + 1) << FAV_SHIFT);
          m -= f;
        }
      }
      for (let j = 0; j < m; j++) buyers[n++] = c | (k << CROWD_SHIFT);
    }
    for (let j = 0; j < returning[c]!; j++) buyers[n++] = c | (HESITANT << CROWD_SHIFT) | RETURNING;
  }
  for (let j = n - 1; j > 0; j--) {
    const r = (choice.next() * (j + 1)) | 0;
    const t = buyers[j]!;
    buyers[j] = buyers[r]!;
    buyers[r] = t;
  }

  const visits = new Int32Array(S);
  const slotCount = S * C * C * 2;
  if (partSlots.length < slotCount) partSlots = new Array<Part | undefined>(slotCount);
  const tm: TickMarket = {
    ctx,
    shops: state.shops,
    p,
    P,
    C,
    S,
    delayP: rules.carrierDelayProbability,
    flows: ctx.flows,
    inboundByShop,
    feeBase: world.carrierFeeFen,
    feePerUnit: world.products[p]!.volume * world.carrierPerVolumeFen,
    slots: partSlots,
    list: [],
    promos,
    head: null,
    tried: false,
    extras: [],
  };
  const quantities = world.demand;
  const hesitantRule = makeHesitant(rules.hesitant);
  const visitDepth = rules.visitDepth;
  const shops = state.shops;
  const slots = rules.hesitant.searchSlots;
  const seen: Offer[] = new Array<Offer>(slots);
  const weights = new Float64Array(slots);

  for (let b = 0; b < n; b++) {
    const code = buyers[b]!;
    const c = code & 0xff;
    const k = (code >> CROWD_SHIFT) & 7;
    const fav = ((code >> FAV_SHIFT) & 0x7ffff) - 1;
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
    const q = dist[qi]!.quantity;
    let key = qi * CROWD_COUNT + k;
    let ranking = city.rankings[key] ?? rankingFor(city, k, qi, q, hesitantRule);
    let want = q;
    tm.tried = false;
    if (city.potentialCoupon && (code & RETURNING) !== 0) {
      // Returning potential customers see the coupons aimed at them: their own ranking, after the others.
      key = dist.length * CROWD_COUNT + qi;
      ranking = city.rankings[key] ?? rankingFor(city, k, qi, q, hesitantRule, key);
    }

    if (k === HESITANT) {
      const rankedWeights = city.weights[key]!;
      const rankedUtilities = city.utilities[key]!;
      let live = 0;
      let wsum = 0;
      let best = 0;
      for (let j = 0; j < ranking.length; j++) {
        const o = ranking[j]!;
        visits[o.shop]!++;
        if (o.available > 0 || o.presaleAvailable > 0) {
          if (live === 0) best = rankedUtilities[j]!;
          seen[live] = o;
          const w = rankedWeights[j]!;
          weights[live++] = w;
          wsum += w;
        }
      }
      if (live === 0) {
        lose(ctx, c, k, ranking.length ? OUT_OF_STOCK : city.lostReason);
        continue;
      }
      if (choice.next() >= buyProbability(best, rules.hesitant)) {
        // Undecided: favourites or carts it and may come back (潜在客户); a second no is final.
        if (code & RETURNING) lose(ctx, c, k, NO_PURCHASE);
        else state.potential[c * P + p]!++;
        continue;
      }
      let pick = 0;
      if (live > 1 && wsum > 0) {
        let u = choice.next() * wsum;
        for (pick = 0; pick < live - 1; pick++) {
          u -= weights[pick]!;
          if (u < 0) break;
        }
      }
      const chosen = seen[pick]!;
      const back = (code & RETURNING) !== 0;
      const got = chosen.promo == null ? take(tm, chosen, want, c, k) : buyPromoted(tm, chosen, chosen.promo, want, c, k, back, false);
      want -= got;
      for (let j = 0; j < live && want > 0; j++) {
        if (j === pick) continue;
        const o = seen[j]!;
        const got2 = o.promo == null ? take(tm, o, want, c, k) : buyPromoted(tm, o, o.promo, want, c, k, back, false);
        want -= got2;
      }
      if (want === q) lose(ctx, c, k, OUT_OF_STOCK);
      continue;
    }

    // Every buyer of a ranking visits its first offers: counted per ranking, added up after.
    city.visitors[key]!++;
    if (fav >= 0) {
      const o = city.byShop[fav];
      if (o && o.reviewScore >= 0) {
        // A returning fan is the shop's member (会员): member-day offers apply.
        const got = o.promo == null ? take(tm, o, want, c, k) : buyPromoted(tm, o, o.promo, want, c, k, false, true);
        want -= got;
      }
    }
    // Stock only falls during a tick: offers before the ranking's first one with stock stay sold out.
    let j = city.firstLive[key]!;
    while (j < ranking.length && ranking[j]!.available <= 0 && ranking[j]!.presaleAvailable <= 0) j++;
    city.firstLive[key] = j;
    for (; j < ranking.length && want > 0; j++) {
      const o = ranking[j]!;
      if (o.available <= 0 && o.presaleAvailable <= 0) continue;
      if (o.conversion < 1 && choice.next() >= o.conversion) continue;
      const got = o.promo == null ? take(tm, o, want, c, k) : buyPromoted(tm, o, o.promo, want, c, k, false, false);
      want -= got;
    }
    if (want === q) {
      let reason = city.lostReason;
      if (ranking.length > 0) reason = OUT_OF_STOCK;
      else if (k === BRAND_LOYAL && city.offers.length > 0) reason = REVIEW_BELOW_ZERO;
      lose(ctx, c, k, reason);
    }
  }

  for (const city of cities) {
    city.rankings.forEach((ranking, key) => {
      const n = city.visitors[key];
      // Returning potential customers' rankings (past the visitors) are hesitant: visits counted per buyer.
      if (!ranking || !n) return;
      const depth = ranking.length < visitDepth ? ranking.length : visitDepth;
      for (let j = 0; j < depth; j++) visits[ranking[j]!.shop]! += n;
    });
  }
  flushParts(ctx, p, tm.list);
  if (tm.extras.length > 0) flushBundleExtras(ctx, p, tm.extras);
  for (const part of tm.list) partSlots[(((part.shop * C + part.from) * C + part.city) << 1) | (part.delayed ? 1 : 0)] = undefined;
  for (let s = 0; s < S; s++) shops[s]!.ledger.visits += visits[s]!;
}

interface TickMarket {
  ctx: RoundContext;
  shops: ShopState[];
  p: number;
  P: number;
  C: number;
  S: number;
  delayP: number;
  flows: TickFlows | null;
  inboundByShop: Inbound[][];
  /** carrier fee per order from warehouse w to city c, [w * C + c], and per unit of this product */
  feeBase: number[];
  feePerUnit: number;
  /** the tick's parcels so far: by key in `slots`, in creation order in `list` */
  slots: (Part | undefined)[];
  list: Part[];
  promos: RoundPromotions | null;
  /** the part or backorder that carries the last order's shipping: its discount is booked there */
  head: { discountFen?: number } | null;
  /** the buyer in progress has had its one chance to take a bundle or move up a threshold */
  tried: boolean;
  extras: BundleExtra[];
}

/**
 * One order of a buyer with one shop: up to `want` units, on-hand stock first (fastest warehouse
 * first), then presale. The shipping fee is charged once per order.
 */
function take(m: TickMarket, o: Offer, want: number, c: number, k: number): number {
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
  recordOrder(m, o.shop, c, k, got);
  return got;
}

/** One order of `units` units in the shop's books and, when a view listens, in the tick's flows. */
function recordOrder(m: TickMarket, s: number, c: number, k: number, units: number): void {
  const ledger = m.shops[s]!.ledger;
  ledger.orders++;
  ledger.ordersByCrowd[k]!++;
  ledger.units += units;
  ledger.unitsByCrowd[k]! += units;
  ledger.soldByCityCrowd[c * CROWD_COUNT + k]! += units;
  const flows = m.flows;
  if (flows) {
    const at = (c * CROWD_COUNT + k) * m.S + s;
    flows.sold[at]! += units;
    flows.orders[at]!++;
  }
}

/**
 * An order with an offer that has promotions in force. Once per buyer: a bundle the shop sells
 * with this item (taken as one order with a chance that grows with its saving), or the buy-more
 * upgrade of course §4 (moving up to a threshold in reach, with the seeded probability). Then the
 * order is filled like any other (gross, at list prices) and its discount is booked with it.
 * Returns the units counted against what the buyer wanted.
 */
function buyPromoted(m: TickMarket, o: Offer, op: OfferPromo, want: number, c: number, k: number, returning: boolean, member: boolean): number {
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
function takeBundle(m: TickMarket, o: Offer, op: OfferPromo, bundle: Bundle, c: number, k: number): boolean {
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
  recordOrder(m, o.shop, c, k, units);
  recordBundle(op, units, payFen, grossFen - payFen);
  return true;
}

/** A bundle's other items travel with its main item: same warehouse, route and day; no revenue of their own. */
function flushBundleExtras(ctx: RoundContext, p: number, extras: readonly BundleExtra[]): void {
  const { world, state, tick } = ctx;
  const C = world.cities.length;
  const P = world.products.length;
  for (const x of extras) {
    const days = world.deliveryTicks[x.from * C + x.city]! + (x.delayed ? world.rules.carrierDelayTicks : 0);
    state.parcels.push({
      shop: x.shop,
      from: x.from,
      city: x.city,
      product: x.product,
      orders: 0,
      units: x.units,
      revenueFen: 0,
      orderTick: tick,
      deliverTick: tick + days,
      deadlineTick: tick + world.demand[x.city * P + p]!.deadlineTicks,
    });
  }
}

function lose(ctx: RoundContext, c: number, k: number, reason: number): void {
  ctx.state.lost[c * CROWD_COUNT + k]!++;
  ctx.state.lostByReason[c * LOST_REASON_COUNT + reason]!++;
  if (ctx.flows) ctx.flows.lost[c * CROWD_COUNT + k]!++;
}

function rankingFor(city: CityMarket, k: number, qi: number, q: number, hesitantRule: CrowdRule, key = qi * CROWD_COUNT + k): Offer[] {
  let r = city.rankings[key];
  if (r === undefined) {
    const returning = key >= city.visitors.length;
    const rctx: RankContext = { quantity: q, referenceFen: city.referenceFen, capFen: city.capFen, returning };
    r = (k === HESITANT ? hesitantRule : DETERMINISTIC[k]!).rank(city.offers, rctx);
    city.rankings[key] = r;
    if (k === HESITANT) {
      // Utilities depend on the quantity: keep this ranking's own copy.
      city.utilities[key] = Float64Array.from(r, (o) => o.utility);
      city.weights[key] = Float64Array.from(r, (o) => o.weight);
    }
  }
  return r;
}

/** The tick's offers in one city, in the round's seeded shop order (the tie-break). */
function snapshot(ctx: RoundContext, c: number, p: number, inboundByShop: readonly Inbound[][]): CityMarket {
  const { world, state } = ctx;
  const C = world.cities.length;
  const P = world.products.length;
  const product = world.products[p]!;
  const referenceFen = mulRoundHalfUp(product.referencePriceFen[c]!, product.priceTrend[state.round] ?? 1);
  const capFen = mulRoundHalfUp(referenceFen, 1 + world.rules.priceFloat);
  const deadline = world.demand[c * P + p]!.deadlineTicks;
  const offers: Offer[] = [];
  const byShop: (Offer | null)[] = new Array(state.shops.length).fill(null);
  let listed = false;
  let legal = false;
  let farStock = false;
  const promos = ctx.promos ?? null;
  let potentialCoupon = false;
  for (let r = 0; r < state.shuffle.length; r++) {
    const s = state.shuffle[r]!;
    const shop = state.shops[s]!;
    const listing = shop.listings[c * P + p];
    if (shop.bankrupt || !listing) continue;
    listed = true;
    // A listing carried into a round whose reference price fell may now be above the cap.
    if (listing.priceFen + listing.shippingFen > capFen) continue;
    legal = true;
    const sources: number[] = [];
    let available = 0;
    for (let w = 0; w < C; w++) {
      const st = shop.stock[w * P + p]!;
      if (st <= 0) continue;
      if (world.deliveryTicks[w * C + c]! > deadline) {
        farStock = true;
        continue;
      }
      sources.push(w);
      available += st;
    }
    sources.sort((a, b) => world.deliveryTicks[a * C + c]! - world.deliveryTicks[b * C + c]! || a - b);
    const presaleAvailable = listing.presale ? unreserved(inboundByShop[s]!) : 0;
    if (available === 0 && presaleAvailable === 0) continue;
    const tags = countActive(shop.tags[p]!, ctx.tick);
    const o: Offer = {
      shop: s,
      priceFen: listing.priceFen,
      shippingFen: listing.sellerPaysShipping ? 0 : listing.shippingFen,
      reviewScore: shop.reviewScore[p]!,
      cityInfluence: shop.cityInfluence[c]!,
      index: state.index[s]!,
      shuffleRank: r,
      sources,
      available,
      presale: listing.presale,
      presaleAvailable,
      conversion: tags >= world.rules.negativeTagThreshold ? world.rules.negativeTagConversion : 1,
      utility: 0,
      weight: 0,
      promo: null,
    };
    if (promos) {
      o.promo = offerPromo(promos, s, c * P + p, ctx.tick, ctx.tick - ctx.startTick + 1, o.priceFen, o.shippingFen, shop.listings, c * P);
      if (o.promo && o.promo.potentialPromo >= 0) potentialCoupon = true;
    }
    offers.push(o);
    byShop[s] = o;
  }
  const lostReason = !listed ? NO_LISTING : !legal ? PRICE_ABOVE_CAP : farStock ? TOO_SLOW : OUT_OF_STOCK;
  const keys = world.demand[c * P + p]!.quantities.length * CROWD_COUNT;
  return { offers, byShop, lostReason, referenceFen, capFen, rankings: new Array(keys), utilities: [], weights: [], visitors: new Int32Array(keys), firstLive: new Int32Array(keys + keys / CROWD_COUNT), potentialCoupon };
}

function countActive(expiries: readonly number[], tick: number): number {
  let n = 0;
  for (const e of expiries) if (e > tick) n++;
  return n;
}

function unreserved(inbound: readonly Inbound[]): number {
  let n = 0;
  for (const x of inbound) n += x.units - x.reserved;
  return n;
}

/** Presale (预售): reserve units of restock still in transit; they ship when it arrives. */
function presale(m: TickMarket, inbound: readonly Inbound[], o: Offer, p: number, c: number, want: number, shippingDue: boolean): number {
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

/** The tick's sales leave the warehouses as parcels; carrier fees are paid at dispatch. */
function flushParts(ctx: RoundContext, p: number, parts: readonly Part[]): void {
  const { world, state, tick } = ctx;
  const C = world.cities.length;
  const deadlineTicks = world.demand;
  const P = world.products.length;
  // Parts are in creation order, which follows the seeded buyer order: deterministic.
  for (const part of parts) {
    const shop = state.shops[part.shop]!;
    bookCost(shop, 'carrier', part.carrierFen);
    const days = world.deliveryTicks[part.from * C + part.city]! + (part.delayed ? world.rules.carrierDelayTicks : 0);
    const parcel: Parcel = {
      shop: part.shop,
      from: part.from,
      city: part.city,
      product: p,
      orders: part.orders,
      units: part.units,
      revenueFen: part.revenueFen,
      orderTick: tick,
      deliverTick: tick + days,
      deadlineTick: tick + deadlineTicks[part.city * P + p]!.deadlineTicks,
    };
    if (part.discountFen > 0) parcel.discountFen = part.discountFen;
    state.parcels.push(parcel);
  }
}
