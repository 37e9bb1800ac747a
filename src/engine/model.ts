/**
 * The engine's own data: a normalized scenario (the World: indices instead of ids, fen instead
 * of yuan, every default filled), the decisions of one round, and the serialisable game state.
 * Everything is plain arrays and numbers so that the per-buyer loop runs without proxies and the
 * state can be cloned, saved and hashed.
 */
import type { Promotion, PromotionReport, PromotionRules } from './promotions/types';
import type { RngStates } from './rng';
import type { CustomerRules, MemberPointsDecision, ServiceDecision, ServiceRules, ShopService } from './service/types';
import type { CustomerBook, CustomerSummary } from './customers';

export * from './promotions/types';
export * from './service/types';
export * from './search/types';
import type { KeywordReport, SearchDecision, SearchLedger, SearchRules, ShopSearch, Keyword } from './search/types';

export const CROWDS = ['brandLoyal', 'lowPrice', 'composite', 'hesitant'] as const;
export type Crowd = (typeof CROWDS)[number];
export const BRAND_LOYAL = 0;
export const LOW_PRICE = 1;
export const COMPOSITE = 2;
export const HESITANT = 3;
export const CROWD_COUNT = 4;

export const LOST_REASONS = [
  'noListing',
  'priceAboveCap',
  'outOfStock',
  'tooSlow',
  'reviewBelowZero',
  'noPurchase',
] as const;
export type LostReason = (typeof LOST_REASONS)[number];
export const NO_LISTING = 0;
export const PRICE_ABOVE_CAP = 1;
export const OUT_OF_STOCK = 2;
export const TOO_SLOW = 3;
export const REVIEW_BELOW_ZERO = 4;
export const NO_PURCHASE = 5;
export const LOST_REASON_COUNT = 6;

export const INDEX_INPUTS = [
  'visual',
  'iso',
  'iec',
  'popularity',
  'points',
  'orderVolume',
  'media',
  'charity',
] as const;
export type IndexInput = (typeof INDEX_INPUTS)[number];

export const COST_KINDS = [
  'goods',
  'carrier',
  'promotion',
  'media',
  'charity',
  'decoration',
  'certification',
  'rent',
  'penalty',
  'service',
  'gifts',
  /** paid search clicks (直通车) */
  'ads',
  'holding',
] as const;
export type CostKind = (typeof COST_KINDS)[number];

export interface LocalText {
  zh: string;
  en: string;
}

export interface QuantityWeight {
  quantity: number;
  weight: number;
}

/** Demand of one city × product. */
export interface DemandCell {
  /** buyers per round for each crowd, indexed by crowd */
  perRound: number[];
  quantities: QuantityWeight[];
  /** ticks a buyer waits for delivery */
  deadlineTicks: number;
}

export interface DemandEvent {
  fromTick: number; // absolute tick, 1-based, inclusive
  toTick: number;
  multiplier: number;
  cities: number[] | null; // null: all
  products: number[] | null;
  crowds: number[] | null;
}

