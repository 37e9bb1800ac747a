/**
 * Brand builder: prices above the reference (within the cap), invests in decoration, media,
 * charity and certification, thanks its loyal customers with a coupon, and never presells, so it
 * does not breach by its own choice and its review score and city influence grow.
 */
import { emptyRound } from '../../scenario/load';
import { hasMarket, listEverywhere, planRestock, searchPlan, staffAgents } from './common';
import { referenceFen, type BotView } from './view';
import type { RoundDecision } from '../../engine';

export function brand(view: BotView): RoundDecision {
  const { world, me } = view;
  const d = emptyRound();
  d.listings = listEverywhere(view, (c, p) => Math.round(referenceFen(view, c, p) * 1.08), false);
  d.restock = planRestock(view, { ambition: 0.9, reserveFen: 400000 }, (c, p) => hasMarket(view, c, p));
  const rich = me.cashFen > 1500000;
  d.marketing = {
    decorationFen: rich ? 150000 : 50000,
    mediaFen: rich ? 150000 : 50000,
    charityFen: rich ? 50000 : 0,
    iso: me.cashFen > world.rules.isoCostFen + 1000000,
    iec: view.round >= 2 && me.cashFen > world.rules.iecCostFen + 1000000,
  };
  // From round 2 it thanks its loyal customers (忠诚客户) with a coupon: 5% of a typical price off.
  if (view.round >= 2) {
    let sum = 0;
    let n = 0;
    for (const l of d.listings) if (l.listing) (sum += l.listing.priceFen), n++;
    const mean = n > 0 ? sum / n : 0;
    const threshold = Math.floor(mean / 100) * 100;
    const amount = Math.max(100, Math.round((mean * 0.05) / 100) * 100);
    if (threshold >= 200 && amount <= threshold - 100) {
      d.promotions = [{ type: 'coupon', amountFen: amount, thresholdFen: threshold, quantity: 50, target: 'loyal', fromTick: 1, toTick: world.ticksPerRound }];
    }
  }
  // Reputation first: agents to spare (time left over amends bad reviews) and a surprise gift in
  // the orders of its first product, worth 2% of its unit cost.
  if (world.rules.service) {
    const gift = world.products[0]!;
    d.service = { agents: staffAgents(view, 1.5), surpriseGift: { product: 0, unitCostFen: Math.max(1, Math.round(gift.unitCostFen * 0.02)), announced: false } };
  }
  // Search: full titles and an ad at 6% of the reference price, up to 5% of cash a round.
  const search = searchPlan(view, 0.06, 0.05);
  if (search) d.search = search;
  return d;
}
