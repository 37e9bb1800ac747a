/**
 * The seeds a grade is played over: the first is the scenario's own seed (so seed 1 of a grade
 * is the game `shopsim run` plays), the others are derived from it by hashing, so they are the
 * same on every machine and for every job count.
 */
import { hashString } from '../../engine/hash';

export const MAX_SEEDS = 100;

export function gradingSeeds(scenarioSeed: number, count: number): number[] {
  const seeds: number[] = [scenarioSeed];
  const seen = new Set(seeds);
  for (let k = 1; seeds.length < count; k++) {
    const seed = Number.parseInt(hashString(`shopsim:grade:${scenarioSeed}:${k}`).slice(0, 8), 16) % 2 ** 31;
    if (seen.has(seed)) continue;
    seen.add(seed);
    seeds.push(seed);
  }
  return seeds.slice(0, count);
}
