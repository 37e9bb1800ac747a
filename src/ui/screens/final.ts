/**
 * Final: the ranking by the scenario's rubric — the course's equity ranking, or the weighted
 * components a scenario sets — computed by grading's own function on the game played, and the
 * player's score part by part, so a student sees the breakdown a grader computes.
 */
import { h } from '../dom';
import { local, t } from '../i18n';
import type { App, Mounted } from '../shell';
import { equityFen, formatYuan, unitsOwned } from '../../engine';
import { current } from '../session';
import { finalScore, type ScoreLine } from '../finalScore';
import { METRIC_LABELS, type Rubric } from '../../sim/grading/rubric';
import { hashLine } from './review';
import { debriefPanel, glossaryDetails } from './coachPanel';
import { gameTotals } from '../totals';
import { rankShops } from '../../sim/scoring';
import { meanReview } from '../why';
import type { Session } from '../session';

/** Every shop's whole game: revenue, profit and units summed over all rounds; cash and equity at the end. */
function totalsTable(session: Session): HTMLElement {
  const { world } = session;
  const state = current(session);
  const last = state.reports[state.reports.length - 1]!;
  const rows = rankShops(world, state);
  return h(
    'table',
    { className: 'league', 'data-testid': 'game-totals' },
    h('caption', {}, t('gameTotalsTitle', { rounds: state.reports.length })),
    h(
      'thead',
      {},
      h('tr', {}, ...[t('rank'), t('shop'), t('equity'), t('cash'), t('totalRevenue'), t('totalProfit'), t('totalUnits'), t('reviewScore'), t('dsr'), t('index')].map((x) => h('th', { scope: 'col' }, x))),
    ),
    h(
      'tbody',
      {},
      ...rows.map((r) => {
        const x = last.shops[r.shop]!;
        const tot = gameTotals(state, r.shop);
        return h(
          'tr',
          { className: r.shop === session.player ? 'mine' : '', 'data-shop': r.shop },
          h('td', { className: 'num' }, r.rank),
          h('th', { scope: 'row' }, local(world.shops[r.shop]!.name) + (r.shop === session.player ? t('you') : '') + (r.bankrupt ? ` (${t('bankrupt')})` : '')),
          h('td', { className: 'num' }, formatYuan(r.equityFen)),
          h('td', { className: 'num' }, formatYuan(x.cashFen)),
          h('td', { className: 'num', 'data-col': 'revenue' }, formatYuan(tot.revenueFen)),
          h('td', { className: 'num', 'data-col': 'profit' }, formatYuan(tot.profitFen)),
          h('td', { className: 'num', 'data-col': 'units' }, tot.units),
          h('td', { className: 'num' }, meanReview(x.reviewScore)),
          h('td', { className: 'num' }, x.dsr),
          h('td', { className: 'num' }, x.index),
        );
      }),
    ),
  );
}

const num = (x: number) => String(x);

function rubricText(rubric: Rubric): string {
  if (rubric.isDefault) return t('finalIntro', { first: rubric.first, step: rubric.step });
  const parts = rubric.components.map((c) =>
    t(c.method === 'rank' ? 'rubricByRank' : 'rubricByScale', {
      weight: Math.round(c.weight * 1000) / 10,
      metric: local(rubricLabel(c.metric)),
      lower: c.metric === 'breachRate' ? t('rubricLower') : '',
      first: rubric.first,
      step: rubric.step,
    }),
  );
  return t('finalIntroRubric', { parts: parts.join(local({ zh: '；', en: '; ' })) });
}

function rubricLabel(metric: ScoreLine['metric']): { zh: string; en: string } {
  return METRIC_LABELS[metric];
}

