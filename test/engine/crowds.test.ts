import { describe, expect, it } from 'vitest';
import { LOST_REASON_COUNT, REVIEW_BELOW_ZERO, createInitialState, playRound } from '../../src/engine';
import { emptyRound } from '../../src/scenario/load';
import { listTea, playRounds, sold, tinyWorld, unitsBy } from './helpers';

describe('when low-price buyers choose (course: whoever is cheapest wins)', () => {
  it('should send all 10 buyers to the cheaper legal offer: 40.00 beats 45.00', () => {
    const world = tinyWorld({ shops: [{ id: 'a' }, { id: 'b' }] });
    const state = playRounds(world, [[listTea(40), listTea(45)]]);
    expect(sold(state, 1, 0)).toBe(10);
    expect(sold(state, 1, 1)).toBe(0);
  });

  it('should compare price + shipping: 40 + 8 shipping = 48 loses to 45 + 0', () => {
    const world = tinyWorld({ shops: [{ id: 'a' }, { id: 'b' }] });
    const state = playRounds(world, [[listTea(40, 8), listTea(45, 0)]]);
    expect(sold(state, 1, 0)).toBe(0);
    expect(sold(state, 1, 1)).toBe(10);
  });

  it('should compare the whole order for the wanted quantity: for 3 units 40×3+8 = 128 beats 43×3+0 = 129', () => {
    const world = tinyWorld({ shops: [{ id: 'a' }, { id: 'b' }], quantity: [{ quantity: 3, weight: 1 }] });
    const state = playRounds(world, [[listTea(40, 8), listTea(43, 0)]]);
    expect(sold(state, 1, 0)).toBe(30);
    expect(sold(state, 1, 1)).toBe(0);
  });
});

describe('when the cheapest offer runs out (overflow)', () => {
  it('should give the next-ranked offer what the winner cannot sell: 3 from a, 7 from b', () => {
    const world = tinyWorld({ shops: [{ id: 'a', stock: { hz: { tea: 3 } } }, { id: 'b' }] });
    const state = playRounds(world, [[listTea(40), listTea(45)]]);
    expect(sold(state, 1, 0)).toBe(3);
    expect(sold(state, 1, 1)).toBe(7);
  });

  it('should split one buyer of 4 units over two shops: a has 2, b gives the other 2', () => {
    const world = tinyWorld({ shops: [{ id: 'a', stock: { hz: { tea: 2 } } }, { id: 'b' }], perRound: { lowPrice: 1 }, quantity: [{ quantity: 4, weight: 1 }] });
    const state = playRounds(world, [[listTea(40), listTea(45)]]);
    expect(sold(state, 1, 0)).toBe(2);
    expect(sold(state, 1, 1)).toBe(2);
    expect(state.reports[0]!.shops[0]!.orders + state.reports[0]!.shops[1]!.orders).toBe(2);
  });

  it('should count buyers left with nothing as lost demand, out of stock: 10 buyers, 6 units → 4 lost', () => {
    const world = tinyWorld({ shops: [{ id: 'a', stock: { hz: { tea: 6 } } }] });
    const state = playRounds(world, [[listTea(40)]]);
    expect(sold(state, 1, 0)).toBe(6);
    expect(state.reports[0]!.lost[1]).toBe(4); // city 0, crowd lowPrice
    expect(state.reports[0]!.lostByReason[2]).toBe(4); // OUT_OF_STOCK
  });
});

describe('when brand-loyal buyers choose', () => {
  it('should follow review score + city influence: b with 3 + 4 = 7 beats a with 5 + 0', () => {
    const world = tinyWorld({ shops: [{ id: 'a', reviewScore: 5 }, { id: 'b', reviewScore: 3 }], perRound: { brandLoyal: 10 } });
    const state = createInitialState(world, 1);
    state.shops[1]!.cityInfluence[0] = 4;
    const next = playRound(world, state, [listTea(40), listTea(48)]);
    expect(unitsBy(next, 1, 1)[0]).toBe(10);
    expect(unitsBy(next, 1, 0)[0]).toBe(0);
  });

  it('should never buy from a shop whose review score is below 0, even the only one (lost: reviewBelowZero)', () => {
    const world = tinyWorld({ shops: [{ id: 'a', reviewScore: -1 }], perRound: { brandLoyal: 10 } });
    const state = playRounds(world, [[listTea(30)]]);
    expect(sold(state, 1, 0)).toBe(0);
    expect(state.reports[0]!.lostByReason[0 * LOST_REASON_COUNT + REVIEW_BELOW_ZERO]).toBe(10);
  });

  it('should still buy at review score exactly 0', () => {
    const world = tinyWorld({ shops: [{ id: 'a', reviewScore: 0 }], perRound: { brandLoyal: 10 } });
    expect(sold(playRounds(world, [[listTea(30)]]), 1, 0)).toBe(10);
  });
});

describe('when composite-score buyers choose', () => {
  it('should follow the composite index: a with visual value 100 (index 15.00) beats cheaper b (index 0)', () => {
    const world = tinyWorld({ shops: [{ id: 'a', brand: { visual: 100 } }, { id: 'b' }], perRound: { composite: 10 } });
    const state = playRounds(world, [[listTea(50), listTea(30)]]);
    // Default weights: visual 0.15; a holds the market's maximum, so 0.15 × 1 × 100 = 15.
    expect(state.reports[0]!.shops[0]!.index).toBe(15);
    expect(state.reports[0]!.shops[1]!.index).toBe(0);
    expect(unitsBy(state, 1, 0)[2]).toBe(10);
  });
});

describe('when offers tie', () => {
  const shops = [{ id: 'a' }, { id: 'b' }];
  const winner = (order: string[], seed: number) => {
    const world = tinyWorld({ shops: order.map((id) => ({ id })), perRound: { lowPrice: 1 } });
    const state = playRounds(world, [[listTea(40), listTea(40)]], seed);
    return world.shops[state.reports[0]!.shops.findIndex((s) => s.units > 0)]!.id;
  };

  it('should follow the seeded shuffle, not file order: swapping the shops in the file changes no winner', () => {
    for (let seed = 1; seed <= 10; seed++) expect(winner(['a', 'b'], seed)).toBe(winner(['b', 'a'], seed));
  });

  it('should let each tied shop win under some seed (the first in the file does not always win)', () => {
    const winners = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) winners.add(winner(shops.map((s) => s.id), seed));
    expect([...winners].sort()).toEqual(['a', 'b']);
  });
});

describe('when there is nothing to buy', () => {
  it('should report the reason: no listing', () => {
    const world = tinyWorld({ shops: [{ id: 'a' }] });
    const state = playRounds(world, [[emptyRound()]]);
    expect(state.reports[0]!.lostByReason[0]).toBe(10);
  });

  it('should report the reason: too slow, when the only stock is 3 ticks away and buyers wait 2', () => {
    const world = tinyWorld({ cities: ['hz', 'sh'], shops: [{ id: 'a', stock: { sh: { tea: 50 } } }], deadlineTicks: 2 });
    const state = playRounds(world, [[listTea(40)]]);
    expect(sold(state, 1, 0)).toBe(0);
    expect(state.reports[0]!.lostByReason[3]).toBe(10); // TOO_SLOW
  });
});
