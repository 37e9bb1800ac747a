/** 搭配套餐 bundle: 2–5 products sold as one order at one price; the first item is the main item. */
import { z } from 'zod';
import { formatYuan, yuanToFen } from '../../money';
import { PRICE_FLOOR_FEN } from '../../pricing';
import { cityOptional, count, defineTool, doc, IN_FORCE, money, productField } from '../tool';

export interface BundleItem {
  product: number;
  quantity: number;
}

export interface Bundle {
  type: 'bundle';
  city: number | null;
  items: BundleItem[];
  priceFen: number;
  shippingFen: number;
}

export const bundleSchema = doc(
  z.strictObject({
    type: z.literal('bundle'),
    city: cityOptional,
    items: doc(
      z
        .array(
          z.strictObject({
            product: productField,
            quantity: doc(count(99), 'units of this product in the bundle; default 1', '套餐中该商品的件数；默认 1').optional(),
          }),
        )
        .max(20),
      '2–5 different products (rule 8.3b); the first is the main item',
      '2–5 种不同商品（规则 8.3b）；第一项为主商品',
    ),
    price: doc(money, 'bundle price, yuan; below the sum of its items’ fixed prices (rule 8.3c)', '套餐价（元）；低于各商品一口价之和（规则 8.3c）'),
    shipping: doc(money, 'bundle shipping fee, yuan; at most 1.5 × the main item’s (rule 8.3d); default 0', '套餐运费（元）；不超过主商品运费的 1.5 倍（规则 8.3d）；默认 0').optional(),
  }),
  'bundle (搭配套餐): several products sold as one order at one price; at most 50 per shop (rule 8.3a)',
  '搭配套餐：多种商品作为一个订单一口价出售；每店最多 50 个（规则 8.3a）',
);

