/**
 * The one source of the file formats: scenario files and decisions files. The TypeScript types,
 * the validator, the shipped JSON Schemas (schemas/*.schema.json) and the field reference
 * (docs/scenario-reference.md) all come from these zod schemas; `npm run docs:schema` regenerates
 * the files. Every field carries an English and a Chinese description (`doc`).
 * Money in files is yuan (at most 2 decimals); the engine converts to fen.
 *
 * Why zod (v4): the types are inferred from the same objects that validate, so they cannot drift;
 * every issue carries its exact path, which our messages need; `z.toJSONSchema` exports the JSON
 * Schemas and `.meta()` carries the bilingual descriptions into them; it runs unchanged in Node
 * and the browser, and it is widely used and maintained.
 */
import { z } from 'zod';
import { hasAtMostTwoDecimals } from '../engine/money';
import { doc } from './describe';
import { STRATEGY_NAMES } from './strategies';
import { promotionRulesSchema, promotionSchema } from './promotions';
import { customerRulesSchema, memberPointsDecisionSchema, serviceDecisionSchema, serviceRulesSchema } from './service';
import { keywordSchema, searchDecisionSchema, searchRulesSchema } from './search';

// Zod checks objects with code it generates (new Function) on first use: worth it for many parses,
// slower for the one scenario a command or a page loads (the default game's process 0.50 → 0.47 s
// on Node 24), and refused by a page whose content security policy forbids eval.
z.config({ jitless: true });

export const ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
export const LIMITS = {
  cities: 20,
  products: 20,
  shops: 60,
  rounds: 24,
  ticksPerRound: 60,
  demandPerCrowd: 1_000_000,
  events: 100,
  quantity: 99,
  restockQuantity: 1_000_000,
  moneyYuan: 100_000_000,
  /** buyers over the whole game (events included), so that any valid scenario plays in seconds (bench/largest.bench.ts) */
  gameBuyers: 1_000_000,
  /** cities × products × shops × ticks: the engine's work per game grows with it (bench/largest.bench.ts) */
  gameWork: 500_000,
} as const;

const range = (min: number, max: number, unit = '') => `must be from ${min} to ${max}${unit}`;
const text = (max = 80) =>
  z.string().min(1, 'must not be empty').max(max, `must have at most ${max} characters`);
export const id = z.string().regex(ID_PATTERN, 'must be 1–32 letters, digits, "_" or "-"');
export const localText = doc(
  z.strictObject({
    zh: doc(text(200), 'Chinese text (1–200 characters)', '中文文字（1–200 个字符）'),
    en: doc(text(200), 'English text (1–200 characters)', '英文文字（1–200 个字符）'),
  }),
  'text in Chinese (zh) and English (en)',
  '中文（zh）与英文（en）两种文字',
);

