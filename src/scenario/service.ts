/**
 * Customer service (客服, course §5) in the file formats: `rules.service` of a scenario and the
 * `service` key of a round's decisions (contracts.md, "Wave 2 additions"), with their defaults and
 * the checks that need the scenario (a gift's product, a scenario without service).
 */
import { z } from 'zod';
import type { RoundDecision, ServiceRules, World } from '../engine/model';
import { yuanToFen } from '../engine/money';
import { doc } from './describe';
import { int, rate, yuan } from './fields';
import { problem, type Problem } from './problems';


export const DEFAULT_SERVICE = {
  wage: 800,
  inquiryShare: 0.2,
  afterSalesShare: 0.3,
  capacityPerAgent: 30,
  maxResponseTicks: 3,
  responseConversion: 0.5,
  ratingPerResponseTick: 1,
  giftLift: 0.5,
  refund: { base: 0.02, perQualityGap: 0.3, perSlowTick: 0.02 },
  amendInquiries: 10,
  startAgents: 1,
} as const;

export const serviceRulesSchema = doc(
  z.strictObject({
    wage: doc(yuan(0, 1_000_000), `wage of one agent per round, yuan; default ${DEFAULT_SERVICE.wage}`, `每名客服每期的工资，元；默认 ${DEFAULT_SERVICE.wage}`).optional(),
    inquiryShare: doc(rate(0, 1), `share of visits that ask a question before buying; default ${DEFAULT_SERVICE.inquiryShare}`, `购买前咨询客服的访客比例；默认 ${DEFAULT_SERVICE.inquiryShare}`).optional(),
    afterSalesShare: doc(rate(0, 1), `share of delivered orders that contact after-sales (where is my parcel, complaint); every refund request does too; default ${DEFAULT_SERVICE.afterSalesShare}`, `已送达订单中联系售后（查物流、投诉）的比例；每个退款申请也算一次；默认 ${DEFAULT_SERVICE.afterSalesShare}`).optional(),
    capacityPerAgent: doc(int(1, 100_000), `inquiries one agent answers per tick; default ${DEFAULT_SERVICE.capacityPerAgent}`, `每名客服每天能回复的咨询数；默认 ${DEFAULT_SERVICE.capacityPerAgent}`).optional(),
    maxResponseTicks: doc(rate(0.1, 30), `longest response time in ticks; inquiries waiting longer give up (and with no agents every inquiry waits this long); default ${DEFAULT_SERVICE.maxResponseTicks}`, `最长响应时间（天）；等得更久的咨询会放弃（没有客服时每条咨询都等这么久）；默认 ${DEFAULT_SERVICE.maxResponseTicks}`).optional(),
    responseConversion: doc(rate(0, 100), `slow answers lose buyers: hesitant and composite conversion × 1 / (1 + this × response ticks); default ${DEFAULT_SERVICE.responseConversion}`, `回复慢会流失买家：犹豫型与综合评价型买家的转化率 × 1 / (1 + 此值 × 响应天数)；默认 ${DEFAULT_SERVICE.responseConversion}`).optional(),
    ratingPerResponseTick: doc(rate(0, 5), `service rating (服务态度) lost per tick of response time beyond the first (an answer within the day costs nothing); default ${DEFAULT_SERVICE.ratingPerResponseTick}`, `响应时间超过一天后每多一天，服务态度评分降低的分数（当天回复不扣分）；默认 ${DEFAULT_SERVICE.ratingPerResponseTick}`).optional(),
    giftLift: doc(rate(0, 5), `rating added by a surprise gift (not announced in the listing); a promised gift adds nothing; default ${DEFAULT_SERVICE.giftLift}`, `意外赠品（未在商品页承诺）提高的评分；事先承诺的赠品不加分；默认 ${DEFAULT_SERVICE.giftLift}`).optional(),
    refund: doc(
      z.strictObject({
        base: doc(rate(0, 1), `chance a delivered order asks for a refund; default ${DEFAULT_SERVICE.refund.base}`, `已送达订单申请退款的基础概率；默认 ${DEFAULT_SERVICE.refund.base}`).optional(),
        perQualityGap: doc(rate(0, 1), `added × (1 − product quality); default ${DEFAULT_SERVICE.refund.perQualityGap}`, `再加上此值 × (1 − 商品质量)；默认 ${DEFAULT_SERVICE.refund.perQualityGap}`).optional(),
        perSlowTick: doc(rate(0, 1), `added per tick of delivery beyond the next day; default ${DEFAULT_SERVICE.refund.perSlowTick}`, `送达比次日每晚一天再加上此值；默认 ${DEFAULT_SERVICE.refund.perSlowTick}`).optional(),
      }),
      'refund requests (退款): a refunded order is returned, its money paid back and its goods put back in the warehouse they left (the carrier fee stays spent)',
      '退款申请：退款订单退货退款，货物回到发货的配送中心（物流费不退）',
    ).optional(),
    amendInquiries: doc(rate(0, 100_000), `agent time, in inquiries, to guide one buyer to amend a bad review, which clears a negative tag early (spare capacity only; 0: never); default ${DEFAULT_SERVICE.amendInquiries}`, `引导一位买家修改差评所需的客服时间（以咨询数计），可提前消除一个负面标签（只用空闲客服时间；0 表示不做）；默认 ${DEFAULT_SERVICE.amendInquiries}`).optional(),
    startAgents: doc(int(0, 1000), `agents a shop has before its first service decision; default ${DEFAULT_SERVICE.startAgents}`, `网店做出第一次客服决策前的客服人数；默认 ${DEFAULT_SERVICE.startAgents}`).optional(),
  }),
  'customer service (客服): agents, inquiries, response time, refunds and bad-review handling; absent: service is not simulated (instant answers, no wages, no refunds), as in scenarios written before it existed',
  '客户服务：客服人数、咨询量、响应时间、退款与差评处理；不写则不模拟客服（即时回复、无工资、无退款），与旧场景一致',
);

