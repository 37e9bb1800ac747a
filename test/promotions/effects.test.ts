/**
 * Controlled experiments (same scenario, same seed, one decision changed): what each promotion
 * does to buyers and to the finances.
 */
import { describe, expect, it } from 'vitest';
import { decisions, play, shopResult, world, type MarketOptions } from './helpers';
import { buildResult } from '../../src/sim/result';
import { hashValue } from '../../src/engine';

const tea = (price: number, shipping = 0) => ({ city: 'hz', product: 'tea', price, shipping });
const round1 = (listings: unknown[], promotions: unknown[] = [], restock: unknown[] = []) => ({ round: 1, listings, promotions, restock });
/** Round 2 sells nothing (listings down), so every order of round 1 is delivered and booked. */
const quietRound2 = (products = ['tea']) => ({ round: 2, listings: products.map((product) => ({ city: 'hz', product, active: false })) });

describe('when a shop runs a limited-time discount against a slightly cheaper rival', () => {
  // a lists tea at 50.00, b at 48.00; a's 0.9 discount makes 45.00.
  const opts: MarketOptions = { shops: ['a', 'b'], perRound: { lowPrice: 200, hesitant: 200 } };
  const w = world(opts);
  const run = (promotions: unknown[]) =>
    play(w, [decisions('a', [round1([tea(50)], promotions)]), decisions('b', [round1([tea(48)])])], 7);
  const without = shopResult(w, run([]), 0);
  const withDiscount = shopResult(w, run([{ type: 'limitedDiscount', product: 'tea', rate: 0.9 }]), 0);

  it('should win the low-price crowd: 45.00 < 48.00, so a sells the low-price buyers what b sold them', () => {
    expect(without.unitsByCrowd.lowPrice).toBe(0);
    expect(withDiscount.unitsByCrowd.lowPrice).toBe(200);
  });

  it('should sell more to the hesitant crowd', () => {
    expect(withDiscount.unitsByCrowd.hesitant).toBeGreaterThan(without.unitsByCrowd.hesitant);
  });

  it('should report the discount’s orders, units and cost (5.00 a unit)', () => {
    const [report] = withDiscount.promotions;
    expect(report!.type).toBe('limitedDiscount');
    expect(report!.units).toBe(withDiscount.units);
    expect(report!.discount).toBeCloseTo(report!.units * 5, 2);
  });
});

describe('when the same price comes from a limited-time discount instead of a lower fixed price', () => {
  // 50.00 × 0.9 = 45.00 against a plain 45.00: same price, but the discount adds urgency.
  const w = world({ perRound: { hesitant: 400 } });
  const plain = shopResult(w, play(w, [decisions('a', [round1([tea(45)])])], 3), 0);
  const urgent = shopResult(w, play(w, [decisions('a', [round1([tea(50)], [{ type: 'limitedDiscount', product: 'tea', rate: 0.9 }])])], 3), 0);

  it('should convert more hesitant buyers (urgency raises their utility and buy probability)', () => {
    expect(urgent.unitsByCrowd.hesitant).toBeGreaterThan(plain.unitsByCrowd.hesitant);
  });
});

describe('when a buy-more threshold is set near the usual quantity', () => {
  // Every buyer wants 4; a threshold of 5 is within reach (4 ≥ 0.8 × 5) and worth it
  // (45.00 instead of 50.00 a unit), so about half of them (probability 0.5) move up to 5.
  const w = world({ perRound: { lowPrice: 400 }, quantity: [{ quantity: 4, weight: 1 }], stock: 3000 });
  const run = (promotions: unknown[]) => shopResult(w, play(w, [decisions('a', [round1([tea(50)], promotions)])], 11), 0);
  const buyMore = (minQuantity: number) => [{ type: 'buyMoreDiscount', product: 'tea', minQuantity, rate: 0.9 }];
  const base = run([]);
  const near = run(buyMore(5));
  const far = run(buyMore(7));

  it('should sell 4 units an order without it', () => {
    expect(base.units / base.orders).toBe(4);
  });

  it('should raise units per order to about 4.5 (half the buyers move up from 4 to 5)', () => {
    expect(near.orders).toBe(400);
    const perOrder = near.units / near.orders;
    expect(perOrder).toBeGreaterThan(4.35);
    expect(perOrder).toBeLessThan(4.65);
  });

  it('should not move buyers up to a threshold out of reach (4 < 0.8 × 7 = 5.6, and 3 units short > 2)', () => {
    expect(far.units / far.orders).toBe(4);
  });

  it('should make the upgrade probability a scenario parameter (1: everyone moves up to 5)', () => {
    const sure = world({ perRound: { lowPrice: 400 }, quantity: [{ quantity: 4, weight: 1 }], stock: 3000, rules: { promotions: { upgradeProbability: 1 } } });
    const r = shopResult(sure, play(sure, [decisions('a', [round1([tea(50)], buyMore(5))])], 11), 0);
    expect(r.units).toBe(2000);
  });
});

