/**
 * The carrier-fee and breach-penalty ledger entries against their sources, worked by hand in tiny
 * markets (cash = revenue − costs cannot see a fee booked twice: cash and ledger move together).
 *
 * Carrier: each order pays, per warehouse it ships from, the route's fee plus the carrier's fee per
 * volume × the units it ships there, rounded once (fen, half up): sameCityFee 4.00, otherCityFee
 * 8.00, perVolume 0.50 and a volume of 1.25 per tin of tea give 400 + ⌊1 × 62.5 + 0.5⌋ = 463 fen for
 * one tin in the same city, 400 + ⌊2 × 62.5 + 0.5⌋ = 525 for two, 800 + 63 = 863 between cities.
 * Orders from stock pay it when the tick's parcels leave; presale orders when their restock
 * arrives and they ship; an order that breaches before it ships pays none.
 * Penalty: a breach costs round(order value × penaltyRate), order value = what the buyer paid.
 */
import { describe, expect, it } from 'vitest';
import { COST_KINDS, type GameState, type World } from '../../src/engine';
import { emptyRound, loadScenario } from '../../src/scenario/load';
import { listTea, playRounds, tinyScenario, type TinyOptions } from './helpers';

const carrier = { sameCityFee: 4, otherCityFee: 8, perVolume: 0.5 };

