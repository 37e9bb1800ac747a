/** 限时折扣 limited-time discount: every unit at the fixed price × rate while it runs. */
import { z } from 'zod';
import { mulRoundHalfUp } from '../../money';
import { cityOptional, defineTool, doc, IN_FORCE, inForce, productField, rate, spanLabel, ticks, URGENT, whereLabel, type TickSpan } from '../tool';

export interface LimitedDiscount extends TickSpan {
  type: 'limitedDiscount';
  product: number;
  /** null: every city where the product is listed */
  city: number | null;
  rate: number;
}

export const limitedDiscountSchema = doc(
  z.strictObject({
    type: z.literal('limitedDiscount'),
    product: productField,
    city: cityOptional,
    rate: doc(rate, 'price × rate, e.g. 0.85 = 8.5折; 0.01 ≤ rate < 1 (rule 8.1a, 8.1b)', '折扣率，如 0.85 即 8.5折；0.01 ≤ 折扣率 < 1（规则 8.1a、8.1b）'),
    ...ticks,
  }),
  'limited-time discount (限时折扣): every unit at the fixed price × rate while it runs',
  '限时折扣：活动期间每件按一口价 × 折扣率出售',
);

export const limitedDiscount = defineTool<LimitedDiscount, typeof limitedDiscountSchema, '8.1a' | '8.1b' | '8.1c'>({
  type: 'limitedDiscount',
  name: { zh: '限时折扣', en: 'limited-time discount' },
  schema: limitedDiscountSchema,
  rules: [
    { no: '8.1a', en: 'no deeper than 0.1折: rate ≥ 0.01', zh: '折扣不低于 0.1折：折扣率 ≥ 0.01' },
    { no: '8.1b', en: 'a discount lowers the price: rate < 1', zh: '折扣须降价：折扣率 < 1' },
    { no: '8.1c', en: 'price after discount ≥ 1.00 yuan', zh: '折后价 ≥ 1.00 元' },
  ],
  fromFile: (f, cx) => ({ type: f.type, product: cx.product(f.product, 'product')!, city: cx.city(f.city, 'city'), rate: f.rate, ...cx.span(f) }),
  check(pr, cx) {
    const cities = cx.citiesOf(pr.product, pr.city);
    if (cx.checkRate(pr.rate, '8.1a', '8.1b')) cx.checkDiscounted(pr.product, cities, pr.rate, '8.1c');
  },
  applies: (pr) => ({ city: pr.city, product: pr.product }),
  quantity: () => 0,
  offer(op, pr, i, cx) {
    if (!inForce(pr, cx.tickInRound)) return 0;
    const u = mulRoundHalfUp(cx.listFen, pr.rate);
    if (u < op.unitFen) {
      op.unitFen = u;
      op.unitPromo = i;
    }
    return IN_FORCE | URGENT;
  },
  label: (pr, n) => `${whereLabel(n, pr.product, pr.city)} ×${pr.rate}${spanLabel(pr)}`,
  formDefaults: () => ({ rate: '0.9' }),
});
