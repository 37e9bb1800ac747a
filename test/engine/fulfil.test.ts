import { describe, expect, it } from 'vitest';
import { createInitialState, playRound } from '../../src/engine';
import { emptyRound, loadDecisions } from '../../src/scenario/load';
import { listTea, playRounds, tinyWorld } from './helpers';

describe('when orders are delivered on time', () => {
  it('should add review +1 and city influence +1 per order, and book revenue on delivery, not on sale', () => {
    // 3 buyers at 40.00; one tick per round; same-city delivery takes 1 tick.
    const world = tinyWorld({ shops: [{ id: 'a' }], perRound: { lowPrice: 3 } });
    const state = playRounds(world, [[listTea(40)], [emptyRound()]]);
    const [r1, r2] = state.reports;
    expect(r1!.shops[0]!.units).toBe(3);
    expect(r1!.shops[0]!.revenueFen).toBe(0); // still on its way at the end of round 1
    expect(r2!.shops[0]!.revenueFen).toBe(12000); // 3 × 40.00, delivered in round 2
    expect(r2!.shops[0]!.reviewScore[0]).toBe(5 + 3);
    expect(r2!.shops[0]!.cityInfluence[0]).toBe(3);
    expect(r2!.shops[0]!.unitsDelivered).toBe(3);
  });

  it('should book cost of goods sold at unit cost: 3 × 20.00 = 60.00, profit 120.00 − 60.00 = 60.00', () => {
    const world = tinyWorld({ shops: [{ id: 'a' }], perRound: { lowPrice: 3 } });
    const state = playRounds(world, [[listTea(40)], [emptyRound()]]);
    expect(state.reports[1]!.shops[0]!.cogsFen).toBe(6000);
    expect(state.reports[1]!.shops[0]!.profitFen).toBe(6000);
  });
});

function delist() {
  const d = emptyRound();
  d.listings.push({ city: 0, product: 0, listing: null });
  return d;
}

describe('when an order is late (breach, 违约)', () => {
  // Every parcel is delayed 5 ticks: 1 + 5 = 6 ticks > the 5-tick deadline.
  const late = { carrierDelay: { probability: 1, ticks: 5 } };

  it('should earn no revenue, charge a 20% penalty (2 orders of 50.00 → 20.00), cut review by breachWeight 10 per order', () => {
    const world = tinyWorld({ shops: [{ id: 'a' }], perRound: { lowPrice: 2 }, rounds: 8, rules: late });
    const rounds = [[listTea(50)], ...Array.from({ length: 6 }, () => [delist()])];
    const state = playRounds(world, rounds);
    const total = (f: (s: (typeof state.reports)[0]['shops'][0]) => number) => state.reports.reduce((a, r) => a + f(r.shops[0]!), 0);
    expect(total((s) => s.revenueFen)).toBe(0);
    expect(total((s) => s.breaches)).toBe(2);
    expect(total((s) => s.costsFen[8]!)).toBe(2000); // penalty
    expect(state.shops[0]!.reviewScore[0]).toBe(5 - 2 * 10);
    expect(state.shops[0]!.cityInfluence[0]).toBe(0);
  });

  it('should return the goods to the warehouse, so no unit is lost', () => {
    const world = tinyWorld({ shops: [{ id: 'a', stock: { hz: { tea: 10 } } }], perRound: { lowPrice: 2 }, rounds: 8, rules: late });
    const state = playRounds(world, [[listTea(50)], ...Array.from({ length: 6 }, () => [delist()])]);
    expect(state.shops[0]!.stock[0]).toBe(10);
    expect(state.parcels).toHaveLength(0);
  });
});

describe('when a presale order cannot be filled in time (unfillable)', () => {
  // One low-price buyer per tick for 10 ticks; 5 units ordered at the round's start; no stock on hand.
  const presaleWorld = (lead: number) =>
    tinyWorld({ shops: [{ id: 'a', stock: {} }], perRound: { lowPrice: 10 }, ticksPerRound: 10, rounds: 1, rules: { restockLeadTicks: lead } });
  const presaleRound = () => {
    const d = listTea(50, 0, { presale: true });
    d.restock.push({ city: 0, product: 0, quantity: 5 });
    return [d];
  };

  it('should breach the orders the late restock cannot reach in time: lead 8, deadline 5 → 4 breaches', () => {
    // Ticks 1–5 presell the 5 units; ticks 6–8 find nothing. The restock lands on tick 9 and
    // ships: arrival 9 + 1 tick = 10, so only the tick-5 order (deadline 10) makes it; the
    // orders of ticks 1–4 (deadlines 6–9) are breaches and their 4 units stay in stock, where
    // the buyers of ticks 9 and 10 take 2 of them.
    const state = playRounds(presaleWorld(8), [presaleRound()]);
    const r = state.reports[0]!.shops[0]!;
    expect(r.units).toBe(7);
    expect(r.breaches).toBe(4);
    expect(r.costsFen[8]).toBe(4000); // penalty: 4 × 50.00 × 20%
    expect(state.shops[0]!.stock[0]).toBe(2);
    // review: 5 − 4 breaches × 10 + 2 delivered on tick 10 (the tick-5 presale and the tick-9 sale)
    expect(state.shops[0]!.reviewScore[0]).toBe(5 - 40 + 2);
  });

  it('should deliver presale orders when the restock arrives in time: lead 1, so 5 orders, 0 breaches, 250.00', () => {
    const state = playRounds(presaleWorld(1), [presaleRound()]);
    const r = state.reports[0]!.shops[0]!;
    expect(r.units).toBe(5);
    expect(r.breaches).toBe(0);
    expect(r.revenueFen).toBe(25000);
  });
});

