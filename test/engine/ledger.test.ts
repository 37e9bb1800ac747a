/**
 * Every ledger entry against the state change it records. Cash = revenue − costs holds even for
 * a ledger that books a cost twice (cash and ledger move together), so each cost kind is checked
 * against its source: marketing against the decisions, rent against the rules and the shop's
 * warehouses, goods against the units bought × unit cost, promotion discounts against what the
 * promotions report, cash against the ledger round by round; and, in the service and search
 * markets played by their bots, wages against agents × wage, gifts against gifts given × the
 * gift's unit cost, paid clicks against the keyword report's ad spend, holding against the units
 * in stock at the round's end and certification against the round it was first bought in.
 * Carrier fees and breach penalties are checked against the orders that shipped and breached, by
 * hand, in ledger-carrier.test.ts.
 * Numbers: classic, seed 7, shop s1 playing examples/promotions-s1.json (round 1: decoration
 * 500.00, media 800.00 → 50,000 and 80,000 fen; round 2: ISO once).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COST_KINDS, type GameState, type World } from '../../src/engine';
import { loadDecisions, loadScenario } from '../../src/scenario/load';
import { builtinScenario } from '../../src/scenario/builtin';
import { newGame, playNextRound } from '../../src/sim/game';

const root = join(import.meta.dirname, '..', '..');
const world = (() => {
  const r = loadScenario(builtinScenario('classic'));
  if (!r.ok) throw new Error('classic');
  return r.value;
})();

const cost = (costs: readonly number[], kind: (typeof COST_KINDS)[number]) => costs[COST_KINDS.indexOf(kind)]!;

function playAll(file: string): { states: GameState[]; shop: number; file: { rounds: { round: number; marketing?: Record<string, number | boolean>; restock?: { product: string; quantity: number }[] }[] } } {
  const text = JSON.parse(readFileSync(join(root, file), 'utf8'));
  const d = loadDecisions(text, world);
  if (!d.ok) throw new Error(d.problems.map((p) => p.message).join('\n'));
  let state = newGame(world, 7);
  const states = [state];
  while (state.round < world.rounds) {
    state = playNextRound(world, state, new Map([[d.value.shop, d.value.rounds]]));
    states.push(state);
  }
  return { states, shop: d.value.shop, file: text };
}

describe('when every ledger entry is checked against its source', () => {
  for (const example of ['examples/decisions-s1.json', 'examples/promotions-s1.json']) {
    const { states, shop, file } = playAll(example);
    const final = states[states.length - 1]!;

    it(`${example}: should book marketing exactly as decided, once per round (round 1: 50,000 + 80,000 fen)`, () => {
      for (const r of final.reports) {
        const m = file.rounds.find((x) => x.round === r.round)?.marketing ?? {};
        const costs = r.shops[shop]!.costsFen;
        expect(cost(costs, 'decoration'), `round ${r.round}`).toBe(Math.round(Number(m.decoration ?? 0) * 100));
        expect(cost(costs, 'media'), `round ${r.round}`).toBe(Math.round(Number(m.media ?? 0) * 100));
        expect(cost(costs, 'charity'), `round ${r.round}`).toBe(Math.round(Number(m.charity ?? 0) * 100));
      }
    });

    it(`${example}: should charge rent per warehouse held and goods at units bought × unit cost`, () => {
      final.reports.forEach((r, i) => {
        // Rent is due for every warehouse the shop holds in the round, one opened by its restock included.
        const warehouses = states[i + 1]!.shops[shop]!.warehouses.filter(Boolean).length;
        const x = r.shops[shop]!;
        expect(cost(x.costsFen, 'rent'), `round ${r.round}`).toBe(warehouses * world.rules.warehouseRentFen);
        const bought = (file.rounds.find((y) => y.round === r.round)?.restock ?? []).reduce(
          (sum, line) => sum + line.quantity * world.products.find((p) => p.id === line.product)!.unitCostFen,
          0,
        );
        // Every restock line of these examples fits the warehouse, so all of it is bought.
        expect(cost(x.costsFen, 'goods'), `round ${r.round}`).toBe(bought);
      });
    });

    it(`${example}: should move cash by exactly revenue − costs each round`, () => {
      final.reports.forEach((r, i) => {
        const x = r.shops[shop]!;
        const total = x.costsFen.reduce((a, b) => a + b, 0);
        expect(states[i + 1]!.shops[shop]!.cashFen - states[i]!.shops[shop]!.cashFen, `round ${r.round}`).toBe(x.revenueFen - total);
      });
    });
  }

  it('should book as promotion cost what the promotions report as their discounts, over the game', () => {
    const { states, shop } = playAll('examples/promotions-s1.json');
    const final = states[states.length - 1]!;
    let booked = 0;
    let reported = 0;
    for (const r of final.reports) {
      booked += cost(r.shops[shop]!.costsFen, 'promotion');
      for (const p of r.shops[shop]!.promotions ?? []) reported += p.discountFen;
    }
    expect(booked).toBeGreaterThan(0);
    expect(booked).toBe(reported);
  });
});

/** Every shop of a built-in market played by its bots, seed 7, with the state after each round. */
function playBots(id: string): { w: World; states: GameState[] } {
  const r = loadScenario(builtinScenario(id));
  if (!r.ok) throw new Error(id);
  let state = newGame(r.value, 7);
  const states = [state];
  while (state.round < r.value.rounds) {
    state = playNextRound(r.value, state, new Map());
    states.push(state);
  }
  return { w: r.value, states };
}

