/**
 * The platform's promotion rules (course §8), checked when decisions are submitted: for each rule
 * the legal boundary passes and the nearest illegal value is refused with the rule's number.
 */
import { describe, expect, it } from 'vitest';
import { decisions, problemsOf, world } from './helpers';

// Six products so that bundles of 2–5 and of 6 can be written; tea's reference is 50 (cap 65).
const W = world({ products: { tea: 50, silk: 130, mug: 32, fan: 40, pen: 20, cup: 30 }, ticksPerRound: 30, stock: 100 });
const listings = [
  { city: 'hz', product: 'tea', price: 45, shipping: 5 },
  { city: 'hz', product: 'silk', price: 120, shipping: 5.01 },
  { city: 'hz', product: 'mug', price: 30 },
  { city: 'hz', product: 'fan', price: 40 },
  { city: 'hz', product: 'pen', price: 20 },
  { city: 'hz', product: 'cup', price: 30 },
];

function check(...promotions: unknown[]) {
  return problemsOf(W, decisions('a', [{ round: 1, listings, promotions }]));
}

/** The one problem of a refused decision; it must name the rule. */
function refusal(rule: string, ...promotions: unknown[]) {
  const problems = check(...promotions);
  expect(problems).toHaveLength(1);
  expect(problems[0]!.message).toContain(`rule ${rule}`);
  return problems[0]!;
}

const discount = (product: string, rate: number) => ({ type: 'limitedDiscount', product, rate });

describe('when a limited-time discount (限时折扣) is submitted', () => {
  it('should accept rate 0.01 (0.1折) and refuse 0.0099 naming rule 8.1a and 0.01', () => {
    // silk 120.00 × 0.01 = 1.20 yuan, so only the rate floor is in play
    expect(check(discount('silk', 0.01))).toEqual([]);
    const p = refusal('8.1a', discount('silk', 0.0099));
    expect(p.path).toBe('$.rounds[0].promotions[0].rate');
    expect(p.message).toContain('0.01');
    expect(p.message).toContain('0.1折');
  });

  it('should accept rate 0.99 and refuse 1 (no discount) naming rule 8.1b', () => {
    expect(check(discount('tea', 0.99))).toEqual([]);
    refusal('8.1b', discount('tea', 1));
  });

  it('should accept 99.50 × 0.01 = 0.995 → 1.00 yuan (half up) and refuse 99.49 × 0.01 → 0.99 naming rule 8.1c', () => {
    const at = (price: number) =>
      problemsOf(
        W,
        decisions('a', [{ round: 1, listings: [{ city: 'hz', product: 'silk', price }], promotions: [discount('silk', 0.01)] }]),
      );
    expect(at(99.5)).toEqual([]);
    const p = at(99.49);
    expect(p).toHaveLength(1);
    expect(p[0]!.message).toContain('rule 8.1c');
    expect(p[0]!.message).toContain('1.00 yuan');
  });
});

describe('when a spend-threshold reward (满减) is submitted', () => {
  const tiers = (...t: [number, number][]) => ({ type: 'spendReward', tiers: t.map(([threshold, off]) => ({ threshold, off })) });

  it('should accept 3 tiers and refuse 4 naming rule 8.2a', () => {
    expect(check(tiers([100, 5], [200, 15], [300, 30]))).toEqual([]);
    const p = refusal('8.2a', tiers([100, 5], [200, 15], [300, 30], [400, 50]));
    expect(p.message).toContain('1 to 3 tiers');
  });

  it('should accept thresholds 100.00 < 100.01 and refuse 100.00, 100.00 naming rule 8.2b', () => {
    expect(check(tiers([100, 5], [100.01, 6]))).toEqual([]);
    const p = refusal('8.2b', tiers([100, 5], [100, 6]));
    expect(p.path).toBe('$.rounds[0].promotions[0].tiers[1].threshold');
  });

  it('should accept off 99.00 on threshold 100.00 (1.00 left to pay) and refuse 99.01 naming rule 8.2c', () => {
    expect(check(tiers([100, 99]))).toEqual([]);
    refusal('8.2c', tiers([100, 99.01]));
  });
});