describe('when a spend-threshold reward is set just above the usual order', () => {
  // tea at 40.00; half the buyers want 1 (40.00), half want 2 (80.00). "100.00 − 10.00": a buyer of 2
  // is within reach (80 ≥ 0.8 × 100) and 3 units cost (120 − 10) / 3 = 36.67 a unit, 8% less: half move up.
  const opts: MarketOptions = { perRound: { lowPrice: 400 }, quantity: [{ quantity: 1, weight: 0.5 }, { quantity: 2, weight: 0.5 }], rounds: 2 };
  const w = world(opts);
  const run = (promotions: unknown[]) => {
    const state = play(w, [decisions('a', [round1([tea(40)], promotions), quietRound2()])], 5);
    const rounds = buildResult(w, state).rounds.map((r) => r.shops[0]!);
    const paid = rounds.reduce((s, r) => s + r.revenue - r.costs.promotion, 0);
    return { orders: rounds[0]!.orders, units: rounds[0]!.units, aov: paid / rounds[0]!.orders };
  };
  const base = run([]);
  const reward = run([{ type: 'spendReward', tiers: [{ threshold: 100, off: 10 }] }]);

  it('should raise the average order value (what a buyer pays per order)', () => {
    // without: about (40 + 80) / 2 = 60.00; with: a quarter of the orders become 110.00
    expect(base.aov).toBeGreaterThan(55);
    expect(base.aov).toBeLessThan(65);
    expect(reward.aov).toBeGreaterThan(base.aov + 5);
  });

  it('should grow baskets: more units for the same number of orders', () => {
    expect(reward.orders).toBe(base.orders);
    expect(reward.units).toBeGreaterThan(base.units);
  });
});

describe('when a monopoly runs a 0.9 discount its buyers would have paid full price for', () => {
  // 100 low-price buyers, 1 unit each, at 50.00: the same 100 units either way. Revenue is booked
  // gross (5000.00) and the discount as a promotion cost: 100 × 5.00 = 500.00.
  const w = world({ perRound: { lowPrice: 100 }, rounds: 2 });
  const run = (promotions: unknown[]) => {
    const state = play(w, [decisions('a', [round1([tea(50)], promotions), quietRound2()])], 1);
    const rounds = buildResult(w, state).rounds.map((r) => r.shops[0]!);
    return {
      units: rounds[0]!.units,
      revenue: rounds[0]!.revenue + rounds[1]!.revenue,
      promotion: rounds[0]!.costs.promotion + rounds[1]!.costs.promotion,
      profit: rounds[0]!.profit + rounds[1]!.profit,
      cash: rounds[1]!.cash,
    };
  };
  const base = run([]);
  const discounted = run([{ type: 'limitedDiscount', product: 'tea', rate: 0.9 }]);

  it('should sell the same 100 units', () => {
    expect(base.units).toBe(100);
    expect(discounted.units).toBe(100);
  });

  it('should book revenue gross (5000.00) and the discount as a promotion cost (500.00)', () => {
    expect(base.revenue).toBe(5000);
    expect(discounted.revenue).toBe(5000);
    expect(base.promotion).toBe(0);
    expect(discounted.promotion).toBe(500);
  });

  it('should show the cost in profit: 5000 − 100 × 20.00 = 3000.00 against 2500.00, and in cash', () => {
    expect(base.profit).toBe(3000);
    expect(discounted.profit).toBe(2500);
    expect(base.cash - discounted.cash).toBe(500);
  });
});

