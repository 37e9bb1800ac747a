/**
 * Promotions during a round: which of a shop's promotions apply to each city × product, what is in
 * force on a tick (built once per tick and offer, never per buyer), how much a buyer pays for a
 * quantity, and what each promotion did. A round with no promotions builds nothing (null).
 */
import { IN_FORCE, URGENT, type OfferContext } from './tool';
import { toolOf } from './tools';
import {
  DEFAULT_PROMOTION_RULES,
  type Bundle,
  type Promotion,
  type PromotionReport,
  type PromotionRules,
  type SpendTier,
} from './types';

/** The promotions of one shop for the round in progress. */
export interface ShopPromotions {
  list: Promotion[];
  /** indices into `list` of the promotions that can apply to each city × product, [c * P + p] */
  byCell: number[][];
  /** per promotion: orders, units, revenue (fen), discount (fen): [i * 4 + j] */
  stats: number[];
  /** per promotion: flash-sale units or coupons left (0 for the other tools) */
  remaining: number[];
}

export interface RoundPromotions {
  rules: PromotionRules;
  /** per shop, null for a shop without promotions */
  shops: (ShopPromotions | null)[];
  /** some promotion is aimed at potential customers (a tool's `aimsAtPotential`) */
  anyPotentialCoupon: boolean;
}

/**
 * What a buyer meets of one offer's promotions on one tick: the best unit price and the tools in
 * force, as plain numbers (−1: none), so that pricing a quantity allocates nothing.
 */
export interface OfferPromo {
  listFen: number;
  shippingFen: number;
  /** unit price for every unit after a limited-time discount or group buy (listFen when neither) */
  unitFen: number;
  unitPromo: number;
  buyMoreK: number;
  buyMoreFen: number;
  buyMorePromo: number;
  flashFen: number;
  flashPromo: number;
  flashPerBuyer: number;
  spendPromo: number;
  spendTiers: SpendTier[] | null;
  couponPromo: number;
  couponAmountFen: number;
  couponThresholdFen: number;
  potentialPromo: number;
  potentialAmountFen: number;
  potentialThresholdFen: number;
  memberPromo: number;
  memberBuy: number;
  memberGet: number;
  bundlePromo: number;
  bundle: Bundle | null;
  /** probability a buyer of this offer takes the bundle */
  bundleChance: number;
  /** hesitant utility multiplier: 1 + urgency when a discount, flash sale or coupon is in force */
  urgency: number;
  /** the same for a returning potential customer (a coupon aimed at them counts too) */
  urgencyReturning: number;
  /** the shop's live counters (shared with ShopPromotions) */
  remaining: number[];
  /**
   * Flash-sale units, coupons and coupons for potential customers left when the tick's offers were
   * taken (what rankings price with, wherever in the tick they are made; 0 for a tool not in force)
   */
  flashLeftAtStart: number;
  couponLeftAtStart: number;
  potentialLeftAtStart: number;
  stats: number[];
  /** upgrade targets already worked out this tick, by [want * 4 + member * 2 + returning] (0: not yet) */
  upgrades: number[] | null;
}

export const STAT_ORDERS = 0;
export const STAT_UNITS = 1;
export const STAT_REVENUE = 2;
export const STAT_DISCOUNT = 3;

function cellsOf(pr: Promotion, C: number, P: number): number[] {
  const { city, product } = toolOf(pr.type).applies(pr);
  const out: number[] = [];
  for (let c = 0; c < C; c++) {
    if (city !== null && c !== city) continue;
    for (let p = 0; p < P; p++) if (product === null || p === product) out.push(c * P + p);
  }
  return out;
}

/** The round's promotions of every shop, or null when no shop has any. */
export function startPromotions(
  rules: PromotionRules | undefined,
  C: number,
  P: number,
  lists: readonly (readonly Promotion[] | undefined)[],
): RoundPromotions | null {
  if (!lists.some((l) => l !== undefined && l.length > 0)) return null;
  let anyPotentialCoupon = false;
  const shops = lists.map((l): ShopPromotions | null => {
    if (!l || l.length === 0) return null;
    const list = l.map((x) => structuredClone(x));
    const byCell: number[][] = [];
    for (let i = 0; i < C * P; i++) byCell.push([]);
    list.forEach((pr, i) => {
      for (const cell of cellsOf(pr, C, P)) byCell[cell]!.push(i);
      if (toolOf(pr.type).aimsAtPotential?.(pr)) anyPotentialCoupon = true;
    });
    const remaining = list.map((pr) => toolOf(pr.type).quantity(pr));
    return { list, byCell, stats: new Array<number>(list.length * 4).fill(0), remaining };
  });
  return { rules: rules ?? DEFAULT_PROMOTION_RULES, shops, anyPotentialCoupon };
}

