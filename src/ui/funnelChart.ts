/**
 * The review screen's funnel (course §7, 流量转化): per product of the player's shop, last round's
 * impressions → clicks (visits) → orders, as centred bars with the numbers and the rate of each
 * step (click-through rate, conversion per click). Bar widths are on a logarithmic scale (a
 * product can have thousands of impressions and a few dozen orders); the numbers are exact.
 */
import { COST_KINDS, formatYuan, type ShopRoundReport, type World } from '../engine';
import { h, svg } from './dom';
import { local, t } from './i18n';

const W = 360;
const ROW = 30;
const STAGES = ['funnelImpressions', 'funnelClicks', 'funnelOrders'] as const;
const COLORS = ['#56B4E9', '#0072B2', '#009E73'];
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function funnelFigure(title: string, values: number[]): HTMLElement {
  const height = 8 + STAGES.length * ROW;
  const g = svg('svg', { viewBox: `0 0 ${W} ${height}`, width: W, height, role: 'img', 'aria-label': title, class: 'chart' });
  const top = Math.log10(1 + Math.max(1, values[0]!));
  const left = 96;
  const span = W - left - 10;
  values.forEach((v, i) => {
    const share = v === 0 ? 0 : Math.max(0.04, Math.log10(1 + v) / top);
    const w = span * share;
    const y = 4 + i * ROW;
    g.append(svg('text', { x: left - 6, y: y + 17, 'text-anchor': 'end', 'font-size': 12, fill: '#222' }, t(STAGES[i]!)));
    g.append(svg('rect', { x: left + (span - w) / 2, y: y + 2, width: w, height: ROW - 6, fill: COLORS[i]!, rx: 3 }));
    const rate = i === 0 ? '' : ` (${values[i - 1]! > 0 ? pct(v / values[i - 1]!) : '—'})`;
    g.append(svg('text', { x: left + span / 2, y: y + 18, 'text-anchor': 'middle', 'font-size': 12, fill: i === 0 ? '#111' : '#fff', 'font-weight': 600 }, `${v}${rate}`));
  });
  return h('figure', { className: 'chart-figure funnel' }, h('figcaption', {}, title), g);
}

/** One funnel per product the player listed or was shown for, from the round's report; null before any round. */
export function funnelCharts(world: World, me: ShopRoundReport | undefined): HTMLElement | null {
  if (!me?.funnel) return null;
  const f = me.funnel;
  const figures = world.products.map((product, p) => {
    const values = [f.impressions[p]!, f.clicks[p]!, f.orders[p]!];
    const el = funnelFigure(local(product.name), values);
    el.setAttribute('data-testid', `funnel:${p}`);
    el.append(
      h(
        'p',
        { className: 'help' },
        t('funnelRow', {
          impressions: values[0]!,
          clicks: values[1]!,
          ctr: values[0]! > 0 ? pct(values[1]! / values[0]!) : '—',
          orders: values[2]!,
          conv: values[1]! > 0 ? pct(values[2]! / values[1]!) : '—',
        }),
      ),
    );
    return el;
  });
  const ads = me.costsFen[COST_KINDS.indexOf('ads')] ?? 0;
  return h(
    'section',
    { className: 'funnels', 'aria-labelledby': 'funnel-h', 'data-testid': 'funnels' },
    h('h3', { id: 'funnel-h' }, t('funnelTitle')),
    h('p', { className: 'help' }, t('funnelHelp')),
    ads > 0 ? h('p', { className: 'help', 'data-testid': 'funnel-ads' }, t('funnelAdSpend', { spend: formatYuan(ads), perOrder: me.orders > 0 ? formatYuan(Math.round(ads / me.orders)) : '—' })) : null,
    h('div', { className: 'charts' }, ...figures),
  );
}
