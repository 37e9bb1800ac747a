/**
 * What a promotion tool (促销工具, course §8) is made of. Each tool is one module in `tools/`
 * holding all of it: the decisions-file schema with its bilingual docs, the platform rules with
 * their numbers, the check of those rules, the conversion from the file's form (ids, yuan) to the
 * engine's (indices, fen), how it prices an offer, its label and the form's defaults. The tool
 * list, the zod union, the rule table and the browser's form list are generated from the
 * registry (`tools/index.ts`).
 *
 * The zod schemas are plain data; checking and conversion run before the engine sees a decision
 * (the scenario loader drives them through the contexts below), pricing runs inside a round.
 */
import { z } from 'zod';
import { hasAtMostTwoDecimals } from '../money';
import type { RoundContext } from '../context';
import type { OfferPromo } from './round';
import type { PromotionRules } from './types';

/** A platform rule: its number (named in every refusal), English and Chinese text. */
export interface PromotionRule<N extends string = string> {
  no: N;
  en: string;
  zh: string;
}

/** Rules every tool shares (the number's tool is `all`). */
export const COMMON_RULES = [
  { no: '8.0a', en: 'a promotion runs inside the round: 1 ≤ fromTick ≤ toTick ≤ ticks per round', zh: '促销在本期内进行：1 ≤ 开始天 ≤ 结束天 ≤ 每期天数' },
  { no: '8.0b', en: 'a promotion of a product needs its listing in the city this round', zh: '商品促销需要该商品本期在该城市上架' },
] as const satisfies readonly PromotionRule[];
export type CommonRuleNo = (typeof COMMON_RULES)[number]['no'];

/** A listing as the promotion rules see it: fixed price and the shipping the buyer pays, fen. */
export interface ListedPrice {
  priceFen: number;
  shippingFen: number;
}

/** A refused promotion field: JSON path and the message in both languages (a scenario Problem). */
export interface PromotionProblem {
  path: string;
  message: string;
  messageZh?: string;
}

/** Resolving a decisions-file promotion: unknown ids are reported (and give −1) by the context. */
export interface FileContext {
  /** product index of an id, null when the field is left out; `at` is the field's path under the promotion */
  product(id: string | undefined, at: string): number | null;
  city(id: string | undefined, at: string): number | null;
  /** the tick span with defaults filled (1 … ticks per round) */
  span(f: { fromTick?: number | undefined; toTick?: number | undefined }): { fromTick: number; toTick: number };
  /** refuses the promotion under a platform rule (the promotion is then left out) */
  refuse(at: string, no: string, detail: string, detailZh: string): void;
}

/** Checking one promotion in the engine's form against the platform rules, for one shop and round. */
export interface CheckContext<N extends string = string> {
  round: number;
  /** listings in force this round, [c * P + p] */
  listings: readonly (ListedPrice | null)[];
  cities: number;
  products: number;
  ticksPerRound: number;
  /** the scenario's rules.promotions (each tool's settings and the shared ones), defaults filled */
  rules: PromotionRules;
  /** 1-based position of this promotion among the shop's promotions of the same tool this round */
  nth: number;
  /** a broken rule at `at` (a path under the promotion: '' for the promotion itself, '.rate', …) */
  rule(at: string, no: N | CommonRuleNo, detail: string, detailZh: string): void;
  problem(at: string, en: string, zh: string): void;
  cityName(c: number): string;
  productName(p: number): string;
  /** the local market price (reference price × the round's trend) of product p in city c, fen */
  marketFen(p: number, c: number): number;
  /** cities where a product promotion applies (its city, or every city listing it); reports rule 8.0b when none */
  citiesOf(product: number, city: number | null): number[];
  /** a discount rate: ≥ 0.01 (floor rule) and < 1 (below-one rule); false when broken */
  checkRate(rate: number, floorRule: N, belowOneRule: N): boolean;
  /** the price after a discount is at least 1.00 yuan in every city */
  checkDiscounted(product: number, cities: readonly number[], rate: number, rule: N): void;
}

/** What the offer's pricing needs besides the promotion itself. */
export interface OfferContext {
  /** absolute tick (member days: tick mod 7) */
  tick: number;
  /** 1-based tick of the round */
  tickInRound: number;
  listFen: number;
  /** the shop's listings, read at [cityBase + product] */
  listings: readonly ({ priceFen: number } | null)[];
  cityBase: number;
  /** flash-sale units or coupons left of this promotion */
  remaining: number;
  /** the scenario's rules.promotions (each tool's settings and the shared ones), defaults filled */
  rules: PromotionRules;
}

/** A lifecycle group of a shop's customers (course §9) a promotion can be sent to. */
export type CustomerGroup = 'new' | 'repeat' | 'loyal' | 'sleeping';

/** A promotion sent to a group of the shop's customers: at most `reach` of them come back, on ticks fromTick…toTick of the round. */
export interface SentPromotion extends TickSpan {
  group: CustomerGroup;
  reach: number;
}

/** `offer` result bits: the promotion is in force for the offer, and it makes hesitant buyers urgent. */
export const IN_FORCE = 1;
export const URGENT = 2;

/** Names for labels (product and city ids by index). */
export interface LabelNames {
  product(p: number | null): string;
  city(c: number | null): string;
}

/** What the promotion form's defaults may use of the scenario. */
export interface FormWorld {
  products: readonly { id: string }[];
  cities: readonly { id: string }[];
  ticksPerRound: number;
}

