/**
 * The working memory of one product's market on one tick, shared by the market stages (tick.ts:
 * buyers → offers → search → choose → allocate → dispatch). It is allocated once per game (or
 * round, when a round is played alone) and reused for every product and tick, so the per-buyer
 * loop allocates nothing; nothing of it outlives a tick except its buffers.
 */
import type { RoundContext, TickFlows } from './context';
import type { CrowdBehaviour, Offer, RankContext } from './crowds/offer';
import { crowdBehaviours } from './crowds';
import { newVisitLog, type VisitLog } from './customers';
import { CROWD_COUNT, type Inbound, type ShopState, type World } from './model';
import type { RoundPromotions } from './promotions/round';
import type { Rng } from './rng';

/** One tick's sales of a shop from one warehouse to one city (delayed or not): one parcel. */
export interface Part {
  shop: number;
  from: number;
  city: number;
  orders: number;
  units: number;
  revenueFen: number;
  carrierFen: number;
  delayed: boolean;
  /** promotion discounts inside revenueFen */
  discountFen: number;
}

/** Units of a bundle's other items, shipped with its main item as one order. */
export interface BundleExtra {
  shop: number;
  from: number;
  city: number;
  product: number;
  units: number;
  delayed: boolean;
}

/** The offers of one city for the product, and what each crowd made of them. */
export interface CityMarket {
  offers: Offer[];
  /** the offer of each shop, or null */
  byShop: (Offer | null)[];
  lostReason: number;
  referenceFen: number;
  capFen: number;
  /** results pages by page index (keyword × 2 + 1 with paid slots), built for pages with searchers */
  pages: (SearchPage | undefined)[];
  /** rankings by crowd and by index of the wanted quantity ([qi * 4 + k]); returning potential customers' after them; made on first use (undefined until then) */
  rankings: (Offer[] | undefined)[];
  /** for hesitant rankings: each ranked offer's utility and choice weight for that quantity */
  utilities: (Float64Array | undefined)[];
  weights: (Float64Array | undefined)[];
  /** for rankings of a results page: each ranked offer's chance to be opened, its ad (-1: organic) and cost per click */
  attention: (Float64Array | undefined)[];
  adOf: (Int32Array | undefined)[];
  cpcOf: (Int32Array | undefined)[];
  /** buyers per ranking: each saw every offer of it (impressions) */
  visitors: Int32Array;
  /** per ranking (returning customers' too): the first offer that may still have stock */
  firstLive: Int32Array;
  /** some offer has a coupon aimed at returning potential customers: they rank separately */
  potentialCoupon: boolean;
  /** the composite ranking of all the city's offers for the first wanted quantity (`tieQ`), made by search as its tie-break; undefined when no page was built */
  tie: Offer[] | undefined;
  tieQ: number;
  /** the composite rankings of all the city's offers made so far this tick: their quantities and rankings, the first `sharedCount` */
  sharedQ: number[];
  shared: Offer[][];
  sharedCount: number;
  /** keys of the rankings made this tick, in the order made: the first `usedCount` (the next snapshot clears them) */
  used: number[];
  usedCount: number;
  /** buffers kept from tick to tick, by ranking key and page: the views above point into them */
  pool: CityPool;
}

/** A city's buffers, allocated when first needed and reused by every later product and tick. */
export interface CityPool {
  rankings: (Offer[] | undefined)[];
  utilities: (Float64Array | undefined)[];
  weights: (Float64Array | undefined)[];
  attention: (Float64Array | undefined)[];
  adOf: (Int32Array | undefined)[];
  cpcOf: (Int32Array | undefined)[];
  pages: (SearchPage | undefined)[];
  tie: Offer[];
}

/**
 * One results page for a keyword: paid slots (if any), then organic results. The typed arrays
 * are buffers with room for every shop; their first `order.length` entries are the page's.
 */
export interface SearchPage {
  order: Offer[];
  attention: Float64Array;
  /** index of the ad in its shop's ads, -1 for an organic result */
  ad: Int32Array;
  cpcFen: Int32Array;
  /** position in `order` by shop, -1 when absent */
  posOf: Int32Array;
}

export interface ProductMarket {
  ctx: RoundContext;
  world: World;
  shops: ShopState[];
  /** the product being traded */
  p: number;
  P: number;
  C: number;
  S: number;
  delayP: number;
  flows: TickFlows | null;
  promos: RoundPromotions | null;
  /** the buyers' choice stream (ctx.rng.choice) */
  choice: Rng;
  /** each crowd's behaviour, by crowd index */
  crowds: readonly CrowdBehaviour[];
  /** how many search results each crowd looks at, by crowd index (Infinity: it compares every offer) */
  depths: readonly number[];

