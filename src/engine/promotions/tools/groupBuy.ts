/** 团购 group buy: a group price for every unit, capped by the local market price × (1 + group-buy float). */
import { z } from 'zod';
import { formatYuan, yuanToFen } from '../../money';
import { capFromReferenceFen, PRICE_FLOOR_FEN } from '../../pricing';
import { defineTool, doc, id, IN_FORCE, inForce, money, productField, spanLabel, ticks, whereLabel, type TickSpan } from '../tool';

export interface GroupBuy extends TickSpan {
  type: 'groupBuy';
  product: number;
  city: number;
  priceFen: number;
}

export const groupBuySchema = doc(
  z.strictObject({
    type: z.literal('groupBuy'),
    product: productField,
    city: doc(id, 'city id (the local market price is the city’s)', '城市 id（当地市场价按该城市）'),
    price: doc(money, 'group price, yuan; (price + shipping) ≤ local market price × (1 + group-buy float) (rule 8.6a)', '团购价（元）；（团购价 + 运费）≤ 当地市场价 × (1 + 团购浮动)（规则 8.6a）'),
    ...ticks,
  }),
  'group buy (团购): a group price for every unit while it runs',
  '团购：活动期间每件按团购价出售',
);

export const groupBuy = defineTool<GroupBuy, typeof groupBuySchema, '8.6a' | '8.6b', 'groupBuyFloat'>({
  type: 'groupBuy',
  name: { zh: '团购', en: 'group buy' },
  schema: groupBuySchema,
  rules: [
    { no: '8.6a', en: 'illegal if (price + shipping) > local market price × (1 + group-buy float)', zh: '（团购价 + 运费）> 当地市场价 × (1 + 团购浮动) 即违规' },
    { no: '8.6b', en: 'group price below the fixed price, and ≥ 1.00 yuan', zh: '团购价低于一口价，且 ≥ 1.00 元' },
  ],
  settings: {
    groupBuyFloat: {
      schema: doc(z.number().min(-1).max(5), 'group-buy cap: (price + shipping) ≤ local market price × (1 + float); default 0', '团购上限：（价格 + 运费）≤ 当地市场价 × (1 + 浮动)；默认 0'),
      default: 0,
    },
  },
  fromFile: (f, cx) => ({ type: f.type, product: cx.product(f.product, 'product')!, city: cx.city(f.city, 'city')!, priceFen: yuanToFen(f.price), ...cx.span(f) }),
  check(pr, cx) {
    const [c] = cx.citiesOf(pr.product, pr.city);
    if (c === undefined) return;
    const l = cx.listings[c * cx.products + pr.product]!;
    if (pr.priceFen < PRICE_FLOOR_FEN) cx.rule('.price', '8.6b', `price must be ≥ 1.00 yuan, got ${formatYuan(pr.priceFen)}`, `团购价必须 ≥ 1.00 元，现为 ${formatYuan(pr.priceFen)} 元`);
    else if (pr.priceFen >= l.priceFen) {
      cx.rule('.price', '8.6b', `price ${formatYuan(pr.priceFen)} must be below the fixed price ${formatYuan(l.priceFen)}`, `团购价 ${formatYuan(pr.priceFen)} 元必须低于一口价 ${formatYuan(l.priceFen)} 元`);
    }
    const cap = capFromReferenceFen(cx.marketFen(pr.product, c), cx.rules.groupBuyFloat);
    if (pr.priceFen + l.shippingFen > cap) {
      const total = formatYuan(pr.priceFen + l.shippingFen);
      cx.rule(
        '.price',
        '8.6a',
        `price + shipping = ${formatYuan(pr.priceFen)} + ${formatYuan(l.shippingFen)} = ${total} is above the local market price × (1 + ${cx.rules.groupBuyFloat}) = ${formatYuan(cap)} in ${cx.cityName(c)}`,
        `团购价 + 运费 = ${formatYuan(pr.priceFen)} + ${formatYuan(l.shippingFen)} = ${total} 元，超过城市 ${cx.cityName(c)} 当地市场价 × (1 + ${cx.rules.groupBuyFloat}) = ${formatYuan(cap)} 元`,
      );
    }
  },
  applies: (pr) => ({ city: pr.city, product: pr.product }),
  quantity: () => 0,
  offer(op, pr, i, cx) {
    if (!inForce(pr, cx.tickInRound)) return 0;
    if (pr.priceFen < op.unitFen) {
      op.unitFen = pr.priceFen;
      op.unitPromo = i;
    }
    return IN_FORCE;
  },
  label: (pr, n) => `${whereLabel(n, pr.product, pr.city)} ${formatYuan(pr.priceFen)}${spanLabel(pr)}`,
  formDefaults: () => ({}),
});
