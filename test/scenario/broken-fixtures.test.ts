/**
 * test/fixtures/broken/: one mistake per file. Each must give exactly one problem, with the JSON
 * path and the message written here, in the CLI's format "FILE: <json path>: <message>".
 * Decisions fixtures are checked against the built-in tutorial scenario (one city "hz"; tea with
 * reference price 50, so the legal cap is 50 × 1.3 = 65.00; 4 rounds; shops s1 and s2).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { STRATEGY_NAMES } from '../../src/scenario/strategies';

const root = join(import.meta.dirname, '..', '..');
const dir = join(root, 'test', 'fixtures', 'broken');

const EXPECTED: Record<string, [path: string, message: string | RegExp]> = {
  'not-json': ['$', /^not valid JSON: .* \(line 5, column 3\)$/],
  'nan-literal': ['$', /^not valid JSON: .*; NaN and Infinity are not JSON numbers, write a finite number$/],
  'number-too-big': ['$.rules.priceFloat', 'must be a finite number (NaN, Infinity and numbers beyond ±1.8e308 such as 1e309 are not allowed)'],
  'prototype-key': ['$.rules.__proto__', 'the key "__proto__" is not allowed (it could change how the program\'s objects behave); remove it'],
  'wrong-kind': ['$.kind', 'must be "scenario", "decisions" or "save", not "scenery"'],
  'missing-name': ['$.name', 'is required (an object)'],
  'misspelt-field': ['$', 'unknown field "tickPerRound" (did you mean "ticksPerRound"?)'],
  'rounds-zero': ['$.rounds', 'must be a whole number from 1 to 24 (got 0)'],
  'ticks-too-many': ['$.ticksPerRound', 'must be a whole number from 1 to 60 (got 61)'],
  'price-float-negative': ['$.rules.priceFloat', 'must be from 0 to 5 (got -0.1)'],
  'unit-cost-three-decimals': ['$.products[0].unitCost', 'must have at most 2 decimals (1 fen is the smallest unit)'],
  'negative-cash': ['$.shops[0].cash', 'must be from 0 to 100000000 yuan (got -5)'],
  'number-as-text': ['$.demand[0].perRound.lowPrice', 'must be a number, not the text "80"'],
  'demand-negative': ['$.demand[0].perRound.hesitant', 'must be a whole number from 0 to 1000000 (got -10)'],
  'empty-cities': ['$.cities', 'must have from 1 to 20 items (it has 0)'],
  'city-id-with-space': ['$.cities[0].id', 'must be 1–32 letters, digits, "_" or "-" (got "hang zhou")'],
  'controller-typo': ['$.shops[1].controller', `must be "player" or "bot:<strategy>" (strategies: ${STRATEGY_NAMES.join(', ')}) (got "robot")`],
  'unknown-strategy': ['$.shops[1].controller', `unknown bot strategy "random" (known: ${STRATEGY_NAMES.join(', ')})`],
  'event-unknown-crowd': ['$.events[0].crowds[0]', 'must be "brandLoyal" or "lowPrice" or "composite" or "hesitant", not "students"'],
  'duplicate-city': ['$.cities[1].id', 'duplicate city id "hz" (ids must be unique)'],
  'duplicate-product': ['$.products[2].id', 'duplicate product id "tea" (ids must be unique)'],
  'duplicate-shop': ['$.shops[2].id', 'duplicate shop id "s2" (ids must be unique)'],
  'duplicate-demand': ['$.demand[2]', 'demand for city "hz" and product "tea" is given twice (give each city × product once)'],
  'duplicate-route': ['$.routes[1]', 'the route from "hz" to "hz" is given twice (also $.routes[0]); give each direction once'],
  'demand-unknown-city': ['$.demand[1].city', 'unknown city "sh" (known: hz)'],
  'demand-unknown-product': ['$.demand[1].product', 'unknown product "silk" (known: tea, mug)'],
  'stock-unknown-city': ['$.shops[0].stock.bj', 'unknown city "bj" (known: hz)'],
  'stock-unknown-product': ['$.shops[0].stock.hz.silk', 'unknown product "silk" (known: tea, mug)'],
  'missing-reference-price': ['$.products[0].referencePrice', 'needs a reference price for city "sh" because $.demand[2] has buyers there'],
  // weights 0.1 × 6 + 0.2 + 0.1 = 0.9
  'index-weights-sum': ['$.rules.indexWeights', 'weights must sum to 1 (they sum to 0.9)'],
  // 0.5 + 0.3 = 0.8
  'quantity-weights-sum': ['$.demand[0].quantity', 'weights must sum to 1 (they sum to 0.8)'],
  // 0.7 given + 0.3 and 0.2 by default = 1.2
  'hesitant-weights-sum': ['$.rules.hesitant', 'priceWeight + reviewWeight + indexWeight must sum to 1 (they sum to 1.2; one left out counts at its default: 0.5, 0.3, 0.2)'],
  'event-ends-before-start': ['$.events[0].toTick', 'must be ≥ fromTick (40), not 35'],
  // 4 rounds × 30 ticks = 120
  'event-past-last-tick': ['$.events[0].toTick', "must be ≤ the game's last tick (120 = rounds × ticksPerRound), not 130"],
  'price-trend-length': ['$.products[0].priceTrend', 'must have one multiplier per round (4), not 3'],
  'fixed-without-decisions': ['$.shops[1].decisions', 'is required for a "bot:fixed" shop (it plays only the decisions written here)'],
  'decisions-on-player': ['$.shops[0].decisions', 'is played only by a "bot:fixed" shop, and this shop\'s controller is "player" (remove the decisions or make the controller "bot:fixed")'],
  // 3000 tea × volume 1 + 1100 mugs × volume 2 = 5200 > 5000
  'stock-over-capacity': ['$.shops[0].stock.hz', "holds 5200 volume units, more than a warehouse's capacity (5000, $.rules.warehouse.capacity)"],
  // 60.01 + shipping 5 = 65.01 > 50 × 1.3 = 65.00
  'decisions-illegal-price': ['$.rounds[0].listings[0].price', 'illegal price (违规价格): price + shipping = 65.01 is above the cap 65.00 (reference price 50.00 × (1 + 0.3))'],
  'decisions-unknown-product': ['$.rounds[0].restock[0].product', 'unknown product "silk" (known: tea, mug)'],
  'decisions-round-after-last': ['$.rounds[0].round', 'must be ≤ 4 (the scenario has 4 rounds)'],
  'decisions-round-twice': ['$.rounds[1].round', 'round 1 is given twice'],
  'decisions-listed-twice': ['$.rounds[0].listings[1]', '"tea" in "hz" is listed twice in round 1'],
  'decisions-price-missing': ['$.rounds[0].listings[0].price', 'is required for an active listing (yuan, e.g. 45.00)'],
  'decisions-unknown-shop': ['$.shop', 'unknown shop "s9" (known: s1, s2)'],
  'decisions-restock-zero': ['$.rounds[0].restock[0].quantity', 'must be a whole number from 1 to 1000000 (got 0)'],
};

const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

async function validate(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['validate', ...args], { out: (t) => out.push(...t.split('\n')), err: (t) => err.push(...t.split('\n')) });
  return { code, out, err };
}

describe('when the broken fixtures are counted', () => {
  it('should hold at least 25 files, each with an expected path and message', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
    expect(files.map((f) => f.replace(/\.json$/, ''))).toEqual(Object.keys(EXPECTED).sort());
  });
});

describe.each(files)('when test/fixtures/broken/%s is validated', (file) => {
  it('should report exactly its one mistake, with the JSON path and the rule', async () => {
    const [path, message] = EXPECTED[file.replace(/\.json$/, '')]!;
    const shown = relative(root, join(dir, file));
    const { code, out, err } = await validate(join(dir, file));
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    const prefix = `${join(dir, file)}: ${path}: `;
    expect(err[0]!.startsWith(prefix), `${shown}: ${err[0]}`).toBe(true);
    const text = err[0]!.slice(prefix.length);
    if (typeof message === 'string') expect(text).toBe(message);
    else expect(text).toMatch(message);
  });
});

describe('when the shopsim command validates broken and good files together', () => {
  it('should exit 1, print one line per problem and ok for the good file, and never a stack trace', () => {
    const args = ['bin/shopsim.mjs', 'validate', 'scenarios/tutorial.json', ...files.map((f) => `test/fixtures/broken/${f}`)];
    const res = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(res.status).toBe(1);
    expect(res.stdout.trim()).toBe('scenarios/tutorial.json: ok');
    const lines = res.stderr.trim().split('\n');
    expect(lines).toHaveLength(files.length);
    for (const line of lines) expect(line).toMatch(/^test\/fixtures\/broken\/[a-z0-9-]+\.json: \$[^:]*: \S/);
    expect(res.stderr).not.toMatch(/\n\s+at |Error:|internal error/);
  });
});
