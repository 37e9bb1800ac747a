/**
 * Undercutter: prices one yuan under the cheapest rival (never below cost plus a thin margin),
 * stocks for a large share of the market and presells restock in transit, so it can breach.
 */
import { emptyRound } from '../../scenario/load';
import { hasMarket, listEverywhere, planRestock, staffAgents } from './common';
import { lowestRival, referenceFen, type BotView } from './view';
import type { RoundDecision } from '../../engine';

export function undercut(view: BotView): RoundDecision {
  const { world } = view;
  const d = emptyRound();
  d.listings = listEverywhere(
    view,
    (c, p) => {
      const floor = Math.ceil(world.products[p]!.unitCostFen * 1.15) + world.carrierFeeFen[c * world.cities.length + c]!;
      const rival = lowestRival(view, c, p);
      const aim = rival === null ? Math.round(referenceFen(view, c, p) * 0.85) : rival - 100;
      return Math.max(floor, aim);
    },
    true,
  );
  d.restock = planRestock(view, { ambition: 1.6, reserveFen: 300000 }, (c, p) => hasMarket(view, c, p));
  // Saves on wages: half the agents its inquiries need.
  if (world.rules.service) d.service = { agents: staffAgents(view, 0.5) };
  return d;
}
