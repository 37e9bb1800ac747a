import { describe, expect, it } from 'vitest';
import { playGame } from '../../src/sim/game';
import { gameOutcome, type GameOutcome, type ShopMetrics } from '../../src/sim/grading/metrics';
import { afterSalesKpi, rubricOf, scoreGame, type Rubric } from '../../src/sim/grading/rubric';
import { buildResult } from '../../src/sim/result';
import { classic } from './helpers';

function shop(id: string, over: Partial<ShopMetrics>): ShopMetrics {
  return { shop: id, equity: 0, equityByRound: [], profit: 0, revenue: 0, units: 0, orders: 0, visits: 0, breaches: 0, dsr: 0, refundRate: 0, bankrupt: false, ...over };
}
const game = (shops: ShopMetrics[]): GameOutcome => ({ seed: 1, hash: '', shops });
const rubric = (components: Rubric['components']): Rubric => ({ first: 45, step: 2, components, isDefault: false, solo: 'scale', illegalListingPenalty: 3 });

describe('when the scenario gives no rubric components (course §11)', () => {
  it('should score exactly like the Result ranking: 45 for first, 2 fewer per place', () => {
    const { file, world } = classic();
    const result = buildResult(world, playGame(world, 3, new Map()));
    const scores = scoreGame(rubricOf(world, file), gameOutcome(result));
    for (const row of result.ranking) {
      const i = world.shops.findIndex((s) => s.id === row.shop);
      expect(scores[i]!.total).toBe(row.score);
      expect(scores[i]!.components[0]!.rank).toBe(row.rank);
    }
  });

  it('should share a rank on equal equity and put bankrupt shops last: 45, 45, 41, then 39 for the bankrupt', () => {
    const s = scoreGame(
      rubric([{ metric: 'equity', weight: 1, method: 'rank' }]),
      game([shop('a', { equity: 100 }), shop('b', { equity: 100 }), shop('c', { equity: 50 }), shop('d', { equity: 900, bankrupt: true })]),
    );
    expect(s.map((x) => x.total)).toEqual([45, 45, 41, 39]);
  });
});

describe('when a scenario weights several components', () => {
  // a: equity 300, breaches 1 of 10 orders; b: equity 200, no breach; c: equity 100, 5 of 10.
  // 0.6 × equity rank (45/43/41) + 0.4 × breach rate rank, lower is better (b 45, a 43, c 41):
  // a = 0.6·45 + 0.4·43 = 44.2; b = 0.6·43 + 0.4·45 = 43.8; c = 0.6·41 + 0.4·41 = 41.
  const shops = [
    shop('a', { equity: 300, orders: 10, breaches: 1 }),
    shop('b', { equity: 200, orders: 10, breaches: 0 }),
    shop('c', { equity: 100, orders: 10, breaches: 5 }),
  ];

  it('should rank each component and sum the weighted scores', () => {
    const s = scoreGame(
      rubric([
        { metric: 'equity', weight: 0.6, method: 'rank' },
        { metric: 'breachRate', weight: 0.4, method: 'rank' },
      ]),
      game(shops),
    );
    expect(s.map((x) => Math.round(x.total * 100) / 100)).toEqual([44.2, 43.8, 41]);
    expect(s[2]!.components[1]).toEqual({ value: 0.5, rank: 3, score: 41 });
  });

  it('should scale a component between the worst and the best shop: equity 300/200/100 → 45, 22.5, 0', () => {
    const s = scoreGame(rubric([{ metric: 'equity', weight: 1, method: 'scale' }]), game(shops));
    expect(s.map((x) => x.total)).toEqual([45, 22.5, 0]);
  });

  it('should read the components from the scenario file', () => {
    const { file, world } = classic();
    const withRubric = { ...file, rules: { rubric: { components: [{ metric: 'dsr', weight: 0.3 }, { metric: 'equity', weight: 0.7, method: 'scale' }] } } };
    expect(rubricOf(world, withRubric).components).toEqual([
      { metric: 'dsr', weight: 0.3, method: 'rank' },
      { metric: 'equity', weight: 0.7, method: 'scale' },
    ]);
  });

  it('should compute market share from units and conversion from orders per visit', () => {
    const s = scoreGame(
      rubric([{ metric: 'marketShare', weight: 1, method: 'rank' }]),
      game([shop('a', { units: 30, orders: 5, visits: 50 }), shop('b', { units: 10 })]),
    );
    expect(s[0]!.metrics.marketShare).toBe(0.75);
    expect(s[0]!.metrics.conversion).toBe(0.1);
    expect(s[1]!.metrics.conversion).toBe(0);
  });
});

describe('when the rubric scores the after-sales KPI (售后客服考核, domain §11)', () => {
  it('should give 30 at a 5% refund rate, 20 at 8%, 10 at 11% and 0 at 11.1%', () => {
    expect([0, 0.05, 0.0501, 0.08, 0.11, 0.111].map(afterSalesKpi)).toEqual([30, 30, 20, 20, 10, 0]);
  });

  it('should rank shops by their KPI points: 4% (30) before 9% (10) before 20% (0): 45, 43, 41', () => {
    const s = scoreGame(
      rubric([{ metric: 'afterSales', weight: 1, method: 'rank' }]),
      game([shop('a', { refundRate: 0.09 }), shop('b', { refundRate: 0.04 }), shop('c', { refundRate: 0.2 })]),
    );
    expect(s.map((x) => x.components[0]!.value)).toEqual([10, 30, 0]);
    expect(s.map((x) => x.total)).toEqual([43, 45, 41]);
  });
});
