/**
 * Customers (客户关系管理, course §9): the buyers of a city are a fixed population of customers,
 * each remembering, per shop, how often it bought there, when last and for how much. Lifecycle
 * per shop: visitor → potential (favourited or carted) → new (one purchase) → repeat → loyal;
 * a customer who has not bought for `sleepingTicks` is sleeping (沉睡客户).
 *
 * The memory is typed arrays indexed by customer × shop, allocated once per game (and copied with
 * the state at each round's snapshot, unless the caller hands the state over); the per-buyer loop
 * only reads and writes numbers in them. What a customer remembers of a shop sits in one place
 * (one fetch from memory per purchase: the book is large and purchases land on it at random).
 */
import type { CustomerRules, World } from './model';
import type { CustomerGroup, SentPromotion } from './promotions/tool';
import { toolOf } from './promotions/tools';
import type { Promotion } from './promotions/types';
import type { Rng } from './rng';

export interface CustomerBook {
  /** customers of all cities */
  size: number;
  /** customers of city c are [cityStart[c], cityStart[c + 1]) */
  cityStart: number[];
  /**
   * Each customer's memory of each shop, two numbers per cell customer * S + s, side by side:
   * at [2 × cell] the tick of the last purchase (0: never) × 2^17 + purchases (at most 65535) × 2
   * + 1 for a potential customer (favourited or carted at the shop without buying); at
   * [2 × cell + 1] the money spent at the shop, fen. Read through purchasesOf, lastPurchaseTick,
   * spentAt and isPotential.
   */
  cells: Float64Array;
  /** member points (会员积分) held at each shop, fen of price they can pay, [customer * S + s] */
  pointsFen: Int32Array;
  /** 1 once any shop has given points (members then look for them) */
  pointsGiven: number;
  /** customers who bought at a shop, by city: shop s, city c at [s * size + cityStart[c] + j], j < knownCount[s * C + c] */
  known: Int32Array;
  knownCount: Int32Array;
  /** over the game: orders by a customer who had bought at the shop before, and all orders, per shop */
  repeatOrders: number[];
  allOrders: number[];
}

/** Memory for a world with `shops` shops never exceeds this many customer × shop cells. */
export const MAX_CUSTOMER_CELLS = 2_000_000;

/** City populations: rules.customers.poolRounds × the city's published buyers per round (at least 1), scaled to fit memory. */
export function customerPools(world: World): number[] {
  const P = world.products.length;
  const S = Math.max(1, world.shops.length);
  const pools = world.cities.map((_, c) => {
    let buyers = 0;
    for (let p = 0; p < P; p++) for (const n of world.demand[c * P + p]!.perRound) buyers += n;
    return Math.max(1, Math.ceil(buyers * world.rules.customers.poolRounds));
  });
  const total = pools.reduce((a, b) => a + b, 0);
  if (total * S <= MAX_CUSTOMER_CELLS) return pools;
  const scale = MAX_CUSTOMER_CELLS / S / total;
  return pools.map((n) => Math.max(1, Math.floor(n * scale)));
}

/** A cell's first number: lastTick × TICK_UNIT + purchases × 2 + potential. */
const TICK_UNIT = 1 << 17;

/** Purchases by the customer at shop s (of S). */
export function purchasesOf(book: CustomerBook, customer: number, s: number, S: number): number {
  return (book.cells[(customer * S + s) * 2]! >> 1) & 0xffff;
}

/** Tick of the customer's last purchase at shop s (0: never). */
export function lastPurchaseTick(book: CustomerBook, customer: number, s: number, S: number): number {
  return book.cells[(customer * S + s) * 2]! >>> 17;
}

/** Money the customer spent at shop s, fen. */
export function spentAt(book: CustomerBook, customer: number, s: number, S: number): number {
  return book.cells[(customer * S + s) * 2 + 1]!;
}

/** The customer favourited or carted at shop s without buying there. */
export function isPotential(book: CustomerBook, customer: number, s: number, S: number): boolean {
  return (book.cells[(customer * S + s) * 2]! & 1) === 1;
}

export function newCustomerBook(world: World): CustomerBook {
  const S = world.shops.length;
  const C = world.cities.length;
  // A cell's first number holds the tick below 2^14 (the validator allows 24 rounds × 60 ticks).
  if (world.rounds * world.ticksPerRound >= 1 << 14) throw new Error(`customers remember ticks below ${1 << 14}: ${world.rounds} rounds × ${world.ticksPerRound} ticks is too long`);
  const pools = customerPools(world);
  const cityStart = [0];
  for (const n of pools) cityStart.push(cityStart[cityStart.length - 1]! + n);
  const size = cityStart[C]!;
  return {
    size,
    cityStart,
    cells: new Float64Array(size * S * 2),
    pointsFen: new Int32Array(size * S),
    pointsGiven: 0,
    known: new Int32Array(size * S),
    knownCount: new Int32Array(S * C),
    repeatOrders: new Array<number>(S).fill(0),
    allOrders: new Array<number>(S).fill(0),
  };
}