describe('when a price is above the legal cap (违规价格)', () => {
  const world = tinyWorld({ shops: [{ id: 'a' }] });
  const file = (price: number, shipping: number) => ({
    kind: 'decisions',
    version: 1,
    scenario: 'tiny',
    shop: 'a',
    rounds: [{ round: 1, listings: [{ city: 'hz', product: 'tea', price, shipping }] }],
  });

  it('should accept price + shipping exactly at the cap: 60.00 + 5.00 = 50.00 × 1.3 = 65.00', () => {
    expect(loadDecisions(file(60, 5), world).ok).toBe(true);
  });

  it('should refuse 60.01 + 5.00 = 65.01 with the cap in the message', () => {
    const res = loadDecisions(file(60.01, 5), world);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.problems[0]!.path).toBe('$.rounds[0].listings[0].price');
    expect(res.problems[0]!.message).toContain('65.00');
    expect(res.problems[0]!.message).toContain('65.01');
  });

  it('should stop selling a listing carried into a round whose reference fell below it (lost: priceAboveCap)', () => {
    const base = tinyWorld({ shops: [{ id: 'a' }] });
    // Round 2's reference is 50 × 0.8 = 40.00, cap 52.00: the 60.00 listing of round 1 is now illegal.
    const w = { ...base, products: [{ ...base.products[0]!, priceTrend: [1, 0.8] }] };
    const state = playRounds(w, [[listTea(60)], [emptyRound()]]);
    expect(state.reports[0]!.shops[0]!.units).toBe(10);
    expect(state.reports[1]!.shops[0]!.units).toBe(0);
    expect(state.reports[1]!.lostByReason[1]).toBe(10);
  });
});

describe('when a shop runs out of cash (bankruptcy)', () => {
  it('should stop trading while the others go on: rent 300.00 on 100.00 cash leaves −200.00', () => {
    const world = tinyWorld({ shops: [{ id: 'poor', cash: 100 }, { id: 'rich' }], rules: { warehouse: { rent: 300 } } });
    const state = playRounds(world, [[listTea(30), listTea(45)]]);
    const [poor, rich] = state.reports[0]!.shops;
    expect(poor!.bankrupt).toBe(true);
    expect(poor!.cashFen).toBe(-20000);
    expect(poor!.units).toBe(0); // it was the cheapest, but sells nothing
    expect(rich!.units).toBe(10);
    expect(state.shops[0]!.listings.every((l) => l === null)).toBe(true);
  });

  it('should allow the scenario credit: −200.00 with 500.00 credit is still trading', () => {
    const world = tinyWorld({ shops: [{ id: 'a', cash: 100 }], rules: { warehouse: { rent: 300 }, credit: 500 } });
    const state = playRounds(world, [[listTea(30)]]);
    expect(state.reports[0]!.shops[0]!.bankrupt).toBe(false);
    expect(state.reports[0]!.shops[0]!.units).toBe(10);
  });

  it('should rank a bankrupt shop below every trading shop', async () => {
    const { rankShops } = await import('../../src/sim/scoring');
    const world = tinyWorld({ shops: [{ id: 'poor', cash: 100 }, { id: 'rich' }], rules: { warehouse: { rent: 300 } } });
    const state = playRounds(world, [[listTea(30), listTea(45)]]);
    const ranking = rankShops(world, state);
    expect(ranking.map((r) => [world.shops[r.shop]!.id, r.rank, r.score])).toEqual([
      ['rich', 1, 45],
      ['poor', 2, 43],
    ]);
  });
});

describe('when restock is ordered', () => {
  it('should pay goods at order time and deliver after the lead time: 30 × 20.00 = 600.00, on tick 1 + 3 = 4', () => {
    // One buyer per tick for 5 ticks: those of ticks 1–3 find no stock, those of ticks 4–5 buy.
    const world = tinyWorld({ shops: [{ id: 'a', stock: {} }], perRound: { lowPrice: 5 }, ticksPerRound: 5, rounds: 1 });
    const d = listTea(40);
    d.restock.push({ city: 0, product: 0, quantity: 30 });
    const sales: number[] = [];
    const state = playRound(world, createInitialState(world, 1), [d], { onTick: (f) => sales.push(f.sold[1]!) });
    expect(state.reports[0]!.shops[0]!.costsFen[0]).toBe(60000);
    expect(sales).toEqual([0, 0, 0, 1, 1]);
    expect(state.reports[0]!.lostByReason[2]).toBe(3); // out of stock
    expect(state.shops[0]!.stock[0]).toBe(28);
  });

  it('should refuse what does not fit the warehouse and report it: capacity 50, 40 held, 30 ordered → 10 bought', () => {
    const world = tinyWorld({ shops: [{ id: 'a', stock: { hz: { tea: 40 } } }], perRound: {}, rounds: 1, rules: { warehouse: { capacity: 50, rent: 0 } } });
    const d = emptyRound();
    d.restock.push({ city: 0, product: 0, quantity: 30 });
    const state = playRounds(world, [[d]]);
    expect(state.reports[0]!.shops[0]!.unitsBought).toBe(10);
    expect(state.reports[0]!.shops[0]!.restockRefused).toBe(20);
    expect(state.reports[0]!.shops[0]!.costsFen[0]).toBe(20000);
  });
});
