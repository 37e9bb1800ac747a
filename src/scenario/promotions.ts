/**
 * Promotion tools in decisions files (course §8): their schemas, the platform's rules checked on
 * submission, and the conversion into the engine's form. Every rule has a number (8.1a, …) that
 * its message names, with the limit it sets; nothing is clamped silently.
 *
 * This module imports nothing from schema.ts (schema.ts imports it), so its small field helpers
 * are its own.
 */
import { z } from 'zod';
import { formatYuan, hasAtMostTwoDecimals, mulRoundHalfUp, yuanToFen } from '../engine/money';
import { capFromReferenceFen, PRICE_FLOOR_FEN, referencePriceFen } from '../engine/pricing';
import {
  COUPON_TARGETS,
  DEFAULT_PROMOTION_RULES,
  PROMOTION_TYPES,
  SUPPORTED_COUPON_TARGETS,
  type CouponTarget,
  type Promotion,
  type PromotionRules,
  type PromotionType,
  type World,
} from '../engine/model';
import { doc } from './describe';
import { problem, type Problem } from './problems';

const ID = /^[A-Za-z0-9_-]{1,32}$/;
const id = z.string().regex(ID, 'must be 1–32 letters, digits, "_" or "-"');
const money = z
  .number()
  .min(0)
  .max(100_000_000)
  .refine(hasAtMostTwoDecimals, { message: 'must have at most 2 decimals (1 fen is the smallest unit)' });
const count = (max: number) => z.number().int().min(0).max(max);
const tick = z.number().int().min(-1000).max(1000);
const rate = z.number().min(-100).max(100);

const ticks = {
  fromTick: doc(tick, 'first tick of the round it runs on (1-based); default 1', '本期内开始的天（从 1 起）；默认 1').optional(),
  toTick: doc(tick, 'last tick of the round it runs on (inclusive); default the round’s last', '本期内结束的天（含）；默认本期最后一天').optional(),
};
const productField = doc(id, 'product id', '商品 id');
const cityOptional = doc(id, 'city id; leave out for every city where the product is listed', '城市 id；不填则适用于所有上架该商品的城市').optional();

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

export const spendRewardSchema = doc(
  z.strictObject({
    type: z.literal('spendReward'),
    tiers: doc(
      z
        .array(
          z.strictObject({
            threshold: doc(money, 'goods value an order must reach, yuan', '订单商品金额门槛（元）'),
            off: doc(money, 'amount off, yuan; at most threshold − 1.00 (rule 8.2c)', '减免金额（元）；不超过门槛 − 1.00（规则 8.2c）'),
          }),
        )
        .max(20),
      '1–3 tiers, thresholds rising (rules 8.2a, 8.2b); an order gets the highest tier it reaches',
      '1–3 档，门槛递增（规则 8.2a、8.2b）；订单享受达到的最高一档',
    ),
    ...ticks,
  }),
  'spend-threshold reward (满就送/满减): an amount off orders whose goods reach a threshold; advice: 10–30% above your average order value',
  '满就送/满减：订单商品金额达到门槛即减；建议门槛比平均客单价高 10–30%',
);

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

export const memberDaySchema = doc(
  z.strictObject({
    type: z.literal('memberDay'),
    weekday: doc(z.number().int().min(-1000).max(1000), 'the weekday: ticks with tick mod 7 = weekday (0–6) (rule 8.8b)', '会员日：tick 除以 7 的余数等于该值的那些天（0–6）（规则 8.8b）'),
    buy: doc(count(99), 'units a member buys … (rule 8.8c)', '会员买满的件数……（规则 8.8c）'),
    get: doc(count(99), '… to get this many more free; 1 ≤ get ≤ buy (rule 8.8c)', '……额外赠送的件数；1 ≤ 赠送 ≤ 买满件数（规则 8.8c）'),
    product: doc(id, 'product id; leave out for every product', '商品 id；不填则适用于所有商品').optional(),
  }),
  'member day (会员日): one weekday on which members (the shop’s fans) get buy-X-get-Y; one per round (rule 8.8a)',
  '会员日：每周一天，会员（本店的粉丝）买 X 送 Y；每期最多一个（规则 8.8a）',
);

const TOOL_SCHEMAS = [
  limitedDiscountSchema,
  spendRewardSchema,
  bundleSchema,
  buyMoreDiscountSchema,
  couponSchema,
  groupBuySchema,
  flashSaleSchema,
  memberDaySchema,
] as const;

export const promotionSchema = doc(
  z.discriminatedUnion(
    'type',
    TOOL_SCHEMAS,
    { error: (iss) => (iss.code === 'invalid_union' ? `must be one of ${PROMOTION_TYPES.map((t) => `"${t}"`).join(', ')}` : undefined) },
  ),
  'one promotion tool (促销工具) of the round',
  '本期的一个促销工具',
);

