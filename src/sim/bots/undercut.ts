/**
 * Undercutter: prices one yuan under the cheapest rival (never below cost plus a thin margin),
 * stocks for a large share of the market and presells restock in transit, so it can breach.
 */
import { emptyRound } from '../../scenario/load';
import { planRestock } from './common';
import { capFen, lowestRival, referenceFen, tidyPrice, type BotView } from './view';
import type { RoundDecision } from '../../engine';

export function undercut(view: BotView): RoundDecision {
  const { world } = view;
  const d = emptyRound();
  const P = world.products.length;
  const sells = (c: number, p: number) => world.products[p]!.referencePriceFen[c]! > 0;
  for (let c = 0; c < world.cities.length; c++) {
    for (let p = 0; p < P; p++) {
      if (!sells(c, p)) continue;
      const floor = Math.ceil(world.products[p]!.unitCostFen * 1.15) + world.carrierFeeFen[c * world.cities.length + c]!;
      const rival = lowestRival(view, c, p);
      const aim = rival === null ? Math.round(referenceFen(view, c, p) * 0.85) : rival - 100;
      const priceFen = tidyPrice(Math.min(capFen(view, c, p), Math.max(floor, aim)));
      d.listings.push({ city: c, product: p, listing: { priceFen, shippingFen: 0, sellerPaysShipping: true, presale: true } });
    }
  }
  d.restock = planRestock(view, { ambition: 1.6, reserveFen: 100000 }, sells);
  return d;
}
