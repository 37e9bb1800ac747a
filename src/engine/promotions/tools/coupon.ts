/** 店铺优惠券 shop coupon: `amountFen` off an order whose goods reach `thresholdFen`; `quantity` coupons. */
import { z } from 'zod';
import { formatYuan, yuanToFen } from '../../money';
import { count, defineTool, doc, IN_FORCE, inForce, money, spanLabel, ticks, URGENT, type TickSpan } from '../tool';

/** Coupon targets of course §8. Only `everyone` and `potential` exist until customer lifecycles do. */
export const COUPON_TARGETS = ['everyone', 'potential', 'new', 'sleeping', 'loyal'] as const;
export type CouponTargetName = (typeof COUPON_TARGETS)[number];
export const SUPPORTED_COUPON_TARGETS = ['everyone', 'potential'] as const;
export type CouponTarget = (typeof SUPPORTED_COUPON_TARGETS)[number];

export interface Coupon extends TickSpan {
  type: 'coupon';
  amountFen: number;
  thresholdFen: number;
  quantity: number;
  target: CouponTarget;
}

export const couponSchema = doc(
  z.strictObject({
    type: z.literal('coupon'),
    amount: doc(money, 'amount off, yuan; at most threshold − 1.00 (rule 8.5a)', '优惠金额（元）；不超过使用门槛 − 1.00（规则 8.5a）'),
    threshold: doc(money, 'goods value an order must reach to use it, yuan', '使用门槛：订单商品金额（元）'),
    quantity: doc(count(1_000_000), 'coupons issued; each order uses one; ≥ 1 (rule 8.5b)', '发放张数，每单用一张；≥ 1（规则 8.5b）'),
    target: doc(
      z.enum(COUPON_TARGETS),
      'who gets it: everyone, or potential customers (hesitant buyers who come back); new, sleeping and loyal need customer lifecycles (rule 8.5c)',
      '发放对象：所有人，或潜在客户（犹豫后回访的买家）；新客、沉睡、忠诚客户需要客户生命周期（规则 8.5c）',
    ),
    ...ticks,
  }),
  'shop coupon (店铺优惠券): an amount off above a threshold, a quantity, and a target group',
  '店铺优惠券：满额减，发放数量与发放对象',
);

export const coupon = defineTool<Coupon, typeof couponSchema, '8.5a' | '8.5b' | '8.5c'>({
  type: 'coupon',
  name: { zh: '店铺优惠券', en: 'shop coupon' },
  schema: couponSchema,
  rules: [
    { no: '8.5a', en: '0.01 ≤ amount ≤ threshold − 1.00 yuan', zh: '0.01 ≤ 面额 ≤ 使用门槛 − 1.00 元' },
    { no: '8.5b', en: 'at least 1 coupon issued', zh: '至少发放 1 张' },
    { no: '8.5c', en: 'target everyone or potential (new, sleeping, loyal need customer lifecycles)', zh: '发放对象：所有人或潜在客户（新客、沉睡、忠诚客户需要客户生命周期）' },
  ],
  fromFile(f, cx) {
    const target = f.target;
    if (!(SUPPORTED_COUPON_TARGETS as readonly string[]).includes(target)) {
      cx.refuse(
        'target',
        '8.5c',
        `target "${target}" needs customer lifecycles (new / sleeping / loyal customers, course §9), which this version of the game does not track yet; use "everyone" or "potential"`,
        `发放对象 "${target}" 需要客户生命周期（新客 / 沉睡 / 忠诚客户，课程 §9），本课程版本尚不支持；请用 "everyone" 或 "potential"`,
      );
      return null;
    }
    return { type: f.type, amountFen: yuanToFen(f.amount), thresholdFen: yuanToFen(f.threshold), quantity: f.quantity, target: target as CouponTarget, ...cx.span(f) };
  },
  check(pr, cx) {
    if (pr.amountFen < 1 || pr.amountFen > pr.thresholdFen - 100) {
      const most = formatYuan(Math.max(0, pr.thresholdFen - 100));
      cx.rule(
        '.amount',
        '8.5a',
        `amount must be 0.01–${most} for threshold ${formatYuan(pr.thresholdFen)}, got ${formatYuan(pr.amountFen)}`,
        `使用门槛 ${formatYuan(pr.thresholdFen)} 元的面额必须是 0.01–${most} 元，现为 ${formatYuan(pr.amountFen)} 元`,
      );
    }
    if (pr.quantity < 1) cx.rule('.quantity', '8.5b', `quantity must be ≥ 1, got ${pr.quantity}`, `发放张数必须 ≥ 1，现为 ${pr.quantity}`);
  },
  applies: () => ({ city: null, product: null }),
  quantity: (pr) => pr.quantity,
  offer(op, pr, i, cx) {
    if (!inForce(pr, cx.tickInRound) || cx.remaining <= 0) return 0;
    if (pr.target === 'everyone') {
      if (pr.amountFen > op.couponAmountFen) {
        op.couponPromo = i;
        op.couponAmountFen = pr.amountFen;
        op.couponThresholdFen = pr.thresholdFen;
      }
      return IN_FORCE | URGENT;
    }
    // Aimed at potential customers: only a returning buyer may use it (quote's `returning`).
    if (pr.amountFen > op.potentialAmountFen) {
      op.potentialPromo = i;
      op.potentialAmountFen = pr.amountFen;
      op.potentialThresholdFen = pr.thresholdFen;
    }
    return IN_FORCE;
  },
  aimsAtPotential: (pr) => pr.target === 'potential',
  drawsPotential: (pr, remaining, tickInRound) => pr.target === 'potential' && remaining > 0 && inForce(pr, tickInRound),
  label: (pr) => `${formatYuan(pr.amountFen)} off ${formatYuan(pr.thresholdFen)} ×${pr.quantity} for ${pr.target}${spanLabel(pr)}`,
  formDefaults: () => ({}),
});