export const FIRST_ORDER = 0;
export const RETURNING_ORDER = 1;
/** a returning customer who was sleeping (沉睡客户 woken) */
export const WOKEN_ORDER = 2;

/**
 * An order by `customer` at shop s: FIRST_ORDER for a customer new to the shop, RETURNING_ORDER
 * for one who had bought there before, WOKEN_ORDER when that was `sleepingTicks` or more ago.
 */
export function recordPurchase(book: CustomerBook, customer: number, s: number, S: number, C: number, city: number, tick: number, fen: number, sleepingTicks: number): number {
  const cells = book.cells;
  const at = (customer * S + s) * 2;
  const v = cells[at]!;
  const before = (v >> 1) & 0xffff;
  const woken = before > 0 && tick - (v >>> 17) >= sleepingTicks;
  if (before === 0) {
    book.known[s * book.size + book.cityStart[city]! + book.knownCount[s * C + city]!] = customer;
    book.knownCount[s * C + city]!++;
  }
  // A customer who bought is no longer a potential one.
  cells[at] = tick * TICK_UNIT + (before < 65535 ? before + 1 : before) * 2;
  cells[at + 1]! += fen;
  book.allOrders[s]!++;
  if (before === 0) return FIRST_ORDER;
  book.repeatOrders[s]!++;
  return woken ? WOKEN_ORDER : RETURNING_ORDER;
}

/**
 * What the customers of one product's market did on a tick, in the order they did it, written
 * down while buyers choose and entered into the book afterwards (enterVisits): nothing a buyer
 * decides reads the book, so the book ends the same as if each entry were made at once, and the
 * entries are made in one tight loop, whose fetches from memory the processor can overlap (the
 * book is large and each entry lands on a random cell of it).
 * Entries of 4 numbers: customer, shop, city of a purchase (-1: the customer favourited or carted
 * the shop's product and left, markPotential), money spent (fen).
 */
export interface VisitLog {
  /** per entry: customer, shop, city of a purchase (−1: a favourite) */
  entries: Int32Array;
  /** per entry: money spent, fen */
  fen: Float64Array;
  /** entries written */
  n: number;
  /** the kind of each purchase entered (FIRST_ORDER …; −1 for a favourite), by entry */
  kinds: Int8Array;
  /** a sum of the cells read ahead (kept so that the reads are made; means nothing) */
  touched: number;
  /** purchases entered by the last enterVisits, per shop s and kind: [s * 3 + kind] */
  byKind: Int32Array;
}

/** Entries whose cells are read ahead together (enterVisits). */
const TOUCH_BLOCK = 64;

export function newVisitLog(): VisitLog {
  return { entries: new Int32Array(3 * 1024), fen: new Float64Array(1024), n: 0, kinds: new Int8Array(1024), touched: 0, byKind: new Int32Array(0) };
}

/** Writes down a purchase (city ≥ 0) or a favourite (city −1) of `customer` at shop s. */
export function logVisit(log: VisitLog, customer: number, s: number, city: number, fen: number): void {
  const n = log.n;
  if (n === log.fen.length) {
    const entries = new Int32Array(n * 6);
    entries.set(log.entries);
    log.entries = entries;
    const fens = new Float64Array(n * 2);
    fens.set(log.fen);
    log.fen = fens;
    log.kinds = new Int8Array(n * 2);
  }
  const e = log.entries;
  e[n * 3] = customer;
  e[n * 3 + 1] = s;
  e[n * 3 + 2] = city;
  log.fen[n] = fen;
  log.n = n + 1;
}

/**
 * Enters the log's entries into the book in their order (recordPurchase, markPotential) and
 * empties it; their kinds are left in log.kinds, and counted per shop in log.byKind.
 */