describe('when bundles (搭配套餐) are submitted', () => {
  const bundle = (items: string[], price: number, shipping = 0) => ({ type: 'bundle', items: items.map((product) => ({ product })), price, shipping });

  it('should accept 50 bundles and refuse the 51st naming rule 8.3a and 50', () => {
    const fifty = Array.from({ length: 50 }, () => bundle(['tea', 'mug'], 70));
    expect(check(...fifty)).toEqual([]);
    const p = refusal('8.3a', ...fifty, bundle(['tea', 'mug'], 70));
    expect(p.path).toBe('$.rounds[0].promotions[50]');
    expect(p.message).toContain('50');
  });

  it('should accept 2 and 5 products and refuse 1 and 6 naming rule 8.3b', () => {
    expect(check(bundle(['tea', 'mug'], 70))).toEqual([]);
    expect(check(bundle(['tea', 'mug', 'fan', 'pen', 'cup'], 160))).toEqual([]);
    refusal('8.3b', bundle(['tea'], 40));
    refusal('8.3b', bundle(['tea', 'mug', 'fan', 'pen', 'cup', 'silk'], 200));
  });

  it('should accept a price 0.01 below the items’ sum (45 + 30 = 75.00 → 74.99) and refuse 75.00 naming rule 8.3c', () => {
    expect(check(bundle(['tea', 'mug'], 74.99))).toEqual([]);
    const p = refusal('8.3c', bundle(['tea', 'mug'], 75));
    expect(p.message).toContain('75.00');
  });

  it('should accept shipping 7.51 ≤ 1.5 × 5.01 = 7.515 and refuse 7.52 naming rule 8.3d', () => {
    // main item silk ships at 5.01; 2 × 751 = 1502 ≤ 3 × 501 = 1503 < 2 × 752 = 1504
    expect(check(bundle(['silk', 'mug'], 140, 7.51))).toEqual([]);
    const p = refusal('8.3d', bundle(['silk', 'mug'], 140, 7.52));
    expect(p.message).toContain('1.5');
  });

  it('should refuse shipping 0.01 when the main item ships free (1.5 × 0 = 0)', () => {
    expect(check(bundle(['mug', 'tea'], 70, 0))).toEqual([]);
    refusal('8.3d', bundle(['mug', 'tea'], 70, 0.01));
  });
});

describe('when a buy-more discount (多买折扣) is submitted', () => {
  const buyMore = (minQuantity: number, rate: number, product = 'tea') => ({ type: 'buyMoreDiscount', product, minQuantity, rate });

  it('should accept a threshold of 2 units and refuse 1 naming rule 8.4a', () => {
    expect(check(buyMore(2, 0.9))).toEqual([]);
    refusal('8.4a', buyMore(1, 0.9));
  });

  it('should accept rate 0.01 and refuse 0.0099 naming rule 8.4b; refuse 1 naming 8.4c', () => {
    expect(check(buyMore(3, 0.01, 'silk'))).toEqual([]);
    refusal('8.4b', buyMore(3, 0.0099, 'silk'));
    refusal('8.4c', buyMore(3, 1));
  });

  it('should refuse a price after discount below 1.00 yuan (45.00 × 0.02 = 0.90) naming rule 8.4d', () => {
    // 45.00 × 0.023 = 1.035 → 1.04 passes
    expect(check(buyMore(3, 0.023))).toEqual([]);
    refusal('8.4d', buyMore(3, 0.02));
  });
});

describe('when a shop coupon (店铺优惠券) is submitted', () => {
  const coupon = (amount: number, threshold: number, quantity = 10, target = 'everyone') => ({ type: 'coupon', amount, threshold, quantity, target });

  it('should accept 49.00 off 50.00 (1.00 left to pay) and refuse 49.01 naming rule 8.5a', () => {
    expect(check(coupon(49, 50))).toEqual([]);
    refusal('8.5a', coupon(49.01, 50));
  });

  it('should accept a quantity of 1 and refuse 0 naming rule 8.5b', () => {
    expect(check(coupon(5, 50, 1))).toEqual([]);
    refusal('8.5b', coupon(5, 50, 0));
  });

  it('should accept the six targets of rule 8.5c (everyone, potential, new, repeat, loyal, sleeping) and refuse another, listing them', () => {
    for (const target of ['everyone', 'potential', 'new', 'repeat', 'loyal', 'sleeping']) expect(check(coupon(5, 50, 10, target))).toEqual([]);
    const p = check(coupon(5, 50, 10, 'vip'));
    expect(p[0]!.path).toBe('$.rounds[0].promotions[0].target');
    expect(p[0]!.message).toMatch(/"everyone" or "potential" or "new" or "repeat" or "loyal" or "sleeping"/);
  });
});

describe('when a group buy (团购) is submitted', () => {
  const group = (price: number, product = 'tea') => ({ type: 'groupBuy', product, city: 'hz', price });

  it('should accept 45.00 + 5.00 shipping = 50.00 = local price 50 × (1 + 0) and refuse 45.01 naming rule 8.6a', () => {
    // fixed price 60.00 + 5.00 shipping = 65.00, the listing's own cap (50 × 1.3)
    const at = (price: number) =>
      problemsOf(W, decisions('a', [{ round: 1, listings: [{ city: 'hz', product: 'tea', price: 60, shipping: 5 }], promotions: [group(price)] }]));
    expect(at(45)).toEqual([]);
    const p = at(45.01);
    expect(p).toHaveLength(1);
    expect(p[0]!.message).toContain('rule 8.6a');
    expect(p[0]!.message).toContain('50.01');
    expect(p[0]!.message).toContain('50.00');
  });

  it('should take the group-buy float from the scenario: float 0.1 gives a cap of 55.00 (50.00 + 5.00 passes, 50.01 does not)', () => {
    const w = world({ products: { tea: 50 }, ticksPerRound: 30, rules: { promotions: { groupBuyFloat: 0.1 } } });
    const at = (price: number) =>
      problemsOf(w, decisions('a', [{ round: 1, listings: [{ city: 'hz', product: 'tea', price: 60, shipping: 5 }], promotions: [group(price)] }]));
    expect(at(50)).toEqual([]);
    expect(at(50.01)[0]!.message).toContain('rule 8.6a');
  });

  it('should refuse a group price not below the fixed price naming rule 8.6b', () => {
    // mug: fixed 30.00, no shipping; local price 32.00
    expect(check(group(29.99, 'mug'))).toEqual([]);
    refusal('8.6b', group(30, 'mug'));
  });
});

