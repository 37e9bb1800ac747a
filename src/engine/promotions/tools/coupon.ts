/** 店铺优惠券 shop coupon: `amountFen` off an order whose goods reach `thresholdFen`; `quantity` coupons. */
import { z } from 'zod';
import { formatYuan, yuanToFen } from '../../money';
import { count, type CustomerGroup, defineTool, doc, IN_FORCE, inForce, money, spanLabel, ticks, URGENT, type TickSpan } from '../tool';

/**
 * Coupon targets of course §8: everyone; potential customers (hesitant buyers who come back); or
 * the shop's own customers by lifecycle (course §9): new, repeat, loyal, sleeping. A coupon aimed
 * at the shop's customers is sent to them and brings back a share of the group (customers.ts).
 */
export const COUPON_TARGETS = ['everyone', 'potential', 'new', 'repeat', 'loyal', 'sleeping'] as const;
export type CouponTargetName = (typeof COUPON_TARGETS)[number];
export const SUPPORTED_COUPON_TARGETS = COUPON_TARGETS;
export type CouponTarget = CouponTargetName;
/** targets that are groups of the shop's own customers */
export const CUSTOMER_COUPON_TARGETS = ['new', 'repeat', 'loyal', 'sleeping'] as const satisfies readonly CustomerGroup[];

function isCustomerTarget(t: CouponTarget): t is (typeof CUSTOMER_COUPON_TARGETS)[number] {
  return (CUSTOMER_COUPON_TARGETS as readonly string[]).includes(t);
}

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
      'who gets it (rule 8.5c): everyone; potential customers (hesitant buyers who come back); or the shop’s own customers by lifecycle: new (bought once), repeat, loyal or sleeping; a coupon for the shop’s customers is sent to them and brings back a share of the group (rules.customers.couponReach), up to its quantity',
      '发放对象（规则 8.5c）：所有人；潜在客户（犹豫后回访的买家）；或本店客户中的一类：新客户（买过一次）、复购客户、忠诚客户、沉睡客户；发给本店客户的优惠券会送到他们手中，按比例（rules.customers.couponReach）把其中一部分人带回店里，以张数为限',
    ),
    ...ticks,
  }),
  'shop coupon (店铺优惠券): an amount off above a threshold, a quantity, and a target group',
  '店铺优惠券：满额减，发放数量与发放对象',
);

export const coupon = defineTool<Coupon, typeof couponSchema, '8.5a' | '8.5b' | '8.5c', 'couponReturnProbability'>({
  type: 'coupon',
  name: { zh: '店铺优惠券', en: 'shop coupon' },
  schema: couponSchema,
  rules: [
    { no: '8.5a', en: '0.01 ≤ amount ≤ threshold − 1.00 yuan', zh: '0.01 ≤ 面额 ≤ 使用门槛 − 1.00 元' },
    { no: '8.5b', en: 'at least 1 coupon issued', zh: '至少发放 1 张' },
    { no: '8.5c', en: 'target everyone, potential, new, repeat, loyal or sleeping customers', zh: '发放对象：所有人、潜在客户、新客户、复购客户、忠诚客户或沉睡客户' },
  ],
  settings: {
    couponReturnProbability: {
      schema: doc(z.number().min(0).max(1), 'chance per tick a potential customer comes back while a coupon aimed at them is in force; default 0.3', '有面向潜在客户的优惠券时潜在客户每天回访的概率；默认 0.3'),
      default: 0.3,
    },
  },
  fromFile(f, cx) {
    const target: CouponTarget = f.target;
    return { type: f.type, amountFen: yuanToFen(f.amount), thresholdFen: yuanToFen(f.threshold), quantity: f.quantity, target, ...cx.span(f) };
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
    // Aimed at the shop's own customers: sent to them at round start (customers.ts), not an offer.
    if (pr.target !== 'potential') return IN_FORCE;
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
  sendsTo: (pr) => (isCustomerTarget(pr.target) ? { group: pr.target, reach: pr.quantity, fromTick: pr.fromTick, toTick: pr.toTick } : null),
  // A customer's own coupon: its amount off when the goods reach the threshold and coupons are left.
  sentOffFen: (pr, goodsFen, remaining) => (remaining > 0 && goodsFen >= pr.thresholdFen ? pr.amountFen : -1),
  label: (pr) => `${formatYuan(pr.amountFen)} off ${formatYuan(pr.thresholdFen)} ×${pr.quantity} for ${pr.target}${spanLabel(pr)}`,
  formDefaults: () => ({}),
});