export function enterVisits(book: CustomerBook, log: VisitLog, S: number, C: number, tick: number, sleepingTicks: number): void {
  const n = log.n;
  const e = log.entries;
  const fen = log.fen;
  const kinds = log.kinds;
  const cells = book.cells;
  if (log.byKind.length < S * 3) log.byKind = new Int32Array(S * 3);
  const byKind = log.byKind;
  byKind.fill(0);
  let touched = 0;
  for (let from = 0; from < n; from += TOUCH_BLOCK) {
    const to = from + TOUCH_BLOCK < n ? from + TOUCH_BLOCK : n;
    // First only read the block's cells, in a loop so short that the processor has many of these
    // reads from memory under way at once; the entries below then find them in its cache.
    for (let i = from; i < to; i++) touched += cells[(e[i * 3]! * S + e[i * 3 + 1]!) * 2]!;
    for (let i = from; i < to; i++) {
      const customer = e[i * 3]!;
      const s = e[i * 3 + 1]!;
      const city = e[i * 3 + 2]!;
      if (city < 0) {
        markPotential(book, customer, s, S);
        kinds[i] = -1;
      } else {
        const kind = recordPurchase(book, customer, s, S, C, city, tick, fen[i]!, sleepingTicks);
        kinds[i] = kind;
        byKind[s * 3 + kind]!++;
      }
    }
  }
  log.touched = touched;
  log.n = 0;
}

/** A hesitant buyer who favourited or carted the shop's product and left (潜在客户). */
export function markPotential(book: CustomerBook, customer: number, s: number, S: number): void {
  const at = (customer * S + s) * 2;
  // Never bought there: the cell's first number is 0 or already 1.
  if (book.cells[at]! < 2) book.cells[at] = 1;
}

export const LIFECYCLE = ['potential', 'new', 'repeat', 'loyal', 'sleeping'] as const;
export type Lifecycle = (typeof LIFECYCLE)[number];
export const POTENTIAL = 0;
export const NEW = 1;
export const REPEAT = 2;
export const LOYAL = 3;
export const SLEEPING = 4;
/** a visitor: never bought and never favourited */
export const VISITOR = -1;

/** Where a customer stands with a shop at `tick`. */
export function lifecycleOf(book: CustomerBook, customer: number, s: number, S: number, tick: number, rules: CustomerRules): number {
  const v = book.cells[(customer * S + s) * 2]!;
  const buys = (v >> 1) & 0xffff;
  if (buys === 0) return v === 1 ? POTENTIAL : VISITOR;
  if (tick - (v >>> 17) >= rules.sleepingTicks) return SLEEPING;
  if (buys === 1) return NEW;
  return buys >= rules.loyalPurchases ? LOYAL : REPEAT;
}

/** What a round's report keeps of a shop's customers. */
export interface CustomerSummary {
  /** customers per lifecycle state, in LIFECYCLE order */
  states: number[];
  /** customers who bought at the shop, and those of them who bought twice or more (over the game) */
  bought: number;
  boughtTwice: number;
  repeatOrders: number;
  allOrders: number;
  /**
   * RFM grid (recency × frequency): rows recent (bought this round), earlier (before this round but
   * not sleeping), sleeping; columns bought once, twice, three times or more. Customers and money
   * spent (fen) per cell, row-major.
   */
  rfmCustomers: number[];
  rfmSpentFen: number[];
}

/**
 * summarise for every shop at once, in one pass over the book in memory order (customer by
 * customer, its shops side by side): what a round's end reports.
 */
export function summariseAll(book: CustomerBook, S: number, tick: number, roundStartTick: number, rules: CustomerRules): CustomerSummary[] {
  const states = new Float64Array(S * 5);
  const rfmCustomers = new Float64Array(S * 9);
  const rfmSpentFen = new Float64Array(S * 9);
  const bought = new Float64Array(S);
  const boughtTwice = new Float64Array(S);
  const cells = book.cells;
  const sleeping = rules.sleepingTicks;
  const loyal = rules.loyalPurchases;
  const end = book.size * S * 2;
  for (let at = 0, s = 0; at < end; at += 2, s = s + 1 === S ? 0 : s + 1) {
    const v = cells[at]!;
    if (v < 2) {
      if (v === 1) states[s * 5 + POTENTIAL]!++;
      continue;
    }
    const n = (v >> 1) & 0xffff;
    const last = v >>> 17;
    const asleep = tick - last >= sleeping;
    states[s * 5 + (asleep ? SLEEPING : n === 1 ? NEW : n >= loyal ? LOYAL : REPEAT)]!++;
    bought[s]!++;
    if (n >= 2) boughtTwice[s]!++;
    const row = asleep ? 2 : last >= roundStartTick ? 0 : 1;
    const cell = s * 9 + row * 3 + (n >= 3 ? 2 : n - 1);
    rfmCustomers[cell]!++;
    rfmSpentFen[cell]! += cells[at + 1]!;
  }
  const out: CustomerSummary[] = [];
  for (let s = 0; s < S; s++) {
    out.push({
      states: Array.from(states.subarray(s * 5, s * 5 + 5)),
      bought: bought[s]!,
      boughtTwice: boughtTwice[s]!,
      repeatOrders: book.repeatOrders[s]!,
      allOrders: book.allOrders[s]!,
      rfmCustomers: Array.from(rfmCustomers.subarray(s * 9, s * 9 + 9)),
      rfmSpentFen: Array.from(rfmSpentFen.subarray(s * 9, s * 9 + 9)),
    });
  }
  return out;
}

