/** Buyers per round and per tick (course §2): published demand × (1 ± seeded fluctuation), spread evenly. */
import { CROWD_COUNT, type DemandEvent, type World } from './model';
import type { Rng } from './rng';

/** Draw the round's demand for every city × product × crowd, in a fixed order. */
export function roundDemand(world: World, rng: Rng): number[] {
  const out: number[] = [];
  const f = world.rules.demandFluctuation;
  for (const cell of world.demand) {
    for (let k = 0; k < CROWD_COUNT; k++) {
      // Always draw, so a cell's draws never depend on another cell's value.
      const u = rng.next();
      const published = cell.perRound[k]!;
      out.push(Math.floor(published * (1 + f * (2 * u - 1)) + 0.5));
    }
  }
  return out;
}

/** The share of n that falls on tick i (0-based) of a round of T ticks: the shares sum to n. */
export function spread(n: number, i: number, T: number): number {
  return Math.floor(((i + 1) * n) / T) - Math.floor((i * n) / T);
}

export function eventMultiplier(events: readonly DemandEvent[], tick: number, c: number, p: number, k: number): number {
  let m = 1;
  for (const e of events) {
    if (tick < e.fromTick || tick > e.toTick) continue;
    if (e.cities && !e.cities.includes(c)) continue;
    if (e.products && !e.products.includes(p)) continue;
    if (e.crowds && !e.crowds.includes(k)) continue;
    m *= e.multiplier;
  }
  return m;
}
