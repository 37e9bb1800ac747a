/**
 * Every ledger entry against the state change it records. Cash = revenue − costs holds even for
 * a ledger that books a cost twice (cash and ledger move together), so each cost kind is checked
 * against its source: marketing against the decisions, certification and rent against the rules
 * and the shop's warehouses, goods against the units bought × unit cost, promotion discounts
 * against what the promotions report, and cash against the ledger round by round.
 * Numbers: classic, seed 7, shop s1 playing examples/promotions-s1.json (round 1: decoration
 * 500.00, media 800.00 → 50,000 and 80,000 fen; round 2: ISO once).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COST_KINDS, type GameState } from '../../src/engine';
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