export interface Rules {
  priceFloat: number;
  /** platform price floor: a fixed price below it is illegal, fen (default 100 = 1.00 yuan) */
  priceFloorFen: number;
  /** cost of holding one unit of stock in a warehouse for a round, fen */
  holdingCostFen: number;
  /** review score: a breach counts −breachWeight (a delivery +1) */
  reviewBreachWeight: number;
  /** review score counts the deliveries and breaches of this many rounds (the current one included) */
  reviewWindowRounds: number;
  demandFluctuation: number;
  penaltyRate: number;
  /** index weights in INDEX_INPUTS order, summing to 1 */
  indexWeights: number[];
  mediaDecay: number;
  restockLeadTicks: number;
  creditFen: number;
  isoCostFen: number;
  iecCostFen: number;
  warehouseCapacity: number; // volume units per city warehouse
  warehouseRentFen: number; // per warehouse per round
  carrierDelayProbability: number;
  carrierDelayTicks: number;
  ratingBase: number;
  ratingPerDay: number;
  /** description rating (描述相符) lost per unit of (price paid / reference − product quality) above 0 */
  ratingDescription: number;
  negativeTagTicks: number;
  negativeTagThreshold: number;
  negativeTagConversion: number;
  fanReturnRate: number;
  hesitant: {
    searchSlots: number;
    buyBase: number;
    sharpness: number;
    priceWeight: number;
    reviewWeight: number;
    indexWeight: number;
    returnProbability: number;
    potentialRetention: number;
  };
  visitDepth: number;
  dsrWindowRounds: number;
  /** rubric: score for first place and the step for each lower place */
  rubricFirst: number;
  rubricStep: number;
  /** how buyers respond to promotions (engine defaults when absent) */
  promotions?: PromotionRules;
  /** customer service (客服); null: not simulated (instant answers, no wages, no refunds) */
  service: ServiceRules | null;
  /** search and traffic (course §7) */
  search: SearchRules;
  /** customer lifecycles (course §9) */
  customers: CustomerRules;
}

export interface Controller {
  kind: 'player' | 'bot';
  strategy: string; // 'player' for players
}

export interface ShopSetup {
  id: string;
  name: LocalText;
  controller: Controller;
  cashFen: number;
  reviewScore: number;
  stock: number[]; // [w * P + p]
  warehouses: boolean[]; // [w]
  visual: number;
  charity: number;
  media: number;
  iso: boolean;
  iec: boolean;
  /** decisions written in the scenario (bot:fixed), indexed by round - 1 */
  decisions: RoundDecision[];
  /** title keywords each product starts with (keyword indices per product); absent: none */
  titles?: number[][];
}

export interface World {
  id: string;
  name: LocalText;
  seed: number;
  rounds: number;
  ticksPerRound: number;
  rules: Rules;
  cities: { id: string; name: LocalText }[];
  products: {
    id: string;
    name: LocalText;
    unitCostFen: number;
    volume: number;
    /** per city; 0 where the product has no market in that city */
    referencePriceFen: number[];
    /** per round multiplier of the reference price (length = rounds) */
    priceTrend: number[];
    /** how well the product matches its description, 0–1 (1: as described) */
    quality: number;
  }[];
  /** [c * P + p] */
  demand: DemandCell[];
  events: DemandEvent[];
  /** ticks from warehouse city (row) to buyer city (column): [w * C + c] */
  deliveryTicks: number[];
  /** carrier fee per order, fen, [w * C + c]; plus carrierPerVolumeFen per unit volume */
  carrierFeeFen: number[];
  carrierPerVolumeFen: number;
  shops: ShopSetup[];
  /** search keywords (数据魔方); a scenario without any gets one per product, its own name */
  keywords: Keyword[];
  /** true when `keywords` were made for a scenario that lists none */
  keywordsImplicit: boolean;
}

/** One shop's listing of a product in a city. */
export interface Listing {
  priceFen: number;
  shippingFen: number;
  sellerPaysShipping: boolean;
  presale: boolean;
}

export interface ListingDecision {
  city: number;
  product: number;
  /** null: take the listing down */
  listing: Listing | null;
}

export interface RestockDecision {
  city: number;
  product: number;
  quantity: number;
}

export interface MarketingDecision {
  decorationFen: number;
  mediaFen: number;
  charityFen: number;
  iso: boolean;
  iec: boolean;
}

export interface RoundDecision {
  listings: ListingDecision[];
  restock: RestockDecision[];
  marketing: MarketingDecision;
  /** promotion tools in force this round (course §8), checked on submission */
  promotions?: Promotion[];
  /** service agents and gift policy (course §5); absent: as last round */
  service?: ServiceDecision;
  /** title keywords and paid search (course §7); absent: as last round */
  search?: SearchDecision;
  /** member points (会员积分, course §8–9); absent: as last round */
  memberPoints?: MemberPointsDecision;
}

