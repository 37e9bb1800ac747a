/**
 * Brand builder: prices above the reference (within the cap), invests in decoration, media,
 * charity and certification, ships only from the buyer's own city and never presells, so it never
 * breaches and its review score and city influence only grow.
 */
import { emptyRound } from '../../scenario/load';
import { planRestock } from './common';
import { capFen, referenceFen, tidyPrice, type BotView } from './view';
import type { RoundDecision } from '../../engine';

export function brand(view: BotView): RoundDecision {
  const { world, me } = view;
  const d = emptyRound();
  const P = world.products.length;
  const sells = (c: number, p: number) => world.products[p]!.referencePriceFen[c]! > 0;
  for (let c = 0; c < world.cities.length; c++) {
    for (let p = 0; p < P; p++) {
      if (!sells(c, p)) continue;
      const priceFen = tidyPrice(Math.min(capFen(view, c, p), Math.round(referenceFen(view, c, p) * 1.08)));
      d.listings.push({ city: c, product: p, listing: { priceFen, shippingFen: 0, sellerPaysShipping: true, presale: false } });
    }
  }
  d.restock = planRestock(view, { ambition: 0.9, reserveFen: 400000 }, sells);
  const rich = me.cashFen > 1500000;
  d.marketing = {
    decorationFen: rich ? 150000 : 50000,
    mediaFen: rich ? 150000 : 50000,
    charityFen: rich ? 50000 : 0,
    iso: me.cashFen > world.rules.isoCostFen + 1000000,
    iec: view.round >= 2 && me.cashFen > world.rules.iecCostFen + 1000000,
  };
  return d;
}
