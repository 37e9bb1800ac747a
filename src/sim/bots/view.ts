/**
 * What a bot knows before it decides a round: exactly what a player sees. The market report
 * (reference prices, published demand per crowd), its own shop, and what the platform shows of
 * the others (their current listings and last round's public results).
 */
import { CROWD_COUNT, type GameState, type Listing, type RoundDecision, type ShopState, type World } from '../../engine';
import { priceCapFen, referencePriceFen } from '../../engine/pricing';
import type { Rng } from '../../engine/rng';

export interface BotView {
  world: World;
  /** the round about to be played, 1-based */
  round: number;
  shop: number;
  me: ShopState;
  /** every shop's listings as the platform shows them, [s][c * P + p] */
  listings: readonly (readonly (Listing | null)[])[];
  bankrupt: readonly boolean[];
  /** units on their way to my warehouses, [w * P + p] */
  inbound: number[];
  rng: Rng;
}

export type Strategy = (view: BotView) => RoundDecision;

export function viewFor(world: World, state: GameState, shop: number, rng: Rng): BotView {
  const P = world.products.length;
  const inbound = new Array<number>(world.cities.length * P).fill(0);
  for (const x of state.inbound) if (x.shop === shop) inbound[x.city * P + x.product]! += x.units;
  return {
    world,
    round: state.round + 1,
    shop,
    me: state.shops[shop]!,
    listings: state.shops.map((s) => s.listings),
    bankrupt: state.shops.map((s) => s.bankrupt),
    inbound,
    rng,
  };
}

export function referenceFen(view: BotView, c: number, p: number): number {
  return referencePriceFen(view.world, p, c, view.round);
}

export function capFen(view: BotView, c: number, p: number): number {
  return priceCapFen(view.world, p, c, view.round);
}

export function publishedDemand(view: BotView, c: number, p: number): number {
  const cell = view.world.demand[c * view.world.products.length + p]!;
  let n = 0;
  for (let k = 0; k < CROWD_COUNT; k++) n += cell.perRound[k]!;
  return n;
}

export function activeShops(view: BotView): number {
  return view.bankrupt.filter((b) => !b).length;
}

/** Lowest price + shipping among the other shops' listings of a product in a city, or null. */
export function lowestRival(view: BotView, c: number, p: number): number | null {
  const P = view.world.products.length;
  let best: number | null = null;
  view.listings.forEach((ls, s) => {
    if (s === view.shop || view.bankrupt[s]) return;
    const l = ls[c * P + p];
    if (!l) return;
    const t = l.priceFen + (l.sellerPaysShipping ? 0 : l.shippingFen);
    if (best === null || t < best) best = t;
  });
  return best;
}

/** Price in fen rounded down to a whole 0.1 yuan, as a person would price. */
export function tidyPrice(fen: number): number {
  return Math.max(1, Math.floor(fen / 10) * 10);
}
