/** Final: the ranking by the scenario's rubric and the player's score, part by part. */
import { h } from '../dom';
import { local, t } from '../i18n';
import type { App, Mounted } from '../app';
import { formatYuan, unitsOwned } from '../../engine';
import { rankShops } from '../../sim/scoring';
import { current } from '../session';
import { hashLine, leagueTable } from './review';

export function mountFinal(root: HTMLElement, app: App): Mounted {
  const session = app.session()!;
  const { world } = session;
  const state = current(session);
  const rules = world.rules;
  const section = h('section', { className: 'screen final-screen', 'aria-labelledby': 'final-h' });
  root.append(section);
  section.append(h('h2', { id: 'final-h' }, t('finalTitle')), h('p', { className: 'help' }, t('finalIntro', { first: rules.rubricFirst, step: rules.rubricStep })));
  const rows = rankShops(world, state);
  if (session.player >= 0) {
    const mine = rows.find((r) => r.shop === session.player)!;
    const shop = state.shops[session.player]!;
    let stockFen = 0;
    unitsOwned(world, state, session.player).forEach((n, p) => (stockFen += n * world.products[p]!.unitCostFen));
    const summary = t('finalSummary', { rank: mine.rank, shops: rows.length, score: mine.score });
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
          h('tr', {}, h('th', { scope: 'row' }, t('partEquity')), h('td', { className: 'num' }, `¥${formatYuan(mine.equityFen)}`)),
          h('tr', {}, h('th', { scope: 'row' }, t('partSustain')), h('td', {}, mine.bankrupt ? t('partSustainBad') : t('partSustainOk'))),
          h('tr', {}, h('th', { scope: 'row' }, t('partRank')), h('td', { className: 'num' }, `${mine.rank} / ${rows.length}`)),
          h('tr', {}, h('th', { scope: 'row' }, t('partScore', { first: rules.rubricFirst, step: rules.rubricStep })), h('td', { className: 'num' }, h('strong', {}, mine.score))),
        ),
      ),
    );
    app.announce(summary);
  }
  section.append(
    h('div', { className: 'table-scroll' }, leagueTable(world, session)),
    hashLine(session),
    h('p', {}, local(world.name)),
    h('div', { className: 'review-actions' }, h('button', { type: 'button', className: 'primary', onclick: () => app.go('start') }, t('newGameAgain'))),
  );
  return { destroy() {} };
}
