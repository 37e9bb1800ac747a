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

  it('should write whole numbers digit by digit as String does: 0, -0, signs, 2^31 − 1, −2^31, and the rest through String', () => {
    const xs = [0, -0, 7, -7, 10, 99, 100, 65535, 2147483647, -2147483648, 2147483648, 1e15, 0.5, -2.25, 1e21, 1e-7];
    for (const t of [new Float64Array(xs), new Int32Array([0, -1, 2147483647, -2147483648]), new Uint16Array([0, 9, 10, 65535]), new Uint8Array([1, 0])]) {
      expect(hashValue({ t })).toBe(hashString(canonicalJson({ t })));
    }
    for (const x of xs) expect(hashValue([x])).toBe(hashString(canonicalJson([x])));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 40), max: 2 ** 40 })), (a) => {
        expect(hashValue(Float64Array.from(a))).toBe(hashString(canonicalJson(a)));
      }),
      { numRuns: 200 },
    );
    // Arrays of int32s go through the Int32Array digit loop, whatever their kind.
    fc.assert(
      fc.property(fc.array(fc.integer()), (a) => {
        for (const t of [Int32Array.from(a), Float64Array.from(a), Float32Array.from(a.map((x) => x % 1000)), Int16Array.from(a), Uint32Array.from(a)]) {
          expect(hashValue({ t })).toBe(hashString(canonicalJson({ t })));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('should give a whole game state the hash of its canonical text', () => {
    const res = loadScenario(builtinScenario());
    if (!res.ok) throw new Error('classic must load');
    const state = playGame(res.value, 7, new Map());
    expect(hashValue(state)).toBe(hashString(canonicalJson(state)));
  });

  it('should refuse a non-finite number, as canonicalJson does', () => {
    expect(() => hashValue({ a: [1, Number.NaN] })).toThrow(/non-finite/);
    expect(() => hashValue({ a: new Float64Array([1, Number.POSITIVE_INFINITY]) })).toThrow(/non-finite/);
  });
});