export type ServiceRulesFile = z.infer<typeof serviceRulesSchema>;

export function serviceRulesFrom(r: ServiceRulesFile | undefined): ServiceRules | null {
  if (r === undefined) return null;
  const d = DEFAULT_SERVICE;
  return {
    wageFen: yuanToFen(r.wage ?? d.wage),
    inquiryShare: r.inquiryShare ?? d.inquiryShare,
    afterSalesShare: r.afterSalesShare ?? d.afterSalesShare,
    capacityPerAgent: r.capacityPerAgent ?? d.capacityPerAgent,
    maxResponseTicks: r.maxResponseTicks ?? d.maxResponseTicks,
    responseConversion: r.responseConversion ?? d.responseConversion,
    ratingPerResponseTick: r.ratingPerResponseTick ?? d.ratingPerResponseTick,
    giftLift: r.giftLift ?? d.giftLift,
    refundBase: r.refund?.base ?? d.refund.base,
    refundPerQualityGap: r.refund?.perQualityGap ?? d.refund.perQualityGap,
    refundPerSlowTick: r.refund?.perSlowTick ?? d.refund.perSlowTick,
    amendInquiries: r.amendInquiries ?? d.amendInquiries,
    startAgents: r.startAgents ?? d.startAgents,
  };
}

export const serviceDecisionSchema = doc(
  z.strictObject({
    agents: doc(int(0, 1000), 'customer-service agents staffed from this round on (0–1000); each is paid rules.service.wage per round', '本期起配置的客服人数（0–1000）；每人每期工资见 rules.service.wage').optional(),
    surpriseGift: doc(
      z
        .strictObject({
          product: doc(z.string(), 'product whose orders get the gift (a product id)', '随哪件商品的订单赠送（商品 id）'),
          unitCost: doc(yuan(0.01, 10_000), 'cost of one gift, yuan (a cost of the shop, per delivered order)', '每份赠品的成本，元（按送达订单计入网店成本）'),
          announced: doc(z.boolean(), 'true: promised in the listing, so it lifts no rating (course: only a surprise does); default false', 'true 表示在商品页事先承诺，不会提高评分（课程：只有意外惊喜才加分）；默认 false').optional(),
        })
        .nullable(),
      'a small gift in every delivered order of a product, from this round on; null stops it',
      '本期起随某商品的每个送达订单附赠小礼品；null 表示停止',
    ).optional(),
  }),
  'customer service (客服) this round; a field left out keeps last round’s',
  '本期的客户服务决策；未写的字段保持上一期的设置',
);

export type ServiceDecisionFile = z.infer<typeof serviceDecisionSchema>;

