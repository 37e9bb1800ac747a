/**
 * Offers (collect, course §4): a snapshot of every shop's listing of the product in every city,
 * taken before any buyer of the tick chooses: price, shipping, review score, city influence,
 * composite index, stock that reaches the buyer before the deadline, presale, the conversion of
 * a visit (negative tags × detail-page quality) and the promotions in force. Shops in the round's seeded order (the tie-break).
 */
import { responseFactor } from './service';
import type { Offer } from '../crowds/offer';
import type { CityMarket, ProductMarket, SearchPage } from '../market';
import { CROWD_COUNT, NO_LISTING, OUT_OF_STOCK, PRICE_ABOVE_CAP, TOO_SLOW, type Inbound } from '../model';
import { capFromReferenceFen, referencePriceFen } from '../pricing';
import { offerPromo } from '../promotions/round';

export function offers(m: ProductMarket): void {
  const { ctx, p, S } = m;
  const inboundByShop = m.inboundByShop;
  for (let s = 0; s < S; s++) inboundByShop[s]!.length = 0;
  for (const x of ctx.state.inbound) if (x.product === p) inboundByShop[x.shop]!.push(x);
  // Each shop's warehouses holding the product (index order), once for every city's snapshot.
  const { C, P, stocked, stockedAt } = m;
  for (let s = 0; s < S; s++) {
    const stock = m.shops[s]!.stock;
    let n = 0;
    for (let w = 0; w < C; w++) if (stock[w * P + p]! > 0) stockedAt[s * C + n++] = w;
    stocked[s] = n;
  }
  // Detail-page quality (course §7): the shop visual value against the market's highest.
  let maxVisual = 0;
  for (let s = 0; s < S; s++) if (!m.shops[s]!.bankrupt && m.shops[s]!.visual > maxVisual) maxVisual = m.shops[s]!.visual;
  // One record per city, written in place (the list keeps its length from product to product).
  for (let c = 0; c < C; c++) m.cities[c] = snapshot(m, c, maxVisual);
  if (m.cities.length !== C) m.cities.length = C;
}

/**
 * Conversion of a visit by the detail page's quality: `floor` for a shop with no visual value,
 * rising linearly to 1 for the market's best-decorated shop; 1 when nobody has decorated.
 */
export function detailPageFactor(visual: number, maxVisual: number, floor: number): number {
  return maxVisual > 0 ? floor + ((1 - floor) * Math.min(visual, maxVisual)) / maxVisual : 1;
}

function snapshot(m: ProductMarket, c: number, maxVisual: number): CityMarket {
  const { ctx, world, p, P, C } = m;
  const state = ctx.state;
  const referenceFen = referencePriceFen(world, p, c, state.round + 1);
  const capFen = capFromReferenceFen(referenceFen, world.rules.priceFloat);
  const deadline = world.demand[c * P + p]!.deadlineTicks;
  const speedRank = m.speedRank[c]!;
  // Rankings: [(page * nQ + qi) * 4 + k], then returning potential customers' [base + page * nQ + qi].
  const nQ = world.demand[c * P + p]!.quantities.length;
  const city = reuseCity(m, c, m.pagesPerCity * nQ * (CROWD_COUNT + 1));
  const offers = city.offers;
  const byShop = city.byShop;
  let listed = false;
  let legal = false;
  let farStock = false;
  const promos = m.promos;
  let potentialCoupon = false;
  let nOffers = 0;
  for (let r = 0; r < state.shuffle.length; r++) {
    const s = state.shuffle[r]!;
    const shop = state.shops[s]!;
    const listing = shop.listings[c * P + p];
    if (shop.bankrupt || !listing) continue;
    listed = true;
    // A listing carried into a round whose reference price fell may now be above the cap.
    if (listing.priceFen + listing.shippingFen > capFen) continue;
    legal = true;
    // The offer record of this city and shop, reused tick after tick (offers never outlive a tick).
    let o = m.offerPool[c * m.S + s];
    if (o === undefined) {
      o = {
        shop: s,
        priceFen: 0,
        shippingFen: 0,
        reviewScore: 0,
        cityInfluence: 0,
        index: 0,
        shuffleRank: 0,
        sources: [],
        available: 0,
        presale: false,
        presaleAvailable: 0,
        conversion: 1,
        serviceConversion: 1,
        utility: 0,
        weight: 0,
        utilityKey: -1,
        promo: null,
      };
      m.offerPool[c * m.S + s] = o;
    }
    const sources = o.sources;
    let nSources = 0;
    let available = 0;
    const held = m.stocked[s]!;
    if (held === 1) {
      // The common case: stock in one warehouse.
      const w = m.stockedAt[s * C]!;
      if (world.deliveryTicks[w * C + c]! > deadline) farStock = true;
      else {
        sources[nSources++] = w;
        available = shop.stock[w * P + p]!;
      }
    } else if (held > 1) {
      // Warehouses fastest first (ties: lower city index), an order fixed for the game: the
      // shop's stocked warehouses put in that order (not all C warehouses looked at).
      for (let i = 0; i < held; i++) {
        const w = m.stockedAt[s * C + i]!;
        if (world.deliveryTicks[w * C + c]! > deadline) {
          farStock = true;
          continue;
        }
        const r = speedRank[w]!;
        let j = nSources++;
        for (; j > 0 && speedRank[sources[j - 1]!]! > r; j--) sources[j] = sources[j - 1]!;
        sources[j] = w;
        available += shop.stock[w * P + p]!;
      }
    }
    // Setting the length is slow: only when it changes.
    if (sources.length !== nSources) sources.length = nSources;
    const presaleAvailable = listing.presale ? unreserved(m.inboundByShop[s]!) : 0;
    if (available === 0 && presaleAvailable === 0) continue;
    const tags = countActive(shop.tags[p]!, ctx.tick);
    o.shop = s;
    o.priceFen = listing.priceFen;
    o.shippingFen = listing.sellerPaysShipping ? 0 : listing.shippingFen;
    o.reviewScore = shop.reviewScore[p]!;
    o.cityInfluence = shop.cityInfluence[c]!;
    o.index = state.index[s]!;
    o.shuffleRank = r;
    o.available = available;
    o.presale = listing.presale;
    o.presaleAvailable = presaleAvailable;
    o.conversion = (tags >= world.rules.negativeTagThreshold ? world.rules.negativeTagConversion : 1) * detailPageFactor(shop.visual, maxVisual, world.rules.search.detailPageFloor);
    o.serviceConversion = responseFactor(world.rules.service, shop.service.responseTicks);
    o.utility = 0;
    o.weight = 0;
    o.utilityKey = -1;
    o.promo = null;
    if (promos) {
      o.promo = offerPromo(promos, s, c * P + p, ctx.tick, ctx.tick - ctx.startTick + 1, o.priceFen, o.shippingFen, shop.listings, c * P);
      if (o.promo && o.promo.potentialPromo >= 0) potentialCoupon = true;
    }
    offers[nOffers++] = o;
    byShop[s] = o;
  }
  // Setting the length is slow: only when it changes (the number of offers seldom does).
  if (offers.length !== nOffers) offers.length = nOffers;
  city.lostReason = !listed ? NO_LISTING : !legal ? PRICE_ABOVE_CAP : farStock ? TOO_SLOW : OUT_OF_STOCK;
  city.referenceFen = referenceFen;
  city.capFen = capFen;
  city.potentialCoupon = potentialCoupon;
  return city;
}

