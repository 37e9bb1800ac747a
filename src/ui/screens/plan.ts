/**
 * Plan: the player's decisions for the next round as a DOM form (listings with the reference price
 * and the legal cap beside each price, restock, marketing, promotions), checked live by the same
 * validator as the CLI; beside it the market report every team sees.
 */
import { h, type Child } from '../dom';
import { local, t, tDynamic, hasKey, toolName } from '../i18n';
import type { App, Mounted } from '../shell';
import { CROWDS, formatYuan, pointsHeld, summarise, type World } from '../../engine';
import { capFen, checkDraft, referenceFen, type FieldProblem, type GiftDraft, type PlanDraft } from '../planDraft';
import { defaultValues, promotionTypes, type PromoField } from '../promotionForms';
import { current, playRoundWith, type Session } from '../session';
import { crowdMarkerSvg } from '../crowdStyle';
import { problemMessage } from '../problemText';
import { meanReview } from '../why';
import type { UiState } from '../store';
import { forecastPanel } from './forecastPanel';
import { marketDemand, planCash, rowEconomics, scalePrice } from '../planSupport';
import { draftFromEntry } from '../planCopy';
import type { Forecast } from '../forecast';
import { term } from '../glossary';
import { reachingWarehouses } from '../outcome';
import { itemsEditor, tiersEditor } from '../promotionEditors';
import { searchPanel } from '../searchPanel';

const yuan = (fen: number) => `¥${formatYuan(fen)}`;

function fieldId(field: string): string {
  return `f-${field.replace(/[^A-Za-z0-9]/g, '-')}`;
}

