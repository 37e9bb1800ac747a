/**
 * Restocking shared by the bots: aim to hold a share of the round's published demand in each
 * city's warehouse, spending no more than the cash kept after a reserve.
 */
import type { ListingDecision, RestockDecision } from '../../engine';
import { activeShops, capFen, publishedDemand, tidyPrice, type BotView } from './view';

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
