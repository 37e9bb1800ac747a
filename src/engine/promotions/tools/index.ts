/**
 * The registry of promotion tools, in the course's order (§8). Everything that lists the tools is
 * generated from here: the engine's `Promotion` union and `PROMOTION_TYPES`, the decisions file's
 * zod union, the numbered rule table, the browser's form list and the Result's labels. A new tool
 * is one module in this folder plus its line below.
 */
import type { z } from 'zod';
import { COMMON_RULES, type PromotionRule, type PromotionTool } from '../tool';
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
export type Promotion = Tools extends infer T ? (T extends PromotionTool<infer E, infer _F, infer _N> ? E : never) : never;
/** A promotion as a decisions file writes it (ids, yuan, optional fields). */
export type PromotionFileOf = Tools extends infer T ? (T extends PromotionTool<infer _E, infer S, infer _N> ? z.output<S> : never) : never;
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

export { bundle, buyMoreDiscount, coupon, flashSale, groupBuy, limitedDiscount, memberDay, spendReward };
