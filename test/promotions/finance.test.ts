/** How a promotion's discount reaches the books when a parcel is delivered or breached. */
import { describe, expect, it } from 'vitest';
import { COST_KINDS, createInitialState, type Parcel } from '../../src/engine';
import type { RoundContext } from '../../src/engine/context';
import { restore, seedStream } from '../../src/engine/rng';
import { deliveries } from '../../src/engine/stages/fulfil';
import { world } from './helpers';

const PROMOTION = COST_KINDS.indexOf('promotion');
const PENALTY = COST_KINDS.indexOf('penalty');

function deliverOne(parcel: Parcel) {
  const w = world();
  const state = createInitialState(w, 1);
  state.parcels.push(parcel);
  const rng = restore(seedStream(1, 'test'));
  const ctx: RoundContext = { world: w, state, rng: { demand: rng, choice: rng, reviews: rng, delivery: rng, service: rng, customers: rng }, startTick: 1, tick: 3, fansDue: [], flows: null };
  deliveries(ctx);
  return state.shops[0]!;
}

// One order of 2 units listed at 25.00: 50.00 gross, 5.00 discount, the buyer paid 45.00.
const parcel = (deliverTick: number): Parcel => ({
  shop: 0, from: 0, city: 0, product: 0, orders: 1, units: 2, revenueFen: 5000, discountFen: 500, orderTick: 1, deliverTick, deadlineTick: 2,
});

describe('when a discounted parcel is delivered on time', () => {
  it('should book 50.00 revenue and 5.00 promotion cost: cash moves by the 45.00 paid', () => {
    const shop = deliverOne(parcel(2));
    expect(shop.ledger.revenueFen).toBe(5000);
    expect(shop.ledger.costsFen[PROMOTION]).toBe(500);
    expect(shop.cashFen).toBe(1000000 + 4500);
  });
});

describe('when a discounted parcel arrives late (a breach)', () => {
  it('should book no revenue and no discount, and a penalty of 20% of the 45.00 paid = 9.00', () => {
    const shop = deliverOne(parcel(3));
    expect(shop.ledger.revenueFen).toBe(0);
    expect(shop.ledger.costsFen[PROMOTION]).toBe(0);
    expect(shop.ledger.costsFen[PENALTY]).toBe(900);
  });
});
