/**
 * Memory a finished game keeps: plays the large market over ROUNDS rounds, collects garbage, and
 * prints as JSON the heap and typed-array memory still in use while the final state is held (what
 * stays; peak memory, bench/peak.mjs, also counts garbage not yet collected).
 *   node --expose-gc bin/run-ts.mjs bench/retained.ts ROUNDS BUYERS_PER_CROWD
 */
import { playGame } from '../src/sim/game';
import { largeMarket, loadBench } from './largeMarket';

const rounds = Number(process.argv[2] ?? 6);
const buyersPerCrowd = Number(process.argv[3] ?? 400);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const world = loadBench(largeMarket({ shops: 20, cities: 5, products: 4, buyersPerCrowd, rounds }));
gc();
const before = process.memoryUsage();
const state = playGame(world, 1, new Map());
gc();
const after = process.memoryUsage();
const mb = (n: number) => Math.round(n / 1e5) / 10;
console.log(
  JSON.stringify({ rounds, reports: state.reports.length, retainedMb: mb(after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) }),
);