describe('when a coupon is aimed at potential customers (潜在客户)', () => {
  // Hesitant buyers who do not buy may come back; a 5.00 coupon aimed at them brings them back
  // more often (0.3 a tick instead of 0.1) and lowers their price, with urgency.
  const opts: MarketOptions = { perRound: { hesitant: 400, lowPrice: 100 }, ticksPerRound: 20 };
  const w = world(opts);
  const run = (promotions: unknown[]) => {
    const state = play(w, [decisions('a', [round1([tea(50)], promotions)])], 9);
    return { shop: shopResult(w, state, 0), lost: buildResult(w, state).rounds[0]!.lostDemandByReason.hz!.noPurchase };
  };
  const base = run([]);
  const coupon = run([{ type: 'coupon', amount: 5, threshold: 40, quantity: 1000, target: 'potential' }]);

  it('should convert hesitant buyers who would otherwise wait', () => {
    expect(coupon.shop.unitsByCrowd.hesitant).toBeGreaterThan(base.shop.unitsByCrowd.hesitant);
    expect(coupon.lost).toBeLessThan(base.lost);
  });

  it('should count the returning buyers’ visits like any hesitant buyer’s (a whole number)', () => {
    expect(Number.isInteger(coupon.shop.visits)).toBe(true);
    expect(coupon.shop.visits).toBeGreaterThan(base.shop.visits);
  });

  it('should be used only by returning potential customers: low-price buyers pay full price', () => {
    expect(coupon.shop.unitsByCrowd.lowPrice).toBe(100);
    const [report] = coupon.shop.promotions;
    expect(report!.orders).toBeGreaterThan(0);
    expect(report!.orders).toBeLessThanOrEqual(coupon.shop.ordersByCrowd.hesitant);
    expect(report!.discount).toBeCloseTo(report!.orders * 5, 2);
  });
});

describe('when a shop sells a bundle (搭配套餐)', () => {
  // tea 50.00 + mug 30.00 = 80.00; the bundle costs 72.00 (10% off). With bundleUptake 10 every
  // tea buyer takes it (10 × 0.1 ≥ 1): one order, two units, 8.00 of discount each.
  const opts: MarketOptions = { products: { tea: 50, mug: 30 }, perRound: { lowPrice: 100 }, rounds: 2, stock: 500, rules: { promotions: { bundleUptake: 10 } } };
  const w = world(opts);
  // only tea buyers: mug demand is zero
  const scen = { ...w };
  scen.demand = w.demand.map((d, i) => (i === 1 ? { ...d, perRound: [0, 0, 0, 0] } : d));
  const listings = [tea(50), { city: 'hz', product: 'mug', price: 30 }];
  const state = play(scen, [decisions('a', [round1(listings, [{ type: 'bundle', items: [{ product: 'tea' }, { product: 'mug' }], price: 72 }]), quietRound2(['tea', 'mug'])])], 2);
  const rounds = buildResult(scen, state).rounds.map((r) => r.shops[0]!);

  it('should make each bundle one order of two units', () => {
    expect(rounds[0]!.orders).toBe(100);
    expect(rounds[0]!.units).toBe(200);
    expect(rounds[0]!.promotions[0]).toMatchObject({ type: 'bundle', orders: 100, units: 200, revenue: 7200, discount: 800 });
  });

  it('should take the mugs from stock and book 100 × 80.00 gross with 800.00 of promotion cost', () => {
    expect(state.shops[0]!.stock).toEqual([400, 400]);
    expect(rounds[0]!.revenue + rounds[1]!.revenue).toBe(8000);
    expect(rounds[0]!.costs.promotion + rounds[1]!.costs.promotion).toBe(800);
    expect(rounds[0]!.costOfGoodsSold + rounds[1]!.costOfGoodsSold).toBe(200 * 20);
  });
});