/** The tiny market of helpers.ts with carrier fees and a tin of tea of volume 1.25. */
function world(o: TinyOptions): World {
  const raw = tinyScenario({ ...o, rules: { carrier, ...(o.rules ?? {}) } });
  const products = raw.products as Record<string, unknown>[];
  products[0]!.volume = 1.25;
  const res = loadScenario(raw);
  if (!res.ok) throw new Error(res.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return res.value;
}

const cost = (state: GameState, kind: (typeof COST_KINDS)[number], round?: number) =>
  state.reports.filter((r) => round === undefined || r.round === round).reduce((sum, r) => sum + r.shops[0]!.costsFen[COST_KINDS.indexOf(kind)]!, 0);
const total = (state: GameState, f: (x: GameState['reports'][number]['shops'][number]) => number) => state.reports.reduce((sum, r) => sum + f(r.shops[0]!), 0);

/** One round of a shop with no stock that presells tea at ¥50.00 and orders `tins` tins. */
function presaleRound(tins: number, o: Omit<TinyOptions, 'shops' | 'rounds'>): GameState {
  const d = listTea(50, 0, { presale: true });
  d.restock.push({ city: 0, product: 0, quantity: tins });
  return playRounds(world({ ...o, shops: [{ id: 'a', stock: {} }], rounds: 1 }), [[d]]);
}

function delist() {
  const d = emptyRound();
  d.listings.push({ city: 0, product: 0, listing: null });
  return d;
}

describe('when carrier fees are checked against the orders that shipped', () => {
  it('should charge 3 one-tin orders in the same city 3 × (400 + 63) = 1,389 fen, in the round they leave', () => {
    const state = playRounds(world({ shops: [{ id: 'a' }], perRound: { lowPrice: 3 }, rounds: 1 }), [[listTea(40)]]);
    expect(total(state, (x) => x.units)).toBe(3);
    expect(cost(state, 'carrier')).toBe(1389);
  });

  it('should charge a two-tin order one fee with its volume rounded once: 3 × (400 + ⌊125.5⌋) = 1,575 fen (not 3 × 526)', () => {
    const w = world({ shops: [{ id: 'a' }], perRound: { lowPrice: 3 }, rounds: 1, quantity: [{ quantity: 2, weight: 1 }] });
    const state = playRounds(w, [[listTea(40)]]);
    expect(total(state, (x) => x.units)).toBe(6);
    expect(cost(state, 'carrier')).toBe(1575);
  });

  it('should charge the other-city fee from a warehouse in another city: 3 × (800 + 63) = 2,589 fen', () => {
    const w = world({ shops: [{ id: 'a', stock: { sh: { tea: 100 } } }], cities: ['hz', 'sh'], perRound: { lowPrice: 3 }, rounds: 1 });
    const state = playRounds(w, [[listTea(40)]]);
    expect(total(state, (x) => x.units)).toBe(3);
    expect(cost(state, 'carrier')).toBe(2589);
  });

  it('should charge an order split over two warehouses once per warehouse: 1 tin from hz (463) + 1 from sh (863) = 1,326 fen, one order', () => {
    const w = world({
      shops: [{ id: 'a', stock: { hz: { tea: 1 }, sh: { tea: 5 } } }],
      cities: ['hz', 'sh'],
      perRound: { lowPrice: 1 },
      rounds: 1,
      quantity: [{ quantity: 2, weight: 1 }],
    });
    const state = playRounds(w, [[listTea(40)]]);
    expect(total(state, (x) => x.units)).toBe(2);
    expect(state.parcels).toHaveLength(2);
    expect(cost(state, 'carrier')).toBe(1326);
  });

  it('should charge presale orders when their restock ships them, and none for those that breach first: 1 presale + 2 from stock = 3 × 463 = 1,389 fen', () => {
    // One buyer a tick for 10 ticks, no stock, 5 tins on their way (lead 8: they land on tick 9).
    // Ticks 1–5 presell them; on tick 9 the orders of ticks 1–4 can no longer arrive in time
    // (deadline 5 ticks) and breach without shipping; the tick-5 order ships (463); the buyers of
    // ticks 9 and 10 take 2 of the 4 tins left, from stock (2 × 463).
    const state = presaleRound(5, { perRound: { lowPrice: 10 }, ticksPerRound: 10, rules: { restockLeadTicks: 8 } });
    const r = state.reports[0]!.shops[0]!;
    expect(r.units).toBe(7);
    expect(r.breaches).toBe(4);
    expect(cost(state, 'carrier')).toBe(3 * 463);
    // the 4 breached presale orders: 4 × round(5,000 × 0.2) = 4,000 fen
    expect(cost(state, 'penalty')).toBe(4000);
  });

  it('should charge every presale order once when its restock arrives in time: 5 × 463 = 2,315 fen', () => {
    // Lead 1: the same 5 orders all ship (the fulfilment tests count them), each paying its fee.
    const state = presaleRound(5, { perRound: { lowPrice: 10 }, ticksPerRound: 10, rules: { restockLeadTicks: 1 } });
    expect(state.reports[0]!.shops[0]!.units).toBe(5);
    expect(cost(state, 'carrier')).toBe(5 * 463);
  });

  it('should charge presale orders of two tins one fee each with the volume rounded once: 2 orders × 525 = 1,050 fen', () => {
    // 4 tins on their way, one buyer of 2 tins a tick; ticks 1–2 presell all 4, lead 1.
    const state = presaleRound(4, { perRound: { lowPrice: 4 }, ticksPerRound: 4, quantity: [{ quantity: 2, weight: 1 }], rules: { restockLeadTicks: 1 } });
    expect(state.reports[0]!.shops[0]!.units).toBe(4);
    expect(cost(state, 'carrier')).toBe(2 * 525);
  });
});

describe('when breach penalties are checked against the orders that breached', () => {
  // Every parcel is delayed 5 ticks: 1 + 5 = 6 ticks > the 5-tick deadline.
  const late = { carrierDelay: { probability: 1, ticks: 5 } };

  it('should charge a late parcel of 3 orders at 33.33 round(9,999 × 0.2) = 2,000 fen once (not 3 × 667), and keep its carrier fee 3 × 463 spent', () => {
    const w = world({ shops: [{ id: 'a' }], perRound: { lowPrice: 3 }, rounds: 8, rules: late });
    const state = playRounds(w, [[listTea(33.33)], ...Array.from({ length: 6 }, () => [delist()])]);
    expect(total(state, (x) => x.breaches)).toBe(3);
    expect(total(state, (x) => x.revenueFen)).toBe(0);
    expect(cost(state, 'penalty')).toBe(2000);
    expect(cost(state, 'carrier', 1)).toBe(1389);
    expect(cost(state, 'carrier')).toBe(1389);
  });

  it('should charge the penalty at the scenario rate: 0.5 × 3 × 33.33 = 4,999.5 → 5,000 fen', () => {
    const w = world({ shops: [{ id: 'a' }], perRound: { lowPrice: 3 }, rounds: 8, rules: { ...late, penaltyRate: 0.5 } });
    const state = playRounds(w, [[listTea(33.33)], ...Array.from({ length: 6 }, () => [delist()])]);
    expect(cost(state, 'penalty')).toBe(5000);
  });

  it('should charge nothing when nothing breaches: on-time parcels pay carrier only', () => {
    const w = world({ shops: [{ id: 'a' }], perRound: { lowPrice: 3 }, rounds: 2 });
    const state = playRounds(w, [[listTea(40)], [delist()]]);
    expect(total(state, (x) => x.breaches)).toBe(0);
    expect(cost(state, 'penalty')).toBe(0);
    expect(total(state, (x) => x.revenueFen)).toBe(12000);
  });
});
