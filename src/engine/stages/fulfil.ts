/**
 * Fulfilment (course §5, §10): restock arriving in warehouses, presale orders shipped from it,
 * parcels delivered (revenue, review +1, city influence +1, a rating) or breached (no revenue,
 * penalty, review −breachWeight, the goods back in the warehouse).
 */
import type { RoundContext } from '../context';
import { bookCost, bookRevenue } from '../ledger';
import { mulRoundHalfUp } from '../money';
import type { Parcel, ShopState } from '../model';

export function breach(ctx: RoundContext, shop: ShopState, product: number, orders: number, orderValueFen: number): void {
  bookCost(shop, 'penalty', mulRoundHalfUp(orderValueFen, ctx.world.rules.penaltyRate));
  // Review score (course §5, with the scenario's weight): a breach counts −breachWeight.
  const fall = orders * ctx.world.rules.reviewBreachWeight;
  shop.reviewScore[product]! -= fall;
  shop.ledger.reviewDelta[product]! -= fall;
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
  const product = world.products[parcel.product]!;
  const refunds = refundRequests(ctx, parcel);
  // A refunded order is returned (7 天无理由退货): the buyer gets back what was paid, the goods go back
  // to the warehouse they left and are sold again; the carrier fee stays spent. Refunded orders are
  // never revenue, so cash and units stay conserved.
  const share = parcel.orders > 0 ? refunds / parcel.orders : 0;
  const refundRevenue = Math.round(parcel.revenueFen * share);
  const refundDiscount = Math.round((parcel.discountFen ?? 0) * share);
  const refundUnits = Math.round(parcel.units * share);
  const revenueFen = parcel.revenueFen - refundRevenue;
  const discountFen = (parcel.discountFen ?? 0) - refundDiscount;
  const units = parcel.units - refundUnits;
  if (refundUnits > 0) shop.stock[parcel.from * P + parcel.product]! += refundUnits;
  // Revenue is booked gross (list prices) and a promotion's discount as a cost, so the finances
  // show what each promotion cost; cash moves by what the buyer paid.
  bookRevenue(shop, revenueFen);
  if (discountFen) bookCost(shop, 'promotion', discountFen);
  shop.ledger.unitsDelivered += units;
  shop.ledger.cogsFen += units * product.unitCostFen;
  shop.reviewScore[parcel.product]! += parcel.orders;
  shop.ledger.reviewDelta[parcel.product]! += parcel.orders;
  shop.cityInfluence[parcel.city]! += parcel.orders;
  shop.points += (revenueFen - discountFen) / 100;
  const sl = shop.ledger.service;
  sl.deliveredOrders += parcel.orders;
  sl.refundOrders += refunds;
  sl.refundFen += refundRevenue - refundDiscount;
  sl.refundUnits += refundUnits;
  const gift = shop.service.gift;
  const gifted = gift !== null && gift.product === parcel.product ? parcel.orders : 0;
  if (gifted > 0) {
    bookCost(shop, 'gifts', gifted * gift!.unitCostFen);
    sl.gifts += gifted;
  }
  const service = world.rules.service;
  if (service !== null) {
    // Each refund request is an after-sales contact; so is a share of the other delivered orders.
    shop.service.afterSales += refunds + (parcel.orders - refunds) * service.afterSalesShare;
  }
  rate(ctx, shop, parcel, tick, gifted > 0 && !gift!.announced);
}

/** Refund requests among a parcel's orders (course §5): more for a poorer product and a slower delivery. */
function refundRequests(ctx: RoundContext, parcel: Parcel): number {
  const rules = ctx.world.rules.service;
  if (rules === null || parcel.orders === 0) return 0;
  const quality = ctx.world.products[parcel.product]!.quality;
  const days = parcel.deliverTick - parcel.orderTick;
  const p = rules.refundBase + rules.refundPerQualityGap * (1 - quality) + rules.refundPerSlowTick * Math.max(0, days - 1);
  if (p <= 0) return 0;
  const next = ctx.rng.service.next;
  let n = 0;
  for (let i = 0; i < parcel.orders; i++) if (next() < p) n++;
  return n;
}

/**
 * One rating per order with the platform's three parts (DSR, 动态评分), each drawn from the same
 * buyer's mood (one draw per order):
 * - logistics (物流服务): a next-day delivery averages ratingBase, each extra tick costs ratingPerDay;
 * - service (服务态度): ratingPerResponseTick lost per tick of the shop's response time beyond the first;
 * - description (描述相符): ratingDescription lost per unit of (price / reference − quality) above 0.
 * The order's rating loses what each part lost; an unannounced gift adds giftLift to all of them
 * (a promised one adds nothing). 4–5 makes a fan who comes back; 1–2 adds a negative tag.
 */
function rate(ctx: RoundContext, shop: ShopState, parcel: Parcel, tick: number, surprise: boolean): void {
  const { world } = ctx;
  const rules = world.rules;
  const P = world.products.length;
  const base = rules.ratingBase;
  const days = parcel.deliverTick - parcel.orderTick;
  const logistics = base - rules.ratingPerDay * Math.max(0, days - 1);
  // An answer within the day costs nothing; each tick beyond it costs ratingPerResponseTick.
  const serviceLoss = rules.service === null ? 0 : rules.service.ratingPerResponseTick * Math.max(0, shop.service.responseTicks - 1);
  const descriptionLoss = descriptionShortfall(ctx, shop, parcel);
  const service = base - serviceLoss;
  const description = base - descriptionLoss;
  const lift = surprise && rules.service !== null ? rules.service.giftLift : 0;
  // Written as losses so that without service and description rules it is exactly the logistics part.
  const satisfaction = logistics - serviceLoss - descriptionLoss + lift;
  const next = ctx.rng.reviews.next;
  let sum = 0;
  let fans = 0;
  let dSum = 0;
  let sSum = 0;
  let lSum = 0;
  for (let i = 0; i < parcel.orders; i++) {
    const u = next();
    const r = clampRating(satisfaction + u);
    sum += r;
    dSum += clampRating(description + lift + u);
    sSum += clampRating(service + lift + u);
    lSum += clampRating(logistics + lift + u);
    if (r >= 4) fans++;
    else if (r <= 2) shop.tags[parcel.product]!.push(tick + rules.negativeTagTicks);
  }
  shop.ledger.ratingSum += sum;
  shop.ledger.ratingCount += parcel.orders;
  const sl = shop.ledger.service;
  sl.descriptionSum += dSum;
  sl.serviceSum += sSum;
  sl.logisticsSum += lSum;
  shop.fans[parcel.city * P + parcel.product]! += fans;
}

function clampRating(x: number): number {
  const r = Math.floor(x);
  return r < 1 ? 1 : r > 5 ? 5 : r;
}

/** Description shortfall: the listing's price + shipping against the reference price, past the product's quality. */
function descriptionShortfall(ctx: RoundContext, shop: ShopState, parcel: Parcel): number {
  const { world, state } = ctx;
  const weight = world.rules.ratingDescription;
  if (weight === 0) return 0;
  const P = world.products.length;
  const product = world.products[parcel.product]!;
  const refFen = mulRoundHalfUp(product.referencePriceFen[parcel.city]!, product.priceTrend[state.round] ?? 1);
  if (refFen <= 0) return 0;
  const listing = shop.listings[parcel.city * P + parcel.product];
  const paidFen = listing ? listing.priceFen + listing.shippingFen : parcel.units > 0 ? (parcel.revenueFen - (parcel.discountFen ?? 0)) / parcel.units : refFen;
  const gap = paidFen / refFen - product.quality;
  return gap > 0 ? weight * gap : 0;
}
