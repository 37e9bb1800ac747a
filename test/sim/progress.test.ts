/**
 * The long commands' progress (shopsim tournament, lessons): what they report as games and lessons
 * finish, for the progress bar on a terminal. Told (0, total) first and (total, total) last, never
 * backwards, and the report is the same whether anyone listens or not.
 */
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenario/builtin';
import { loadScenario } from '../../src/scenario/load';
import { tournament } from '../../src/sim/tournament';

const input = (() => {
  const file = builtinScenario('classic');
  const res = loadScenario(file);
  if (!res.ok) throw new Error('classic must load');
  return { file, world: res.value };
})();

function recorder() {
  const calls: [number, number][] = [];
  return { calls, onGame: (done: number, total: number) => void calls.push([done, total]) };
}

describe('when a tournament tells its progress', () => {
  // 2 strategies × 2 seeds alone in the player shop, then 2 seeds of both in one market: 6 games.
  const opts = { seeds: 2, strategies: ['idle', 'undercut'] as const };

  it('should count every game of the tournament, solo and in one market, from 0 to 6 in order (one thread)', async () => {
    const r = recorder();
    const report = await tournament([input], { ...opts, jobs: 1, onGame: r.onGame });
    expect(report.scenarios[0]!.marketShops).toBeGreaterThan(0);
    expect(r.calls.map(([d]) => d)).toEqual([0, 1, 2, 3, 4, 5, 6, 6]);
    expect(r.calls.every(([, t]) => t === 6)).toBe(true);
  });

  it('should never go backwards with --jobs 2, end at 6 of 6, and give the same report as without listening', async () => {
    const r = recorder();
    const heard = await tournament([input], { ...opts, jobs: 2, onGame: r.onGame });
    const quiet = await tournament([input], { ...opts, jobs: 2 });
    expect(heard).toEqual(quiet);
    const done = r.calls.map(([d]) => d);
    expect(done[0]).toBe(0);
    expect(done[done.length - 1]).toBe(6);
    for (let i = 1; i < done.length; i++) expect(done[i]!).toBeGreaterThanOrEqual(done[i - 1]!);
    expect(new Set(done)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6]));
  });
});
