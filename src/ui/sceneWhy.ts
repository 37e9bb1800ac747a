/**
 * Why buyers chose a shop in a round, city by city, from the engine's own numbers: units each
 * crowd bought there, the shop's price against the cheapest, its review score, city influence
 * and composite index. The Watch screen shows it when a shop is clicked or focused; and, for one
 * buyer (a figure clicked, or the latest buyer of a crowd picked by keyboard), why that buyer
 * chose the shop it chose.
 */
import { CROWDS, CROWD_COUNT, CROWD_RANKING_KEYS, formatYuan, HESITANT, LOST_REASON_COUNT, LOST_REASONS, type TickFlows } from '../engine';
import { local, t } from './i18n';
import { reachingWarehouses } from './outcome';
import type { Session } from './session';
import { meanReview } from './why';

export function shopWhy(session: Session, s: number, c: number): { title: string; lines: string[] } {
  const { world } = session;
  const state = session.states[session.states.length - 1]!;
  const report = state.reports[state.reports.length - 1];
  const shop = local(world.shops[s]!.name);
  const city = local(world.cities[c]!.name);
  if (!report) return { title: t('pickTitle', { shop, city }), lines: [] };
  const P = world.products.length;
  const x = report.shops[s]!;
  const lines: string[] = [];
  const bought = CROWDS.map((k, i) => ({ k, n: x.soldByCityCrowd[c * CROWD_COUNT + i]! })).filter((b) => b.n > 0);
  lines.push(bought.length ? t('pickSold', { list: bought.map((b) => `${t(`crowdShort_${b.k}`)} ${b.n}`).join(t('listSep')) }) : t('pickNone'));
  for (let p = 0; p < P; p++) {
    const l = x.listings[c * P + p];
    if (!l) continue;
    const total = l.priceFen + (l.sellerPaysShipping ? 0 : l.shippingFen);
    let best = total;
    let rank = 1;
    report.shops.forEach((o, j) => {
      const ol = o.listings[c * P + p];
      if (!ol || o.bankrupt) return;
      const tt = ol.priceFen + (ol.sellerPaysShipping ? 0 : ol.shippingFen);
      if (tt < best) best = tt;
      if (tt < total && j !== s) rank++;
    });
    lines.push(t('pickPrice', { product: local(world.products[p]!.name), price: formatYuan(total), rank, best: formatYuan(best) }));
  }
  lines.push(t('pickStanding', { review: meanReview(x.reviewScore), influence: x.cityInfluence[c]!, index: x.index }));
  return { title: t('pickTitle', { shop, city }), lines };
}

/** One buyer of the scene: city, crowd, the shop it bought from (-1: it left) and the tick (0-based) it came on. */
export interface PickedBuyer {
  c: number;
  k: number;
  s: number;
  tick: number;
}

const capital = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);
type RankingKeyId = (typeof CROWD_RANKING_KEYS)[number][number];
type Flow = Pick<TickFlows, 'orders' | 'lost' | 'soldByProduct' | 'stock'>;

/**
 * Why one buyer chose the shop it chose, from the engine's own numbers: what its crowd ranks by
 * (the keys its crowd file declares, CROWD_RANKING_KEYS), where the chosen shop stood on each key
 * among the offers in the city, the shops ranked above it that had no stock left there when the
 * buyer came (the tick flows' stock), and how many of this crowd bought there this round. A buyer
 * who left is told the city's reasons for leaving this round.
 */
