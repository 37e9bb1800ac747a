/**
 * Round reports of a classroom game: for each team shop, its figures round by round (CSV: a row
 * per round; HTML: this round's figures, costs, crowds, reviews, what the market lost and why,
 * and the standings), and a class overview for the instructor. No clock, no seed: the same game
 * gives the same bytes, and students learn nothing they could not see on the platform.
 */
import { COST_KINDS, CROWDS, LOST_REASONS, type World } from '../../engine';
import type { Result, ShopRoundResult } from '../result';
import { toCsv, type Cell } from './csv';
import { esc, lineChart, page, table } from './html';
import { gameOutcome } from './metrics';
import { describeRubric, rubricOf, scoreGame } from './rubric';

export interface Standing {
  shop: string;
  name: string;
  place: number;
  score: number;
  equity: number;
  bankrupt: boolean;
  team: boolean;
}

const COST_ZH: Record<(typeof COST_KINDS)[number], string> = {
  goods: '进货',
  carrier: '物流',
  promotion: '促销',
  media: '媒体广告',
  charity: '慈善',
  decoration: '店铺装修',
  certification: '认证',
  rent: '仓库租金',
  penalty: '违约金',
  service: '客服工资',
  gifts: '赠品',
  ads: '付费推广',
  holding: '库存持有',
};
const CROWD_ZH: Record<(typeof CROWDS)[number], string> = { brandLoyal: '品牌需求', lowPrice: '低价格需求', composite: '综合评价需求', hesitant: '犹豫不定' };
const LOST_ZH: Record<(typeof LOST_REASONS)[number], string> = {
  noListing: '无人上架',
  priceAboveCap: '价格超限',
  outOfStock: '缺货',
  tooSlow: '配送太慢',
  reviewBelowZero: '评价低于 0',
  noPurchase: '未购买',
};

/** Standings after the rounds played, by the scenario's rubric (ties share a place). */
export function standings(world: World, scenarioFile: unknown, result: Result): Standing[] {
  const rubric = rubricOf(world, scenarioFile);
  const outcome = gameOutcome(result);
  const scores = scoreGame(rubric, outcome);
  const rows = outcome.shops.map((s, i) => ({
    shop: s.shop,
    name: world.shops[i]!.name.zh === world.shops[i]!.name.en ? world.shops[i]!.name.zh : `${world.shops[i]!.name.zh} ${world.shops[i]!.name.en}`,
    score: Math.round(scores[i]!.total * 100) / 100,
    equity: s.equity,
    bankrupt: s.bankrupt,
    team: world.shops[i]!.controller.kind === 'player',
    place: 0,
  }));
  const order = rows.slice().sort((a, b) => b.score - a.score || b.equity - a.equity || (a.shop < b.shop ? -1 : 1));
  order.forEach((r, k) => {
    const prev = order[k - 1];
    r.place = prev && prev.score === r.score ? prev.place : k + 1;
  });
  return order;
}

function shopRow(result: Result, shop: string, r: number): ShopRoundResult {
  return result.rounds[r]!.shops.find((s) => s.shop === shop)!;
}

const HISTORY_HEADER = [
  '期 round',
  '销售额 revenue',
  '利润 profit',
  '现金 cash',
  '所有者权益 equity',
  '订单 orders',
  '件数 units',
  '访客 visits',
  '转化率 conversion',
  '违约 breaches',
  '动态评分 DSR',
  '综合指数 index',
  '库存 stock units',
  '补货被拒 restock refused',
  '破产 bankrupt',
  ...COST_KINDS.map((k) => `${COST_ZH[k]} ${k} cost`),
  ...CROWDS.map((k) => `${CROWD_ZH[k]} ${k} units`),
];

function historyRow(s: ShopRoundResult, round: number): Cell[] {
  return [
    round,
    s.revenue,
    s.profit,
    s.cash,
    s.equity,
    s.orders,
    s.units,
    s.visits,
    s.conversionRate,
    s.breaches,
    s.dsr,
    s.index,
    s.stockUnits,
    s.restockRefused,
    s.bankrupt,
    ...COST_KINDS.map((k) => s.costs[k]),
    ...CROWDS.map((k) => s.unitsByCrowd[k]),
  ];
}

