import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

/** Runs the CLI in-process, capturing what it prints. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

const tmp = mkdtempSync(join(tmpdir(), 'shopsim-cli-'));
const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

describe('when shopsim run plays the default scenario', () => {
  it('should print a readable round-by-round summary with no arguments', async () => {
    const { code, out } = await cli('run');
    expect(code).toBe(0);
    expect(out).toContain('Classic market (classic)');
    for (let r = 1; r <= 6; r++) expect(out).toContain(`Round ${r}`);
    expect(out).toContain('Final ranking');
    expect(out).toMatch(/hash [0-9a-f]{16}/);
  });

  it('should print exactly one Result JSON with --json; the same hash twice; another for seed 8', async () => {
    const a = JSON.parse((await cli('run', '--json', '--seed', '7')).out);
    const b = JSON.parse((await cli('run', '--json', '--seed', '7')).out);
    const c = JSON.parse((await cli('run', '--json', '--seed', '8')).out);
    expect(a.hash).toBe(b.hash);
    expect(c.hash).not.toBe(a.hash);
    expect(a).toMatchObject({ scenario: 'classic', seed: 7, engine: expect.any(String) });
    expect(a.rounds).toHaveLength(6);
    const shop = a.rounds[0].shops[0];
    for (const key of ['shop', 'revenue', 'profit', 'cash', 'orders', 'units', 'visits', 'conversionRate', 'reviewScore', 'cityInfluence', 'breaches', 'dsr', 'unitsByCrowd']) {
      expect(shop).toHaveProperty(key);
    }
    expect(a.rounds[0].lostDemand.hz).toHaveProperty('hesitant');
    expect(a.ranking[0]).toMatchObject({ rank: 1, score: 45 });
  });

  it('should give the same hash in a separate process (no state shared between runs)', () => {
    const run = () => JSON.parse(execFileSync(process.execPath, ['bin/shopsim.mjs', 'run', '--json', '--seed', '7'], { encoding: 'utf8' })).hash;
    expect(run()).toBe(run());
  });

  it('should play the player shop from a decisions file, changing the outcome', async () => {
    const withFile = JSON.parse((await cli('run', '--json', '--decisions', 'examples/decisions-s1.json')).out);
    const without = JSON.parse((await cli('run', '--json')).out);
    expect(withFile.hash).not.toBe(without.hash);
    // Round 1 listed tea in Shanghai at 52.00: the stand-in bot would not have sold there from round 1.
    expect(withFile.rounds[0].shops[0].costs.decoration).toBe(500);
  });

  it('should write the Result to --out as well', async () => {
    const out = join(tmp, 'result.json');
    const { code } = await cli('run', '--json', '--seed', '3', '--out', out);
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).seed).toBe(3);
  });
});

describe('when the input is bad', () => {
  it('should exit 1 naming the file, the field and the cap for an illegal price', async () => {
    const bad = file(
      'bad-price.json',
      JSON.stringify({ kind: 'decisions', version: 1, scenario: 'classic', shop: 's1', rounds: [{ round: 1, listings: [{ city: 'hz', product: 'tea', price: 70, shipping: 0 }] }] }),
    );
    const { code, err } = await cli('run', '--decisions', bad);
    expect(code).toBe(1);
    expect(err).toContain(`${bad}: $.rounds[0].listings[0].price: illegal price`);
    expect(err).toContain('65.00'); // 50.00 × 1.3
  });

  it('should exit 1 for a file that is not JSON, and 1 for a missing file', async () => {
    expect((await cli('run', file('broken.json', '{ "kind": '))).code).toBe(1);
    expect((await cli('run', join(tmp, 'nope.json'))).code).toBe(1);
  });

  it('should exit 2 for usage errors: unknown option, bad seed, unknown command', async () => {
    expect((await cli('run', '--sead', '1')).code).toBe(2);
    expect((await cli('run', '--seed', '-1')).code).toBe(2);
    expect((await cli('fly')).code).toBe(2);
  });

  it('should never print a stack trace (checked in a real process)', () => {
    const bad = file('proto.json', '{"kind":"scenario","__proto__":{"x":1},"version":1}');
    const r = spawnSync(process.execPath, ['bin/shopsim.mjs', 'run', bad], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+\)?$/m);
    expect(r.stderr).toContain('__proto__');
  });

  it('should validate scenario and decisions files together: ok lines and exit 0', async () => {
    const { code, out } = await cli('validate', 'scenarios/classic.json', 'examples/decisions-s1.json');
    expect(code).toBe(0);
    expect(out).toContain('scenarios/classic.json: ok');
    expect(out).toContain('examples/decisions-s1.json: ok');
  });
});

describe('when asked for help', () => {
  it('should list every command with an example, and each command its own help', async () => {
    const { code, out } = await cli('--help');
    expect(code).toBe(0);
    expect(out).toContain('run');
    expect(out).toContain('validate');
    const run = await cli('run', '--help');
    expect(run.out).toContain('Examples:');
  });
});
