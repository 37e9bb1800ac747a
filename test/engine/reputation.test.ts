import { describe, expect, it } from 'vitest';
import { createInitialState, playRound } from '../../src/engine';
import { emptyRound } from '../../src/scenario/load';
import { listTea, playRounds, tinyWorld, unitsBy } from './helpers';

describe('when a product carries negative tags (course: 3 or more cut conversion sharply)', () => {
  const market = (tags: number) => {
    const world = tinyWorld({ shops: [{ id: 'a', stock: { hz: { tea: 2000 } } }, { id: 'b', stock: { hz: { tea: 2000 } } }], perRound: { lowPrice: 1000 }, rounds: 1 });
    const state = createInitialState(world, 1);
    state.shops[0]!.tags[0] = Array.from({ length: tags }, () => 100); // active until tick 100
    return playRound(world, state, [listTea(40), listTea(45)]);
  };

  it('should let the cheaper shop with 2 tags keep all 1000 low-price buyers', () => {
    expect(market(2).reports[0]!.shops[0]!.units).toBe(1000);
  });

  it('should convert only about 30% of its buyers at 3 tags (×0.3); the rest go to the next offer', () => {
    const r = market(3).reports[0]!;
    expect(r.shops[0]!.units).toBeGreaterThan(250);
    expect(r.shops[0]!.units).toBeLessThan(350);
    expect(r.shops[0]!.units + r.shops[1]!.units).toBe(1000);
  });
});

describe('when deliveries are slow', () => {
  it('should draw low ratings: 9 ticks on the road → satisfaction 4.6 − 8 × 0.25 = 2.6 → ratings 2–3, tags, DSR < 3', () => {
    const world = tinyWorld({
      cities: ['hz', 'bj'],
      shops: [{ id: 'a', stock: { bj: { tea: 500 } } }],
      perRound: { lowPrice: 100 },
      ticksPerRound: 20,
      rounds: 2,
      deadlineTicks: 10,
      rules: { carrier: { otherCityTicks: 9, sameCityFee: 0, otherCityFee: 0, perVolume: 0 } },
    });
    const state = playRounds(world, [[listTea(40)], [emptyRound()]]);
    const dsr = state.reports[1]!.shops[0]!.dsr;
    expect(dsr).toBeGreaterThanOrEqual(2);
    expect(dsr).toBeLessThan(3);
    expect(state.shops[0]!.tags[0]!.length).toBeGreaterThan(0);
  });

  it('should rate next-day deliveries 4–5 only (satisfaction 4.6), so no tags', () => {
    const world = tinyWorld({ shops: [{ id: 'a' }], perRound: { lowPrice: 50 }, ticksPerRound: 10, rounds: 2 });
    const state = playRounds(world, [[listTea(40)], [emptyRound()]]);
    expect(state.reports[1]!.shops[0]!.dsr).toBeGreaterThanOrEqual(4);
    expect(state.shops[0]!.tags[0]).toEqual([]);
  });
});

describe('when satisfied customers come back (course: a 4–5 rating brings the buyer back)', () => {
  it('should send returning fans to their shop first: 100 fans × 30% = 30 of the 30 brand-loyal buyers go to a', () => {
    const world = tinyWorld({ shops: [{ id: 'a', reviewScore: 5 }, { id: 'b', reviewScore: 50 }], perRound: { brandLoyal: 30 }, rounds: 1 });
    const state = createInitialState(world, 1);
    state.shops[0]!.fans[0] = 100;
    const next = playRound(world, state, [listTea(45), listTea(45)]);
    expect(unitsBy(next, 1, 0)[0]).toBe(30);
    expect(next.shops[0]!.fans[0]).toBe(70);
  });

  it('should send them to the best brand instead when they have no favourite', () => {
    const world = tinyWorld({ shops: [{ id: 'a', reviewScore: 5 }, { id: 'b', reviewScore: 50 }], perRound: { brandLoyal: 30 }, rounds: 1 });
    const next = playRounds(world, [[listTea(45), listTea(45)]]);
    expect(unitsBy(next, 1, 1)[0]).toBe(30);
  });
});

describe('when a shop spends on its brand', () => {
  const spend = (iso: boolean) => {
    const d = emptyRound();
    d.marketing = { decorationFen: 50000, mediaFen: 100000, charityFen: 20000, iso, iec: false };
    return d;
  };

  it('should book each spend and turn it into index inputs: decoration 500 → visual 500, media 1000 decays 30% → 700', () => {
    const world = tinyWorld({ shops: [{ id: 'a', cash: 20000 }], perRound: {}, rounds: 2 });
    const state = playRounds(world, [[spend(true)]]);
    const r = state.reports[0]!.shops[0]!;
    expect(r.costsFen.slice(3, 7)).toEqual([100000, 20000, 50000, 300000]); // media, charity, decoration, certification (ISO 3000.00)
    expect(state.shops[0]!.visual).toBe(500);
    expect(state.shops[0]!.charity).toBe(200);
    expect(state.shops[0]!.media).toBeCloseTo(700, 9);
  });

  it('should charge ISO certification once, not every round it is asked for', () => {
    const world = tinyWorld({ shops: [{ id: 'a', cash: 20000 }], perRound: {}, rounds: 2 });
    const state = playRounds(world, [[spend(true)], [spend(true)]]);
    expect(state.reports[1]!.shops[0]!.costsFen[6]).toBe(0);
    expect(state.shops[0]!.iso).toBe(true);
  });
});
