/**
 * The edges of promotion pricing (`quote`, `memberFree`), worked out by hand: each threshold at
 * exactly its value and one step below, ties between two tools, what is left of a coupon or a
 * flash sale, and every field of the order's breakdown. Written against the mutants StrykerJS left
 * alive in promotions/round.ts (README, "Reliability"): a comparison turned from < into ≤, a tier
 * loop that stops one tier early, a breakdown field nobody read.
 *
 * One city, one product: tea listed at 50.00 with 5.00 shipping.
 */
import { describe, expect, it } from 'vitest';
import { memberFree, offerPromo, quote, quoted, startPromotions } from '../../src/engine/promotions/round';
import { DEFAULT_PROMOTION_RULES, type Promotion } from '../../src/engine';

const span = { fromTick: 1, toTick: 10 };
function promoFor(promos: Promotion[], tick = 1) {
  const rp = startPromotions(DEFAULT_PROMOTION_RULES, 1, 1, [promos])!;
  const op = offerPromo(rp, 0, 0, tick, tick, 5000, 500, [{ priceFen: 5000 }], 0);
  if (!op) throw new Error('no promotion in force');
  return op;
}

describe('when a buy-more discount meets its threshold exactly (minQuantity 3, rate 0.8 → 40.00)', () => {
  const op = promoFor([{ type: 'buyMoreDiscount', product: 0, city: null, minQuantity: 3, rate: 0.8, ...span }]);

  it('should price 3 units at 40.00: 3 × 40.00 + 5.00 = 125.00, 30.00 off the units', () => {
    expect(quote(op, 3, 0, false)).toBe(12500);
    expect(quoted.unitPromo).toBe(0);
    expect(quoted.unitDiscountFen).toBe(3000);
    expect(quoted.goodsFen).toBe(12000);
  });

  it('should price 2 units at the list price: 2 × 50.00 + 5.00 = 105.00, no promotion named', () => {
    expect(quote(op, 2, 0, false)).toBe(10500);
    expect(quoted.unitPromo).toBe(-1);
    expect(quoted.unitDiscountFen).toBe(0);
    expect(quoted.discountFen).toBe(0);
  });
});

describe('when a discount and a buy-more discount give the same unit price (0.8 and 0.8 → 40.00)', () => {
  it('should credit the discount (listed first; the buy-more price must be lower to take over)', () => {
    const op = promoFor([
      { type: 'limitedDiscount', product: 0, city: null, rate: 0.8, ...span },
      { type: 'buyMoreDiscount', product: 0, city: null, minQuantity: 2, rate: 0.8, ...span },
    ]);
    expect(quote(op, 2, 0, false)).toBe(8500);
    expect(quoted.unitPromo).toBe(0);
  });

  it('should credit the buy-more discount when it is lower (0.7 → 35.00): 2 × 35.00 + 5.00 = 75.00', () => {
    const op = promoFor([
      { type: 'limitedDiscount', product: 0, city: null, rate: 0.8, ...span },
      { type: 'buyMoreDiscount', product: 0, city: null, minQuantity: 2, rate: 0.7, ...span },
    ]);
    expect(quote(op, 2, 0, false)).toBe(7500);
    expect(quoted.unitPromo).toBe(1);
    expect(quoted.unitDiscountFen).toBe(3000);
  });
});

describe('when a flash sale is on', () => {
  it('should sell at most the units left: 2 left, 3 allowed a buyer, 3 wanted → 2 × 30.00 + 50.00 + 5.00 = 115.00', () => {
    const op = promoFor([{ type: 'flashSale', product: 0, city: null, priceFen: 3000, quantity: 2, perBuyer: 3, ...span }]);
    expect(quote(op, 3, 0, false)).toBe(11500);
    expect(quoted.flashUnits).toBe(2);
    expect(quoted.flashDiscountFen).toBe(4000);
    expect(quoted.unitDiscountFen).toBe(0);
  });

  it('should sell 1 of 3 allowed when 1 is wanted: 30.00 + 5.00 = 35.00', () => {
    const op = promoFor([{ type: 'flashSale', product: 0, city: null, priceFen: 3000, quantity: 5, perBuyer: 3, ...span }]);
    expect(quote(op, 1, 0, false)).toBe(3500);
    expect(quoted.flashUnits).toBe(1);
  });

  it('should not use the flash price when it is no lower than the discount (both 30.00): no flash unit used', () => {
    const op = promoFor([
      { type: 'limitedDiscount', product: 0, city: null, rate: 0.6, ...span },
      { type: 'flashSale', product: 0, city: null, priceFen: 3000, quantity: 5, perBuyer: 1, ...span },
    ]);
    expect(quote(op, 1, 0, false)).toBe(3500);
    expect(quoted.flashUnits).toBe(0);
    expect(quoted.flashDiscountFen).toBe(0);
    expect(quoted.unitDiscountFen).toBe(2000);
  });
});