describe('when a flash sale (秒杀) is submitted', () => {
  const flash = (price: number, quantity = 10, perBuyer = 1) => ({ type: 'flashSale', product: 'tea', price, quantity, perBuyer, fromTick: 3, toTick: 4 });

  it('should accept 1.00 yuan and refuse 0.99 naming rule 8.7a', () => {
    expect(check(flash(1))).toEqual([]);
    refusal('8.7a', flash(0.99));
  });

  it('should accept 44.99 under the fixed 45.00 and refuse 45.00 naming rule 8.7b', () => {
    expect(check(flash(44.99))).toEqual([]);
    refusal('8.7b', flash(45));
  });

  it('should refuse a quantity or per-buyer limit of 0 naming rule 8.7c', () => {
    refusal('8.7c', flash(30, 0));
    refusal('8.7c', flash(30, 10, 0));
  });
});

describe('when a member day (会员日) is submitted', () => {
  const member = (weekday: number, buy = 2, get = 1) => ({ type: 'memberDay', weekday, buy, get });

  it('should accept one member day and refuse a second naming rule 8.8a', () => {
    expect(check(member(3))).toEqual([]);
    refusal('8.8a', member(3), member(4));
  });

  it('should accept weekdays 0 and 6 and refuse 7 naming rule 8.8b', () => {
    expect(check(member(0))).toEqual([]);
    expect(check(member(6))).toEqual([]);
    refusal('8.8b', member(7));
  });

  it('should accept buy 2 get 2 and refuse buy 2 get 3 or get 0 naming rule 8.8c', () => {
    expect(check(member(1, 2, 2))).toEqual([]);
    refusal('8.8c', member(1, 2, 3));
    refusal('8.8c', member(1, 2, 0));
  });
});

describe('when any promotion is submitted', () => {
  it('should accept ticks 1–30 of a 30-tick round and refuse toTick 31 or fromTick 0 naming rule 8.0a', () => {
    expect(check({ ...discount('tea', 0.9), fromTick: 1, toTick: 30 })).toEqual([]);
    refusal('8.0a', { ...discount('tea', 0.9), fromTick: 1, toTick: 31 });
    refusal('8.0a', { ...discount('tea', 0.9), fromTick: 0, toTick: 5 });
    refusal('8.0a', { ...discount('tea', 0.9), fromTick: 6, toTick: 5 });
  });

  it('should refuse a promotion of a product that is not listed, naming rule 8.0b', () => {
    const p = problemsOf(W, decisions('a', [{ round: 1, listings: [listings[0]], promotions: [discount('silk', 0.9)] }]));
    expect(p).toHaveLength(1);
    expect(p[0]!.message).toContain('rule 8.0b');
  });

  it('should check a later round against the listings carried over from earlier rounds', () => {
    const w = world({ products: { tea: 50 }, rounds: 2 });
    const file = decisions('a', [
      { round: 2, promotions: [{ type: 'flashSale', product: 'tea', price: 44.99, quantity: 5 }] },
      { round: 1, listings: [{ city: 'hz', product: 'tea', price: 45 }] },
    ]);
    expect(problemsOf(w, file)).toEqual([]);
    const taken = decisions('a', [
      { round: 1, listings: [{ city: 'hz', product: 'tea', price: 45 }] },
      { round: 2, listings: [{ city: 'hz', product: 'tea', active: false }], promotions: [{ type: 'flashSale', product: 'tea', price: 44.99, quantity: 5 }] },
    ]);
    expect(problemsOf(w, taken)[0]!.message).toContain('rule 8.0b');
  });

  it('should name the eight tool types when the type is unknown', () => {
    const p = check({ type: 'lottery', product: 'tea' });
    expect(p).toHaveLength(1);
    expect(p[0]!.path).toBe('$.rounds[0].promotions[0].type');
    expect(p[0]!.message).toContain('"limitedDiscount"');
    expect(p[0]!.message).toContain('"memberDay"');
  });

  it('should report every broken rule at once, each with its own path', () => {
    const p = check(discount('tea', 0.001), { type: 'coupon', amount: 60, threshold: 50, quantity: 0, target: 'everyone' });
    expect(p.map((x) => x.path)).toEqual(['$.rounds[0].promotions[0].rate', '$.rounds[0].promotions[1].amount', '$.rounds[0].promotions[1].quantity']);
  });
});
