/**
 * The largest games the validator accepts (src/scenario/checks.ts: cities × products × shops ×
 * ticks ≤ LIMITS.gameWork and at most LIMITS.gameBuyers buyers), in a few shapes: each at the most
 * buyers it accepts. bench/engine.bench.ts times them cold, in a fresh process each.
 */
import { loadScenario } from '../src/scenario/load';
import { LIMITS } from '../src/scenario/schema';
import { largeMarket, type LargeMarketSize } from './largeMarket';

export interface Shape {
  name: string;
  size: Omit<LargeMarketSize, 'buyersPerCrowd'> & { ticksPerRound: number };
}

/** ticks per round that fill the work bound for this many cells, shops and rounds (at most 60) */
const fill = (cells: number, shops: number, rounds: number) =>
  Math.max(1, Math.min(LIMITS.ticksPerRound, Math.floor(LIMITS.gameWork / (cells * shops * rounds))));

export const LARGEST_SHAPES: Shape[] = [
  // many cells: 20 cities × 20 products × 60 shops, 6 rounds, as many ticks as the work bound allows
  { name: 'widest', size: { shops: 60, cities: 20, products: 20, rounds: 6, ticksPerRound: fill(400, 60, 6) } },
  // many ticks: 24 rounds, 60 shops, 3 cities × 3 products
  { name: 'longest', size: { shops: 60, cities: 3, products: 3, rounds: 24, ticksPerRound: fill(9, 60, 24) } },
  // all buyers in one market: 1 city, 1 product, 60 shops, 24 rounds × 60 ticks
  { name: 'deepest', size: { shops: 60, cities: 1, products: 1, rounds: 24, ticksPerRound: fill(1, 60, 24) } },
];

export function describeShape(shape: Shape): string {
  const z = shape.size;
  return `${shape.name} (${z.cities} cities × ${z.products} products × ${z.shops} shops, ${z.rounds} rounds × ${z.ticksPerRound} ticks)`;
}

/** The shape's scenario with the most buyers per crowd the validator accepts (binary search). */
export function largestScenario(shape: Shape): unknown {
  const make = (buyersPerCrowd: number) => {
    const file = largeMarket({ ...shape.size, buyersPerCrowd }) as Record<string, unknown>;
    return { ...file, ticksPerRound: shape.size.ticksPerRound };
  };
  let lo = 1;
  let hi = 1_000_000;
  if (!loadScenario(make(lo)).ok)
    throw new Error(
      `${describeShape(shape)}: not accepted even with 1 buyer per crowd: ${JSON.stringify((loadScenario(make(lo)) as { problems: unknown[] }).problems.slice(0, 2))}`,
    );
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (loadScenario(make(mid)).ok) lo = mid;
    else hi = mid - 1;
  }
  return make(lo);
}
