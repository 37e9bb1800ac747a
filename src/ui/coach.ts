/**
 * The coach: after a round, the three suggestions worth most, each from the round's own numbers
 * (sell-outs and the sales they cost, stock against the round's pace and what restocking costs
 * against the cash, listings without stock, prices that lost the low-price crowd, a rival's review
 * score or price where it outsold the student, the position in search, hesitant buyers who did not
 * buy, unsold stock, promotions that returned less than they gave, slow delivery, a low composite
 * index, cash, and the row that earned most as the last filler).
 * At the end, a debrief: the student's game against the winner's, round by round, and the three
 * rounds whose decisions moved the gap most, with what differed.
 *
 * Pure: reads the session's states and the round's flows; the screens translate the result.
 */
import { BRAND_LOYAL, COMPOSITE, CROWD_COUNT, HESITANT, LOST_REASON_COUNT, LOW_PRICE, NO_PURCHASE, TOO_SLOW, type RoundDecision, type World } from '../engine';
import { rankShops } from '../sim/scoring';
import { carrierPerUnitFen } from './forecast';
import { decisionsOfRound, flowsOfRound, rowOutcomes } from './outcome';
import type { Session } from './session';
import { meanReview } from './why';

export type Suggestion =
  | { kind: 'soldOut'; c: number; p: number; day: number; perDay: number; missed: number; impactFen: number }
  | { kind: 'overstock'; p: number; left: number; sold: number; tiedFen: number; impactFen: number }
  | { kind: 'priceLost'; c: number; p: number; rival: number; rivalUnits: number; mineFen: number; rivalFen: number; impactFen: number }
  | { kind: 'belowCost'; c: number; p: number; lossFen: number; units: number; impactFen: number }
  | { kind: 'promoWeak'; type: string; discountFen: number; revenueFen: number; impactFen: number }
  | { kind: 'tooSlow'; c: number; lost: number; impactFen: number }
  | { kind: 'indexLow'; c: number; rival: number; rivalUnits: number; mine: number; theirs: number; impactFen: number }
  | { kind: 'cashLow'; cashFen: number; impactFen: number }
  | { kind: 'stockCover'; p: number; left: number; sold: number; rounds: number; impactFen: number }
  | { kind: 'reviewLow'; c: number; rival: number; rivalUnits: number; mine: number; theirs: number; impactFen: number }
  /** stock against the round's pace: units to restock for the next round, their cost and the cash */
  | { kind: 'restockPlan'; p: number; need: number; perDay: number; left: number; costFen: number; cashFen: number; impactFen: number }
  /** a rival sold far more of a product in a city: its review score and price against the student's */
  | { kind: 'shareLost'; c: number; p: number; buyers: number; mine: number; rival: number; rivalUnits: number; mineReview: number; rivalReview: number; mineFen: number; rivalFen: number; impactFen: number }
  /** listed, but no stock reached the city all round */
  | { kind: 'noStock'; c: number; p: number; buyers: number; impactFen: number }
  /** the product's mean position in search results (hesitant buyers see only the first few) */
  | { kind: 'searchLow'; c: number; p: number; rank: number; impressions: number; clicks: number; impactFen: number }
  /** hesitant buyers who looked and left without buying (they may come back as potential customers) */
  | { kind: 'noPurchase'; c: number; lost: number; impactFen: number }
  /** the row that earned the most margin: what to keep doing */
  | { kind: 'bestSeller'; c: number; p: number; units: number; marginFen: number; totalFen: number; soldOut: boolean; impactFen: number }
  | { kind: 'keepGoing'; profitFen: number; impactFen: number };

const perUnitMargin = (world: World, priceFen: number, c: number, p: number) => priceFen - world.products[p]!.unitCostFen - carrierPerUnitFen(world, c, p);

