/**
 * The Result of `shopsim run --json` (contracts.md): money in yuan, ids instead of indices. Keys
 * of the contract are stable; the rest are additions.
 */
import { bookColumns, COST_KINDS, type CROWDS, LIFECYCLE, LOST_REASONS, LOST_REASON_COUNT, hashValue, type GameState, type ShopRoundReport, type World } from '../engine';
import { rankShops } from './scoring';
import { promotionResults, type PromotionResult } from './promotions';

export const ENGINE_VERSION = '0.1.0';

type CrowdMap = Record<(typeof CROWDS)[number], number>;

export interface ShopRoundResult {
  shop: string;
  revenue: number;
  profit: number;
  cash: number;
  equity: number;
  orders: number;
  units: number;
  /** times a listing of the shop was shown in search (course §7) */
  impressions: number;
  /** clicks on its listings; every click is a visit (visits = clicks) */
  clicks: number;
  visits: number;
  /** orders / visits, never above 1: a buyer orders only from a shop it clicked */
  conversionRate: number;
  /** paid search (直通车) spend, yuan (also costs.ads) */
  adSpend: number;
  /** mean organic search position by product and city (0: nobody searched for it there) */
  searchRank: Record<string, Record<string, number>>;
  /** the funnel per product: impressions → clicks (visits) → orders */
  funnel: Record<string, { impressions: number; clicks: number; orders: number }>;
  reviewScore: Record<string, number>;
  cityInfluence: Record<string, number>;
  breaches: number;
  /** rolling mean rating; null: no ratings in the window */
  dsr: number | null;
  unitsByCrowd: CrowdMap;
  ordersByCrowd: CrowdMap;
  costs: Record<(typeof COST_KINDS)[number], number>;
  costOfGoodsSold: number;
  index: number;
  stockUnits: number;
  restockRefused: number;
  restockCutForCash: number;
  unitsBought: number;
  unitsDelivered: number;
  bankrupt: boolean;
  /** what each promotion of the round did (empty when the shop ran none) */
  promotions: PromotionResult[];
  /** customer service (course §5): agents, inquiries, mean response time in ticks, refunded / delivered orders */
  service: { agents: number; inquiries: number; avgResponseTicks: number; refundRate: number; deliveredOrders: number; refunds: number; refundAmount: number; amendedReviews: number; gifts: number };
  /** rolling DSR parts: 描述相符, 服务态度, 物流服务 (0 before any rating) */
  dsrParts: { description: number; service: number; logistics: number };
  /** active negative tags per product at the round's end */
  negativeTags: Record<string, number>;
  /** the shop's customers per lifecycle state at the round's end (course §9) */
  customers: Record<(typeof LIFECYCLE)[number], number>;
  /** the course's two repurchase rates over the game so far: customers who bought twice or more / customers who bought; repeat orders / all orders */
  repurchaseRate: { byCustomers: number; byTransactions: number };
  /**
   * Cost per order of the round: acquisition spend (media, paid search, coupons for everyone or
   * potential customers) per order of a first-time customer, and retention spend (coupons aimed at
   * customers who bought, member day, gifts, member points redeemed) per order of a returning one; null without such orders.
   */
  costPerOrder: { newCustomers: number | null; returningCustomers: number | null; newOrders: number; returningOrders: number; acquisition: number; retention: number };
  /** orders of customers who had been sleeping (沉睡客户 woken, e.g. by a coupon aimed at them) */
  wokenOrders: number;
  /** RFM grid: recency rows (recent: bought this round, earlier, sleeping) × frequency columns (once, twice, three times or more) */
  rfm: { customers: number[][]; spent: number[][] };
  /**
   * Member points (会员积分) of the round: the rate given back, yuan of points given with orders and
   * redeemed (a price cut for returning customers: retention spend, booked as promotion cost on
   * delivery), the orders that redeemed, and what the shop's customers hold at the round's end.
   */
  memberPoints: { rate: number; issued: number; redeemed: number; orders: number; outstanding: number };
}

