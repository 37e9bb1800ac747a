/**
 * Before the round's first tick: fresh ledgers, each shop's decisions (listings, restock orders,
 * marketing), warehouse rent, service agents' wages, the composite index, the seeded shop shuffle, the round's demand and
 * the fans who come back.
 */
import { compositeIndex } from '../compositeIndex';
import type { RoundContext } from '../context';
import { roundDemand } from '../demand';
import { bookCost } from '../ledger';
import { BRAND_LOYAL, CROWD_COUNT, LOST_REASON_COUNT, type RoundDecision, type SearchDecision, type ServiceDecision, type ShopState, type World } from '../model';
import { hashString } from '../hash';
import { emptyKeywordReport, emptyLedger } from '../state';
import { checkBankruptcy } from './bankruptcy';
import { beginRoundPromotions } from '../promotions/stages';
import { planCouponReturns } from '../customers';

export function roundStart(ctx: RoundContext, decisions: readonly RoundDecision[]): void {
  const { world, state } = ctx;
  const C = world.cities.length;
  const P = world.products.length;
  state.lost = new Array<number>(C * CROWD_COUNT).fill(0);
  state.lostByReason = new Array<number>(C * LOST_REASON_COUNT).fill(0);
  state.demandSeen = new Array<number>(C * P * CROWD_COUNT).fill(0);
  state.shops.forEach((shop, s) => {
    shop.ledger = emptyLedger(C, world.products.length, world.keywords.length);
    if (shop.bankrupt) return;
    const d = decisions[s];
    if (d) applyDecision(ctx, shop, s, d);
    for (let w = 0; w < C; w++) if (shop.warehouses[w]) bookCost(shop, 'rent', world.rules.warehouseRentFen);
    staffService(ctx, shop, d?.service);
    if (d?.search) applySearch(shop, d.search);
    // Member points (会员积分): the rate as decided, or as last round.
    if (d?.memberPoints) shop.memberPointsRate = d.memberPoints.rate;
    else shop.memberPointsRate ??= 0;
    shop.search.spentToday = shop.search.ads.map(() => 0);
    shop.search.spentTick = 0;
  });
  state.keywordStats = world.keywords.map(() => emptyKeywordReport());
  checkBankruptcy(ctx);
  state.index = compositeIndex(state.shops, world.rules.indexWeights);
  state.shuffle = shopShuffle(world, state.seed, state.round + 1);
  state.roundDemand = roundDemand(world, ctx.rng.demand);
  ctx.fansDue = fansComingBack(world, state.shops, state.roundDemand);
  beginRoundPromotions(ctx, decisions);
  // Coupons aimed at a group of the shop's customers are sent now; some of them come back.
  ctx.couponReturns = planCouponReturns(
    world,
    state.customers,
    state.shops,
    state.shops.map((shop, s) => (shop.bankrupt ? undefined : decisions[s]?.promotions)),
    ctx.startTick - 1,
    ctx.rng.customers,
  );
}

/** Title keywords replace a product's title; ads replace last round's ads (course §7). */
function applySearch(shop: ShopState, d: SearchDecision): void {
  for (const t of d.titles ?? []) shop.search.titles[t.product] = t.keywords.slice();
  if (d.ads) shop.search.ads = d.ads.map((a) => ({ ...a, cities: a.cities ? a.cities.slice() : null }));
}