export function mountPlan(root: HTMLElement, app: App): Mounted {
  const session = app.session()!;
  const { world } = session;
  const state = current(session);
  const store = app.store;
  const P = world.products.length;
  const player = session.player;
  const me = player >= 0 ? state.shops[player]! : null;

  const section = h('section', { className: 'screen plan-screen', 'aria-labelledby': 'plan-h' });
  root.append(section);
  const round = state.round + 1;
  section.append(h('h2', { id: 'plan-h' }, t('planTitle', { round })));
  if (me) {
    let stock = 0;
    for (const n of me.stock) stock += n;
    section.append(h('p', { className: 'shop-line' }, `${t('cash')} ${yuan(me.cashFen)} · ${t('stockHere')} ${stock}`));
  }

  const status = h('div', { className: 'check-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'check-status', tabindex: '-1' });
  // Enter in a field only re-checks the plan; the round starts from its button alone.
  const form = h('form', {
    className: 'plan-form',
    novalidate: true,
    onsubmit: (e: Event) => {
      e.preventDefault();
      submit();
    },
    onkeydown: (e: Event) => {
      const k = e as KeyboardEvent;
      if (k.key === 'Enter' && k.target instanceof HTMLInputElement && k.target.type !== 'submit') {
        k.preventDefault();
        check();
      }
    },
  });
  const report = marketReport(world, session);
  const spend = h('p', { className: 'spend', 'data-testid': 'plan-spend', 'aria-live': 'polite' });
  const forecast = me ? forecastPanel(session) : null;
  let lastForecast: Forecast | null = null;
  if (forecast) {
    report.prepend(forecast.el);
    forecast.onForecast((f) => {
      lastForecast = f;
      showOutlook();
    });
  }
  let search: ReturnType<typeof searchPanel> | null = null;
  /** rows ticked for a bulk price change */
  const selected = new Set<number>();
  section.append(h('div', { className: 'plan-grid' }, form, report));

  const update = (recipe: (d: PlanDraft) => void) =>
    store.update((s) => {
      if (s.draft) recipe(s.draft as PlanDraft);
    });

  function input(field: string, value: string, label: string, onValue: (v: string) => void, extra: Record<string, string> = {}): HTMLInputElement {
    return h('input', {
      id: fieldId(field),
      type: 'text',
      inputmode: 'decimal',
      value,
      'aria-label': label,
      'aria-describedby': `${fieldId(field)}-err`,
      'data-field': field,
      'data-testid': field,
      oninput: (e: Event) => onValue((e.target as HTMLInputElement).value),
      ...extra,
    });
  }
  const errorSlot = (field: string) => h('span', { id: `${fieldId(field)}-err`, className: 'field-error', 'data-error-for': field });

  function build(): void {
    const draft = store.state.draft;
    form.replaceChildren();
    if (!draft || !me) {
      form.append(h('p', {}, t('noPlayerShop')), h('button', { type: 'submit', className: 'primary', 'data-testid': 'play-round' }, t('playRoundBots', { round })));
      return;
    }
    form.append(status);
    const lastEntry = session.decisions?.rounds.find((r) => r.round === draft.round - 1) ?? null;
    form.append(
      h(
        'div',
        { className: 'plan-tools' },
        h(
          'button',
          {
            type: 'button',
            'data-testid': 'copy-last-round',
            disabled: !lastEntry,
            title: lastEntry ? null : t('copyLastNone'),
            onclick: () => {
              if (!lastEntry) return;
              const next = draftFromEntry(world, current(session), session.player, draft.round, lastEntry);
              store.update((s) => {
                s.draft = next;
              });
              build();
              app.announce(t('copyLastDone', { round: draft.round - 1 }));
              document.querySelector<HTMLElement>('[data-testid="copy-last-round"]')?.focus();
            },
          },
          t('copyLastRound'),
        ),
        h('span', { className: 'help' }, lastEntry ? t('copyLastHelp') : t('copyLastNone')),
      ),
    );
    if (draft.coached) form.append(h('p', { className: 'help coach', 'data-testid': 'coach-note' }, t('coachNote')));

    // Listings.
    const lt = h(
      'table',
      { className: 'listings' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, h('span', { className: 'visually-hidden' }, t('bulkSelect'))),
          ...[t('city'), t('product'), t('listed')].map((x) => h('th', { scope: 'col' }, x)),
          h('th', { scope: 'col' }, term('fixedPrice', t('price'))),
          ...[t('shipping'), t('sellerPays'), t('presale'), `${t('reference')} / ${t('cap')}`, t('rowCostMargin'), t('rowOutlook')].map((x) => h('th', { scope: 'col' }, x)),
        ),
      ),
    );
    const tbody = h('tbody');
    draft.listings.forEach((l, i) => {
      const cityName = local(world.cities[l.c]!.name);
      const productName = local(world.products[l.p]!.name);
      const what = `${cityName} ${productName}`;
      const ref = referenceFen(world, l.p, l.c, draft.round);
      const cap = capFen(world, l.p, l.c, draft.round);
      // stock that can reach this city in time (a city without a warehouse is served from another)
      const stockHere = reachingWarehouses(world, l.c, l.p).reduce((n, w) => n + me.stock[w * P + l.p]!, 0);
      const priceF = `listing:${i}:price`;
      const shipF = `listing:${i}:shipping`;
      tbody.append(
        h(
          'tr',
          {},
          h(
            'td',
            {},
            h('input', {
              type: 'checkbox',
              checked: selected.has(i),
              'aria-label': `${what} ${t('bulkSelect')}`,
              'data-testid': `listing:${i}:select`,
              onchange: (e: Event) => {
                if ((e.target as HTMLInputElement).checked) selected.add(i);
                else selected.delete(i);
              },
            }),
          ),
          h('td', {}, cityName),
          h('th', { scope: 'row' }, productName),
          h(
            'td',
            {},
            h('input', {
              type: 'checkbox',
              checked: l.active,
              'aria-label': `${what} ${t('listed')}`,
              'data-testid': `listing:${i}:active`,
              onchange: (e: Event) => update((d) => void (d.listings[i]!.active = (e.target as HTMLInputElement).checked)),
            }),
          ),
          h('td', {}, input(priceF, l.price, `${what} ${t('price')}`, (v) => update((d) => void (d.listings[i]!.price = v)), { size: '7' }), errorSlot(priceF)),
          h('td', {}, input(shipF, l.shipping, `${what} ${t('shipping')}`, (v) => update((d) => void (d.listings[i]!.shipping = v)), { size: '5' }), errorSlot(shipF)),
          h(
            'td',
            {},
            h('input', {
              type: 'checkbox',
              checked: l.sellerPaysShipping,
              'aria-label': `${what} ${t('sellerPays')}`,
              onchange: (e: Event) => update((d) => void (d.listings[i]!.sellerPaysShipping = (e.target as HTMLInputElement).checked)),
            }),
          ),
          h(
            'td',
            {},
            h('input', {
              type: 'checkbox',
              checked: l.presale,
              'aria-label': `${what} ${t('presale')}`,
              onchange: (e: Event) => update((d) => void (d.listings[i]!.presale = (e.target as HTMLInputElement).checked)),
            }),
          ),
          h('td', { className: 'refcap', 'data-testid': `listing:${i}:cap` }, `${t('reference')} ¥${formatYuan(ref)}`, h('br'), h('strong', {}, `${t('cap')} ¥${formatYuan(cap)}`)),
          h('td', { className: 'econ', 'data-testid': `listing:${i}:econ` }),
          h('td', { className: 'outlook', 'data-testid': `listing:${i}:outlook`, 'data-stock': stockHere }),
        ),
      );
    });
    lt.append(tbody);
    form.append(
      h(
        'fieldset',
        { className: 'panel' },
        h('legend', {}, t('listingsTitle')),
        h('p', { className: 'help' }, t('listingsHelp', { float: world.rules.priceFloat })),
        bulkBar(),
        h('div', { className: 'table-scroll' }, lt),
      ),
    );

    // Restock.
    const rt = h(
      'table',
      { className: 'restock' },
      h('thead', {}, h('tr', {}, ...[t('city'), t('product'), t('unitCost'), t('stockHere'), t('quantity')].map((x) => h('th', { scope: 'col' }, x)))),
    );
    const rbody = h('tbody');
    draft.restock.forEach((r, i) => {
      const what = `${local(world.cities[r.c]!.name)} ${local(world.products[r.p]!.name)}`;
      const f = `restock:${i}:quantity`;
      rbody.append(
        h(
          'tr',
          {},
          h('td', {}, local(world.cities[r.c]!.name)),
          h('th', { scope: 'row' }, local(world.products[r.p]!.name)),
          h('td', { className: 'num' }, yuan(world.products[r.p]!.unitCostFen)),
          h('td', { className: 'num' }, me.stock[r.c * P + r.p]!),
          h('td', {}, input(f, r.quantity, `${what} ${t('quantity')}`, (v) => update((d) => void (d.restock[i]!.quantity = v)), { inputmode: 'numeric', size: '6' }), errorSlot(f)),
        ),
      );
    });
    rt.append(rbody);
    form.append(
      h(
        'fieldset',
        { className: 'panel' },
        h('legend', {}, t('restockTitle')),
        h('p', { className: 'help' }, t('restockHelp', { lead: world.rules.restockLeadTicks, rent: formatYuan(world.rules.warehouseRentFen) })),
        h('div', { className: 'table-scroll' }, rt),
      ),
    );

    // Marketing.
    const m = draft.marketing;
    const money = (key: 'decoration' | 'media' | 'charity') => {
      const f = `marketing:${key}`;
      return h('div', { className: 'field' }, h('label', { for: fieldId(f) }, t(key)), input(f, m[key], t(key), (v) => update((d) => void (d.marketing[key] = v)), { size: '8' }), errorSlot(f));
    };
    const cert = (key: 'iso' | 'iec', cost: number, owned: boolean) =>
      h(
        'label',
        { className: 'check' },
        h('input', {
          type: 'checkbox',
          checked: m[key] || owned,
          disabled: owned,
          'data-field': `marketing:${key}`,
          onchange: (e: Event) => update((d) => void (d.marketing[key] = (e.target as HTMLInputElement).checked)),
        }),
        ` ${t(key, { cost: formatYuan(cost) })}${owned ? ` (${t('alreadyOwned')})` : ''}`,
      );
    form.append(
      h(
        'fieldset',
        { className: 'panel' },
        h('legend', {}, t('marketingTitle')),
        h('p', { className: 'help' }, t('marketingHelp')),
        h('div', { className: 'fields' }, money('decoration'), money('media'), money('charity')),
        h('div', { className: 'fields' }, cert('iso', world.rules.isoCostFen, me.iso), cert('iec', world.rules.iecCostFen, me.iec)),
      ),
    );

    // Customer service and customers (course §5, §9).
    form.append(servicePanel(draft));

    // Promotions.
    form.append(promotionsPanel(draft));

    // Title keywords and paid search (its own module).
    search = draft.search ? searchPanel({ world, state, cashFen: me.cashFen, update, input, errorSlot }, draft.search) : null;
    if (search) form.append(search.el);

    form.append(h('div', { className: 'submit-row' }, spend, h('button', { type: 'submit', className: 'primary', 'data-testid': 'play-round' }, t('playRound', { round }))));
    check();
  }

  /** A percentage applied to the prices of the ticked rows (e.g. −5 for "all cities −5%"). */
  function bulkBar(): HTMLElement {
    const pct = h('input', { type: 'text', inputmode: 'decimal', size: '5', value: '-5', id: 'bulk-pct', 'data-testid': 'bulk-percent', 'aria-describedby': 'bulk-help' });
    const apply = () => {
      const v = Number(pct.value.trim().replace(/%$/, ''));
      if (!Number.isFinite(v) || selected.size === 0) {
        app.announce(selected.size === 0 ? t('bulkNoneSelected') : t('notPercent'));
        return;
      }
      update((d) => {
        for (const i of selected) {
          const l = d.listings[i];
          if (!l || !l.active) continue;
          const next = scalePrice(l.price, v);
          if (next !== null) l.price = next;
        }
      });
      build();
      app.announce(t('bulkDone', { n: selected.size, pct: v }));
      document.getElementById('bulk-pct')?.focus();
    };
    pct.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        e.stopPropagation();
        apply();
      }
    });
    return h(
      'div',
      { className: 'bulk-bar' },
      h(
        'button',
        {
          type: 'button',
          'data-testid': 'bulk-all',
          onclick: () => {
            const all = store.state.draft?.listings.length ?? 0;
            const every = selected.size === all;
            selected.clear();
            if (!every) for (let i = 0; i < all; i++) selected.add(i);
            for (const el of form.querySelectorAll<HTMLInputElement>('[data-testid$=":select"]')) el.checked = !every;
          },
        },
        t('bulkAll'),
      ),
      h('label', { for: 'bulk-pct' }, t('bulkLabel')),
      pct,
      h('span', {}, '%'),
      h('button', { type: 'button', 'data-testid': 'bulk-apply', onclick: apply }, t('bulkApply')),
      h('span', { id: 'bulk-help', className: 'help' }, t('bulkHelp')),
    );
  }

  /** Per row: cost, carrier fee, margin, break-even; the forecast's units and sell-out day beside the stock. */
  function showEconomics(draft: PlanDraft): void {
    draft.listings.forEach((l, i) => {
      const cell = form.querySelector<HTMLElement>(`[data-testid="listing:${i}:econ"]`);
      if (!cell) return;
      const e = rowEconomics(world, state, player, l);
      cell.replaceChildren(
        h('span', {}, t('rowCost', { cost: formatYuan(e.unitCostFen), carrier: formatYuan(e.carrierFen) })),
        h('br'),
        l.active && e.marginFen !== null
          ? h('strong', { className: e.marginFen <= 0 ? 'bad' : '' }, t('rowMargin', { margin: formatYuan(e.marginFen) }))
          : h('span', { className: 'muted' }, '—'),
        h('br'),
        h('span', {}, t('rowBreakEven', { price: formatYuan(e.breakEvenFen) })),
      );
    });
  }

  function showOutlook(): void {
    const draft = store.state.draft;
    if (!draft) return;
    draft.listings.forEach((l, i) => {
      const cell = form.querySelector<HTMLElement>(`[data-testid="listing:${i}:outlook"]`);
      if (!cell) return;
      const demand = marketDemand(world, l.c, l.p);
      const row = lastForecast?.rows.find((r) => r.c === l.c && r.p === l.p) ?? null;
      const parts: HTMLElement[] = [h('span', {}, t('rowStockDemand', { stock: cell.dataset.stock ?? '0', demand }))];
      if (row && l.active) {
        parts.push(h('br'), h('span', {}, t('rowForecastUnits', { n: row.units })));
        if (row.sellOutDay !== null) parts.push(h('br'), h('strong', { className: 'bad', 'data-warn': 'sellout' }, t('rowSellOut', { day: row.sellOutDay })));
      }
      cell.replaceChildren(...parts);
    });
  }

  /**
   * Agents with their wage and the load they can expect (last round's inquiries per tick against one
   * agent's capacity), and the size of each group of the shop's customers a coupon can target.
   */
  function servicePanel(draft: PlanDraft): HTMLElement {
    const rules = world.rules.service;
    const panel = h('fieldset', { className: 'panel', 'data-testid': 'service-panel' }, h('legend', {}, t('planServiceTitle')));
    if (!me) return panel;
    if (rules && draft.agents !== null) {
      const f = 'service:agents';
      const agents = Number(draft.agents);
      const perTick = me.ledger.service.inquiries / world.ticksPerRound;
      const need = Math.ceil(perTick / rules.capacityPerAgent - 1e-9);
      panel.append(
        h('p', { className: 'help' }, t('planServiceHelp', { wage: formatYuan(rules.wageFen), capacity: rules.capacityPerAgent })),
        h(
          'div',
          { className: 'fields' },
          h('div', { className: 'field' }, h('label', { for: fieldId(f) }, t('svcAgents')), input(f, draft.agents, t('svcAgents'), (v) => update((d) => void (d.agents = v)), { size: '4' }), errorSlot(f)),
        ),
        h(
          'p',
          { 'data-testid': 'service-load' },
          state.round === 0
            ? t('planServiceLoadFirst', { cost: Number.isFinite(agents) ? formatYuan(Math.max(0, agents) * rules.wageFen) : '—' })
            : t('planServiceLoad', {
                cost: Number.isFinite(agents) ? formatYuan(Math.max(0, agents) * rules.wageFen) : '—',
                perTick: perTick.toFixed(1),
                need,
              }),
        ),
      );
    }
    if (rules && draft.gift) panel.append(giftPolicy(draft.gift, rules.giftLift));
    if (draft.points !== undefined) {
      const f = 'points:rate';
      const held = pointsHeld(state.customers, session.player, state.shops.length);
      panel.append(
        h('p', { className: 'help' }, t('planPointsHelp', { max: Math.round(world.rules.customers.pointsMaxRate * 1000) / 10, redeem: Math.round(world.rules.customers.pointsRedeemShare * 100) })),
        h(
          'div',
          { className: 'fields' },
          h('div', { className: 'field' }, h('label', { for: fieldId(f) }, t('planPoints')), input(f, draft.points, t('planPoints'), (v) => update((d) => void (d.points = v)), { size: '4' }), errorSlot(f)),
        ),
        h('p', { 'data-testid': 'points-held' }, t('planPointsHeld', { held: formatYuan(held) })),
      );
    }
    const cs = summarise(state.customers, session.player, state.shops.length, state.tick, state.tick - world.ticksPerRound + 1, world.rules.customers);
    panel.append(
      h(
        'p',
        { 'data-testid': 'coupon-groups' },
        t('planCouponGroups', { potential: cs.states[0]!, new: cs.states[1]!, repeat: cs.states[2]!, loyal: cs.states[3]!, sleeping: cs.states[4]!, reach: Math.round(world.rules.customers.couponReach * 100) }),
      ),
    );
    return panel;
  }

  /**
   * The gift policy: which product's orders carry a small gift, its cost, and whether the listing
   * promises it (course §5: only a surprise lifts the rating), with last round's orders of that
   * product as the cost to expect.
   */
  function giftPolicy(gift: GiftDraft, lift: number): HTMLElement {
    const fp = 'service:giftProduct';
    const fc = 'service:giftCost';
    const product = world.products.findIndex((p) => p.id === gift.product);
    const orders = product >= 0 && me ? (me.ledger.search.ordersByProduct[product] ?? 0) : 0;
    const estimate = h('p', { 'data-testid': 'gift-estimate', 'aria-live': 'polite' });
    /** the cost to expect, redrawn as the unit cost is typed */
    const showEstimate = (unitCost: string) => {
      const fen = Math.round(Number(unitCost) * 100);
      const ok = unitCost.trim() !== '' && Number.isFinite(fen) && fen > 0;
      estimate.textContent =
        state.round === 0 ? t('giftEstimateFirst', { cost: ok ? formatYuan(fen) : '—' }) : t('giftEstimate', { orders, cost: ok ? formatYuan(fen * orders) : '—' });
    };
    const select = h(
      'select',
      {
        id: fieldId(fp),
        'data-field': fp,
        'data-testid': fp,
        'aria-describedby': `${fieldId(fp)}-err`,
        onchange: (e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          update((d) => void (d.gift = { ...d.gift!, product: v }));
          build();
          document.getElementById(fieldId(fp))?.focus();
        },
      },
      h('option', { value: '', selected: gift.product === '' }, t('giftNone')),
      ...world.products.map((p) => h('option', { value: p.id, selected: p.id === gift.product }, local(p.name))),
    );
    const box = h(
      'div',
      { className: 'gift-policy', 'data-testid': 'gift-policy' },
      h('p', { className: 'help' }, t('giftHelp', { lift: lift.toFixed(1) })),
      h(
        'div',
        { className: 'fields' },
        h('div', { className: 'field' }, h('label', { for: fieldId(fp) }, t('giftProduct')), select, errorSlot(fp)),
        gift.product === ''
          ? null
          : h(
              'div',
              { className: 'field' },
              h('label', { for: fieldId(fc) }, t('giftUnitCost')),
              input(
                fc,
                gift.unitCost,
                t('giftUnitCost'),
                (v) => {
                  update((d) => void (d.gift = { ...d.gift!, unitCost: v }));
                  showEstimate(v);
                },
                { size: '6' },
              ),
              errorSlot(fc),
            ),
      ),
    );
    if (gift.product !== '') {
      showEstimate(gift.unitCost);
      box.append(
        h(
          'label',
          { className: 'check' },
          h('input', {
            type: 'checkbox',
            checked: gift.announced,
            'data-field': 'service:giftAnnounced',
            'data-testid': 'service:giftAnnounced',
            onchange: (e: Event) => update((d) => void (d.gift = { ...d.gift!, announced: (e.target as HTMLInputElement).checked })),
          }),
          ` ${t('giftAnnounced')}`,
        ),
        estimate,
      );
    }
    return box;
  }

  function promotionsPanel(draft: PlanDraft): HTMLElement {
    const types = promotionTypes();
    const list = h('div', { className: 'promotions' });
    if (draft.promotions.length === 0) list.append(h('p', { className: 'muted' }, t('noPromotions')));
    draft.promotions.forEach((pr, i) => {
      const type = types.find((x) => x.type === pr.type) ?? types[0]!;
      const typeSel = h(
        'select',
        {
          id: fieldId(`promotion:${i}:type`),
          'data-field': `promotion:${i}:type`,
          'data-testid': `promotion:${i}:type`,
          onchange: (e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            const next = types.find((x) => x.type === v);
            update((d) => {
              d.promotions[i] = { type: v, values: next ? defaultValues(next, world) : {} };
            });
            build();
            document.getElementById(fieldId(`promotion:${i}:type`))?.focus();
          },
        },
        ...types.map((x) => h('option', { value: x.type, selected: x.type === pr.type }, toolName(x.type))),
      );
      const fields = type.fields.map((f) => promotionField(i, f, pr.values[f.key] ?? ''));
      list.append(
        h(
          'fieldset',
          { className: 'promotion', 'data-testid': `promotion:${i}` },
          h('legend', {}, t('promotionN', { n: i + 1 })),
          h('div', { className: 'fields' }, h('div', { className: 'field' }, h('label', { for: typeSel.id }, t('promotionType')), typeSel, errorSlot(`promotion:${i}:`)), ...fields),
          type.help ? h('p', { className: 'help' }, local(type.help)) : null,
          h(
            'button',
            {
              type: 'button',
              className: 'link',
              onclick: () => {
                update((d) => void d.promotions.splice(i, 1));
                build();
                document.querySelector<HTMLElement>('[data-testid="add-promotion"]')?.focus();
              },
            },
            t('removePromotion'),
          ),
        ),
      );
    });
    return h(
      'fieldset',
      { className: 'panel' },
      h('legend', {}, t('promotionsTitle')),
      h('p', { className: 'help' }, t('promotionsHelp')),
      list,
      h(
        'button',
        {
          type: 'button',
          'data-testid': 'add-promotion',
          onclick: () => {
            const first = types[0]!;
            update((d) => void d.promotions.push({ type: first.type, values: defaultValues(first, world) }));
            build();
            document.getElementById(fieldId(`promotion:${store.state.draft!.promotions.length - 1}:type`))?.focus();
          },
        },
        t('addPromotion'),
      ),
    );
  }

  function promotionField(i: number, f: PromoField, value: string): HTMLElement {
    const field = `promotion:${i}:${f.key}`;
    const label = (hasKey(`field_${f.key}`) ? tDynamic(`field_${f.key}`, f.key) : f.key) + (f.optional ? t('optional') : '');
    const set = (v: string) => update((d) => void (d.promotions[i]!.values[f.key] = v));
    let control: HTMLElement;
    if (f.kind === 'product' || f.kind === 'city' || f.kind === 'choice') {
      const options =
        f.kind === 'product'
          ? world.products.map((p) => [p.id, local(p.name)])
          : f.kind === 'city'
            ? world.cities.map((c) => [c.id, local(c.name)])
            : f.choices.map((c) => [c, tDynamic(`${f.key}_${c}`, tDynamic(`choice_${c}`, c))]);
      control = h(
        'select',
        { id: fieldId(field), 'data-field': field, 'data-testid': field, 'aria-describedby': `${fieldId(field)}-err`, onchange: (e: Event) => set((e.target as HTMLSelectElement).value) },
        f.optional || value === '' ? h('option', { value: '' }, f.kind === 'city' ? t('allCities') : f.kind === 'product' ? t('allProducts') : '—') : null,
        ...options.map(([id, name]) => h('option', { value: id!, selected: id === value }, name!)),
      );
    } else if (f.kind === 'boolean') {
      control = h('input', { type: 'checkbox', id: fieldId(field), 'data-field': field, checked: value === 'true', onchange: (e: Event) => set((e.target as HTMLInputElement).checked ? 'true' : 'false') });
    } else if (f.key === 'tiers') {
      control = tiersEditor(field, value, set);
    } else if (f.key === 'items') {
      control = itemsEditor(world, field, value, set);
    } else if (f.kind === 'json') {
      control = h('textarea', { id: fieldId(field), 'data-field': field, 'data-testid': field, rows: '2', cols: '36', 'aria-describedby': `${fieldId(field)}-err`, oninput: (e: Event) => set((e.target as HTMLTextAreaElement).value) }, value);
    } else {
      control = input(field, value, label, set, { inputmode: f.kind === 'number' ? 'decimal' : 'text', size: '8' });
    }
    return h('div', { className: 'field', title: f.help ? local(f.help) : null }, h('label', { for: fieldId(field) }, label), control, errorSlot(field));
  }

  function problemText(p: FieldProblem): string {
    if (p.local) return t(p.local);
    return problemMessage(p);
  }

  function labelOf(field: string): string {
    const el = field ? document.getElementById(fieldId(field)) : null;
    return el?.getAttribute('aria-label') ?? (el ? (form.querySelector(`label[for="${el.id}"]`)?.textContent ?? field) : '');
  }

  /** A price cannot be typed for a listing taken down, nor shipping when the shop pays it. */
  function syncDisabled(draft: PlanDraft): void {
    draft.listings.forEach((l, i) => {
      const price = document.getElementById(fieldId(`listing:${i}:price`)) as HTMLInputElement | null;
      const ship = document.getElementById(fieldId(`listing:${i}:shipping`)) as HTMLInputElement | null;
      if (price) price.disabled = !l.active;
      if (ship) ship.disabled = !l.active || l.sellerPaysShipping;
    });
  }

  /** What the plan spends up front (restock at unit cost, marketing, certifications) against cash. */
  function showSpend(draft: PlanDraft): void {
    if (!me) return;
    const cash = planCash(world, state, player, draft);
    const low = cash.afterFen < Math.round(me.cashFen * 0.1);
    spend.className = `spend ${cash.totalFen > cash.limitFen ? 'bad' : low ? 'warn' : ''}`;
    spend.replaceChildren(
      t('planSpend', { total: formatYuan(cash.totalFen), restock: formatYuan(cash.restockFen), marketing: formatYuan(cash.marketingFen), cash: formatYuan(me.cashFen) }),
      ' ',
      h('strong', { 'data-testid': 'cash-after-plan' }, t('cashAfterPlan', { cash: formatYuan(cash.afterFen) })),
      cash.totalFen > cash.limitFen ? h('span', { className: 'warn-line', role: 'alert' }, ` ${t('cashBankrupt')}`) : low ? h('span', { className: 'warn-line' }, ` ${t('cashLow')}`) : '',
    );
  }

  /** Runs the validator and shows each problem beside its field and in the summary. */
  function check(extra: FieldProblem[] = []): boolean {
    const draft = store.state.draft;
    if (!draft) return true;
    const checked = checkDraft(session, draft);
    const res = { problems: [...checked.problems, ...extra] };
    syncDisabled(draft);
    showSpend(draft);
    showEconomics(draft);
    showOutlook();
    if (draft.search) search?.refresh(draft.search);
    forecast?.update(checked.problems.length === 0 && extra.length === 0 ? checked.entry : null);
    for (const el of form.querySelectorAll<HTMLElement>('[data-error-for]')) el.textContent = '';
    for (const el of form.querySelectorAll<HTMLElement>('[data-field]')) el.removeAttribute('aria-invalid');
    for (const p of res.problems) {
      const slot = p.field ? form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(p.field)}"]`) : null;
      const ctl = p.field ? document.getElementById(fieldId(p.field)) : null;
      if (slot) {
        slot.textContent = slot.textContent ? `${slot.textContent}; ${problemText(p)}` : problemText(p);
        ctl?.setAttribute('aria-invalid', 'true');
      }
    }
    status.replaceChildren();
    status.className = `check-status ${res.problems.length ? 'bad' : 'ok'}`;
    if (res.problems.length === 0) status.append(t('checksOk'));
    else {
      status.append(
        h('p', {}, t('checksFail', { n: res.problems.length })),
        h(
          'ul',
          { 'data-testid': 'plan-problems' },
          ...res.problems.map((p) => {
            const text = t('problemAt', { field: labelOf(p.field) || t('planWhole'), message: problemText(p) });
            const ctl = p.field ? document.getElementById(fieldId(p.field)) : null;
            return h(
              'li',
              {},
              ctl ? h('a', { href: `#${ctl.id}`, onclick: (e: Event) => (e.preventDefault(), ctl.focus()) }, text) : text,
              p.path ? h('small', { className: 'details-line' }, ` (${t('problemWhere')}: ${p.path})`) : null,
            );
          }),
        ),
      );
    }
    return res.problems.length === 0;
  }

  function submit(): void {
    const draft = store.state.draft;
    let entry = null;
    if (draft && me) {
      const res = checkDraft(session, draft);
      if (res.problems.length || !res.entry) {
        check();
        status.focus();
        return;
      }
      entry = res.entry;
    }
    const played = playRoundWith(session, entry);
    if (!played.ok) {
      check(played.problems.map((p) => ({ ...p, field: '' })));
      status.focus();
      return;
    }
    app.afterRound(played.value);
  }

  build();
  return {
    destroy() {
      forecast?.destroy();
    },
    onState(s: UiState, prev: UiState) {
      if (s.draft !== prev.draft) check();
    },
  };
}