/** Yuan, at most two decimals, within [min, max]. */
export function yuan(min: number, max: number = LIMITS.moneyYuan) {
  return z
    .number()
    .min(min, range(min, max, ' yuan'))
    .max(max, range(min, max, ' yuan'))
    .refine(hasAtMostTwoDecimals, { message: 'must have at most 2 decimals (1 fen is the smallest unit)' });
}
const rate = (min: number, max: number) => z.number().min(min, range(min, max)).max(max, range(min, max));
const int = (min: number, max: number) =>
  z
    .number()
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be a whole number from ${min} to ${max}`)
    .max(max, `must be a whole number from ${min} to ${max}`);

const crowdCount = (en: string, zh: string) =>
  doc(int(0, LIMITS.demandPerCrowd), `${en} buyers per round`, `每期${zh}买家人数`).optional();
export const crowdCounts = doc(
  z.strictObject({
    brandLoyal: crowdCount('brand-loyal', '品牌需求人群'),
    lowPrice: crowdCount('low-price', '低价格需求人群'),
    composite: crowdCount('composite-score', '综合评价需求人群'),
    hesitant: crowdCount('hesitant', '犹豫不定需求人群'),
  }),
  'buyers per round for each crowd (a crowd left out has 0)',
  '每期各类人群的买家人数（未写的人群为 0）',
);

const weight = (en: string, zh: string) => doc(rate(0, 1), `weight of ${en} (0–1)`, `${zh}的权重（0–1）`);
export const indexWeights = doc(
  z.strictObject({
    visual: weight('shop visual value', '店铺视觉值'),
    iso: weight('ISO certification', 'ISO 认证'),
    iec: weight('IEC mode', 'IEC 模式'),
    popularity: weight('shop popularity', '店铺人气'),
    points: weight('shop points', '店铺积分'),
    orderVolume: weight('order volume', '订单量'),
    media: weight('media influence', '媒体影响力'),
    charity: weight('social charity', '社会慈善'),
  }),
  'weights of the composite index inputs; all eight are required and must sum to 1 (default 0.15, 0.1, 0.1, 0.15, 0.1, 0.15, 0.15, 0.1)',
  '综合评价指数各项输入的权重；八项都要写，合计必须为 1（默认 0.15、0.1、0.1、0.15、0.1、0.15、0.15、0.1）',
);

/** What a weighted rubric can score (course §11); grading computes each from the game's Result. */
export const RUBRIC_METRICS = ['equity', 'profit', 'revenue', 'marketShare', 'dsr', 'conversion', 'breachRate', 'afterSales'] as const;

const rubricComponents = doc(
  z
    .array(
      z.strictObject({
        metric: doc(
          z.enum(RUBRIC_METRICS),
          'equity, profit, revenue, marketShare (units), dsr, conversion, breachRate (lower is better) or afterSales (the course’s after-sales KPI from the game’s refund rate: ≤ 5% 30 points, ≤ 8% 20, ≤ 11% 10, else 0)',
          '所有者权益、利润、销售额、市场占有率（件数）、动态评分、转化率、违约率（越低越好）或售后客服考核（按全局退款率：≤ 5% 得 30 分，≤ 8% 得 20 分，≤ 11% 得 10 分，否则 0 分）',
        ),
        weight: doc(rate(0, 1), 'share of the grade; the weights sum to 1', '占总分的权重；各项权重之和为 1'),
        method: doc(
          z.enum(['rank', 'scale']),
          'rank: first place gets `first`, each lower place `step` fewer (default); scale: `first` × position between the worst and the best shop',
          'rank：按名次计分（默认）；scale：按在最差与最好店铺之间的位置折算',
        ).optional(),
      }),
    )
    .min(1)
    .max(RUBRIC_METRICS.length)
    .superRefine((cs, ctx) => {
      const sum = cs.reduce((a, c) => a + c.weight, 0);
      if (Math.abs(sum - 1) > 1e-6) ctx.addIssue({ code: 'custom', message: `weights must sum to 1 (they sum to ${+sum.toFixed(6)})` });
      const seen = new Set<string>();
      cs.forEach((c, i) => {
        if (seen.has(c.metric)) ctx.addIssue({ code: 'custom', path: [i, 'metric'], message: `metric "${c.metric}" is given twice` });
        seen.add(c.metric);
      });
    }),
  'weighted rubric for grading (shopsim grade); default: rank by owner’s equity only (course §11)',
  '批量评分的加权评分标准；默认只按所有者权益排名（课程 §11）',
);

export const rulesSchema = doc(
  z.strictObject({
    priceFloat: doc(rate(0, 5), 'legal price cap: price + shipping ≤ reference × (1 + priceFloat); default 0.3', '价格上浮比例：一口价 + 运费 ≤ 参考价 × (1 + priceFloat)，否则为违规价格；默认 0.3').optional(),
    priceFloor: doc(yuan(0, 10_000), 'platform price floor: a fixed price below it is illegal, yuan; default 1.00', '平台最低价：一口价低于此价为违规价格，元；默认 1.00').optional(),
    holdingCost: doc(yuan(0, 10_000), 'cost of holding one unit of stock in a warehouse for a round (booked at the round’s end), yuan; default 0.10', '仓库中每件库存每期的持有成本（期末计入），元；默认 0.10').optional(),
    reviews: doc(
      z.strictObject({
        breachWeight: doc(int(1, 1000), 'a breach lowers the product review score by this much (a delivery on time raises it by 1); default 10 (the course counts 1)', '每次违约使产品评价下降的分数（按时送达 +1）；默认 10（课程记 1）').optional(),
        windowRounds: doc(int(1, 100), 'rounds of deliveries and breaches the review score counts, the current round included; default 2', '产品评价统计的送达与违约的期数（含本期）；默认 2').optional(),
      }),
      'product review score (产品评价): starting score + deliveries on time − breachWeight × breaches over the last windowRounds rounds; below 0 the brand-loyal crowd never buys',
      '产品评价：初始分 + 按时送达单数 − breachWeight × 违约单数（只统计最近 windowRounds 期）；低于 0 时品牌需求人群不再购买',
    ).optional(),
    demandFluctuation: doc(rate(0, 0.9), 'seeded ± share by which actual demand differs from the published figure; default 0.1', '实际需求相对公布需求的随机波动比例（±）；默认 0.1').optional(),
    penaltyRate: doc(rate(0, 5), 'breach penalty as a share of the order value; default 0.2', '违约罚金占订单金额的比例；默认 0.2').optional(),
    indexWeights: indexWeights.optional(),
    mediaDecay: doc(rate(0, 1), 'share of media influence lost each round; default 0.3', '媒体影响力每期衰减的比例；默认 0.3').optional(),
    restockLeadTicks: doc(int(0, 60), 'ticks from a restock order to its arrival; default 3', '补货从下单到入库的天数（tick）；默认 3').optional(),
    credit: doc(yuan(0), 'cash a shop may owe before it is bankrupt, yuan; default 0', '破产前网店可以透支的现金，元；默认 0').optional(),
    isoCost: doc(yuan(0), 'one-off cost of ISO certification, yuan; default 3000', 'ISO 认证的一次性费用，元；默认 3000').optional(),
    iecCost: doc(yuan(0), 'one-off cost of IEC mode, yuan; default 2000', 'IEC 模式的一次性费用，元；默认 2000').optional(),
    warehouse: doc(
      z.strictObject({
        capacity: doc(int(1, 100_000_000), 'volume units one city warehouse holds (stock and restock on its way); default 5000', '每个城市配送中心的容量（体积单位，含在途补货）；默认 5000').optional(),
        rent: doc(yuan(0), 'rent per warehouse per round, yuan; default 300', '每个配送中心每期的租金，元；默认 300').optional(),
      }),
      'city warehouses (配送中心)',
      '城市配送中心',
    ).optional(),
    carrier: doc(
      z.strictObject({
        sameCityTicks: doc(int(0, 30), 'delivery ticks inside a city; default 1', '同城配送天数；默认 1').optional(),
        otherCityTicks: doc(int(0, 30), 'delivery ticks between cities; default 3', '跨城配送天数；默认 3').optional(),
        sameCityFee: doc(yuan(0, 10_000), 'carrier fee per order inside a city, yuan; default 4', '同城每单物流费，元；默认 4').optional(),
        otherCityFee: doc(yuan(0, 10_000), 'carrier fee per order between cities, yuan; default 8', '跨城每单物流费，元；默认 8').optional(),
        perVolume: doc(yuan(0, 10_000), 'carrier fee per unit of volume, yuan; default 0.5', '每体积单位的物流费，元；默认 0.5').optional(),
      }),
      'carrier (物流) times and fees; routes override them for a pair of cities',
      '物流的时间与费用；routes 可为两城之间单独设定',
    ).optional(),
    carrierDelay: doc(
      z.strictObject({
        probability: doc(rate(0, 1), 'chance an order is delayed (0–1)', '订单被延误的概率（0–1）'),
        ticks: doc(int(0, 30), 'ticks of delay', '延误天数'),
      }),
      'random carrier delays; default none',
      '随机物流延误；默认无',
    ).optional(),
    rating: doc(
      z.strictObject({
        base: doc(rate(1, 5), 'mean satisfaction (1–5) of a next-day delivery; default 4.6', '次日送达时的平均满意度（1–5）；默认 4.6').optional(),
        perTick: doc(rate(0, 5), 'satisfaction lost per extra delivery tick; default 0.25', '每多一天送达损失的满意度；默认 0.25').optional(),
        description: doc(
          rate(0, 20),
          'description match (描述相符): rating lost per unit of (price + shipping) / reference price above the product’s quality, e.g. 2 loses 0.6 at 30% above reference for a product of quality 1; default 0 (price does not affect ratings)',
          '描述相符：（一口价 + 运费）/ 参考价 超过商品质量的部分，每 1 个单位降低的评分，例如 2 表示质量为 1 的商品高于参考价 30% 时降低 0.6 分；默认 0（价格不影响评分）',
        ).optional(),
      }),
      'how buyers rate delivered orders (DSR)',
      '买家如何给已送达订单评分（DSR 动态评分）',
    ).optional(),
    negativeTags: doc(
      z.strictObject({
        ticks: doc(int(1, 1000), 'ticks a negative tag stays active; default 30', '负面标签的有效天数；默认 30').optional(),
        threshold: doc(int(1, 100), 'active tags from which conversion falls; default 3', '转化率开始下降的有效负面标签数；默认 3').optional(),
        conversion: doc(rate(0, 1), 'conversion multiplier at or past the threshold; default 0.3', '达到阈值后转化率的乘数；默认 0.3').optional(),
      }),
      'negative tags (负面标签) from ratings of 1–2',
      '1–2 分评价产生的负面标签',
    ).optional(),
    fanReturnRate: doc(rate(0, 1), 'share of satisfied customers (rated 4–5) who come back to the same shop each round; default 0.3', '满意客户（评 4–5 分）每期回到同一家店复购的比例；默认 0.3').optional(),
    hesitant: doc(
      z.strictObject({
        searchSlots: doc(int(1, 50), 'search results a hesitant buyer looks at; default 4', '犹豫型买家查看的搜索结果数；默认 4').optional(),
        buyBase: doc(rate(0, 2), 'purchase probability per unit of best utility; default 0.8', '每单位最高效用对应的购买概率；默认 0.8').optional(),
        sharpness: doc(rate(0, 20), 'how strongly the best offer is preferred; default 4', '对最优商品的偏好强度；默认 4').optional(),
        priceWeight: doc(rate(0, 1), 'weight of price attractiveness in utility; the three weights sum to 1; default 0.5', '效用中价格吸引力的权重；三项权重合计为 1；默认 0.5').optional(),
        reviewWeight: doc(rate(0, 1), 'weight of the review score in utility; the three weights sum to 1; default 0.3', '效用中产品评价的权重；三项权重合计为 1；默认 0.3').optional(),
        indexWeight: doc(rate(0, 1), 'weight of the composite index in utility; the three weights sum to 1; default 0.2', '效用中综合评价指数的权重；三项权重合计为 1；默认 0.2').optional(),
        returnProbability: doc(rate(0, 1), 'chance per tick that a potential customer comes back; default 0.1', '潜在客户每天回来购买的概率；默认 0.1').optional(),
        potentialRetention: doc(rate(0, 1), 'share of potential customers kept into the next round; default 0.5', '潜在客户保留到下一期的比例；默认 0.5').optional(),
      }),
      'the hesitant crowd (犹豫不定需求人群)',
      '犹豫不定需求人群的参数',
    ).optional(),
    visitDepth: doc(int(1, 50), 'no longer used: visits are clicks on search results (rules.search); kept so that older scenarios load', '已不再使用：访客即搜索结果的点击（见 rules.search）；保留以便旧场景可以加载').optional(),
    dsrWindowRounds: doc(int(1, 24), 'rounds in the rolling DSR mean; default 3', 'DSR 滚动平均包含的期数；默认 3').optional(),
    rubric: doc(
      z.strictObject({
        first: doc(rate(0, 1000), 'score of first place; default 45', '第一名的得分；默认 45').optional(),
        step: doc(rate(0, 1000), 'score lost per lower place; default 2', '名次每低一位减少的分数；默认 2').optional(),
        components: rubricComponents.optional(),
        solo: doc(
          z.enum(['scale', 'rank']),
          'how solo grading (a team alone against the bots) scores each component: scale (default): `first` × the team’s position between the worst and the best shop of its game, so teams far apart get far-apart grades; rank: by place among the shops, as in a class market',
          '单独评分（一个队对阵机器人）时各评分项的计分方式：scale（默认）按该队在本局最差与最好店铺之间的位置折算 `first` 分，差距大的队得分差距也大；rank：按名次计分',
        ).optional(),
        illegalListingPenalty: doc(
          rate(0, 1000),
          'points taken off a graded team’s score for each listing of its submission dropped for an illegal price (the rest of the submission is still played); default 3',
          '提交中每个因违规价格被删除的上架扣除的分数（其余决策照常运行）；默认 3',
        ).optional(),
      }),
      'ranking by owner’s equity: first place and the step between places; optionally weighted components (grading)',
      '按所有者权益排名计分：第一名分数与名次间分差；可选加权评分项（批量评分）',
    ).optional(),
    promotions: promotionRulesSchema.optional(),
    service: serviceRulesSchema.optional(),
    search: searchRulesSchema.optional(),
    customers: customerRulesSchema.optional(),
  }),
  'platform and market rules; every field has a default',
  '平台与市场规则；每一项都有默认值',
);

export const listingDecision = doc(
  z.strictObject({
    city: doc(id, 'city of the listing (a city id)', '上架的城市（城市 id）'),
    product: doc(id, 'product listed (a product id)', '上架的商品（商品 id）'),
    price: doc(yuan(0.01), 'fixed price (一口价), yuan; required unless active is false', '一口价，元；active 为 false 时可不写').optional(),
    shipping: doc(yuan(0, 10_000), 'shipping fee charged to the buyer, yuan; default 0', '向买家收取的运费，元；默认 0').optional(),
    sellerPaysShipping: doc(z.boolean(), 'the shop pays the carrier and the buyer pays no shipping (包邮); default false', '卖家承担运费（包邮），买家运费为 0；默认 false').optional(),
    presale: doc(z.boolean(), 'accept orders against restock still in transit (预售); default false', '允许用在途补货接单（预售）；默认 false').optional(),
    active: doc(z.boolean(), 'false takes the listing down; default true', 'false 表示下架；默认 true').optional(),
  }),
  'a product listed in a city; price + shipping must not exceed reference × (1 + priceFloat)',
  '在某城市上架一件商品；一口价 + 运费不得超过参考价 × (1 + priceFloat)',
);

export const restockDecision = doc(
  z.strictObject({
    city: doc(id, 'city warehouse receiving the goods (a city id)', '收货的城市配送中心（城市 id）'),
    product: doc(id, 'product bought (a product id)', '采购的商品（商品 id）'),
    quantity: doc(int(1, LIMITS.restockQuantity), `units bought at the unit cost (1–${LIMITS.restockQuantity}); what the warehouse cannot hold is not bought`, `按单位成本采购的数量（1–${LIMITS.restockQuantity}）；配送中心放不下的部分不会采购`),
  }),
  'a restock order (补货)',
  '补货订单',
);

export const marketingDecision = doc(
  z.strictObject({
    decoration: doc(yuan(0), 'shop decoration spend, raising the visual value, yuan', '店铺装修投入，提高店铺视觉值，元').optional(),
    media: doc(yuan(0), 'advertising spend, raising media influence, yuan', '广告投入，提高媒体影响力，元').optional(),
    charity: doc(yuan(0), 'social charity spend, yuan', '社会慈善投入，元').optional(),
    iso: doc(z.boolean(), 'buy ISO certification (one-off, rules.isoCost)', '购买 ISO 认证（一次性，费用见 rules.isoCost）').optional(),
    iec: doc(z.boolean(), 'buy IEC mode (one-off, rules.iecCost)', '购买 IEC 模式（一次性，费用见 rules.iecCost）').optional(),
  }),
  'spending on the composite index inputs this round',
  '本期对综合评价指数各项的投入',
);

export const roundDecisionSchema = z.strictObject({
  round: doc(int(1, LIMITS.rounds), 'the round these decisions are for (1 = first)', '决策所属的期数（1 为第一期）'),
  listings: doc(z.array(listingDecision).max(2000), 'listings set this round (others stay as they were)', '本期设置的上架商品（未写的保持不变）').optional(),
  restock: doc(z.array(restockDecision).max(2000), 'restock orders placed this round', '本期下的补货订单').optional(),
  marketing: marketingDecision.optional(),
  promotions: doc(
    z.array(promotionSchema).max(2000),
    'promotion tools in force this round (course §8); each is checked against the platform rules when submitted',
    '本期使用的促销工具（课程 §8）；提交时按平台规则检查',
  ).optional(),
  service: serviceDecisionSchema.optional(),
  search: searchDecisionSchema.optional(),
  memberPoints: memberPointsDecisionSchema.optional(),
});

const schemaRef = doc(z.string().max(500), 'path or URL of the JSON Schema, so that an editor completes and checks the fields', 'JSON Schema 的路径或网址，供编辑器补全和检查字段');

export const decisionsSchema = doc(
  z.strictObject({
    $schema: schemaRef.optional(),
    kind: doc(z.literal('decisions'), 'always "decisions"', '固定为 "decisions"'),
    version: doc(z.literal(1), 'file format version; always 1', '文件格式版本，固定为 1'),
    scenario: doc(id, 'id of the scenario these decisions are for', '决策所针对的场景 id'),
    shop: doc(id, 'id of the shop these decisions are for', '决策所属网店的 id'),
    rounds: doc(z.array(roundDecisionSchema).max(LIMITS.rounds), 'the decisions of each round; a round left out changes nothing', '每期的决策；未写的期不做任何改变'),
  }),
  'a decisions file: what one shop decided for each round',
  '决策文件：一家网店每期的决策',
);

export const controllerPattern = /^(player|bot:[a-z][a-zA-Z0-9]*)$/;

export const shopSchema = doc(
  z.strictObject({
    id: doc(id, 'shop id, unique in the scenario (1–32 letters, digits, _ or -)', '网店 id，在场景中唯一（1–32 个字母、数字、_ 或 -）'),
    name: doc(localText, 'shop name; default its id', '网店名称；默认为其 id').optional(),
    controller: doc(
      z.string().regex(controllerPattern, `must be "player" or "bot:<strategy>" (strategies: ${STRATEGY_NAMES.join(', ')})`),
      `"player" (a student team) or "bot:<strategy>" with strategy one of ${STRATEGY_NAMES.join(', ')}`,
      `"player"（学生团队）或 "bot:<策略>"，策略为 ${STRATEGY_NAMES.join('、')} 之一`,
    ),
    cash: doc(yuan(0), 'starting cash, yuan; default 20000', '初始现金，元；默认 20000').optional(),
    reviewScore: doc(int(-1000, 1000), 'starting product review score of every product; default 5', '每件商品的初始产品评价分；默认 5').optional(),
    stock: doc(
      z.record(
        doc(id, 'city id', '城市 id'),
        doc(z.record(doc(id, 'product id', '商品 id'), doc(int(0, LIMITS.restockQuantity), 'units', '件数')), 'units per product in this city’s warehouse', '该城市配送中心中各商品的件数'),
      ),
      'starting stock: units per city warehouse per product, e.g. {"hz": {"tea": 300}}',
      '初始库存：各城市配送中心各商品的件数，例如 {"hz": {"tea": 300}}',
    ).optional(),
    warehouses: doc(z.array(doc(id, 'city id', '城市 id')).max(LIMITS.cities), 'cities with a warehouse at the start besides those holding stock', '除有库存的城市外，开局即有配送中心的城市').optional(),
    brand: doc(
      z.strictObject({
        visual: doc(rate(0, 1e9), 'starting shop visual value', '初始店铺视觉值').optional(),
        media: doc(rate(0, 1e9), 'starting media influence', '初始媒体影响力').optional(),
        charity: doc(rate(0, 1e9), 'starting social charity', '初始社会慈善值').optional(),
        iso: doc(z.boolean(), 'starts with ISO certification', '开局已有 ISO 认证').optional(),
        iec: doc(z.boolean(), 'starts with IEC mode', '开局已有 IEC 模式').optional(),
      }),
      'composite-index inputs the shop starts with',
      '网店开局时的综合评价指数各项',
    ).optional(),
    titles: doc(
      z.record(doc(id, 'product id', '商品 id'), doc(z.array(doc(z.string().min(1).max(64), 'keyword id', '关键词 id')).max(50), 'title keywords, at most 7 [platform], each from $.keywords', '标题关键词，最多 7 个 [平台规则]，均须来自 $.keywords')),
      'title keywords (SEO) each product\'s listing starts with, e.g. {"tea": ["龙井", "绿茶"]}; a round\'s search.titles replaces them; default none (only a scenario with $.keywords)',
      '各商品开局时的标题关键词（SEO），例如 {"tea": ["龙井", "绿茶"]}；某期决策中的 search.titles 会替换它；默认无（仅用于有 $.keywords 的场景）',
    ).optional(),
    decisions: doc(z.array(roundDecisionSchema).max(LIMITS.rounds), 'rounds played by a "bot:fixed" shop, each with the fields of a decisions file’s rounds (see $.rounds[] of the decisions file); only for bot:fixed', '"bot:fixed" 网店每期执行的决策，字段与决策文件的 rounds 相同（见决策文件的 $.rounds[]）；仅用于 bot:fixed').optional(),
  }),
  'a shop (网店) run by a student team or a bot',
  '由学生团队或机器人经营的网店',
);

const absoluteTick = (en: string, zh: string) =>
  doc(int(1, LIMITS.rounds * LIMITS.ticksPerRound), `${en}, counted from the game's first tick (tick 1 = day 1 of round 1)`, `${zh}，从游戏第一天算起（第 1 天为第 1 期第 1 天）`);