export const bundle = defineTool<Bundle, typeof bundleSchema, '8.3a' | '8.3b' | '8.3c' | '8.3d', 'bundleUptake'>({
  type: 'bundle',
  name: { zh: '搭配套餐', en: 'bundle' },
  schema: bundleSchema,
  rules: [
    { no: '8.3a', en: 'at most 50 bundles per shop', zh: '每店最多 50 个套餐' },
    { no: '8.3b', en: '2–5 different products per bundle', zh: '每个套餐 2–5 种不同商品' },
    { no: '8.3c', en: 'bundle price below the sum of its items’ fixed prices, and ≥ 1.00 yuan', zh: '套餐价低于各商品一口价之和，且 ≥ 1.00 元' },
    { no: '8.3d', en: 'bundle shipping ≤ 1.5 × the main item’s shipping', zh: '套餐运费 ≤ 主商品运费 × 1.5' },
  ],
  settings: {
    bundleUptake: {
      schema: doc(z.number().min(0).max(100), 'chance a buyer takes a bundle = uptake × the bundle’s saving share; default 2', '买家选择套餐的概率 = 该系数 × 套餐节省比例；默认 2'),
      default: 2,
    },
  },
  fromFile: (f, cx) => ({
    type: f.type,
    city: cx.city(f.city, 'city'),
    items: f.items.map((it, j) => ({ product: cx.product(it.product, `items[${j}].product`)!, quantity: it.quantity ?? 1 })),
    priceFen: yuanToFen(f.price),
    shippingFen: yuanToFen(f.shipping ?? 0),
  }),
  check(pr, cx) {
    if (cx.nth > 50) {
      cx.rule('', '8.3a', `this is bundle ${cx.nth} of the round; a shop may have at most 50`, `这是本期第 ${cx.nth} 个套餐；每店最多 50 个`);
      return;
    }
    const products = pr.items.map((x) => x.product);
    if (pr.items.length < 2 || pr.items.length > 5) {
      cx.rule('.items', '8.3b', `a bundle holds 2 to 5 products, got ${pr.items.length}`, `一个套餐含 2 到 5 种商品，现为 ${pr.items.length} 种`);
      return;
    }
    const dup = products.findIndex((p, j) => products.indexOf(p) !== j);
    if (dup >= 0) {
      const name = cx.productName(products[dup]!);
      cx.rule(`.items[${dup}].product`, '8.3b', `${name} appears twice; each product once (raise its quantity instead)`, `商品 ${name} 出现了两次；每种商品只写一次（可改为增加件数）`);
      return;
    }
    const bad = pr.items.findIndex((x) => x.quantity < 1);
    if (bad >= 0) {
      cx.rule(`.items[${bad}].quantity`, '8.3b', `each item has at least 1 unit, got ${pr.items[bad]!.quantity}`, `每项至少 1 件，现为 ${pr.items[bad]!.quantity}`);
      return;
    }
    const P = cx.products;
    const cities: number[] = [];
    for (let c = 0; c < cx.cities; c++) {
      if (pr.city !== null && c !== pr.city) continue;
      if (products.every((p) => cx.listings[c * P + p])) cities.push(c);
    }
    if (cities.length === 0) {
      const where = pr.city === null ? 'any city' : cx.cityName(pr.city);
      const whereZh = pr.city === null ? '任何一个城市' : `城市 ${cx.cityName(pr.city)}`;
      cx.rule(pr.city === null ? '.items' : '.city', '8.0b', `its products are not all listed in ${where} in round ${cx.round}`, `套餐中的商品第 ${cx.round} 期没有全部在${whereZh}上架`);
      return;
    }
    if (pr.priceFen < PRICE_FLOOR_FEN) cx.rule('.price', '8.3c', `price must be ≥ 1.00 yuan, got ${formatYuan(pr.priceFen)}`, `套餐价必须 ≥ 1.00 元，现为 ${formatYuan(pr.priceFen)} 元`);
    for (const c of cities) {
      let sum = 0;
      for (const it of pr.items) sum += cx.listings[c * P + it.product]!.priceFen * it.quantity;
      if (pr.priceFen >= sum) {
        cx.rule(
          '.price',
          '8.3c',
          `price ${formatYuan(pr.priceFen)} must be below the items' sum ${formatYuan(sum)} in ${cx.cityName(c)}`,
          `套餐价 ${formatYuan(pr.priceFen)} 元必须低于城市 ${cx.cityName(c)} 各商品一口价之和 ${formatYuan(sum)} 元`,
        );
        break;
      }
    }
    for (const c of cities) {
      const main = cx.listings[c * P + products[0]!]!.shippingFen;
      // shipping ≤ 1.5 × main, in whole fen: 2 × shipping ≤ 3 × main.
      if (2 * pr.shippingFen > 3 * main) {
        const cap = formatYuan(Math.floor((3 * main) / 2));
        cx.rule(
          '.shipping',
          '8.3d',
          `shipping ${formatYuan(pr.shippingFen)} is above 1.5 × the main item's shipping ${formatYuan(main)} = ${cap} in ${cx.cityName(c)}`,
          `套餐运费 ${formatYuan(pr.shippingFen)} 元超过城市 ${cx.cityName(c)} 主商品运费 ${formatYuan(main)} 元 × 1.5 = ${cap} 元`,
        );
        break;
      }
    }
  },
  applies: (pr) => ({ city: pr.city, product: pr.items[0]!.product }),
  quantity: () => 0,
  offer(op, pr, i, cx) {
    // Offered with its main item when every item is listed; the bundle saving the most wins.
    let sum = 0;
    for (const item of pr.items) {
      const l = cx.listings[cx.cityBase + item.product];
      if (!l) return 0;
      sum += l.priceFen * item.quantity;
    }
    if (sum <= 0) return 0;
    const chance = Math.min(1, cx.rules.bundleUptake * (1 - pr.priceFen / sum));
    if (chance <= op.bundleChance) return 0;
    op.bundlePromo = i;
    op.bundle = pr;
    op.bundleChance = chance;
    return IN_FORCE;
  },
  label: (pr, n) => `${pr.items.map((x) => `${n.product(x.product)}×${x.quantity}`).join('+')}@${n.city(pr.city)} ${formatYuan(pr.priceFen)}`,
  formDefaults: (w) => {
    const p0 = w.products[0]?.id ?? '';
    const p1 = w.products[1]?.id ?? p0;
    return { items: JSON.stringify([{ product: p0 }, { product: p1 }]) };
  },
});
