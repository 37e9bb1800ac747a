/**
 * The platform's price rules in one place (course §3), used by the engine, the scenario checks,
 * the bots, grading and the screens alike:
 * - reference price (市场参考价) of a product in a city for a round: the scenario's price times
 *   that round's trend multiplier, rounded half up;
 * - legal cap (违规价格 above it): reference × (1 + priceFloat); a group buy uses its own float;
 * - floor: the lowest price the platform accepts after any discount (1.00 yuan).
 * Rounds are 1-based, as students count them.
 */
import type { Rules, World } from './model';

type Product = World['products'][number];
import { mulRoundHalfUp } from './money';

/** The platform's lowest price after a discount, group buy, flash sale or bundle: 1.00 yuan. */
export const PRICE_FLOOR_FEN = 100;

/** Reference price of product `p` in city `c` in round `round` (1-based; trend applied), fen. */
export function referencePriceFen(world: { products: readonly Pick<Product, 'referencePriceFen' | 'priceTrend'>[] }, p: number, c: number, round: number): number {
  const product = world.products[p]!;
  return mulRoundHalfUp(product.referencePriceFen[c]!, product.priceTrend[round - 1] ?? 1);
}

/** A cap of reference × (1 + float), fen: the listing cap with `priceFloat`, the group-buy cap with its float. */
export function capFromReferenceFen(referenceFen: number, float: number): number {
  return mulRoundHalfUp(referenceFen, 1 + float);
}

/** The legal price cap (price + shipping) of product `p` in city `c` in round `round` (1-based), fen. */
export function priceCapFen(
  world: { products: readonly Pick<Product, 'referencePriceFen' | 'priceTrend'>[]; rules: Pick<Rules, 'priceFloat'> },
  p: number,
  c: number,
  round: number,
): number {
  return capFromReferenceFen(referencePriceFen(world, p, c, round), world.rules.priceFloat);
}

/** The lowest legal price (fen) of a unit after any promotion: the hook where a scenario floor would go. */
export function priceFloorFen(): number {
  return PRICE_FLOOR_FEN;
}
