/**
 * A round: (state, decisions) → next state. The input state is never changed; the round works on
 * a private copy and returns it, so every finished round is a snapshot (history, replay, undo).
 * Past rounds' reports are never changed either, so the copy shares them with the input state
 * (only the list is new): a round copies what it can change, not the whole history.
 */
import type { RoundContext, Streams, TickFlows } from './context';
import type { ProductMarket } from './market';
import type { GameState, RoundDecision, World } from './model';
import { clonePlain } from './clone';
import { restore, seedStream } from './rng';
import { newCustomerBook, reviveCustomerBook } from './customers';
import { roundStart } from './stages/roundStart';
import { roundEnd } from './stages/roundEnd';
import { runTick } from './tick';

export interface RoundOptions {
  /** called after every tick with that tick's flows of buyers (for views that animate them) */
  onTick?: (flows: TickFlows) => void;
  /** the markets' working buffers, to reuse across the rounds of a game (made per round when absent) */
  market?: ProductMarket;
  /**
   * The caller gives the input state up (it plays a whole game and keeps only the latest state):
   * its customer book, the largest part of a state, moves into the new state instead of being
   * copied. The input state must not be played or read again.
   */
  handOver?: boolean;
}

export function playRound(world: World, prev: GameState, decisions: readonly RoundDecision[], opts: RoundOptions = {}): GameState {
  if (prev.round >= world.rounds) throw new Error(`the game is over: all ${world.rounds} rounds are played`);
  const { reports, customers, ...current } = prev;
  // A state from before customers were tracked starts their memory now.
  const book = customers === undefined ? newCustomerBook(world) : opts.handOver ? customers : clonePlain(customers);
  // Built on the copy itself (not spread into a new literal), so every round's state has the same shape.
  const state = clonePlain(current) as GameState;
  state.reports = reports.slice();
  state.customers = book;
  reviveCustomerBook(book);
  const rng: Streams = {
    demand: restore(state.rng.demand),
    choice: restore(state.rng.choice),
    reviews: restore(state.rng.reviews),
    delivery: restore(state.rng.delivery),
    // Games saved before the service stream existed get it from the seed (no other stream moves).
    service: restore(state.rng.service ?? seedStream(state.seed, 'service')),
    customers: restore(state.rng.customers ?? seedStream(state.seed, 'customers')),
  };
  const startTick = state.round * world.ticksPerRound + 1;
  const ctx: RoundContext = { world, state, rng, startTick, tick: startTick, fansDue: [], flows: null };
  if (opts.market && opts.market.world === world && opts.market.S === state.shops.length) ctx.market = opts.market;
  roundStart(ctx, decisions);
  const S = state.shops.length;
  const C = world.cities.length;
  const P = world.products.length;
  for (let t = 0; t < world.ticksPerRound; t++) {
    ctx.tick = startTick + t;
    if (opts.onTick) {
      ctx.flows = {
        tick: ctx.tick,
        round: state.round + 1,
        sold: new Int32Array(C * 4 * S),
        orders: new Int32Array(C * 4 * S),
        lost: new Int32Array(C * 4),
        soldByProduct: new Int32Array(S * C * P),
        stock: new Int32Array(S * C * P),
      };
    }
    runTick(ctx);
    state.tick = ctx.tick;
    if (opts.onTick && ctx.flows) {
      const stock = ctx.flows.stock;
      for (let s = 0; s < S; s++) stock.set(state.shops[s]!.stock, s * C * P);
      opts.onTick(ctx.flows);
    }
  }
  roundEnd(ctx);
  state.rng = {
    demand: rng.demand.state(),
    choice: rng.choice.state(),
    reviews: rng.reviews.state(),
    delivery: rng.delivery.state(),
    service: rng.service.state(),
    customers: rng.customers.state(),
  };
  return state;
}
