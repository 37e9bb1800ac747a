import { describe, expect, it } from 'vitest';
import { buyProbability, hesitantUtility } from '../../src/engine/crowds/hesitant';
import type { Offer } from '../../src/engine/crowds/offer';
import { defaultRules } from '../../src/scenario/defaults';
import { listTea, playRounds, tinyWorld } from './helpers';

const h = defaultRules().hesitant;
const offer = (price: number, review: number, index: number): Offer => ({
  shop: 0, priceFen: price, shippingFen: 0, reviewScore: review, cityInfluence: 0, index, shuffleRank: 0,
  sources: [0], available: 1, presale: false, presaleAvailable: 0, conversion: 1, serviceConversion: 1, utility: 0, weight: 0,
});

describe('when hesitant buyers weigh an offer', () => {
  it('should score an offer at the reference price, review 20, index 50 as .5×1 + .3×.5 + .2×.5 = 0.75', () => {
    const u = hesitantUtility(offer(5000, 20, 50), { quantity: 1, referenceFen: 5000, capFen: 6500 }, h);
    expect(u).toBeCloseTo(0.75, 10);
  });

  it('should find a cheaper offer more attractive: at 35.00 the price term is 1 + 15/15 = 2 → 0.5 more', () => {
    const ctx = { quantity: 1, referenceFen: 5000, capFen: 6500 };
    expect(hesitantUtility(offer(3500, 20, 50), ctx, h) - hesitantUtility(offer(5000, 20, 50), ctx, h)).toBeCloseTo(0.5, 10);
  });

  it('should buy with probability 0.8 × best utility, at most 1', () => {
    expect(buyProbability(0.75, h)).toBeCloseTo(0.6, 10);
    expect(buyProbability(2, h)).toBe(1);
  });

  it('should turn undecided buyers into potential customers who come back later', () => {
    // Price at the cap: utility = .5 × 0 + .3 × 5/25 + 0 = 0.06 → buys with probability 0.048.
    const world = tinyWorld({ shops: [{ id: 'a' }], perRound: { hesitant: 300 }, ticksPerRound: 10, rounds: 1 });
    const state = playRounds(world, [[listTea(65)]]);
    const sold = state.reports[0]!.shops[0]!.unitsByCrowd[3]!;
    expect(sold).toBeGreaterThan(0);
    expect(sold).toBeLessThan(60);
    // Every buyer either bought, came back and said no again (lost: noPurchase), or is still a
    // potential customer at the round's end, of whom half (rounded down) are kept.
    const lost = state.reports[0]!.lostByReason[5]!;
    expect(lost).toBeGreaterThan(0);
    expect(state.potential[0]).toBeGreaterThan(0);
    expect([299, 300]).toContain(sold + lost + 2 * state.potential[0]!);
  });
});

describe('when buyers rate their orders', () => {
  it('should rate a next-day delivery 4 or 5 (satisfaction 4.6) and make fans who come back', () => {
    const world = tinyWorld({ shops: [{ id: 'a' }, { id: 'b' }], perRound: { brandLoyal: 100 }, ticksPerRound: 10, rounds: 3 });
    const state = playRounds(world, [[listTea(40), listTea(40)], [listTea(40), listTea(40)], [listTea(40), listTea(40)]]);
    for (const r of state.reports) for (const s of r.shops) if (s.dsr !== null) expect(s.dsr).toBeGreaterThanOrEqual(4);
    expect(state.shops[0]!.fans[0]! + state.shops[1]!.fans[0]!).toBeGreaterThan(0);
  });
});