export function teamRoundCsv(result: Result, shop: string): string {
  return toCsv(
    HISTORY_HEADER,
    result.rounds.map((r, i) => historyRow(shopRow(result, shop, i), r.round)),
  );
}

export function classRoundCsv(world: World, scenarioFile: unknown, result: Result): string {
  const st = standings(world, scenarioFile, result);
  const last = result.rounds.length - 1;
  return toCsv(
    ['名次 place', '店铺 shop', '名称 name', '团队 team', '得分 score', ...HISTORY_HEADER],
    st.map((s) => [s.place, s.shop, s.name, s.team, s.score, ...historyRow(shopRow(result, s.shop, last), result.rounds[last]!.round)]),
  );
}

const money = (x: number) => x.toFixed(2);

function marketSection(world: World, result: Result): string {
  const r = result.rounds[result.rounds.length - 1]!;
  const parts: string[] = ['<h2>市场 The market this round</h2>'];
  parts.push(
    table(
      ['城市 city', '商品 product', ...CROWDS.map((k) => `${CROWD_ZH[k]} ${k}`)],
      world.cities.flatMap((c) =>
        world.products.map((p) => [`${c.name.zh} ${c.id}`, `${p.name.zh} ${p.id}`, ...CROWDS.map((k) => r.demand[c.id]?.[p.id]?.[k] ?? 0)]),
      ),
      { left: [0, 1] },
    ),
  );
  parts.push('<h3>流失的买家及原因 Buyers lost, and why</h3>');
  parts.push(
    table(
      ['城市 city', ...LOST_REASONS.map((k) => `${LOST_ZH[k]} ${k}`)],
      world.cities.map((c) => [`${c.name.zh} ${c.id}`, ...LOST_REASONS.map((k) => r.lostDemandByReason[c.id]?.[k] ?? 0)]),
    ),
  );
  return parts.join('\n');
}

function standingsTable(st: readonly Standing[], mine?: string): string {
  return table(
    ['名次 place', '店铺 shop', '名称 name', '得分 score', '所有者权益 equity', ''],
    st.map((s) => [s.place, s.shop, s.name, s.score.toFixed(2), money(s.equity), s.bankrupt ? '破产 bankrupt' : s.team ? '' : 'bot']),
    { left: [1, 2, 5], rowClass: (i) => (st[i]!.shop === mine ? 'flag' : '') },
  );
}

