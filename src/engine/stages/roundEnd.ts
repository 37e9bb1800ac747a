/**
 * After the round's last tick: media influence decays, undecided buyers drift away, last round's
 * visits and orders become the next index's popularity and order volume, and the round's report
 * is written.
 */
import type { RoundContext } from '../context';
import { indexInputs } from '../compositeIndex';
import { bookCost } from '../ledger';
import type { GameState, ShopRoundReport, ShopState, World } from '../model';
import { endRoundPromotions } from '../promotions/stages';
import { searchRoundEnd } from '../search/performance';
import { pointsHeld, summariseAll, type CustomerSummary } from '../customers';

export function roundEnd(ctx: RoundContext): void {
  const { world, state } = ctx;
  const rules = world.rules;
  // Holding cost first: equity is counted after it.
  for (const shop of state.shops) bookHolding(world, shop);
  const equities = equitiesFen(world, state);
  const customers = summariseAll(state.customers, state.shops.length, state.tick, state.tick - world.ticksPerRound + 1, rules.customers);
  const shops: ShopRoundReport[] = state.shops.map((shop, s) => {
    const sl = shop.ledger.service;
    shop.dsrRounds.push([shop.ledger.ratingSum, shop.ledger.ratingCount, sl.descriptionSum, sl.serviceSum, sl.logisticsSum]);
    while (shop.dsrRounds.length > rules.dsrWindowRounds) shop.dsrRounds.shift();
    shop.tags = shop.tags.map((list) => list.filter((t) => t > ctx.tick));
    const report = shopReport(world, state, shop, s, equities[s]!, customers[s]!);
    // The review score counts the last `reviewWindowRounds` rounds: the oldest round leaves it.
    shop.reviewRounds.push(shop.ledger.reviewDelta.slice());
    while (shop.reviewRounds.length > rules.reviewWindowRounds - 1) {
      const old = shop.reviewRounds.shift()!;
      old.forEach((d, p) => (shop.reviewScore[p]! -= d));
    }
    shop.media = shop.media * (1 - rules.mediaDecay);
    shop.popularity = shop.ledger.visits;
    shop.orderVolume = shop.ledger.orders;
    return report;
  });
  searchRoundEnd(world, state);
  endRoundPromotions(ctx, shops);
  state.potential = state.potential.map((n) => Math.floor(n * rules.hesitant.potentialRetention));
  state.reports.push({
    round: state.round + 1,
    demand: state.demandSeen.slice(),
    lost: state.lost.slice(),
    lostByReason: state.lostByReason.slice(),
    shops,
    keywords: state.keywordStats.map((k) => ({ ...k })),
  });
  state.round++;
}

/** Rolling DSR parts: description (描述相符), service (服务态度), logistics (物流服务); 0 before any rating. */
export function dsrPartsOf(shop: ShopState): number[] {
  const sums = [0, 0, 0];
  let count = 0;
  for (const row of shop.dsrRounds) {
    count += row[1]!;
    for (let i = 0; i < 3; i++) sums[i]! += row[2 + i] ?? 0;
  }
  return sums.map((x) => (count === 0 ? 0 : Math.round((x / count) * 100) / 100));
}

/** Holding cost (course §10): each unit in a warehouse at the round's end costs `holdingCostFen`. */
function bookHolding(world: World, shop: ShopState): void {
  if (shop.bankrupt || world.rules.holdingCostFen === 0) return;
  let units = 0;
  for (const n of shop.stock) units += n;
  bookCost(shop, 'holding', units * world.rules.holdingCostFen);
}

/** The rolling mean rating, or null when the shop had no ratings in the window ("no ratings"). */
export function dsrOf(shop: ShopState): number | null {
  let sum = 0;
  let count = 0;
  for (const [s, c] of shop.dsrRounds) {
    sum += s!;
    count += c!;
  }
  return count === 0 ? null : Math.round((sum / count) * 100) / 100;
}

/** Units a shop owns: on hand, restock in transit and parcels not yet delivered. */
export function unitsOwned(world: World, state: GameState, s: number): number[] {
  const P = world.products.length;
  const shop = state.shops[s]!;
  const out = new Array<number>(P).fill(0);
  shop.stock.forEach((n, slot) => (out[slot % P]! += n));
  for (const x of state.inbound) if (x.shop === s) out[x.product]! += x.units;
  for (const x of state.parcels) if (x.shop === s) out[x.product]! += x.units;
  return out;
}

