/**
 * The search funnel in `shopsim run`'s summary: per shop and round, impressions, clicks with the
 * click-through rate, orders with the conversion per click, ad spend with its cost per order, and
 * the mean organic position of each product.
 */
import { describe, expect, it } from 'vitest';
import { summary } from '../../src/cli/summary';
import { builtinScenario } from '../../src/scenario/builtin';
import { loadScenario } from '../../src/scenario/load';
import { playGame } from '../../src/sim/game';
import { buildResult } from '../../src/sim/result';

const world = (() => {
  const res = loadScenario(builtinScenario('search'));
  if (!res.ok) throw new Error('search must load');
  return res.value;
})();
const result = buildResult(world, playGame(world, world.seed, new Map()));

describe('when shopsim run summarises a market with search', () => {
  it('should print one search line per shop and round, with the Result’s numbers', () => {
    const out = summary(world, result);
    const lines = out.split('\n').filter((l) => l.startsWith('  search '));
    expect(lines).toHaveLength(world.rounds * world.shops.length);
    const s = result.rounds[0]!.shops[0]!;
    expect(lines[0]).toContain(`search s1: impressions ${s.impressions}, clicks ${s.clicks} (CTR `);
    expect(lines[0]).toContain(`ad spend ${s.adSpend.toFixed(2)}`);
  });

  it('should work out CTR, conversion, cost per order and organic position (200 impressions, 50 clicks → 25.0%; 20 orders → 40.0%; 30.00 spent → 1.50 per order; positions 2 and 3 → 2.5)', () => {
    const copy = structuredClone(result);
    const s = copy.rounds[0]!.shops[0]!;
    Object.assign(s, { impressions: 200, clicks: 50, orders: 20, conversionRate: 0.4, adSpend: 30, searchRank: { tea: { hz: 2, sh: 3 }, pot: { hz: 0, sh: 0 } } });
    const line = summary(world, copy).split('\n').find((l) => l.startsWith('  search s1:'))!;
    expect(line).toBe('  search s1: impressions 200, clicks 50 (CTR 25.0%), orders 20 (conversion 40.0% of clicks), ad spend 30.00, 1.50 per order, organic position tea 2.5');
  });

  it('should say – for the CTR of a shop nobody saw and print no cost per order without ads', () => {
    const copy = structuredClone(result);
    Object.assign(copy.rounds[0]!.shops[0]!, { impressions: 0, clicks: 0, orders: 0, conversionRate: 0, adSpend: 0, searchRank: { tea: { hz: 0, sh: 0 }, pot: { hz: 0, sh: 0 } } });
    const line = summary(world, copy).split('\n').find((l) => l.startsWith('  search s1:'))!;
    expect(line).toBe('  search s1: impressions 0, clicks 0 (CTR –), orders 0 (conversion 0.0% of clicks), ad spend 0.00, organic position –');
  });
});