  // buyers
  /** buyers of the tick per city and crowd, [c * 4 + k] */
  counts: number[];
  /** potential customers coming back, per city */
  returning: number[];
  /** results pages per city (keywords × 2: organic only, with paid slots) */
  pagesPerCity: number;
  /** searchers per city and page, [c * pages + page] */
  pageSearchers: number[];
  /** some ad could show for the keyword in the city, [c * K + k] */
  adsShown: boolean[];
  /** keywords that find each product in each city (search volume × relevance not 0), in index order, [c * P + p] */
  searchKeywords: Int32Array[];
  /** scratch of the split of searchers over pages: whole searchers and remainders by page */
  pageFloors: Float64Array;
  pageRest: Float64Array;
  /** keyword match scores, [title keyword * K + searched keyword] */
  similarity: Float64Array;
  /** buyer codes of the tick in their seeded order; the first `n` are this tick's */
  buyers: Int32Array;
  n: number;
  /** the customer each buyer is (course §9), parallel to `buyers` */
  customerIds: Int32Array;
  /** the customer whose turn it is (allocate) */
  customer: number;
  /** what the tick's customers did, entered into the customer book at dispatch */
  visitLog: VisitLog;
  /** member points the last order redeemed, fen (allocate: a coupon never pays what points already did) */
  pointsOffFen: number;
  /** per buyer: the index of the shop's coupon that brought it back, or −1 (parallel to `buyers`) */
  coupons: Int32Array;

  // offers
  /** for each buyer city, every warehouse city fastest first (ties: lower index): fixed for the game */
  fastest: Int32Array[];
  /** for each buyer city, each warehouse city's place in that order, [c][w] */
  speedRank: Int32Array[];
  /** offer records by [c * S + s], refilled by each tick's snapshot (allocated once) */
  offerPool: (Offer | undefined)[];
  /** per shop, how many warehouses hold the product this tick, and which ([s * C + i], index order) */
  stocked: Int32Array;
  stockedAt: Int32Array;
  /** restock in transit of this product, by shop: what presale listings can sell */
  inboundByShop: Inbound[][];
  cities: CityMarket[];
  /** each city's market record, reused for every product and tick */
  cityPool: (CityMarket | undefined)[];

  // choose and search (scratch buffers, reused)
  rankContext: RankContext;
  /** the results a buyer of a page looks at */
  pageSeen: Offer[];
  /** a page's organic order, the composite tie-break rank by shop (`tieCity`: the city it is for, -1 none) */
  organic: Offer[];
  tieRank: Int32Array;
  tieCity: number;
  /** the ads bidding for a paid page, and their records */
  bids: Bid[];
  bidPool: Bid[];

  // allocate
  visits: Int32Array;
  /** carrier fee per order from warehouse w to city c, [w * C + c], and per unit of this product */
  feeBase: number[];
  feePerUnit: number;
  /** the tick's parcels so far: by key in `slots`, in creation order in `list` */
  slots: (Part | undefined)[];
  list: Part[];
  /** the part or backorder that carries the last order's shipping: its discount is booked there */
  head: { discountFen?: number } | null;
  /** the buyer in progress has had its one chance to take a bundle or move up a threshold */
  tried: boolean;
  extras: BundleExtra[];
  /** a hesitant buyer's live offers and their weights */
  seen: Offer[];
  /** where each of those is in the buyer's ranking */
  seenAt: Int32Array;
  weights: Float64Array;
}

/** An ad bidding for a page's paid slots. */
export interface Bid {
  o: Offer;
  ad: number;
  bid: number;
  quality: number;
}