export type PromotionFile = z.infer<typeof promotionSchema>;
export type LimitedDiscountFile = z.infer<typeof limitedDiscountSchema>;
export type SpendRewardFile = z.infer<typeof spendRewardSchema>;
export type BundleFile = z.infer<typeof bundleSchema>;
export type BuyMoreDiscountFile = z.infer<typeof buyMoreDiscountSchema>;
export type CouponFile = z.infer<typeof couponSchema>;
export type GroupBuyFile = z.infer<typeof groupBuySchema>;
export type FlashSaleFile = z.infer<typeof flashSaleSchema>;
export type MemberDayFile = z.infer<typeof memberDaySchema>;

/** `rules.promotions` of a scenario file: how buyers respond to promotions. */
export const promotionRulesSchema = doc(
  z.strictObject({
    upgradeReach: doc(z.number().min(0).max(1), 'a buyer moves up to a buy-more threshold when wanting at least this share of it; default 0.8', '想买件数达到门槛的该比例时买家可能凑单；默认 0.8').optional(),
    upgradeProbability: doc(z.number().min(0).max(1), 'probability such a buyer moves up; default 0.5', '此类买家凑单的概率；默认 0.5').optional(),
    upgradeMinSaving: doc(z.number().min(0).max(1), 'moving up is worth it when the goods price per unit falls by at least this share; default 0.05', '每件商品价至少降低该比例才值得凑单；默认 0.05').optional(),
    urgency: doc(z.number().min(0).max(5), 'hesitant buyers’ utility × (1 + urgency) for an offer with a discount, flash sale or coupon in force; default 0.2', '有折扣、秒杀或优惠券时犹豫型买家效用 × (1 + 紧迫感)；默认 0.2').optional(),
    couponReturnProbability: doc(z.number().min(0).max(1), 'chance per tick a potential customer comes back while a coupon aimed at them is in force; default 0.3', '有面向潜在客户的优惠券时潜在客户每天回访的概率；默认 0.3').optional(),
    bundleUptake: doc(z.number().min(0).max(100), 'chance a buyer takes a bundle = uptake × the bundle’s saving share; default 2', '买家选择套餐的概率 = 该系数 × 套餐节省比例；默认 2').optional(),
    groupBuyFloat: doc(z.number().min(-1).max(5), 'group-buy cap: (price + shipping) ≤ local market price × (1 + float); default 0', '团购上限：（价格 + 运费）≤ 当地市场价 × (1 + 浮动)；默认 0').optional(),
    memberDayReturnBoost: doc(z.number().min(0).max(10), 'on a member-day round the shop’s fans come back at fanReturnRate × (1 + boost); default 0.5', '有会员日的一期，粉丝回访率 × (1 + 该值)；默认 0.5').optional(),
  }),
  'how buyers respond to promotions; every field has a default',
  '买家对促销的反应参数；每项都有默认值',
);
export type PromotionRulesFile = z.infer<typeof promotionRulesSchema>;

