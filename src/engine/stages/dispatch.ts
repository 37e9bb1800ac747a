/**
 * Dispatch: the tick's sales leave the warehouses as parcels (one per shop, warehouse, city and
 * delay), carrier fees are paid, a bundle's other items travel with its main item, and the
 * visits of the tick are credited to the shops.
 */
import { bookCost } from '../ledger';
import type { BundleExtra, Part, ProductMarket } from '../market';
import type { Parcel } from '../model';
import { enterVisits, FIRST_ORDER, RETURNING_ORDER, WOKEN_ORDER } from '../customers';

/**
 * The tick's purchases and favourites enter the customers' memory (course §9), in the order they
 * were made; each purchase is counted as a first-time or a returning customer's.
 */
function enterCustomers(m: ProductMarket): void {
  const log = m.visitLog;
  if (log.n === 0) return;
  const { state, tick, world } = m.ctx;
  enterVisits(state.customers, log, m.S, m.C, tick, world.rules.customers.sleepingTicks);
  const byKind = log.byKind;
  for (let s = 0; s < m.S; s++) {
    const first = byKind[s * 3 + FIRST_ORDER]!;
    const returning = byKind[s * 3 + RETURNING_ORDER]!;
    const woken = byKind[s * 3 + WOKEN_ORDER]!;
    if (first + returning + woken === 0) continue;
    const ledger = m.shops[s]!.ledger;
    ledger.newCustomerOrders += first;
    ledger.returningOrders += returning + woken;
    ledger.wokenOrders += woken;
  }
}

export function dispatch(m: ProductMarket): void {
  const { ctx, C, S } = m;
  enterCustomers(m);
  const visits = m.visits;
  const world = ctx.world;
  const K = world.keywords.length;
  const pages = m.pagesPerCity;
  const stats = ctx.state.keywordStats;
  for (let c = 0; c < m.cities.length; c++) {
    const city = m.cities[c]!;
    const nQ = world.demand[c * m.P + m.p]!.quantities.length;
    const base = pages * nQ * 4;
    for (let u = 0; u < city.usedCount; u++) {
      const key = city.used[u]!;
      const ranking = city.rankings[key];
      const n = city.visitors[key];
      if (!ranking || !n) continue;
      // Everyone who used a ranking saw each of its offers once: impressions.
      const ads = city.adOf[key];
      const page = ads === undefined ? -1 : key >= base ? Math.floor((key - base) / nQ) : Math.floor(key / (nQ * 4));
      for (let j = 0; j < ranking.length; j++) {
        const shop = m.shops[ranking[j]!.shop]!;
        shop.ledger.search.impressions += n;
        shop.ledger.search.impressionsByProduct[m.p]! += n;
        if (ads !== undefined && ads[j]! >= 0) shop.ledger.search.adImpressionsBy[m.p * K + (page >> 1)]! += n;
      }
      if (page >= 0) stats[page >> 1]!.impressions += n * ranking.length;
      // Counted once: a key ranked twice in a tick is listed twice.
      city.visitors[key] = 0;
    }
  }
  flushParts(m, m.list);
  if (m.extras.length > 0) flushBundleExtras(m, m.extras);
  for (const part of m.list) m.slots[(((part.shop * C + part.from) * C + part.city) << 1) | (part.delayed ? 1 : 0)] = undefined;
  for (let s = 0; s < S; s++) {
    const l = m.shops[s]!.ledger;
    l.visits += visits[s]!;
    l.search.clicksByProduct[m.p]! += visits[s]!;
  }
}

/** Carrier fees are paid at dispatch; parts are in creation order, which follows the seeded buyer order. */
function flushParts(m: ProductMarket, parts: readonly Part[]): void {
  const { world, state, tick } = m.ctx;
  const C = m.C;
  const P = m.P;
  const p = m.p;
  for (const part of parts) {
    const shop = state.shops[part.shop]!;
    bookCost(shop, 'carrier', part.carrierFen);
    const days = world.deliveryTicks[part.from * C + part.city]! + (part.delayed ? world.rules.carrierDelayTicks : 0);
    const parcel: Parcel = {
      shop: part.shop,
      from: part.from,
      city: part.city,
      product: p,
      orders: part.orders,
      units: part.units,
      revenueFen: part.revenueFen,
      orderTick: tick,
      deliverTick: tick + days,
      deadlineTick: tick + world.demand[part.city * P + p]!.deadlineTicks,
    };
    if (part.discountFen > 0) parcel.discountFen = part.discountFen;
    state.parcels.push(parcel);
  }
}

/** A bundle's other items travel with its main item: same warehouse, route and day; no revenue of their own. */
function flushBundleExtras(m: ProductMarket, extras: readonly BundleExtra[]): void {
  const { world, state, tick } = m.ctx;
  const C = m.C;
  const P = m.P;
  for (const x of extras) {
    const days = world.deliveryTicks[x.from * C + x.city]! + (x.delayed ? world.rules.carrierDelayTicks : 0);
    state.parcels.push({
      shop: x.shop,
      from: x.from,
      city: x.city,
      product: x.product,
      orders: 0,
      units: x.units,
      revenueFen: 0,
      orderTick: tick,
      deliverTick: tick + days,
      deadlineTick: tick + world.demand[x.city * P + m.p]!.deadlineTicks,
    });
  }
}
