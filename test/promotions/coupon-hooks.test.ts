/**
 * A coupon sent to a group of the shop's own customers (course §8, §9) is the coupon tool's rule,
 * in its module: `sendsTo` names the group, how many may come back at most and their ticks;
 * `sentOffFen` is what it takes off a returning customer's order. Numbers worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { coupon, type Coupon } from '../../src/engine/promotions/tools/coupon';
import { PROMOTION_TOOL_LIST } from '../../src/engine';

const c = (target: Coupon['target']): Coupon => ({ type: 'coupon', amountFen: 500, thresholdFen: 3000, quantity: 40, target, fromTick: 3, toTick: 9 });

describe('a coupon sent to the shop’s customers', () => {
  it('should be sent to its group (new, repeat, loyal, sleeping) with its quantity (40) as the most that come back, on its ticks 3–9', () => {
    for (const g of ['new', 'repeat', 'loyal', 'sleeping'] as const) {
      expect(coupon.sendsTo!(c(g))).toEqual({ group: g, reach: 40, fromTick: 3, toTick: 9 });
    }
  });

  it('should not be sent when aimed at everyone or at potential customers (those meet it in the offer)', () => {
    expect(coupon.sendsTo!(c('everyone'))).toBeNull();
    expect(coupon.sendsTo!(c('potential'))).toBeNull();
  });

  it('should take 5.00 off goods of 30.00 (its threshold) and more, and nothing from 29.99 or when none is left', () => {
    const pr = c('sleeping');
    expect(coupon.sentOffFen!(pr, 3000, 1)).toBe(500);
    expect(coupon.sentOffFen!(pr, 4200, 7)).toBe(500);
    expect(coupon.sentOffFen!(pr, 2999, 7)).toBe(-1);
    expect(coupon.sentOffFen!(pr, 4200, 0)).toBe(-1);
  });

  it('should be the only tool sent to customers, and every tool that is sent can be used (both hooks or neither)', () => {
    expect(PROMOTION_TOOL_LIST.filter((t) => t.sendsTo).map((t) => t.type)).toEqual(['coupon']);
    for (const t of PROMOTION_TOOL_LIST) expect(t.sendsTo === undefined, t.type).toBe(t.sentOffFen === undefined);
  });
});