export const scenarioSchema = doc(
  z.strictObject({
    $schema: schemaRef.optional(),
    kind: doc(z.literal('scenario'), 'always "scenario"', '固定为 "scenario"'),
    version: doc(z.literal(1), 'file format version; always 1', '文件格式版本，固定为 1'),
    id: doc(id, 'scenario id (1–32 letters, digits, _ or -); decisions files name it', '场景 id（1–32 个字母、数字、_ 或 -），决策文件用它指明场景'),
    name: doc(localText, 'scenario name shown to students', '向学生显示的场景名称'),
    description: doc(
      z.strictObject({
        zh: doc(text(2000), 'Chinese text (1–2000 characters)', '中文文字（1–2000 个字符）'),
        en: doc(text(2000), 'English text (1–2000 characters)', '英文文字（1–2000 个字符）'),
      }),
      'what the scenario teaches (the lesson), in Chinese and English, shown before the game',
      '场景的教学目标（本课要点），中英文，开局前显示',
    ).optional(),
    seed: doc(int(0, 2 ** 31 - 1), 'seed of every random draw; default 1', '所有随机抽取的种子；默认 1').optional(),
    rounds: doc(int(1, LIMITS.rounds), 'rounds (期) in a game; default 6', '一局的期数；默认 6').optional(),
    ticksPerRound: doc(int(1, LIMITS.ticksPerRound), 'ticks (simulated days) per round; default 30', '每期的天数（tick）；默认 30').optional(),
    rules: rulesSchema.optional(),
    keywords: doc(
      z.array(keywordSchema).max(100),
      'search keywords with their volume per city and relevance per product (数据魔方); absent: one keyword per product, its own id, in every title',
      '搜索关键词及其各城市搜索量与各商品相关性（数据魔方）；不写则每件商品一个关键词（即商品 id），且每个标题都含它',
    ).optional(),
    cities: doc(
      z
        .array(
          doc(
            z.strictObject({
              id: doc(id, 'city id, unique in the scenario', '城市 id，在场景中唯一'),
              name: doc(localText, 'city name', '城市名称'),
            }),
            'a city (城市) with its own market and warehouses',
            '一个城市，有自己的市场和配送中心',
          ),
        )
        .min(1, `must have from 1 to ${LIMITS.cities} items`)
        .max(LIMITS.cities, `must have from 1 to ${LIMITS.cities} items`),
      `the cities (1–${LIMITS.cities})`,
      `城市列表（1–${LIMITS.cities} 个）`,
    ),
    routes: doc(
      z
        .array(
          doc(
            z.strictObject({
              from: doc(id, 'warehouse city (a city id)', '发货城市（城市 id）'),
              to: doc(id, 'buyer city (a city id)', '收货城市（城市 id）'),
              ticks: doc(int(0, 30), 'delivery ticks on this route', '该线路的配送天数').optional(),
              fee: doc(yuan(0, 10_000), 'carrier fee per order on this route, yuan', '该线路每单物流费，元').optional(),
            }),
            'one direction between two cities',
            '两城之间的一个方向',
          ),
        )
        .max(400),
      'delivery ticks and carrier fee from one city to another, overriding rules.carrier; each pair at most once',
      '城市间的配送天数与物流费，覆盖 rules.carrier；每对城市最多写一次',
    ).optional(),
    products: doc(
      z
        .array(
          doc(
            z.strictObject({
              id: doc(id, 'product id, unique in the scenario', '商品 id，在场景中唯一'),
              name: doc(localText, 'product name', '商品名称'),
              unitCost: doc(yuan(0.01), 'cost of one unit when restocking, yuan', '补货时每件的成本，元'),
              volume: doc(rate(0.01, 1000), 'volume units per item (warehouse space, carrier fee); default 1', '每件的体积单位（占用仓容、影响物流费）；默认 1').optional(),
              referencePrice: doc(
                z.record(doc(id, 'city id', '城市 id'), doc(yuan(0.01), 'reference price in that city, yuan', '该城市的参考价，元')),
                'market reference price (市场参考价) per city, yuan, e.g. {"hz": 50}; needed in every city with demand for the product',
                '各城市的市场参考价，元，例如 {"hz": 50}；有该商品需求的城市都必须给出',
              ),
              quality: doc(
                rate(0, 1),
                'how well the product matches its description, 0–1: below 1 buyers ask for more refunds and rate the description lower (rules.service.refund, rules.rating.description); default 1',
                '商品与描述的相符程度（0–1）：低于 1 时退款更多、描述相符评分更低（见 rules.service.refund、rules.rating.description）；默认 1',
              ).optional(),
              priceTrend: doc(
                z.array(rate(0.1, 10)).max(LIMITS.rounds),
                'reference price multiplier per round (0.1–10), one per round; default 1 for every round',
                '每期参考价的乘数（0.1–10），每期一个；默认每期为 1',
              ).optional(),
            }),
            'a product (商品)',
            '一件商品',
          ),
        )
        .min(1, `must have from 1 to ${LIMITS.products} items`)
        .max(LIMITS.products, `must have from 1 to ${LIMITS.products} items`),
      `the products (1–${LIMITS.products})`,
      `商品列表（1–${LIMITS.products} 个）`,
    ),
    demand: doc(
      z
        .array(
          doc(
            z.strictObject({
              city: doc(id, 'city of the buyers (a city id)', '买家所在城市（城市 id）'),
              product: doc(id, 'product wanted (a product id)', '想买的商品（商品 id）'),
              perRound: crowdCounts,
              quantity: doc(
                z
                  .array(
                    doc(
                      z.strictObject({
                        quantity: doc(int(1, LIMITS.quantity), `units wanted (1–${LIMITS.quantity})`, `想买的件数（1–${LIMITS.quantity}）`),
                        weight: doc(rate(0, 1), 'share of buyers wanting this quantity (0–1)', '想买这一件数的买家比例（0–1）'),
                      }),
                      'one quantity and its share',
                      '一个件数及其比例',
                    ),
                  )
                  .min(1)
                  .max(20),
                'distribution of the quantity a buyer wants; weights must sum to 1, each quantity once; default always 1',
                '买家想买件数的分布；比例合计必须为 1，每个件数只写一次；默认都为 1 件',
              ).optional(),
              deadlineTicks: doc(int(1, 60), 'ticks a buyer waits for delivery before the order is a breach; default 5', '买家等待送达的天数，超过即为违约；默认 5').optional(),
            }),
            'demand for one product in one city',
            '一个城市对一件商品的需求',
          ),
        )
        .max(LIMITS.cities * LIMITS.products),
      'published demand (数据魔方) per city × product; each pair at most once',
      '各城市 × 商品的公布需求（数据魔方）；每对最多写一次',
    ),
    events: doc(
      z
        .array(
          doc(
            z.strictObject({
              name: doc(localText, 'event name, e.g. Double 11 (双十一)', '事件名称，例如双十一').optional(),
              fromTick: absoluteTick('first tick of the event', '事件开始的天数'),
              toTick: absoluteTick('last tick of the event (≥ fromTick)', '事件结束的天数（≥ fromTick）'),
              multiplier: doc(rate(0, 100), 'demand multiplier on those ticks (0–100; 0 closes the market)', '这些天需求的乘数（0–100；0 表示无需求）'),
              cities: doc(z.array(doc(id, 'city id', '城市 id')).max(LIMITS.cities), 'cities affected; default all', '受影响的城市；默认全部').optional(),
              products: doc(z.array(doc(id, 'product id', '商品 id')).max(LIMITS.products), 'products affected; default all', '受影响的商品；默认全部').optional(),
              crowds: doc(
                z.array(z.enum(['brandLoyal', 'lowPrice', 'composite', 'hesitant'])).max(4),
                'crowds affected (brandLoyal, lowPrice, composite, hesitant); default all',
                '受影响的人群（brandLoyal、lowPrice、composite、hesitant）；默认全部',
              ).optional(),
            }),
            'a demand event',
            '一个需求事件',
          ),
        )
        .max(LIMITS.events),
      'demand multipliers on given ticks (a festival such as Double 11, 双十一); overlapping events multiply',
      '指定天数的需求乘数（如双十一大促）；重叠的事件相乘',
    ).optional(),
    shops: doc(
      z.array(shopSchema).min(1, `must have from 1 to ${LIMITS.shops} items`).max(LIMITS.shops, `must have from 1 to ${LIMITS.shops} items`),
      `the shops (1–${LIMITS.shops}), student teams and bots`,
      `网店列表（1–${LIMITS.shops} 家），学生团队与机器人`,
    ),
  }),
  'a shopsim scenario: the market, the platform rules and the shops',
  'shopsim 场景：市场、平台规则与网店',
);

export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type DecisionsFile = z.infer<typeof decisionsSchema>;
export type RoundDecisionFile = z.infer<typeof roundDecisionSchema>;
export type ListingDecisionFile = z.infer<typeof listingDecision>;
