/**
 * Review: the round's report. Summary (also announced), league table, why each crowd went where
 * it went, charts over the rounds, and the state hash that `shopsim run` reproduces.
 */
import { append, h } from '../dom';
import { local, t, toolName } from '../i18n';
import { roundSummary, type App, type Mounted } from '../shell';
import { COST_KINDS, CROWDS, LIFECYCLE, LOST_REASONS, LOST_REASON_COUNT, formatYuan, type World } from '../../engine';
import { afterSalesKpi } from '../../sim/grading/rubric';
import { acquisitionAndRetentionFen } from '../../sim/result';
import { rankShops } from '../../sim/scoring';
import { barChart, lineChart, shopStyle } from '../charts';
import { crowdLook, crowdMarkerSvg } from '../crowdStyle';
import { current, hashOf, isOver, type Session } from '../session';
import { explainRound, meanReview, type Factor } from '../why';
import { flowsOfRound } from '../outcome';
import { promotionLedger } from '../promotionLedger';
import { coachPanel, glossaryDetails } from './coachPanel';
import { term } from '../glossary';
import { funnelCharts } from '../funnelChart';

const yuan = (fen: number) => formatYuan(fen);

export function leagueTable(world: World, session: Session): HTMLElement {
  const state = current(session);
  const report = state.reports[state.reports.length - 1]!;
  const rows = rankShops(world, state);
  return h(
    'table',
    { className: 'league', 'data-testid': 'league-table' },
    h('caption', {}, t('leagueTable')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...[t('rank'), t('shop'), term('equity', t('equity')), t('cash'), t('revenue'), t('profit'), t('units'), term('reviewScore', t('reviewScore')), term('dsr', t('dsr')), term('compositeIndex', t('index')), t('score')].map((x) =>
          h('th', { scope: 'col' }, x),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      ...rows.map((r) => {
        const x = report.shops[r.shop]!;
        return h(
          'tr',
          { className: r.shop === session.player ? 'mine' : '' },
          h('td', { className: 'num' }, r.rank),
          h('th', { scope: 'row' }, local(world.shops[r.shop]!.name) + (r.shop === session.player ? t('you') : '') + (r.bankrupt ? ` (${t('bankrupt')})` : '')),
          h('td', { className: 'num' }, yuan(r.equityFen)),
          h('td', { className: 'num' }, yuan(x.cashFen)),
          h('td', { className: 'num' }, yuan(x.revenueFen)),
          h('td', { className: 'num' }, yuan(x.profitFen)),
          h('td', { className: 'num' }, x.units),
          h('td', { className: 'num' }, meanReview(x.reviewScore)),
          h('td', { className: 'num' }, x.dsr ?? t('noRatings')),
          h('td', { className: 'num' }, x.index),
          h('td', { className: 'num' }, r.score),
        );
      }),
    ),
  );
}

function factorText(world: World, f: Factor): string {
  switch (f.kind) {
    case 'noListing':
      return t('fNoListing');
    case 'priceRank':
      return t('fPriceRank', { product: local(world.products[f.product]!.name), rank: f.rank, of: f.of, mine: yuan(f.mineFen), best: yuan(f.bestFen) });
    case 'review':
      return t('fReview', { mine: f.mine, theirs: f.theirs, rival: local(world.shops[f.rival]!.name) });
    case 'influence':
      return t('fInfluence', { mine: f.mine, theirs: f.theirs, rival: local(world.shops[f.rival]!.name) });
    case 'index':
      return t('fIndex', { mine: f.mine, theirs: f.theirs, rival: local(world.shops[f.rival]!.name) });
    case 'soldOut':
      return t(f.lostHere > 0 ? 'fSoldOutLost' : 'fSoldOut', { product: local(world.products[f.product]!.name), day: f.day, n: f.lostHere });
    case 'noStock':
      return t('fNoStock', { product: local(world.products[f.product]!.name) });
    case 'tooSlow':
      return t('fTooSlow', { ticks: f.ticks, deadline: f.deadline });
    case 'searchRank':
      return t('fSearchRank', { product: local(world.products[f.product]!.name), mine: f.mine || '—', theirs: f.theirs || '—', rival: local(world.shops[f.rival]!.name), depth: f.depth });
  }
}

function whyTable(session: Session): HTMLElement {
  const { world } = session;
  const n = session.states.length;
  const rows = explainRound(world, session.states[n - 2]!, session.states[n - 1]!, session.player, flowsOfRound(session, n - 1));
  return h(
    'section',
    { className: 'why', 'aria-labelledby': 'why-h' },
    h('h3', { id: 'why-h' }, t('whyTitle')),
    h('p', { className: 'help' }, t('whyIntro')),
    h(
      'div',
      { className: 'table-scroll' },
      h(
        'table',
        { 'data-testid': 'why-table' },
        h('thead', {}, h('tr', {}, ...[t('city'), t('crowd'), t('whyBuyers'), t('whyMine'), t('whyWinner'), t('whyLost'), t('whyFactors')].map((x) => h('th', { scope: 'col' }, x)))),
        h(
          'tbody',
          {},
          ...rows.map((r) => {
            const crowd = CROWDS[r.crowd]!;
            const winner = r.winner < 0 ? t('whyNobody') : r.winner === session.player ? t('whyYouWon') : `${local(world.shops[r.winner]!.name)} (${r.winnerUnits})`;
            return h(
              'tr',
              { className: r.winner === session.player ? 'mine' : '' },
              h('td', {}, local(world.cities[r.city]!.name)),
              h('th', { scope: 'row' }, crowdMarkerSvg(r.crowd), ' ', t(`crowd_${crowd}`)),
              h('td', { className: 'num' }, r.buyers),
              h('td', { className: 'num' }, `${r.mine} / ${r.total}`),
              h('td', {}, winner),
              h('td', { className: 'num' }, r.lost),
              h('td', {}, h('ul', { className: 'factors' }, ...r.factors.map((f) => h('li', {}, factorText(world, f))))),
            );
          }),
        ),
      ),
    ),
  );
}

function charts(session: Session): HTMLElement {
  const { world } = session;
  const state = current(session);
  const reports = state.reports;
  const xs = reports.map((r) => t('roundShort', { round: r.round }));
  const S = world.shops.length;
  const C = world.cities.length;
  const perShop = (pick: (s: number, r: (typeof reports)[number]) => number) =>
    world.shops.map((shop, s) => ({ name: local(shop.name) + (s === session.player ? t('you') : ''), values: reports.map((r) => pick(s, r)), ...shopStyle(s, session.player) }));
  const money = (v: number) => `¥${v.toFixed(2)}`;
  const out = h('div', { className: 'charts' });
  out.append(
    lineChart(t('chartRevenue'), xs, perShop((s, r) => r.shops[s]!.revenueFen / 100), money),
    lineChart(t('chartProfit'), xs, perShop((s, r) => r.shops[s]!.profitFen / 100), money),
    lineChart(t('chartCash'), xs, perShop((s, r) => r.shops[s]!.cashFen / 100), money),
  );
  if (session.player >= 0) {
    const p = session.player;
    out.append(
      lineChart(
        t('chartShare'),
        xs,
        CROWDS.map((c, k) => ({
          name: t(`crowd_${c}`),
          color: crowdLook(k).css,
          crowd: k,
          values: reports.map((r) => {
            let total = 0;
            for (let s = 0; s < S; s++) total += r.shops[s]!.unitsByCrowd[k]!;
            return total === 0 ? 0 : Math.round((1000 * r.shops[p]!.unitsByCrowd[k]!) / total) / 10;
          }),
        })),
        (v) => `${v}%`,
      ),
      lineChart(t('chartReview'), xs, [
        { name: t('reviewScore'), color: '#0072B2', values: reports.map((r) => meanReview(r.shops[p]!.reviewScore)) },
        { name: t('cityInfluence'), color: '#D55E00', dash: '6 3', values: reports.map((r) => r.shops[p]!.cityInfluence.reduce((a, b) => a + b, 0)) },
      ]),
    );
  }
  const last = reports[reports.length - 1]!;
  const reasonColors = ['#999999', '#D55E00', '#E69F00', '#56B4E9', '#000000', '#CC79A7'];
  out.append(
    barChart(
      t('chartLost'),
      LOST_REASONS.map((reason, j) => {
        let n = 0;
        for (let c = 0; c < C; c++) n += last.lostByReason[c * LOST_REASON_COUNT + j]!;
        return { label: t(`reason_${reason}`), value: n, color: reasonColors[j]! };
      }),
      (v) => String(v),
    ),
  );
  return out;
}

/** The player's round in money: where the costs went, and what each promotion did. */
function moneyTables(session: Session): HTMLElement | null {
  const { world } = session;
  const state = current(session);
  const me = state.reports[state.reports.length - 1]?.shops[session.player];
  if (!me) return null;
  const costs = h(
    'table',
    { className: 'costs', 'data-testid': 'cost-table' },
    h('caption', {}, t('costsTitle')),
    h(
      'tbody',
      {},
      h('tr', {}, h('th', { scope: 'row' }, t('revenue')), h('td', { className: 'num' }, `¥${yuan(me.revenueFen)}`)),
      h('tr', {}, h('th', { scope: 'row' }, t('cost_cogs')), h('td', { className: 'num' }, `−¥${yuan(me.cogsFen)}`)),
      ...COST_KINDS.map((k, i) => (k === 'goods' || me.costsFen[i] === 0 ? null : h('tr', {}, h('th', { scope: 'row' }, t(`cost_${k}`)), h('td', { className: 'num' }, `−¥${yuan(me.costsFen[i]!)}`)))),
      h('tr', { className: 'total' }, h('th', { scope: 'row' }, t('profit')), h('td', { className: 'num' }, h('strong', {}, `¥${yuan(me.profitFen)}`))),
      h('tr', {}, h('th', { scope: 'row' }, t('cost_goods')), h('td', { className: 'num' }, `¥${yuan(me.costsFen[0]!)}`)),
      me.restockRefused > 0 ? h('tr', { className: 'warn' }, h('td', { colspan: 2 }, t('restockRefused', { n: me.restockRefused, cap: world.rules.warehouseCapacity }))) : null,
      me.restockCutForCash > 0 ? h('tr', { className: 'warn' }, h('td', { colspan: 2 }, t('restockCutForCash', { n: me.restockCutForCash }))) : null,
    ),
  );
  const promos = me.promotions ?? [];
  const promoTable = promos.length
    ? h(
        'table',
        { className: 'promo-report', 'data-testid': 'promotion-report' },
        h('caption', {}, t('promoReportTitle')),
        h('thead', {}, h('tr', {}, ...[t('promotionType'), t('product'), t('orders'), t('units'), t('revenue'), t('promoCost'), t('promoReturn')].map((x) => h('th', { scope: 'col' }, x)))),
        h(
          'tbody',
          {},
          ...promos.map((r) => {
            const product = 'product' in r.promotion && typeof r.promotion.product === 'number' ? local(world.products[r.promotion.product]!.name) : '—';
            return h(
              'tr',
              {},
              h('th', { scope: 'row' }, toolName(r.promotion.type)),
              h('td', {}, product),
              h('td', { className: 'num' }, r.orders),
              h('td', { className: 'num' }, r.units),
              h('td', { className: 'num' }, `¥${yuan(r.revenueFen)}`),
              h('td', { className: 'num' }, `¥${yuan(r.discountFen)}`),
              h('td', { className: 'num' }, r.discountFen > 0 ? `${Math.round((r.revenueFen / r.discountFen) * 10) / 10}×` : '—'),
            );
          }),
        ),
      )
    : null;
  const box = h('div', { className: 'money-tables' }, costs);
  if (promoTable) {
    const n = session.states.length;
    const led = promotionLedger(session.states[n - 2]!, session.states[n - 1]!, session.player);
    if (led) {
      promoTable.append(
        h(
          'tfoot',
          {},
          h(
          'tr',
          { className: 'total' },
          h('th', { scope: 'row', colspan: 5 }, t('promoOrderedTotal')),
          h('td', { className: 'num', 'data-testid': 'promo-ordered-total' }, `¥${yuan(led.orderedFen)}`),
          h('td', {}, ''),
          ),
        ),
      );
      const parts: string[] = [];
      if (led.carriedInFen) parts.push(t('promoCarriedIn', { v: yuan(led.carriedInFen) }));
      if (led.inTransitFen) parts.push(t('promoInTransit', { v: yuan(led.inTransitFen) }));
      if (led.refusedFen) parts.push(t('promoRefused', { v: yuan(led.refusedFen) }));
      box.append(promoTable, h('p', { className: 'help', 'data-testid': 'promo-bridge' }, t('promoBridge', { ordered: yuan(led.orderedFen), booked: yuan(led.bookedFen), parts: parts.length ? parts.join(t('listSep')) : t('promoNoGap') })));
    } else box.append(promoTable);
  }
  return box;
}

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;

/**
 * The player's customer service (course §5: agents, response time, refunds, DSR parts, negative
 * tags) and customers (course §9: lifecycle funnel, repurchase rates, cost per order, RFM grid).
 */
export function serviceAndCustomers(session: Session): HTMLElement | null {
  const { world } = session;
  const state = current(session);
  const me = state.reports[state.reports.length - 1]?.shops[session.player];
  if (!me) return null;
  const row = (label: string, value: string | number, testid?: string) =>
    h('tr', {}, h('th', { scope: 'row' }, label), h('td', { className: 'num', ...(testid ? { 'data-testid': testid } : {}) }, String(value)));
  const box = h('div', { className: 'money-tables', 'data-testid': 'service-customers' });
  if (world.rules.service) {
    const tags = world.products.map((p, i) => `${local(p.name)} ${me.negativeTags[i]}`).join(' · ');
    box.append(
      h(
        'table',
        { className: 'costs', 'data-testid': 'service-table' },
        h('caption', {}, t('serviceTitle')),
        h(
          'tbody',
          {},
          row(t('svcAgents'), me.service.agents),
          row(t('svcInquiries'), me.service.inquiries),
          row(t('svcResponse'), me.service.avgResponseTicks.toFixed(2), 'response-time'),
          row(t('svcRefundRate', { points: afterSalesKpi(me.service.refundRate) }), pct(me.service.refundRate)),
          row(t('dsrDescription'), me.dsrParts[0]!.toFixed(2), 'dsr-description'),
          row(t('dsrService'), me.dsrParts[1]!.toFixed(2), 'dsr-service'),
          row(t('dsrLogistics'), me.dsrParts[2]!.toFixed(2), 'dsr-logistics'),
          row(t('negativeTags'), tags),
        ),
      ),
    );
  }
  const cs = me.customers;
  const [acquisition, retention] = acquisitionAndRetentionFen(me);
  const cpo = (fen: number, orders: number) => (orders === 0 ? '—' : `¥${yuan(Math.round(fen / orders))}`);
  box.append(
    h(
      'table',
      { className: 'costs', 'data-testid': 'customer-funnel' },
      h('caption', {}, t('customersTitle')),
      h(
        'tbody',
        {},
        ...LIFECYCLE.map((k, i) => row(t(`lc_${k}`), cs.states[i]!, `lc-${k}`)),
        row(t('repurchaseCustomers'), pct(cs.bought === 0 ? 0 : cs.boughtTwice / cs.bought), 'repurchase-customers'),
        row(t('repurchaseOrders'), pct(cs.allOrders === 0 ? 0 : cs.repeatOrders / cs.allOrders), 'repurchase-orders'),
        row(t('cpoNew'), cpo(acquisition, me.newCustomerOrders)),
        row(t('cpoReturning'), cpo(retention, me.returningOrders)),
        row(t('pointsIssued'), `¥${yuan(me.memberPoints?.issuedFen ?? 0)}`, 'points-issued'),
        row(t('pointsRedeemed', { orders: me.memberPoints?.orders ?? 0 }), `¥${yuan(me.memberPoints?.redeemedFen ?? 0)}`, 'points-redeemed'),
      ),
    ),
  );
  const cols = [t('rfmOnce'), t('rfmTwice'), t('rfmMore')];
  const rows = [t('rfmRecent'), t('rfmEarlier'), t('rfmSleeping')];
  box.append(
    h(
      'table',
      { className: 'costs', 'data-testid': 'rfm-grid' },
      h('caption', {}, t('rfmTitle')),
      h('thead', {}, h('tr', {}, h('th', {}, ''), ...cols.map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        {},
        ...rows.map((r, ri) =>
          h('tr', {}, h('th', { scope: 'row' }, r), ...[0, 1, 2].map((ci) => h('td', { className: 'num' }, `${cs.rfmCustomers[ri * 3 + ci]} · ¥${yuan(Math.round(cs.rfmSpentFen[ri * 3 + ci]!))}`))),
        ),
      ),
    ),
  );
  return box;
}

export function hashLine(session: Session): HTMLElement {
  // A detail for teachers and the command line, not for the student's decisions.
  return h('p', { className: 'hash details-line' }, `${t('detailsLabel')} · ${t('stateHash')}: `, h('code', { 'data-testid': 'state-hash' }, hashOf(session)));
}

export function mountReview(root: HTMLElement, app: App): Mounted {
  const session = app.session()!;
  const { world } = session;
  const state = current(session);
  const section = h('section', { className: 'screen review-screen', 'aria-labelledby': 'review-h' });
  root.append(section);
  const round = state.round;
  const summary = roundSummary(session);
  const next = isOver(session)
    ? h('button', { type: 'button', className: 'primary', 'data-testid': 'to-final', onclick: () => app.go('final') }, t('toFinal'))
    : h('button', { type: 'button', className: 'primary', 'data-testid': 'next-round', onclick: () => app.go('plan') }, t('nextRound', { round: round + 1 }));
  append(section, [
    h('h2', { id: 'review-h' }, t('reviewTitle', { round })),
    h('p', { className: 'summary', 'data-testid': 'round-summary' }, summary),
    h(
      'div',
      { className: 'review-actions' },
      next,
      session.lastFlows.length && session.lastFlows[0]!.round === round ? h('button', { type: 'button', onclick: () => app.go('watch') }, t('replayWatch')) : null,
    ),
    coachPanel(session),
    h('div', { className: 'table-scroll' }, leagueTable(world, session)),
    session.player >= 0 ? moneyTables(session) : null,
    session.player >= 0 ? serviceAndCustomers(session) : null,
    h('h3', {}, t('charts')),
    charts(session),
    session.player >= 0 ? funnelCharts(world, state.reports[state.reports.length - 1]?.shops[session.player]) : null,
    session.player >= 0 ? whyTable(session) : null,
    glossaryDetails(),
    hashLine(session),
  ]);
  return { destroy() {} };
}