describe('when a flash sale (秒杀) has a limited quantity', () => {
  // 100 buyers want 2 each at 50.00, 10 a tick; 15 units at 30.00, one per buyer: the first 15
  // buyers pay 30 + 50, the rest 50 + 50. Discount 15 × 20.00 = 300.00. The 5 buyers of tick 2
  // who come after the 15th saw 30.00 in search and find it gone: each stays with chance 0.5
  // (rules.search.promoGoneConversion, default), 4 of them left (2.5 expected): 96 × 2 = 192 units.
  const w = world({ perRound: { lowPrice: 100 }, quantity: [{ quantity: 2, weight: 1 }] });
  const r = shopResult(w, play(w, [decisions('a', [round1([tea(50)], [{ type: 'flashSale', product: 'tea', price: 30, quantity: 15, perBuyer: 1 }])])], 4), 0);

  it('should sell only its quantity at the flash price (and lose 4 of the 5 buyers who came for it after it sold out)', () => {
    expect(r.promotions[0]).toMatchObject({ type: 'flashSale', orders: 15, units: 30, discount: 300 });
    expect(r.units).toBe(192);
  });
});

describe('when a member day (会员日) gives members buy 1 get 1', () => {
  // Members are the shop's fans: customers who rated it 4–5 and come back as brand-loyal buyers.
  // Round 1 makes fans; round 2 has the member day on every tick with tick mod 7 = 3.
  const opts: MarketOptions = { perRound: { brandLoyal: 200 }, rounds: 2 };
  const w = world(opts);
  const run = (promotions: unknown[]) => {
    const state = play(w, [decisions('a', [round1([tea(50)]), { round: 2, promotions }])], 6);
    return shopResult(w, state, 0, 2);
  };
  const base = run([]);
  const member = run([{ type: 'memberDay', weekday: 3, buy: 1, get: 1 }]);

  it('should give members a free unit for each unit bought, booked at its list price', () => {
    const [report] = member.promotions;
    expect(report!.orders).toBeGreaterThan(0);
    // every member order here is 1 paid + 1 free unit: discount 50.00 an order
    expect(report!.units).toBe(report!.orders * 2);
    expect(report!.discount).toBeCloseTo(report!.orders * 50, 2);
  });

  it('should sell more units to the brand-loyal crowd than the same round without it', () => {
    expect(member.unitsByCrowd.brandLoyal).toBeGreaterThan(base.unitsByCrowd.brandLoyal);
  });
});

describe('when no shop runs a promotion', () => {
  it('should play exactly as before: an empty promotions list gives the same final state', () => {
    const w = world({ perRound: { lowPrice: 100, hesitant: 100 }, shops: ['a', 'b'] });
    const without = play(w, [decisions('a', [{ round: 1, listings: [tea(50)] }]), decisions('b', [{ round: 1, listings: [tea(48)] }])], 3);
    const empty = play(w, [decisions('a', [round1([tea(50)], [])]), decisions('b', [round1([tea(48)], [])])], 3);
    expect(hashValue(empty)).toBe(hashValue(without));
  });
});

describe('when a discounted order is a presale (预售) waiting for restock in transit', () => {
  // No stock on hand; 30 units arrive on tick 4. 10 buyers a round want 1 at 50.00 × 0.9 = 45.00:
  // the presale orders carry their 5.00 discount until the goods ship and are delivered.
  const w = world({ perRound: { lowPrice: 10 }, rounds: 2, stock: 0 });
  const listing = { ...tea(50), presale: true };
  const state = play(w, [decisions('a', [round1([listing], [{ type: 'limitedDiscount', product: 'tea', rate: 0.9 }], [{ city: 'hz', product: 'tea', quantity: 30 }]), quietRound2()])], 8);
  const rounds = buildResult(w, state).rounds.map((r) => r.shops[0]!);

  it('should book the discount when the presold goods are delivered: 10 × 5.00 = 50.00', () => {
    expect(rounds[0]!.units).toBe(10);
    const delivered = rounds[0]!.unitsDelivered + rounds[1]!.unitsDelivered;
    expect(delivered).toBe(10);
    expect(rounds[0]!.revenue + rounds[1]!.revenue).toBe(500);
    expect(rounds[0]!.costs.promotion + rounds[1]!.costs.promotion).toBe(50);
  });
});
