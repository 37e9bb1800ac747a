/**
 * Choose (collect, course §4): every crowd ranks what it saw, against the tick's snapshot and
 * for each wanted quantity, once for all its buyers of the tick. Crowds that compare every offer
 * rank them all; the others rank the search results they look at. Returning potential customers
 * rank apart when a coupon aimed at them is in force.
 */
import type { RankContext } from '../crowds/offer';
import type { CityMarket, ProductMarket } from '../market';
import { CROWD_COUNT, HESITANT } from '../model';

export function choose(m: ProductMarket): void {
  const { world, P, p, counts, returning } = m;
  for (let c = 0; c < m.C; c++) {
    const city = m.cities[c]!;
    const dist = world.demand[c * P + p]!.quantities;
    for (let k = 0; k < CROWD_COUNT; k++) {
      if (counts[c * CROWD_COUNT + k] === 0 && !(k === HESITANT && returning[c]! > 0)) continue;
      for (let qi = 0; qi < dist.length; qi++) rankFor(m, city, k, qi, dist[qi]!.quantity, qi * CROWD_COUNT + k, false);
    }
    if (city.potentialCoupon && returning[c]! > 0) {
      for (let qi = 0; qi < dist.length; qi++) rankFor(m, city, HESITANT, qi, dist[qi]!.quantity, dist.length * CROWD_COUNT + qi, true);
    }
  }
}

function rankFor(m: ProductMarket, city: CityMarket, k: number, qi: number, q: number, key: number, returning: boolean): void {
  const crowd = m.crowds[k]!;
  const rctx: RankContext = { quantity: q, referenceFen: city.referenceFen, capFen: city.capFen, returning };
  const ranking = crowd.rank(crowd.searchDepth === Infinity ? city.offers : city.searchOrder[qi]!, rctx);
  city.rankings[key] = ranking;
  if (k === HESITANT) {
    // Utilities depend on the quantity: keep this ranking's own copy.
    city.utilities[key] = Float64Array.from(ranking, (o) => o.utility);
    city.weights[key] = Float64Array.from(ranking, (o) => o.weight);
  }
}
