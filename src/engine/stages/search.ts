/**
 * Search (course §7): the order in which a buyer who searches for the product in a city sees the
 * offers. In this engine version the search order is the composite ranking (index, review score,
 * lower price) for the wanted quantity. Crowds that look only at the first results (see each
 * crowd's `searchDepth`) choose among those; the others compare every offer.
 */
import { composite } from '../crowds/composite';
import type { ProductMarket } from '../market';
import { CROWD_COUNT } from '../model';

export function search(m: ProductMarket): void {
  const { world, P, p, crowds, counts, returning } = m;
  for (let c = 0; c < m.C; c++) {
    let searchers = returning[c]!;
    for (let k = 0; k < CROWD_COUNT; k++) if (crowds[k]!.searchDepth !== Infinity) searchers += counts[c * CROWD_COUNT + k]!;
    if (searchers === 0) continue;
    const city = m.cities[c]!;
    const dist = world.demand[c * P + p]!.quantities;
    for (let qi = 0; qi < dist.length; qi++) {
      city.searchOrder[qi] = composite.rank(city.offers, { quantity: dist[qi]!.quantity, referenceFen: city.referenceFen, capFen: city.capFen });
    }
  }
}
