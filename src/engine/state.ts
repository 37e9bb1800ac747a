/** The game state before the first round, from the World. */
import { COST_KINDS, CROWD_COUNT, LOST_REASON_COUNT, type GameState, type KeywordReport, type ShopLedger, type World } from './model';

export function emptyKeywordReport(): KeywordReport {
  return { searches: 0, impressions: 0, clicks: 0, orders: 0, paidClicks: 0, adSpendFen: 0 };
}
import { initialStreams } from './rng';
import { newCustomerBook } from './customers';

export function emptyLedger(cities: number, products = 0, keywords = 0): ShopLedger {
  return {
    revenueFen: 0,
    costsFen: new Array<number>(COST_KINDS.length).fill(0),
    cogsFen: 0,
    orders: 0,
    units: 0,
    visits: 0,
    breaches: 0,
    unitsByCrowd: new Array<number>(CROWD_COUNT).fill(0),
    ordersByCrowd: new Array<number>(CROWD_COUNT).fill(0),
    ratingSum: 0,
    ratingCount: 0,
    restockRefused: 0,
    restockCutForCash: 0,
    reviewDelta: new Array<number>(products).fill(0),
    unitsBought: 0,
    unitsDelivered: 0,
    soldByCityCrowd: new Array<number>(cities * CROWD_COUNT).fill(0),
    search: {
      impressions: 0,
      adClicks: 0,
      adImpressionsBy: new Array<number>(products * keywords).fill(0),
      adClicksBy: new Array<number>(products * keywords).fill(0),
      rankSum: new Array<number>(cities * products).fill(0),
      rankCount: new Array<number>(cities * products).fill(0),
      unitsByProduct: new Array<number>(products).fill(0),
      impressionsByProduct: new Array<number>(products).fill(0),
      clicksByProduct: new Array<number>(products).fill(0),
      ordersByProduct: new Array<number>(products).fill(0),
    },
    service: {
      inquiries: 0,
      responseTickSum: 0,
      ticks: 0,
      deliveredOrders: 0,
      refundOrders: 0,
      refundFen: 0,
      refundUnits: 0,
      amended: 0,
      descriptionSum: 0,
      serviceSum: 0,
      logisticsSum: 0,
      gifts: 0,
    },
    newCustomerOrders: 0,
    returningOrders: 0,
    wokenOrders: 0,
    pointsIssuedFen: 0,
    pointsRedeemedFen: 0,
    pointsOrders: 0,
  };
}

export function createInitialState(world: World, seed: number): GameState {
  const C = world.cities.length;
  const P = world.products.length;
  return {
    version: 1,
    scenario: world.id,
    seed,
    round: 0,
    tick: 0,
    rng: initialStreams(seed),
    shops: world.shops.map((s) => ({
      bankrupt: false,
      bankruptTick: 0,
      cashFen: s.cashFen,
      stock: s.stock.slice(),
      warehouses: s.warehouses.slice(),
      listings: new Array(C * P).fill(null),
      reviewScore: new Array<number>(P).fill(s.reviewScore),
      cityInfluence: new Array<number>(C).fill(0),
      fans: new Array<number>(C * P).fill(0),
      tags: world.products.map(() => []),
      visual: s.visual,
      media: s.media,
      charity: s.charity,
      iso: s.iso,
      iec: s.iec,
      points: 0,
      popularity: 0,
      orderVolume: 0,
      dsrRounds: [],
      reviewRounds: [],
      ledger: emptyLedger(C, P, world.keywords.length),
      search: {
        titles: world.products.map((_, p) => (s.titles?.[p] ?? []).slice()),
        ads: [],
        spentToday: [],
        spentTick: 0,
        performance: new Array<number>(P).fill(0),
        adCtr: new Array<number>(P * world.keywords.length).fill(0),
      },
      service: { agents: world.rules.service?.startAgents ?? 0, gift: null, queue: 0, responseTicks: 0, visitsSeen: 0, afterSales: 0, carry: 0 },
      memberPointsRate: 0,
    })),
    inbound: [],
    parcels: [],
    potential: new Array<number>(C * P).fill(0),
    index: new Array<number>(world.shops.length).fill(0),
    shuffle: world.shops.map((_, i) => i),
    roundDemand: new Array<number>(C * P * CROWD_COUNT).fill(0),
    lost: new Array<number>(C * CROWD_COUNT).fill(0),
    lostByReason: new Array<number>(C * LOST_REASON_COUNT).fill(0),
    demandSeen: new Array<number>(C * P * CROWD_COUNT).fill(0),
    keywordStats: world.keywords.map(() => emptyKeywordReport()),
    reports: [],
    customers: newCustomerBook(world),
  };
}