/** Whether a promotion aimed at potential customers draws them on this city × product and tick (they come back more). */
export function potentialCouponInForce(rp: RoundPromotions, cell: number, tickInRound: number): boolean {
  if (!rp.anyPotentialCoupon) return false;
  for (const sp of rp.shops) {
    if (sp === null) continue;
    for (const i of sp.byCell[cell]!) {
      const pr = sp.list[i]!;
      if (toolOf(pr.type).drawsPotential?.(pr, sp.remaining[i]!, tickInRound)) return true;
    }
  }
  return false;
}

/**
 * The promotions of shop s in force for one offer on one tick, or null when none is.
 * `tick` is absolute (member days: tick mod 7); `tickInRound` is 1-based.
 */
export function offerPromo(
  rp: RoundPromotions,
  s: number,
  cell: number,
  tick: number,
  tickInRound: number,
  listFen: number,
  shippingFen: number,
  listings: readonly ({ priceFen: number } | null)[],
  cityBase: number,
): OfferPromo | null {
  const sp = rp.shops[s];
  if (!sp) return null;
  const ids = sp.byCell[cell]!;
  if (ids.length === 0) return null;
  const op: OfferPromo = {
    listFen,
    shippingFen,
    unitFen: listFen,
    unitPromo: -1,
    buyMoreK: 0,
    buyMoreFen: listFen,
    buyMorePromo: -1,
    flashFen: listFen,
    flashPromo: -1,
    flashPerBuyer: 0,
    spendPromo: -1,
    spendTiers: null,
    couponPromo: -1,
    couponAmountFen: 0,
    couponThresholdFen: 0,
    potentialPromo: -1,
    potentialAmountFen: 0,
    potentialThresholdFen: 0,
    memberPromo: -1,
    memberBuy: 0,
    memberGet: 0,
    bundlePromo: -1,
    bundle: null,
    bundleChance: 0,
    urgency: 1,
    urgencyReturning: 1,
    remaining: sp.remaining,
    flashLeftAtStart: 0,
    couponLeftAtStart: 0,
    potentialLeftAtStart: 0,
    stats: sp.stats,
    upgrades: null,
  };
  let any = false;
  let urgent = false;
  const cx: OfferContext = { tick, tickInRound, listFen, listings, cityBase, remaining: 0, rules: rp.rules };
  for (const i of ids) {
    const pr = sp.list[i]!;
    cx.remaining = sp.remaining[i]!;
    const bits = toolOf(pr.type).offer(op, pr, i, cx);
    if (bits & IN_FORCE) any = true;
    if (bits & URGENT) urgent = true;
  }
  if (!any) return null;
  if (op.flashPromo >= 0) op.flashLeftAtStart = sp.remaining[op.flashPromo]!;
  if (op.couponPromo >= 0) op.couponLeftAtStart = sp.remaining[op.couponPromo]!;
  if (op.potentialPromo >= 0) op.potentialLeftAtStart = sp.remaining[op.potentialPromo]!;
  const lift = 1 + rp.rules.urgency;
  op.urgency = urgent ? lift : 1;
  op.urgencyReturning = urgent || op.potentialPromo >= 0 ? lift : 1;
  return op;
}

/**
 * Whether the limited promotion a buyer saw in search (a flash sale or a coupon, in force with
 * units left when the tick's offers were taken) ran out before the buyer arrived.
 */
export function promoGone(op: OfferPromo | null | undefined): boolean {
  if (op == null) return false;
  return (op.flashPromo >= 0 && op.remaining[op.flashPromo]! <= 0) || (op.couponPromo >= 0 && op.remaining[op.couponPromo]! <= 0);
}

