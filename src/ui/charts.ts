/**
 * Small SVG charts for the Review screen. Each is a <figure> with a caption, a legend that pairs
 * colour with a dash pattern or a crowd shape, and the numbers as a table for screen readers.
 */
import { h, svg } from './dom';
import { crowdShapeSvg } from './crowdStyle';
import { t } from './i18n';

export interface Series {
  name: string;
  values: number[];
  color: string;
  dash?: string;
  width?: number;
  /** crowd index: draw the crowd's shape at each point */
  crowd?: number;
}

const W = 360;
const H = 190;
const PAD = { l: 56, r: 10, t: 10, b: 26 };

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function fmt(v: number): string {
  const a = Math.abs(v);
  if (a >= 1000) return `${Math.round(v / 100) / 10}k`;
  return String(Math.round(v * 10) / 10);
}

function dataTable(xLabels: string[], series: Series[], format: (v: number) => string): HTMLElement {
  return h(
    'details',
    { className: 'chart-data' },
    h('summary', {}, t('showData')),
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), ...xLabels.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, ...series.map((s) => h('tr', {}, h('th', { scope: 'row' }, s.name), ...s.values.map((v) => h('td', {}, format(v)))))),
    ),
  );
}

export function lineChart(title: string, xLabels: string[], series: Series[], format: (v: number) => string = fmt): HTMLElement {
  const all = series.flatMap((s) => s.values);
  const lo = Math.min(0, ...all);
  const hi = niceMax(Math.max(0, ...all));
  const min = lo < 0 ? -niceMax(-lo) : 0;
  const n = Math.max(1, xLabels.length);
  const x = (i: number) => PAD.l + (n === 1 ? (W - PAD.l - PAD.r) / 2 : (i * (W - PAD.l - PAD.r)) / (n - 1));
  const y = (v: number) => PAD.t + ((hi - v) * (H - PAD.t - PAD.b)) / (hi - min || 1);
  const g = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': title, class: 'chart' });
  for (let i = 0; i <= 4; i++) {
    const v = min + ((hi - min) * i) / 4;
    g.append(svg('line', { x1: PAD.l, x2: W - PAD.r, y1: y(v), y2: y(v), stroke: v === 0 ? '#777' : '#ddd', 'stroke-width': 1 }));
    g.append(svg('text', { x: PAD.l - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#444' }, fmt(v)));
  }
  xLabels.forEach((lab, i) => g.append(svg('text', { x: x(i), y: H - 8, 'text-anchor': 'middle', 'font-size': 11, fill: '#444' }, lab)));
  for (const s of series) {
    const pts = s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ');
    g.append(svg('polyline', { points: pts, fill: 'none', stroke: s.color, 'stroke-width': s.width ?? 2, 'stroke-dasharray': s.dash ?? '' }));
    s.values.forEach((v, i) => {
      if (s.crowd !== undefined) g.append(crowdShapeSvg(s.crowd, x(i), y(v), 5));
      else g.append(svg('circle', { cx: x(i), cy: y(v), r: (s.width ?? 2) + 1, fill: s.color }));
    });
  }
  return h('figure', { className: 'chart-figure' }, h('figcaption', {}, title), g, legend(series), dataTable(xLabels, series, format));
}

function legend(series: Series[]): HTMLElement {
  return h(
    'ul',
    { className: 'chart-legend' },
    ...series.map((s) => {
      const key = svg('svg', { width: 26, height: 12, 'aria-hidden': 'true' });
      key.append(svg('line', { x1: 1, x2: 25, y1: 6, y2: 6, stroke: s.color, 'stroke-width': s.width ?? 2, 'stroke-dasharray': s.dash ?? '' }));
      if (s.crowd !== undefined) key.append(crowdShapeSvg(s.crowd, 13, 6, 5));
      return h('li', {}, key, ' ', s.name);
    }),
  );
}

export interface Bar {
  label: string;
  value: number;
  color: string;
}

export function barChart(title: string, bars: Bar[], format: (v: number) => string = fmt): HTMLElement {
  const rowH = 24;
  const height = PAD.t + bars.length * rowH + 8;
  const left = 120;
  const max = niceMax(Math.max(1, ...bars.map((b) => b.value)));
  const g = svg('svg', { viewBox: `0 0 ${W} ${height}`, width: W, height, role: 'img', 'aria-label': title, class: 'chart' });
  bars.forEach((b, i) => {
    const y = PAD.t + i * rowH;
    const w = ((W - left - 50) * b.value) / max;
    g.append(svg('text', { x: left - 6, y: y + 15, 'text-anchor': 'end', 'font-size': 12, fill: '#222' }, b.label));
    g.append(svg('rect', { x: left, y: y + 3, width: Math.max(0, w), height: rowH - 8, fill: b.color }));
    g.append(svg('text', { x: left + w + 4, y: y + 15, 'font-size': 12, fill: '#222' }, format(b.value)));
  });
  const table = h(
    'details',
    { className: 'chart-data' },
    h('summary', {}, t('showData')),
    h('table', {}, h('tbody', {}, ...bars.map((b) => h('tr', {}, h('th', { scope: 'row' }, b.label), h('td', {}, format(b.value)))))),
  );
  return h('figure', { className: 'chart-figure' }, h('figcaption', {}, title), g, table);
}

/** Line colours for shops: the player in black, rivals in Okabe–Ito colours with dash patterns. */
const RIVAL_COLORS = ['#56B4E9', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#0072B2'];
const DASHES = ['6 3', '2 3', '8 3 2 3', '1 2', '10 4'];
export function shopStyle(s: number, player: number): { color: string; dash?: string; width: number } {
  if (s === player) return { color: '#111111', width: 3 };
  const i = s > player && player >= 0 ? s - 1 : s;
  return { color: RIVAL_COLORS[i % RIVAL_COLORS.length]!, dash: DASHES[i % DASHES.length]!, width: 1.6 };
}
