import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { builtinScenario } from '../../src/scenario/builtin';
import { decisionsForRound, playGame } from '../../src/sim/game';
import { buildResult, stateHash } from '../../src/sim/result';
import { createInitialState, playRound } from '../../src/engine';

const classic = (() => {
  const res = loadScenario(builtinScenario());
  if (!res.ok) throw new Error('classic must load');
  return res.value;
})();

describe('when the same game is played twice', () => {
  it('should give the same hash and the same Result, byte for byte', () => {
    const a = buildResult(classic, playGame(classic, 7, new Map()));
    const b = buildResult(classic, playGame(classic, 7, new Map()));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('should give another hash for another seed', () => {
    expect(stateHash(playGame(classic, 7, new Map()))).not.toBe(stateHash(playGame(classic, 8, new Map())));
  });

  it('should resume exactly from a saved state (RNG state lives in the state)', () => {
    const full = playGame(classic, 3, new Map());
    const half = playGame(classic, 3, new Map(), undefined, 3);
    const revived = JSON.parse(JSON.stringify(half));
    let rest = revived;
    while (rest.round < classic.rounds) rest = playRound(classic, rest, decisionsForRound(classic, rest, new Map()));
    expect(stateHash(rest)).toBe(stateHash(full));
  });

  it('should not change the state it was given (a round returns a new state)', () => {
    const s0 = createInitialState(classic, 1);
    const before = stateHash(s0);
    playRound(classic, s0, classic.shops.map(() => ({ listings: [], restock: [], marketing: { decorationFen: 0, mediaFen: 0, charityFen: 0, iso: false, iec: false } })));
    expect(stateHash(s0)).toBe(before);
  });
});