/** The service decision of a round in engine terms, or problems naming the field and the rule. */
export function serviceOfRound(
  d: ServiceDecisionFile,
  path: string,
  world: { service: boolean; productIx: Map<string, number> },
  problems: Problem[],
): RoundDecision['service'] {
  if (!world.service) {
    problems.push(
      problem(
        path,
        'this scenario does not simulate customer service (it has no rules.service), so a round cannot staff agents or give gifts',
        '本场景不模拟客户服务（没有 rules.service），不能配置客服或赠品',
      ),
    );
    return undefined;
  }
  const out: NonNullable<RoundDecision['service']> = {};
  if (d.agents !== undefined) out.agents = d.agents;
  if (d.surpriseGift === null) out.surpriseGift = null;
  else if (d.surpriseGift !== undefined) {
    const g = d.surpriseGift;
    const p = world.productIx.get(g.product);
    if (p === undefined) {
      const known = [...world.productIx.keys()].join(', ');
      problems.push(problem(`${path}.surpriseGift.product`, `unknown product "${g.product}" (known: ${known})`, `未知的商品 "${g.product}"（已有：${known}）`));
      return undefined;
    }
    out.surpriseGift = { product: p, unitCostFen: yuanToFen(g.unitCost), announced: g.announced ?? false };
  }
  return out;
}

export function hasService(world: Pick<World, 'rules'>): boolean {
  return world.rules.service !== null;
}

export const DEFAULT_CUSTOMERS = { sleepingTicks: 60, loyalPurchases: 3, poolRounds: 2, couponReach: 0.3, pointsMaxRate: 0.1, pointsRedeemShare: 0.5, pointsPull: 2 } as const;

export const customerRulesSchema = doc(
  z.strictObject({
    sleepingTicks: doc(int(1, 1440), `ticks without buying at a shop after which its customer is sleeping (沉睡客户); default ${DEFAULT_CUSTOMERS.sleepingTicks}`, `在某店多少天未购买后成为该店的沉睡客户；默认 ${DEFAULT_CUSTOMERS.sleepingTicks}`).optional(),
    loyalPurchases: doc(int(2, 1000), `purchases at a shop from which its customer is loyal (忠诚客户); from 2 up to this less one they are repeat customers (复购客户); default ${DEFAULT_CUSTOMERS.loyalPurchases}`, `在某店购买达到此次数即为忠诚客户；2 次到此值减 1 次为复购客户；默认 ${DEFAULT_CUSTOMERS.loyalPurchases}`).optional(),
    poolRounds: doc(rate(0.1, 20), `each city has this many rounds' worth of its published buyers as customers, so a customer comes about once in this many rounds (more: fewer chance repurchases); default ${DEFAULT_CUSTOMERS.poolRounds}`, `每个城市的客户人数为其每期公布买家数的这么多倍，即一位客户大约每这么多期来一次（越大，偶然复购越少）；默认 ${DEFAULT_CUSTOMERS.poolRounds}`).optional(),
    couponReach: doc(rate(0, 1), `share of a group of the shop’s customers (new, repeat, loyal, sleeping) that a coupon aimed at them brings back to the shop during the coupon’s ticks, up to its quantity; default ${DEFAULT_CUSTOMERS.couponReach}`, `发给本店某类客户（新客户、复购、忠诚、沉睡）的优惠券在有效期内带回店里的客户比例，以优惠券张数为限；默认 ${DEFAULT_CUSTOMERS.couponReach}`).optional(),
    pointsMaxRate: doc(rate(0, 1), `member points (会员积分): the highest share of an order's value a shop may give back as points (memberPoints.rate) [platform]; default ${DEFAULT_CUSTOMERS.pointsMaxRate}`, `会员积分：网店可按订单金额返还积分的最高比例（memberPoints.rate 的上限）[平台规则]；默认 ${DEFAULT_CUSTOMERS.pointsMaxRate}`).optional(),
    pointsRedeemShare: doc(rate(0, 1), `the most of an order's goods value a customer's points at the shop may pay (1 point = 0.01 yuan); default ${DEFAULT_CUSTOMERS.pointsRedeemShare}`, `客户在该店的积分最多可抵扣订单商品金额的比例（1 积分 = 0.01 元）；默认 ${DEFAULT_CUSTOMERS.pointsRedeemShare}`).optional(),
    pointsPull: doc(rate(0, 100), `a customer holding points comes back to that shop first with chance min(1, this × the share of its order the points pay): with ${DEFAULT_CUSTOMERS.pointsPull}, points worth 5% of the order bring it back 1 time in 10, 50% (the most they can pay by default) always (a teaching value: the course says points reward members, not how strongly); default ${DEFAULT_CUSTOMERS.pointsPull}`, `持有积分的客户优先回到该店的概率为 min(1, 此值 × 积分可抵扣的订单比例)：取 ${DEFAULT_CUSTOMERS.pointsPull} 时，积分值订单 5% 的客户每 10 次回来 1 次，达到 50%（默认最多可抵扣的比例）则每次都回来（教学取值：课程只说积分回馈会员，未给出强弱）；默认 ${DEFAULT_CUSTOMERS.pointsPull}`).optional(),
  }),
  'customers and their lifecycle per shop (客户关系管理): visitor → potential → new → repeat → loyal, sleeping after a while without buying; every field has a default',
  '客户及其在各店的生命周期（客户关系管理）：访客 → 潜在客户 → 新客户 → 复购客户 → 忠诚客户，久未购买则沉睡；每一项都有默认值',
);

