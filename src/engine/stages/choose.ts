/**
 * Choose (collect, course §4): every crowd ranks what it saw, against the tick's snapshot and
 * for each wanted quantity, once for all its buyers of the tick. Crowds that compare every offer
 * rank them all; the others rank the first results of the page they searched, keeping each
 * result's chance to be opened and its ad. Returning potential customers rank apart when a
 * coupon aimed at them is in force.
 * A ranking is made when the first buyer who reads it comes (allocate calls makeRanking), so none is
 * made that no buyer reads. When it is made does not matter: a ranking reads only what the
 * snapshot fixed for the tick (prices, review scores, influence, index, conversion, and the
 * promotions as they stood when the offers were taken: transactionFen), never the stock or the
 * flash-sale units and coupons that earlier buyers of the tick have taken.
 */
import { copyInto, type Offer } from '../crowds/offer';
import type { CityMarket, ProductMarket } from '../market';
import { COMPOSITE, HESITANT } from '../model';

/** Readies each city for its rankings: search's composite tie-break ranking is reused where it fits. */
export function choose(m: ProductMarket): void {
  for (let c = 0; c < m.C; c++) {
    const city = m.cities[c]!;
    // Search's tie-break is the composite ranking of every offer for the first quantity.
    city.sharedCount = 0;
    if (city.tie !== undefined) {
      city.sharedQ[0] = city.tieQ;
      city.shared[0] = city.tie;
      city.sharedCount = 1;
    }
  }
}

/**
 * Makes the ranking under `key` of city c (crowd k, results page `page` or -1, the qi-th wanted
 * quantity; `returning`: a returning potential customer's own, when a coupon aimed at them is in
 * force) for the first buyer of the tick who reads it, and returns it.
 */
export function makeRanking(m: ProductMarket, city: CityMarket, c: number, key: number, k: number, page: number, qi: number, returning: boolean): Offer[] {
  rankFor(m, city, k, page, m.world.demand[c * m.P + m.p]!.quantities[qi]!.quantity, key, returning);
  return city.rankings[key]!;
}

function rankFor(m: ProductMarket, city: CityMarket, k: number, page: number, q: number, key: number, returning: boolean): void {
  const crowd = m.crowds[k]!;
  const rctx = m.rankContext;
  rctx.quantity = q;
  rctx.referenceFen = city.referenceFen;
  rctx.capFen = city.capFen;
  rctx.returning = returning;
  // Within this city's tick an offer's hesitant utility depends only on the quantity and the flag.
  rctx.cacheKey = q * 2 + (returning ? 1 : 0);
  const results = page < 0 ? undefined : city.pages[page]!;
  let seen: readonly Offer[] = city.offers;
  if (results) {
    seen = copyInto(results.order, m.pageSeen, m.depths[k]);
  }
  // Buffers of this key, kept from tick to tick (typed arrays with room for every shop).
  const pool = city.pool;
  let ranking: Offer[];
  if (k === COMPOSITE && results && city.offers.length <= m.depths[k]!) {
    // A page lists every offer of the city once, and this crowd sees the whole page: its ranking
    // (a total order, whatever the page's order) is the same on every page for the quantity.
    ranking = sharedComposite(m, city, seen, q, key);
  } else ranking = crowd.rank(seen, rctx, (pool.rankings[key] ??= []));
  city.rankings[key] = ranking;
  city.used[city.usedCount++] = key;
  const n = ranking.length;
  if (results) {
    const attention = (pool.attention[key] ??= new Float64Array(m.S));
    const adOf = (pool.adOf[key] ??= new Int32Array(m.S));
    const cpcOf = (pool.cpcOf[key] ??= new Int32Array(m.S));
    for (let j = 0; j < n; j++) {
      const at = results.posOf[ranking[j]!.shop]!;
      attention[j] = results.attention[at]!;
      adOf[j] = results.ad[at]!;
      cpcOf[j] = results.cpcFen[at]!;
    }
    city.attention[key] = attention;
    city.adOf[key] = adOf;
    city.cpcOf[key] = cpcOf;
  }
  if (k === HESITANT) {
    // Utilities depend on the quantity: keep this ranking's own copy. A result is chosen by its
    // weight times its chance of being opened.
    const attention = city.attention[key];
    const utilities = (pool.utilities[key] ??= new Float64Array(m.S));
    const weights = (pool.weights[key] ??= new Float64Array(m.S));
    for (let j = 0; j < n; j++) {
      const o = ranking[j]!;
      utilities[j] = o.utility;
      weights[j] = o.weight * (attention ? attention[j]! : 1);
    }
    city.utilities[key] = utilities;
    city.weights[key] = weights;
  }
}

/** The composite ranking of all the city's offers for quantity q, made once per city and tick. */
function sharedComposite(m: ProductMarket, city: CityMarket, seen: readonly Offer[], q: number, key: number): Offer[] {
  for (let i = 0; i < city.sharedCount; i++) if (city.sharedQ[i] === q) return city.shared[i]!;
  const ranking = m.crowds[COMPOSITE]!.rank(seen, m.rankContext, (city.pool.rankings[key] ??= []));
  city.sharedQ[city.sharedCount] = q;
  city.shared[city.sharedCount++] = ranking;
  return ranking;
}
