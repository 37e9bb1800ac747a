/**
 * Hostile files: each gets a clear problem (never an exception, never a crash, no prototype
 * pollution) within a couple of seconds. The time bound is part of the requirement, so it is checked.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDecisionsText, loadScenario, loadScenarioText } from '../../src/scenario/load';
import { builtinScenario } from '../../src/scenario/builtin';
import { MAX_DEPTH, MAX_FILE_BYTES, MAX_ITEMS } from '../../src/scenario/parse';
import { main } from '../../src/cli/main';
import type { Checked } from '../../src/scenario/problems';
import type { World } from '../../src/engine';

const BOUND_MS = 2000;
const tutorialText = JSON.stringify(builtinScenario('tutorial'));

/**
 * CPU time, not wall time: the bound is about the work a hostile file causes, and the test
 * machine may be busy with other processes.
 */
function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = process.cpuUsage();
  const value = fn();
  const d = process.cpuUsage(t0);
  return { value, ms: (d.user + d.system) / 1000 };
}

/** The problems as the CLI prints them: path and English message (messageZh is checked elsewhere). */
function refused(res: Checked<unknown>): { path: string; message: string }[] {
  expect(res.ok).toBe(false);
  return res.ok ? [] : res.problems.map(({ path, message }) => ({ path, message }));
}

function firstProblem(text: string): { path: string; message: string } {
  const { value, ms } = timed(() => loadScenarioText(text));
  expect(ms).toBeLessThan(BOUND_MS);
  const problems = refused(value);
  expect(problems.length).toBeGreaterThan(0);
  expect(problems.length).toBeLessThanOrEqual(50);
  return problems[0]!;
}

afterAll(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
});

describe('when a file is not JSON', () => {
  it.each([
    ['empty', '', 'file is empty (expected a JSON object)'],
    ['blank', '  \n\t ', 'file is empty (expected a JSON object)'],
    ['a word', 'hello', /^not valid JSON: /],
    ['binary bytes', '\u0000\u0001\u00ff\ufffd', /^not valid JSON: /],
    ['a trailing comma', '{"kind": "scenario",}', /^not valid JSON: .*line 1/],
    ['single quotes', "{'kind': 'scenario'}", /^not valid JSON: /],
  ])('should say so for %s', (_what, text, message) => {
    const p = firstProblem(text);
    expect(p.path).toBe('$');
    if (typeof message === 'string') expect(p.message).toBe(message);
    else expect(p.message).toMatch(message);
  });

  it('should read a file saved with a byte-order mark like one without', () => {
    expect(loadScenarioText(`\ufeff${tutorialText}`).ok).toBe(true);
  });

  it('should refuse JSON that is not an object', () => {
    for (const text of ['[]', '42', '"scenario"', 'null', 'true']) {
      const p = firstProblem(text);
      expect(p.path).toBe('$');
      expect(p.message).toMatch(/^(must be an object|is required)/);
    }
  });
});

