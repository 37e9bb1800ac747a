/**
 * The registry of promotion tools, in the course's order (§8). Everything that lists the tools is
 * generated from here: the engine's `Promotion` union and `PROMOTION_TYPES`, the decisions file's
 * zod union, the numbered rule table, the tools' settings in the scenario's `rules.promotions`, the
 * browser's form list and the Result's labels. A new tool is one module in this folder plus its
 * line below (test/promotions/ninth-tool.test.ts adds one to a copy of the sources).
 */
import type { z } from 'zod';
import { COMMON_RULES, type PromotionRule, type PromotionTool, type ToolSetting } from '../tool';
import type { PromotionRules } from '../types';
import { bundle } from './bundle';
import { buyMoreDiscount } from './buyMoreDiscount';
import { coupon } from './coupon';
import { flashSale } from './flashSale';
import { groupBuy } from './groupBuy';
import { limitedDiscount } from './limitedDiscount';
import { memberDay } from './memberDay';
import { spendReward } from './spendReward';

export const TOOL_LIST = [limitedDiscount, spendReward, bundle, buyMoreDiscount, coupon, groupBuy, flashSale, memberDay] as const;

type Tools = (typeof TOOL_LIST)[number];
/** A promotion in the engine's form: indices instead of ids, fen instead of yuan, defaults filled. */
export type Promotion = Tools extends infer T ? (T extends PromotionTool<infer E, infer _F, infer _N, infer _K> ? E : never) : never;
/** A promotion as a decisions file writes it (ids, yuan, optional fields). */
export type PromotionFileOf = Tools extends infer T ? (T extends PromotionTool<infer _E, infer S, infer _N, infer _K> ? z.output<S> : never) : never;
/** The names of the tools' settings in the scenario's rules.promotions. */
export type ToolSettingName = Tools extends infer T ? (T extends PromotionTool<infer _E, infer _F, infer _N, infer K> ? K : never) : never;
/** The tools' settings, with their values filled. */
export type ToolSettings = { [key in ToolSettingName]: number };
/** The tools' schemas, as a tuple for zod's discriminated union. */
export const TOOL_SCHEMAS = TOOL_LIST.map((t) => t.schema) as unknown as readonly [Tools['schema'], ...Tools['schema'][]];
export type PromotionType = Promotion['type'];

export const PROMOTION_TYPES = TOOL_LIST.map((t) => t.type) as readonly PromotionType[];

/** Loosely typed access by type (a tool's methods take its own promotion). */
export function toolOf(type: PromotionType): PromotionTool {
  return TOOLS_BY_TYPE[type];
}
const TOOLS_BY_TYPE = Object.fromEntries(TOOL_LIST.map((t) => [t.type, t as unknown as PromotionTool])) as Record<PromotionType, PromotionTool>;

/** The platform's promotion rules, by number (`tool` is 'all' for the shared ones). */
export const PROMOTION_RULES: readonly (PromotionRule & { tool: PromotionType | 'all' })[] = [
  ...COMMON_RULES.map((r) => ({ ...r, tool: 'all' as const })),
  ...TOOL_LIST.flatMap((t) => t.rules.map((r: PromotionRule) => ({ ...r, tool: t.type }))),
];

/** Every tool's settings by name, in the registry's order (a name belongs to one tool). */
export const TOOL_SETTINGS = Object.fromEntries(TOOL_LIST.flatMap((t) => Object.entries<ToolSetting>(t.settings ?? {}))) as Readonly<Record<ToolSettingName, ToolSetting>>;
/** rules.promotions when the scenario leaves it out: the shared settings' defaults, then each tool's. */
export const DEFAULT_PROMOTION_RULES: Readonly<PromotionRules> = {
  upgradeReach: 0.8,
  upgradeReachUnits: 2,
  upgradeProbability: 0.5,
  upgradeMinSaving: 0.05,
  urgency: 0.2,
  ...(Object.fromEntries(Object.entries<ToolSetting>(TOOL_SETTINGS).map(([k, s]) => [k, s.default])) as ToolSettings),
};

export { bundle, buyMoreDiscount, coupon, flashSale, groupBuy, limitedDiscount, memberDay, spendReward };
