/**
 * The grading threads (src/sim/grading/pool.ts): the same outcomes whatever the threads, worker
 * threads kept from one call to the next, none started for a call too small to repay it, and the
 * main thread finishing what a slow worker still holds.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenario/builtin';
import { loadScenario } from '../../src/scenario/load';
import type { GameTask, GradeJob } from '../../src/sim/grading/games';
import { closeGradingThreads, GAMES_PER_NEW_THREAD, gradingThreads, playAll } from '../../src/sim/grading/pool';

const file = builtinScenario('classic');
const world = (() => {
  const res = loadScenario(file);
  if (!res.ok) throw new Error('classic must load');
  return res.value;
})();
const player = world.shops.findIndex((s) => s.controller.kind === 'player');
// Three strategies in the player shop, each over four seeds: 12 games.
const job: GradeJob = { scenario: file, teams: ['undercut', 'premium', 'idle'].map((strategy) => ({ shop: player, rounds: [], strategy })) };
const tasks: GameTask[] = [0, 1, 2].flatMap((t) => [1, 2, 3, 4].map((seed) => ({ seed, teams: [t] })));

afterAll(() => closeGradingThreads());

describe('when grading games are shared between threads', () => {
  let serial: Awaited<ReturnType<typeof playAll>>;

  it('should start no worker thread for fewer games than repay one, and play them all on the main thread', async () => {
    await closeGradingThreads();
    const played = { workers: 0, main: 0 };
    serial = await playAll(job, tasks, 1, undefined, { played });
    expect(played).toEqual({ workers: 0, main: 12 });
    const small = { workers: 0, main: 0 };
    expect(tasks.length).toBeLessThan(GAMES_PER_NEW_THREAD);
    expect(await playAll(job, tasks, 3, undefined, { played: small })).toEqual(serial);
    expect(small).toEqual({ workers: 0, main: 12 });
    expect(gradingThreads()).toBe(0);
  }, 60_000);

  it('should give the same outcomes, in task order, when worker threads play the games, and count each game once as it comes in', async () => {
    const played = { workers: 0, main: 0 };
    const told: number[] = [];
    // The main thread only hands the games out here, so that the workers play every one.
    const outcomes = await playAll(job, tasks, 3, (done) => told.push(done), { gamesPerNewThread: 1, played, mainThread: false });
    expect(outcomes).toEqual(serial);
    expect(gradingThreads()).toBe(2);
    expect(played).toEqual({ workers: 12, main: 0 });
    expect(told).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  }, 60_000);

  it('should keep its worker threads for the next call, warm, and start no more for a small one', async () => {
    const played = { workers: 0, main: 0 };
    let calls = 0;
    const outcomes = await playAll(job, tasks, 3, () => calls++, { played });
    expect(outcomes).toEqual(serial);
    expect(gradingThreads()).toBe(2);
    expect(calls).toBe(12);
    expect(played.workers + played.main).toBe(12);
  }, 60_000);

  it('should give the same outcomes for another job on the same threads (the job travels with its first games)', async () => {
    const other: GradeJob = { scenario: file, teams: [{ shop: player, rounds: [], strategy: 'balanced' }] };
    const few: GameTask[] = [5, 6, 7, 8, 9, 10].map((seed) => ({ seed, teams: [0] }));
    const alone = await playAll(other, few, 1);
    const played = { workers: 0, main: 0 };
    expect(await playAll(other, few, 3, undefined, { played, mainThread: false })).toEqual(alone);
    expect(await playAll(job, tasks.slice(0, 6), 3, undefined, { played, mainThread: false })).toEqual(serial.slice(0, 6));
    expect(played).toEqual({ workers: 12, main: 0 });
    expect(gradingThreads()).toBe(2);
  }, 60_000);
});
