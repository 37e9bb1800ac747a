/**
 * Restocking shared by the bots: aim to hold a share of the round's published demand in each
 * city's warehouse, spending no more than the cash kept after a reserve.
 */
import type { ListingDecision, RestockDecision, RoundDecision } from '../../engine';
import { activeShops, capFen, publishedDemand, referenceFen, tidyPrice, type BotView } from './view';

export interface RestockPlan {
  /** share of the market the bot expects, as a multiple of an equal share */
  ambition: number;
  /** cash kept back, fen */
  reserveFen: number;
}

export function planRestock(view: BotView, plan: RestockPlan, sells: (c: number, p: number) => boolean): RestockDecision[] {
  const { world, me } = view;
  const P = world.products.length;
  const C = world.cities.length;
  const rivals = Math.max(1, activeShops(view));
  let budget = me.cashFen - plan.reserveFen - (world.rules.warehouseRentFen * C);
  const out: RestockDecision[] = [];
  for (let c = 0; c < C; c++) {
    let roomVol = world.rules.warehouseCapacity;
    for (let p = 0; p < P; p++) roomVol -= (me.stock[c * P + p]! + view.inbound[c * P + p]!) * world.products[p]!.volume;
    for (let p = 0; p < P; p++) {
      if (!sells(c, p)) continue;
      const demand = publishedDemand(view, c, p);
      const target = Math.ceil((demand / rivals) * plan.ambition);
      const have = me.stock[c * P + p]! + view.inbound[c * P + p]!;
      const product = world.products[p]!;
      let quantity = Math.max(0, target - have);
      quantity = Math.min(quantity, Math.floor(roomVol / product.volume), Math.floor(Math.max(0, budget) / product.unitCostFen));
      if (quantity <= 0) continue;
      budget -= quantity * product.unitCostFen;
      roomVol -= quantity * product.volume;
      out.push({ city: c, product: p, quantity });
    }
  }
  return out;
}

/** Whether a product has a market (a reference price) in a city. */
export function hasMarket(view: BotView, c: number, p: number): boolean {
  return view.world.products[p]!.referencePriceFen[c]! > 0;
}

/**
 * Lists every product in every city where it has a market, at the price `priceFor` gives (capped
 * at the legal cap, tidied to 0.1 yuan), with free shipping.
 */
export function listEverywhere(view: BotView, priceFor: (c: number, p: number) => number, presale: boolean): ListingDecision[] {
  const out: ListingDecision[] = [];
  for (let c = 0; c < view.world.cities.length; c++) {
    for (let p = 0; p < view.world.products.length; p++) {
      if (!hasMarket(view, c, p)) continue;
      const priceFen = tidyPrice(Math.min(capFen(view, c, p), priceFor(c, p)));
      out.push({ city: c, product: p, listing: { priceFen, shippingFen: 0, sellerPaysShipping: true, presale } });
    }
  }
  return out;
}

/**
 * Agents for the round's expected inquiries (course §5): last round's inquiries, or before any
 * round a guess from the published demand (each buyer visits up to visitDepth of the shops), over
 * the round's ticks and one agent's capacity, times `headroom` (below 1: understaffed on purpose).
 */
export function staffAgents(view: BotView, headroom: number): number {
  const rules = view.world.rules.service;
  if (rules === null) return 0;
  let inquiries = view.me.ledger.service.inquiries;
  if (view.round === 1) {
    const shops = Math.max(1, activeShops(view));
    let demand = 0;
    for (let c = 0; c < view.world.cities.length; c++) for (let p = 0; p < view.world.products.length; p++) demand += publishedDemand(view, c, p);
    inquiries = ((demand * Math.min(view.world.rules.visitDepth, shops)) / shops) * rules.inquiryShare;
  }
  const perTick = inquiries / view.world.ticksPerRound;
  return Math.min(1000, Math.max(0, Math.ceil((perTick / rules.capacityPerAgent) * headroom - 1e-9)));
}

/**
 * Title keywords and paid search from the market report (course §7), in a market that lists
 * keywords: each product's title takes the 7 keywords with the most searches × relevance, and an
 * ad bids `bidShare` of the product's mean reference price (within the platform's 0.05 and the
 * scenario's cap) on its best keyword, with a daily budget of `budgetShare` of cash spread over
 * the round's ticks and the products. `order` 'relevance' is the search-first shop's title (course
 * §7): the most relevant keywords first (the exact, often long-tail words of its buyers), the more
 * searched first among equals. A market without keywords: nothing to decide.
 */
export function searchPlan(view: BotView, bidShare: number, budgetShare: number, order: 'worth' | 'relevance' = 'worth'): RoundDecision['search'] {
  const { world } = view;
  if (world.keywordsImplicit) return undefined;
  const rules = world.rules.search;
  const P = world.products.length;
  const titles: { product: number; keywords: number[] }[] = [];
  const ads: NonNullable<NonNullable<RoundDecision['search']>['ads']> = [];
  for (let p = 0; p < P; p++) {
    const worth = world.keywords
      .map((k, i) => ({ i, relevance: k.relevance[p]!, volume: k.volume.reduce((a, b) => a + b, 0) }))
      .filter((x) => x.relevance > 0 && x.volume > 0);
    if (order === 'worth') worth.sort((a, b) => b.relevance * b.volume - a.relevance * a.volume || a.i - b.i);
    else worth.sort((a, b) => b.relevance - a.relevance || b.volume - a.volume || a.i - b.i);
    if (worth.length === 0) continue;
    titles.push({ product: p, keywords: worth.slice(0, rules.maxTitleKeywords).map((x) => x.i) });
    let ref = 0;
    let markets = 0;
    for (let c = 0; c < world.cities.length; c++) {
      if (!hasMarket(view, c, p)) continue;
      ref += referenceFen(view, c, p);
      markets++;
    }
    if (bidShare <= 0 || markets === 0) continue;
    const bidFen = Math.min(rules.maxBidFen, Math.max(rules.minBidFen, Math.round((ref / markets) * bidShare)));
    const dailyBudgetFen = Math.max(0, Math.round((view.me.cashFen * budgetShare) / world.ticksPerRound / P));
    ads.push({ product: p, keyword: worth[0]!.i, bidFen, dailyBudgetFen, cities: null });
  }
  return { titles, ads };
}
