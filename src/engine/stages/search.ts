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
import type { Offer } from '../crowds/offer';
import type { CityMarket, ProductMarket, SearchPage } from '../market';

export function search(m: ProductMarket): void {
  const pages = m.pagesPerCity;
  for (let c = 0; c < m.C; c++) {
    const city = m.cities[c]!;
    for (let page = 0; page < pages; page++) {
      if (m.pageSearchers[c * pages + page]! === 0) continue;
      city.pages[page] = buildPage(m, city, c, page >> 1, (page & 1) === 1);
    }
  }
}

function buildPage(m: ProductMarket, city: CityMarket, c: number, k: number, paid: boolean): SearchPage {
  const { world, p } = m;
  const rules = world.rules.search;
  const K = world.keywords.length;
  const relevance = world.keywords[k]!.relevance[p]!;
  const S = m.S;
  const score = new Float64Array(S);
  for (const o of city.offers) {
    const shop = m.shops[o.shop]!;
    let match = 0;
    if (world.keywordsImplicit) match = rules.matchScores[0];
    else for (const t of shop.search.titles[p]!) match = Math.max(match, m.similarity[t * K + k]!);
    score[o.shop] = relevance * match * rules.relevanceWeight + shop.search.performance[p]! * rules.performanceWeight;
  }
  const q = world.demand[c * m.P + p]!.quantities[0]!.quantity;
  const tie = composite.rank(city.offers, { quantity: q, referenceFen: city.referenceFen, capFen: city.capFen });
  const tieRank = new Int32Array(S);
  tie.forEach((o, i) => (tieRank[o.shop] = i));
  const organic = city.offers.slice().sort((a, b) => score[b.shop]! - score[a.shop]! || tieRank[a.shop]! - tieRank[b.shop]!);
  // Mean organic position, weighted by this page's searchers.
  const searchers = m.pageSearchers[c * m.pagesPerCity + k * 2 + (paid ? 1 : 0)]!;
  organic.forEach((o, i) => {
    const l = m.shops[o.shop]!.ledger.search;
    l.rankSum[c * m.P + p]! += (i + 1) * searchers;
    l.rankCount[c * m.P + p]! += searchers;
  });

  const order: Offer[] = [];
  const ad: number[] = [];
  const cpc: number[] = [];
  const attention: number[] = [];
  if (paid) {
    const bids: { o: Offer; ad: number; bid: number; quality: number }[] = [];
    for (const o of city.offers) {
      const srch = m.shops[o.shop]!.search;
      let best = -1;
      srch.ads.forEach((a, i) => {
        if (a.product !== p || a.keyword !== k || srch.spentToday[i]! >= a.dailyBudgetFen) return;
        if (a.cities && !a.cities.includes(c)) return;
        if (best < 0 || a.bidFen > srch.ads[best]!.bidFen) best = i;
      });
      if (best < 0) continue;
      const quality = 0.1 + relevance * (1 + srch.adCtr[p * K + k]!);
      bids.push({ o, ad: best, bid: srch.ads[best]!.bidFen, quality });
    }
    bids.sort((a, b) => b.bid * b.quality - a.bid * a.quality || a.o.shuffleRank - b.o.shuffleRank);
    const slots = Math.min(rules.paidSlots, bids.length);
    for (let i = 0; i < slots; i++) {
      const me = bids[i]!;
      const next = bids[i + 1];
      const price = next ? Math.floor((next.bid * next.quality) / me.quality + 0.5) + 1 : rules.minBidFen;
      order.push(me.o);
      ad.push(me.ad);
      cpc.push(Math.max(1, Math.min(me.bid, price)));
      attention.push(rules.paidAttention[i] ?? rules.paidAttention[rules.paidAttention.length - 1]!);
    }
  }
  const adsAbove = order.length > 0;
  let pos = 0;
  for (const o of organic) {
    if (adsAbove && order.includes(o)) continue;
    let a = rules.organicAttention[pos] ?? rules.organicTailAttention;
    if (pos === 0 && adsAbove) a *= rules.firstOrganicWithAds;
    order.push(o);
    ad.push(-1);
    cpc.push(0);
    attention.push(a);
    pos++;
  }
  const posOf = new Int32Array(S).fill(-1);
  order.forEach((o, i) => (posOf[o.shop] = i));
  return { order, attention: Float64Array.from(attention), ad: Int32Array.from(ad), cpcFen: Int32Array.from(cpc), posOf };
}
