/**
 * Dispatch: the tick's sales leave the warehouses as parcels (one per shop, warehouse, city and
 * delay), carrier fees are paid, a bundle's other items travel with its main item, and the
 * visits of the tick are credited to the shops.
 */
import { bookCost } from '../ledger';
import type { BundleExtra, Part, ProductMarket } from '../market';
import type { Parcel } from '../model';

export function dispatch(m: ProductMarket): void {
  const { ctx, C, S } = m;
  const visitDepth = ctx.world.rules.visitDepth;
  const visits = m.visits;
  for (const city of m.cities) {
    city.rankings.forEach((ranking, key) => {
      const n = city.visitors[key];
      // Returning potential customers' rankings (past the visitors) are hesitant: visits counted per buyer.
      if (!ranking || !n) return;
      const depth = ranking.length < visitDepth ? ranking.length : visitDepth;
      for (let j = 0; j < depth; j++) visits[ranking[j]!.shop]! += n;
    });
  }
  flushParts(m, m.list);
  if (m.extras.length > 0) flushBundleExtras(m, m.extras);
  for (const part of m.list) m.slots[(((part.shop * C + part.from) * C + part.city) << 1) | (part.delayed ? 1 : 0)] = undefined;
  for (let s = 0; s < S; s++) m.shops[s]!.ledger.visits += visits[s]!;
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
