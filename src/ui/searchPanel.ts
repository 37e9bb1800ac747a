/**
 * The plan screen's keyword and bidding panel (course §7): per product, every keyword of the
 * market (those that find it first) with the market's keyword data (数据魔方) beside it, a tick to put it in the title (at most 7)
 * and a bid with a daily budget (optionally for one city). The validator's messages appear beside
 * the field they name as the student types; below, the most the bids can spend this round.
 */
import { formatYuan, type GameState, type World } from '../engine';
import { h } from './dom';
import { local, t } from './i18n';
import type { PlanDraft } from './planDraft';
import { adReachFen, keywordData, type SearchDraft } from './searchDraft';

export interface SearchPanelHost {
  world: World;
  state: GameState;
  cashFen: number;
  update(recipe: (d: PlanDraft) => void): void;
  input(field: string, value: string, label: string, onValue: (v: string) => void, extra?: Record<string, string>): HTMLInputElement;
  errorSlot(field: string): HTMLElement;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function searchPanel(host: SearchPanelHost, draft: SearchDraft): { el: HTMLElement; refresh(d: SearchDraft): void } {
  const { world, state } = host;
  const rules = world.rules.search;
  const max = rules.maxTitleKeywords;
  const reach = h('p', { className: 'spend', 'data-testid': 'search-reach', 'aria-live': 'polite' });
  const counts: HTMLElement[] = [];
  const started = state.reports.length > 0;
  const el = h(
    'fieldset',
    { className: 'panel search-panel', 'data-testid': 'search-panel' },
    h('legend', {}, t('searchTitle')),
    h('p', { className: 'help' }, t('searchHelp', { max })),
    h('p', { className: 'help' }, t('searchBidRange', { min: formatYuan(rules.minBidFen), max: formatYuan(rules.maxBidFen) }), ' ', started ? '' : t('searchNoData')),
  );
  world.products.forEach((product, p) => {
    const name = local(product.name);
    const count = h('span', { 'data-testid': `search:count:${p}` });
    counts[p] = count;
    const head = h(
      'tr',
      {},
      ...[t('searchInTitle'), t('searchKeyword'), t('searchRelevance'), t('searchVolume'), t('searchImpressions'), t('searchClicks'), t('searchOrders'), t('searchAvgCpc'), t('searchBid'), t('searchBudget'), t('searchCity')].map((x, i) =>
        h('th', { scope: 'col', title: i >= 4 && i <= 7 ? t('searchDataHead') : null }, x),
      ),
    );
    const body = h('tbody');
    draft.ads.forEach((a, i) => {
      if (a.p !== p) return;
      const k = world.keywords.findIndex((x) => x.id === a.keyword);
      if (k < 0) return;
      const kw = world.keywords[k]!;
      const word = kw.word ? local(kw.word) : kw.id;
      const what = `${name} ${word}`;
      const data = keywordData(world, state, k);
      const last = data.last;
      const bidF = `search:ad:${i}:bid`;
      const budgetF = `search:ad:${i}:dailyBudget`;
      const cityF = `search:ad:${i}:city`;
      body.append(
        h(
          'tr',
          {},
          h(
            'td',
            {},
            h('input', {
              type: 'checkbox',
              checked: draft.titles[p]!.includes(kw.id),
              'aria-label': `${what} ${t('searchInTitle')}`,
              'data-field': `search:title:${p}`,
              'data-testid': `search:title:${p}:${kw.id}`,
              onchange: (e: Event) => {
                const on = (e.target as HTMLInputElement).checked;
                host.update((d) => {
                  const list = d.search!.titles[p]!;
                  const at = list.indexOf(kw.id);
                  if (on && at < 0) list.push(kw.id);
                  if (!on && at >= 0) list.splice(at, 1);
                });
              },
            }),
          ),
          h('th', { scope: 'row' }, word),
          h('td', { className: 'num' }, kw.relevance[p]!.toFixed(2)),
          h('td', { className: 'num' }, data.volume),
          h('td', { className: 'num' }, last ? last.impressions : '—'),
          h('td', { className: 'num' }, last ? `${last.clicks} (${pct(last.ctr)})` : '—'),
          h('td', { className: 'num' }, last ? `${last.orders} (${pct(last.conversion)})` : '—'),
          h('td', { className: 'num' }, last?.avgCpcFen != null ? `¥${formatYuan(last.avgCpcFen)}` : '—'),
          h('td', {}, host.input(bidF, a.bid, `${what} ${t('searchBid')}`, (v) => host.update((d) => void (d.search!.ads[i]!.bid = v)), { size: '5' }), host.errorSlot(bidF)),
          h('td', {}, host.input(budgetF, a.dailyBudget, `${what} ${t('searchBudget')}`, (v) => host.update((d) => void (d.search!.ads[i]!.dailyBudget = v)), { size: '6' }), host.errorSlot(budgetF)),
          h(
            'td',
            {},
            h(
              'select',
              {
                id: `f-${cityF.replace(/[^A-Za-z0-9]/g, '-')}`,
                'aria-label': `${what} ${t('searchCity')}`,
                'data-field': cityF,
                'data-testid': cityF,
                onchange: (e: Event) => host.update((d) => void (d.search!.ads[i]!.city = (e.target as HTMLSelectElement).value)),
              },
              h('option', { value: '', selected: a.city === '' }, t('allCities')),
              ...world.cities.map((c) => h('option', { value: c.id, selected: a.city === c.id }, local(c.name))),
            ),
            host.errorSlot(cityF),
          ),
        ),
      );
    });
    el.append(
      h(
        'div',
        { className: 'search-product', 'data-testid': `search:product:${p}` },
        h('h4', { id: `f-search-title-${p}`, tabindex: '-1', 'aria-label': `${name} ${t('searchInTitle')}` }, count),
        host.errorSlot(`search:title:${p}`),
        h('div', { className: 'table-scroll' }, h('table', { className: 'search-keywords' }, h('thead', {}, head), body)),
      ),
    );
  });
  el.append(reach);

  function refresh(d: SearchDraft): void {
    world.products.forEach((product, p) => {
      const n = d.titles[p]!.length;
      counts[p]!.textContent = t('searchProduct', { product: local(product.name), n, max });
      counts[p]!.className = n > max ? 'bad' : '';
    });
    const r = adReachFen(world, d);
    reach.className = `spend ${r.roundFen > host.cashFen / 2 ? 'warn' : ''}`;
    reach.replaceChildren(
      r.ads === 0 ? t('searchReachNone') : t('searchReach', { day: formatYuan(r.perDayFen), ads: r.ads, days: world.ticksPerRound, round: formatYuan(r.roundFen) }),
      r.roundFen > host.cashFen / 2 ? h('span', { className: 'warn-line' }, ` ${t('searchReachCash')}`) : '',
    );
  }
  refresh(draft);
  return { el, refresh };
}
