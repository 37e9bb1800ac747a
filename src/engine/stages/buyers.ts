/**
 * Buyers (course §4): how many buyers of each city and crowd come for the product this tick
 * (the round's demand spread over its ticks, times any event), which potential customers come
 * back, and all of them in one seeded order. Buyers who search (composite-score, hesitant and
 * returning potential customers) are split over the keywords that find the product, in proportion
 * to search volume × relevance, and each keyword's searchers between a page with paid slots
 * (rules.search.paidShare, when some ad can show) and one without; the split is by largest
 * remainder, so it draws nothing. A buyer is a code: city in bits 0–7, crowd in 8–10, the shop it
 * is a fan of + 1 in 11–20, its results page in 21–28, bit 30 for a returning potential customer.
 */
import { eventMultiplier, spread } from '../demand';
import type { ProductMarket } from '../market';
import { BRAND_LOYAL, COMPOSITE, CROWD_COUNT, HESITANT } from '../model';
import { potentialCouponInForce } from '../promotions/round';

export const CROWD_SHIFT = 8;
export const FAN_SHIFT = 11;
export const FAN_MASK = 0x3ff;
export const PAGE_SHIFT = 21;
export const PAGE_MASK = 0xff;
export const RETURNING = 1 << 30;

/** Returns false when nobody comes for the product this tick (its market then has nothing to do). */
export function buyers(m: ProductMarket): boolean {
  const { ctx, world, p, P, C, S, counts, returning } = m;
  const state = ctx.state;
  const T = world.ticksPerRound;
  const i = ctx.tick - ctx.startTick;
  const rules = world.rules;
  const choice = ctx.rng.choice;
  const promos = m.promos;

  let total = 0;
  for (let c = 0; c < C; c++) {
    const cell = c * P + p;
    for (let k = 0; k < CROWD_COUNT; k++) {
      const base = spread(state.roundDemand[cell * CROWD_COUNT + k]!, i, T);
      const n = world.events.length ? Math.floor(base * eventMultiplier(world.events, ctx.tick, c, p, k) + 0.5) : base;
      counts[c * CROWD_COUNT + k] = n;
      total += n;
    }
    returning[c] = 0;
    const pool = state.potential[cell]!;
    if (pool > 0) {
      let returnP = rules.hesitant.returnProbability;
      // A coupon aimed at potential customers brings more of them back (course §4).
      if (promos && potentialCouponInForce(promos, cell, i + 1)) returnP = Math.max(returnP, promos.rules.couponReturnProbability);
      const back = Math.min(pool, Math.floor(pool * returnP + choice.next()));
      state.potential[cell] = pool - back;
      returning[c] = back;
      total += back;
    }
  }
  // Customers a coupon aimed at them brought back come for this product today (course §9).
  const back = ctx.couponReturns ? ctx.couponReturns.byTickProduct[i * P + p]! : null;
  if (back) total += back.length / 4;
  if (total === 0) return false;

  if (m.buyers.length < total) m.buyers = new Int32Array(total * 2);
  if (m.customerIds.length < m.buyers.length) {
    m.customerIds = new Int32Array(m.buyers.length);
    m.coupons = new Int32Array(m.buyers.length);
  }
  const codes = m.buyers;
  m.pageSearchers.fill(0);
  markAds(m);
  const ids = m.customerIds;
  const coupons = m.coupons;
  let n = 0;
  for (let c = 0; c < C; c++) {
    for (let k = 0; k < CROWD_COUNT; k++) {
      let left = counts[c * CROWD_COUNT + k]!;
      state.demandSeen[(c * P + p) * CROWD_COUNT + k]! += left;
      if (k === COMPOSITE || k === HESITANT) {
        n = searchers(m, c, left, c | (k << CROWD_SHIFT), n);
        continue;
      }
      if (k === BRAND_LOYAL) {
        // Fans who rated this shop 4–5 come back to it first (shops in the round's seeded order).
        for (let r = 0; r < S && left > 0; r++) {
          const s = state.shuffle[r]!;
          const due = ctx.fansDue[(s * C + c) * P + p]!;
          if (due === 0) continue;
          const f = Math.min(left, spread(due, i, T));
          for (let j = 0; j < f; j++) codes[n++] = c | (k << CROWD_SHIFT) | ((s + 1) << FAN_SHIFT);
          left -= f;
        }
      }
      for (let j = 0; j < left; j++) codes[n++] = c | (k << CROWD_SHIFT);
    }
    n = searchers(m, c, returning[c]!, c | (HESITANT << CROWD_SHIFT) | RETURNING, n);
  }
  coupons.fill(-1, 0, n);
  if (back) {
    // They come back to their shop first, like its fans, with the coupon in hand.
    for (let j = 0; j < back.length; j += 4) {
      const c = back[j + 2]!;
      ids[n] = back[j + 1]!;
      coupons[n] = back[j + 3]!;
      codes[n++] = c | (BRAND_LOYAL << CROWD_SHIFT) | ((back[j]! + 1) << FAN_SHIFT);
      state.demandSeen[(c * P + p) * CROWD_COUNT + BRAND_LOYAL]!++;
      // Counted with the brand-loyal buyers, so that their crowd's ranking exists if they fall back to it.
      counts[c * CROWD_COUNT + BRAND_LOYAL]!++;
    }
  }
  if (back) {
    for (let j = n - 1; j > 0; j--) {
      const r = (choice.next() * (j + 1)) | 0;
      const t = codes[j]!;
      codes[j] = codes[r]!;
      codes[r] = t;
      const id = ids[j]!;
      ids[j] = ids[r]!;
      ids[r] = id;
      const cp = coupons[j]!;
      coupons[j] = coupons[r]!;
      coupons[r] = cp;
    }
  } else {
    // Nobody holds a coupon (all −1) and every customer is drawn below: only the codes move.
    for (let j = n - 1; j > 0; j--) {
      const r = (choice.next() * (j + 1)) | 0;
      const t = codes[j]!;
      codes[j] = codes[r]!;
      codes[r] = t;
    }
  }
  m.n = n;
  // Each buyer is a customer of its city, uniformly; a returning fan is one who bought at that
  // shop (course §9), uniformly among them (the book's known list), or any customer of the city
  // when none has; one draw of the customers stream each.
  const book = state.customers;
  const who = ctx.rng.customers;
  const cityStart = book.cityStart;
  const knownCount = book.knownCount;
  const size = book.size;
  let fans = false;
  for (let b = 0; b < n; b++) {
    if (coupons[b]! >= 0) continue;
    const code = codes[b]!;
    const c = code & 0xff;
    const fan = ((code >> FAN_SHIFT) & FAN_MASK) - 1;
    const known = fan >= 0 ? knownCount[fan * C + c]! : 0;
    const from = cityStart[c]!;
    if (known === 0) ids[b] = from + ((who.next() * (cityStart[c + 1]! - from)) | 0);
    else {
      // A fan: the customer is the j-th who bought at its shop, looked up in the list below.
      ids[b] = -1 - (fan * size + from + ((who.next() * known) | 0));
      fans = true;
    }
  }
  // The lookups in a loop of their own: the book's list of customers is large and read at
  // random places, and this short loop has many of those reads under way at once.
  if (fans) {
    const list = book.known;
    for (let b = 0; b < n; b++) {
      const id = ids[b]!;
      if (id < 0) ids[b] = list[-1 - id]!;
    }
  }
  return true;
}

