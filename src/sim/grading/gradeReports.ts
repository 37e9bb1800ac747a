/**
 * A grade report as CSV (a row per submitted file, a column per rubric component), JSON, HTML
 * (league table, charts, per-team breakdown; self-contained, opens offline) or plain text.
 * Nothing here reads a clock: the same grade gives the same bytes.
 */
import { toCsv, type Cell } from './csv';
import type { GradeReport, TeamReport } from './grade';
import { barChart, esc, lineChart, page, table } from './html';
import { METRIC_LABELS, RUBRIC_METRICS } from './rubric';

const STATUS = { ok: '已评分 graded', invalid: '无效 invalid', refused: '拒绝 refused' } as const;

const problemText = (t: TeamReport) => t.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
const warningText = (t: TeamReport) => t.warnings.map((p) => `${p.path}: ${p.message}`).join('; ');
const similarText = (t: TeamReport) => t.similar.map((s) => `${s.team} (${s.identical ? 'identical' : s.similarity})`).join('; ');

export function gradeCsv(report: GradeReport): string {
  const comps = report.rubric.components;
  const header = [
    '名次 place',
    '团队 team',
    '文件 file',
    '状态 status',
    '店铺 shop',
    '平均分 mean',
    '标准差 sd',
    '最低 min',
    '最高 max',
    ...comps.map((c) => `${METRIC_LABELS[c.metric].zh}得分 ${METRIC_LABELS[c.metric].en} score (×${c.weight})`),
    ...RUBRIC_METRICS.map((m) => `${METRIC_LABELS[m].zh} ${METRIC_LABELS[m].en}`),
    '破产次数 bankruptcies',
    '违规上架扣分 illegal-listing penalty',
    ...report.seeds.map((s, k) => `种子${k + 1} seed ${s}`),
    '相似提交 similar to',
    '问题 problems',
    '提示 notes',
  ];
  const rows: Cell[][] = report.teams.map((t) => {
    const ok = t.status === 'ok';
    return [
      t.place,
      t.team,
      t.file,
      STATUS[t.status],
      t.seat || t.shop,
      ok ? t.mean : null,
      ok ? t.sd : null,
      ok ? t.min : null,
      ok ? t.max : null,
      ...comps.map((_, i) => (ok ? t.components[i]!.meanScore : null)),
      ...RUBRIC_METRICS.map((m) => (ok ? t.metrics[m] : null)),
      ok ? t.bankruptcies : null,
      ok ? t.penalty : null,
      ...report.seeds.map((_, k) => (ok ? t.perSeed[k]!.score : null)),
      similarText(t),
      problemText(t),
      warningText(t),
    ];
  });
  return toCsv(header, rows);
}

