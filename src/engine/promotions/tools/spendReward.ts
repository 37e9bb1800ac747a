/** 满就送/满减 spend-threshold reward: an order whose goods reach a threshold gets that tier's amount off. */
import { z } from 'zod';
import { formatYuan, yuanToFen } from '../../money';
import { defineTool, doc, IN_FORCE, inForce, money, spanLabel, ticks, type TickSpan } from '../tool';

export interface SpendTier {
  thresholdFen: number;
  offFen: number;
}

/** The highest tier reached applies. */
export interface SpendReward extends TickSpan {
  type: 'spendReward';
  /** thresholds rising */
  tiers: SpendTier[];
}

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

export const spendReward = defineTool<SpendReward, typeof spendRewardSchema, '8.2a' | '8.2b' | '8.2c'>({
  type: 'spendReward',
  name: { zh: '满就送/满减', en: 'spend-threshold reward' },
  schema: spendRewardSchema,
  rules: [
    { no: '8.2a', en: '1 to 3 tiers', zh: '1–3 档' },
    { no: '8.2b', en: 'thresholds rising', zh: '门槛逐档递增' },
    { no: '8.2c', en: '0.01 ≤ amount off ≤ threshold − 1.00 yuan', zh: '0.01 ≤ 减免金额 ≤ 门槛 − 1.00 元' },
  ],
  fromFile: (f, cx) => ({ type: f.type, tiers: f.tiers.map((t) => ({ thresholdFen: yuanToFen(t.threshold), offFen: yuanToFen(t.off) })), ...cx.span(f) }),
  check(pr, cx) {
    if (pr.tiers.length < 1 || pr.tiers.length > 3) {
      cx.rule('.tiers', '8.2a', `a spend reward has 1 to 3 tiers, got ${pr.tiers.length}`, `满减有 1 到 3 档，现为 ${pr.tiers.length} 档`);
      return;
    }
    pr.tiers.forEach((t, j) => {
      const tp = `.tiers[${j}]`;
      const prev = pr.tiers[j - 1];
      if (prev && t.thresholdFen <= prev.thresholdFen) {
        cx.rule(
          `${tp}.threshold`,
          '8.2b',
          `threshold ${formatYuan(t.thresholdFen)} must be above the previous tier's ${formatYuan(prev.thresholdFen)}`,
          `门槛 ${formatYuan(t.thresholdFen)} 元必须高于上一档的 ${formatYuan(prev.thresholdFen)} 元`,
        );
      }
      if (t.offFen < 1 || t.offFen > t.thresholdFen - 100) {
        const most = formatYuan(Math.max(0, t.thresholdFen - 100));
        cx.rule(
          `${tp}.off`,
          '8.2c',
          `off must be 0.01–${most} for threshold ${formatYuan(t.thresholdFen)}, got ${formatYuan(t.offFen)}`,
          `门槛 ${formatYuan(t.thresholdFen)} 元的减免金额必须是 0.01–${most} 元，现为 ${formatYuan(t.offFen)} 元`,
        );
      }
    });
  },
  applies: () => ({ city: null, product: null }),
  quantity: () => 0,
  offer(op, pr, i, cx) {
    // The first spend reward in force applies (a shop lists its tiers in one).
    if (!inForce(pr, cx.tickInRound) || op.spendPromo >= 0) return 0;
    op.spendPromo = i;
    op.spendTiers = pr.tiers;
    return IN_FORCE;
  },
  label: (pr) => `${pr.tiers.map((t) => `${formatYuan(t.thresholdFen)}−${formatYuan(t.offFen)}`).join(', ')}${spanLabel(pr)}`,
  formDefaults: () => ({ tiers: '[{"threshold": 100, "off": 8}]' }),
});