/**
 * City c's market record, emptied for a new snapshot with room for `keys` rankings: the record
 * and its buffers are made once per game and reused for every product and tick.
 */
function reuseCity(m: ProductMarket, c: number, keys: number): CityMarket {
  let city = m.cityPool[c];
  if (city === undefined) {
    city = {
      offers: [],
      byShop: new Array<Offer | null>(m.S).fill(null),
      lostReason: 0,
      referenceFen: 0,
      capFen: 0,
      pages: new Array<SearchPage | undefined>(m.pagesPerCity).fill(undefined),
      rankings: [],
      utilities: [],
      weights: [],
      attention: [],
      adOf: [],
      cpcOf: [],
      visitors: new Int32Array(keys),
      firstLive: new Int32Array(keys),
      potentialCoupon: false,
      tie: undefined,
      tieQ: 0,
      sharedQ: [],
      shared: [],
      sharedCount: 0,
      used: [],
      usedCount: 0,
      pool: {
        rankings: [],
        utilities: [],
        weights: [],
        attention: [],
        adOf: [],
        cpcOf: [],
        pages: new Array<SearchPage | undefined>(m.pagesPerCity).fill(undefined),
        tie: [],
      },
    };
    m.cityPool[c] = city;
  }
  if (city.rankings.length < keys) {
    // Arrays made at their full length stay fast (element stores); one filled from a high index would not.
    for (const a of [city.rankings, city.utilities, city.weights, city.attention, city.adOf, city.cpcOf] as unknown[][]) extend(a, keys);
    for (const a of [city.pool.rankings, city.pool.utilities, city.pool.weights, city.pool.attention, city.pool.adOf, city.pool.cpcOf] as unknown[][])
      extend(a, keys);
  }
  if (city.visitors.length < keys) {
    city.visitors = new Int32Array(keys);
    city.firstLive = new Int32Array(keys);
  }
  // Only the keys ranked last time hold anything (the rest are undefined and 0 already).
  const used = city.used;
  for (let i = 0; i < city.usedCount; i++) {
    const key = used[i]!;
    city.rankings[key] = undefined;
    city.utilities[key] = undefined;
    city.weights[key] = undefined;
    city.attention[key] = undefined;
    city.adOf[key] = undefined;
    city.cpcOf[key] = undefined;
    if (key < city.visitors.length) {
      city.visitors[key] = 0;
      city.firstLive[key] = 0;
    }
  }
  city.usedCount = 0;
  city.tie = undefined;
  city.pages.fill(undefined);
  city.byShop.fill(null);
  return city;
}

/** Negative tags of a product still active on `tick`. */
function countActive(expiries: readonly number[], tick: number): number {
  let n = 0;
  for (const e of expiries) if (e > tick) n++;
  return n;
}

/** Units of restock in transit not yet preSold. */
function unreserved(inbound: readonly Inbound[]): number {
  let n = 0;
  for (const x of inbound) n += x.units - x.reserved;
  return n;
}

/** Appends `undefined` up to length n. */
function extend(a: unknown[], n: number): void {
  while (a.length < n) a.push(undefined);
}
