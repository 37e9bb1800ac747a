/**
 * The Plan screen's what-if panel: the draft round played by the engine in a Web Worker against
 * the rivals repeating last round, per listing and in total. Clearly a forecast; refreshed a
 * moment after each edit, never in the way of typing.
 */
import { append, h } from '../dom';
import { local, t } from '../i18n';
import { formatYuan } from '../../engine';
import { draftDecision, forecastJob, rivalsRepeat, type Forecast } from '../forecast';
import { forecastRunner, type ForecastWhere } from '../forecastRunner';
import type { RoundEntry, Session } from '../session';

const yuan = (fen: number) => `¥${formatYuan(fen)}`;

export interface ForecastPanel {
  el: HTMLElement;
  /** the plan changed: a legal entry, or null when the plan has problems */
  update(entry: RoundEntry | null): void;
  /** called with each new forecast (for the plan's per-row warnings) */
  onForecast(fn: (f: Forecast | null) => void): void;
  destroy(): void;
}

export function forecastPanel(session: Session): ForecastPanel {
  const { world } = session;
  const rivals = rivalsRepeat(session);
  const round = session.states[session.states.length - 1]!.round + 1;
  const status = h('p', { className: 'forecast-status muted', 'aria-live': 'off' });
  const body = h('div', { className: 'forecast-body' });
  const el = h(
    'section',
    { className: 'forecast panel', 'data-testid': 'forecast', 'aria-labelledby': 'forecast-h', 'data-state': 'pending' },
    h('h3', { id: 'forecast-h' }, t('forecastTitle', { round })),
    h('p', { className: 'help' }, round === 1 ? t('forecastAssumeFirst') : t('forecastAssume')),
    h('p', { className: 'help' }, t('forecastBooking')),
    status,
    body,
  );
  const listeners: ((f: Forecast | null) => void)[] = [];

  function show(f: Forecast | null, ms: number, where: ForecastWhere): void {
    body.replaceChildren();
    el.dataset.state = f ? 'ready' : 'none';
    // For the browser test: the forecast ran in its worker (or, where none could start, here).
    el.dataset.runner = where;
    status.textContent = f ? t('forecastDone', { ms: Math.round(ms) }) : t('forecastNone');
    for (const fn of listeners) fn(f);
    if (!f) return;
    el.dataset.profitFen = String(f.profitFen);
    const warn = f.bankrupt || f.cashFen < 0;
    append(body, [
      h(
        'dl',
        { className: 'forecast-totals' },
        h('dt', {}, t('fcProfit')),
        h('dd', { 'data-testid': 'forecast-profit', className: f.profitFen < 0 ? 'bad' : '' }, yuan(f.profitFen)),
        h('dt', {}, t('fcRevenue')),
        h('dd', {}, yuan(f.revenueFen)),
        h('dt', {}, t('fcUnits')),
        h('dd', {}, f.units),
        h('dt', {}, t('fcCash')),
        h('dd', { className: warn ? 'bad' : '' }, yuan(f.cashFen)),
        h('dt', {}, t('fcRank')),
        h('dd', {}, t('fcRankOf', { rank: f.rank, shops: f.shops })),
      ),
      warn ? h('p', { className: 'warn-line', role: 'alert' }, t('fcBankrupt')) : null,
      h(
        'div',
        { className: 'table-scroll' },
        h(
          'table',
          { className: 'forecast-rows' },
          h('caption', { className: 'visually-hidden' }, t('forecastRowsCaption')),
          h('thead', {}, h('tr', {}, ...[t('fcListing'), t('fcUnits'), t('fcRevenue'), t('fcProfitRow'), t('fcStockLeft'), t('fcSellOut')].map((x) => h('th', { scope: 'col' }, x)))),
          h(
            'tbody',
            {},
            ...f.rows
              .filter((r) => r.listed)
              .map((r) =>
                h(
                  'tr',
                  { className: r.sellOutDay !== null ? 'warn' : '' },
                  h('th', { scope: 'row' }, `${local(world.cities[r.c]!.name)} · ${local(world.products[r.p]!.name)}`),
                  h('td', { className: 'num' }, r.units),
                  h('td', { className: 'num' }, yuan(r.revenueFen)),
                  h('td', { className: 'num' }, yuan(r.profitFen)),
                  h('td', { className: 'num' }, r.stockLeft),
                  h('td', {}, r.sellOutDay === null ? '—' : t('fcDay', { day: r.sellOutDay })),
                ),
              ),
          ),
        ),
      ),
    ]);
  }

  const runner = forecastRunner(show, () => {
    el.dataset.state = 'pending';
    status.textContent = t('forecastRunning');
  });

  return {
    el,
    update(entry) {
      runner.request(() => {
        if (!entry || session.player < 0) return null;
        const mine = draftDecision(session, entry);
        return mine ? forecastJob(session, mine, rivals) : null;
      });
    },
    onForecast(fn) {
      listeners.push(fn);
    },
    destroy() {
      runner.destroy();
    },
  };
}
