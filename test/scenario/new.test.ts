/** `shopsim new` and the starter scenario behind it: valid by construction for every allowed size. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { loadScenario, loadScenarioText } from '../../src/scenario/load';
import { starterScenario, STARTER_LIMITS } from '../../src/scenario/starter';
import { playChecked } from './invariants';

const tmp = mkdtempSync(join(tmpdir(), 'shopsim-new-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('when a starter scenario is made', () => {
  it('should be valid for any numbers of cities, products, shops and players within the limits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: STARTER_LIMITS.cities }),
        fc.integer({ min: 1, max: STARTER_LIMITS.products }),
        fc.integer({ min: 1, max: STARTER_LIMITS.shops }),
        fc.nat(),
        (cities, products, shops, p) => {
          const players = p % (shops + 1);
          const res = loadScenario(starterScenario({ id: 'x', cities, products, shops, players }));
          expect(res.ok ? [] : res.problems).toEqual([]);
          if (!res.ok) return;
          expect(res.value.cities).toHaveLength(cities);
          expect(res.value.products).toHaveLength(products);
          expect(res.value.shops).toHaveLength(shops);
          expect(res.value.shops.filter((s) => s.controller.kind === 'player')).toHaveLength(players);
        },
      ),
      { seed: 7, numRuns: 120 },
    );
  });

  it('should be valid at the largest size too (20 cities, 20 products, 60 shops)', () => {
    const res = loadScenario(starterScenario({ id: 'big', cities: 20, products: 20, shops: 60, players: 60 }));
    expect(res.ok ? [] : res.problems).toEqual([]);
  });

  it('should play to the end keeping the invariants', () => {
    const res = loadScenario(starterScenario({ id: 'x', cities: 3, products: 4, shops: 6, players: 2 }));
    if (!res.ok) throw new Error('starter must load');
    expect(playChecked(res.value).problems).toEqual([]);
  });

  it('should give the bots every strategy in turn after the players', () => {
    const s = starterScenario({ id: 'x', cities: 1, products: 1, shops: 7, players: 2 });
    expect(s.shops.map((x) => x.controller)).toEqual(['player', 'player', 'bot:undercut', 'bot:brand', 'bot:balanced', 'bot:promoter', 'bot:undercut']);
  });
});

describe('when shopsim new writes a file', () => {
  it('should write a scenario that validates, with the counts asked for and $schema pointing at the shipped schema', async () => {
    const file = join(tmp, 'class.json');
    const res = await cli('new', file, '--cities', '3', '--products', '4', '--shops', '8', '--players', '6', '--id', 'week3');
    expect(res.code).toBe(0);
    expect(res.out).toContain('wrote scenario "week3" with 3 cities, 4 products, 8 shops (6 played by students)');
    const text = readFileSync(file, 'utf8');
    const loaded = loadScenarioText(text);
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
    const json = JSON.parse(text) as { $schema: string; id: string };
    expect(json.id).toBe('week3');
    expect(resolve(dirname(file), json.$schema)).toBe(resolve(import.meta.dirname, '../../schemas/scenario.schema.json'));
    expect((await cli('validate', file)).code).toBe(0);
  });

  it('should refuse to overwrite a file unless --force is given', async () => {
    const file = join(tmp, 'exists.json');
    writeFileSync(file, 'keep me');
    const res = await cli('new', file);
    expect(res.code).toBe(1);
    expect(res.err).toBe(`${file}: already exists (give --force to overwrite it)`);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    expect((await cli('new', file, '--force')).code).toBe(0);
    expect(loadScenarioText(readFileSync(file, 'utf8')).ok).toBe(true);
  });

  it('should print the scenario when no FILE is given', async () => {
    const res = await cli('new', '--cities', '1', '--products', '1', '--shops', '2');
    expect(res.code).toBe(0);
    const loaded = loadScenario(JSON.parse(res.out));
    expect(loaded.ok && loaded.value.shops.length).toBe(2);
  });

  it.each([
    [['--cities', '0'], '--cities must be a whole number from 1 to 20, not "0"'],
    [['--cities', '21'], '--cities must be a whole number from 1 to 20, not "21"'],
    [['--products', 'two'], '--products must be a whole number from 1 to 20, not "two"'],
    [['--shops', '61'], '--shops must be a whole number from 1 to 60, not "61"'],
    [['--shops', '3', '--players', '4'], '--players must be a whole number from 0 to the number of shops (3), not "4"'],
    [['--id', 'my class'], '--id must be 1–32 letters, digits, "_" or "-", not "my class"'],
  ])('should refuse %j as a usage error (exit 2) naming the rule', async (args, message) => {
    const file = join(tmp, 'never.json');
    const res = await cli('new', file, ...args);
    expect(res.code).toBe(2);
    expect(res.err.split('\n')[0]).toBe(`shopsim new: ${message}`);
    expect(existsSync(file)).toBe(false);
  });
});