export interface RoundResult {
  round: number;
  shops: ShopRoundResult[];
  lostDemand: Record<string, CrowdMap>;
  lostDemandByReason: Record<string, Record<(typeof LOST_REASONS)[number], number>>;
  /** the market's keyword report (数据魔方), the same for every team: searches, impressions, clicks, CTR, orders, average cost per paid click (yuan) */
  keywords: Record<string, { searches: number; impressions: number; clicks: number; ctr: number; orders: number; avgCpc: number }>;
  demand: Record<string, Record<string, CrowdMap>>;
}

export interface RankingRow {
  shop: string;
  rank: number;
  score: number;
  equity: number;
  bankrupt: boolean;
}

export interface Result {
  scenario: string;
  seed: number;
  engine: string;
  hash: string;
  rounds: RoundResult[];
  ranking: RankingRow[];
}

const yuan = (fen: number) => Math.round(fen) / 100;

function crowdMap(values: readonly number[], offset = 0): CrowdMap {
  return { brandLoyal: values[offset]!, lowPrice: values[offset + 1]!, composite: values[offset + 2]!, hesitant: values[offset + 3]! };
}

const rate4 = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 10000) / 10000);

/** Spend that wins customers who have not bought (acquisition) and spend that keeps those who have (retention), fen. */
export function acquisitionAndRetentionFen(x: ShopRoundReport): [number, number] {
  let acquisition = x.costsFen[COST_KINDS.indexOf('media')]!;
  const ads = (COST_KINDS as readonly string[]).indexOf('ads');
  if (ads >= 0) acquisition += x.costsFen[ads]!;
  let retention = x.costsFen[COST_KINDS.indexOf('gifts')]! + (x.memberPoints?.redeemedFen ?? 0);
  for (const pr of x.promotions ?? []) {
    const p = pr.promotion;
    if (p.type === 'memberDay') retention += pr.discountFen;
    else if (p.type === 'coupon') {
      if (p.target === 'everyone' || p.target === 'potential') acquisition += pr.discountFen;
      else retention += pr.discountFen;
    }
  }
  return [acquisition, retention];
}

function customerResults(x: ShopRoundReport): Pick<ShopRoundResult, 'customers' | 'repurchaseRate' | 'costPerOrder' | 'wokenOrders' | 'rfm' | 'memberPoints'> {
  const cs = x.customers;
  const [acquisition, retention] = acquisitionAndRetentionFen(x);
  const grid = (v: readonly number[], f: (n: number) => number) => [0, 1, 2].map((r) => [0, 1, 2].map((c) => f(v[r * 3 + c]!)));
  return {
    customers: Object.fromEntries(LIFECYCLE.map((k, i) => [k, cs.states[i]!])) as ShopRoundResult['customers'],
    repurchaseRate: { byCustomers: rate4(cs.boughtTwice, cs.bought), byTransactions: rate4(cs.repeatOrders, cs.allOrders) },
    costPerOrder: {
      newCustomers: x.newCustomerOrders === 0 ? null : yuan(acquisition / x.newCustomerOrders),
      returningCustomers: x.returningOrders === 0 ? null : yuan(retention / x.returningOrders),
      newOrders: x.newCustomerOrders,
      returningOrders: x.returningOrders,
      acquisition: yuan(acquisition),
      retention: yuan(retention),
    },
    wokenOrders: x.wokenOrders,
    rfm: { customers: grid(cs.rfmCustomers, (n) => n), spent: grid(cs.rfmSpentFen, yuan) },
    memberPoints: memberPointsResult(x),
  };
}

function memberPointsResult(x: ShopRoundReport): ShopRoundResult['memberPoints'] {
  const mp = x.memberPoints ?? { rate: 0, issuedFen: 0, redeemedFen: 0, orders: 0, outstandingFen: 0 };
  return { rate: mp.rate, issued: yuan(mp.issuedFen), redeemed: yuan(mp.redeemedFen), orders: mp.orders, outstanding: yuan(mp.outstandingFen) };
}

/** The hash of the state's canonical form (the customer book with one array per number, bookColumns). */
export function stateHash(state: GameState): string {
  return hashValue(state.customers === undefined ? state : { ...state, customers: bookColumns(state.customers) });
}

