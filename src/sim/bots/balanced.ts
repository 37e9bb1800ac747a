/** Balanced: a little under the reference price everywhere, steady stock, modest marketing. */
import { emptyRound } from '../../scenario/load';
import { hasMarket, listEverywhere, planRestock, searchPlan, staffAgents } from './common';
import { referenceFen, type BotView } from './view';
import type { RoundDecision } from '../../engine';

export function balanced(view: BotView): RoundDecision {
  const d = emptyRound();
  // A seeded nudge of ±3% keeps balanced bots from pricing identically.
  d.listings = listEverywhere(view, (c, p) => Math.round(referenceFen(view, c, p) * (0.93 + 0.06 * view.rng.next())), false);
  d.restock = planRestock(view, { ambition: 1.1, reserveFen: 200000 }, (c, p) => hasMarket(view, c, p));
  const spare = view.me.cashFen > 1000000 ? 50000 : 0;
  d.marketing = { decorationFen: spare, mediaFen: spare, charityFen: 0, iso: false, iec: false };
  // Enough agents for the inquiries it expects.
  if (view.world.rules.service) d.service = { agents: staffAgents(view, 1.25) };
  // Search: full titles and a modest ad at 2% of the reference price, up to 2% of cash a round.
  const search = searchPlan(view, 0.02, 0.02);
  if (search) d.search = search;
  return d;
}
