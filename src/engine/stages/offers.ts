/**
 * Offers (collect, course §4): a snapshot of every shop's listing of the product in every city,
 * taken before any buyer of the tick chooses: price, shipping, review score, city influence,
 * composite index, stock that reaches the buyer before the deadline, presale, negative tags and
 * the promotions in force. Shops in the round's seeded order (the tie-break).
 */
import type { Offer } from '../crowds/offer';
import type { CityMarket, ProductMarket } from '../market';
import { CROWD_COUNT, NO_LISTING, OUT_OF_STOCK, PRICE_ABOVE_CAP, TOO_SLOW, type Inbound } from '../model';
import { capFromReferenceFen, referencePriceFen } from '../pricing';
import { offerPromo } from '../promotions/round';

export function offers(m: ProductMarket): void {
  const { ctx, p, S } = m;
  const inboundByShop = m.inboundByShop;
  for (let s = 0; s < S; s++) inboundByShop[s]!.length = 0;
  for (const x of ctx.state.inbound) if (x.product === p) inboundByShop[x.shop]!.push(x);
  for (let c = 0; c < m.C; c++) m.cities.push(snapshot(m, c));
}

function snapshot(m: ProductMarket, c: number): CityMarket {
  const { ctx, world, p, P, C } = m;
  const state = ctx.state;
  const referenceFen = referencePriceFen(world, p, c, state.round + 1);
  const capFen = capFromReferenceFen(referenceFen, world.rules.priceFloat);
  const deadline = world.demand[c * P + p]!.deadlineTicks;
  const fastest = m.fastest[c]!;
  const offers: Offer[] = [];
  const byShop: (Offer | null)[] = new Array(state.shops.length).fill(null);
  let listed = false;
  let legal = false;
  let farStock = false;
  const promos = m.promos;
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
    // Warehouses fastest first (ties: lower city index), an order fixed for the game.
    for (let i = 0; i < C; i++) {
      const w = fastest[i]!;
      const st = shop.stock[w * P + p]!;
      if (st <= 0) continue;
      if (world.deliveryTicks[w * C + c]! > deadline) {
        farStock = true;
        continue;
      }
      sources.push(w);
      available += st;
    }
    const presaleAvailable = listing.presale ? unreserved(m.inboundByShop[s]!) : 0;
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
  // Rankings: [(page * nQ + qi) * 4 + k], then returning potential customers' [base + page * nQ + qi].
  const nQ = world.demand[c * P + p]!.quantities.length;
  const keys = m.pagesPerCity * nQ * (CROWD_COUNT + 1);
  return {
    offers,
    byShop,
    lostReason,
    referenceFen,
    capFen,
    pages: [],
    rankings: new Array(keys),
    utilities: [],
    weights: [],
    attention: [],
    adOf: [],
    cpcOf: [],
    visitors: new Int32Array(keys),
    firstLive: new Int32Array(keys),
    potentialCoupon,
  };
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
