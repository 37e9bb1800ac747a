/** 多买折扣 buy-more discount: an order of at least `minQuantity` units has every unit at price × rate. */
import { z } from 'zod';
import { mulRoundHalfUp } from '../../money';
import { cityOptional, count, defineTool, doc, IN_FORCE, inForce, productField, rate, spanLabel, ticks, whereLabel, type TickSpan } from '../tool';

export interface BuyMoreDiscount extends TickSpan {
  type: 'buyMoreDiscount';
  product: number;
  city: number | null;
  minQuantity: number;
  rate: number;
}

export const buyMoreDiscountSchema = doc(
  z.strictObject({
    type: z.literal('buyMoreDiscount'),
    product: productField,
    city: cityOptional,
    minQuantity: doc(count(99), 'an order of at least this many units gets the rate on every unit; ≥ 2 (rule 8.4a)', '一单至少买这么多件，每件都享受折扣；≥ 2（规则 8.4a）'),
    rate: doc(rate, 'price × rate for every unit; 0.01 ≤ rate < 1 (rules 8.4b, 8.4c)', '每件按一口价 × 折扣率；0.01 ≤ 折扣率 < 1（规则 8.4b、8.4c）'),
    ...ticks,
  }),
  'buy-more discount (多买折扣): buy at least k units, all at the discounted rate',
  '多买折扣：一单买满 k 件，全部按折扣价',
);

export const buyMoreDiscount = defineTool<BuyMoreDiscount, typeof buyMoreDiscountSchema, '8.4a' | '8.4b' | '8.4c' | '8.4d'>({
  type: 'buyMoreDiscount',
  name: { zh: '多买折扣', en: 'buy-more discount' },
  schema: buyMoreDiscountSchema,
  rules: [
    { no: '8.4a', en: 'threshold of at least 2 units', zh: '件数门槛至少 2 件' },
    { no: '8.4b', en: 'no deeper than 0.1折: rate ≥ 0.01', zh: '折扣不低于 0.1折：折扣率 ≥ 0.01' },
    { no: '8.4c', en: 'a discount lowers the price: rate < 1', zh: '折扣须降价：折扣率 < 1' },
    { no: '8.4d', en: 'price after discount ≥ 1.00 yuan', zh: '折后价 ≥ 1.00 元' },
  ],
  fromFile: (f, cx) => ({ type: f.type, product: cx.product(f.product, 'product')!, city: cx.city(f.city, 'city'), minQuantity: f.minQuantity, rate: f.rate, ...cx.span(f) }),
  check(pr, cx) {
    const cities = cx.citiesOf(pr.product, pr.city);
    if (pr.minQuantity < 2) cx.rule('.minQuantity', '8.4a', `minQuantity must be ≥ 2, got ${pr.minQuantity}`, `件数门槛必须 ≥ 2，现为 ${pr.minQuantity}`);
    if (cx.checkRate(pr.rate, '8.4b', '8.4c')) cx.checkDiscounted(pr.product, cities, pr.rate, '8.4d');
  },
  applies: (pr) => ({ city: pr.city, product: pr.product }),
  quantity: () => 0,
  offer(op, pr, i, cx) {
    if (!inForce(pr, cx.tickInRound)) return 0;
    const u = mulRoundHalfUp(cx.listFen, pr.rate);
    if (op.buyMorePromo < 0 || u < op.buyMoreFen) {
      op.buyMoreK = pr.minQuantity;
      op.buyMoreFen = u;
      op.buyMorePromo = i;
    }
    return IN_FORCE;
  },
  label: (pr, n) => `${whereLabel(n, pr.product, pr.city)} ≥${pr.minQuantity} ×${pr.rate}${spanLabel(pr)}`,
  formDefaults: () => ({ rate: '0.9' }),
});
