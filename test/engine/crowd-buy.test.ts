/**
 * How buyers of each crowd buy from their ranking, in tiny markets worked out by hand (written
 * against the mutants StrykerJS left alive in src/engine/crowds; see the README, Reliability).
 * One city, tea at reference 50.00, one tick a round, each buyer wants 1 unit.
 */
import { describe, expect, it } from 'vitest';
import { BRAND_LOYAL, createInitialState, HESITANT, NO_LISTING, OUT_OF_STOCK, playRound, REVIEW_BELOW_ZERO } from '../../src/engine';
import { emptyRound } from '../../src/scenario/load';
import { listTea, sold, tinyWorld } from './helpers';


describe('when fans of a shop come back (brand-loyal, fanReturnRate 0.3)', () => {
  // 20 fans of a → 6 come back this round, of the city's 10 brand-loyal buyers.
  const play = (a: { reviewScore: number; stock?: number }) => {
    const world = tinyWorld({
      shops: [{ id: 'a', reviewScore: a.reviewScore, ...(a.stock !== undefined ? { stock: { hz: { tea: a.stock } } } : {}) }, { id: 'b', reviewScore: 5 }],
      perRound: { brandLoyal: 10 },
    });
    const state = createInitialState(world, 1);
    state.shops[0]!.fans[0] = 20;
    return playRound(world, state, [listTea(40), listTea(40)]);
  };

  it('should send the 6 to their shop a first, although b ranks higher (review 5 against 0): a sells 6, b 4', () => {
    const s = play({ reviewScore: 0 });
    expect(sold(s, 1, 0)).toBe(6);
    expect(sold(s, 1, 1)).toBe(4);
    expect(s.reports[0]!.shops[0]!.visits).toBe(6);
  });

  it('should send them down the ranking when their shop is below review score 0: b sells all 10', () => {
    const s = play({ reviewScore: -1 });
    expect(sold(s, 1, 0)).toBe(0);
    expect(sold(s, 1, 1)).toBe(10);
  });

  it('should let fans whose shop ran out buy from the next: a has 2 units, b sells the other 8', () => {
    const s = play({ reviewScore: 0, stock: 2 });
    expect(sold(s, 1, 0)).toBe(2);
    expect(sold(s, 1, 1)).toBe(8);
    expect(s.reports[0]!.lost[BRAND_LOYAL]).toBe(0);
  });
});

describe('when brand-loyal buyers find no listing at all', () => {
  it('should lose all 10 as "no listing", not "review below 0" (nobody is ranked because nobody offers)', () => {
    const world = tinyWorld({ shops: [{ id: 'a' }], perRound: { brandLoyal: 10 } });
    const s = playRound(world, createInitialState(world, 1), [emptyRound()]);
    expect(s.reports[0]!.lostByReason[NO_LISTING]).toBe(10);
    expect(s.reports[0]!.lostByReason[REVIEW_BELOW_ZERO]).toBe(0);
  });
});

describe('when hesitant buyers who decided to buy pick a shop (buyBase 2: every one of them buys)', () => {
  // Reference 50.00, cap 65.00 (price float 0.3); review 0, index 0: the utility is .5 × the price term.
  // a at 35.00: price term 1 + 15/15 = 2 → utility 1, weight 1; b at 50.00: utility .5, weight .5^4 = 0.0625.
  const play = (a: number, b: number, o: { buyers?: number; quantity?: number } = {}) => {
    const world = tinyWorld({
      shops: [{ id: 'a', stock: { hz: { tea: a } } }, { id: 'b', stock: { hz: { tea: b } } }],
      perRound: { hesitant: o.buyers ?? 400 },
      rules: { hesitant: { buyBase: 2 } },
      ...(o.quantity ? { quantity: [{ quantity: o.quantity, weight: 1 }] } : {}),
    });
    return playRound(world, createInitialState(world, 3), [listTea(35), listTea(50)]);
  };

  it('should choose by weight: a gets 1 / (1 + 0.0625) = 94% of 400 buyers (between 360 and 392), b the rest, nobody lost', () => {
    const s = play(1000, 1000);
    const a = sold(s, 1, 0);
    expect(a).toBeGreaterThan(360);
    expect(a).toBeLessThan(392);
    expect(a + sold(s, 1, 1)).toBe(400);
    expect(s.reports[0]!.lost[HESITANT]).toBe(0);
  });

  it('should take what the chosen shop lacks from the other one it saw: a has 5 units, 20 buyers of 3 → a 5, b 55, all 60 sold', () => {
    const s = play(5, 1000, { buyers: 20, quantity: 3 });
    expect(sold(s, 1, 0)).toBe(5);
    expect(sold(s, 1, 1)).toBe(55);
    expect(s.reports[0]!.lost[HESITANT]).toBe(0);
  });

  it('should lose every buyer as out of stock when all it sees is sold out: 0 units, 40 buyers → 40 lost (outOfStock)', () => {
    const s = play(0, 0, { buyers: 40 });
    expect(sold(s, 1, 0) + sold(s, 1, 1)).toBe(0);
    expect(s.reports[0]!.lostByReason[OUT_OF_STOCK]).toBe(40);
  });
});

describe('when composite-score buyers meet a slow service desk (course §5)', () => {
  it('should buy half as often at a 2-tick response: conversion 1 / (1 + 0.5 × 2) = 0.5 (1000 buyers: all 1000 buy at once, 500 expected when slow, measured 519)', () => {
    const play = (responseTicks: number) => {
      const world = tinyWorld({ shops: [{ id: 'a', stock: { hz: { tea: 2000 } } }], perRound: { composite: 1000 }, rules: { service: {} } });
      const state = createInitialState(world, 5);
      state.shops[0]!.service.responseTicks = responseTicks;
      return sold(playRound(world, state, [listTea(40)]), 1, 0);
    };
    const fast = play(0);
    const slow = play(2);
    expect(fast).toBe(1000);
    expect(slow).toBeGreaterThan(450);
    expect(slow).toBeLessThan(550);
  });
});
