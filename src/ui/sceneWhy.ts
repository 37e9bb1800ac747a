/**
 * Why buyers chose a shop in a round, city by city, from the engine's own numbers: units each
 * crowd bought there, the shop's price against the cheapest, its review score, city influence
 * and composite index. The Watch screen shows it when a shop is clicked or focused.
 */
import { CROWDS, CROWD_COUNT, formatYuan } from '../engine';
import { local, t } from './i18n';
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
