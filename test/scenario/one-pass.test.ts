/**
 * All problems of a file in one pass: a scenario or decisions file with a schema problem (a field's
 * form) and a semantic problem (an unknown city, a price above the cap) gets both in the same run,
 * in English and Chinese, so that a teacher fixes it in one go. Before this, a scenario's unknown
 * city appeared only once its schema problems were fixed, and a decisions round with a misspelt
 * field was left unchecked as a whole. What the schema refused does not come back as a second,
 * derived problem (a reference price refused for its form is not also "missing").
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { builtinScenario } from '../../src/scenario/builtin';
import { loadDecisions, loadScenario } from '../../src/scenario/load';
import type { Problem } from '../../src/scenario/problems';

async function cli(...args: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await main(args, { out: () => {}, err: (t) => (err += `${t}\n`) });
  return { code, err };
}
const tmp = mkdtempSync(join(tmpdir(), 'shopsim-onepass-'));
const put = (name: string, value: unknown) => {
  const p = join(tmp, name);
  writeFileSync(p, JSON.stringify(value));
  return p;
};

type Json = Record<string, unknown> & { demand: Record<string, unknown>[]; shops: Record<string, unknown>[]; products: Record<string, unknown>[] };
/** The classic scenario (cities hz, sh, bj; tea 50 / 55 / 60 yuan), with changes. */
function classic(change: (s: Json) => void): Json {
  const s = structuredClone(builtinScenario('classic')) as Json;
  change(s);
  return s;
}
const problemsOf = (input: unknown): Problem[] => {
  const r = loadScenario(input);
  return r.ok ? [] : r.problems;
};

describe('when a scenario has a schema problem and a semantic problem', () => {
  const broken = classic((s) => {
    s.shops[0]!.cash = -5; // schema: cash ≥ 0
    s.demand[0]!.city = 'hzz'; // meaning: no city "hzz"
  });

  it('should report both in one run of the CLI (exit 1), the schema problem first', async () => {
    const f = put('both.json', broken);
    const r = await cli('validate', f);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual([
      `${f}: $.shops[0].cash: must be from 0 to 100000000 yuan (got -5)`,
      `${f}: $.demand[0].city: unknown city "hzz" (known: hz, sh, bj; did you mean "hz"?)`,
    ]);
  });

  it('should give both in Chinese too', () => {
    expect(problemsOf(broken).map((p) => p.messageZh)).toEqual(['必须在 0 到 100000000 元之间（现为 -5）', '未知的城市 "hzz"（已有：hz, sh, bj；是不是想写 "hz"？）']);
  });

  it('should check the rest of an object refused for an unknown field: "advertising" and an unknown product in the same shop', () => {
    const s = classic((x) => {
      x.shops[0]!.advertising = 100;
      x.shops[0]!.stock = { hz: { tae: 10 } };
    });
    expect(problemsOf(s).map((p) => `${p.path}: ${p.message}`)).toEqual([
      '$.shops[0]: unknown field "advertising" (check the spelling against the scenario reference)',
      '$.shops[0].stock.hz.tae: unknown product "tae" (known: tea, silk, mug; did you mean "tea"?)',
    ]);
  });

  it('should check the other demand entries when one is broken, keeping their own paths ($.demand[3])', () => {
    const s = classic((x) => {
      x.demand[1]!.perRound = 'many';
      x.demand[3]!.product = 'mugg';
    });
    const ps = problemsOf(s);
    expect(ps.map((p) => p.path)).toEqual(['$.demand[1].perRound', '$.demand[3].product']);
    expect(ps[1]!.message).toBe('unknown product "mugg" (known: tea, silk, mug; did you mean "mug"?)');
  });

  it('should not add a derived problem: tea’s hz price refused for its form is not also "missing" for hz’s buyers', () => {
    const s = classic((x) => {
      (x.products[0]!.referencePrice as Record<string, unknown>).hz = -1;
    });
    const ps = problemsOf(s);
    expect(ps).toHaveLength(1);
    expect(ps[0]!.path).toBe('$.products[0].referencePrice.hz');
  });

  it('should not judge a stand-in: a product without a name is reported once, and an unknown city elsewhere still is', () => {
    const s = classic((x) => {
      delete x.products[1]!.name;
      x.demand[0]!.city = 'atlantis';
    });
    expect(problemsOf(s).map((p) => p.path)).toEqual(['$.products[1].name', '$.demand[0].city']);
  });

  it('should keep to the schema’s problems when a list others refer to is broken (a city without an id)', () => {
    const s = classic((x) => {
      (x.cities as Record<string, unknown>[])[1]!.id = 'sh anghai';
    });
    // The demand and stock naming "sh" are not reported as unknown: the city list is not checked.
    expect(problemsOf(s).map((p) => p.path)).toEqual(['$.cities[1].id']);
  });
});

describe('when a decisions file has a schema problem and a semantic problem in the same round', () => {
  const scenario = loadScenario(builtinScenario('classic'));
  if (!scenario.ok) throw new Error('classic does not load');
  const world = scenario.value;
  // classic round 1: tea's cap in hz is 50.00 × 1.3 = 65.00
  const file = {
    kind: 'decisions',
    version: 1,
    scenario: 'classic',
    shop: 's1',
    rounds: [{ round: 1, marketing: { advertising: 100 }, listings: [{ city: 'hz', product: 'tea', price: 70 }] }],
  };

  it('should report the misspelt field and the price above the cap (70.00 > 65.00) in one run, exit 1', async () => {
    const f = put('decisions-both.json', file);
    const r = await cli('run', '--decisions', f);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual([
      `${f}: $.rounds[0].marketing: unknown field "advertising" (did you mean "media"?)`,
      `${f}: $.rounds[0].listings[0].price: illegal price (违规价格): price + shipping = 70.00 is above the cap 65.00 (reference price 50.00 × (1 + 0.3))`,
    ]);
  });

  it('should give both in Chinese too', () => {
    const r = loadDecisions(file, world);
    if (r.ok) throw new Error('loaded');
    expect(r.problems.map((p) => p.messageZh)).toEqual([
      '未知字段 "advertising"（是不是想写 "media"？）',
      '违规价格：一口价 + 运费 = 70.00 元，超过上限 65.00 元（参考价 50.00 × (1 + 0.3)）',
    ]);
  });
});