export function summarise(book: CustomerBook, s: number, S: number, tick: number, roundStartTick: number, rules: CustomerRules): CustomerSummary {
  const states = [0, 0, 0, 0, 0];
  const rfmCustomers = new Array<number>(9).fill(0);
  const rfmSpentFen = new Array<number>(9).fill(0);
  let bought = 0;
  let boughtTwice = 0;
  for (let i = 0; i < book.size; i++) {
    const state = lifecycleOf(book, i, s, S, tick, rules);
    if (state !== VISITOR) states[state]!++;
    const buys = purchasesOf(book, i, s, S);
    if (buys === 0) continue;
    bought++;
    if (buys >= 2) boughtTwice++;
    const last = lastPurchaseTick(book, i, s, S);
    const row = state === SLEEPING ? 2 : last >= roundStartTick ? 0 : 1;
    const col = buys >= 3 ? 2 : buys - 1;
    rfmCustomers[row * 3 + col]!++;
    rfmSpentFen[row * 3 + col]! += spentAt(book, i, s, S);
  }
  return { states, bought, boughtTwice, repeatOrders: book.repeatOrders[s]!, allOrders: book.allOrders[s]!, rfmCustomers, rfmSpentFen };
}

/** Lifecycle numbers of the groups of a shop's customers a promotion can be sent to. */
const GROUP_STATE: Record<CustomerGroup, number> = { new: NEW, repeat: REPEAT, loyal: LOYAL, sleeping: SLEEPING };

/**
 * Customers a coupon aimed at a group of a shop's customers brings back this round (course §8, §9):
 * per tick in the round and product, flat quadruples [shop, customer, city, coupon index].
 */
export interface CouponReturns {
  /** [(tickInRound - 1) * P + p] */
  byTickProduct: number[][];
}

/**
 * Sends each shop's promotions aimed at a group of its customers (a tool's `sendsTo`: coupons for
 * new, repeat, loyal or sleeping customers) at the round's start: of the group (the shop's
 * customers in that state), couponReach come back, at most the promotion's reach, chosen with the
 * customers stream; each on a seeded tick of the promotion's span, for a product the shop lists in
 * the customer's city.
 */
export function planCouponReturns(
  world: World,
  book: CustomerBook,
  shops: readonly { bankrupt: boolean; listings: readonly (unknown | null)[] }[],
  lists: readonly (readonly Promotion[] | undefined)[],
  tick: number,
  rng: Rng,
): CouponReturns | null {
  const S = shops.length;
  const P = world.products.length;
  const T = world.ticksPerRound;
  const rules = world.rules.customers;
  // The promotions sent to a group, in shop order, then the shop's list order.
  const sends: { s: number; i: number; sent: SentPromotion; state: number; group: number[] }[] = [];
  for (let s = 0; s < S; s++) {
    const list = lists[s];
    if (!list || shops[s]!.bankrupt) continue;
    list.forEach((pr, i) => {
      const sent = toolOf(pr.type).sendsTo?.(pr);
      if (sent) sends.push({ s, i, sent, state: GROUP_STATE[sent.group], group: [] });
    });
  }
  if (sends.length === 0) return null;
  // Each group, in customer order: the shop's customers who bought there (the others are visitors
  // or potential customers) in that state; all groups in one pass over the book in memory order.
  const cells = book.cells;
  for (let id = 0, row = 0; id < book.size; id++, row += S * 2) {
    for (const x of sends) {
      if (cells[row + x.s * 2]! >= 2 && lifecycleOf(book, id, x.s, S, tick, rules) === x.state) x.group.push(id);
    }
  }
  let out: CouponReturns | null = null;
  for (const { s, i, sent, group } of sends) {
    const reach = Math.min(sent.reach, Math.floor(group.length * rules.couponReach));
    const from = sent.fromTick;
    const to = sent.toTick;
    for (let j = 0; j < reach; j++) {
      // Partial Fisher–Yates: the first `reach` of the group in a seeded order.
      const r = j + ((rng.next() * (group.length - j)) | 0);
      const id = group[r]!;
      group[r] = group[j]!;
      group[j] = id;
      const c = cityOf(book, id);
      const products: number[] = [];
      for (let p = 0; p < P; p++) if (shops[s]!.listings[c * P + p]) products.push(p);
      if (products.length === 0) continue;
      const p = products[(rng.next() * products.length) | 0]!;
      const t = from + ((rng.next() * (to - from + 1)) | 0);
      out ??= { byTickProduct: Array.from({ length: T * P }, () => []) };
      out.byTickProduct[(t - 1) * P + p]!.push(s, id, c, i);
    }
  }
  return out;
}

