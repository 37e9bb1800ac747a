/**
 * Promotion tools in decisions files (course §8): the union of the tools' schemas, the platform's
 * rules checked on submission, and the conversion into the engine's form. Each tool is one module
 * of the engine's registry (`engine/promotions/tools/`) holding its schema, rules, check,
 * conversion, pricing and label; this module drives them. Every rule has a number (8.1a, …) that
 * its message names, with the limit it sets; nothing is clamped silently.
 *
 * This module imports nothing from schema.ts (schema.ts imports it).
 */
import { z } from 'zod';
import { formatYuan, mulRoundHalfUp, yuanToFen } from '../engine/money';
import { PRICE_FLOOR_FEN, referencePriceFen } from '../engine/pricing';
import {
  DEFAULT_PROMOTION_RULES,
  PROMOTION_RULES,
  PROMOTION_TOOL_LIST,
  PROMOTION_TYPES,
  type Promotion,
  type PromotionRules,
  type PromotionType,
  TOOL_SETTINGS,
  type ToolSettingName,
  type World,
} from '../engine/model';
import type { CheckContext, FileContext, ListedPrice, ToolSetting } from '../engine/promotions/tool';
import { TOOL_SCHEMAS, toolOf, type PromotionFileOf } from '../engine/promotions/tools';
import { doc } from './describe';
import { didYouMean, problem, type Problem } from './problems';

export { PROMOTION_RULES };
export type { ListedPrice };

export const promotionSchema = doc(
  z.discriminatedUnion('type', TOOL_SCHEMAS, {
    error: (iss) => (iss.code === 'invalid_union' ? `must be one of ${PROMOTION_TYPES.map((t) => `"${t}"`).join(', ')}` : undefined),
  }),
  'one promotion tool (促销工具) of the round',
  '本期的一个促销工具',
);

export type PromotionFile = PromotionFileOf;

/**
 * `rules.promotions` of a scenario file: how buyers respond to promotions; the settings several
 * tools share, then each tool's own (declared in its module).
 */
export const promotionRulesSchema = doc(
  z.strictObject({
    upgradeReach: doc(z.number().min(0).max(1), 'a buyer moves up to a buy-more threshold when wanting at least this share of it; default 0.8', '想买件数达到门槛的该比例时买家可能凑单；默认 0.8').optional(),
    upgradeReachUnits: doc(z.number().int().min(0).max(100), 'a buyer also moves up when at most this many units short of the threshold (buyers of 1–3 units reach thresholds of 2–4); default 2', '想买件数与门槛相差不超过该件数时买家也可能凑单（想买 1–3 件的买家可凑到 2–4 件）；默认 2').optional(),
    upgradeProbability: doc(z.number().min(0).max(1), 'probability such a buyer moves up; default 0.5', '此类买家凑单的概率；默认 0.5').optional(),
    upgradeMinSaving: doc(z.number().min(0).max(1), 'moving up is worth it when the goods price per unit falls by at least this share; default 0.05', '每件商品价至少降低该比例才值得凑单；默认 0.05').optional(),
    urgency: doc(z.number().min(0).max(5), 'hesitant buyers’ utility × (1 + urgency) for an offer with a discount, flash sale or coupon in force; default 0.2', '有折扣、秒杀或优惠券时犹豫型买家效用 × (1 + 紧迫感)；默认 0.2').optional(),
    ...toolSettingFields(),
  }),
  'how buyers respond to promotions; every field has a default',
  '买家对促销的反应参数；每项都有默认值',
);
export type PromotionRulesFile = z.infer<typeof promotionRulesSchema>;

/** Each tool's settings as optional fields (their docs name the default). */
function toolSettingFields(): { [key in ToolSettingName]: z.ZodOptional<z.ZodType<number>> } {
  return Object.fromEntries(Object.entries<ToolSetting>(TOOL_SETTINGS).map(([k, s]) => [k, s.schema.optional()])) as { [key in ToolSettingName]: z.ZodOptional<z.ZodType<number>> };
}

