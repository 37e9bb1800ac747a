/** What every stage of a round works with: the world, the mutable working state, the streams. */
import type { ProductMarket } from './market';
import type { GameState, World } from './model';
import type { RoundPromotions } from './promotions/round';
import type { Rng } from './rng';
import type { CouponReturns } from './customers';

export interface Streams {
  demand: Rng;
  choice: Rng;
  reviews: Rng;
  delivery: Rng;
  /** refund requests (course §5) */
  service: Rng;
  /** which customer each buyer is (course §9) */
  customers: Rng;
}

/** Units sold and lost in one tick, for views that animate the market (the Pixi scene). */
export interface TickFlows {
  tick: number;
  round: number;
  /** units sold, [((c * 4 + k) * S) + s] */
  sold: Int32Array;
  /** orders, same layout as `sold` */
  orders: Int32Array;
  /** buyers lost, [c * 4 + k] */
  lost: Int32Array;
  /** units sold by shop, city and product (a bundle counted under its main product), [(s * C + c) * P + p] */
  soldByProduct: Int32Array;
  /** each shop's stock at the end of the tick, [(s * C + w) * P + p] */
  stock: Int32Array;
}

export interface RoundContext {
  world: World;
  state: GameState;
  rng: Streams;
  /** ticks of the round's first tick (absolute, 1-based) */
  startTick: number;
  /** tick in progress (absolute, 1-based) */
  tick: number;
  /** fans coming back this round: [(s * C + c) * P + p] */
  fansDue: number[];
  flows: TickFlows | null;
  /** customers brought back this round by coupons aimed at them; null or absent when none */
  couponReturns?: CouponReturns | null;
  /** the round's promotions; null or absent when no shop runs any */
  promos?: RoundPromotions | null;
  /** the markets' working buffers, made on first use and reused by every tick (see market.ts) */
  market?: ProductMarket;
}