function applyDecision(ctx: RoundContext, shop: ShopState, s: number, d: RoundDecision): void {
  const { world, state } = ctx;
  const P = world.products.length;
  const rules = world.rules;
  for (const l of d.listings) shop.listings[l.city * P + l.product] = l.listing ? { ...l.listing } : null;
  // Restock is paid up front, from what is left after this round's marketing, rent and wages: an order
  // the shop cannot pay for (cash plus the scenario's credit) is cut to what it can, and the
  // round report shows the cut (restockCutForCash) instead of the shop going bankrupt unseen.
  const m = d.marketing;
  let budget = shop.cashFen + rules.creditFen - m.decorationFen - m.mediaFen - m.charityFen;
  if (m.iso && !shop.iso) budget -= rules.isoCostFen;
  if (m.iec && !shop.iec) budget -= rules.iecCostFen;
  for (const held of shop.warehouses) if (held) budget -= rules.warehouseRentFen;
  if (rules.service !== null) budget -= (d.service?.agents ?? shop.service.agents) * rules.service.wageFen;
  // Volume used per warehouse city, summed once and then kept up to date as restock is ordered:
  // the same additions in the same order as warehouseVolume, so the same numbers.
  const mine = d.restock.length > 0 ? state.inbound.filter((x) => x.shop === s) : [];
  const usedBy = new Map<number, number>();
  for (const r of d.restock) {
    const product = world.products[r.product]!;
    let used = usedBy.get(r.city);
    if (used === undefined) used = warehouseVolume(world, mine, shop, s, r.city);
    const room = Math.max(0, Math.floor((rules.warehouseCapacity - used) / product.volume + 1e-9));
    const fits = Math.min(r.quantity, room);
    // What does not fit is not bought; the round report shows it (restockRefused).
    shop.ledger.restockRefused += r.quantity - fits;
    const rent = shop.warehouses[r.city] ? 0 : rules.warehouseRentFen;
    const affordable = product.unitCostFen > 0 ? Math.max(0, Math.floor((budget - rent) / product.unitCostFen)) : fits;
    const units = Math.min(fits, affordable);
    shop.ledger.restockCutForCash += fits - units;
    if (units === 0) continue;
    usedBy.set(r.city, used + units * product.volume);
    budget -= rent + units * product.unitCostFen;
    shop.warehouses[r.city] = true;
    shop.ledger.unitsBought += units;
    bookCost(shop, 'goods', units * product.unitCostFen);
    state.inbound.push({
      shop: s,
      city: r.city,
      product: r.product,
      units,
      arriveTick: ctx.startTick + rules.restockLeadTicks,
      reserved: 0,
      backorders: [],
    });
  }
  bookCost(shop, 'decoration', m.decorationFen);
  shop.visual += m.decorationFen / 100;
  bookCost(shop, 'media', m.mediaFen);
  shop.media += m.mediaFen / 100;
  bookCost(shop, 'charity', m.charityFen);
  shop.charity += m.charityFen / 100;
  if (m.iso && !shop.iso) {
    bookCost(shop, 'certification', world.rules.isoCostFen);
    shop.iso = true;
  }
  if (m.iec && !shop.iec) {
    bookCost(shop, 'certification', world.rules.iecCostFen);
    shop.iec = true;
  }
}

/**
 * The round's service desk (course §5): agents and gift policy as decided (or as last round), and
 * the agents' wages for the round, paid up front. Without service rules there is no desk.
 */
function staffService(ctx: RoundContext, shop: ShopState, d: ServiceDecision | undefined): void {
  const rules = ctx.world.rules.service;
  if (rules === null) return;
  const desk = shop.service;
  if (d?.agents !== undefined) desk.agents = d.agents;
  if (d?.surpriseGift !== undefined) desk.gift = d.surpriseGift === null ? null : { ...d.surpriseGift };
  desk.visitsSeen = 0;
  bookCost(shop, 'service', desk.agents * rules.wageFen);
}

/** Volume held or on its way in a shop's warehouse in one city. */
export function warehouseVolume(world: World, inbound: RoundContext['state']['inbound'], shop: ShopState, s: number, w: number): number {
  const P = world.products.length;
  let vol = 0;
  for (let p = 0; p < P; p++) vol += shop.stock[w * P + p]! * world.products[p]!.volume;
  for (const x of inbound) if (x.shop === s && x.city === w) vol += x.units * world.products[x.product]!.volume;
  return vol;
}

/**
 * Customers whose last purchase they rated 4–5 come back to that shop (course §4): a share of each
 * shop's fans per round, never more than the round's brand-loyal buyers of that city × product
 * (scaled down alike for every shop when they would be).
 */
function fansComingBack(world: World, shops: readonly ShopState[], demand: readonly number[]): number[] {
  const C = world.cities.length;
  const P = world.products.length;
  const S = shops.length;
  const due = new Array<number>(S * C * P).fill(0);
  const rate = world.rules.fanReturnRate;
  for (let c = 0; c < C; c++) {
    for (let p = 0; p < P; p++) {
      const cell = c * P + p;
      let total = 0;
      for (let s = 0; s < S; s++) {
        if (shops[s]!.bankrupt) continue;
        total += Math.floor(shops[s]!.fans[cell]! * rate);
      }
      if (total === 0) continue;
      const buyers = demand[cell * CROWD_COUNT + BRAND_LOYAL]!;
      const scale = total > buyers ? buyers / total : 1;
      for (let s = 0; s < S; s++) {
        const shop = shops[s]!;
        if (shop.bankrupt) continue;
        const n = Math.floor(Math.floor(shop.fans[cell]! * rate) * scale);
        due[(s * C + c) * P + p] = n;
        shop.fans[cell]! -= n;
      }
    }
  }
  return due;
}

/**
 * The round's seeded order of the shops, the final tie-break of every ranking. Each shop's place
 * comes from the seed, the round and its id, so reordering shops in the file changes nothing.
 */
export function shopShuffle(world: World, seed: number, round: number): number[] {
  const keys = world.shops.map((s) => hashString(`shuffle:${seed}:${round}:${s.id}`));
  return world.shops
    .map((_, i) => i)
    .sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : world.shops[a]!.id < world.shops[b]!.id ? -1 : 1));
}
