import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDecisionsText, loadScenarioText } from '../../src/scenario/load';
import { playGame } from '../../src/sim/game';
import { buildResult } from '../../src/sim/result';
import { tinyScenario } from './helpers';

const dir = join(import.meta.dirname, '..', '..', 'scenarios');
const shipped = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('when any shipped scenario is played (the funnel, course §7)', () => {
  for (const file of shipped) {
    it(`should keep impressions ≥ clicks = visits ≥ orders and conversion ≤ 1 for every shop and round of ${file}, seeds 1–3`, () => {
      const res = loadScenarioText(readFileSync(join(dir, file), 'utf8'));
      if (!res.ok) throw new Error(`${file} must load`);
      for (const seed of [1, 2, 3]) {
        const result = buildResult(res.value, playGame(res.value, seed, new Map()));
        for (const r of result.rounds) {
          for (const s of r.shops) {
            expect(s.impressions).toBeGreaterThanOrEqual(s.clicks);
            expect(s.clicks).toBe(s.visits);
            expect(s.clicks).toBeGreaterThanOrEqual(s.orders);
            expect(s.conversionRate).toBeLessThanOrEqual(1);
            expect(s.adSpend).toBe(s.costs.ads);
          }
        }
      }
    });
  }
});

/** A two-shop tea market with keywords, for validation. */
function keywordScenario(): Record<string, unknown> {
  const s = tinyScenario({ shops: [{ id: 'a' }, { id: 'b' }], perRound: { composite: 100, hesitant: 100 } }) as Record<string, unknown>;
  s.keywords = [
    { id: '绿茶', searchVolume: { hz: 1000 }, relevance: { tea: 1 } },
    { id: '龙井', searchVolume: { hz: 300 }, relevance: { tea: 0.9 } },
  ];
  return s;
}

function decisions(search: unknown): string {
  return JSON.stringify({ kind: 'decisions', version: 1, scenario: 'tiny', shop: 'a', rounds: [{ round: 1, search }] });
}

