/**
 * The crowd rules' ranking pieces, with numbers worked out by hand (written against the mutants
 * StrykerJS left alive in src/engine/crowds; see the README, Reliability): who is ranked at all,
 * how deep each crowd looks, a reused output array, and every term of the hesitant utility.
 * Default hesitant weights: price .5, review .3, index .2; buyBase .8; sharpness 4; 4 search slots.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROMOTION_RULES } from '../../src/engine';
import { brandLoyal } from '../../src/engine/crowds/brandLoyal';
import { composite } from '../../src/engine/crowds/composite';
import { buyProbability, hesitantUtility, makeHesitant } from '../../src/engine/crowds/hesitant';
import { lowPrice } from '../../src/engine/crowds/lowPrice';
import type { Offer, RankContext } from '../../src/engine/crowds/offer';
import { offerPromo, startPromotions } from '../../src/engine/promotions/round';
import { defaultRules } from '../../src/scenario/defaults';

const rules = defaultRules();
const h = rules.hesitant;
const ctx: RankContext = { quantity: 1, referenceFen: 5000, capFen: 6000 };
function offer(shop: number, o: Partial<Offer> = {}): Offer {
  return { shop, priceFen: 5000, shippingFen: 0, reviewScore: 20, cityInfluence: 0, index: 50, shuffleRank: shop, sources: [0], available: 10, presale: false, presaleAvailable: 0, conversion: 1, serviceConversion: 1, utility: 0, weight: 0, promo: null, ...o };
}
const shops = (ranked: Offer[]) => ranked.map((o) => o.shop);

describe('how deep each crowd looks into the search results', () => {
  it('should let low-price and brand-loyal buyers compare every offer, composite buyers the first page (10), hesitant buyers 4 slots', () => {
    expect(lowPrice.searchDepth(rules)).toBe(Infinity);
    expect(brandLoyal.searchDepth(rules)).toBe(Infinity);
    expect(composite.searchDepth(rules)).toBe(10);
    expect(composite.searchDepth({ ...rules, search: { ...rules.search, pageSize: 3 } })).toBe(3);
    expect(makeHesitant(h).searchDepth(rules)).toBe(4);
  });
});

describe('when brand-loyal buyers rank into a reused array', () => {
  it('should keep review score 0 and drop −0.5, and leave no stale entry: 4 old entries, 2 offers ranked → length 2', () => {
    const out = [offer(7), offer(8), offer(9), offer(10)];
    const ranked = brandLoyal.rank([offer(1, { reviewScore: 0 }), offer(2, { reviewScore: -0.5 }), offer(3, { reviewScore: 1 })], ctx, out);
    expect(ranked).toBe(out);
    expect(shops(ranked)).toEqual([3, 1]);
  });

  it('should rank nobody when every shop is below 0 (an empty ranking, not the old one)', () => {
    const out = [offer(7)];
    expect(brandLoyal.rank([offer(1, { reviewScore: -1 })], ctx, out)).toHaveLength(0);
  });
});

describe('when composite and low-price buyers rank into a reused array', () => {
  it('should replace what it held: 3 old entries, 2 offers → the 2, best first', () => {
    expect(shops(composite.rank([offer(1, { index: 10 }), offer(2, { index: 20 })], ctx, [offer(7), offer(8), offer(9)]))).toEqual([2, 1]);
    expect(shops(lowPrice.rank([offer(1, { priceFen: 4000 }), offer(2, { priceFen: 3900 })], ctx, [offer(7), offer(8), offer(9)]))).toEqual([2, 1]);
  });
});

describe('when hesitant buyers rank the results they see', () => {
  it('should see only the first 4 of 5 results and put the highest utility first: 45.00 (1.00) before 50.00 (0.75)', () => {
    const hes = makeHesitant(h);
    // Shop 5 is the cheapest of all but in the fifth slot, out of sight.
    const ranked = hes.rank([offer(1), offer(2, { priceFen: 4500 }), offer(3, { priceFen: 5500 }), offer(4, { priceFen: 5200 }), offer(5, { priceFen: 1000 })], ctx);
    expect(shops(ranked)).toEqual([2, 1, 4, 3]);
    // 45.00: .5 × 1.5 + .3 × 20/40 + .2 × .5 = 1.00; weight 1^4 = 1. 50.00: 0.75, weight 0.75^4 = 0.31640625.
    expect(ranked[0]!.utility).toBeCloseTo(1, 12);
    expect(ranked[0]!.weight).toBeCloseTo(1, 12);
    expect(ranked[1]!.utility).toBeCloseTo(0.75, 12);
    expect(ranked[1]!.weight).toBeCloseTo(0.31640625, 12);
    // 52.00: price term 1 − 200/1000 = 0.8 → .4 + .15 + .1 = 0.65; 55.00: 0.5 → 0.5.
    expect(ranked[2]!.utility).toBeCloseTo(0.65, 12);
    expect(ranked[3]!.utility).toBeCloseTo(0.5, 12);
  });

  it('should break a utility tie by the seeded shop order only', () => {
    const ranked = makeHesitant(h).rank([offer(1, { shuffleRank: 2 }), offer(2, { shuffleRank: 1 })], ctx);
    expect(shops(ranked)).toEqual([2, 1]);
  });
});

describe('each term of the hesitant utility', () => {
  const u = (o: Partial<Offer>, c: RankContext = ctx) => hesitantUtility(offer(0, o), c, h);

  it('should cap the price term at 2 far below the reference (10.00: 1 + 4000/1000 = 5 → 2) and floor it at 0 above the cap (70.00 → 0)', () => {
    expect(u({ priceFen: 1000 })).toBeCloseTo(0.5 * 2 + 0.15 + 0.1, 12);
    expect(u({ priceFen: 7000 })).toBeCloseTo(0.15 + 0.1, 12);
  });

  it('should divide by at least 1 fen when the cap equals the reference: 50.00 at 50.00 is price term 1, 49.99 is 2, 50.01 is 0', () => {
    const flat = { quantity: 1, referenceFen: 5000, capFen: 5000 };
    expect(u({}, flat)).toBeCloseTo(0.75, 12);
    expect(u({ priceFen: 4999 }, flat)).toBeCloseTo(1.25, 12);
    expect(u({ priceFen: 5001 }, flat)).toBeCloseTo(0.25, 12);
  });

  it('should count a review score of 0 or below as 0, and 60 as 60/80 = 0.75', () => {
    expect(u({ reviewScore: 0 })).toBeCloseTo(0.6, 12);
    expect(u({ reviewScore: -5 })).toBeCloseTo(0.6, 12);
    expect(u({ reviewScore: 60 })).toBeCloseTo(0.5 + 0.3 * 0.75 + 0.1, 12);
  });

  it('should read the index per 100: index 100 → .2, index 0 → 0', () => {
    expect(u({ index: 100 })).toBeCloseTo(0.85, 12);
    expect(u({ index: 0 })).toBeCloseTo(0.65, 12);
  });

  it('should price the wanted quantity per unit, shipping included: 2 × 45.00 + 10.00 = 100.00 → 50.00 a unit, utility 0.75', () => {
    expect(u({ priceFen: 4500, shippingFen: 1000 }, { ...ctx, quantity: 2 })).toBeCloseTo(0.75, 12);
  });

  it('should multiply by the tags’ and the service’s conversion: 0.75 × 0.5 × 0.8 = 0.3', () => {
    expect(u({ conversion: 0.5, serviceConversion: 0.8 })).toBeCloseTo(0.3, 12);
  });

  it('should see a coupon for potential customers only when coming back: 0.75 for a new buyer, (1.00) × 1.2 urgency = 1.2 for a returning one', () => {
    const coupon = { type: 'coupon', amountFen: 500, thresholdFen: 3000, quantity: 10, target: 'potential', fromTick: 1, toTick: 10 } as const;
    const rp = startPromotions(DEFAULT_PROMOTION_RULES, 1, 1, [[coupon]])!;
    const op = offerPromo(rp, 0, 0, 1, 1, 5000, 0, [{ priceFen: 5000 }], 0)!;
    expect(op.urgency).toBe(1);
    expect(op.urgencyReturning).toBeCloseTo(1.2, 12);
    expect(u({ promo: op })).toBeCloseTo(0.75, 12);
    expect(u({ promo: op }, { ...ctx, returning: true })).toBeCloseTo(1.2, 12);
  });

  it('should make a discount urgent for everyone: 10% off → price term 1.5, (1.00) × 1.2 = 1.2', () => {
    const rp = startPromotions(DEFAULT_PROMOTION_RULES, 1, 1, [[{ type: 'limitedDiscount', product: 0, city: null, rate: 0.9, fromTick: 1, toTick: 10 }]])!;
    const op = offerPromo(rp, 0, 0, 1, 1, 5000, 0, [{ priceFen: 5000 }], 0)!;
    expect(u({ promo: op })).toBeCloseTo(1.2, 12);
  });
});

describe('the chance a hesitant buyer buys at all', () => {
  it('should be 0.8 × the best utility, between 0 and 1: 0.5 → 0.4, 1.25 → 1, 2 → 1, −1 → 0, 0 → 0', () => {
    expect(buyProbability(0.5, h)).toBeCloseTo(0.4, 12);
    expect(buyProbability(1.25, h)).toBe(1);
    expect(buyProbability(2, h)).toBe(1);
    expect(buyProbability(-1, h)).toBe(0);
    expect(buyProbability(0, h)).toBe(0);
  });
});