/** Restock in transit to a shop's city warehouse. */
export interface Inbound {
  shop: number;
  city: number;
  product: number;
  units: number;
  arriveTick: number;
  /** units promised to presale orders */
  reserved: number;
  /** presale orders waiting for these units */
  backorders: Backorder[];
}

export interface Backorder {
  city: number; // buyer city
  orders: number;
  units: number;
  revenueFen: number;
  carrierFen: number;
  orderTick: number;
  deadlineTick: number;
  /** promotion discounts inside revenueFen (revenue is booked gross, the discount as a cost); absent: 0 */
  discountFen?: number;
}

/** Customer orders on their way: one batch per shop, origin, destination, product, tick. */
export interface Parcel {
  shop: number;
  from: number;
  city: number;
  product: number;
  orders: number;
  units: number;
  revenueFen: number;
  orderTick: number;
  deliverTick: number;
  deadlineTick: number;
  /** promotion discounts inside revenueFen (revenue is booked gross, the discount as a cost); absent: 0 */
  discountFen?: number;
}

/** Counters of the round in progress; folded into a RoundReport at the round's end. */
export interface ShopLedger {
  revenueFen: number;
  costsFen: number[]; // COST_KINDS order
  cogsFen: number; // goods delivered, at cost
  orders: number;
  units: number;
  visits: number;
  breaches: number;
  unitsByCrowd: number[];
  ordersByCrowd: number[];
  ratingSum: number;
  ratingCount: number;
  restockRefused: number;
  /** restock units not bought because cash (plus the scenario's credit) could not pay for them */
  restockCutForCash: number;
  /** review score change of this round per product (+1 per delivery, −breachWeight per breach) */
  reviewDelta: number[];
  /** units bought by restock orders this round */
  unitsBought: number;
  /** units that reached buyers on time this round */
  unitsDelivered: number;
  /** units sold (allocated) per crowd in each city: [c * 4 + k] */
  soldByCityCrowd: number[];
  /** customer service of the round (course §5) */
  service: ServiceLedger;
  /** the search funnel of the round (course §7) */
  search: SearchLedger;
  /** orders of the round by customers buying at the shop for the first time, and by returning ones */
  newCustomerOrders: number;
  returningOrders: number;
  /** orders of customers who had been sleeping (their last purchase sleepingTicks or more ago) */
  wokenOrders: number;
  /** member points (会员积分) given with this round's orders, points redeemed (fen off) and the orders that redeemed */
  pointsIssuedFen: number;
  pointsRedeemedFen: number;
  pointsOrders: number;
}

export interface ServiceLedger {
  inquiries: number;
  /** sum of each tick's response time, ticks */
  responseTickSum: number;
  ticks: number;
  /** orders delivered on time, and those of them refunded */
  deliveredOrders: number;
  refundOrders: number;
  /** money paid back to buyers, fen */
  refundFen: number;
  /** units returned by refunds (back in the warehouse they left) */
  refundUnits: number;
  /** bad reviews amended (negative tags cleared early) */
  amended: number;
  /** rating parts, summed over rated orders: description, service, logistics */
  descriptionSum: number;
  serviceSum: number;
  logisticsSum: number;
  gifts: number;
}

export interface ShopState {
  bankrupt: boolean;
  bankruptTick: number;
  cashFen: number;
  stock: number[]; // [w * P + p]
  warehouses: boolean[];
  listings: (Listing | null)[]; // [c * P + p]
  reviewScore: number[]; // [p]
  cityInfluence: number[]; // [c]
  fans: number[]; // [c * P + p]
  /** expiry ticks of active negative tags, per product */
  tags: number[][];
  visual: number;
  media: number;
  charity: number;
  iso: boolean;
  iec: boolean;
  points: number;
  popularity: number;
  orderVolume: number;
  /** ratings of the last rounds, newest last: [sum, count, description sum, service sum, logistics sum] */
  dsrRounds: number[][];
  /** review score changes of the previous rounds still inside the review window, newest last, [round][p] */
  reviewRounds: number[][];
  ledger: ShopLedger;
  service: ShopService;
  /** title keywords, ads and search history (course §7) */
  search: ShopSearch;
  /** share of each order's value given back as member points (会员积分), as last decided */
  memberPointsRate: number;
}

