import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { builtinScenario } from '../../src/scenario/builtin';
import { decisionsForRound, playGame } from '../../src/sim/game';
import { stateHash } from '../../src/sim/result';
import { playRound } from '../../src/engine';

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
