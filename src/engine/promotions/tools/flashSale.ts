/** 秒杀 flash sale: a low price for `quantity` units in all, at most `perBuyer` to each buyer. */
import { z } from 'zod';
import { formatYuan, yuanToFen } from '../../money';
import { PRICE_FLOOR_FEN } from '../../pricing';
import { cityOptional, count, defineTool, doc, IN_FORCE, inForce, money, productField, spanLabel, ticks, URGENT, whereLabel, type TickSpan } from '../tool';

export interface FlashSale extends TickSpan {
  type: 'flashSale';
  product: number;
  city: number | null;
  priceFen: number;
  quantity: number;
  perBuyer: number;
}

export const flashSaleSchema = doc(
  z.strictObject({
    type: z.literal('flashSale'),
    product: productField,
    city: cityOptional,
    price: doc(money, 'flash price, yuan; ≥ 1.00 and below the fixed price (rules 8.7a, 8.7b)', '秒杀价（元）；≥ 1.00 且低于一口价（规则 8.7a、8.7b）'),
    quantity: doc(count(1_000_000), 'units at the flash price in all; ≥ 1 (rule 8.7c)', '秒杀总件数；≥ 1（规则 8.7c）'),
    perBuyer: doc(count(99), 'units at the flash price per buyer; default 1 (rule 8.7c)', '每位买家限购秒杀件数；默认 1（规则 8.7c）').optional(),
    ...ticks,
  }),
  'flash sale (秒杀): a low price for a limited quantity on given ticks',
  '秒杀：在指定的天以低价限量出售',
);

export const flashSale = defineTool<FlashSale, typeof flashSaleSchema, '8.7a' | '8.7b' | '8.7c'>({
  type: 'flashSale',
  name: { zh: '秒杀', en: 'flash sale' },
  schema: flashSaleSchema,
  rules: [
    { no: '8.7a', en: 'flash price ≥ 1.00 yuan', zh: '秒杀价 ≥ 1.00 元' },
    { no: '8.7b', en: 'flash price below the fixed price', zh: '秒杀价低于一口价' },
    { no: '8.7c', en: 'quantity ≥ 1 and per-buyer limit ≥ 1', zh: '数量 ≥ 1，每人限购 ≥ 1' },
  ],
  fromFile: (f, cx) => ({
    type: f.type,
    product: cx.product(f.product, 'product')!,
    city: cx.city(f.city, 'city'),
    priceFen: yuanToFen(f.price),
    quantity: f.quantity,
    perBuyer: f.perBuyer ?? 1,
    ...cx.span(f),
  }),
  check(pr, cx) {
    const cities = cx.citiesOf(pr.product, pr.city);
    if (pr.priceFen < PRICE_FLOOR_FEN) cx.rule('.price', '8.7a', `price must be ≥ 1.00 yuan, got ${formatYuan(pr.priceFen)}`, `秒杀价必须 ≥ 1.00 元，现为 ${formatYuan(pr.priceFen)} 元`);
    for (const c of cities) {
      const list = cx.listings[c * cx.products + pr.product]!.priceFen;
      if (pr.priceFen >= list) {
        cx.rule(
          '.price',
          '8.7b',
          `price ${formatYuan(pr.priceFen)} must be below the fixed price ${formatYuan(list)} in ${cx.cityName(c)}`,
          `秒杀价 ${formatYuan(pr.priceFen)} 元必须低于城市 ${cx.cityName(c)} 的一口价 ${formatYuan(list)} 元`,
        );
        break;
      }
    }
    if (pr.quantity < 1) cx.rule('.quantity', '8.7c', `quantity must be ≥ 1, got ${pr.quantity}`, `秒杀件数必须 ≥ 1，现为 ${pr.quantity}`);
    if (pr.perBuyer < 1) cx.rule('.perBuyer', '8.7c', `perBuyer must be ≥ 1, got ${pr.perBuyer}`, `每人限购必须 ≥ 1，现为 ${pr.perBuyer}`);
  },
  applies: (pr) => ({ city: pr.city, product: pr.product }),
  quantity: (pr) => pr.quantity,
  offer(op, pr, i, cx) {
    if (!inForce(pr, cx.tickInRound) || cx.remaining <= 0) return 0;
    if (op.flashPromo < 0 || pr.priceFen < op.flashFen) {
      op.flashFen = pr.priceFen;
      op.flashPromo = i;
      op.flashPerBuyer = pr.perBuyer;
    }
    return IN_FORCE | URGENT;
  },
  label: (pr, n) => `${whereLabel(n, pr.product, pr.city)} ${formatYuan(pr.priceFen)} ×${pr.quantity}${spanLabel(pr)}`,
  formDefaults: () => ({}),
});
