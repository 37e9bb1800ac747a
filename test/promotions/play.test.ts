/**
 * Promotions in whole games: the README's example decisions file validates and plays, the
 * promoter bot stays within the platform's rules, the finances stay exact, and replays agree.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { PROMOTION_TYPES, hashValue, playRound, type GameState, type RoundDecision, type World } from '../../src/engine';
import { builtinScenario } from '../../src/scenario/builtin';
import { loadDecisions, loadScenario } from '../../src/scenario/load';
import { checkPromotions, promotionWorld, PROMOTION_TOOLS, type ListedPrice } from '../../src/scenario/promotions';
import { decisionsForRound, newGame, playGame } from '../../src/sim/game';
import { buildResult } from '../../src/sim/result';

const root = join(import.meta.dirname, '..', '..');
const examplePath = join(root, 'examples', 'promotions-s1.json');
const example = JSON.parse(readFileSync(examplePath, 'utf8')) as { rounds: { promotions?: { type: string }[] }[] };

function classic(edit?: (s: Record<string, unknown>) => void): World {
  const file = structuredClone(builtinScenario()) as Record<string, unknown>;
  edit?.(file);
  const res = loadScenario(file);
  if (!res.ok) throw new Error(res.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return res.value;
}

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(args, { out: (t) => (out += `${t}\n`), err: (t) => (out += `${t}\n`) });
  return { code, out };
}

/** cash after each round = cash before + revenue − every cost, to the fen. */
function expectExactCash(world: World, state: GameState): void {
  state.reports.forEach((r, i) => {
    r.shops.forEach((x, s) => {
      const before = i === 0 ? world.shops[s]!.cashFen : state.reports[i - 1]!.shops[s]!.cashFen;
      const costs = x.costsFen.reduce((a, b) => a + b, 0);
      expect(x.cashFen).toBe(before + x.revenueFen - costs);
    });
  });
}

describe('when the example decisions file examples/promotions-s1.json is used', () => {
  const world = classic();
  const loaded = loadDecisions(example, world);

  it('should use each of the eight tools', () => {
    const used = new Set(example.rounds.flatMap((r) => (r.promotions ?? []).map((p) => p.type)));
    expect([...used].sort()).toEqual([...PROMOTION_TYPES].sort());
  });

  it('should validate with shopsim validate', async () => {
    const { code, out } = await cli('validate', examplePath);
    expect(out).toContain(': ok');
    expect(code).toBe(0);
  });

  it('should play, report every promotion of shop s1 each round and keep cash = revenue − costs', () => {
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const state = playGame(world, world.seed, new Map([[loaded.value.shop, loaded.value.rounds]]));
    const result = buildResult(world, state);
    const s1 = result.rounds.map((r) => r.shops.find((x) => x.shop === 's1')!);
    expect(s1[0]!.promotions).toHaveLength(example.rounds[0]!.promotions!.length);
    expect(s1[1]!.promotions).toHaveLength(example.rounds[1]!.promotions!.length);
    expect(s1[2]!.promotions).toEqual([]);
    const discounts = s1[0]!.promotions.reduce((a, p) => a + p.discount, 0);
    expect(discounts).toBeGreaterThan(0);
    expect(s1.reduce((a, r) => a + r.costs.promotion, 0)).toBeGreaterThan(0);
    expectExactCash(world, state);
  });

  it('should print each promotion in the run summary', async () => {
    const { code, out } = await cli('run', '--decisions', examplePath);
    expect(code).toBe(0);
    expect(out).toMatch(/promotion s1 #1 limitedDiscount tea@hz ×0.9 ticks 1–10: \d+ orders/);
    expect(out).toContain('promotion s1 #8 memberDay');
  });

  it('should replay to the same hash', () => {
    if (!loaded.ok) return;
    const given = new Map([[loaded.value.shop, loaded.value.rounds]]);
    expect(hashValue(playGame(world, 4, given))).toBe(hashValue(playGame(world, 4, given)));
  });
});

describe('when bot:promoter plays the classic market', () => {
  const world = classic((s) => {
    const shops = s.shops as { controller: string }[];
    shops[1]!.controller = 'bot:promoter';
    shops[3]!.controller = 'bot:promoter';
  });
  const pw = promotionWorld(world);
  const P = world.products.length;

  function listingsAfter(state: GameState, s: number, d: RoundDecision): (ListedPrice | null)[] {
    const out = state.shops[s]!.listings.map((l) => (l ? { priceFen: l.priceFen, shippingFen: l.sellerPaysShipping ? 0 : l.shippingFen } : null));
    for (const l of d.listings) out[l.city * P + l.product] = l.listing ? { priceFen: l.listing.priceFen, shippingFen: l.listing.sellerPaysShipping ? 0 : l.listing.shippingFen } : null;
    return out;
  }

  it.each([1, 2, 3])('should decide only promotions the platform accepts, every round (seed %i)', (seed) => {
    let state = newGame(world, seed);
    const used = new Set<string>();
    while (state.round < world.rounds) {
      const ds = decisionsForRound(world, state, new Map());
      for (const s of [1, 3]) {
        const d = ds[s]!;
        for (const p of d.promotions ?? []) used.add(p.type);
        expect(checkPromotions(d.promotions ?? [], state.round + 1, listingsAfter(state, s, d), pw)).toEqual([]);
      }
      state = playRound(world, state, ds);
    }
    expect([...used].sort()).toEqual([...PROMOTION_TYPES].sort());
    expectExactCash(world, state);
    const promoted = buildResult(world, state).rounds.flatMap((r) => r.shops[3]!.promotions);
    expect(promoted.some((p) => p.orders > 0 && p.discount > 0)).toBe(true);
  });
});

describe('when the browser builds a promotions form', () => {
  it('should find the eight tools with their names and bilingual field descriptions', () => {
    expect(PROMOTION_TOOLS.map((t) => t.type)).toEqual([...PROMOTION_TYPES]);
    for (const tool of PROMOTION_TOOLS) {
      expect(tool.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(tool.fields.length).toBeGreaterThan(0);
      for (const f of tool.fields) {
        expect(f.en.length, `${tool.type}.${f.name}`).toBeGreaterThan(3);
        expect(f.zh, `${tool.type}.${f.name}`).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    const discount = PROMOTION_TOOLS.find((t) => t.type === 'limitedDiscount')!;
    expect(discount.fields.find((f) => f.name === 'rate')!.required).toBe(true);
    expect(discount.fields.find((f) => f.name === 'city')!.required).toBe(false);
  });
});

describe('when a reader looks for promotions in the README', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Promotions'), readme.indexOf('## Scenario files'));

  it('should find a table row for each tool with its rules, and the example file', () => {
    expect(section.length).toBeGreaterThan(1000);
    for (const type of PROMOTION_TYPES) expect(section).toContain(`| \`${type}\` |`);
    for (const no of ['8.1a', '8.2a', '8.3a', '8.3d', '8.6a']) expect(section).toContain(no);
    expect(section).toContain('examples/promotions-s1.json');
  });
});
