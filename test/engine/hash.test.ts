import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashString, hashValue } from '../../src/engine/hash';
import { loadScenario } from '../../src/scenario/load';
import { builtinScenario } from '../../src/scenario/builtin';
import { playGame } from '../../src/sim/game';

describe('when a value is hashed without building its canonical text', () => {
  it('should give hashString(canonicalJson(value)) for any JSON-like value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(hashValue(v)).toBe(hashString(canonicalJson(v)));
      }),
      { numRuns: 300 },
    );
  });

  it('should treat undefined, holes and typed arrays as canonicalJson does', () => {
    // biome-ignore lint/suspicious/noSparseArray: a hole on purpose, as canonicalJson meets it
    const v = { b: undefined, a: [1, undefined, , 3], t: new Int32Array([4, 5]), s: 'é"\\n' };
    expect(hashValue(v)).toBe(hashString(canonicalJson(v)));
    expect(canonicalJson(v)).toBe('{"a":[1,null,,3],"s":"é\\"\\\\n","t":[4,5]}');
  });

  it('should give a whole game state the hash of its canonical text', () => {
    const res = loadScenario(builtinScenario());
    if (!res.ok) throw new Error('classic must load');
    const state = playGame(res.value, 7, new Map());
    expect(hashValue(state)).toBe(hashString(canonicalJson(state)));
  });

  it('should refuse a non-finite number, as canonicalJson does', () => {
    expect(() => hashValue({ a: [1, Number.NaN] })).toThrow(/non-finite/);
  });
});