export type CustomerRulesFile = z.infer<typeof customerRulesSchema>;

export function customerRulesFrom(r: CustomerRulesFile | undefined): World['rules']['customers'] {
  return {
    sleepingTicks: r?.sleepingTicks ?? DEFAULT_CUSTOMERS.sleepingTicks,
    loyalPurchases: r?.loyalPurchases ?? DEFAULT_CUSTOMERS.loyalPurchases,
    poolRounds: r?.poolRounds ?? DEFAULT_CUSTOMERS.poolRounds,
    couponReach: r?.couponReach ?? DEFAULT_CUSTOMERS.couponReach,
    pointsMaxRate: r?.pointsMaxRate ?? DEFAULT_CUSTOMERS.pointsMaxRate,
    pointsRedeemShare: r?.pointsRedeemShare ?? DEFAULT_CUSTOMERS.pointsRedeemShare,
    pointsPull: r?.pointsPull ?? DEFAULT_CUSTOMERS.pointsPull,
  };
}

export const memberPointsDecisionSchema = doc(
  z.strictObject({
    rate: doc(
      z.number(),
      'share of each order\'s value (what the goods cost the buyer) given back to the buyer as points at this shop, from this round on: 0 up to rules.customers.pointsMaxRate (default 0.1), at most 3 decimals; 0 stops giving points (points held stay good)',
      '本期起按每笔订单金额（买家为商品实付的金额）返还给买家的本店积分比例：0 到 rules.customers.pointsMaxRate（默认 0.1），最多三位小数；0 表示停止发放（已有积分仍可使用）',
    ),
  }),
  'member points (会员积分) this round: the shop\'s customers earn points with each order and redeem them on a later order here (a price cut only for them, at most rules.customers.pointsRedeemShare of the goods), which brings them back; redeemed points are a promotion cost and retention spend; absent: as last round',
  '本期的会员积分：本店客户每笔订单获得积分，下次在本店购买时抵扣（只对他们降价，最多抵扣商品金额的 rules.customers.pointsRedeemShare），吸引他们回来；抵扣的积分计入促销成本和老客户维系投入；不写则沿用上一期',
);

export type MemberPointsDecisionFile = z.infer<typeof memberPointsDecisionSchema>;

/** The member-points decision of a round in engine terms, or a problem naming the field and the rule. */
export function memberPointsOfRound(d: MemberPointsDecisionFile, path: string, rules: World['rules']['customers'], problems: Problem[]): RoundDecision['memberPoints'] {
  const max = rules.pointsMaxRate;
  if (!(d.rate >= 0) || d.rate > max || Math.abs(d.rate * 1000 - Math.round(d.rate * 1000)) > 1e-6) {
    problems.push(
      problem(
        `${path}.rate`,
        `points rate ${d.rate} must be from 0 to ${max} (rules.customers.pointsMaxRate: the most of an order's value a shop may give back as points), with at most 3 decimals`,
        `积分返还比例 ${d.rate} 必须在 0 到 ${max} 之间（rules.customers.pointsMaxRate：网店最多可按订单金额返还积分的比例），且最多三位小数`,
      ),
    );
    return undefined;
  }
  return { rate: d.rate };
}