/** The breakdown of the last priced order (module scratch: pricing allocates nothing). */
export const quoted = {
  payFen: 0,
  goodsFen: 0,
  grossFen: 0,
  discountFen: 0,
  unitPromo: -1,
  unitDiscountFen: 0,
  flashUnits: 0,
  flashDiscountFen: 0,
  spendOffFen: 0,
  couponPromo: -1,
  couponOffFen: 0,
  freeDiscountFen: 0,
};

/**
 * What a buyer pays for `paid` units (plus `free` units given by a member day), shipping included:
 * the best unit price (discount, group buy, or buy-more when the quantity reaches its threshold),
 * flash-sale units first, then the highest spend tier the goods reach, then a coupon the buyer may
 * use. Fills `quoted` with the breakdown. `atStart`: with the flash-sale units and coupons left when
 * the tick's offers were taken (how rankings price), instead of those left now (how an order pays).
 */
export function quote(op: OfferPromo, paid: number, free: number, returning: boolean, atStart = false): number {
  let unit = op.unitFen;
  let unitPromo = op.unitPromo;
  if (op.buyMoreK > 0 && paid >= op.buyMoreK && op.buyMoreFen < unit) {
    unit = op.buyMoreFen;
    unitPromo = op.buyMorePromo;
  }
  let f = 0;
  if (op.flashPromo >= 0 && op.flashFen < unit) {
    f = Math.min(paid, op.flashPerBuyer, atStart ? op.flashLeftAtStart : op.remaining[op.flashPromo]!);
  }
  const goods = f * op.flashFen + (paid - f) * unit;
  let off = 0;
  const tiers = op.spendTiers;
  if (tiers !== null) {
    for (let t = tiers.length - 1; t >= 0; t--) {
      if (goods >= tiers[t]!.thresholdFen) {
        off = tiers[t]!.offFen;
        break;
      }
    }
  }
  let coupon = -1;
  let couponOff = 0;
  const left = goods - off;
  if (op.couponPromo >= 0 && left >= op.couponThresholdFen && (atStart ? op.couponLeftAtStart : op.remaining[op.couponPromo]!) > 0) {
    coupon = op.couponPromo;
    couponOff = op.couponAmountFen;
  }
  if (
    returning &&
    op.potentialPromo >= 0 &&
    op.potentialAmountFen > couponOff &&
    left >= op.potentialThresholdFen &&
    (atStart ? op.potentialLeftAtStart : op.remaining[op.potentialPromo]!) > 0
  ) {
    coupon = op.potentialPromo;
    couponOff = op.potentialAmountFen;
  }
  const pay = left - couponOff + op.shippingFen;
  const q = quoted;
  q.payFen = pay;
  q.goodsFen = goods;
  q.grossFen = op.listFen * (paid + free) + op.shippingFen;
  q.discountFen = q.grossFen - pay;
  q.unitPromo = unit < op.listFen ? unitPromo : -1;
  q.unitDiscountFen = (op.listFen - unit) * (paid - f);
  q.flashUnits = f;
  q.flashDiscountFen = (op.listFen - op.flashFen) * f;
  q.spendOffFen = off;
  q.couponPromo = coupon;
  q.couponOffFen = couponOff;
  q.freeDiscountFen = op.listFen * free;
  return pay;
}

/** Free units a member gets on member day for `paid` units. */
export function memberFree(op: OfferPromo, paid: number, member: boolean): number {
  return member && op.memberPromo >= 0 ? Math.floor(paid / op.memberBuy) * op.memberGet : 0;
}

function goodsPerUnit(op: OfferPromo, paid: number, member: boolean, returning: boolean): number {
  const free = memberFree(op, paid, member);
  return (quote(op, paid, free, returning) - op.shippingFen) / (paid + free);
}

/**
 * The buy-more upgrade (course §4): a buyer whose wanted quantity is within reach of a threshold
 * (at least `upgradeReach` of it, or at most `upgradeReachUnits` short of it)
 * — a buy-more discount, a member-day "buy X", the next spend tier — and for whom moving up is worth
 * it (goods price per unit at least `upgradeMinSaving` lower) may move up to it. Returns the
 * quantity to move up to, or `want` when no upgrade is on offer. The caller draws the probability.
 */
