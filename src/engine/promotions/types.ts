/**
 * The platform's promotion tools (促销工具, course §8) as the engine holds them: indices instead of
 * ids, fen instead of yuan, every default filled. Each tool is one module in `tools/` (see
 * `tool.ts`); this file re-exports their types. A promotion lives for one round; tick spans are
 * ticks of that round, 1-based and inclusive.
 */

export type { TickSpan } from './tool';
// The defaults are made where the tools' settings are (the registry), so that no module's top level reads another's in a cycle.
export { DEFAULT_PROMOTION_RULES, PROMOTION_TYPES, PROMOTION_RULES, TOOL_LIST as PROMOTION_TOOL_LIST, TOOL_SETTINGS, toolOf, type Promotion, type PromotionType, type ToolSettingName } from './tools';
export type { LimitedDiscount } from './tools/limitedDiscount';
export type { SpendReward, SpendTier } from './tools/spendReward';
export type { Bundle, BundleItem } from './tools/bundle';
export type { BuyMoreDiscount } from './tools/buyMoreDiscount';
export { COUPON_TARGETS, CUSTOMER_COUPON_TARGETS, SUPPORTED_COUPON_TARGETS, type Coupon, type CouponTarget, type CouponTargetName } from './tools/coupon';
export type { GroupBuy } from './tools/groupBuy';
export type { FlashSale } from './tools/flashSale';
export type { MemberDay } from './tools/memberDay';
import type { Promotion, ToolSettings } from './tools';

/**
 * Scenario parameters of how buyers respond to promotions (`rules.promotions`): the ones several
 * tools share (moving up to a threshold: buy-more, member day, spend tiers; urgency: discounts,
 * flash sales, coupons), and each tool's own settings, declared in its module (`settings`).
 */
export type PromotionRules = SharedPromotionRules & ToolSettings;

/** The settings several tools share. */
export interface SharedPromotionRules {
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
}


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
