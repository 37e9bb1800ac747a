/** Balanced: a little under the reference price everywhere, steady stock, modest marketing. */
import { emptyRound } from '../../scenario/load';
import { planRestock } from './common';
import { capFen, referenceFen, tidyPrice, type BotView } from './view';
import type { RoundDecision } from '../../engine';

export function balanced(view: BotView): RoundDecision {
  const { world } = view;
  const d = emptyRound();
  const P = world.products.length;
  const sells = (c: number, p: number) => world.products[p]!.referencePriceFen[c]! > 0;
  for (let c = 0; c < world.cities.length; c++) {
    for (let p = 0; p < P; p++) {
      if (!sells(c, p)) continue;
      const ref = referenceFen(view, c, p);
      // A seeded nudge of ±3% keeps balanced bots from pricing identically.
      const priceFen = tidyPrice(Math.min(capFen(view, c, p), Math.round(ref * (0.93 + 0.06 * view.rng.next()))));
      d.listings.push({ city: c, product: p, listing: { priceFen, shippingFen: 0, sellerPaysShipping: true, presale: false } });
    }
  }
  d.restock = planRestock(view, { ambition: 1.1, reserveFen: 200000 }, sells);
  const spare = view.me.cashFen > 1000000 ? 50000 : 0;
  d.marketing = { decorationFen: spare, mediaFen: spare, charityFen: 0, iso: false, iec: false };
  return d;
}