/** Suggestions for round `round` (1-based, played), best first; at most `n`. */
export function coachRound(session: Session, round: number, n = 3): Suggestion[] {
  const { world } = session;
  const s = session.player;
  if (s < 0) return [];
  const after = session.states[round]!;
  const report = after.reports[round - 1]!;
  const me = report.shops[s]!;
  const C = world.cities.length;
  const P = world.products.length;
  const S = report.shops.length;
  const T = world.ticksPerRound;
  const rows = rowOutcomes(world, after, flowsOfRound(session, round), s);
  const out: Suggestion[] = [];

  // Sell-outs: the days left at the pace before it ran out.
  for (const r of rows) {
    if (r.sellOutDay === null || !r.listed) continue;
    const missed = Math.round(r.perDay * (T - r.sellOutDay));
    if (missed <= 0) continue;
    const l = me.listings[r.c * P + r.p]!;
    out.push({ kind: 'soldOut', c: r.c, p: r.p, day: r.sellOutDay, perDay: Math.round(r.perDay * 10) / 10, missed, impactFen: missed * Math.max(100, perUnitMargin(world, l.priceFen, r.c, r.p)) });
  }

  // Unsold stock: more than three times what sold of a product (stock ties up cash).
  for (let p = 0; p < P; p++) {
    let left = 0;
    for (let w = 0; w < C; w++) left += after.shops[s]!.stock[w * P + p]!;
    const sold = rows.filter((r) => r.p === p).reduce((a, r) => a + r.units, 0);
    if (left >= 20 && left > 3 * sold) {
      const tiedFen = left * world.products[p]!.unitCostFen;
      out.push({ kind: 'overstock', p, left, sold, tiedFen, impactFen: Math.round(tiedFen / 4) });
    }
  }

  // Stock that will not last another round at this round's pace.
  for (let p = 0; p < P; p++) {
    let left = 0;
    for (let w = 0; w < C; w++) left += after.shops[s]!.stock[w * P + p]!;
    const sold = rows.filter((r) => r.p === p).reduce((a, r) => a + r.units, 0);
    const soldOut = rows.some((r) => r.p === p && r.sellOutDay !== null);
    if (sold >= 10 && !soldOut && left < sold * 1.2 && session.states.length - 1 < world.rounds) {
      const price = rows.filter((r) => r.p === p && r.units > 0).map((r) => me.listings[r.c * P + r.p]?.priceFen ?? 0);
      const margin = Math.max(100, (price.length ? Math.min(...price) : 0) - world.products[p]!.unitCostFen);
      out.push({ kind: 'stockCover', p, left, sold, rounds: Math.round((left / sold) * 10) / 10, impactFen: Math.round((sold * 1.2 - left) * margin) });
    }
  }

  // Selling below cost.
  for (const r of rows) {
    const l = me.listings[r.c * P + r.p];
    if (!l || r.units === 0) continue;
    const m = perUnitMargin(world, l.priceFen + (l.sellerPaysShipping ? 0 : l.shippingFen), r.c, r.p);
    if (m < 0) out.push({ kind: 'belowCost', c: r.c, p: r.p, lossFen: -m, units: r.units, impactFen: -m * r.units });
  }

  // The low-price crowd went to a cheaper rival.
  for (let c = 0; c < C; c++) {
    let best = -1;
    let bestUnits = 0;
    for (let x = 0; x < S; x++) {
      if (x === s) continue;
      const u = report.shops[x]!.soldByCityCrowd[c * CROWD_COUNT + LOW_PRICE]!;
      if (u > bestUnits) {
        bestUnits = u;
        best = x;
      }
    }
    const mine = me.soldByCityCrowd[c * CROWD_COUNT + LOW_PRICE]!;
    if (best < 0 || bestUnits <= mine * 2 || bestUnits < 10) continue;
    // the product where the gap in price is largest
    let pick = -1;
    let gap = 0;
    for (let p = 0; p < P; p++) {
      const a = me.listings[c * P + p];
      const b = report.shops[best]!.listings[c * P + p];
      if (!a || !b) continue;
      const fa = a.priceFen + (a.sellerPaysShipping ? 0 : a.shippingFen);
      const fb = b.priceFen + (b.sellerPaysShipping ? 0 : b.shippingFen);
      if (fa - fb > gap) {
        gap = fa - fb;
        pick = p;
      }
    }
    if (pick < 0) continue;
    const a = me.listings[c * P + pick]!;
    const b = report.shops[best]!.listings[c * P + pick]!;
    const mineFen = a.priceFen + (a.sellerPaysShipping ? 0 : a.shippingFen);
    const rivalFen = b.priceFen + (b.sellerPaysShipping ? 0 : b.shippingFen);
    out.push({ kind: 'priceLost', c, p: pick, rival: best, rivalUnits: bestUnits, mineFen, rivalFen, impactFen: (bestUnits - mine) * Math.max(100, perUnitMargin(world, rivalFen, c, pick)) });
  }

  // The composite crowd went to a shop with a higher index.
  for (let c = 0; c < C; c++) {
    let best = -1;
    let bestUnits = 0;
    for (let x = 0; x < S; x++) {
      if (x === s) continue;
      const u = report.shops[x]!.soldByCityCrowd[c * CROWD_COUNT + COMPOSITE]!;
      if (u > bestUnits) {
        bestUnits = u;
        best = x;
      }
    }
    const mine = me.soldByCityCrowd[c * CROWD_COUNT + COMPOSITE]!;
    if (best < 0 || bestUnits < 10 || bestUnits <= mine * 2 || report.shops[best]!.index <= me.index) continue;
    out.push({ kind: 'indexLow', c, rival: best, rivalUnits: bestUnits, mine: me.index, theirs: report.shops[best]!.index, impactFen: (bestUnits - mine) * 1500 });
  }

  // The brand-loyal crowd went to a shop with better reviews.
  for (let c = 0; c < C; c++) {
    let best = -1;
    let bestUnits = 0;
    for (let x = 0; x < S; x++) {
      if (x === s) continue;
      const u = report.shops[x]!.soldByCityCrowd[c * CROWD_COUNT + BRAND_LOYAL]!;
      if (u > bestUnits) {
        bestUnits = u;
        best = x;
      }
    }
    const mine = me.soldByCityCrowd[c * CROWD_COUNT + BRAND_LOYAL]!;
    const mr = meanReview(me.reviewScore);
    const tr = best >= 0 ? meanReview(report.shops[best]!.reviewScore) : 0;
    if (best < 0 || bestUnits < 10 || bestUnits <= mine * 1.5 || tr <= mr) continue;
    out.push({ kind: 'reviewLow', c, rival: best, rivalUnits: bestUnits, mine: mr, theirs: tr, impactFen: (bestUnits - mine) * 1200 });
  }

  // Promotions that gave more than they brought.
  for (const pr of me.promotions ?? []) {
    if (pr.discountFen > 0 && pr.revenueFen < 3 * pr.discountFen) {
      out.push({ kind: 'promoWeak', type: pr.promotion.type, discountFen: pr.discountFen, revenueFen: pr.revenueFen, impactFen: pr.discountFen });
    }
  }

  // Buyers lost because delivery was too slow (no warehouse near enough).
  for (let c = 0; c < C; c++) {
    const lost = report.lostByReason[c * LOST_REASON_COUNT + TOO_SLOW]!;
    if (lost >= 10 && !after.shops[s]!.warehouses[c]) out.push({ kind: 'tooSlow', c, lost, impactFen: lost * 1000 });
  }

  // Cash near zero.
  const start = world.shops[s]!.cashFen;
  if (!me.bankrupt && me.cashFen < start * 0.15) out.push({ kind: 'cashLow', cashFen: me.cashFen, impactFen: start });

  const more = session.states.length - 1 < world.rounds;
  const listedFen = (c: number, p: number, x = s) => {
    const l = report.shops[x]!.listings[c * P + p];
    return l ? l.priceFen + (l.sellerPaysShipping ? 0 : l.shippingFen) : 0;
  };

  // Stock against the pace: what a round at this round's pace needs, less the stock on hand, and
  // what that restock costs against the cash (rounds to come only).
  for (let p = 0; p < P && more; p++) {
    const rs = rows.filter((r) => r.p === p && r.listed);
    const perDay = rs.reduce((a, r) => a + r.perDay, 0);
    let left = 0;
    for (let w = 0; w < C; w++) left += after.shops[s]!.stock[w * P + p]!;
    const need = Math.round(perDay * T) - left;
    if (need < 10 || !rs.some((r) => r.sellOutDay !== null)) continue;
    const unit = world.products[p]!.unitCostFen;
    const margin = Math.max(100, Math.min(...rs.map((r) => perUnitMargin(world, listedFen(r.c, r.p) || unit, r.c, r.p))));
    out.push({ kind: 'restockPlan', p, need, perDay: Math.round(perDay * 10) / 10, left, costFen: need * unit, cashFen: me.cashFen, impactFen: Math.round(need * margin * 0.25) });
  }

  // A rival sold far more of a product in a city: compare what its buyers rank by (review score of
  // the product, price with shipping).
  const rivalRows = report.shops.map((_, x) => (x === s ? rows : rowOutcomes(world, after, flowsOfRound(session, round), x)));
  for (const r of rows) {
    // a row without stock lost its buyers to that (sell-out, no stock), not to the rival's offer
    if (!r.listed || r.sellOutDay !== null || (r.units === 0 && r.stockLeft === 0)) continue;
    let rival = -1;
    let rivalUnits = 0;
    for (let x = 0; x < S; x++) {
      if (x === s || report.shops[x]!.bankrupt) continue;
      const u = rivalRows[x]!.find((o) => o.c === r.c && o.p === r.p)?.units ?? 0;
      if (u > rivalUnits) {
        rivalUnits = u;
        rival = x;
      }
    }
    if (rival < 0 || rivalUnits < 10 || rivalUnits <= r.units * 1.5) continue;
    let buyers = 0;
    for (let k = 0; k < CROWD_COUNT; k++) buyers += report.demand[(r.c * P + r.p) * CROWD_COUNT + k]!;
    const rivalFen = listedFen(r.c, r.p, rival);
    out.push({
      kind: 'shareLost',
      c: r.c,
      p: r.p,
      buyers,
      mine: r.units,
      rival,
      rivalUnits,
      mineReview: me.reviewScore[r.p]!,
      rivalReview: report.shops[rival]!.reviewScore[r.p]!,
      mineFen: listedFen(r.c, r.p),
      rivalFen,
      impactFen: Math.round((rivalUnits - r.units) * Math.max(100, perUnitMargin(world, rivalFen, r.c, r.p)) * 0.5),
    });
  }

  // Listed with no stock that reached the city all round: every buyer of it went elsewhere.
  for (const r of rows) {
    if (!r.listed || r.units > 0 || r.stockLeft > 0) continue;
    let buyers = 0;
    for (let k = 0; k < CROWD_COUNT; k++) buyers += report.demand[(r.c * P + r.p) * CROWD_COUNT + k]!;
    if (buyers < 10) continue;
    out.push({ kind: 'noStock', c: r.c, p: r.p, buyers, impactFen: Math.round((buyers / Math.max(1, S)) * Math.max(100, perUnitMargin(world, listedFen(r.c, r.p), r.c, r.p))) });
  }

  // Low in search: hesitant buyers look at the first few results only.
  for (const r of rows) {
    const rank = me.searchRank[r.c * P + r.p] ?? 0;
    if (!r.listed || !(rank >= 1.5)) continue;
    const hesitant = report.demand[(r.c * P + r.p) * CROWD_COUNT + HESITANT]!;
    if (hesitant < 10) continue;
    const margin = Math.max(100, perUnitMargin(world, listedFen(r.c, r.p), r.c, r.p));
    out.push({ kind: 'searchLow', c: r.c, p: r.p, rank: Math.round(rank * 10) / 10, impressions: me.impressions, clicks: me.clicks, impactFen: Math.round(hesitant * (1 - 1 / rank) * 0.3 * margin) });
  }

  // Buyers who looked and left without buying: a coupon for potential customers brings some back.
  for (let c = 0; c < C; c++) {
    const lost = report.lostByReason[c * LOST_REASON_COUNT + NO_PURCHASE]!;
    if (lost >= 5) out.push({ kind: 'noPurchase', c, lost, impactFen: Math.round((lost * 1000) / Math.max(1, S)) });
  }

  // The row that earned most: what to keep (a filler, after every finding).
  let best: { r: (typeof rows)[number]; m: number } | null = null;
  for (const r of rows) {
    if (!r.listed || r.units < 5) continue;
    const m = perUnitMargin(world, listedFen(r.c, r.p), r.c, r.p);
    if (m > 0 && (!best || m * r.units > best.m * best.r.units)) best = { r, m };
  }
  if (best) out.push({ kind: 'bestSeller', c: best.r.c, p: best.r.p, units: best.r.units, marginFen: best.m, totalFen: best.m * best.r.units, soldOut: best.r.sellOutDay !== null, impactFen: 1 });

  out.sort((a, b) => b.impactFen - a.impactFen);
  // One suggestion per kind and place, so three lines say three different things.
  const seen = new Set<string>();
  const picked: Suggestion[] = [];
  for (const x of out) {
    const key = x.kind === 'overstock' || x.kind === 'stockCover' || x.kind === 'restockPlan' ? `${x.kind}:${x.p}` : x.kind;
    if (seen.has(key)) continue;
    seen.add(key);
    picked.push(x);
    if (picked.length === n) break;
  }
  // Fewer than n different kinds: the next places of a kind already named (another city's
  // sell-out, another product's price) are still the round's own numbers.
  for (const x of out) {
    if (picked.length === n) break;
    if (!picked.includes(x)) picked.push(x);
  }
  if (picked.length === 0) picked.push({ kind: 'keepGoing', profitFen: me.profitFen, impactFen: 0 });
  return picked;
}

