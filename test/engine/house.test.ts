import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CROWD_RANKING_KEYS, MARKET_STAGES, TICK_STAGES, capFromReferenceFen, priceCapFen, priceFloorFen, referencePriceFen } from '../../src/engine';
import { brandLoyal, KEYS as BRAND_KEYS } from '../../src/engine/crowds/brandLoyal';
import { composite, KEYS as COMPOSITE_KEYS } from '../../src/engine/crowds/composite';
import { lowPrice, KEYS as LOW_KEYS } from '../../src/engine/crowds/lowPrice';
import { compareByKeys, type Offer, type RankContext } from '../../src/engine/crowds/offer';
import { tinyWorld } from './helpers';

describe('when a tick is read from its stage list', () => {
  it('should hold each product market as buyers → offers → search → choose → allocate → dispatch', () => {
    expect(TICK_STAGES.map((s) => s.name)).toEqual(['arrivals', 'deliveries', 'market', 'service', 'bankruptcy']);
    expect(MARKET_STAGES.map((s) => s.name)).toEqual(['buyers', 'offers', 'search', 'choose', 'allocate', 'dispatch']);
  });
});

describe('when a crowd declares what it ranks by', () => {
  const offerArb = fc.record({
    priceFen: fc.integer({ min: 100, max: 9000 }),
    shippingFen: fc.integer({ min: 0, max: 1000 }),
    reviewScore: fc.integer({ min: -3, max: 12 }),
    cityInfluence: fc.integer({ min: 0, max: 6 }),
    index: fc.integer({ min: 0, max: 100 }),
  });
  const offers = fc.array(offerArb, { minLength: 1, maxLength: 9 }).map((xs) =>
    xs.map(
      (x, i): Offer => ({ ...x, shop: i, shuffleRank: (i * 5) % xs.length, sources: [0], available: 1, presale: false, presaleAvailable: 0, conversion: 1, serviceConversion: 1, utility: 0, weight: 0, promo: null }),
    ),
  );
  const ctx: RankContext = { quantity: 2, referenceFen: 5000, capFen: 6500 };
  it('should rank exactly by those keys, then the seeded shop order (brand-loyal, low-price, composite)', () => {
    fc.assert(
      fc.property(offers, (os) => {
        const shops = (xs: Offer[]) => xs.map((o) => o.shop);
        expect(shops(brandLoyal.rank(os, ctx))).toEqual(shops(os.filter((o) => o.reviewScore >= 0).sort(compareByKeys(BRAND_KEYS, ctx))));
        expect(shops(lowPrice.rank(os, ctx))).toEqual(shops(os.slice().sort(compareByKeys(LOW_KEYS, ctx))));
        expect(shops(composite.rank(os, ctx))).toEqual(shops(os.slice().sort(compareByKeys(COMPOSITE_KEYS, ctx))));
      }),
    );
  });
  it('should publish the keys the "why" table reads, by crowd', () => {
    expect(CROWD_RANKING_KEYS).toEqual([
      ['reviewAndInfluence', 'index', 'price'],
      ['price', 'review', 'index'],
      ['index', 'review', 'price'],
      ['price', 'review', 'index'],
    ]);
  });
});

describe('when a price is checked against the platform rules (one pricing module)', () => {
  const world = tinyWorld({ shops: [{ id: 'a' }], perRound: { lowPrice: 10 }, rounds: 2 });
  world.products[0]!.priceTrend = [1, 1.1];
  it('should form the reference 50.00 × trend 1.1 = 55.00 in round 2 and the cap 55.00 × 1.3 = 71.50', () => {
    expect(referencePriceFen(world, 0, 0, 1)).toBe(5000);
    expect(referencePriceFen(world, 0, 0, 2)).toBe(5500);
    expect(priceCapFen(world, 0, 0, 1)).toBe(6500);
    expect(priceCapFen(world, 0, 0, 2)).toBe(7150);
  });
  it('should round a cap half up: 33.33 × 1.3 = 43.329 → 43.33; a group-buy float of 0 caps at the reference', () => {
    expect(capFromReferenceFen(3333, 0.3)).toBe(4333);
    expect(capFromReferenceFen(3333, 0)).toBe(3333);
  });
  it('should put the floor after any discount at 1.00 yuan', () => {
    expect(priceFloorFen()).toBe(100);
  });
});

describe('when a game reuses its market buffers across rounds', () => {
  it('should reach the same state as rounds that each make their own', async () => {
    const { builtinScenario } = await import('../../src/scenario/builtin');
    const { loadScenario } = await import('../../src/scenario/load');
    const { playGame, decisionsForRound } = await import('../../src/sim/game');
    const { createInitialState, playRound, hashValue } = await import('../../src/engine');
    const res = loadScenario(builtinScenario());
    if (!res.ok) throw new Error('classic does not load');
    const world = res.value;
    const shared = playGame(world, 3, new Map());
    let own = createInitialState(world, 3);
    while (own.round < world.rounds) own = playRound(world, own, decisionsForRound(world, own, new Map()));
    expect(hashValue(own)).toBe(hashValue(shared));
  });
});
