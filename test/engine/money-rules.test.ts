/**
 * Money that cannot vanish or appear (domain §10) and the review score with teeth (§5): each rule
 * at its boundary, with the numbers worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { COST_KINDS } from '../../src/engine';
import { readFileSync } from 'node:fs';
import { emptyRound, loadDecisions, loadScenario } from '../../src/scenario/load';
import { listTea, playRounds, tinyWorld } from './helpers';

const HOLDING = COST_KINDS.indexOf('holding');

function restock(quantity: number, marketingFen = 0) {
  const d = emptyRound();
  d.restock.push({ city: 0, product: 0, quantity });
  d.marketing.mediaFen = marketingFen;
  return d;
}

describe('when a restock costs more than the shop can pay (cash + credit)', () => {
  // Tea costs 20.00; the shop holds the hz warehouse (its starting stock), rent 300.00 a round.
  const world = (cash: number, credit = 0) =>
    tinyWorld({ shops: [{ id: 'a', cash, stock: { hz: { tea: 1 } } }], perRound: { lowPrice: 0 }, rules: { warehouse: { rent: 300 }, credit } });

  it('should cut 50 units to 35 with cash 1000.00: 1000 − 300 rent = 700 pays 35 × 20.00, and report 15 cut', () => {
    const state = playRounds(world(1000), [[restock(50)]]);
    const r = state.reports[0]!.shops[0]!;
    expect(r.unitsBought).toBe(35);
    expect(r.restockCutForCash).toBe(15);
    expect(r.cashFen).toBe(0);
    expect(r.bankrupt).toBe(false);
  });

  it('should buy all 50 at exactly 1300.00 (300 rent + 50 × 20.00) and cut 1 unit at 1299.99', () => {
    const full = playRounds(world(1300), [[restock(50)]]).reports[0]!.shops[0]!;
    expect(full.unitsBought).toBe(50);
    expect(full.restockCutForCash).toBe(0);
    const short = playRounds(world(1299.99), [[restock(50)]]).reports[0]!.shops[0]!;
    expect(short.unitsBought).toBe(49);
    expect(short.restockCutForCash).toBe(1);
  });

  it("should let the scenario's credit pay: cash 1000.00 + credit 300.00 buys all 50, cash −300.00, not bankrupt", () => {
    const r = playRounds(world(1000, 300), [[restock(50)]]).reports[0]!.shops[0]!;
    expect(r.unitsBought).toBe(50);
    expect(r.cashFen).toBe(-30000);
    expect(r.bankrupt).toBe(false);
  });

  it('should set the round’s marketing aside first: media 500.00 leaves 200.00, 10 units', () => {
    const r = playRounds(world(1000), [[restock(50, 50000)]]).reports[0]!.shops[0]!;
    expect(r.unitsBought).toBe(10);
    expect(r.restockCutForCash).toBe(40);
  });
});

describe('when a fixed price is below the platform floor (rules.priceFloor, default 1.00)', () => {
  const world = tinyWorld({ shops: [{ id: 'a' }] });
  const file = (price: number) => ({
    kind: 'decisions',
    version: 1,
    scenario: 'tiny',
    shop: 'a',
    rounds: [{ round: 1, listings: [{ city: 'hz', product: 'tea', price }] }],
  });

  it('should accept exactly 1.00', () => {
    expect(loadDecisions(file(1), world).ok).toBe(true);
  });

  it('should refuse 0.99 naming the rule and the floor, in English and Chinese', () => {
    const res = loadDecisions(file(0.99), world);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.problems[0]!.path).toBe('$.rounds[0].listings[0].price');
    expect(res.problems[0]!.message).toContain('floor 1.00');
    expect(res.problems[0]!.message).toContain('rules.priceFloor');
    expect(res.problems[0]!.messageZh).toContain('最低价 1.00');
  });

  it('should take the floor from the scenario: 5.00 refuses 4.99', () => {
    const w5 = tinyWorld({ shops: [{ id: 'a' }], rules: { priceFloor: 5 } });
    expect(loadDecisions(file(5), w5).ok).toBe(true);
    expect(loadDecisions(file(4.99), w5).ok).toBe(false);
  });
});

describe('when stock is held over a round (rules.holdingCost)', () => {
  it('should charge 100 units × 0.10 = 10.00 at the round’s end, through the ledger (cash = start − costs)', () => {
    const world = tinyWorld({ shops: [{ id: 'a', cash: 1000 }], perRound: { lowPrice: 0 }, rules: { holdingCost: 0.1 } });
    const r = playRounds(world, [[emptyRound()]]).reports[0]!.shops[0]!;
    expect(r.costsFen[HOLDING]).toBe(1000);
    expect(r.cashFen).toBe(100000 - 1000);
    expect(r.profitFen).toBe(-1000);
  });

  it('should charge only what is left: 100 − 3 sold = 97 units × 0.10 = 9.70', () => {
    const world = tinyWorld({ shops: [{ id: 'a' }], perRound: { lowPrice: 3 }, rules: { holdingCost: 0.1 } });
    const r = playRounds(world, [[listTea(40)]]).reports[0]!.shops[0]!;
    expect(r.costsFen[HOLDING]).toBe(970);
  });

  it('should default to 0.10 a unit and a 1.00 floor in a scenario that sets neither (classic)', () => {
    const res = loadScenario(JSON.parse(readFileSync('scenarios/classic.json', 'utf8')));
    if (!res.ok) throw new Error('classic does not load');
    expect(res.value.rules.holdingCostFen).toBe(10);
    expect(res.value.rules.priceFloorFen).toBe(100);
  });
});

describe('when a shop has no ratings in the DSR window', () => {
  it('should report DSR null ("no ratings"), and a number once an order is rated', () => {
    const world = tinyWorld({ shops: [{ id: 'a' }], perRound: { lowPrice: 3 } });
    const state = playRounds(world, [[emptyRound()], [listTea(40)]]);
    expect(state.reports[0]!.shops[0]!.dsr).toBeNull();
    // Round 2's orders are delivered on the next tick, in round 3: still none rated in round 2.
    expect(state.reports[1]!.shops[0]!.dsr).toBeNull();
    const more = playRounds(tinyWorld({ shops: [{ id: 'a' }], perRound: { lowPrice: 3 }, rounds: 3 }), [[listTea(40)], [emptyRound()], [emptyRound()]]);
    expect(more.reports[1]!.shops[0]!.dsr).toBeGreaterThanOrEqual(1);
  });
});
