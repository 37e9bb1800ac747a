/** Small helpers for the self-contained HTML reports: escaping, a page shell, inline SVG charts. */
export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:24px auto;max-width:1100px;padding:0 16px;color:#1d2733;line-height:1.45}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:2px solid #d8e0ea;padding-bottom:.2rem}h3{font-size:1.05rem;margin:.2rem 0}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}th,td{border:1px solid #d8e0ea;padding:3px 8px;text-align:right;vertical-align:top}
th{background:#eef3f8}td.l,th.l{text-align:left}tr.flag td{background:#fff4e0}
.muted{color:#5b6b7c;font-size:.9rem}.bad{color:#b3261e}.warn{color:#8a5a00}
details{border:1px solid #d8e0ea;border-radius:6px;padding:6px 10px;margin:6px 0}summary{cursor:pointer;font-weight:600}
svg{max-width:100%;height:auto;font-size:11px}svg text{fill:#1d2733}
@media print{details{break-inside:avoid}details:not([open]) > *:not(summary){display:block}}
`;

export function page(lang: string, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

export function table(header: readonly string[], rows: readonly (readonly unknown[])[], opts: { left?: number[]; rowClass?: (i: number) => string } = {}): string {
  const left = new Set(opts.left ?? [0]);
  const th = header.map((h, i) => `<th${left.has(i) ? ' class="l"' : ''}>${esc(h)}</th>`).join('');
  const trs = rows
    .map((r, ri) => {
      const cls = opts.rowClass?.(ri) ?? '';
      return `<tr${cls ? ` class="${cls}"` : ''}>${r.map((c, i) => `<td${left.has(i) ? ' class="l"' : ''}>${c === null || c === undefined ? '' : esc(c)}</td>`).join('')}</tr>`;
    })
    .join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${trs}\n</tbody></table>`;
}

const fmt = (x: number) => (Math.abs(x) >= 1000 ? Math.round(x).toString() : String(Math.round(x * 100) / 100));

export interface Bar {
  label: string;
  value: number;
  /** whisker half-width (a standard deviation) */
  spread?: number;
  /** extra points (per-seed scores) */
  points?: number[];
}

/** Horizontal bars with optional ± whiskers and dots; the scale starts at min(0, smallest). */
export function barChart(title: string, bars: readonly Bar[], max?: number): string {
  const rowH = 18;
  const labelW = 170;
  const plotW = 520;
  const h = bars.length * rowH + 40;
  const all = bars.flatMap((b) => [b.value, b.value + (b.spread ?? 0), b.value - (b.spread ?? 0), ...(b.points ?? [])]);
  const hi = Math.max(max ?? 0, ...all, 1e-9);
  const lo = Math.min(0, ...all);
  const x = (v: number) => labelW + ((v - lo) / (hi - lo)) * plotW;
  const parts: string[] = [];
  parts.push(`<text x="${labelW}" y="14" font-weight="600">${esc(title)}</text>`);
  bars.forEach((b, i) => {
    const y = 24 + i * rowH;
    const label = b.label.length > 24 ? `${b.label.slice(0, 23)}…` : b.label;
    parts.push(`<text x="${labelW - 6}" y="${y + 12}" text-anchor="end">${esc(label)}</text>`);
    const x0 = x(Math.min(0, b.value));
    parts.push(`<rect x="${x0.toFixed(1)}" y="${y + 3}" width="${Math.max(0.5, Math.abs(x(b.value) - x(0))).toFixed(1)}" height="${rowH - 6}" fill="#6c9bd2"/>`);
    if (b.spread) {
      const a = x(b.value - b.spread);
      const c = x(b.value + b.spread);
      parts.push(`<line x1="${a.toFixed(1)}" x2="${c.toFixed(1)}" y1="${y + rowH / 2}" y2="${y + rowH / 2}" stroke="#1d2733"/>`);
    }
    for (const p of b.points ?? []) parts.push(`<circle cx="${x(p).toFixed(1)}" cy="${y + rowH / 2}" r="2.2" fill="#c0392b" fill-opacity="0.7"/>`);
    parts.push(`<text x="${(x(Math.max(b.value, 0) + (b.spread ?? 0)) + 4).toFixed(1)}" y="${y + 12}" class="muted">${esc(fmt(b.value))}</text>`);
  });
  parts.push(`<line x1="${x(0)}" x2="${x(0)}" y1="20" y2="${h - 14}" stroke="#999"/>`);
  parts.push(`<text x="${x(lo)}" y="${h - 2}" text-anchor="start">${esc(fmt(lo))}</text><text x="${x(hi)}" y="${h - 2}" text-anchor="end">${esc(fmt(hi))}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${labelW + plotW + 60} ${h}" width="${labelW + plotW + 60}" role="img" aria-label="${esc(title)}">${parts.join('')}</svg>`;
}

export interface Series {
  label: string;
  values: number[];
  strong?: boolean;
}

/** Lines over rounds (1…n). */
export function lineChart(title: string, series: readonly Series[], xLabel = 'round'): string {
  const w = 520;
  const h = 200;
  const left = 70;
  const top = 24;
  const plotW = w - left - 20;
  const plotH = h - top - 30;
  const n = Math.max(1, ...series.map((s) => s.values.length));
  const all = series.flatMap((s) => s.values);
  const hi = Math.max(0, ...all, 1e-9);
  const lo = Math.min(0, ...all);
  const x = (i: number) => left + (n === 1 ? plotW / 2 : (i / (n - 1)) * plotW);
  const y = (v: number) => top + plotH - ((v - lo) / (hi - lo)) * plotH;
  const parts: string[] = [`<text x="${left}" y="14" font-weight="600">${esc(title)}</text>`];
  parts.push(`<line x1="${left}" x2="${left + plotW}" y1="${y(0)}" y2="${y(0)}" stroke="#999"/>`);
  parts.push(`<text x="${left - 4}" y="${y(hi) + 4}" text-anchor="end">${esc(fmt(hi))}</text><text x="${left - 4}" y="${y(lo) + 4}" text-anchor="end">${esc(fmt(lo))}</text>`);
  for (let i = 0; i < n; i++) parts.push(`<text x="${x(i)}" y="${h - 12}" text-anchor="middle">${i + 1}</text>`);
  parts.push(`<text x="${left + plotW / 2}" y="${h}" text-anchor="middle" class="muted">${esc(xLabel)}</text>`);
  for (const s of series) {
    const pts = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    parts.push(
      `<polyline points="${pts}" fill="none" stroke="${s.strong ? '#1f5fa8' : '#9bb7d8'}" stroke-width="${s.strong ? 2.5 : 1}"><title>${esc(s.label)}</title></polyline>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h + 4}" width="${w}" role="img" aria-label="${esc(title)}">${parts.join('')}</svg>`;
}