export function teamRoundHtml(world: World, scenarioFile: unknown, result: Result, shop: string): string {
  const last = result.rounds.length - 1;
  const round = result.rounds[last]!.round;
  const setup = world.shops.find((s) => s.id === shop)!;
  const s = shopRow(result, shop, last);
  const prev = last > 0 ? shopRow(result, shop, last - 1) : null;
  const title = `第${round}期经营报告 Round ${round} report · ${setup.name.zh} (${shop})`;
  const b: string[] = [`<h1>${esc(title)}</h1>`];
  b.push(`<p class="muted">${esc(world.name.zh)} ${esc(world.name.en)} (${esc(world.id)}) · round ${round} of ${world.rounds}</p>`);
  const line = (zh: string, en: string, v: number | null, p: number | null, f: (x: number) => string = String) => [
    `${zh} ${en}`,
    v === null ? '—' : f(v),
    p === null ? '' : f(p),
  ];
  b.push('<h2>本期数据 This round</h2>');
  b.push(
    table(
      ['指标 figure', `第${round}期 round ${round}`, prev ? `第${round - 1}期 round ${round - 1}` : ''],
      [
        line('销售额', 'revenue', s.revenue, prev?.revenue ?? null, money),
        line('利润', 'profit', s.profit, prev?.profit ?? null, money),
        line('现金', 'cash', s.cash, prev?.cash ?? null, money),
        line('所有者权益', "owner's equity", s.equity, prev?.equity ?? null, money),
        line('订单', 'orders', s.orders, prev?.orders ?? null),
        line('件数', 'units', s.units, prev?.units ?? null),
        line('访客', 'visits', s.visits, prev?.visits ?? null),
        line('转化率', 'conversion', s.conversionRate, prev?.conversionRate ?? null, (x) => `${(x * 100).toFixed(2)}%`),
        line('违约', 'breaches', s.breaches, prev?.breaches ?? null),
        line('动态评分', 'DSR', s.dsr, prev?.dsr ?? null, (x) => x.toFixed(2)),
        line('综合指数', 'composite index', s.index, prev?.index ?? null, (x) => x.toFixed(1)),
        line('库存件数', 'stock units', s.stockUnits, prev?.stockUnits ?? null),
        line('补货被拒', 'restock refused (warehouse full)', s.restockRefused, prev?.restockRefused ?? null),
        line('补货因现金不足削减', 'restock cut (not enough cash)', s.restockCutForCash, prev?.restockCutForCash ?? null),
      ],
    ),
  );
  if (s.bankrupt) b.push('<p class="bad">破产：本店已停止经营。Bankrupt: the shop has stopped trading.</p>');
  b.push('<h3>成本 Costs</h3>');
  b.push(table(['成本 cost', 'yuan'], COST_KINDS.map((k) => [`${COST_ZH[k]} ${k}`, money(s.costs[k])])));
  b.push('<h3>各人群销量 Units by crowd</h3>');
  b.push(table(CROWDS.map((k) => `${CROWD_ZH[k]} ${k}`), [CROWDS.map((k) => s.unitsByCrowd[k])], { left: [] }));
  b.push('<h3>产品评价与城市影响力 Reviews and city influence</h3>');
  b.push(
    table(
      [...world.products.map((p) => `${p.name.zh} ${p.id}`), ...world.cities.map((c) => `${c.name.zh} ${c.id}`)],
      [[...world.products.map((p) => s.reviewScore[p.id] ?? 0), ...world.cities.map((c) => s.cityInfluence[c.id] ?? 0)]],
      { left: [] },
    ),
  );
  b.push(
    lineChart('所有者权益 equity by round (thick: this shop, thin: the others)', [
      ...world.shops.filter((x) => x.id !== shop).map((x) => ({ label: x.id, values: result.rounds.map((_, i) => shopRow(result, x.id, i).equity) })),
      { label: shop, values: result.rounds.map((_, i) => shopRow(result, shop, i).equity), strong: true },
    ]),
  );
  b.push(marketSection(world, result));
  b.push('<h2>排名 Standings</h2>');
  b.push(`<p class="muted">${esc(describeRubric(rubricOf(world, scenarioFile)))}</p>`);
  b.push(standingsTable(standings(world, scenarioFile, result), shop));
  return page('zh-CN', title, b.join('\n'));
}

export function classRoundHtml(world: World, scenarioFile: unknown, result: Result): string {
  const last = result.rounds.length - 1;
  const round = result.rounds[last]!.round;
  const title = `第${round}期班级总览 Round ${round} class overview · ${world.name.zh} ${world.name.en}`;
  const st = standings(world, scenarioFile, result);
  const b: string[] = [`<h1>${esc(title)}</h1>`];
  b.push(`<p class="muted">scenario ${esc(world.id)} · round ${round} of ${world.rounds} · game hash ${esc(result.hash)}</p>`);
  b.push('<h2>排名 Standings</h2>');
  b.push(`<p class="muted">${esc(describeRubric(rubricOf(world, scenarioFile)))}</p>`);
  b.push(
    table(
      ['名次 place', '店铺 shop', '名称 name', '得分 score', '所有者权益 equity', '销售额 revenue', '利润 profit', '件数 units', '违约 breaches', '动态评分 DSR', ''],
      st.map((x) => {
        const s = shopRow(result, x.shop, last);
        return [x.place, x.shop, x.name, x.score.toFixed(2), money(x.equity), money(s.revenue), money(s.profit), s.units, s.breaches, s.dsr === null ? '—' : s.dsr.toFixed(2), x.bankrupt ? '破产 bankrupt' : x.team ? '' : 'bot'];
      }),
      { left: [1, 2, 10] },
    ),
  );
  b.push(
    lineChart(
      '所有者权益 equity by round',
      world.shops.map((x) => ({ label: x.id, values: result.rounds.map((_, i) => shopRow(result, x.id, i).equity), strong: x.controller.kind === 'player' })),
    ),
  );
  b.push(marketSection(world, result));
  return page('zh-CN', title, b.join('\n'));
}