export interface ShopRoundReport {
  revenueFen: number;
  costsFen: number[];
  cogsFen: number;
  profitFen: number;
  cashFen: number;
  equityFen: number;
  orders: number;
  units: number;
  visits: number;
  breaches: number;
  unitsByCrowd: number[];
  ordersByCrowd: number[];
  reviewScore: number[];
  cityInfluence: number[];
  /** rolling mean rating; null when the shop had no ratings in the window */
  dsr: number | null;
  index: number;
  indexInputs: number[];
  stockUnits: number;
  bankrupt: boolean;
  restockRefused: number;
  restockCutForCash: number;
  unitsBought: number;
  unitsDelivered: number;
  soldByCityCrowd: number[];
  listings: (Listing | null)[];
  /** what each promotion of the round did; absent when the shop ran none */
  promotions?: PromotionReport[];
  service: ServiceReport;
  /** rolling DSR parts (description, service, logistics), 0 before any rating */
  dsrParts: number[];
  /** active negative tags per product at the round's end */
  negativeTags: number[];
  impressions: number;
  clicks: number;
  /** mean organic position per city and product [c * P + p]; 0 where nobody searched */
  searchRank: number[];
  /** the funnel per product: impressions → clicks (visits) → orders */
  funnel: { impressions: number[]; clicks: number[]; orders: number[] };
  newCustomerOrders: number;
  returningOrders: number;
  wokenOrders: number;
  /** the shop's customers at the round's end (course §9) */
  customers: CustomerSummary;
  /** member points (会员积分): the round's rate, points given and redeemed (fen), orders that redeemed, points its customers hold at the round's end */
  memberPoints: { rate: number; issuedFen: number; redeemedFen: number; orders: number; outstandingFen: number };
}

export interface ServiceReport {
  agents: number;
  inquiries: number;
  avgResponseTicks: number;
  /** refunded / delivered orders of the round */
  refundRate: number;
  deliveredOrders: number;
  refundOrders: number;
  refundFen: number;
  refundUnits: number;
  amended: number;
  gifts: number;
}

export interface RoundReport {
  round: number;
  demand: number[]; // [(c * P + p) * 4 + k] buyers generated
  lost: number[]; // [(c * 4 + k)] buyers lost
  lostByReason: number[]; // [c * LOST_REASON_COUNT + r]
  shops: ShopRoundReport[];
  /** the market's keyword report (数据魔方), per keyword */
  keywords: KeywordReport[];
}

export interface GameState {
  version: 1;
  scenario: string;
  seed: number;
  /** rounds completed */
  round: number;
  /** ticks completed (absolute) */
  tick: number;
  rng: RngStates;
  shops: ShopState[];
  inbound: Inbound[];
  parcels: Parcel[];
  /** hesitant buyers who favourited or carted and may come back: [c * P + p] */
  potential: number[];
  /** composite index of each shop for the round in progress */
  index: number[];
  /** the round's seeded shop order, the tie-break for every ranking */
  shuffle: number[];
  /** buyers of the round in progress, [(c * P + p) * 4 + k] per round (fluctuation applied) */
  roundDemand: number[];
  /** counters of the round in progress */
  lost: number[];
  lostByReason: number[];
  demandSeen: number[];
  /** the market's keyword counters of the round in progress (数据魔方) */
  keywordStats: KeywordReport[];
  reports: RoundReport[];
  /** every city's customers and what they remember of each shop (course §9) */
  customers: CustomerBook;
}
