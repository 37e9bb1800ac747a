/**
 * Fulfilment (course §5, §10): restock arriving in warehouses, presale orders shipped from it,
 * parcels delivered (revenue, review +1, city influence +1, a rating) or breached (no revenue,
 * penalty, review −1, the goods back in the warehouse).
 */
import type { RoundContext } from '../context';
import { bookCost, bookRevenue } from '../ledger';
import { mulRoundHalfUp } from '../money';
import type { Parcel, ShopState } from '../model';

export function breach(ctx: RoundContext, shop: ShopState, product: number, orders: number, orderValueFen: number): void {
  bookCost(shop, 'penalty', mulRoundHalfUp(orderValueFen, ctx.world.rules.penaltyRate));
  shop.reviewScore[product]! -= orders;
  shop.ledger.breaches += orders;
}

/** Carrier fee of one shipment of `units` units from warehouse w to city c, fen. */
export function carrierFeeFen(ctx: RoundContext, w: number, c: number, product: number, units: number): number {
  const { world } = ctx;
  const C = world.cities.length;
  return world.carrierFeeFen[w * C + c]! + Math.floor(units * (world.products[product]!.volume * world.carrierPerVolumeFen) + 0.5);
}

export function arrivals(ctx: RoundContext): void {
  const { world, state, tick } = ctx;
  const P = world.products.length;
  const C = world.cities.length;
  const keep = [];
  for (const x of state.inbound) {
    if (x.arriveTick > tick) {
      keep.push(x);
      continue;
    }
    const shop = state.shops[x.shop]!;
    const slot = x.city * P + x.product;
    shop.stock[slot]! += x.units;
    for (const b of x.backorders) {
      const deliverTick = tick + world.deliveryTicks[x.city * C + b.city]!;
      if (shop.bankrupt || deliverTick > b.deadlineTick) {
        // Cannot reach the buyer in time (or the shop has stopped trading): an unfillable order.
        breach(ctx, shop, x.product, b.orders, b.revenueFen - (b.discountFen ?? 0));
        continue;
      }
      shop.stock[slot]! -= b.units;
      bookCost(shop, 'carrier', b.carrierFen);
      const parcel: Parcel = {
        shop: x.shop,
        from: x.city,
        city: b.city,
        product: x.product,
        orders: b.orders,
        units: b.units,
        revenueFen: b.revenueFen,
        orderTick: b.orderTick,
        deliverTick,
        deadlineTick: b.deadlineTick,
      };
      if (b.discountFen) parcel.discountFen = b.discountFen;
      state.parcels.push(parcel);
    }
  }
  state.inbound = keep;
}

export function deliveries(ctx: RoundContext): void {
  const { state, tick } = ctx;
  const keep: Parcel[] = [];
  for (const parcel of state.parcels) {
    if (parcel.deliverTick > tick) keep.push(parcel);
    else deliver(ctx, parcel);
  }
  state.parcels = keep;
}

function deliver(ctx: RoundContext, parcel: Parcel): void {
  const { world, state, tick } = ctx;
  const P = world.products.length;
  const shop = state.shops[parcel.shop]!;
  if (parcel.deliverTick > parcel.deadlineTick) {
    // Late: the buyer refuses it. The goods go back to the warehouse they came from.
    breach(ctx, shop, parcel.product, parcel.orders, parcel.revenueFen - (parcel.discountFen ?? 0));
    shop.stock[parcel.from * P + parcel.product]! += parcel.units;
    return;
  }
  // Revenue is booked gross (list prices) and a promotion's discount as a cost, so the finances
  // show what each promotion cost; cash moves by what the buyer paid.
  bookRevenue(shop, parcel.revenueFen);
  if (parcel.discountFen) bookCost(shop, 'promotion', parcel.discountFen);
  shop.ledger.unitsDelivered += parcel.units;
  shop.ledger.cogsFen += parcel.units * world.products[parcel.product]!.unitCostFen;
  shop.reviewScore[parcel.product]! += parcel.orders;
  shop.cityInfluence[parcel.city]! += parcel.orders;
  shop.points += (parcel.revenueFen - (parcel.discountFen ?? 0)) / 100;
  rate(ctx, shop, parcel, tick);
}

/**
 * One rating per order, drawn from satisfaction: a next-day delivery averages ratingBase, each
 * extra tick costs ratingPerDay. 4–5 makes a fan who comes back; 1–2 adds a negative tag.
 */
function rate(ctx: RoundContext, shop: ShopState, parcel: Parcel, tick: number): void {
  const { rules } = ctx.world;
  const P = ctx.world.products.length;
  const days = parcel.deliverTick - parcel.orderTick;
  const satisfaction = rules.ratingBase - rules.ratingPerDay * Math.max(0, days - 1);
  const next = ctx.rng.reviews.next;
  let sum = 0;
  let fans = 0;
  for (let i = 0; i < parcel.orders; i++) {
    const r = Math.max(1, Math.min(5, Math.floor(satisfaction + next())));
    sum += r;
    if (r >= 4) fans++;
    else if (r <= 2) shop.tags[parcel.product]!.push(tick + rules.negativeTagTicks);
  }
  shop.ledger.ratingSum += sum;
  shop.ledger.ratingCount += parcel.orders;
  shop.fans[parcel.city * P + parcel.product]! += fans;
}
