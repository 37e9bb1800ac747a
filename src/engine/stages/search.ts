/**
 * Search (course §7): the results page each searched keyword shows in each city, for the pages
 * that have searchers this tick.
 * - Organic order by SEO score = relevance × title match × relevanceWeight (0.4) + product
 *   performance × performanceWeight (0.06) [course]; ties by the composite ranking (index,
 *   review score, lower price), then the round's seeded shop order.
 * - On a page with paid slots (直通车), the ads ranked by bid × quality score take the top slots;
 *   quality = 0.1 + relevance × (1 + the ad's click-through history). A click costs the next
 *   ad's bid × its quality / own quality + 0.01 yuan, never above the own bid, at least the
 *   lowest bid (generalised second price). A shop in a paid slot is not repeated below it.
 * - Each position has its chance to be opened (the click-through curve); the first organic result
 *   loses some of it when ads are shown above.
 */
import { composite } from '../crowds/composite';
import { copyInto, sortKeys, sortOffers, type Offer } from '../crowds/offer';
import type { CityMarket, ProductMarket, SearchPage } from '../market';

export function search(m: ProductMarket): void {
  const pages = m.pagesPerCity;
  const K = pages >> 1;
  for (let c = 0; c < m.C; c++) {
    const city = m.cities[c]!;
    m.tieCity = -1;
    for (let k = 0; k < K; k++) {
      const organicSearchers = m.pageSearchers[c * pages + k * 2]!;
      const paidSearchers = m.pageSearchers[c * pages + k * 2 + 1]!;
      if (organicSearchers === 0 && paidSearchers === 0) continue;
      // A keyword's organic order is the same on its page with and without paid slots.
      organicOrder(m, city, c, k);
      if (organicSearchers > 0) city.pages[k * 2] = buildPage(m, city, c, k, false);
      if (paidSearchers > 0) city.pages[k * 2 + 1] = buildPage(m, city, c, k, true);
    }
  }
}

/** The city's offers in keyword k's organic order, into m.organic. */
function organicOrder(m: ProductMarket, city: CityMarket, c: number, k: number): void {
  const { world, p } = m;
  const rules = world.rules.search;
  const K = world.keywords.length;
  const relevance = world.keywords[k]!.relevance[p]!;
  // The tie-break, the composite ranking, is the same for every keyword of the city.
  const tieRank = m.tieRank;
  if (m.tieCity !== c) {
    const q = world.demand[c * m.P + p]!.quantities[0]!.quantity;
    // Kept with the city: the composite crowd's ranking of a page that shows every offer (choose).
    const tie = composite.rank(city.offers, { quantity: q, referenceFen: city.referenceFen, capFen: city.capFen }, city.pool.tie);
    for (let i = 0; i < tie.length; i++) tieRank[tie[i]!.shop] = i;
    city.tie = tie;
    city.tieQ = q;
    m.tieCity = c;
  }
  // By SEO score (higher first), then the tie-break.
  const { k1, k2, k3 } = sortKeys(city.offers);
  for (const o of city.offers) {
    const shop = m.shops[o.shop]!;
    let match = 0;
    if (world.keywordsImplicit) match = rules.matchScores[0];
    else for (const t of shop.search.titles[p]!) match = Math.max(match, m.similarity[t * K + k]!);
    k1[o.shop] = -(relevance * match * rules.relevanceWeight + shop.search.performance[p]! * rules.performanceWeight);
    k2[o.shop] = tieRank[o.shop]!;
    k3[o.shop] = 0;
  }
  sortOffers(copyInto(city.offers, m.organic));
}

/** The results page of keyword k in city c, with paid slots or not, from the organic order in m.organic. */
function buildPage(m: ProductMarket, city: CityMarket, c: number, k: number, paid: boolean): SearchPage {
  const { world, p } = m;
  const rules = world.rules.search;
  const K = world.keywords.length;
  const relevance = world.keywords[k]!.relevance[p]!;
  const S = m.S;
  const organic = m.organic;
  // Mean organic position, weighted by this page's searchers.
  const searchers = m.pageSearchers[c * m.pagesPerCity + k * 2 + (paid ? 1 : 0)]!;
  for (let i = 0; i < organic.length; i++) {
    const l = m.shops[organic[i]!.shop]!.ledger.search;
    l.rankSum[c * m.P + p]! += (i + 1) * searchers;
    l.rankCount[c * m.P + p]! += searchers;
  }

  const pageIx = k * 2 + (paid ? 1 : 0);
  let page = city.pool.pages[pageIx];
  if (page === undefined) {
    page = { order: [], attention: new Float64Array(S), ad: new Int32Array(S), cpcFen: new Int32Array(S), posOf: new Int32Array(S) };
    city.pool.pages[pageIx] = page;
  }
  const { order, attention, ad } = page;
  const cpc = page.cpcFen;
  let n = 0;
  if (paid) {
    const bids = m.bids;
    if (bids.length > 0) bids.length = 0;
    for (const o of city.offers) {
      const srch = m.shops[o.shop]!.search;
      let best = -1;
      for (let i = 0; i < srch.ads.length; i++) {
        const a = srch.ads[i]!;
        if (a.product !== p || a.keyword !== k || srch.spentToday[i]! >= a.dailyBudgetFen) continue;
        if (a.cities && !a.cities.includes(c)) continue;
        if (best < 0 || a.bidFen > srch.ads[best]!.bidFen) best = i;
      }
      if (best < 0) continue;
      const bid = (m.bidPool[bids.length] ??= { o, ad: 0, bid: 0, quality: 0 });
      bid.o = o;
      bid.ad = best;
      bid.bid = srch.ads[best]!.bidFen;
      bid.quality = 0.1 + relevance * (1 + srch.adCtr[p * K + k]!);
      bids.push(bid);
    }
    bids.sort((a, b) => b.bid * b.quality - a.bid * a.quality || a.o.shuffleRank - b.o.shuffleRank);
    const slots = Math.min(rules.paidSlots, bids.length);
    for (let i = 0; i < slots; i++) {
      const me = bids[i]!;
      const next = bids[i + 1];
      const price = next ? Math.floor((next.bid * next.quality) / me.quality + 0.5) + 1 : rules.minBidFen;
      ad[n] = me.ad;
      cpc[n] = Math.max(1, Math.min(me.bid, price));
      attention[n] = rules.paidAttention[i] ?? rules.paidAttention[rules.paidAttention.length - 1]!;
      order[n++] = me.o;
    }
  }
  const adsAbove = n > 0;
  const paidCount = n;
  let pos = 0;
  for (const o of organic) {
    if (adsAbove && isAmong(order, paidCount, o)) continue;
    let a = rules.organicAttention[pos] ?? rules.organicTailAttention;
    if (pos === 0 && adsAbove) a *= rules.firstOrganicWithAds;
    ad[n] = -1;
    cpc[n] = 0;
    attention[n] = a;
    order[n++] = o;
    pos++;
  }
  if (order.length !== n) order.length = n;
  const posOf = page.posOf;
  posOf.fill(-1);
  for (let i = 0; i < order.length; i++) posOf[order[i]!.shop] = i;
  return page;
}

function isAmong(order: readonly Offer[], n: number, o: Offer): boolean {
  for (let i = 0; i < n; i++) if (order[i] === o) return true;
  return false;
}
