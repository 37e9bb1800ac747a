/**
 * Composite index (综合评价指数, course §6): each input normalised by the market's maximum, weighted
 * by the scenario's weights (summing to 1), times 100. Bankrupt shops score 0 and do not set the
 * maximum.
 */
import { INDEX_INPUTS, type ShopState } from './model';

export function indexInputs(shop: ShopState): number[] {
  return [shop.visual, shop.iso ? 1 : 0, shop.iec ? 1 : 0, shop.popularity, shop.points, shop.orderVolume, shop.media, shop.charity];
}

export function compositeIndex(shops: readonly ShopState[], weights: readonly number[]): number[] {
  const inputs = shops.map(indexInputs);
  const max = new Array<number>(INDEX_INPUTS.length).fill(0);
  shops.forEach((s, i) => {
    if (s.bankrupt) return;
    inputs[i]!.forEach((x, j) => {
      if (x > max[j]!) max[j] = x;
    });
  });
  return shops.map((s, i) => {
    if (s.bankrupt) return 0;
    let sum = 0;
    for (let j = 0; j < INDEX_INPUTS.length; j++) {
      if (max[j]! > 0) sum += weights[j]! * (inputs[i]![j]! / max[j]!);
    }
    // Two decimals, so that equal inputs compare equal whatever the float noise.
    return Math.round(sum * 10000) / 100;
  });
}