export function mountFinal(root: HTMLElement, app: App): Mounted {
  const session = app.session()!;
  const { world } = session;
  const state = current(session);
  const score = finalScore(session);
  const { rubric, standings } = score;
  const section = h('section', { className: 'screen final-screen', 'aria-labelledby': 'final-h' });
  root.append(section);
  section.append(h('h2', { id: 'final-h' }, t('finalTitle')), h('p', { className: 'help', 'data-testid': 'final-rubric' }, rubricText(rubric)));
  if (session.player >= 0) {
    const mine = standings.find((r) => r.shop === session.player)!;
    const shop = state.shops[session.player]!;
    let stockFen = 0;
    unitsOwned(world, state, session.player).forEach((n, p) => (stockFen += n * world.products[p]!.unitCostFen));
    const summary = t('finalSummary', { rank: mine.place, shops: standings.length, score: num(mine.total) });
    section.append(
      h('p', { className: 'summary', 'data-testid': 'final-summary' }, summary),
      h(
        'table',
        { className: 'score-parts', 'data-testid': 'score-parts' },
        h('caption', {}, t('scoreParts')),
        h(
          'tbody',
          {},
          h('tr', {}, h('th', { scope: 'row' }, t('partCash')), h('td', { className: 'num' }, `¥${formatYuan(shop.cashFen)}`)),
          h('tr', {}, h('th', { scope: 'row' }, t('partStock')), h('td', { className: 'num' }, `¥${formatYuan(stockFen)}`)),
          h('tr', {}, h('th', { scope: 'row' }, t('partEquity')), h('td', { className: 'num' }, `¥${formatYuan(equityFen(world, state, session.player))}`)),
          h('tr', {}, h('th', { scope: 'row' }, t('partSustain')), h('td', {}, mine.bankrupt ? t('partSustainBad') : t('partSustainOk'))),
        ),
      ),
      h(
        'table',
        { className: 'score-parts rubric-parts', 'data-testid': 'rubric-parts' },
        h('caption', {}, t('rubricParts')),
        h(
          'thead',
          {},
          h('tr', {}, ...[t('rubricComponent'), t('rubricValue'), t('rubricRank'), t('rubricScore'), t('rubricWeight'), t('rubricWeighted')].map((x) => h('th', { scope: 'col' }, x))),
        ),
        h(
          'tbody',
          {},
          ...mine.lines.map((l) =>
            h(
              'tr',
              { 'data-metric': l.metric },
              h('th', { scope: 'row' }, local(l.label) + (l.lowerIsBetter ? t('rubricLower') : '')),
              h('td', { className: 'num' }, l.value),
              h('td', { className: 'num' }, `${l.rank} / ${standings.length}`),
              h('td', { className: 'num' }, num(l.score)),
              h('td', { className: 'num' }, `${Math.round(l.weight * 1000) / 10}%`),
              h('td', { className: 'num' }, num(l.weighted)),
            ),
          ),
          h('tr', { className: 'total' }, h('th', { scope: 'row', colspan: '5' }, t('rubricTotal')), h('td', { className: 'num', 'data-testid': 'rubric-total' }, h('strong', {}, num(mine.total)))),
        ),
      ),
    );
    app.announce(summary);
  }
  section.append(
    h(
      'div',
      { className: 'table-scroll' },
      h(
        'table',
        { className: 'league', 'data-testid': 'final-standings' },
        h('caption', {}, t('finalStandings')),
        h(
          'thead',
          {},
          h('tr', {}, h('th', { scope: 'col' }, t('place')), h('th', { scope: 'col' }, t('shop')), ...rubric.components.map((c) => h('th', { scope: 'col' }, local(rubricLabel(c.metric)))), h('th', { scope: 'col' }, t('totalScore'))),
        ),
        h(
          'tbody',
          {},
          ...standings.map((r) =>
            h(
              'tr',
              { className: r.shop === session.player ? 'mine' : '' },
              h('td', { className: 'num' }, r.place),
              h('th', { scope: 'row' }, local(world.shops[r.shop]!.name) + (r.shop === session.player ? t('you') : '') + (r.bankrupt ? ` (${t('bankrupt')})` : '')),
              ...r.lines.map((l) => h('td', { className: 'num' }, `${l.value} → ${num(l.score)}`)),
              h('td', { className: 'num' }, h('strong', {}, num(r.total))),
            ),
          ),
        ),
      ),
    ),
    h('div', { className: 'table-scroll' }, totalsTable(session)),
    debriefPanel(session) ?? "",
    glossaryDetails(),
    hashLine(session),
    h('p', {}, local(world.name)),
    h('div', { className: 'review-actions' }, h('button', { type: 'button', className: 'primary', onclick: () => app.go('start') }, t('newGameAgain'))),
  );
  return { destroy() {} };
}