export function upgradeTarget(
  op: OfferPromo,
  rules: PromotionRules,
  want: number,
  member: boolean,
  returning: boolean,
  onHand: number,
): number {
  // Flash-sale units and coupons left change within a tick; the cache is a close approximation
  // only for them, so it is not used while either is in force.
  const cacheable = op.flashPromo < 0 && op.couponPromo < 0 && (!returning || op.potentialPromo < 0);
  const slot = want * 4 + (member ? 2 : 0) + (returning ? 1 : 0);
  let n = cacheable && op.upgrades !== null ? (op.upgrades[slot] ?? 0) : 0;
  if (n === 0) {
    n = upgradeCandidate(op, rules, want, member, returning);
    if (cacheable) (op.upgrades ??= [])[slot] = n;
  }
  if (n <= want) return want;
  return n + memberFree(op, n, member) > onHand ? want : n;
}

/** The threshold a buyer wanting `want` would move up to, stock aside (`want` when none). */
function upgradeCandidate(op: OfferPromo, rules: PromotionRules, want: number, member: boolean, returning: boolean): number {
  const reach = rules.upgradeReach;
  const units = rules.upgradeReachUnits;
  let n = 0;
  if (op.buyMoreK > want && (want >= reach * op.buyMoreK || op.buyMoreK - want <= units)) n = op.buyMoreK;
  else if (member && op.memberPromo >= 0 && op.memberBuy > want && (want >= reach * op.memberBuy || op.memberBuy - want <= units)) n = op.memberBuy;
  else if (op.spendTiers !== null) {
    quote(op, want, 0, returning);
    const goods = quoted.goodsFen;
    let target = -1;
    for (const t of op.spendTiers) {
      if (t.thresholdFen > goods) {
        target = t.thresholdFen;
        break;
      }
    }
    if (target > 0 && goods >= reach * target) {
      for (let m = want + 1; m <= want + 50; m++) {
        quote(op, m, 0, returning);
        if (quoted.goodsFen >= target) {
          n = m;
          break;
        }
      }
    }
  }
  if (n <= want) return want;
  const before = goodsPerUnit(op, want, member, returning);
  const after = goodsPerUnit(op, n, member, returning);
  return after <= before * (1 - rules.upgradeMinSaving) ? n : want;
}

function add(stats: number[], i: number, units: number, payFen: number, discountFen: number): void {
  stats[i * 4 + STAT_ORDERS]!++;
  stats[i * 4 + STAT_UNITS]! += units;
  stats[i * 4 + STAT_REVENUE]! += payFen;
  stats[i * 4 + STAT_DISCOUNT]! += discountFen;
}

/**
 * Books the order just priced by `quote` against the promotions that took part in it and uses up
 * flash-sale units and a coupon.
 */
export function recordQuoted(op: OfferPromo, units: number): void {
  const q = quoted;
  const stats = op.stats;
  const pay = q.payFen;
  if (q.unitPromo >= 0) add(stats, q.unitPromo, units, pay, q.unitDiscountFen);
  if (q.flashUnits > 0) {
    add(stats, op.flashPromo, units, pay, q.flashDiscountFen);
    op.remaining[op.flashPromo]! -= q.flashUnits;
  }
  if (q.spendOffFen > 0) add(stats, op.spendPromo, units, pay, q.spendOffFen);
  if (q.couponPromo >= 0) {
    add(stats, q.couponPromo, units, pay, q.couponOffFen);
    op.remaining[q.couponPromo]!--;
  }
  if (q.freeDiscountFen > 0) add(stats, op.memberPromo, units, pay, q.freeDiscountFen);
}

export function recordBundle(op: OfferPromo, units: number, payFen: number, discountFen: number): void {
  add(op.stats, op.bundlePromo, units, payFen, discountFen);
}

/** The round's report of each promotion of one shop, in the order the shop listed them. */
export function promotionReports(sp: ShopPromotions): PromotionReport[] {
  return sp.list.map((promotion, i) => ({
    promotion,
    orders: sp.stats[i * 4 + STAT_ORDERS]!,
    units: sp.stats[i * 4 + STAT_UNITS]!,
    revenueFen: sp.stats[i * 4 + STAT_REVENUE]!,
    discountFen: sp.stats[i * 4 + STAT_DISCOUNT]!,
  }));
}