describe('when the ledger entries of service, search, holding and certification are checked against their sources', () => {
  // service: agents and surprise gifts; search: paid clicks. Both with bots in every seat.
  for (const id of ['service', 'search']) {
    const { w, states } = playBots(id);
    const final = states[states.length - 1]!;
    it(`${id}: should book each shop's wages as its agents × the wage (${w.rules.service?.wageFen ?? 0} fen a round) and its gifts as gifts given × the gift's unit cost`, () => {
      let wages = 0;
      final.reports.forEach((r, i) => {
        r.shops.forEach((x, s) => {
          const after = states[i + 1]!.shops[s]!;
          const wage = w.rules.service?.wageFen ?? 0;
          // A shop bankrupt before the round pays no wages.
          expect(cost(x.costsFen, 'service'), `round ${r.round} shop ${s}`).toBe(states[i]!.shops[s]!.bankrupt ? 0 : x.service.agents * wage);
          wages += cost(x.costsFen, 'service');
          expect(cost(x.costsFen, 'gifts'), `round ${r.round} shop ${s}`).toBe(x.service.gifts * (after.service.gift?.unitCostFen ?? 0));
        });
      });
      if (w.rules.service) expect(wages).toBeGreaterThan(0);
    });
    it(`${id}: should book the shops' paid clicks as what the keyword report says the market spent on ads, round by round`, () => {
      let spent = 0;
      for (const r of final.reports) {
        const booked = r.shops.reduce((sum, x) => sum + cost(x.costsFen, 'ads'), 0);
        const market = r.keywords.reduce((sum, k) => sum + k.adSpendFen, 0);
        expect(booked, `round ${r.round}`).toBe(market);
        spent += market;
      }
      if (id === 'search') expect(spent).toBeGreaterThan(0);
    });
    it(`${id}: should charge holding as units in stock at the round's end × ${w.rules.holdingCostFen} fen, and certification once, when first bought`, () => {
      final.reports.forEach((r, i) => {
        r.shops.forEach((x, s) => {
          const before = states[i]!.shops[s]!;
          const after = states[i + 1]!.shops[s]!;
          const units = after.stock.reduce((a, b) => a + b, 0);
          if (!after.bankrupt) expect(cost(x.costsFen, 'holding'), `round ${r.round} shop ${s}`).toBe(units * w.rules.holdingCostFen);
          const cert = (after.iso && !before.iso ? w.rules.isoCostFen : 0) + (after.iec && !before.iec ? w.rules.iecCostFen : 0);
          expect(cost(x.costsFen, 'certification'), `round ${r.round} shop ${s}`).toBe(cert);
        });
      });
    });
  }
});