export interface DebriefRound {
  round: number;
  mineEquityFen: number;
  rivalEquityFen: number;
  mineProfitFen: number;
  rivalProfitFen: number;
  /** change in (mine − rival) equity over this round */
  gapChangeFen: number;
}

export interface DecisionDiff {
  round: number;
  gapChangeFen: number;
  /** mean fixed price of the listings, fen */
  minePriceFen: number;
  rivalPriceFen: number;
  mineRestock: number;
  rivalRestock: number;
  mineMarketingFen: number;
  rivalMarketingFen: number;
  minePromotions: number;
  rivalPromotions: number;
}

export interface Debrief {
  /** the shop compared with: the winner, or the runner-up when the student won */
  rival: number;
  studentWon: boolean;
  rounds: DebriefRound[];
  /** the three rounds that moved the gap most, largest first */
  turningPoints: DecisionDiff[];
}

function meanPrice(d: RoundDecision | undefined): number {
  const ls = (d?.listings ?? []).map((l) => l.listing).filter((l): l is NonNullable<typeof l> => l !== null);
  return ls.length ? Math.round(ls.reduce((a, l) => a + l.priceFen, 0) / ls.length) : 0;
}

export function debrief(session: Session): Debrief | null {
  const { world } = session;
  const s = session.player;
  const state = session.states[session.states.length - 1]!;
  if (s < 0 || state.reports.length === 0) return null;
  const ranking = rankShops(world, state);
  const top = ranking[0]!.shop;
  const rival = top === s ? (ranking[1]?.shop ?? -1) : top;
  if (rival < 0) return null;
  const rounds: DebriefRound[] = [];
  let prevGap = world.shops[s]!.cashFen - world.shops[rival]!.cashFen;
  // equity before round 1: cash + opening stock at cost
  const opening = (x: number) => {
    let v = world.shops[x]!.cashFen;
    world.shops[x]!.stock.forEach((n, i) => (v += n * world.products[i % world.products.length]!.unitCostFen));
    return v;
  };
  prevGap = opening(s) - opening(rival);
  for (const r of state.reports) {
    const a = r.shops[s]!;
    const b = r.shops[rival]!;
    const gap = a.equityFen - b.equityFen;
    rounds.push({ round: r.round, mineEquityFen: a.equityFen, rivalEquityFen: b.equityFen, mineProfitFen: a.profitFen, rivalProfitFen: b.profitFen, gapChangeFen: gap - prevGap });
    prevGap = gap;
  }
  const turningPoints = rounds
    .slice()
    .sort((x, y) => Math.abs(y.gapChangeFen) - Math.abs(x.gapChangeFen) || x.round - y.round)
    .slice(0, 3)
    .map((x): DecisionDiff => {
      const ds = decisionsOfRound(session, x.round);
      const mine = ds[s];
      const theirs = ds[rival];
      const restock = (d: RoundDecision | undefined) => (d?.restock ?? []).reduce((a, r) => a + r.quantity, 0);
      const mkt = (d: RoundDecision | undefined) => (d ? d.marketing.decorationFen + d.marketing.mediaFen + d.marketing.charityFen : 0);
      return {
        round: x.round,
        gapChangeFen: x.gapChangeFen,
        minePriceFen: meanPrice(mine),
        rivalPriceFen: meanPrice(theirs),
        mineRestock: restock(mine),
        rivalRestock: restock(theirs),
        mineMarketingFen: mkt(mine),
        rivalMarketingFen: mkt(theirs),
        minePromotions: mine?.promotions?.length ?? 0,
        rivalPromotions: theirs?.promotions?.length ?? 0,
      };
    });
  return { rival, studentWon: top === s, rounds, turningPoints };
}