/** Member points the shop's customers hold at it, fen. */
export function pointsHeld(book: CustomerBook, s: number, S: number): number {
  if (book.pointsGiven === 0) return 0;
  let sum = 0;
  for (let i = s; i < book.pointsFen.length; i += S) sum += book.pointsFen[i]!;
  return sum;
}

/** The city a customer lives in. */
export function cityOf(book: CustomerBook, customer: number): number {
  let c = 0;
  while (book.cityStart[c + 1]! <= customer) c++;
  return c;
}

type Numbers = ArrayLike<number> | Record<string, number>;
const values = (x: Numbers): number[] => (Array.isArray(x) ? x : Object.values(x as Record<string, number>));

/**
 * A state that went through JSON (a save of the state, a worker message) holds its typed arrays
 * as plain objects or arrays: turn them back into typed arrays, in place, before a round plays.
 */
export function reviveCustomerBook(book: CustomerBook): void {
  const columns = book as Partial<BookColumns>;
  if (book.cells === undefined && columns.buys !== undefined) {
    // A book written before a cell's numbers sat side by side: one array per number.
    const buys = values(columns.buys as Numbers);
    const lastTick = values(columns.lastTick as Numbers);
    const spentFen = values(columns.spentFen as Numbers);
    const potential = values(columns.potential as Numbers);
    book.cells = new Float64Array(buys.length * 2);
    for (let i = 0; i < buys.length; i++) {
      book.cells[i * 2] = lastTick[i]! * TICK_UNIT + buys[i]! * 2 + (potential[i] ? 1 : 0);
      book.cells[i * 2 + 1] = spentFen[i]!;
    }
    delete columns.buys;
    delete columns.lastTick;
    delete columns.spentFen;
    delete columns.potential;
  } else if (!ArrayBuffer.isView(book.cells)) book.cells = Float64Array.from(values(book.cells as Numbers));
  // A game from before member points starts with none held.
  book.pointsGiven ??= 0;
  if (book.pointsFen === undefined) book.pointsFen = new Int32Array(book.cells.length / 2);
  else if (!ArrayBuffer.isView(book.pointsFen)) {
    book.pointsFen = Int32Array.from(values(book.pointsFen as Numbers));
    // Orders read a customer's points only once some were given (orders.ts).
    if (book.pointsGiven === 0 && book.pointsFen.some((x) => x !== 0)) book.pointsGiven = 1;
  }
  if (!ArrayBuffer.isView(book.known)) book.known = Int32Array.from(values(book.known as Numbers));
  if (!ArrayBuffer.isView(book.knownCount)) book.knownCount = Int32Array.from(values(book.knownCount as Numbers));
}

/** The book's cells as one array per number: how a state's hash reads the book (see bookColumns). */
export interface BookColumns {
  /** purchases at each shop, [customer * S + s] */
  buys: Uint16Array;
  /** tick of the last purchase at each shop (0: never) */
  lastTick: Int32Array;
  /** money spent at each shop, fen */
  spentFen: Float64Array;
  /** 1: favourited or carted at the shop without buying (potential customer) */
  potential: Uint8Array;
}

/**
 * The book with its cells written out as one array per number (the book's canonical form, which
 * the state's hash digests: the same hash as when the book kept one array per number). Each array
 * is made when it is read (a getter), so that a hash holds one of them at a time.
 */
export function bookColumns(book: CustomerBook): Omit<CustomerBook, 'cells'> & BookColumns {
  const { cells, ...rest } = book;
  const n = cells.length / 2;
  // One plain loop per array (no callback per number: a game's hash reads each of them once).
  return {
    ...rest,
    get buys() {
      const out = new Uint16Array(n);
      for (let i = 0; i < n; i++) out[i] = (cells[i * 2]! >> 1) & 0xffff;
      return out;
    },
    get lastTick() {
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = cells[i * 2]! >>> 17;
      return out;
    },
    get spentFen() {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = cells[i * 2 + 1]!;
      return out;
    },
    get potential() {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = cells[i * 2]! & 1;
      return out;
    },
  };
}