export function promotionRulesFrom(file: PromotionRulesFile | undefined): PromotionRules {
  const out: PromotionRules = { ...DEFAULT_PROMOTION_RULES };
  if (!file) return out;
  for (const key of Object.keys(DEFAULT_PROMOTION_RULES) as (keyof PromotionRules)[]) {
    const v = file[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

export type PromotionRuleNo = string;

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

interface Described {
  description?: string;
  descriptionZh?: string;
}

export const PROMOTION_TOOLS: readonly PromotionToolInfo[] = PROMOTION_TOOL_LIST.map((tool) => {
  const schema = tool.schema as unknown as z.ZodObject;
  const meta = (schema.meta() ?? {}) as Described;
  const fields = Object.entries(schema.shape)
    .filter(([name]) => name !== 'type')
    .map(([name, field]) => {
      const f = field as z.ZodType;
      const m = (f.meta() ?? (f instanceof z.ZodOptional ? (f.unwrap() as z.ZodType).meta() : undefined) ?? {}) as Described;
      return { name, required: !(field as z.ZodType).safeParse(undefined).success, en: m.description ?? '', zh: m.descriptionZh ?? '' };
    });
  return { type: tool.type, ...tool.name, description: { en: meta.description ?? '', zh: meta.descriptionZh ?? '' }, fields };
});

// ---------------------------------------------------------------------------------------------
// Checking and converting

/** What the rules need to know of the scenario. */
export interface PromotionWorld {
  ticksPerRound: number;
  cities: readonly string[];
  products: World['products'];
  /** the scenario's rules.promotions, defaults filled (the tools' settings) */
  rules: PromotionRules;
}

export function promotionWorld(world: World): PromotionWorld {
  return {
    ticksPerRound: world.ticksPerRound,
    cities: world.cities.map((c) => c.id),
    products: world.products,
    rules: world.rules.promotions ?? DEFAULT_PROMOTION_RULES,
  };
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
    const near = didYouMean(value, list);
    const known = `${list.slice(0, 20).join(', ')}${list.length > 20 ? ', …' : ''}${near === undefined ? '' : `; did you mean "${near}"?`}`;
    const knownZh = `${list.slice(0, 20).join(', ')}${list.length > 20 ? ', …' : ''}${near === undefined ? '' : `；是不是想写 "${near}"？`}`;
    problems.push(problem(path, `unknown ${what} "${value}" (known: ${known})`, `未知的${what === 'city' ? '城市' : '商品'} "${value}"（已有：${knownZh}）`));
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
    const cx: FileContext = {
      product: (v, at) => (v === undefined ? null : ix(productIds, v, `${path}.${at}`, 'product', problems)),
      city: (v, at) => (v === undefined ? null : ix(pw.cities, v, `${path}.${at}`, 'city', problems)),
      span: (x) => ({ fromTick: x.fromTick ?? 1, toTick: x.toTick ?? T }),
      refuse: (at, no, detail, detailZh) => problems.push(ruleProblem(`${path}.${at}`, no, detail, detailZh)),
    };
    const pr = toolOf(f.type).fromFile(f, cx) as Promotion | null;
    if (problems.length > before || pr === null) return;
    out.push(pr);
    paths.push(path);
  });
  const checked = checkPromotions(out, round, listings, pw, paths);
  problems.push(...checked);
  return out;
}

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
  const seen = new Map<PromotionType, number>();
  let path = '';
  const cityName = (c: number) => `"${pw.cities[c]}"`;
  const productName = (p: number) => `"${pw.products[p]!.id}"`;
  const rule = (at: string, no: string, detail: string, detailZh: string) => {
    problems.push(ruleProblem(`${path}${at}`, no, detail, detailZh));
  };
  const cx: CheckContext = {
    round,
    listings,
    cities: C,
    products: P,
    ticksPerRound: T,
    rules: pw.rules,
    nth: 0,
    rule,
    problem: (at, en, zh) => problems.push(problem(`${path}${at}`, en, zh)),
    cityName,
    productName,
    marketFen: (p, c) => referencePriceFen(pw, p, c, round),
    citiesOf(product, city) {
      if (city !== null) {
        if (!listings[city * P + product]) {
          rule('.city', '8.0b', `${productName(product)} is not listed in ${cityName(city)} in round ${round}`, `商品 ${productName(product)} 第 ${round} 期未在城市 ${cityName(city)} 上架`);
          return [];
        }
        return [city];
      }
      const out: number[] = [];
      for (let c = 0; c < C; c++) if (listings[c * P + product]) out.push(c);
      if (out.length === 0) rule('.product', '8.0b', `${productName(product)} is not listed in any city in round ${round}`, `商品 ${productName(product)} 第 ${round} 期未在任何城市上架`);
      return out;
    },
    checkRate(rate, floorRule, belowOneRule) {
      if (rate < 0.01) {
        rule('.rate', floorRule, `rate must be ≥ 0.01 (0.1折), got ${rate}`, `折扣率必须 ≥ 0.01（0.1折），现为 ${rate}`);
        return false;
      }
      if (rate >= 1) {
        rule('.rate', belowOneRule, `rate must be below 1 (0.85 = 8.5折), got ${rate}`, `折扣率必须小于 1（0.85 即 8.5折），现为 ${rate}`);
        return false;
      }
      return true;
    },
    checkDiscounted(product, cities, rate, no) {
      for (const c of cities) {
        const list = listings[c * P + product]!.priceFen;
        const after = mulRoundHalfUp(list, rate);
        if (after < PRICE_FLOOR_FEN) {
          rule(
            '.rate',
            no,
            `${productName(product)} in ${cityName(c)}: ${formatYuan(list)} × ${rate} = ${formatYuan(after)}, below 1.00 yuan`,
            `商品 ${productName(product)} 在城市 ${cityName(c)}：${formatYuan(list)} × ${rate} = ${formatYuan(after)} 元，低于 1.00 元`,
          );
          return;
        }
      }
    },
  };
  promos.forEach((pr, i) => {
    path = paths[i] ?? `$.promotions[${i}]`;
    if ('fromTick' in pr) {
      if (pr.fromTick < 1 || pr.fromTick > T) rule('.fromTick', '8.0a', `fromTick must be 1–${T}, got ${pr.fromTick}`, `开始天必须是 1–${T}，现为 ${pr.fromTick}`);
      else if (pr.toTick < pr.fromTick || pr.toTick > T) rule('.toTick', '8.0a', `toTick must be ${pr.fromTick}–${T}, got ${pr.toTick}`, `结束天必须是 ${pr.fromTick}–${T}，现为 ${pr.toTick}`);
    }
    const nth = (seen.get(pr.type) ?? 0) + 1;
    seen.set(pr.type, nth);
    cx.nth = nth;
    toolOf(pr.type).check(pr, cx);
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