export function buildResult(world: World, state: GameState): Result {
  const P = world.products.length;
  const rounds: RoundResult[] = state.reports.map((r) => ({
    round: r.round,
    shops: r.shops.map((x, s) => ({
      shop: world.shops[s]!.id,
      revenue: yuan(x.revenueFen),
      profit: yuan(x.profitFen),
      cash: yuan(x.cashFen),
      equity: yuan(x.equityFen),
      orders: x.orders,
      units: x.units,
      impressions: x.impressions,
      clicks: x.clicks,
      visits: x.visits,
      adSpend: yuan(x.costsFen[COST_KINDS.indexOf('ads')]!),
      funnel: Object.fromEntries(world.products.map((p, pi) => [p.id, { impressions: x.funnel.impressions[pi]!, clicks: x.funnel.clicks[pi]!, orders: x.funnel.orders[pi]! }])),
      searchRank: Object.fromEntries(world.products.map((p, pi) => [p.id, Object.fromEntries(world.cities.map((c, ci) => [c.id, x.searchRank[ci * world.products.length + pi]!]))])),
      conversionRate: x.visits === 0 ? 0 : Math.round((x.orders / x.visits) * 10000) / 10000,
      reviewScore: Object.fromEntries(world.products.map((p, i) => [p.id, x.reviewScore[i]!])),
      cityInfluence: Object.fromEntries(world.cities.map((c, i) => [c.id, x.cityInfluence[i]!])),
      breaches: x.breaches,
      dsr: x.dsr,
      unitsByCrowd: crowdMap(x.unitsByCrowd),
      ordersByCrowd: crowdMap(x.ordersByCrowd),
      costs: Object.fromEntries(COST_KINDS.map((k, i) => [k, yuan(x.costsFen[i]!)])) as ShopRoundResult['costs'],
      costOfGoodsSold: yuan(x.cogsFen),
      index: x.index,
      stockUnits: x.stockUnits,
      restockRefused: x.restockRefused,
      restockCutForCash: x.restockCutForCash,
      unitsBought: x.unitsBought,
      unitsDelivered: x.unitsDelivered,
      bankrupt: x.bankrupt,
      promotions: promotionResults(world, x.promotions),
      service: {
        agents: x.service.agents,
        inquiries: x.service.inquiries,
        avgResponseTicks: x.service.avgResponseTicks,
        refundRate: x.service.refundRate,
        deliveredOrders: x.service.deliveredOrders,
        refunds: x.service.refundOrders,
        refundAmount: yuan(x.service.refundFen),
        amendedReviews: x.service.amended,
        gifts: x.service.gifts,
      },
      dsrParts: { description: x.dsrParts[0]!, service: x.dsrParts[1]!, logistics: x.dsrParts[2]! },
      negativeTags: Object.fromEntries(world.products.map((p, i) => [p.id, x.negativeTags[i]!])),
      ...customerResults(x),
    })),
    lostDemand: Object.fromEntries(world.cities.map((c, i) => [c.id, crowdMap(r.lost, i * 4)])),
    lostDemandByReason: Object.fromEntries(
      world.cities.map((c, i) => [
        c.id,
        Object.fromEntries(LOST_REASONS.map((reason, j) => [reason, r.lostByReason[i * LOST_REASON_COUNT + j]!])) as Record<(typeof LOST_REASONS)[number], number>,
      ]),
    ),
    demand: Object.fromEntries(
      world.cities.map((c, ci) => [c.id, Object.fromEntries(world.products.map((p, pi) => [p.id, crowdMap(r.demand, (ci * P + pi) * 4)]))]),
    ),
    keywords: Object.fromEntries(
      world.keywords.map((k, i) => {
        const x = r.keywords[i]!;
        const ctr = x.impressions === 0 ? 0 : Math.round((x.clicks / x.impressions) * 10000) / 10000;
        return [k.id, { searches: x.searches, impressions: x.impressions, clicks: x.clicks, ctr, orders: x.orders, avgCpc: x.paidClicks === 0 ? 0 : Math.round(x.adSpendFen / x.paidClicks) / 100 }];
      }),
    ),
  }));
  return {
    scenario: world.id,
    seed: state.seed,
    engine: ENGINE_VERSION,
    hash: stateHash(state),
    rounds,
    ranking: rankShops(world, state).map((row) => ({
      shop: world.shops[row.shop]!.id,
      rank: row.rank,
      score: row.score,
      equity: yuan(row.equityFen),
      bankrupt: row.bankrupt,
    })),
  };
}
