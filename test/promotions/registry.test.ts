/**
 * One room per tool: every list of promotion tools (the engine's types, the decisions file's zod
 * union, the numbered rule table, the tools' settings in rules.promotions, the browser's form
 * list, the Result's labels, the UI's names) is
 * generated from the registry in `src/engine/promotions/tools/`, so that a new tool is one module.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROMOTION_RULES, PROMOTION_RULES, PROMOTION_TOOL_LIST, PROMOTION_TYPES } from '../../src/engine';
import { builtinScenario } from '../../src/scenario/builtin';
import { loadScenario } from '../../src/scenario/load';
import { PROMOTION_TOOLS, promotionRulesSchema, promotionSchema } from '../../src/scenario/promotions';
import { promotionLabel } from '../../src/sim/promotions';
import { defaultValues, promotionTypes } from '../../src/ui/promotionForms';
import { setLang, toolName } from '../../src/ui/i18n';

// i18n sets <html lang>; a stand-in document is enough here.
(globalThis as { document?: unknown }).document ??= { documentElement: {} };
const setLangForTest = setLang;

const root = join(import.meta.dirname, '..', '..');
const COURSE_ORDER = ['limitedDiscount', 'spendReward', 'bundle', 'buyMoreDiscount', 'coupon', 'groupBuy', 'flashSale', 'memberDay'];

describe('the promotion tool registry', () => {
  it('should hold one module per tool, in the course order (§8.1–8.8)', () => {
    const files = readdirSync(join(root, 'src', 'engine', 'promotions', 'tools')).filter((f) => f !== 'index.ts');
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...COURSE_ORDER].sort());
    expect(PROMOTION_TOOL_LIST.map((t) => t.type)).toEqual(COURSE_ORDER);
    expect([...PROMOTION_TYPES]).toEqual(COURSE_ORDER);
  });

  it('should make the decisions file’s union of the tools’ own schemas', () => {
    const options = (promotionSchema as unknown as { options: unknown[] }).options;
    expect(options).toEqual(PROMOTION_TOOL_LIST.map((t) => t.schema));
    const res = promotionSchema.safeParse({ type: 'advertising' });
    expect(res.success).toBe(false);
  });

  it('should number each tool’s rules 8.k (k its place in the course) and the shared ones 8.0, each number once', () => {
    const nos = PROMOTION_RULES.map((r) => r.no);
    expect(new Set(nos).size).toBe(nos.length);
    PROMOTION_TOOL_LIST.forEach((tool, k) => {
      expect(tool.rules.length).toBeGreaterThan(0);
      for (const r of tool.rules) expect(r.no.startsWith(`8.${k + 1}`)).toBe(true);
      expect(PROMOTION_RULES.filter((r) => r.tool === tool.type).map((r) => r.no)).toEqual(tool.rules.map((r) => r.no));
    });
    expect(PROMOTION_RULES.filter((r) => r.tool === 'all').map((r) => r.no)).toEqual(['8.0a', '8.0b']);
  });

  it('should take rules.promotions from the settings several tools share and each tool’s own, each name once, each with its default', () => {
    const own = PROMOTION_TOOL_LIST.flatMap((t) => Object.keys(t.settings ?? {}).map((k) => `${t.type}.${k}`));
    expect(own).toEqual(['bundle.bundleUptake', 'coupon.couponReturnProbability', 'groupBuy.groupBuyFloat', 'memberDay.memberDayReturnBoost']);
    const shape = Object.keys((promotionRulesSchema as unknown as { shape: object }).shape);
    expect(shape).toEqual(['upgradeReach', 'upgradeReachUnits', 'upgradeProbability', 'upgradeMinSaving', 'urgency', 'bundleUptake', 'couponReturnProbability', 'groupBuyFloat', 'memberDayReturnBoost']);
    expect(Object.keys(DEFAULT_PROMOTION_RULES)).toEqual(shape);
    expect({ ...DEFAULT_PROMOTION_RULES }).toEqual({ upgradeReach: 0.8, upgradeReachUnits: 2, upgradeProbability: 0.5, upgradeMinSaving: 0.05, urgency: 0.2, bundleUptake: 2, couponReturnProbability: 0.3, groupBuyFloat: 0, memberDayReturnBoost: 0.5 });
    for (const t of PROMOTION_TOOL_LIST) for (const [k, s] of Object.entries(t.settings ?? {}) as [string, { default: number }][]) expect(promotionRulesSchema.safeParse({ [k]: s.default }).success, k).toBe(true);
  });

  it('should name every rule number in the README’s promotion table', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const r of PROMOTION_RULES) expect(readme, r.no).toContain(r.no);
  });

  it('should offer every tool in the browser’s form, in the same order, with the tool’s defaults', () => {
    const world = loadScenario(builtinScenario());
    if (!world.ok) throw new Error('builtin scenario');
    expect(promotionTypes().map((t) => t.type)).toEqual(COURSE_ORDER);
    expect(PROMOTION_TOOLS.map((t) => t.type)).toEqual(COURSE_ORDER);
    for (const type of promotionTypes()) {
      const tool = PROMOTION_TOOL_LIST.find((t) => t.type === type.type)!;
      expect(defaultValues(type, world.value)).toMatchObject(tool.formDefaults(world.value));
    }
  });

  it('should give every tool a name in both languages and a label (limitedDiscount: "tea@hz ×0.9 ticks 1–10")', () => {
    setLangForTest('zh');
    expect(PROMOTION_TOOL_LIST.map((t) => toolName(t.type))).toEqual(['限时折扣', '满就送/满减', '搭配套餐', '多买折扣', '店铺优惠券', '团购', '秒杀', '会员日']);
    setLangForTest('en');
    expect(toolName('limitedDiscount')).toBe('Limited-time discount');
    const world = loadScenario(builtinScenario());
    if (!world.ok) throw new Error('builtin scenario');
    const w = world.value;
    const label = promotionLabel(w, { type: 'limitedDiscount', product: 0, city: 0, rate: 0.9, fromTick: 1, toTick: 10 });
    expect(label).toBe(`${w.products[0]!.id}@${w.cities[0]!.id} ×0.9 ticks 1–10`);
  });
});
