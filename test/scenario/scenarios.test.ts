/** Every shipped scenario is a test case: it validates, plays to the end with bots, and keeps the invariants. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/load';
import { BUILTIN_SCENARIOS, DEFAULT_SCENARIO_ID } from '../../src/scenario/builtin';
import { buildResult } from '../../src/sim/result';
import { playChecked } from './invariants';
import type { World } from '../../src/engine';

const dir = join(import.meta.dirname, '..', '..', 'scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

function load(file: string): World {
  const res = loadScenarioText(readFileSync(join(dir, file), 'utf8'));
  if (!res.ok) throw new Error(res.problems.map((p) => `${file}: ${p.path}: ${p.message}`).join('\n'));
  return res.value;
}

describe('when the scenarios folder is read', () => {
  it('should hold the teaching library: at least 6 scenarios, classic among them', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const id of ['tutorial', 'classic', 'price-war', 'brand-building', 'double-11', 'retention', 'search']) expect(files).toContain(`${id}.json`);
    expect(DEFAULT_SCENARIO_ID).toBe('classic');
  });
});

describe.each(files)('when scenarios/%s is validated and played with bots', (file) => {
  const text = readFileSync(join(dir, file), 'utf8');
  const raw = JSON.parse(text) as { id: string; $schema?: string; description?: { zh?: string; en?: string } };

  it('should validate with no problems', () => {
    const res = loadScenarioText(text);
    expect(res.ok ? [] : res.problems).toEqual([]);
  });

  it('should be named after its id, point editors at the shipped schema and ship inside the program', () => {
    expect(file).toBe(`${raw.id}.json`);
    expect(raw.$schema).toBe('../schemas/scenario.schema.json');
    expect(BUILTIN_SCENARIOS[raw.id]).toEqual(raw);
  });

  it('should describe its lesson in Chinese and in English', () => {
    expect((raw.description?.zh ?? '').match(/[\u4e00-\u9fff]/g)?.length ?? 0).toBeGreaterThan(30);
    expect(raw.description?.en?.split(' ').length).toBeGreaterThan(20);
  });

  it('should play to the end with no NaN, no negative stock, cash = start + revenue − costs and no unit lost', () => {
    const world = load(file);
    const { state, problems } = playChecked(world);
    expect(problems).toEqual([]);
    expect(state.round).toBe(world.rounds);
    const result = buildResult(world, state);
    expect(result.rounds).toHaveLength(world.rounds);
    expect(result.ranking).toHaveLength(world.shops.length);
  });
});

/** The lesson each scenario is built for shows in a game played by its bots (seeds fixed). */
describe('when the teaching scenarios are played by their bots', () => {
  const result = (id: string) => {
    const world = load(`${id}.json`);
    return buildResult(world, playChecked(world).state);
  };

  it('should make the tutorial a one-city market with one rival', () => {
    const world = load('tutorial.json');
    expect(world.cities).toHaveLength(1);
    expect(world.shops).toHaveLength(2);
  });

  it('should let the two undercutters of the price war win most of the low-price crowd', () => {
    const r = result('price-war');
    const lowPrice = (shop: string) => r.rounds.reduce((a, rd) => a + rd.shops.find((s) => s.shop === shop)!.unitsByCrowd.lowPrice, 0);
    const undercut = lowPrice('s2') + lowPrice('s3');
    const others = lowPrice('s1') + lowPrice('s4');
    expect(undercut).toBeGreaterThan(others);
  });

  it('should show breaches costing the brand-loyal crowd: the presale shop falls below review 0 and sells them nothing', () => {
    const r = result('brand-building');
    // A breach counts −10 (rules.reviews.breachWeight): after round 1 every product is far below 0.
    const first = r.rounds[0]!.shops.find((s) => s.shop === 's2')!;
    expect(Object.values(first.reviewScore).every((v) => v < -100)).toBe(true);
    const laterBrandLoyal = r.rounds.slice(1).reduce((a, rd) => a + rd.shops.find((s) => s.shop === 's2')!.unitsByCrowd.brandLoyal, 0);
    expect(laterBrandLoyal).toBe(0);
    // The shops that never breach keep selling to the brand-loyal crowd every round.
    for (const rd of r.rounds) expect(rd.shops.find((s) => s.shop === 's3')!.unitsByCrowd.brandLoyal).toBeGreaterThan(0);
  });

  it('should make Double 11 the round with the most buyers', () => {
    const r = result('double-11');
    const buyers = r.rounds.map((rd) =>
      Object.values(rd.demand).reduce((a, byProduct) => a + Object.values(byProduct).reduce((b, c) => b + c.brandLoyal + c.lowPrice + c.composite + c.hesitant, 0), 0),
    );
    const festival = buyers[3]!;
    expect(Math.max(...buyers)).toBe(festival);
    expect(festival).toBeGreaterThan(1.3 * buyers[2]!);
  });

  it('should let a shop keep its satisfied customers in the retention scenario (one rule changed: fans return 60% vs 0%)', () => {
    const world = load('retention.json');
    expect(world.rules.fanReturnRate).toBe(0.6);
    const without = { ...world, rules: { ...world.rules, fanReturnRate: 0 } };
    const brandLoyal = (w: World, shop: string, seed: number) => {
      const r = buildResult(w, playChecked(w, seed).state);
      return r.rounds.reduce((a, rd) => a + rd.shops.find((s) => s.shop === shop)!.unitsByCrowd.brandLoyal, 0);
    };
    // The student's shop (played by the stand-in bot) wins back its own customers instead of
    // losing them to the market leader. One game is noisy (per seed −15% to +82%: without fans
    // returning, the leader's customers sometimes drift to it), so seeds 1–5 are summed
    // (measured 7,158 brand-loyal units against 6,489, +10.3%; +14.5% before the detail page
    // counted; the customers a shop answers too slowly rate it below 4 and do not come back).
    let kept = 0;
    let lost = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      kept += brandLoyal(world, 's1', seed);
      lost += brandLoyal(without, 's1', seed);
    }
    expect(kept).toBeGreaterThan(1.05 * lost);
  });
});