export function gradeJson(report: GradeReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function gradeText(report: GradeReport): string {
  const lines: string[] = [];
  lines.push(
    `${report.scenario.name.en} (${report.scenario.id}, content hash ${report.scenario.hash}) · ${report.mode} · ${report.seeds.length} seeds: ${report.seeds.join(', ')}`,
  );
  lines.push(`rubric: ${report.rubric.description}`);
  lines.push(`graded ${report.counts.graded} of ${report.counts.submitted} files (${report.counts.invalid} invalid, ${report.counts.refused} refused)`);
  lines.push('');
  const w = Math.min(30, Math.max(4, ...report.teams.map((t) => t.team.length)));
  lines.push(`${'place'.padStart(5)}  ${'team'.padEnd(w)} ${'mean'.padStart(7)} ${'sd'.padStart(6)}  per seed`);
  for (const t of report.teams) {
    if (t.status !== 'ok') {
      lines.push(`${'-'.padStart(5)}  ${t.team.slice(0, w).padEnd(w)} ${t.status}: ${problemText(t)}`);
      continue;
    }
    const flag = t.similar.length ? `  similar to ${similarText(t)}` : '';
    lines.push(`${String(t.place).padStart(5)}  ${t.team.slice(0, w).padEnd(w)} ${t.mean.toFixed(2).padStart(7)} ${t.sd.toFixed(2).padStart(6)}  ${t.perSeed.map((s) => s.score).join(' ')}${flag}`);
  }
  return lines.join('\n');
}

const money = (x: number) => x.toFixed(2);
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const metricText = (m: (typeof RUBRIC_METRICS)[number], v: number) => (METRIC_LABELS[m].unit === 'share' ? pct(v) : METRIC_LABELS[m].unit === 'yuan' ? money(v) : v.toFixed(2));

export function gradeHtml(report: GradeReport): string {
  const graded = report.teams.filter((t) => t.status === 'ok');
  const broken = report.teams.filter((t) => t.status !== 'ok');
  const comps = report.rubric.components;
  const b: string[] = [];
  const title = `成绩报告 Grade report · ${report.scenario.name.zh} ${report.scenario.name.en}`;
  b.push(`<h1>${esc(title)}</h1>`);
  b.push(
    `<p class="muted">scenario <b>${esc(report.scenario.id)}</b> (content hash ${esc(report.scenario.hash)}, ${report.scenario.rounds} rounds) · mode <b>${esc(report.mode)}</b> · ${report.seeds.length} seeds (${esc(report.seeds.join(', '))}) · engine ${esc(report.engine)}</p>`,
  );
  b.push(`<p>评分标准 Rubric: ${esc(report.rubric.description)}. Every score is recomputed from the decisions; any score or state claimed in a submission is ignored.</p>`);
  b.push(`<p>已评分 graded <b>${report.counts.graded}</b> of ${report.counts.submitted} files · 无效 invalid ${report.counts.invalid} · 拒绝 refused ${report.counts.refused}</p>`);

  b.push('<h2>排行榜 League table</h2>');
  const flagged = new Set(graded.filter((t) => t.similar.length).map((t) => t.team));
  b.push(
    table(
      [
        '名次 place',
        '团队 team',
        '店铺 shop',
        '平均分 mean',
        '标准差 sd',
        '最低 min',
        '最高 max',
        ...comps.map((c) => `${METRIC_LABELS[c.metric].zh} ${METRIC_LABELS[c.metric].en} (×${c.weight})`),
        '所有者权益 equity',
        '破产 bankrupt',
        '相似 similar',
      ],
      graded.map((t) => [
        t.place,
        t.team,
        t.seat,
        t.mean.toFixed(2),
        t.sd.toFixed(2),
        t.min.toFixed(2),
        t.max.toFixed(2),
        ...t.components.map((c) => c.meanScore.toFixed(2)),
        money(t.metrics.equity),
        t.bankruptcies,
        similarText(t),
      ]),
      { left: [1, 2, 10 + comps.length], rowClass: (i) => (flagged.has(graded[i]!.team) ? 'flag' : '') },
    ),
  );
  if (graded.length) {
    b.push(
      barChart(
        'mean score ± sd, dots: per-seed scores',
        graded.map((t) => ({ label: t.team, value: t.mean, spread: t.sd, points: t.perSeed.map((s) => s.score) })),
        report.rubric.first,
      ),
    );
  }

  b.push('<h2>诚信检查 Integrity</h2>');
  b.push(
    `<p class="muted">Similarity compares two teams' decisions slot by slot (a slot is one field of one round: a listing's price, a restock quantity, a marketing spend…). A number slot scores max(0, 1 − |a − b| / (0.1 × max(|a|, |b|))): 1 when equal, 0.8 when 2% apart, 0 when 10% apart or more; a flag or name counts only when the two differ (then 0); slots both left empty are skipped. The similarity is the mean. Pairs at or above ${report.similarityThreshold} are listed; "identical" means the engine receives exactly the same decisions. A flag is a reason to look, not a verdict.</p>`,
  );
  b.push(
    report.similarPairs.length
      ? table(
          ['团队 A', '团队 B', '相似度 similarity', ''],
          report.similarPairs.map((p) => [p.a, p.b, p.similarity.toFixed(4), p.identical ? '完全相同 identical' : '高度相似 near-identical']),
          { left: [0, 1, 3] },
        )
      : '<p>No near-identical decisions found.</p>',
  );

  if (broken.length) {
    b.push('<h2>未评分的文件 Files not graded</h2>');
    b.push(
      table(
        ['团队 team', '文件 file', '状态 status', '问题 problems'],
        broken.map((t) => [t.team, t.file, STATUS[t.status], problemText(t)]),
        { left: [0, 1, 2, 3] },
      ),
    );
  }

  b.push('<h2>各队明细 Per-team breakdown</h2>');
  for (const t of graded) {
    const parts: string[] = [];
    parts.push(`<p class="muted">file ${esc(t.file)} (${esc(t.kind)}) · decisions for shop ${esc(t.shop)}, played as ${esc(t.seat)}</p>`);
    if (t.warnings.length) parts.push(`<p class="warn">${esc(warningText(t))}</p>`);
    if (t.similar.length) parts.push(`<p class="bad">Similar decisions: ${esc(similarText(t))}</p>`);
    parts.push(
      table(
        ['评分项 component', '权重 weight', '方法 method', '平均值 mean value', '平均名次 mean rank', '平均得分 mean score', '加权 weighted'],
        t.components.map((c) => [
          `${METRIC_LABELS[c.metric].zh} ${METRIC_LABELS[c.metric].en}`,
          c.weight,
          c.method,
          metricText(c.metric, c.meanValue),
          c.meanRank.toFixed(2),
          c.meanScore.toFixed(2),
          c.weighted.toFixed(2),
        ]),
      ),
    );
    parts.push(
      table(
        ['种子 seed', '得分 score', ...comps.map((c) => `${METRIC_LABELS[c.metric].en} rank`), '所有者权益 equity', '破产 bankrupt', 'game hash'],
        t.perSeed.map((s) => [s.seed, s.score.toFixed(2), ...s.components.map((c) => c.rank), money(s.equity), s.bankrupt ? 'yes' : '', s.hash]),
      ),
    );
    parts.push(
      table(
        RUBRIC_METRICS.map((m) => `${METRIC_LABELS[m].zh} ${METRIC_LABELS[m].en}`),
        [RUBRIC_METRICS.map((m) => metricText(m, t.metrics[m]))],
        { left: [] },
      ),
    );
    const rounds = t.perSeed[0]?.equityByRound.length ?? 0;
    const mean = Array.from({ length: rounds }, (_, r) => t.perSeed.reduce((a, s) => a + s.equityByRound[r]!, 0) / t.perSeed.length);
    parts.push(
      lineChart('所有者权益 equity by round (thin: each seed, thick: mean)', [
        ...t.perSeed.map((s) => ({ label: `seed ${s.seed}`, values: s.equityByRound })),
        { label: 'mean', values: mean, strong: true },
      ]),
    );
    b.push(`<details><summary>${esc(`${t.place}. ${t.team} — ${t.mean.toFixed(2)} ± ${t.sd.toFixed(2)}`)}</summary>\n${parts.join('\n')}\n</details>`);
  }
  return page('zh-CN', title, b.join('\n'));
}