describe('when a spend reward has two tiers (100.00 → 10.00 off, 200.00 → 30.00 off)', () => {
  const op = promoFor([{ type: 'spendReward', tiers: [{ thresholdFen: 10000, offFen: 1000 }, { thresholdFen: 20000, offFen: 3000 }], ...span }]);

  it('should give the highest tier reached: 5 units = 250.00 − 30.00 + 5.00 = 225.00', () => {
    expect(quote(op, 5, 0, false)).toBe(22500);
    expect(quoted.spendOffFen).toBe(3000);
  });

  it('should give a tier at exactly its threshold: 4 units = 200.00 − 30.00 + 5.00 = 175.00', () => {
    expect(quote(op, 4, 0, false)).toBe(17500);
    expect(quoted.spendOffFen).toBe(3000);
  });

  it('should give the first tier: 3 units = 150.00 − 10.00 + 5.00 = 145.00; 2 units = 100.00 − 10.00 + 5.00 = 95.00', () => {
    expect(quote(op, 3, 0, false)).toBe(14500);
    expect(quoted.spendOffFen).toBe(1000);
    expect(quote(op, 2, 0, false)).toBe(9500);
    expect(quoted.spendOffFen).toBe(1000);
  });

  it('should give nothing below the first tier: 1 unit = 50.00 + 5.00 = 55.00', () => {
    expect(quote(op, 1, 0, false)).toBe(5500);
    expect(quoted.spendOffFen).toBe(0);
    expect(quoted.discountFen).toBe(0);
  });
});

describe('when a coupon (5.00 off from 100.00) is used', () => {
  const coupon = (target: 'everyone' | 'potential', amountFen: number, thresholdFen = 10000, quantity = 10): Promotion => ({ type: 'coupon', amountFen, thresholdFen, quantity, target, ...span });

  it('should apply at exactly the threshold: 2 units = 100.00 − 5.00 + 5.00 = 100.00', () => {
    const op = promoFor([coupon('everyone', 500)]);
    expect(quote(op, 2, 0, false)).toBe(10000);
    expect(quoted.couponPromo).toBe(0);
    expect(quoted.couponOffFen).toBe(500);
  });

  it('should measure the threshold after the spend tier: 100.00 − 10.00 = 90.00 < 100.00, so 95.00 and no coupon', () => {
    const op = promoFor([{ type: 'spendReward', tiers: [{ thresholdFen: 10000, offFen: 1000 }], ...span }, coupon('everyone', 500)]);
    expect(quote(op, 2, 0, false)).toBe(9500);
    expect(quoted.couponPromo).toBe(-1);
    expect(quoted.couponOffFen).toBe(0);
  });

  it('should not apply when no coupon is left: 2 units = 105.00', () => {
    const op = promoFor([coupon('everyone', 500)]);
    op.remaining[0] = 0;
    expect(quote(op, 2, 0, false)).toBe(10500);
    expect(quoted.couponPromo).toBe(-1);
  });

  it('should give a coupon for potential customers only to a returning buyer: 8.00 off → 97.00 returning, 105.00 not', () => {
    const op = promoFor([coupon('potential', 800)]);
    expect(quote(op, 2, 0, true)).toBe(9700);
    expect(quoted.couponPromo).toBe(0);
    expect(quote(op, 2, 0, false)).toBe(10500);
    expect(quoted.couponPromo).toBe(-1);
  });

  it('should apply the potential-customer coupon at exactly its threshold and not once it is used up', () => {
    const op = promoFor([coupon('potential', 800, 10000, 1)]);
    expect(quote(op, 2, 0, true)).toBe(9700);
    op.remaining[0] = 0;
    expect(quote(op, 2, 0, true)).toBe(10500);
  });

  it('should let a returning buyer use the larger of two coupons: 8.00 for potential beats 5.00 for everyone (97.00)', () => {
    const op = promoFor([coupon('everyone', 500), coupon('potential', 800)]);
    expect(quote(op, 2, 0, true)).toBe(9700);
    expect(quoted.couponPromo).toBe(1);
    expect(quoted.couponOffFen).toBe(800);
  });

  it('should keep the coupon for everyone when the potential one is no larger (5.00 and 5.00): 100.00', () => {
    const op = promoFor([coupon('everyone', 500), coupon('potential', 500)]);
    expect(quote(op, 2, 0, true)).toBe(10000);
    expect(quoted.couponPromo).toBe(0);
  });
});

describe('when a member day gives free units (buy 2 get 1)', () => {
  const op = promoFor([{ type: 'memberDay', weekday: 1, buy: 2, get: 1, product: null }], 1);

  it('should give floor(5 / 2) × 1 = 2 free units to a member, none to others', () => {
    expect(memberFree(op, 5, true)).toBe(2);
    expect(memberFree(op, 1, true)).toBe(0);
    expect(memberFree(op, 5, false)).toBe(0);
  });

  it('should book the free units as a discount: 2 paid + 1 free = 100.00 + 5.00 = 105.00 of a gross 155.00, 50.00 off', () => {
    expect(quote(op, 2, 1, false)).toBe(10500);
    expect(quoted.grossFen).toBe(15500);
    expect(quoted.freeDiscountFen).toBe(5000);
    expect(quoted.discountFen).toBe(5000);
    expect(quoted.payFen).toBe(10500);
  });

  it('should give nothing when no member day is in force (tick 2 mod 7 ≠ 1)', () => {
    const other = promoFor([{ type: 'memberDay', weekday: 1, buy: 2, get: 1, product: null }, { type: 'limitedDiscount', product: 0, city: null, rate: 0.9, ...span }], 2);
    expect(memberFree(other, 4, true)).toBe(0);
  });
});
