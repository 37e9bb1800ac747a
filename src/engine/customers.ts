/**
 * Customers (客户关系管理, course §9): the buyers of a city are a fixed population of customers,
 * each remembering, per shop, how often it bought there, when last and for how much. Lifecycle
 * per shop: visitor → potential (favourited or carted) → new (one purchase) → repeat → loyal;
 * a customer who has not bought for `sleepingTicks` is sleeping (沉睡客户).
 *
 * The memory is typed arrays indexed by customer × shop, allocated once per game (and copied with
 * the state at each round's snapshot); the per-buyer loop only reads and writes numbers in them.
 */
import type { CustomerRules, World } from './model';
import type { CustomerGroup } from './promotions/tool';
import { toolOf } from './promotions/tools';
import type { Promotion } from './promotions/types';
import type { Rng } from './rng';

export interface CustomerBook {
  /** customers of all cities */
  size: number;
  /** customers of city c are [cityStart[c], cityStart[c + 1]) */
  cityStart: number[];
  /** purchases at each shop, [customer * S + s] */
  buys: Uint16Array;
  /** tick of the last purchase at each shop (0: never) */
  lastTick: Int32Array;
  /** money spent at each shop, fen */
  spentFen: Float64Array;
  /** 1: favourited or carted at the shop without buying (potential customer) */
  potential: Uint8Array;
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

export function newCustomerBook(world: World): CustomerBook {
  const S = world.shops.length;
  const C = world.cities.length;
  const pools = customerPools(world);
  const cityStart = [0];
  for (const n of pools) cityStart.push(cityStart[cityStart.length - 1]! + n);
  const size = cityStart[C]!;
  return {
    size,
    cityStart,
    buys: new Uint16Array(size * S),
    lastTick: new Int32Array(size * S),
    spentFen: new Float64Array(size * S),
    potential: new Uint8Array(size * S),
    known: new Int32Array(size * S),
    knownCount: new Int32Array(S * C),
    repeatOrders: new Array<number>(S).fill(0),
    allOrders: new Array<number>(S).fill(0),
  };
}

/** A customer of city c, uniformly. */
export function anyCustomer(book: CustomerBook, c: number, rng: Rng): number {
  const from = book.cityStart[c]!;
  const n = book.cityStart[c + 1]! - from;
  return from + ((rng.next() * n) | 0);
}

/** A customer of city c who has bought at shop s (a returning fan), or any customer of the city when none has. */
export function customerOf(book: CustomerBook, s: number, c: number, C: number, rng: Rng): number {
  const n = book.knownCount[s * C + c]!;
  if (n === 0) return anyCustomer(book, c, rng);
  return book.known[s * book.size + book.cityStart[c]! + ((rng.next() * n) | 0)]!;
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
  const at = customer * S + s;
  const before = book.buys[at]!;
  const woken = before > 0 && tick - book.lastTick[at]! >= sleepingTicks;
  if (before === 0) {
    book.known[s * book.size + book.cityStart[city]! + book.knownCount[s * C + city]!] = customer;
    book.knownCount[s * C + city]!++;
  }
  if (before < 65535) book.buys[at] = before + 1;
  book.lastTick[at] = tick;
  book.spentFen[at]! += fen;
  // Only a customer who never bought can be a potential one (markPotential): the cell is read only then.
  if (before === 0) book.potential[at] = 0;
  book.allOrders[s]!++;
  if (before === 0) return FIRST_ORDER;
  book.repeatOrders[s]!++;
  return woken ? WOKEN_ORDER : RETURNING_ORDER;
}

/** A hesitant buyer who favourited or carted the shop's product and left (潜在客户). */
export function markPotential(book: CustomerBook, customer: number, s: number, S: number): void {
  const at = customer * S + s;
  if (book.buys[at] === 0) book.potential[at] = 1;
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
  const at = customer * S + s;
  const buys = book.buys[at]!;
  if (buys === 0) return book.potential[at] ? POTENTIAL : VISITOR;
  if (tick - book.lastTick[at]! >= rules.sleepingTicks) return SLEEPING;
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
  const { buys, lastTick, potential, spentFen } = book;
  const sleeping = rules.sleepingTicks;
  const loyal = rules.loyalPurchases;
  const cells = book.size * S;
  for (let at = 0, s = 0; at < cells; at++, s = s + 1 === S ? 0 : s + 1) {
    const n = buys[at]!;
    if (n === 0) {
      if (potential[at]) states[s * 5 + POTENTIAL]!++;
      continue;
    }
    const last = lastTick[at]!;
    const asleep = tick - last >= sleeping;
    states[s * 5 + (asleep ? SLEEPING : n === 1 ? NEW : n >= loyal ? LOYAL : REPEAT)]!++;
    bought[s]!++;
    if (n >= 2) boughtTwice[s]!++;
    const row = asleep ? 2 : last >= roundStartTick ? 0 : 1;
    const cell = s * 9 + row * 3 + (n >= 3 ? 2 : n - 1);
    rfmCustomers[cell]!++;
    rfmSpentFen[cell]! += spentFen[at]!;
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
    const at = i * S + s;
    const buys = book.buys[at]!;
    if (buys === 0) continue;
    bought++;
    if (buys >= 2) boughtTwice++;
    const last = book.lastTick[at]!;
    const row = state === SLEEPING ? 2 : last >= roundStartTick ? 0 : 1;
    const col = buys >= 3 ? 2 : buys - 1;
    rfmCustomers[row * 3 + col]!++;
    rfmSpentFen[row * 3 + col]! += book.spentFen[at]!;
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
  const C = world.cities.length;
  const P = world.products.length;
  const T = world.ticksPerRound;
  const rules = world.rules.customers;
  let out: CouponReturns | null = null;
  for (let s = 0; s < S; s++) {
    const list = lists[s];
    if (!list || shops[s]!.bankrupt) continue;
    list.forEach((pr, i) => {
      const sent = toolOf(pr.type).sendsTo?.(pr);
      if (!sent) return;
      const state = GROUP_STATE[sent.group];
      // The group, in customer order: the shop's customers who bought there (the others are
      // visitors or potential customers), read down the book's column of the shop.
      const group: number[] = [];
      for (let id = 0, at = s; id < book.size; id++, at += S) {
        if (book.buys[at] !== 0 && lifecycleOf(book, id, s, S, tick, rules) === state) group.push(id);
      }
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
    });
  }
  return out;
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
  if (!ArrayBuffer.isView(book.buys)) book.buys = Uint16Array.from(values(book.buys as Numbers));
  if (!ArrayBuffer.isView(book.lastTick)) book.lastTick = Int32Array.from(values(book.lastTick as Numbers));
  if (!ArrayBuffer.isView(book.spentFen)) book.spentFen = Float64Array.from(values(book.spentFen as Numbers));
  if (!ArrayBuffer.isView(book.potential)) book.potential = Uint8Array.from(values(book.potential as Numbers));
  if (!ArrayBuffer.isView(book.known)) book.known = Int32Array.from(values(book.known as Numbers));
  if (!ArrayBuffer.isView(book.knownCount)) book.knownCount = Int32Array.from(values(book.knownCount as Numbers));
}
