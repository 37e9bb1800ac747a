/**
 * Every crowd's second and third sort keys (domain §2), each with the keys before it tied: the
 * crowd tests in crowds.test.ts cover the first key of each crowd through whole markets; these rank
 * hand-made offers directly.
 *   low price:   transaction price ↑, then review score ↓, then composite index ↓, then the shuffle
 *   brand-loyal: review score + city influence ↓, then composite index ↓, then price ↑, then the shuffle
 *   composite:   composite index ↓, then review score ↓, then price ↑, then the shuffle
 */
import { describe, expect, it } from 'vitest';
import type { Offer, RankContext } from '../../src/engine/crowds/offer';
import { brandLoyal } from '../../src/engine/crowds/brandLoyal';
import { composite } from '../../src/engine/crowds/composite';
import { lowPrice } from '../../src/engine/crowds/lowPrice';

const ctx: RankContext = { quantity: 1, referenceFen: 5000, capFen: 6000 };
function offer(shop: number, o: Partial<Offer>): Offer {
  return { shop, priceFen: 4500, shippingFen: 0, reviewScore: 3, cityInfluence: 0, index: 10, shuffleRank: shop, sources: [0], available: 10, presale: false, presaleAvailable: 0, conversion: 1, serviceConversion: 1, utility: 1, weight: 1, promo: null, ...o };
}
/** Shop 1 is listed first and is first in the shuffle, so only the key under test can put shop 2 ahead. */
const order = (ranked: Offer[]) => ranked.map((o) => o.shop);

describe('when low-price buyers meet offers at the same transaction price', () => {
  it('should take the higher review score second: 45.00 each, review 5 beats review 3', () => {
    expect(order(lowPrice.rank([offer(1, { reviewScore: 3 }), offer(2, { reviewScore: 5 })], ctx))).toEqual([2, 1]);
  });
  it('should take the higher composite index third: 45.00 and review 3 each, index 12.5 beats 12', () => {
    expect(order(lowPrice.rank([offer(1, { index: 12 }), offer(2, { index: 12.5 })], ctx))).toEqual([2, 1]);
  });
  it('should compare price + shipping first even against a better review: 44 + 2 = 46 loses to 45 + 0', () => {
    expect(order(lowPrice.rank([offer(1, { priceFen: 4400, shippingFen: 200, reviewScore: 9 }), offer(2, {})], ctx))).toEqual([2, 1]);
  });
});

describe('when brand-loyal buyers meet offers with the same review score + city influence', () => {
  it('should take the higher composite index second: 3 + 2 = 5 each, index 15 beats 10', () => {
    expect(order(brandLoyal.rank([offer(1, { reviewScore: 3, cityInfluence: 2 }), offer(2, { reviewScore: 4, cityInfluence: 1, index: 15 })], ctx))).toEqual([2, 1]);
  });
  it('should take the lower price third: 5 each, index 10 each, 44.99 beats 45.00', () => {
    expect(order(brandLoyal.rank([offer(1, { cityInfluence: 2 }), offer(2, { cityInfluence: 2, priceFen: 4499 })], ctx))).toEqual([2, 1]);
  });
  it('should let price + shipping count in the third key: 44 + 2 = 46 loses to 45 + 0', () => {
    expect(order(brandLoyal.rank([offer(1, { priceFen: 4400, shippingFen: 200 }), offer(2, {})], ctx))).toEqual([2, 1]);
  });
});

describe('when composite-score buyers meet offers with the same composite index', () => {
  it('should take the higher review score second: index 10 each, review 4 beats 3', () => {
    expect(order(composite.rank([offer(1, {}), offer(2, { reviewScore: 4 })], ctx))).toEqual([2, 1]);
  });
  it('should take the lower transaction price third: index 10 and review 3 each, 45.00 beats 45.01', () => {
    expect(order(composite.rank([offer(1, { priceFen: 4501 }), offer(2, {})], ctx))).toEqual([2, 1]);
  });
});

describe('when every key ties', () => {
  it('should fall to the seeded shuffle, for every crowd', () => {
    for (const crowd of [lowPrice, brandLoyal, composite]) {
      expect(order(crowd.rank([offer(1, { shuffleRank: 2 }), offer(2, { shuffleRank: 1 })], ctx))).toEqual([2, 1]);
    }
  });
});
