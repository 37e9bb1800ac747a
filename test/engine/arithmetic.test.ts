import { describe, expect, it } from 'vitest';
import { compositeIndex } from '../../src/engine/compositeIndex';
import { eventMultiplier, roundDemand, spread } from '../../src/engine/demand';
import { mulRoundHalfUp, yuanToFen, formatYuan } from '../../src/engine/money';
import { restore, seedStream } from '../../src/engine/rng';
import { createInitialState } from '../../src/engine';
import { tinyWorld } from './helpers';

describe('when money is converted and rounded (course: round half up, once)', () => {
  it('should turn yuan into whole fen, half up: 1.005 → 101, 1.004 → 100, 45.5 → 4550', () => {
    expect(yuanToFen(1.005)).toBe(101);
    expect(yuanToFen(1.004)).toBe(100);
    expect(yuanToFen(45.5)).toBe(4550);
  });

  it('should round a rate half up: 4999 fen × 20% = 999.8 → 1000; 2.5 fen → 3', () => {
    expect(mulRoundHalfUp(4999, 0.2)).toBe(1000);
    expect(mulRoundHalfUp(25, 0.1)).toBe(3);
    expect(mulRoundHalfUp(5000, 1.3)).toBe(6500);
  });

  it('should print fen as yuan with two decimals, negative too', () => {
    expect(formatYuan(6500)).toBe('65.00');
    expect(formatYuan(-20005)).toBe('-200.05');
  });
});

describe('when demand is spread over a round', () => {
  it('should give 10 buyers over 3 ticks as 3, 3, 4 and never lose one', () => {
    expect([0, 1, 2].map((i) => spread(10, i, 3))).toEqual([3, 3, 4]);
    for (let n = 0; n < 50; n++) expect([0, 1, 2, 3, 4, 5, 6].reduce((a, i) => a + spread(n, i, 7), 0)).toBe(n);
  });

  it('should keep fluctuation inside ±10%: 1000 published buyers give 900–1100', () => {
    const world = tinyWorld({ shops: [{ id: 'a' }], perRound: { lowPrice: 1000 }, rules: { demandFluctuation: 0.1 } });
    const rng = restore(seedStream(1, 'demand'));
    for (let r = 0; r < 50; r++) {
      const d = roundDemand(world, rng);
      expect(d[1]).toBeGreaterThanOrEqual(900);
      expect(d[1]).toBeLessThanOrEqual(1100);
    }
  });

  it('should give exactly the published demand with no fluctuation', () => {
    const world = tinyWorld({ shops: [{ id: 'a' }], perRound: { brandLoyal: 7, lowPrice: 10, composite: 3, hesitant: 0 } });
    expect(roundDemand(world, restore(seedStream(1, 'demand')))).toEqual([7, 10, 3, 0]);
  });

  it('should multiply demand on an event tick (Double 11: ×3 on ticks 11–11, only low-price)', () => {
    const events = [{ fromTick: 11, toTick: 11, multiplier: 3, cities: null, products: null, crowds: [1] }];
    expect(eventMultiplier(events, 11, 0, 0, 1)).toBe(3);
    expect(eventMultiplier(events, 12, 0, 0, 1)).toBe(1);
    expect(eventMultiplier(events, 11, 0, 0, 0)).toBe(1);
  });
});

describe('when the composite index is computed (course §6)', () => {
  it('should normalise each input by the market maximum and weight it: worked example', () => {
    const world = tinyWorld({ shops: [{ id: 'a' }, { id: 'b' }] });
    const state = createInitialState(world, 1);
    const [a, b] = state.shops;
    // a: visual 200 (max), media 50 of 100, iso. b: visual 100, media 100 (max), no iso.
    a!.visual = 200;
    a!.media = 50;
    a!.iso = true;
    b!.visual = 100;
    b!.media = 100;
    // Default weights: visual .15, iso .10, media .15.
    // a = 100 × (.15 × 1 + .10 × 1 + .15 × .5) = 32.5; b = 100 × (.15 × .5 + .15 × 1) = 22.5
    expect(compositeIndex(state.shops, world.rules.indexWeights)).toEqual([32.5, 22.5]);
  });

  it('should score a bankrupt shop 0 and not let it set the maximum', () => {
    const world = tinyWorld({ shops: [{ id: 'a' }, { id: 'b' }] });
    const state = createInitialState(world, 1);
    state.shops[0]!.visual = 1000;
    state.shops[0]!.bankrupt = true;
    state.shops[1]!.visual = 10;
    expect(compositeIndex(state.shops, world.rules.indexWeights)).toEqual([0, 15]);
  });
});
