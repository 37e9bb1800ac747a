import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { builtinScenario } from '../../src/scenario/builtin';
import { decisionsForRound, playGame } from '../../src/sim/game';
import { stateHash } from '../../src/sim/result';
import { playRound } from '../../src/engine';
import { clonePlain } from '../../src/engine/clone';

const classic = (() => {
  const res = loadScenario(builtinScenario());
  if (!res.ok) throw new Error('classic must load');
  return res.value;
})();

describe('when a round copies the state it was given', () => {
  it('should share the past rounds’ reports with its input instead of copying them, and add its own', () => {
    const s3 = playGame(classic, 5, new Map(), undefined, 3);
    const s4 = playRound(classic, s3, decisionsForRound(classic, s3, new Map()));
    expect(s4.reports).toHaveLength(4);
    expect(s4.reports).not.toBe(s3.reports); // a new list: the input keeps its 3 reports
    expect(s3.reports).toHaveLength(3);
    for (let r = 0; r < 3; r++) expect(s4.reports[r]).toBe(s3.reports[r]);
    // everything else is the round's own copy
    expect(s4.shops[0]).not.toBe(s3.shops[0]);
    expect(s4.rng).not.toBe(s3.rng);
  });

  it('should leave every earlier snapshot unchanged while later rounds are played from it', () => {
    const snapshots = [playGame(classic, 9, new Map(), undefined, 1)];
    const hashes = [stateHash(snapshots[0]!)];
    while (snapshots.at(-1)!.round < classic.rounds) {
      const prev = snapshots.at(-1)!;
      snapshots.push(playRound(classic, prev, decisionsForRound(classic, prev, new Map())));
      hashes.push(stateHash(snapshots.at(-1)!));
    }
    expect(snapshots.map((s) => stateHash(s))).toEqual(hashes);
    // and the chain of snapshots ends where one uninterrupted game does
    expect(hashes.at(-1)).toBe(stateHash(playGame(classic, 9, new Map())));
  });
});

describe('when plain game data is copied (clonePlain, the round copy)', () => {
  it('should give an equal value that shares no object or array with the original', () => {
    const state = playGame(classic, 4, new Map(), undefined, 2);
    const copy = clonePlain(state);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(state));
    const seen = new Set<unknown>();
    const collect = (v: unknown) => {
      if (v === null || typeof v !== 'object') return;
      seen.add(v);
      for (const x of Object.values(v)) collect(x);
    };
    collect(state);
    const shared: string[] = [];
    const check = (v: unknown, path: string) => {
      if (v === null || typeof v !== 'object') return;
      if (seen.has(v)) shared.push(path);
      for (const [k, x] of Object.entries(v)) check(x, `${path}.${k}`);
    };
    check(copy, '$');
    expect(shared).toEqual([]);
  });

  it('should copy typed arrays as typed arrays and keep key order', () => {
    const v = { b: new Int32Array([1, 2]), a: [{ y: 1, x: 2 }] };
    const c = clonePlain(v);
    expect(c.b).toBeInstanceOf(Int32Array);
    expect(c.b).not.toBe(v.b);
    expect(Array.from(c.b)).toEqual([1, 2]);
    expect(Object.keys(c)).toEqual(['b', 'a']);
    expect(Object.keys(c.a[0]!)).toEqual(['y', 'x']);
  });
});