describe('when a round buys keywords (platform rules, contracts.md)', () => {
  const res = loadScenarioText(JSON.stringify(keywordScenario()));
  if (!res.ok) throw new Error(res.problems.map((p) => p.message).join('; '));
  const world = res.value;
  const problemsOf = (search: unknown) => {
    const d = loadDecisionsText(decisions(search), world);
    return d.ok ? [] : d.problems;
  };

  it('should accept 2 title keywords and a bid of 1.20 with a budget of 80', () => {
    expect(problemsOf({ titles: [{ product: 'tea', keywords: ['绿茶', '龙井'] }], ads: [{ product: 'tea', keyword: '绿茶', bid: 1.2, dailyBudget: 80 }] })).toEqual([]);
  });
  it('should refuse an 8th title keyword, naming the 7-keyword rule in en and zh', () => {
    const p = problemsOf({ titles: [{ product: 'tea', keywords: ['绿茶', '龙井', '绿茶', '龙井', '绿茶', '龙井', '绿茶', '龙井'] }] });
    expect(p[0]!.path).toBe('$.rounds[0].search.titles[0].keywords[7]');
    expect(p[0]!.message).toMatch(/at most 7 keywords/);
    expect(p[0]!.messageZh).toMatch(/最多 7 个关键词/);
  });
  it('should refuse an unknown keyword', () => {
    const p = problemsOf({ titles: [{ product: 'tea', keywords: ['红茶'] }] });
    expect(p[0]!.message).toMatch(/unknown keyword "红茶"/);
    expect(p[0]!.messageZh).toMatch(/未知的关键词/);
  });
  it('should refuse a bid of 0.04 (below 0.05), a bid of 20.01 (above the cap 20.00) and a budget of −1', () => {
    const low = problemsOf({ ads: [{ product: 'tea', keyword: '绿茶', bid: 0.04, dailyBudget: 10 }] });
    expect(low[0]!.message).toMatch(/below the platform's lowest bid per click, 0.05 yuan/);
    expect(low[0]!.messageZh).toMatch(/最低出价 0.05 元/);
    const high = problemsOf({ ads: [{ product: 'tea', keyword: '绿茶', bid: 20.01, dailyBudget: 10 }] });
    expect(high[0]!.message).toMatch(/above the scenario's cap per click, 20.00 yuan/);
    const budget = problemsOf({ ads: [{ product: 'tea', keyword: '绿茶', bid: 1, dailyBudget: -1 }] });
    expect(budget[0]!.path).toBe('$.rounds[0].search.ads[0].dailyBudget');
    expect(budget[0]!.messageZh).toMatch(/日预算/);
  });
});

describe('when two shops bid on the same keyword (直通车, generalised second price)', () => {
  const s = keywordScenario();
  (s.rules as Record<string, unknown>) = { ...((s.rules as Record<string, unknown>) ?? {}), search: { paidShare: 1 } };
  const res = loadScenarioText(JSON.stringify(s));
  if (!res.ok) throw new Error(res.problems.map((p) => p.message).join('; '));
  const world = res.value;
  const round = (bidA: number, budgetA: number) => {
    const d = (shop: string, bid: number, budget: number) =>
      loadDecisionsText(
        JSON.stringify({
          kind: 'decisions', version: 1, scenario: 'tiny', shop,
          rounds: [{ round: 1, listings: [{ city: 'hz', product: 'tea', price: 45 }], restock: [{ city: 'hz', product: 'tea', quantity: 500 }], search: { titles: [{ product: 'tea', keywords: ['绿茶'] }], ads: [{ product: 'tea', keyword: '绿茶', bid, dailyBudget: budget }] } }],
        }),
        world,
      );
    const a = d('a', bidA, budgetA);
    const b = d('b', 0.5, 100);
    if (!a.ok || !b.ok) throw new Error('decisions must load');
    return buildResult(world, playGame(world, 1, new Map([[a.value.shop, a.value.rounds], [b.value.shop, b.value.rounds]]), undefined, 1)).rounds[0]!;
  };

  it('should charge the top bid (1.00) the next bid × its quality / own quality + 0.01 = 0.50 × 1.1 / 1.1 + 0.01 = 0.51 per click, and the last slot the lowest bid 0.05', () => {
    const r = round(1, 100);
    const [a, b] = r.shops;
    expect(a!.adSpend).toBeGreaterThan(0);
    expect(Math.round(a!.adSpend * 100) % 51).toBe(0);
    expect(Math.round(b!.adSpend * 100) % 5).toBe(0);
    expect(a!.adSpend).toBe(a!.costs.ads);
  });

  it('should stop an ad for the day when its budget is spent: 0.60 a day buys one click of 0.51, so in this one-tick round at most 0.51', () => {
    const r = round(1, 0.6);
    expect(r.shops[0]!.adSpend).toBeLessThanOrEqual(0.51);
    expect(r.shops[0]!.adSpend).toBeGreaterThan(0);
  });
});

describe('when bots play a market with keywords', () => {
  it('should give brand and balanced bots full titles and ads within the platform rules, and make them pay for clicks', async () => {
    const { STRATEGIES } = await import('../../src/sim/bots');
    const { viewFor } = await import('../../src/sim/bots/view');
    const { restore, seedStream } = await import('../../src/engine/rng');
    const { createInitialState } = await import('../../src/engine');
    const s = keywordScenario();
    (s.shops as Record<string, unknown>[])[0]!.controller = 'bot:brand';
    (s.shops as Record<string, unknown>[])[1]!.controller = 'bot:balanced';
    const res = loadScenarioText(JSON.stringify(s));
    if (!res.ok) throw new Error('must load');
    const world = res.value;
    const state = createInitialState(world, 1);
    for (const [s2, name] of [[0, 'brand'], [1, 'balanced']] as const) {
      const d = STRATEGIES[name](viewFor(world, state, s2, restore(seedStream(1, 'bot'))));
      expect(d.search!.titles![0]!.keywords).toEqual([0, 1]); // 绿茶 (1000 × 1) before 龙井 (300 × 0.9)
      const ad = d.search!.ads![0]!;
      expect(ad.keyword).toBe(0);
      expect(ad.bidFen).toBe(name === 'brand' ? 300 : 100); // 6% / 2% of 50.00
      expect(ad.bidFen).toBeGreaterThanOrEqual(world.rules.search.minBidFen);
    }
    const result = buildResult(world, playGame(world, 1, new Map()));
    expect(result.rounds[0]!.shops[0]!.adSpend).toBeGreaterThan(0);
  });
});