export function promotionRulesFrom(file: PromotionRulesFile | undefined): PromotionRules {
  const out: PromotionRules = { ...DEFAULT_PROMOTION_RULES };
  if (!file) return out;
  for (const key of Object.keys(DEFAULT_PROMOTION_RULES) as (keyof PromotionRules)[]) {
    const v = file[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** The platform's promotion rules, by number: the README table and every refusal name them. */
export const PROMOTION_RULES = [
  { no: '8.0a', tool: 'all', en: 'a promotion runs inside the round: 1 ≤ fromTick ≤ toTick ≤ ticks per round', zh: '促销在本期内进行：1 ≤ 开始天 ≤ 结束天 ≤ 每期天数' },
  { no: '8.0b', tool: 'all', en: 'a promotion of a product needs its listing in the city this round', zh: '商品促销需要该商品本期在该城市上架' },
  { no: '8.1a', tool: 'limitedDiscount', en: 'no deeper than 0.1折: rate ≥ 0.01', zh: '折扣不低于 0.1折：折扣率 ≥ 0.01' },
  { no: '8.1b', tool: 'limitedDiscount', en: 'a discount lowers the price: rate < 1', zh: '折扣须降价：折扣率 < 1' },
  { no: '8.1c', tool: 'limitedDiscount', en: 'price after discount ≥ 1.00 yuan', zh: '折后价 ≥ 1.00 元' },
  { no: '8.2a', tool: 'spendReward', en: '1 to 3 tiers', zh: '1–3 档' },
  { no: '8.2b', tool: 'spendReward', en: 'thresholds rising', zh: '门槛逐档递增' },
  { no: '8.2c', tool: 'spendReward', en: '0.01 ≤ amount off ≤ threshold − 1.00 yuan', zh: '0.01 ≤ 减免金额 ≤ 门槛 − 1.00 元' },
  { no: '8.3a', tool: 'bundle', en: 'at most 50 bundles per shop', zh: '每店最多 50 个套餐' },
  { no: '8.3b', tool: 'bundle', en: '2–5 different products per bundle', zh: '每个套餐 2–5 种不同商品' },
  { no: '8.3c', tool: 'bundle', en: 'bundle price below the sum of its items’ fixed prices, and ≥ 1.00 yuan', zh: '套餐价低于各商品一口价之和，且 ≥ 1.00 元' },
  { no: '8.3d', tool: 'bundle', en: 'bundle shipping ≤ 1.5 × the main item’s shipping', zh: '套餐运费 ≤ 主商品运费 × 1.5' },
  { no: '8.4a', tool: 'buyMoreDiscount', en: 'threshold of at least 2 units', zh: '件数门槛至少 2 件' },
  { no: '8.4b', tool: 'buyMoreDiscount', en: 'no deeper than 0.1折: rate ≥ 0.01', zh: '折扣不低于 0.1折：折扣率 ≥ 0.01' },
  { no: '8.4c', tool: 'buyMoreDiscount', en: 'a discount lowers the price: rate < 1', zh: '折扣须降价：折扣率 < 1' },
  { no: '8.4d', tool: 'buyMoreDiscount', en: 'price after discount ≥ 1.00 yuan', zh: '折后价 ≥ 1.00 元' },
  { no: '8.5a', tool: 'coupon', en: '0.01 ≤ amount ≤ threshold − 1.00 yuan', zh: '0.01 ≤ 面额 ≤ 使用门槛 − 1.00 元' },
  { no: '8.5b', tool: 'coupon', en: 'at least 1 coupon issued', zh: '至少发放 1 张' },
  { no: '8.5c', tool: 'coupon', en: 'target everyone or potential (new, sleeping, loyal need customer lifecycles)', zh: '发放对象：所有人或潜在客户（新客、沉睡、忠诚客户需要客户生命周期）' },
  { no: '8.6a', tool: 'groupBuy', en: 'illegal if (price + shipping) > local market price × (1 + group-buy float)', zh: '（团购价 + 运费）> 当地市场价 × (1 + 团购浮动) 即违规' },
  { no: '8.6b', tool: 'groupBuy', en: 'group price below the fixed price, and ≥ 1.00 yuan', zh: '团购价低于一口价，且 ≥ 1.00 元' },
  { no: '8.7a', tool: 'flashSale', en: 'flash price ≥ 1.00 yuan', zh: '秒杀价 ≥ 1.00 元' },
  { no: '8.7b', tool: 'flashSale', en: 'flash price below the fixed price', zh: '秒杀价低于一口价' },
  { no: '8.7c', tool: 'flashSale', en: 'quantity ≥ 1 and per-buyer limit ≥ 1', zh: '数量 ≥ 1，每人限购 ≥ 1' },
  { no: '8.8a', tool: 'memberDay', en: 'one member day per round', zh: '每期一个会员日' },
  { no: '8.8b', tool: 'memberDay', en: 'weekday 0–6 (tick mod 7)', zh: '星期 0–6（tick 除以 7 的余数）' },
  { no: '8.8c', tool: 'memberDay', en: 'buy ≥ 1 and 1 ≤ get ≤ buy', zh: '买 ≥ 1 且 1 ≤ 送 ≤ 买' },
] as const;
export type PromotionRuleNo = (typeof PROMOTION_RULES)[number]['no'];

const RULE_TEXT = new Map<string, string>(PROMOTION_RULES.map((r) => [r.no, r.en]));
const RULE_TEXT_ZH = new Map<string, string>(PROMOTION_RULES.map((r) => [r.no, r.zh]));

/** "breaks platform rule 8.1a (no deeper than 0.1折: rate ≥ 0.01): got 0.009". */
export function ruleMessage(no: PromotionRuleNo, detail: string): string {
  return `breaks platform rule ${no} (${RULE_TEXT.get(no)}): ${detail}`;
}

/** "违反平台规则 8.1a（折扣不低于 0.1折：折扣率 ≥ 0.01）：…". */
export function ruleMessageZh(no: PromotionRuleNo, detail: string): string {
  return `违反平台规则 ${no}（${RULE_TEXT_ZH.get(no)}）：${detail}`;
}

/** A broken platform rule at `path`, in both languages. */
function ruleProblem(path: string, no: PromotionRuleNo, detail: string, detailZh: string): Problem {
  return problem(path, ruleMessage(no, detail), ruleMessageZh(no, detailZh));
}

/** The tools with their names and fields, for forms (the browser's promotions panel). */
export interface PromotionToolInfo {
  type: PromotionType;
  zh: string;
  en: string;
  description: { en: string; zh: string };
  fields: { name: string; required: boolean; en: string; zh: string }[];
}

const TOOL_NAMES: Record<PromotionType, { zh: string; en: string }> = {
  limitedDiscount: { zh: '限时折扣', en: 'limited-time discount' },
  spendReward: { zh: '满就送/满减', en: 'spend-threshold reward' },
  bundle: { zh: '搭配套餐', en: 'bundle' },
  buyMoreDiscount: { zh: '多买折扣', en: 'buy-more discount' },
  coupon: { zh: '店铺优惠券', en: 'shop coupon' },
  groupBuy: { zh: '团购', en: 'group buy' },
  flashSale: { zh: '秒杀', en: 'flash sale' },
  memberDay: { zh: '会员日', en: 'member day' },
};


interface Described {
  description?: string;
  descriptionZh?: string;
}

export const PROMOTION_TOOLS: readonly PromotionToolInfo[] = TOOL_SCHEMAS.map((schema, i) => {
  const type = PROMOTION_TYPES[i]!;
  const meta = (schema.meta() ?? {}) as Described;
  const fields = Object.entries(schema.shape)
    .filter(([name]) => name !== 'type')
    .map(([name, field]) => {
      const f = field as z.ZodType;
      const m = (f.meta() ?? (f instanceof z.ZodOptional ? (f.unwrap() as z.ZodType).meta() : undefined) ?? {}) as Described;
      return { name, required: !(field as z.ZodType).safeParse(undefined).success, en: m.description ?? '', zh: m.descriptionZh ?? '' };
    });
  return { type, ...TOOL_NAMES[type], description: { en: meta.description ?? '', zh: meta.descriptionZh ?? '' }, fields };
});

// ---------------------------------------------------------------------------------------------
// Checking and converting

/** What the rules need to know of the scenario. */
export interface PromotionWorld {
  ticksPerRound: number;
  cities: readonly string[];
  products: World['products'];
  groupBuyFloat: number;
}

export function promotionWorld(world: World): PromotionWorld {
  return {
    ticksPerRound: world.ticksPerRound,
    cities: world.cities.map((c) => c.id),
    products: world.products,
    groupBuyFloat: (world.rules.promotions ?? DEFAULT_PROMOTION_RULES).groupBuyFloat,
  };
}

/** A listing as the promotion rules see it: fixed price and the shipping the buyer pays, fen. */
export interface ListedPrice {
  priceFen: number;
  shippingFen: number;
}

/** Listing decisions of a decisions file's round, as far as the promotion rules need them. */
export interface RoundListingsFile {
  round: number;
  listings?: readonly { city: string; product: string; price?: number | undefined; shipping?: number | undefined; sellerPaysShipping?: boolean | undefined; active?: boolean | undefined }[] | undefined;
}

/**
 * The shop's listings in force in `round` ([c * P + p]): listings carry over from round to round,
 * so the last decision of each city × product in rounds 1..round counts.
 */
export function listingsInForce(rounds: readonly RoundListingsFile[], round: number, pw: PromotionWorld): (ListedPrice | null)[] {
  const C = pw.cities.length;
  const P = pw.products.length;
  const out: (ListedPrice | null)[] = new Array(C * P).fill(null);
  const ordered = rounds.filter((r) => r.round <= round).sort((a, b) => a.round - b.round);
  for (const r of ordered) {
    for (const l of r.listings ?? []) {
      const c = pw.cities.indexOf(l.city);
      const p = pw.products.findIndex((x) => x.id === l.product);
      if (c < 0 || p < 0) continue;
      if (l.active === false) out[c * P + p] = null;
      else if (l.price !== undefined) out[c * P + p] = { priceFen: yuanToFen(l.price), shippingFen: l.sellerPaysShipping ? 0 : yuanToFen(l.shipping ?? 0) };
    }
  }
  return out;
}

function ix(list: readonly string[], value: string, path: string, what: string, problems: Problem[]): number {
  const i = list.indexOf(value);
  if (i < 0) {
    const known = `${list.slice(0, 20).join(', ')}${list.length > 20 ? ', …' : ''}`;
    problems.push(problem(path, `unknown ${what} "${value}" (known: ${known})`, `未知的${what === 'city' ? '城市' : '商品'} "${value}"（已有：${known}）`));
  }
  return i;
}

/**
 * A round's promotions from a decisions file: ids resolved, yuan to fen, defaults filled, then
 * every platform rule checked against the listings in force that round. Problems are appended
 * with JSON paths under `basePath` (the round's `promotions` array).
 */
export function buildPromotions(
  files: readonly PromotionFile[],
  round: number,
  listings: readonly (ListedPrice | null)[],
  basePath: string,
  pw: PromotionWorld,
  problems: Problem[],
): Promotion[] {
  const productIds = pw.products.map((p) => p.id);
  const out: Promotion[] = [];
  const paths: string[] = [];
  const T = pw.ticksPerRound;
  files.forEach((f, i) => {
    const path = `${basePath}[${i}]`;
    const before = problems.length;
    const product = (v: string | undefined, at: string) => (v === undefined ? null : ix(productIds, v, `${path}.${at}`, 'product', problems));
    const city = (v: string | undefined) => (v === undefined ? null : ix(pw.cities, v, `${path}.city`, 'city', problems));
    const span = { fromTick: 'fromTick' in f ? (f.fromTick ?? 1) : 1, toTick: 'toTick' in f ? (f.toTick ?? T) : T };
    let pr: Promotion | null = null;
    switch (f.type) {
      case 'limitedDiscount':
        pr = { type: f.type, product: product(f.product, 'product')!, city: city(f.city), rate: f.rate, ...span };
        break;
      case 'buyMoreDiscount':
        pr = { type: f.type, product: product(f.product, 'product')!, city: city(f.city), minQuantity: f.minQuantity, rate: f.rate, ...span };
        break;
      case 'spendReward':
        pr = { type: f.type, tiers: f.tiers.map((t) => ({ thresholdFen: yuanToFen(t.threshold), offFen: yuanToFen(t.off) })), ...span };
        break;
      case 'bundle':
        pr = {
          type: f.type,
          city: city(f.city),
          items: f.items.map((it, j) => ({ product: product(it.product, `items[${j}].product`)!, quantity: it.quantity ?? 1 })),
          priceFen: yuanToFen(f.price),
          shippingFen: yuanToFen(f.shipping ?? 0),
        };
        break;
      case 'coupon':
        if (!(SUPPORTED_COUPON_TARGETS as readonly string[]).includes(f.target)) {
          problems.push(
            ruleProblem(
              `${path}.target`,
              '8.5c',
              `target "${f.target}" needs customer lifecycles (new / sleeping / loyal customers, course §9), which this version of the game does not track yet; use "everyone" or "potential"`,
              `发放对象 "${f.target}" 需要客户生命周期（新客 / 沉睡 / 忠诚客户，课程 §9），本课程版本尚不支持；请用 "everyone" 或 "potential"`,
            ),
          );
          return;
        }
        pr = { type: f.type, amountFen: yuanToFen(f.amount), thresholdFen: yuanToFen(f.threshold), quantity: f.quantity, target: f.target as CouponTarget, ...span };
        break;
      case 'groupBuy':
        pr = { type: f.type, product: product(f.product, 'product')!, city: ix(pw.cities, f.city, `${path}.city`, 'city', problems), priceFen: yuanToFen(f.price), ...span };
        break;
      case 'flashSale':
        pr = { type: f.type, product: product(f.product, 'product')!, city: city(f.city), priceFen: yuanToFen(f.price), quantity: f.quantity, perBuyer: f.perBuyer ?? 1, ...span };
        break;
      case 'memberDay':
        pr = { type: f.type, weekday: f.weekday, buy: f.buy, get: f.get, product: product(f.product, 'product') };
        break;
    }
    if (problems.length > before || pr === null) return;
    out.push(pr);
    paths.push(path);
  });
  const checked = checkPromotions(out, round, listings, pw, paths);
  problems.push(...checked);
  return out;
}

const yuanText = (fen: number) => formatYuan(fen);

/**
 * The platform's rules (course §8) on promotions in the engine's form, for one shop and round.
 * `paths[i]` is the JSON path of promotion i (field names are the decisions file's). Used by file
 * loading, and by tests on what the bots decide.
 */
export function checkPromotions(
  promos: readonly Promotion[],
  round: number,
  listings: readonly (ListedPrice | null)[],
  pw: PromotionWorld,
  paths: readonly string[] = promos.map((_, i) => `$.promotions[${i}]`),
): Problem[] {
  const problems: Problem[] = [];
  const C = pw.cities.length;
  const P = pw.products.length;
  const T = pw.ticksPerRound;
  let bundles = 0;
  let memberDays = 0;
  const cityName = (c: number) => `"${pw.cities[c]}"`;
  const productName = (p: number) => `"${pw.products[p]!.id}"`;
  const refFen = (p: number, c: number) => referencePriceFen(pw, p, c, round);
  /** Cities where a product promotion applies: its city, or every city where the product is listed. */
  const citiesOf = (product: number, city: number | null, path: string): number[] => {
    if (city !== null) {
      if (!listings[city * P + product]) {
        problems.push(ruleProblem(`${path}.city`, '8.0b', `${productName(product)} is not listed in ${cityName(city)} in round ${round}`, `商品 ${productName(product)} 第 ${round} 期未在城市 ${cityName(city)} 上架`));
        return [];
      }
      return [city];
    }
    const out: number[] = [];
    for (let c = 0; c < C; c++) if (listings[c * P + product]) out.push(c);
    if (out.length === 0) problems.push(ruleProblem(`${path}.product`, '8.0b', `${productName(product)} is not listed in any city in round ${round}`, `商品 ${productName(product)} 第 ${round} 期未在任何城市上架`));
    return out;
  };
  const checkSpan = (x: { fromTick: number; toTick: number }, path: string) => {
    if (x.fromTick < 1 || x.fromTick > T) problems.push(ruleProblem(`${path}.fromTick`, '8.0a', `fromTick must be 1–${T}, got ${x.fromTick}`, `开始天必须是 1–${T}，现为 ${x.fromTick}`));
    else if (x.toTick < x.fromTick || x.toTick > T) {
      problems.push(ruleProblem(`${path}.toTick`, '8.0a', `toTick must be ${x.fromTick}–${T}, got ${x.toTick}`, `结束天必须是 ${x.fromTick}–${T}，现为 ${x.toTick}`));
    }
  };
  const checkRate = (rate: number, path: string, floorRule: PromotionRuleNo, belowOneRule: PromotionRuleNo): boolean => {
    if (rate < 0.01) {
      problems.push(ruleProblem(`${path}.rate`, floorRule, `rate must be ≥ 0.01 (0.1折), got ${rate}`, `折扣率必须 ≥ 0.01（0.1折），现为 ${rate}`));
      return false;
    }
    if (rate >= 1) {
      problems.push(ruleProblem(`${path}.rate`, belowOneRule, `rate must be below 1 (0.85 = 8.5折), got ${rate}`, `折扣率必须小于 1（0.85 即 8.5折），现为 ${rate}`));
      return false;
    }
    return true;
  };
  const checkDiscounted = (product: number, cities: number[], rate: number, path: string, rule: PromotionRuleNo) => {
    for (const c of cities) {
      const list = listings[c * P + product]!.priceFen;
      const after = mulRoundHalfUp(list, rate);
      if (after < PRICE_FLOOR_FEN) {
        problems.push(
          ruleProblem(
            `${path}.rate`,
            rule,
            `${productName(product)} in ${cityName(c)}: ${yuanText(list)} × ${rate} = ${yuanText(after)}, below 1.00 yuan`,
            `商品 ${productName(product)} 在城市 ${cityName(c)}：${yuanText(list)} × ${rate} = ${yuanText(after)} 元，低于 1.00 元`,
          ),
        );
        return;
      }
    }
  };

  promos.forEach((pr, i) => {
    const path = paths[i] ?? `$.promotions[${i}]`;
    if ('fromTick' in pr) checkSpan(pr, path);
    switch (pr.type) {
      case 'limitedDiscount': {
        const cities = citiesOf(pr.product, pr.city, path);
        if (checkRate(pr.rate, path, '8.1a', '8.1b')) checkDiscounted(pr.product, cities, pr.rate, path, '8.1c');
        break;
      }
      case 'buyMoreDiscount': {
        const cities = citiesOf(pr.product, pr.city, path);
        if (pr.minQuantity < 2) problems.push(ruleProblem(`${path}.minQuantity`, '8.4a', `minQuantity must be ≥ 2, got ${pr.minQuantity}`, `件数门槛必须 ≥ 2，现为 ${pr.minQuantity}`));
        if (checkRate(pr.rate, path, '8.4b', '8.4c')) checkDiscounted(pr.product, cities, pr.rate, path, '8.4d');
        break;
      }
      case 'spendReward': {
        if (pr.tiers.length < 1 || pr.tiers.length > 3) {
          problems.push(ruleProblem(`${path}.tiers`, '8.2a', `a spend reward has 1 to 3 tiers, got ${pr.tiers.length}`, `满减有 1 到 3 档，现为 ${pr.tiers.length} 档`));
          break;
        }
        pr.tiers.forEach((t, j) => {
          const tp = `${path}.tiers[${j}]`;
          const prev = pr.tiers[j - 1];
          if (prev && t.thresholdFen <= prev.thresholdFen) {
            problems.push(
              ruleProblem(
                `${tp}.threshold`,
                '8.2b',
                `threshold ${yuanText(t.thresholdFen)} must be above the previous tier's ${yuanText(prev.thresholdFen)}`,
                `门槛 ${yuanText(t.thresholdFen)} 元必须高于上一档的 ${yuanText(prev.thresholdFen)} 元`,
              ),
            );
          }
          if (t.offFen < 1 || t.offFen > t.thresholdFen - 100) {
            const most = yuanText(Math.max(0, t.thresholdFen - 100));
            problems.push(
              ruleProblem(
                `${tp}.off`,
                '8.2c',
                `off must be 0.01–${most} for threshold ${yuanText(t.thresholdFen)}, got ${yuanText(t.offFen)}`,
                `门槛 ${yuanText(t.thresholdFen)} 元的减免金额必须是 0.01–${most} 元，现为 ${yuanText(t.offFen)} 元`,
              ),
            );
          }
        });
        break;
      }
      case 'bundle': {
        bundles++;
        if (bundles > 50) {
          problems.push(ruleProblem(path, '8.3a', `this is bundle ${bundles} of the round; a shop may have at most 50`, `这是本期第 ${bundles} 个套餐；每店最多 50 个`));
          break;
        }
        const products = pr.items.map((x) => x.product);
        if (pr.items.length < 2 || pr.items.length > 5) {
          problems.push(ruleProblem(`${path}.items`, '8.3b', `a bundle holds 2 to 5 products, got ${pr.items.length}`, `一个套餐含 2 到 5 种商品，现为 ${pr.items.length} 种`));
          break;
        }
        const dup = products.findIndex((p, j) => products.indexOf(p) !== j);
        if (dup >= 0) {
          problems.push(
            ruleProblem(
              `${path}.items[${dup}].product`,
              '8.3b',
              `${productName(products[dup]!)} appears twice; each product once (raise its quantity instead)`,
              `商品 ${productName(products[dup]!)} 出现了两次；每种商品只写一次（可改为增加件数）`,
            ),
          );
          break;
        }
        const bad = pr.items.findIndex((x) => x.quantity < 1);
        if (bad >= 0) {
          problems.push(ruleProblem(`${path}.items[${bad}].quantity`, '8.3b', `each item has at least 1 unit, got ${pr.items[bad]!.quantity}`, `每项至少 1 件，现为 ${pr.items[bad]!.quantity}`));
          break;
        }
        const cities: number[] = [];
        for (let c = 0; c < C; c++) {
          if (pr.city !== null && c !== pr.city) continue;
          if (products.every((p) => listings[c * P + p])) cities.push(c);
        }
        if (cities.length === 0) {
          const where = pr.city === null ? 'any city' : cityName(pr.city);
          const whereZh = pr.city === null ? '任何一个城市' : `城市 ${cityName(pr.city)}`;
          problems.push(
            ruleProblem(
              pr.city === null ? `${path}.items` : `${path}.city`,
              '8.0b',
              `its products are not all listed in ${where} in round ${round}`,
              `套餐中的商品第 ${round} 期没有全部在${whereZh}上架`,
            ),
          );
          break;
        }
        if (pr.priceFen < PRICE_FLOOR_FEN) problems.push(ruleProblem(`${path}.price`, '8.3c', `price must be ≥ 1.00 yuan, got ${yuanText(pr.priceFen)}`, `套餐价必须 ≥ 1.00 元，现为 ${yuanText(pr.priceFen)} 元`));
        for (const c of cities) {
          let sum = 0;
          for (const it of pr.items) sum += listings[c * P + it.product]!.priceFen * it.quantity;
          if (pr.priceFen >= sum) {
            problems.push(
              ruleProblem(
                `${path}.price`,
                '8.3c',
                `price ${yuanText(pr.priceFen)} must be below the items' sum ${yuanText(sum)} in ${cityName(c)}`,
                `套餐价 ${yuanText(pr.priceFen)} 元必须低于城市 ${cityName(c)} 各商品一口价之和 ${yuanText(sum)} 元`,
              ),
            );
            break;
          }
        }
        for (const c of cities) {
          const main = listings[c * P + products[0]!]!.shippingFen;
          // shipping ≤ 1.5 × main, in whole fen: 2 × shipping ≤ 3 × main.
          if (2 * pr.shippingFen > 3 * main) {
            const cap = yuanText(Math.floor((3 * main) / 2));
            problems.push(
              ruleProblem(
                `${path}.shipping`,
                '8.3d',
                `shipping ${yuanText(pr.shippingFen)} is above 1.5 × the main item's shipping ${yuanText(main)} = ${cap} in ${cityName(c)}`,
                `套餐运费 ${yuanText(pr.shippingFen)} 元超过城市 ${cityName(c)} 主商品运费 ${yuanText(main)} 元 × 1.5 = ${cap} 元`,
              ),
            );
            break;
          }
        }
        break;
      }
      case 'coupon': {
        if (pr.amountFen < 1 || pr.amountFen > pr.thresholdFen - 100) {
          const most = yuanText(Math.max(0, pr.thresholdFen - 100));
          problems.push(
            ruleProblem(
              `${path}.amount`,
              '8.5a',
              `amount must be 0.01–${most} for threshold ${yuanText(pr.thresholdFen)}, got ${yuanText(pr.amountFen)}`,
              `使用门槛 ${yuanText(pr.thresholdFen)} 元的面额必须是 0.01–${most} 元，现为 ${yuanText(pr.amountFen)} 元`,
            ),
          );
        }
        if (pr.quantity < 1) problems.push(ruleProblem(`${path}.quantity`, '8.5b', `quantity must be ≥ 1, got ${pr.quantity}`, `发放张数必须 ≥ 1，现为 ${pr.quantity}`));
        break;
      }
      case 'groupBuy': {
        const [c] = citiesOf(pr.product, pr.city, path);
        if (c === undefined) break;
        const l = listings[c * P + pr.product]!;
        if (pr.priceFen < PRICE_FLOOR_FEN) problems.push(ruleProblem(`${path}.price`, '8.6b', `price must be ≥ 1.00 yuan, got ${yuanText(pr.priceFen)}`, `团购价必须 ≥ 1.00 元，现为 ${yuanText(pr.priceFen)} 元`));
        else if (pr.priceFen >= l.priceFen) {
          problems.push(
            ruleProblem(`${path}.price`, '8.6b', `price ${yuanText(pr.priceFen)} must be below the fixed price ${yuanText(l.priceFen)}`, `团购价 ${yuanText(pr.priceFen)} 元必须低于一口价 ${yuanText(l.priceFen)} 元`),
          );
        }
        const ref = refFen(pr.product, c);
        const cap = capFromReferenceFen(ref, pw.groupBuyFloat);
        if (pr.priceFen + l.shippingFen > cap) {
          problems.push(
            ruleProblem(
              `${path}.price`,
              '8.6a',
              `price + shipping = ${yuanText(pr.priceFen)} + ${yuanText(l.shippingFen)} = ${yuanText(pr.priceFen + l.shippingFen)} is above the local market price × (1 + ${pw.groupBuyFloat}) = ${yuanText(cap)} in ${cityName(c)}`,
              `团购价 + 运费 = ${yuanText(pr.priceFen)} + ${yuanText(l.shippingFen)} = ${yuanText(pr.priceFen + l.shippingFen)} 元，超过城市 ${cityName(c)} 当地市场价 × (1 + ${pw.groupBuyFloat}) = ${yuanText(cap)} 元`,
            ),
          );
        }
        break;
      }
      case 'flashSale': {
        const cities = citiesOf(pr.product, pr.city, path);
        if (pr.priceFen < PRICE_FLOOR_FEN) problems.push(ruleProblem(`${path}.price`, '8.7a', `price must be ≥ 1.00 yuan, got ${yuanText(pr.priceFen)}`, `秒杀价必须 ≥ 1.00 元，现为 ${yuanText(pr.priceFen)} 元`));
        for (const c of cities) {
          const list = listings[c * P + pr.product]!.priceFen;
          if (pr.priceFen >= list) {
            problems.push(
              ruleProblem(
                `${path}.price`,
                '8.7b',
                `price ${yuanText(pr.priceFen)} must be below the fixed price ${yuanText(list)} in ${cityName(c)}`,
                `秒杀价 ${yuanText(pr.priceFen)} 元必须低于城市 ${cityName(c)} 的一口价 ${yuanText(list)} 元`,
              ),
            );
            break;
          }
        }
        if (pr.quantity < 1) problems.push(ruleProblem(`${path}.quantity`, '8.7c', `quantity must be ≥ 1, got ${pr.quantity}`, `秒杀件数必须 ≥ 1，现为 ${pr.quantity}`));
        if (pr.perBuyer < 1) problems.push(ruleProblem(`${path}.perBuyer`, '8.7c', `perBuyer must be ≥ 1, got ${pr.perBuyer}`, `每人限购必须 ≥ 1，现为 ${pr.perBuyer}`));
        break;
      }
      case 'memberDay': {
        memberDays++;
        if (memberDays > 1) problems.push(ruleProblem(path, '8.8a', 'a second member day in the round; a shop has one', '本期第二个会员日；每店每期只有一个'));
        if (pr.weekday < 0 || pr.weekday > 6) problems.push(ruleProblem(`${path}.weekday`, '8.8b', `weekday must be 0–6, got ${pr.weekday}`, `星期必须是 0–6，现为 ${pr.weekday}`));
        if (pr.buy < 1) problems.push(ruleProblem(`${path}.buy`, '8.8c', `buy must be ≥ 1, got ${pr.buy}`, `买满件数必须 ≥ 1，现为 ${pr.buy}`));
        else if (pr.get < 1 || pr.get > pr.buy) {
          problems.push(ruleProblem(`${path}.get`, '8.8c', `get must be 1–${pr.buy} (buy ${pr.buy}), got ${pr.get}`, `赠送件数必须是 1–${pr.buy}（买 ${pr.buy}），现为 ${pr.get}`));
        }
        if (pr.product !== null && pr.product >= P) problems.push(problem(`${path}.product`, 'unknown product', '未知的商品'));
        break;
      }
    }
  });
  return problems;
}

/** The promotions of one round of a decisions file (the promotions block of load.ts calls this). */
export function promotionsOfRound(
  rd: RoundListingsFile & { promotions?: readonly PromotionFile[] | undefined },
  allRounds: readonly RoundListingsFile[],
  basePath: string,
  pw: PromotionWorld,
  problems: Problem[],
): Promotion[] {
  const files = rd.promotions ?? [];
  if (files.length === 0) return [];
  return buildPromotions(files, rd.round, listingsInForce(allRounds, rd.round, pw), basePath, pw, problems);
}