function marketReport(world: World, session: Session): HTMLElement {
  const state = current(session);
  const round = state.round + 1;
  const P = world.products.length;
  const aside = h('aside', { className: 'market-report', 'aria-labelledby': 'report-h' }, h('h3', { id: 'report-h' }, t('marketReport')));
  const crowdHead = CROWDS.map((c, k) => h('th', { scope: 'col', title: t(`crowd_${c}`) }, crowdMarkerSvg(k), ' ', t(`crowdShort_${c}`)));
  const demand = h('table', { className: 'demand' }, h('caption', {}, t('expectedDemand')), h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, `${t('city')} · ${t('product')}`), h('th', { scope: 'col' }, t('reference')), ...crowdHead)));
  const db = h('tbody');
  world.cities.forEach((city, c) => {
    world.products.forEach((product, p) => {
      const cell = world.demand[c * P + p]!;
      if (product.referencePriceFen[c] === 0) return;
      db.append(
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, `${local(city.name)} · ${local(product.name)}`),
          h('td', { className: 'num' }, yuan(referenceFen(world, p, c, round))),
          ...cell.perRound.map((n) => h('td', { className: 'num' }, n)),
        ),
      );
    });
  });
  demand.append(db);
  aside.append(h('div', { className: 'table-scroll' }, demand));

  const last = state.reports[state.reports.length - 1];
  aside.append(h('h3', {}, t('lastRoundResults')));
  if (!last) aside.append(h('p', { className: 'muted' }, t('noResultsYet')));
  else {
    const tb = h('tbody');
    last.shops.forEach((r, s) => {
      const name = local(world.shops[s]!.name) + (s === session.player ? t('you') : '') + (r.bankrupt ? ` (${t('bankrupt')})` : '');
      tb.append(
        h(
          'tr',
          { className: s === session.player ? 'mine' : '' },
          h('th', { scope: 'row' }, name),
          h('td', { className: 'num' }, r.units),
          h('td', { className: 'num' }, yuan(r.revenueFen)),
          h('td', { className: 'num' }, meanReview(r.reviewScore)),
          h('td', { className: 'num' }, r.dsr ?? t('noRatings')),
          h('td', { className: 'num' }, r.index),
        ),
      );
    });
    aside.append(
      h(
        'div',
        { className: 'table-scroll' },
        h('table', {}, h('thead', {}, h('tr', {}, ...[t('shop'), t('units'), t('revenue'), t('reviewScore'), t('dsr'), t('index')].map((x) => h('th', { scope: 'col' }, x)))), tb),
      ),
    );
  }

  // Everyone's current prices (price + shipping), as the platform shows them.
  const shops = world.shops.map((_, s) => s);
  const pb = h('tbody');
  world.cities.forEach((city, c) => {
    world.products.forEach((product, p) => {
      if (product.referencePriceFen[c] === 0) return;
      const cells: Child[] = shops.map((s) => {
        const l = state.shops[s]!.listings[c * P + p];
        return h('td', { className: 'num' }, l ? yuan(l.priceFen + (l.sellerPaysShipping ? 0 : l.shippingFen)) : '—');
      });
      pb.append(h('tr', {}, h('th', { scope: 'row' }, `${local(city.name)} · ${local(product.name)}`), ...cells));
    });
  });
  if (last) {
    aside.append(
      h('h3', {}, t('prices')),
      h(
        'div',
        { className: 'table-scroll' },
        h('table', { className: 'prices' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), ...shops.map((s) => h('th', { scope: 'col' }, local(world.shops[s]!.name) + (s === session.player ? t('you') : ''))))), pb),
      ),
    );
  }
  return aside;
}
