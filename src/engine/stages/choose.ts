/**
 * Choose (collect, course §4): every crowd ranks what it saw, against the tick's snapshot and
 * for each wanted quantity, once for all its buyers of the tick. Crowds that compare every offer
 * rank them all; the others rank the first results of the page they searched, keeping each
 * result's chance to be opened and its ad. Returning potential customers rank apart when a
 * coupon aimed at them is in force. A page's rankings are made only for the crowds some buyer of
 * the tick searched it with (no other is read).
 */
import { copyInto, type Offer } from '../crowds/offer';
import type { CityMarket, ProductMarket } from '../market';
import { COMPOSITE, CROWD_COUNT, HESITANT } from '../model';
import { CROWD_SHIFT, PAGE_MASK, PAGE_SHIFT, RETURNING } from './buyers';

/** In ProductMarket.wanted: a returning potential customer who ranks apart (a coupon aimed at them is in force). */
export const WANTED_RETURNING = 1 << 7;

export function choose(m: ProductMarket): void {
  const { world, P, p, counts, returning } = m;
  const pages = m.pagesPerCity;
  const wanted = markWanted(m);
  for (let c = 0; c < m.C; c++) {
    const city = m.cities[c]!;
    const dist = world.demand[c * P + p]!.quantities;
    const nQ = dist.length;
    // Search's tie-break is the composite ranking of every offer for the first quantity.
    m.sharedCount = 0;
    if (city.tie !== undefined) {
      m.sharedQ[0] = city.tieQ;
      m.shared[0] = city.tie;
      m.sharedCount = 1;
    }
    for (let k = 0; k < CROWD_COUNT; k++) {
      if (m.depths[k] === Infinity) {
        if (counts[c * CROWD_COUNT + k] === 0) continue;
        for (let qi = 0; qi < nQ; qi++) rankFor(m, city, k, -1, dist[qi]!.quantity, qi * CROWD_COUNT + k, false);
        continue;
      }
      // Only the pages some buyer of this crowd searched: no other ranking of them is read.
      for (let page = 0; page < pages; page++) {
        if ((wanted[c * pages + page]! & (1 << k)) === 0) continue;
        for (let qi = 0; qi < nQ; qi++) rankFor(m, city, k, page, dist[qi]!.quantity, (page * nQ + qi) * CROWD_COUNT + k, false);
      }
    }
    if (city.potentialCoupon && returning[c]! > 0) {
      const base = pages * nQ * CROWD_COUNT;
      for (let page = 0; page < pages; page++) {
        if ((wanted[c * pages + page]! & WANTED_RETURNING) === 0) continue;
        for (let qi = 0; qi < nQ; qi++) rankFor(m, city, HESITANT, page, dist[qi]!.quantity, base + page * nQ + qi, true);
      }
    }
  }
}

/**
 * Which rankings of each city and results page the tick's searching buyers will read (allocate
 * picks a buyer's ranking by its city, crowd and page, and by the quantity it draws then: every
 * quantity's ranking of a wanted page is made).
 */
function markWanted(m: ProductMarket): Uint8Array {
  const wanted = m.wanted;
  wanted.fill(0);
  const pages = m.pagesPerCity;
  const codes = m.buyers;
  const depths = m.depths;
  for (let b = 0; b < m.n; b++) {
    const code = codes[b]!;
    const k = (code >> CROWD_SHIFT) & 7;
    if (depths[k] === Infinity) continue;
    const c = code & 0xff;
    const at = c * pages + ((code >> PAGE_SHIFT) & PAGE_MASK);
    wanted[at] = wanted[at]! | ((code & RETURNING) !== 0 && m.cities[c]!.potentialCoupon ? WANTED_RETURNING : 1 << k);
  }
  return wanted;
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
  for (let i = 0; i < m.sharedCount; i++) if (m.sharedQ[i] === q) return m.shared[i]!;
  const ranking = m.crowds[COMPOSITE]!.rank(seen, m.rankContext, (city.pool.rankings[key] ??= []));
  m.sharedQ[m.sharedCount] = q;
  m.shared[m.sharedCount++] = ranking;
  return ranking;
}
