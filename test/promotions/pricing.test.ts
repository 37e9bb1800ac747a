/** What a buyer pays for a quantity when several promotions are in force, worked out by hand. */
import { describe, expect, it } from 'vitest';
import { offerPromo, quote, quoted, startPromotions, upgradeTarget } from '../../src/engine/promotions/round';
import { DEFAULT_PROMOTION_RULES, type Promotion } from '../../src/engine';
import { transactionFen, type Offer } from '../../src/engine/crowds/offer';

const span = { fromTick: 1, toTick: 10 };
// one city, one product: tea at 50.00 + 5.00 shipping
function promoFor(promos: Promotion[], tick = 1) {
  const rp = startPromotions(DEFAULT_PROMOTION_RULES, 1, 1, [promos])!;
  return offerPromo(rp, 0, 0, tick, tick, 5000, 500, [{ priceFen: 5000 }], 0);
}

describe('when a discount, a buy-more discount, a spend tier and a coupon are all in force', () => {
  const op = promoFor([
    { type: 'limitedDiscount', product: 0, city: null, rate: 0.9, ...span },
    { type: 'buyMoreDiscount', product: 0, city: null, minQuantity: 3, rate: 0.8, ...span },
    { type: 'spendReward', tiers: [{ thresholdFen: 10000, offFen: 1000 }], ...span },
    { type: 'coupon', amountFen: 500, thresholdFen: 8000, quantity: 10, target: 'everyone', ...span },
  ])!;

  it('should charge 1 unit 45.00 + 5.00 = 50.00 (the 0.9 discount only)', () => {
    expect(quote(op, 1, 0, false)).toBe(5000);
    expect(quoted.discountFen).toBe(500);
  });

  it('should charge 2 units 90.00 − 5.00 coupon (90 ≥ 80) + 5.00 = 90.00; no spend tier (90 < 100)', () => {
    expect(quote(op, 2, 0, false)).toBe(9000);
    expect(quoted.spendOffFen).toBe(0);
    expect(quoted.couponOffFen).toBe(500);
  });

  it('should charge 3 units at the buy-more 40.00: 120.00 − 10.00 tier − 5.00 coupon + 5.00 = 110.00, 45.00 off 155.00', () => {
    expect(quote(op, 3, 0, false)).toBe(11000);
    expect(quoted.grossFen).toBe(15500);
    expect(quoted.discountFen).toBe(4500);
    expect(quoted.unitDiscountFen).toBe(3000);
  });

  it('should give the crowds that transaction price to compare', () => {
    const o = { priceFen: 5000, shippingFen: 500, promo: op } as Offer;
    expect(transactionFen(o, 3)).toBe(11000);
    expect(transactionFen({ ...o, promo: null }, 3)).toBe(15500);
  });

  it('should add urgency for hesitant buyers (a discount and a coupon are in force)', () => {
    expect(op.urgency).toBeCloseTo(1.2, 10);
  });
});

describe('when a promotion is not in force on a tick', () => {
  it('should leave the offer without promotions (null) outside its ticks', () => {
    expect(promoFor([{ type: 'limitedDiscount', product: 0, city: null, rate: 0.9, ...span }], 11)).toBeNull();
  });

  it('should hold a member day only on ticks with tick mod 7 = weekday (17 mod 7 = 3)', () => {
    const md: Promotion[] = [{ type: 'memberDay', weekday: 3, buy: 2, get: 1, product: null }];
    expect(promoFor(md, 17)!.memberPromo).toBe(0);
    expect(promoFor(md, 18)).toBeNull();
  });
});

describe('when a flash sale is on', () => {
  it('should price only perBuyer units at the flash price: 2 units = 30.00 + 50.00 + 5.00 = 85.00', () => {
    const op = promoFor([{ type: 'flashSale', product: 0, city: null, priceFen: 3000, quantity: 5, perBuyer: 1, ...span }])!;
    expect(quote(op, 2, 0, false)).toBe(8500);
    expect(quoted.flashUnits).toBe(1);
  });

  it('should rank by the units left when the offers were taken: sold out since, an order pays 2 × 50.00 + 5.00 = 105.00, the crowds still compare 85.00', () => {
    const op = promoFor([{ type: 'flashSale', product: 0, city: null, priceFen: 3000, quantity: 5, perBuyer: 1, ...span }])!;
    op.remaining[0] = 0;
    expect(quote(op, 2, 0, false)).toBe(10500);
    expect(quote(op, 2, 0, false, true)).toBe(8500);
    expect(transactionFen({ priceFen: 5000, shippingFen: 500, promo: op } as Offer, 2)).toBe(8500);
  });
});

describe('when the last coupon is used during the tick', () => {
  it('should rank by the coupon the buyers saw: 2 units 100.00 − 5.00 + 5.00 = 100.00, while the next order pays 105.00', () => {
    const op = promoFor([{ type: 'coupon', amountFen: 500, thresholdFen: 8000, quantity: 1, target: 'everyone', ...span }])!;
    expect(quote(op, 2, 0, false)).toBe(10000);
    op.remaining[0] = 0;
    expect(quote(op, 2, 0, false)).toBe(10500);
    expect(transactionFen({ priceFen: 5000, shippingFen: 500, promo: op } as Offer, 2)).toBe(10000);
  });
});

describe('when a buyer is close to a threshold (the buy-more upgrade of §4)', () => {
  const buyMore = (k: number, rate: number) => promoFor([{ type: 'buyMoreDiscount', product: 0, city: null, minQuantity: k, rate, ...span }])!;

  it('should offer to move 4 up to 5 (4 ≥ 0.8 × 5, 45.00 < 50.00 a unit)', () => {
    expect(upgradeTarget(buyMore(5, 0.9), DEFAULT_PROMOTION_RULES, 4, false, false, 100)).toBe(5);
  });

  it('should not move 2 up to 5 (2 < 0.8 × 5 = 4, and 3 units short > upgradeReachUnits 2)', () => {
    expect(upgradeTarget(buyMore(5, 0.9), DEFAULT_PROMOTION_RULES, 2, false, false, 100)).toBe(2);
  });

  it('should move 1 up to 3 and 2 up to 4: at most upgradeReachUnits = 2 short, though 1 < 0.8 × 3', () => {
    expect(upgradeTarget(buyMore(3, 0.9), DEFAULT_PROMOTION_RULES, 1, false, false, 100)).toBe(3);
    expect(upgradeTarget(buyMore(4, 0.9), DEFAULT_PROMOTION_RULES, 2, false, false, 100)).toBe(4);
    expect(upgradeTarget(buyMore(4, 0.9), DEFAULT_PROMOTION_RULES, 1, false, false, 100)).toBe(1);
  });

  it('should keep the course rule alone with upgradeReachUnits 0: 3 does not move up to 5 (3 < 4)', () => {
    expect(upgradeTarget(buyMore(5, 0.9), { ...DEFAULT_PROMOTION_RULES, upgradeReachUnits: 0 }, 3, false, false, 100)).toBe(3);
  });

  it('should not move up when the discount is not worth it (0.97: 3% < the 5% minimum saving)', () => {
    expect(upgradeTarget(buyMore(5, 0.97), DEFAULT_PROMOTION_RULES, 4, false, false, 100)).toBe(4);
  });

  it('should not move up past the stock on hand', () => {
    expect(upgradeTarget(buyMore(5, 0.9), DEFAULT_PROMOTION_RULES, 4, false, false, 4)).toBe(4);
  });
});
