/**
 * The platform's eight promotion tools (促销工具, course §8) as the engine holds them: indices
 * instead of ids, fen instead of yuan, every default filled. A promotion lives for one round;
 * tick spans are ticks of that round, 1-based and inclusive.
 */

export const PROMOTION_TYPES = [
  'limitedDiscount',
  'spendReward',
  'bundle',
  'buyMoreDiscount',
  'coupon',
  'groupBuy',
  'flashSale',
  'memberDay',
] as const;
export type PromotionType = (typeof PROMOTION_TYPES)[number];

/** Coupon targets of course §8. Only `everyone` and `potential` exist until customer lifecycles do. */
export const COUPON_TARGETS = ['everyone', 'potential', 'new', 'sleeping', 'loyal'] as const;
export type CouponTargetName = (typeof COUPON_TARGETS)[number];
export const SUPPORTED_COUPON_TARGETS = ['everyone', 'potential'] as const;
export type CouponTarget = (typeof SUPPORTED_COUPON_TARGETS)[number];

export interface TickSpan {
  /** first tick of the round it runs on, 1-based */
  fromTick: number;
  /** last tick, inclusive */
  toTick: number;
}

/** 限时折扣: every unit at price × rate. */
export interface LimitedDiscount extends TickSpan {
  type: 'limitedDiscount';
  product: number;
  /** null: every city where the product is listed */
  city: number | null;
  rate: number;
}

export interface SpendTier {
  thresholdFen: number;
  offFen: number;
}

/** 满减: an order whose goods reach a threshold gets that tier's amount off (the highest tier reached). */
export interface SpendReward extends TickSpan {
  type: 'spendReward';
  /** thresholds rising */
  tiers: SpendTier[];
}

export interface BundleItem {
  product: number;
  quantity: number;
}

/** 搭配套餐: 2–5 products sold as one order at one price; the first item is the main item. */
export interface Bundle {
  type: 'bundle';
  city: number | null;
  items: BundleItem[];
  priceFen: number;
  shippingFen: number;
}

/** 多买折扣: an order of at least `minQuantity` units has every unit at price × rate. */
export interface BuyMoreDiscount extends TickSpan {
  type: 'buyMoreDiscount';
  product: number;
  city: number | null;
  minQuantity: number;
  rate: number;
}

/** 店铺优惠券: `amountFen` off an order whose goods reach `thresholdFen`; `quantity` coupons. */
export interface Coupon extends TickSpan {
  type: 'coupon';
  amountFen: number;
  thresholdFen: number;
  quantity: number;
  target: CouponTarget;
}

/** 团购: a group price for every unit, capped by the local market price × (1 + group-buy float). */
export interface GroupBuy extends TickSpan {
  type: 'groupBuy';
  product: number;
  city: number;
  priceFen: number;
}

/** 秒杀: a low price for `quantity` units in all, at most `perBuyer` to each buyer. */
export interface FlashSale extends TickSpan {
  type: 'flashSale';
  product: number;
  city: number | null;
  priceFen: number;
  quantity: number;
  perBuyer: number;
}

/** 会员日: on one weekday (tick mod 7), members who buy `buy` units get `get` more free. */
export interface MemberDay {
  type: 'memberDay';
  weekday: number;
  buy: number;
  get: number;
  /** null: every product */
  product: number | null;
}

export type Promotion =
  | LimitedDiscount
  | SpendReward
  | Bundle
  | BuyMoreDiscount
  | Coupon
  | GroupBuy
  | FlashSale
  | MemberDay;

/** Scenario parameters of how buyers respond to promotions (`rules.promotions`). */
export interface PromotionRules {
  /** a buyer moves up to a threshold when the wanted quantity is at least this share of it (course: 0.8) */
  upgradeReach: number;
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