export function buyerWhy(session: Session, flows: readonly Flow[], b: PickedBuyer): { title: string; lines: string[] } {
  const { world } = session;
  const state = session.states[session.states.length - 1]!;
  const report = state.reports[state.reports.length - 1];
  const city = local(world.cities[b.c]!.name);
  const crowdName = t(`crowd_${CROWDS[b.k]!}`);
  const C = world.cities.length;
  const P = world.products.length;
  const S = world.shops.length;
  if (!report) return { title: t('buyerTitleLost', { city, crowd: crowdName }), lines: [] };
  const lines: string[] = [];
  const keys = CROWD_RANKING_KEYS[b.k]!;
  lines.push(
    b.k === HESITANT
      ? t('buyerRanksHesitant', { crowd: crowdName, keys: keys.map((key) => t(`rankKey_${key}`)).join(t('keySep')) })
      : t('buyerRanks', { crowd: crowdName, keys: keys.map((key) => t(`rankKey_${key}`)).join(' → ') }),
  );
  if (b.s < 0) {
    const reasons = LOST_REASONS.map((r, i) => ({ r, n: report.lostByReason[b.c * LOST_REASON_COUNT + i]! })).filter((x) => x.n > 0);
    lines.push(reasons.length ? t('buyerLostReasons', { city, list: reasons.map((x) => `${t(`reason_${x.r}`)} ${x.n}`).join(t('listSep')) }) : t('buyerLostNone'));
    return { title: t('buyerTitleLost', { city, crowd: crowdName }), lines };
  }
  const shopName = (s: number) => local(world.shops[s]!.name) + (s === session.player ? t('you') : '');
  // The product: what the shop sold in this city on the buyer's tick (else over the round).
  const f = flows[b.tick];
  let p = -1;
  let most = 0;
  for (let q = 0; q < P; q++) {
    const n = f?.soldByProduct?.[(b.s * C + b.c) * P + q] ?? 0;
    if (n > most) {
      most = n;
      p = q;
    }
  }
  if (p < 0) {
    for (let q = 0; q < P; q++) if (p < 0 && report.shops[b.s]!.listings[b.c * P + q]) p = q;
  }
  if (p < 0) return { title: t('buyerTitle', { city, crowd: crowdName, shop: shopName(b.s) }), lines };
  const offers = report.shops
    .map((x, s) => ({ s, x, l: x.listings[b.c * P + p] ?? null }))
    .filter((o): o is { s: number; x: (typeof report.shops)[number]; l: NonNullable<(typeof o)['l']> } => o.l !== null && !o.x.bankrupt);
  const value = (key: RankingKeyId, o: (typeof offers)[number]) =>
    key === 'price'
      ? o.l.priceFen + (o.l.sellerPaysShipping ? 0 : o.l.shippingFen)
      : key === 'index'
        ? o.x.index
        : key === 'review'
          ? o.x.reviewScore[p]!
          : o.x.reviewScore[p]! + o.x.cityInfluence[b.c]!;
  const show = (key: RankingKeyId, v: number) => (key === 'price' ? `¥${formatYuan(v)}` : String(Math.round(v * 10) / 10));
  const better = (key: RankingKeyId, a: number, z: number) => (key === 'price' ? a < z : a > z);
  const chosen = offers.find((o) => o.s === b.s);
  if (chosen) {
    for (const key of keys) {
      const mine = value(key, chosen);
      let best = chosen;
      let place = 1;
      for (const o of offers) {
        const v = value(key, o);
        if (better(key, v, mine)) place++;
        if (better(key, v, value(key, best))) best = o;
      }
      lines.push(
        capital(t(best === chosen ? 'buyerKeyBest' : 'buyerKeyLine', {
          key: t(`rankKey_${key}`),
          product: local(world.products[p]!.name),
          shop: shopName(b.s),
          v: show(key, mine),
          place,
          of: offers.length,
          best: shopName(best.s),
          bv: show(key, value(key, best)),
        })),
      );
    }
    // Shops ahead on the crowd's first key that had no stock here when the buyer came.
    const first = keys[0]!;
    const stockAt = (s: number) => {
      const g = b.tick > 0 ? flows[b.tick - 1] : undefined;
      if (!g) return null;
      let n = 0;
      for (const w of reachingWarehouses(world, b.c, p)) n += g.stock[(s * C + w) * P + p] ?? 0;
      return n;
    };
    const ahead = offers.filter((o) => o.s !== b.s && better(first, value(first, o), value(first, chosen)) && stockAt(o.s) === 0);
    if (ahead.length) lines.push(t('buyerAheadSoldOut', { shops: ahead.map((o) => shopName(o.s)).join(t('listSep')), day: b.tick + 1 }));
  }
  let n = 0;
  for (const g of flows) n += g.orders[(b.c * CROWD_COUNT + b.k) * S + b.s] ?? 0;
  lines.push(t('buyerCount', { n, crowd: crowdName, city, shop: shopName(b.s) }));
  lines.push(t('buyerValuesNote'));
  return { title: t('buyerTitle', { city, crowd: crowdName, shop: shopName(b.s) }), lines };
}

/**
 * The latest buyer of crowd k in city c up to tick `upTo` (exclusive) for the keyboard: the shop
 * with most of that crowd's orders on that tick, or a buyer who left; null when none came.
 */
export function latestBuyer(flows: readonly Flow[], S: number, c: number, k: number, upTo: number): PickedBuyer | null {
  for (let tick = Math.min(upTo, flows.length) - 1; tick >= 0; tick--) {
    const f = flows[tick]!;
    let s = -1;
    let most = 0;
    for (let x = 0; x < S; x++) {
      const n = f.orders[(c * CROWD_COUNT + k) * S + x] ?? 0;
      if (n > most) {
        most = n;
        s = x;
      }
    }
    if (s >= 0) return { c, k, s, tick };
    if ((f.lost[c * CROWD_COUNT + k] ?? 0) > 0) return { c, k, s: -1, tick };
  }
  return null;
}
