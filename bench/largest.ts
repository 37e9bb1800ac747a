/**
 * The largest games the validator accepts (src/scenario/checks.ts: cities × products × shops ×
 * ticks ≤ LIMITS.gameWork and at most LIMITS.gameBuyers buyers), in a few shapes: each at the most
 * buyers it accepts. bench/engine.bench.ts times them cold, in a fresh process each.
 */
import { loadScenario } from '../src/scenario/load';
import { largeMarket, type LargeMarketSize } from './largeMarket';

export interface Shape {
  name: string;
  size: Omit<LargeMarketSize, 'buyersPerCrowd'> & { ticksPerRound: number };
}

export const LARGEST_SHAPES: Shape[] = [
  // many cells: 20 × 20 × 60 shops × 6 rounds × 34 ticks ≈ the work bound
  { name: 'widest (20 cities × 20 products × 60 shops, 6 rounds × 34 ticks)', size: { shops: 60, cities: 20, products: 20, rounds: 6, ticksPerRound: 34 } },
  // many ticks: 24 rounds × 60 ticks, 60 shops, 7 cities × 8 products
  { name: 'longest (7 cities × 8 products × 60 shops, 24 rounds × 60 ticks)', size: { shops: 60, cities: 7, products: 8, rounds: 24, ticksPerRound: 60 } },
  // all buyers in one market: 1 city, 1 product, 60 shops
  { name: 'deepest (1 city × 1 product × 60 shops, 24 rounds × 60 ticks)', size: { shops: 60, cities: 1, products: 1, rounds: 24, ticksPerRound: 60 } },
];

/** The shape's scenario with the most buyers per crowd the validator accepts (binary search). */
export function largestScenario(shape: Shape): unknown {
  const make = (buyersPerCrowd: number) => {
    const file = largeMarket({ ...shape.size, buyersPerCrowd }) as Record<string, unknown>;
    return { ...file, ticksPerRound: shape.size.ticksPerRound };
  };
  let lo = 1;
  let hi = 1_000_000;
  if (!loadScenario(make(lo)).ok) throw new Error(`${shape.name}: not accepted even with 1 buyer per crowd: ${JSON.stringify((loadScenario(make(lo)) as { problems: unknown[] }).problems.slice(0, 2))}`);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (loadScenario(make(mid)).ok) lo = mid;
    else hi = mid - 1;
  }
  return make(lo);
}