/** Buffers for a world's markets; `ctx` is set by `beginProduct`. */
export function newProductMarket(world: World, shops: number): ProductMarket {
  const C = world.cities.length;
  const slots = world.rules.hesitant.searchSlots;
  const inboundByShop: Inbound[][] = [];
  for (let s = 0; s < shops; s++) inboundByShop.push([]);
  const fastest = fastestWarehouses(world);
  const crowds = crowdBehaviours(world.rules);
  return {
    ctx: null as unknown as RoundContext,
    world,
    shops: [],
    p: 0,
    P: world.products.length,
    C,
    S: shops,
    delayP: world.rules.carrierDelayProbability,
    flows: null,
    promos: null,
    choice: null as unknown as Rng,
    crowds,
    depths: crowds.map((x) => x.searchDepth(world.rules)),
    counts: new Array<number>(C * CROWD_COUNT).fill(0),
    pagesPerCity: world.keywords.length * 2,
    pageSearchers: new Array<number>(C * world.keywords.length * 2).fill(0),
    searchKeywords: world.cities.flatMap((_, c) =>
      world.products.map((_, p) => Int32Array.from(world.keywords.flatMap((kw, k) => (kw.volume[c]! * kw.relevance[p]! !== 0 ? [k] : [])))),
    ),
    pageFloors: new Float64Array(world.keywords.length * 2),
    pageRest: new Float64Array(world.keywords.length * 2),
    adsShown: new Array<boolean>(C * world.keywords.length).fill(false),
    similarity: keywordSimilarity(world),
    returning: new Array<number>(C).fill(0),
    buyers: new Int32Array(1024),
    n: 0,
    fastest,
    speedRank: fastest.map((order) => {
      const rank = new Int32Array(C);
      order.forEach((w, i) => (rank[w] = i));
      return rank;
    }),
    offerPool: new Array<Offer | undefined>(C * shops).fill(undefined),
    stocked: new Int32Array(shops),
    stockedAt: new Int32Array(shops * C),
    customerIds: new Int32Array(1024),
    customer: 0,
    visitLog: newVisitLog(),
    pointsOffFen: 0,
    coupons: new Int32Array(1024),
    inboundByShop,
    cities: [],
    cityPool: new Array<CityMarket | undefined>(C).fill(undefined),
    rankContext: { quantity: 0, referenceFen: 0, capFen: 0, returning: false, cacheKey: -1 },
    pageSeen: [],
    organic: [],
    tieRank: new Int32Array(shops),
    tieCity: -1,
    bids: [],
    bidPool: [],
    visits: new Int32Array(shops),
    feeBase: world.carrierFeeFen,
    feePerUnit: 0,
    slots: new Array<Part | undefined>(shops * C * C * 2),
    list: [],
    head: null,
    tried: false,
    extras: [],
    seen: new Array<Offer>(slots),
    seenAt: new Int32Array(slots),
    weights: new Float64Array(slots),
  };
}

/**
 * How well a title keyword matches a searched one (course §7): the same keyword is a complete
 * match; one containing the other (by id or Chinese word) a high match; sharing a character a
 * partial match; else none.
 */
function keywordSimilarity(world: World): Float64Array {
  const K = world.keywords.length;
  const [complete, high, partial] = world.rules.search.matchScores;
  const out = new Float64Array(K * K);
  const words = world.keywords.map((k) => [k.id, k.word?.zh ?? k.id]);
  for (let t = 0; t < K; t++) {
    for (let k = 0; k < K; k++) {
      if (t === k) {
        out[t * K + k] = complete;
        continue;
      }
      const [a1, a2] = words[t]!;
      const [b1, b2] = words[k]!;
      const contains = (x: string, y: string) => x.includes(y) || y.includes(x);
      if (contains(a1!, b1!) || contains(a2!, b2!)) out[t * K + k] = high;
      else if ([...a2!].some((ch) => ch > '\u2e80' && b2!.includes(ch))) out[t * K + k] = partial;
    }
  }
  return out;
}

/** Readies the buffers for product `p` on the context's tick. */
export function beginProduct(m: ProductMarket, ctx: RoundContext, p: number): void {
  m.ctx = ctx;
  m.choice = ctx.rng.choice;
  m.shops = ctx.state.shops;
  m.p = p;
  m.flows = ctx.flows;
  m.promos = ctx.promos ?? null;
  m.feePerUnit = m.world.products[p]!.volume * m.world.carrierPerVolumeFen;
  m.n = 0;
  // Setting a length is slow: only when there is something to drop.
  if (m.list.length !== 0) m.list.length = 0;
  if (m.extras.length !== 0) m.extras.length = 0;
  m.head = null;
  m.tried = false;
}

/** For each buyer city c, the warehouse cities by delivery ticks to c, then by index. */
export function fastestWarehouses(world: World): Int32Array[] {
  const C = world.cities.length;
  const out: Int32Array[] = [];
  for (let c = 0; c < C; c++) {
    const order = Array.from({ length: C }, (_, w) => w);
    order.sort((a, b) => world.deliveryTicks[a * C + c]! - world.deliveryTicks[b * C + c]! || a - b);
    out.push(Int32Array.from(order));
  }
  return out;
}