/** Owner's equity (所有者权益, course §11): cash + stock at cost − debts (negative cash is debt). */
export function equityFen(world: World, state: GameState, s: number): number {
  return equityOf(world, state.shops[s]!.cashFen, unitsOwned(world, state, s));
}

function equityOf(world: World, cashFen: number, owned: readonly number[]): number {
  let stockFen = 0;
  owned.forEach((n, p) => (stockFen += n * world.products[p]!.unitCostFen));
  return cashFen + stockFen;
}

/** Every shop's equity, with one pass over the goods in transit (not one per shop): the same numbers as equityFen. */
export function equitiesFen(world: World, state: GameState): number[] {
  const P = world.products.length;
  const owned = state.shops.map((shop) => {
    const out = new Array<number>(P).fill(0);
    shop.stock.forEach((n, slot) => (out[slot % P]! += n));
    return out;
  });
  for (const x of state.inbound) owned[x.shop]![x.product]! += x.units;
  for (const x of state.parcels) owned[x.shop]![x.product]! += x.units;
  return owned.map((units, s) => equityOf(world, state.shops[s]!.cashFen, units));
}

function shopReport(world: World, state: GameState, shop: ShopState, s: number, equity: number, customers: CustomerSummary): ShopRoundReport {
  const l = shop.ledger;
  const costs = l.costsFen.reduce((a, b) => a + b, 0);
  // Profit counts goods at cost when sold (cogs), not when bought (the goods cost is cash spent).
  const profitFen = l.revenueFen - l.cogsFen - (costs - l.costsFen[0]!);
  let stockUnits = 0;
  for (const n of shop.stock) stockUnits += n;
  return {
    revenueFen: l.revenueFen,
    costsFen: l.costsFen.slice(),
    cogsFen: l.cogsFen,
    profitFen,
    cashFen: shop.cashFen,
    equityFen: equity,
    orders: l.orders,
    units: l.units,
    visits: l.visits,
    breaches: l.breaches,
    unitsByCrowd: l.unitsByCrowd.slice(),
    ordersByCrowd: l.ordersByCrowd.slice(),
    reviewScore: shop.reviewScore.slice(),
    cityInfluence: shop.cityInfluence.slice(),
    dsr: dsrOf(shop),
    index: state.index[s]!,
    indexInputs: indexInputs(shop),
    stockUnits,
    bankrupt: shop.bankrupt,
    restockRefused: l.restockRefused,
    restockCutForCash: l.restockCutForCash,
    unitsBought: l.unitsBought,
    unitsDelivered: l.unitsDelivered,
    soldByCityCrowd: l.soldByCityCrowd.slice(),
    listings: shop.listings.map((x) => (x ? { ...x } : null)),
    service: {
      agents: world.rules.service === null ? 0 : shop.service.agents,
      inquiries: l.service.inquiries,
      avgResponseTicks: l.service.ticks === 0 ? 0 : Math.round((l.service.responseTickSum / l.service.ticks) * 100) / 100,
      refundRate: l.service.deliveredOrders === 0 ? 0 : Math.round((l.service.refundOrders / l.service.deliveredOrders) * 10000) / 10000,
      deliveredOrders: l.service.deliveredOrders,
      refundOrders: l.service.refundOrders,
      refundFen: l.service.refundFen,
      refundUnits: l.service.refundUnits,
      amended: l.service.amended,
      gifts: l.service.gifts,
    },
    dsrParts: dsrPartsOf(shop),
    newCustomerOrders: l.newCustomerOrders,
    returningOrders: l.returningOrders,
    wokenOrders: l.wokenOrders,
    customers,
    memberPoints: { rate: shop.memberPointsRate ?? 0, issuedFen: l.pointsIssuedFen, redeemedFen: l.pointsRedeemedFen, orders: l.pointsOrders, outstandingFen: pointsHeld(state.customers, s, state.shops.length) },
    negativeTags: shop.tags.map((list) => list.length),
    impressions: l.search.impressions,
    clicks: l.visits,
    funnel: { impressions: l.search.impressionsByProduct.slice(), clicks: l.search.clicksByProduct.slice(), orders: l.search.ordersByProduct.slice() },
    searchRank: l.search.rankSum.map((sum, i) => (l.search.rankCount[i]! > 0 ? Math.round((sum / l.search.rankCount[i]!) * 100) / 100 : 0)),
  };
}