/** Which keywords some shop's ad may show for in each city this tick (bid set, budget left). */
function markAds(m: ProductMarket): void {
  const K = m.world.keywords.length;
  m.adsShown.fill(false);
  const tick = m.ctx.tick;
  for (const shop of m.shops) {
    if (shop.bankrupt) continue;
    const srch = shop.search;
    if (srch.spentTick !== tick) {
      srch.spentTick = tick;
      srch.spentToday.fill(0);
    }
    srch.ads.forEach((ad, i) => {
      if (ad.product !== m.p || ad.keyword < 0 || srch.spentToday[i]! >= ad.dailyBudgetFen) return;
      if (ad.cities) for (const c of ad.cities) m.adsShown[c * K + ad.keyword] = true;
      else for (let c = 0; c < m.C; c++) m.adsShown[c * K + ad.keyword] = true;
    });
  }
}

/**
 * Writes `count` searching buyers of city c with code `base`, split over results pages by largest
 * remainder (ties: the lower page); returns the new buyer count. Without any keyword that finds the
 * product there, they search its name: page 0.
 */
function searchers(m: ProductMarket, c: number, count: number, base: number, n: number): number {
  if (count === 0) return n;
  const world = m.world;
  const pages = m.pagesPerCity;
  const share = world.rules.search.paidShare;
  const codes = m.buyers;
  // Only the keywords that find the product here: the others' exact shares are 0, and a page with
  // share 0 neither adds to the total nor gets a searcher (the remainders to hand out always
  // include one of at least 1 / pages, which beats a 0).
  const kws = m.searchKeywords[c * m.P + m.p]!;
  let total = 0;
  for (let i = 0; i < kws.length; i++) {
    const kw = world.keywords[kws[i]!]!;
    total += kw.volume[c]! * kw.relevance[m.p]!;
  }
  if (total <= 0) {
    for (let j = 0; j < count; j++) codes[n++] = base;
    m.pageSearchers[c * pages]! += count;
    return n;
  }
  // Exact shares, floors, then one more to the largest remainders.
  const floors = m.pageFloors;
  const rest = m.pageRest;
  let given = 0;
  for (let i = 0; i < kws.length; i++) {
    const k = kws[i]!;
    const kw = world.keywords[k]!;
    const exact = (count * kw.volume[c]! * kw.relevance[m.p]!) / total;
    const paid = m.adsShown[c * world.keywords.length + k] ? exact * share : 0;
    for (let x = 0; x < 2; x++) {
      const part = x === 0 ? exact - paid : paid;
      const f = Math.floor(part + 1e-9);
      floors[k * 2 + x] = f;
      rest[k * 2 + x] = part - f;
      given += f;
    }
  }
  while (given < count) {
    // The largest remainder; ties: the lower page.
    let best = kws[0]! * 2;
    for (let i = 0; i < kws.length; i++) {
      for (let x = 0; x < 2; x++) {
        const page = kws[i]! * 2 + x;
        if (rest[page]! > rest[best]! + 1e-12) best = page;
      }
    }
    floors[best]!++;
    rest[best] = -1;
    given++;
  }
  for (let i = 0; i < kws.length; i++) {
    for (let x = 0; x < 2; x++) {
      const page = kws[i]! * 2 + x;
      const f = floors[page]!;
      if (f === 0) continue;
      m.pageSearchers[c * pages + page]! += f;
      m.ctx.state.keywordStats[page >> 1]!.searches += f;
      const code = base | (page << PAGE_SHIFT);
      for (let j = 0; j < f; j++) codes[n++] = code;
    }
  }
  return n;
}