/**
 * A setting of a tool in the scenario's `rules.promotions` (how buyers respond to it): its schema
 * with bilingual docs (naming the default) and its default.
 */
export interface ToolSetting {
  schema: z.ZodType<number>;
  default: number;
}

export interface PromotionTool<
  E extends { type: string } = { type: string },
  S extends z.ZodType<{ type: string }> = z.ZodType<{ type: string }>,
  N extends string = string,
  K extends string = string,
> {
  type: E['type'];
  /** the tool's name in the course (Chinese) and in English */
  name: { zh: string; en: string };
  /** the decisions file's form, with bilingual docs on every field */
  schema: S;
  /** its platform rules, numbered 8.k* */
  rules: readonly PromotionRule<N>[];
  /** its settings in the scenario's rules.promotions, by name (unique over all tools) */
  settings?: { readonly [key in K]: ToolSetting };
  /** the file's form → the engine's (null when the context refused it) */
  fromFile(f: z.output<S>, cx: FileContext): E | null;
  /** every platform rule of the tool (the tick span, rule 8.0a, is checked for every tool with one) */
  check(pr: E, cx: CheckContext<N>): void;
  /** the city × product cells it can apply to (null: every city / every product) */
  applies(pr: E): { city: number | null; product: number | null };
  /** units or coupons it can give in all (flash sale, coupon); 0 for the others */
  quantity(pr: E): number;
  /** folds the promotion into the offer's prices for one tick; returns IN_FORCE | URGENT bits */
  offer(op: OfferPromo, pr: E, i: number, cx: OfferContext): number;
  /**
   * Aimed at potential customers (潜在客户, hesitant buyers who left undecided): while
   * `drawsPotential` holds, they come back at rules.promotions.couponReturnProbability a tick
   * (course §4). Both or neither.
   */
  aimsAtPotential?(pr: E): boolean;
  /** still drawing them on this tick (1-based in the round), with `remaining` coupons or units left */
  drawsPotential?(pr: E, remaining: number, tickInRound: number): boolean;
  /**
   * Sent to a group of the shop's own customers at the round's start (course §8, §9): the group,
   * how many may come back at most and the tick span they come back in; null when not sent. Both
   * or neither with `sentOffFen`.
   */
  sendsTo?(pr: E): SentPromotion | null;
  /** what it takes off the goods (fen) of an order of `goodsFen` by a customer it was sent to, with `remaining` left; −1 when it cannot be used */
  sentOffFen?(pr: E, goodsFen: number, remaining: number): number;
  /**
   * What the tool does at the round's start, before any buyer comes, for every shop running it
   * (`ctx.promos` is set; fans due this round are in `ctx.fansDue`). Called once a round per tool,
   * in the registry's order.
   */
  beginRound?(ctx: RoundContext): void;
  /** a short description, e.g. "tea@hz ×0.9 ticks 1–10" */
  label(pr: E, names: LabelNames): string;
  /** values a new form row starts with beyond the generic ones (so that it is close to legal) */
  formDefaults(w: FormWorld): Record<string, string>;
}

/** Declares a tool with its types checked (the registry keeps it loosely typed). */
export function defineTool<E extends { type: string }, S extends z.ZodType<{ type: string }>, N extends string, K extends string = never>(tool: PromotionTool<E, S, N, K>): PromotionTool<E, S, N, K> {
  return tool;
}

// ---------------------------------------------------------------------------------------------
// Field schemas shared by the tools (the scenario schema has its own; these are the same rules)

/** Bilingual field documentation, as scenario/describe.ts attaches it. */
export function doc<T extends z.ZodType>(schema: T, en: string, zh: string): T {
  return schema.meta({ description: en, descriptionZh: zh }) as T;
}

const ID = /^[A-Za-z0-9_-]{1,32}$/;
export const id = z.string().regex(ID, 'must be 1–32 letters, digits, "_" or "-"');
export const money = z
  .number()
  .min(0)
  .max(100_000_000)
  .refine(hasAtMostTwoDecimals, { message: 'must have at most 2 decimals (1 fen is the smallest unit)' });
export const count = (max: number) => z.number().int().min(0).max(max);
export const tick = z.number().int().min(-1000).max(1000);
export const rate = z.number().min(-100).max(100);

export const ticks = {
  fromTick: doc(tick, 'first tick of the round it runs on (1-based); default 1', '本期内开始的天（从 1 起）；默认 1').optional(),
  toTick: doc(tick, 'last tick of the round it runs on (inclusive); default the round’s last', '本期内结束的天（含）；默认本期最后一天').optional(),
};
export const productField = doc(id, 'product id', '商品 id');
export const cityOptional = doc(id, 'city id; leave out for every city where the product is listed', '城市 id；不填则适用于所有上架该商品的城市').optional();

export interface TickSpan {
  /** first tick of the round it runs on, 1-based */
  fromTick: number;
  /** last tick, inclusive */
  toTick: number;
}

export function inForce(pr: TickSpan, tickInRound: number): boolean {
  return tickInRound >= pr.fromTick && tickInRound <= pr.toTick;
}

/** " ticks 1–10" */
export function spanLabel(x: TickSpan): string {
  return ` ticks ${x.fromTick}–${x.toTick}`;
}

/** "tea@hz", "tea@all cities" */
export function whereLabel(names: LabelNames, product: number | null, city: number | null): string {
  return `${names.product(product)}@${names.city(city)}`;
}
