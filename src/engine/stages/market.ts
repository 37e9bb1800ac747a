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
  type Inbound,
  type ShopState,
  type World,
} from '../model';
import { mulRoundHalfUp } from '../money';
import { bookCost } from '../ledger';
import { carrierFeeFen } from './fulfil';

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
      const back = Math.min(pool, Math.floor(pool * rules.hesitant.returnProbability + choice.next()));
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
    const key = qi * CROWD_COUNT + k;
    const ranking = city.rankings[key] ?? rankingFor(city, k, qi, q, hesitantRule);
    let want = q;

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
      const got = take(tm, chosen, want, c, k);
      want -= got;
      for (let j = 0; j < live && want > 0; j++) {
        if (j === pick) continue;
        const got2 = take(tm, seen[j]!, want, c, k);
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
        const got = take(tm, o, want, c, k);
          want -= got;
      }
    }
    for (let j = 0; j < ranking.length && want > 0; j++) {
      const o = ranking[j]!;
      if (o.available <= 0 && o.presaleAvailable <= 0) continue;
      if (o.conversion < 1 && choice.next() >= o.conversion) continue;
      const got = take(tm, o, want, c, k);
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
      const n = city.visitors[key]!;
      if (!ranking || n === 0) return;
      const depth = ranking.length < visitDepth ? ranking.length : visitDepth;
      for (let j = 0; j < depth; j++) visits[ranking[j]!.shop]! += n;
    });
  }
  flushParts(ctx, p, tm.list);
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
      part = { shop: o.shop, from: w, city: c, orders: 0, units: 0, revenueFen: 0, carrierFen: 0, delayed };
      m.slots[key] = part;
      m.list.push(part);
    }
    if (shippingDue) part.orders++;
    part.units += units;
    part.revenueFen += units * o.priceFen + (shippingDue ? o.shippingFen : 0);
    part.carrierFen += m.feeBase[w * C + c]! + Math.floor(units * m.feePerUnit + 0.5);
    shippingDue = false;
  }
  if (got < want && o.presaleAvailable > 0) {
    const units = presale(m.ctx, m.inboundByShop[o.shop]!, o, m.p, c, want - got, shippingDue);
    o.presaleAvailable -= units;
    got += units;
  }
  if (got === 0) return 0;
  const ledger = shop.ledger;
  ledger.orders++;
  ledger.ordersByCrowd[k]!++;
  ledger.units += got;
  ledger.unitsByCrowd[k]! += got;
  ledger.soldByCityCrowd[c * CROWD_COUNT + k]! += got;
  const flows = m.flows;
  if (flows) {
    const at = (c * CROWD_COUNT + k) * m.S + o.shop;
    flows.sold[at]! += got;
    flows.orders[at]!++;
  }
  return got;
}

function lose(ctx: RoundContext, c: number, k: number, reason: number): void {
  ctx.state.lost[c * CROWD_COUNT + k]!++;
  ctx.state.lostByReason[c * LOST_REASON_COUNT + reason]!++;
  if (ctx.flows) ctx.flows.lost[c * CROWD_COUNT + k]!++;
}

function rankingFor(city: CityMarket, k: number, qi: number, q: number, hesitantRule: CrowdRule): Offer[] {
  const key = qi * CROWD_COUNT + k;
  let r = city.rankings[key];
  if (r === undefined) {
    const rctx: RankContext = { quantity: q, referenceFen: city.referenceFen, capFen: city.capFen };
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
    };
    offers.push(o);
    byShop[s] = o;
  }
  const lostReason = !listed ? NO_LISTING : !legal ? PRICE_ABOVE_CAP : farStock ? TOO_SLOW : OUT_OF_STOCK;
  const keys = world.demand[c * P + p]!.quantities.length * CROWD_COUNT;
  return { offers, byShop, lostReason, referenceFen, capFen, rankings: new Array(keys), utilities: [], weights: [], visitors: new Int32Array(keys) };
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
function presale(ctx: RoundContext, inbound: readonly Inbound[], o: Offer, p: number, c: number, want: number, shippingDue: boolean): number {
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
    } else {
      x.backorders.push({ city: c, orders: shippingDue ? 1 : 0, units, revenueFen, carrierFen, orderTick: ctx.tick, deadlineTick });
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
    state.parcels.push({
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
    });
  }
}
