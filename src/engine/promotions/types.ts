/**
 * The platform's promotion tools (促销工具, course §8) as the engine holds them: indices instead of
 * ids, fen instead of yuan, every default filled. Each tool is one module in `tools/` (see
 * `tool.ts`); this file re-exports their types. A promotion lives for one round; tick spans are
 * ticks of that round, 1-based and inclusive.
 */

export type { TickSpan } from './tool';
export { PROMOTION_TYPES, PROMOTION_RULES, TOOL_LIST as PROMOTION_TOOL_LIST, toolOf, type Promotion, type PromotionType } from './tools';
export type { LimitedDiscount } from './tools/limitedDiscount';
export type { SpendReward, SpendTier } from './tools/spendReward';
export type { Bundle, BundleItem } from './tools/bundle';
export type { BuyMoreDiscount } from './tools/buyMoreDiscount';
export { COUPON_TARGETS, CUSTOMER_COUPON_TARGETS, SUPPORTED_COUPON_TARGETS, type Coupon, type CouponTarget, type CouponTargetName } from './tools/coupon';
export type { GroupBuy } from './tools/groupBuy';
export type { FlashSale } from './tools/flashSale';
export type { MemberDay } from './tools/memberDay';
import type { Promotion } from './tools';

/** Scenario parameters of how buyers respond to promotions (`rules.promotions`). */
export interface PromotionRules {
  /** a buyer moves up to a threshold when the wanted quantity is at least this share of it (course: 0.8) */
  upgradeReach: number;
  /** …or when it is at most this many units short of it (so buyers of 1–3 units can reach 2–4) */
  upgradeReachUnits: number;
  /** probability that a buyer in reach moves up (course: 0.5) */
  upgradeProbability: number;
  /** "worth it": the goods price per unit at the threshold is at least this share lower */
  upgradeMinSaving: number;
  /** hesitant buyers' utility × (1 + urgency) for an offer with a discount, flash sale or coupon in force */
  urgency: number;
  /** chance per tick that a potential customer comes back while a coupon aimed at them is in force */
  couponReturnProbability: number;
  /** chance a buyer takes a shop's bundle instead of the single item = uptake × the bundle's saving share */
  bundleUptake: number;
  /** group buys: (price + shipping) ≤ local market price × (1 + groupBuyFloat) */
  groupBuyFloat: number;
  /** on a member-day round, the shop's fans come back at fanReturnRate × (1 + this) */
  memberDayReturnBoost: number;
}

export const DEFAULT_PROMOTION_RULES: Readonly<PromotionRules> = {
  upgradeReach: 0.8,
  upgradeReachUnits: 2,
  upgradeProbability: 0.5,
  upgradeMinSaving: 0.05,
  urgency: 0.2,
  couponReturnProbability: 0.3,
  bundleUptake: 2,
  groupBuyFloat: 0,
  memberDayReturnBoost: 0.5,
};

/** What one promotion of one shop did in one round (orders counted when placed). */
export interface PromotionReport {
  promotion: Promotion;
  orders: number;
  units: number;
  /** what buyers paid for the orders it took part in, shipping included */
  revenueFen: number;
  /** the discount it gave (its cost) */
  discountFen: number;
}
