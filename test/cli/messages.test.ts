/**
 * Messages that say what is wrong in the file's own terms (each failed before this was fixed):
 * no `no scenario "undefined"`, no "$.kind … not null" for an array, no Node "ambiguous argument"
 * for `--seeds -1`, one line for a decisions file of another scenario, did-you-mean for unknown
 * fields and ids, and schema and semantic problems reported in the same pass.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { didYouMean } from '../../src/scenario/problems';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}
const tmp = mkdtempSync(join(tmpdir(), 'shopsim-msg-'));
const put = (name: string, value: unknown) => {
  const p = join(tmp, name);
  writeFileSync(p, typeof value === 'string' ? value : JSON.stringify(value));
  return p;
};
const decisions = (rounds: unknown[], extra: Record<string, unknown> = {}) => ({ kind: 'decisions', version: 1, scenario: 'classic', shop: 's1', rounds, ...extra });

describe('when a file is not what a command expects', () => {
  it('should say a decisions file without "scenario" must name one, not `no scenario "undefined"`', async () => {
    const { scenario: _, ...noScenario } = decisions([]);
    const f = put('no-scenario.json', noScenario);
    const r = await cli('validate', f);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${f}: $.scenario: is required: the id of the scenario these decisions are for (e.g. "classic")\n`);
  });

  it('should say a top-level array must be an object, not talk about $.kind', async () => {
    const f = put('array.json', '[{"kind":"scenario"}]');
    const r = await cli('validate', f);
    expect(r.err).toBe(`${f}: $: must be a JSON object (a scenario, decisions or save file, with "kind"), not an array\n`);
  });

  it('should answer --seeds -1 with the allowed range (exit 2), not Node’s "ambiguous" argument', async () => {
    const r = await cli('grade', 'classic', 'examples/grade-team-01.json', '--seeds', '-1');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--seeds must be a whole number from 1 to 100, not "-1"');
    expect(r.err).not.toContain('ambiguous');
    expect((await cli('run', '--seed', '-5')).err).toContain('--seed must be a whole number from 0 to 2147483647, not "-5"');
  });

  it('should give a decisions file for another scenario one line, not one "unknown city" per listing', async () => {
    const listings = ['nj', 'nj', 'nj'].map((city, i) => ({ city, product: ['tea', 'silk', 'mug'][i], price: 10 }));
    const f = put('other.json', decisions([{ round: 1, listings }], { scenario: 'service' }));
    const r = await cli('run', '--decisions', f);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${f}: $.scenario: is "service" but the scenario played is "classic": this decisions file is for another scenario (nothing else in it was checked)\n`);
  });
});

describe('when a name is unknown', () => {
  it('should suggest the field meant: "advertising" → "media", "pirce" → "price"', async () => {
    const f = put('typo.json', decisions([{ round: 1, marketing: { advertising: 100 }, listings: [{ city: 'hz', product: 'tea', pirce: 40 }] }]));
    const r = await cli('validate', f);
    expect(r.err).toContain('$.rounds[0].marketing: unknown field "advertising" (did you mean "media"?)');
    expect(r.err).toContain('$.rounds[0].listings[0]: unknown field "pirce" (did you mean "price"?)');
  });

  it('should suggest the id meant for an unknown city or product ("hzz" → "hz"), in a promotion too', async () => {
    const f = put('ids.json', decisions([{ round: 1, listings: [{ city: 'hzz', product: 'tea', price: 40 }], promotions: [{ type: 'limitedDiscount', product: 'tae', rate: 0.9 }] }]));
    const r = await cli('validate', f);
    expect(r.err).toContain('unknown city "hzz" (known: hz, sh, bj; did you mean "hz"?)');
    expect(r.err).toContain('unknown product "tae" (known: tea, silk, mug; did you mean "tea"?)');
  });

  it('should suggest nothing for a name far from every known one', () => {
    expect(didYouMean('zzzzzz', ['media', 'decoration', 'charity'])).toBeUndefined();
    expect(didYouMean('Media', ['media'])).toBe('media');
    expect(didYouMean('decoraton', ['media', 'decoration'])).toBe('decoration');
  });
});

describe('when a file has schema and semantic problems', () => {
  it('should report both in one pass: a misspelt field in round 1 and an unknown city in round 2', async () => {
    const f = put('both.json', decisions([{ round: 1, marketing: { advertising: 100 } }, { round: 2, listings: [{ city: 'atlantis', product: 'tea', price: 40 }] }], { shop: 's9' }));
    const r = await cli('validate', f);
    const lines = r.err.trim().split('\n');
    expect(lines).toEqual([
      `${f}: $.rounds[0].marketing: unknown field "advertising" (did you mean "media"?)`,
      `${f}: $.shop: unknown shop "s9" (known: s1, s2, s3, s4, s5)`,
      `${f}: $.rounds[1].listings[0].city: unknown city "atlantis" (known: hz, sh, bj)`,
    ]);
  });
});