describe('when a file is 50 MB', () => {
  it('should refuse the text by its size before parsing it', () => {
    const text = `{"kind": "scenario", "pad": "${'x'.repeat(50 * 1024 * 1024)}"}`;
    const p = firstProblem(text);
    expect(p).toEqual({ path: '$', message: `file is too large (50.0 MB; at most ${MAX_FILE_BYTES / 1048576} MB)` });
  });

  it('should make the CLI refuse the file on disk without reading it whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shopsim-hostile-'));
    try {
      const file = join(dir, 'big.json');
      writeFileSync(file, Buffer.alloc(50 * 1024 * 1024, 0x20));
      const err: string[] = [];
      const t0 = process.cpuUsage();
      const code = await main(['validate', file], { out: () => {}, err: (t) => err.push(t) });
      const d = process.cpuUsage(t0);
      expect((d.user + d.system) / 1000).toBeLessThan(BOUND_MS);
      expect(code).toBe(1);
      expect(err.join('\n')).toBe(`${file}: $: file is too large (50.0 MB; at most 5 MB)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('when a file nests 10,000 levels deep', () => {
  it.each([
    ['arrays', `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
    ['objects', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`],
    ['a scenario field', tutorialText.replace('"rules":{', `"rules":{"x":${'['.repeat(10_000)}${']'.repeat(10_000)},`)],
  ])('should refuse %s by depth, without recursing into them', (_what, text) => {
    const p = firstProblem(text);
    expect(p.path).toBe('$');
    expect(p.message).toMatch(new RegExp(`^nesting is too deep \\(\\d+ levels; at most ${MAX_DEPTH}\\)$`));
  });

  it('should not count brackets inside strings as nesting', () => {
    const text = tutorialText.replace('"Tutorial: one city"', `"${'['.repeat(150)}"`);
    const res = loadScenarioText(text);
    expect(res.ok ? [] : res.problems).toEqual([]);
  });
});

describe('when a file carries __proto__, constructor or prototype keys', () => {
  it.each([
    ['__proto__ at the top', `{"__proto__": {"polluted": true}, ${tutorialText.slice(1)}`, '$.__proto__', '__proto__'],
    ['constructor.prototype in rules', tutorialText.replace('"rules":{', '"rules":{"constructor":{"prototype":{"polluted":true}},'), '$.rules.constructor', 'constructor'],
    ['prototype in a shop', tutorialText.replace('"id":"s1"', '"prototype":{"polluted":true},"id":"s1"'), '$.shops[0].prototype', 'prototype'],
  ])('should refuse %s with its path and pollute nothing', (_what, text, path, key) => {
    const p = firstProblem(text);
    expect(p).toEqual({ path, message: `the key "${key}" is not allowed (it could change how the program's objects behave); remove it` });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('should refuse such keys in an object handed over directly (the browser path) as unknown fields', () => {
    const obj = JSON.parse(tutorialText.replace('"rules":{', '"rules":{"__proto__":{"polluted":true},')) as unknown;
    const problems = refused(loadScenario(obj));
    expect(problems).toEqual([{ path: '$.rules', message: 'unknown field "__proto__" (check the spelling against the scenario reference)' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('when a file has NaN, Infinity or numbers beyond double range', () => {
  it.each([
    ['NaN', 'NaN', /NaN and Infinity are not JSON numbers/],
    ['Infinity', 'Infinity', /NaN and Infinity are not JSON numbers/],
    ['-Infinity', '-Infinity', /NaN and Infinity are not JSON numbers/],
  ])('should explain that %s is not JSON', (_what, literal, message) => {
    const p = firstProblem(tutorialText.replace('"priceFloat":0.3', `"priceFloat":${literal}`));
    expect(p.path).toBe('$');
    expect(p.message).toMatch(message);
  });

  it.each(['1e309', '-1e309', '123e999'])('should name the path of %s', (literal) => {
    const p = firstProblem(tutorialText.replace('"priceFloat":0.3', `"priceFloat":${literal}`));
    expect(p).toEqual({ path: '$.rules.priceFloat', message: 'must be a finite number (NaN, Infinity and numbers beyond ±1.8e308 such as 1e309 are not allowed)' });
  });

  it('should refuse NaN and Infinity in an object handed over directly', () => {
    const obj = JSON.parse(tutorialText) as { rules: { priceFloat: number }; rounds: number };
    obj.rules.priceFloat = Number.NaN;
    obj.rounds = Number.POSITIVE_INFINITY;
    expect(refused(loadScenario(obj))).toEqual([
      { path: '$.rounds', message: 'must be a finite number, not Infinity' },
      { path: '$.rules.priceFloat', message: 'must be a finite number, not NaN' },
    ]);
  });

  it('should take tiny and huge finite numbers as range errors', () => {
    const p = firstProblem(tutorialText.replace('"rounds":4', '"rounds":1e300'));
    expect(p).toEqual({ path: '$.rounds', message: 'must be a whole number from 1 to 24 (got 1e+300)' });
  });
});

describe('when a file holds huge arrays, strings or objects', () => {
  it('should refuse 2 million cities by their number, before checking any of them', () => {
    const cities = `[${new Array(2_000_000).fill('0').join(',')}]`;
    const p = firstProblem(tutorialText.replace(/"cities":\[[^\]]*\]/, `"cities":${cities}`));
    expect(p).toEqual({ path: '$.cities', message: `has 2000000 items, more than any list in these files may have (${MAX_ITEMS})` });
  });

  it('should refuse a million shops by their number', () => {
    const shops = `[${new Array(1_000_000).fill('{}').join(',')}]`;
    const p = firstProblem(tutorialText.replace(/"shops":\[.*\]\}$/, `"shops":${shops}}`));
    expect(p).toEqual({ path: '$.shops', message: `has 1000000 items, more than any list in these files may have (${MAX_ITEMS})` });
  });

  it('should refuse 5,000 shops by the scenario limit, with a bounded number of problems', () => {
    const shops = `[${new Array(5000).fill('{}').join(',')}]`;
    const { value, ms } = timed(() => loadScenarioText(tutorialText.replace(/"shops":\[.*\]\}$/, `"shops":${shops}}`)));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(refused(value)).toContainEqual({ path: '$.shops', message: 'must have from 1 to 60 items (it has 5000)' });
  });

  it('should refuse a 4 MB id', () => {
    const p = firstProblem(tutorialText.replace('"id":"tutorial"', `"id":"${'a'.repeat(4_000_000)}"`));
    expect(p.path).toBe('$.id');
    expect(p.message).toMatch(/^must be 1–32 letters, digits, "_" or "-" \(got "a{40}"\)$/);
  });

  it('should refuse an object with 200,000 fields by their number', () => {
    const keys = Array.from({ length: 200_000 }, (_, i) => `"k${i}":0`).join(',');
    const p = firstProblem(tutorialText.replace('"rules":{', `"rules":{${keys},`));
    expect(p).toEqual({ path: '$.rules', message: `has 200002 fields, more than any object in these files may have (${MAX_ITEMS})` });
  });

  it('should name at most 10 of 5,000 unknown fields', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `"k${i}":0`).join(',');
    const p = firstProblem(tutorialText.replace('"rules":{', `"rules":{${keys},`));
    expect(p.path).toBe('$.rules');
    expect(p.message).toMatch(/^unknown fields "k0", .*"k9" and 4990 more \(check the spelling/);
  });

  it('should refuse a decisions file with a million rounds', () => {
    const world = loadScenario(JSON.parse(tutorialText));
    if (!world.ok) throw new Error('tutorial must load');
    const rounds = `[${new Array(1_000_000).fill('{}').join(',')}]`;
    const text = `{"kind":"decisions","version":1,"scenario":"tutorial","shop":"s1","rounds":${rounds}}`;
    const { value, ms } = timed(() => loadDecisionsText(text, world.value as World));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(refused(value)).toEqual([{ path: '$.rounds', message: `has 1000000 items, more than any list in these files may have (${MAX_ITEMS})` }]);
  });
});
