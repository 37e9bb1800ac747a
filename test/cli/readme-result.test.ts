import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

/** Objects keyed by city or product id: the README shows one entry of each, so only their shape counts. */
const isIdMap = (at: string) => /\.(reviewScore|cityInfluence|negativeTags|lostDemand|lostDemandByReason|demand|keywords|searchRank)$/.test(at) || /\.(demand|searchRank)\.\*$/.test(at);

/** Every key path of a JSON value, arrays collapsed to their first item, id maps to "*". */
function keyPaths(v: unknown, at = '$', out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) {
    if (v.length > 0) keyPaths(v[0], `${at}[]`, out);
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const path = `${at}.${isIdMap(at) ? '*' : k}`;
      out.add(path);
      keyPaths(x, path, out);
    }
  }
  return out;
}

describe('when a newcomer reads the Result example in the README', () => {
  it('should show exactly the keys that shopsim run --json prints, with the same round-1 numbers', async () => {
    const readme = readFileSync('README.md', 'utf8');
    const block = readme.split('<!-- result-example -->')[1]!.split('```json')[1]!.split('```')[0]!;
    const example = JSON.parse(block);
    let out = '';
    await main(['run', '--json', '--seed', '7'], { out: (t) => (out += t), err: () => undefined });
    const real = JSON.parse(out);
    expect([...keyPaths(example)].sort()).toEqual([...keyPaths(real)].sort());
    expect(example.hash).toBe(real.hash);
    expect(example.rounds[0].shops[0]).toEqual(real.rounds[0].shops[0]);
  });
});
