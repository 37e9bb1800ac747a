/**
 * Buyers (course §4): how many buyers of each city and crowd come for the product this tick
 * (the round's demand spread over its ticks, times any event), which potential customers come
 * back, and all of them in one seeded order. A buyer is a code: city in bits 0–7, crowd in 8–10,
 * the shop it is a fan of + 1 in 11–29, bit 30 for a returning potential customer.
 */
import { eventMultiplier, spread } from '../demand';
import type { ProductMarket } from '../market';
import { BRAND_LOYAL, CROWD_COUNT, HESITANT } from '../model';
import { potentialCouponInForce } from '../promotions/round';

export const CROWD_SHIFT = 8;
export const FAN_SHIFT = 11;
export const RETURNING = 1 << 30;

/** Returns false when nobody comes for the product this tick (its market then has nothing to do). */
export function buyers(m: ProductMarket): boolean {
  const { ctx, world, p, P, C, S, counts, returning } = m;
  const state = ctx.state;
  const T = world.ticksPerRound;
  const i = ctx.tick - ctx.startTick;
  const rules = world.rules;
  const choice = ctx.rng.choice;
  const promos = m.promos;

  let total = 0;
  for (let c = 0; c < C; c++) {
    const cell = c * P + p;
    for (let k = 0; k < CROWD_COUNT; k++) {
      const base = spread(state.roundDemand[cell * CROWD_COUNT + k]!, i, T);
      const n = world.events.length ? Math.floor(base * eventMultiplier(world.events, ctx.tick, c, p, k) + 0.5) : base;
      counts[c * CROWD_COUNT + k] = n;
      total += n;
    }
    returning[c] = 0;
    const pool = state.potential[cell]!;
    if (pool > 0) {
      let returnP = rules.hesitant.returnProbability;
      // A coupon aimed at potential customers brings more of them back (course §4).
      if (promos && potentialCouponInForce(promos, cell, i + 1)) returnP = Math.max(returnP, promos.rules.couponReturnProbability);
      const back = Math.min(pool, Math.floor(pool * returnP + choice.next()));
      state.potential[cell] = pool - back;
      returning[c] = back;
      total += back;
    }
  }
  if (total === 0) return false;

  if (m.buyers.length < total) m.buyers = new Int32Array(total * 2);
  const codes = m.buyers;
  let n = 0;
  for (let c = 0; c < C; c++) {
    for (let k = 0; k < CROWD_COUNT; k++) {
      let left = counts[c * CROWD_COUNT + k]!;
      state.demandSeen[(c * P + p) * CROWD_COUNT + k]! += left;
      if (k === BRAND_LOYAL) {
        // Fans who rated this shop 4–5 come back to it first (shops in the round's seeded order).
        for (let r = 0; r < S && left > 0; r++) {
          const s = state.shuffle[r]!;
          const due = ctx.fansDue[(s * C + c) * P + p]!;
          if (due === 0) continue;
          const f = Math.min(left, spread(due, i, T));
          for (let j = 0; j < f; j++) codes[n++] = c | (k << CROWD_SHIFT) | ((s + 1) << FAN_SHIFT);
          left -= f;
        }
      }
      for (let j = 0; j < left; j++) codes[n++] = c | (k << CROWD_SHIFT);
    }
    for (let j = 0; j < returning[c]!; j++) codes[n++] = c | (HESITANT << CROWD_SHIFT) | RETURNING;
  }
  for (let j = n - 1; j > 0; j--) {
    const r = (choice.next() * (j + 1)) | 0;
    const t = codes[j]!;
    codes[j] = codes[r]!;
    codes[r] = t;
  }
  m.n = n;
  return true;
}
