/**
 * Files generated from the zod schemas (schema.ts): the JSON Schemas shipped in schemas/ for
 * editors, and the field reference for scenario authors (docs/scenario-reference.md). Written by
 * `npm run docs:schema`; a test fails when the files in the repo differ from what this produces.
 */
import { z } from 'zod';
import { saveSchema } from './save';
import { DEFAULT_INDEX_WEIGHTS } from './defaults';
import { decisionsSchema, LIMITS, scenarioSchema } from './schema';
import { STRATEGY_NAMES } from './strategies';

type Json = { [key: string]: unknown };

function raw(schema: z.ZodType): Json {
  return z.toJSONSchema(schema, { target: 'draft-07', io: 'input', unrepresentable: 'any' }) as Json;
}

/**
 * Editors show `description`; it carries both languages, English first. The Chinese text is also
 * kept alone under `x-description-zh` for tools that want one language.
 */
function bilingual(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(bilingual);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  const src = node as Json;
  for (const [k, v] of Object.entries(src)) {
    if (k === 'descriptionZh') continue;
    out[k] = bilingual(v);
  }
  if (typeof src.descriptionZh === 'string') {
    out.description = `${String(src.description ?? '')}\n${src.descriptionZh}`;
    out['x-description-zh'] = src.descriptionZh;
  }
  return out;
}

export function scenarioJsonSchema(): Json {
  return {
    ...(bilingual(raw(scenarioSchema)) as Json),
    title: 'shopsim scenario / 网店运营推广沙盘场景',
  };
}

export function decisionsJsonSchema(): Json {
  return {
    ...(bilingual(raw(decisionsSchema)) as Json),
    title: 'shopsim decisions file / 网店决策文件',
  };
}

/** A saved game holds a whole scenario and decisions files: the schema points to theirs. */
export function saveJsonSchema(): Json {
  const s = raw(saveSchema);
  const props = { ...(s.properties as Record<string, Json>) };
  props.scenario = { $ref: 'scenario.schema.json', description: 'the whole scenario file the game was played on\n对局所用的完整场景文件' };
  props.decisions = { ...props.decisions, items: { $ref: 'decisions.schema.json' } };
  return {
    ...s,
    properties: props,
    title: 'shopsim saved game / 存档',
    description: 'a saved game: the scenario, the seed and every decision made so far; the state is recomputed from them\n存档：场景、种子与至今的全部决策；状态由它们重新计算',
  };
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

/** Every generated file, by its path in the repo. */
export function generatedFiles(): Record<string, string> {
  return {
    'schemas/scenario.schema.json': json(scenarioJsonSchema()),
    'schemas/decisions.schema.json': json(decisionsJsonSchema()),
    'schemas/save.schema.json': json(saveJsonSchema()),
    'docs/scenario-reference.md': referenceMarkdown(),
  };
}

// ---------------------------------------------------------------------------------------------
// The field reference

interface Row {
  field: string;
  type: string;
  required: boolean;
  en: string;
  zh: string;
}
interface Section {
  path: string;
  en: string;
  zh: string;
  rows: Row[];
}

/** The object of a nullable object field (zod's `.nullable()` becomes anyOf [object, null]), or null. */
function nullableObject(s: Json): Json | null {
  const list = s.anyOf as Json[] | undefined;
  if (!Array.isArray(list) || list.length !== 2 || !list.some((a) => a.type === 'null')) return null;
  return list.find((a) => a.type === 'object' && a.properties) ?? null;
}

function typeOf(s: Json): string {
  if (nullableObject(s)) return 'object or null';
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (Array.isArray(s.enum)) return s.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  const t = s.type;
  const parts: string[] = [];
  if (t === 'integer' || t === 'number') {
    parts.push(t === 'integer' ? 'whole number' : 'number');
    if (s.minimum !== undefined && s.maximum !== undefined) parts.push(`${String(s.minimum)}–${String(s.maximum)}`);
    else if (s.minimum !== undefined) parts.push(`≥ ${String(s.minimum)}`);
    else if (s.maximum !== undefined) parts.push(`≤ ${String(s.maximum)}`);
  } else if (t === 'string') {
    parts.push('text');
    if (s.pattern) parts.push(`pattern \`${String(s.pattern)}\``);
    if (s.maxLength !== undefined) parts.push(`${String(s.minLength ?? 0)}–${String(s.maxLength)} chars`);
  } else if (t === 'array') {
    const items = (s.items ?? {}) as Json;
    const kinds = alternatives(items).map((a) => discriminator(a)).filter((k): k is string => k !== null);
    const inner = items.type === 'object' ? 'objects' : kinds.length ? `objects, each one of ${kinds.map((k) => `\`${k}\``).join(', ')} by \`type\`` : typeOf(items);
    parts.push(`list of ${inner}`);
    if (s.maxItems !== undefined) parts.push(`${String(s.minItems ?? 0)}–${String(s.maxItems)} items`);
  } else if (t === 'object') {
    parts.push(s.additionalProperties && typeof s.additionalProperties === 'object' && !s.properties ? 'map by id' : 'object');
  } else if (t === 'boolean') parts.push('true / false');
  else parts.push('any');
  return parts.join(', ');
}

/** Fields documented elsewhere in the reference: a bot:fixed shop's rounds are a decisions file's rounds. */
const NOT_EXPANDED = new Set(['$.shops[].decisions']);

/** The alternatives of a union (zod's discriminated unions become oneOf). */
function alternatives(s: Json): Json[] {
  const list = (s.oneOf ?? s.anyOf) as Json[] | undefined;
  return Array.isArray(list) ? list.filter((a) => a.type === 'object' && a.properties) : [];
}

function discriminator(alt: Json): string | null {
  const t = (alt.properties as Record<string, Json> | undefined)?.type?.const;
  return typeof t === 'string' ? t : null;
}

function collect(schema: Json, path: string, en: string, zh: string, out: Section[]): void {
  const props = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required ?? []) as string[]);
  const section: Section = { path, en, zh, rows: [] };
  out.push(section);
  const later: (() => void)[] = [];
  for (const [name, prop] of Object.entries(props)) {
    section.rows.push({ field: name, type: typeOf(prop), required: required.has(name), en: String(prop.description ?? ''), zh: String(prop.descriptionZh ?? '') });
    const child = `${path}.${name}`;
    if (NOT_EXPANDED.has(child)) continue;
    const orNull = nullableObject(prop);
    if (orNull) {
      later.push(() => collect(orNull, child, String(prop.description ?? ''), String(prop.descriptionZh ?? ''), out));
    } else if (prop.type === 'object' && prop.properties && name !== 'name' && name !== 'description') {
      later.push(() => collect(prop, child, String(prop.description ?? ''), String(prop.descriptionZh ?? ''), out));
    } else if (prop.type === 'array' && (prop.items as Json | undefined)?.type === 'object') {
      const items = prop.items as Json;
      later.push(() => collect(items, `${child}[]`, String(items.description ?? prop.description ?? ''), String(items.descriptionZh ?? prop.descriptionZh ?? ''), out));
    } else if (prop.type === 'array' && prop.items && alternatives(prop.items as Json).length) {
      for (const alt of alternatives(prop.items as Json)) {
        const kind = discriminator(alt);
        const at = kind ? `${child}[type=${kind}]` : `${child}[]`;
        later.push(() => collect(alt, at, String(alt.description ?? ''), String(alt.descriptionZh ?? ''), out));
      }
    } else if (prop.type === 'object' && prop.additionalProperties && typeof prop.additionalProperties === 'object') {
      const inner = prop.additionalProperties as Json;
      if (inner.type === 'object' && inner.additionalProperties && typeof inner.additionalProperties === 'object') {
        section.rows.push({ field: `${name}.<city>.<product>`, type: typeOf(inner.additionalProperties as Json), required: false, en: String((inner.additionalProperties as Json).description ?? ''), zh: String((inner.additionalProperties as Json).descriptionZh ?? '') });
      } else {
        section.rows.push({ field: `${name}.<city>`, type: typeOf(inner), required: false, en: String(inner.description ?? ''), zh: String(inner.descriptionZh ?? '') });
      }
    }
  }
  for (const f of later) f();
}

const cell = (t: string) => t.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function sectionsMarkdown(sections: Section[]): string[] {
  const lines: string[] = [];
  for (const s of sections) {
    lines.push(`### \`${s.path}\``, '');
    if (s.en) lines.push(`${s.en}. ${s.zh}。`.replace(/\.\./g, '.').replace(/。。/g, '。'), '');
    lines.push('| field | type and allowed values | required | description | 说明 |', '|---|---|---|---|---|');
    for (const r of s.rows) lines.push(`| \`${r.field}\` | ${cell(r.type)} | ${r.required ? 'yes' : 'no'} | ${cell(r.en)} | ${cell(r.zh)} |`);
    lines.push('');
  }
  return lines;
}

/** Rules that the schema's types cannot express; load.ts and checks.ts enforce them. */
export const SCENARIO_RULES: readonly { en: string; zh: string }[] = [
  { en: 'City, product and shop ids are each unique.', zh: '城市、商品、网店的 id 各自不能重复。' },
  { en: 'Every city or product named in `referencePrice`, `demand`, `routes`, `events`, a shop’s `stock` or `warehouses` exists in `cities` / `products`.', zh: '`referencePrice`、`demand`、`routes`、`events`、网店 `stock` 与 `warehouses` 中出现的城市和商品都必须在 `cities` / `products` 中定义。' },
  { en: 'A product has a reference price in every city where `demand` has buyers for it.', zh: '某城市对某商品有需求时，该商品必须有该城市的参考价。' },
  { en: 'Each city × product appears in `demand` at most once; each route direction at most once.', zh: '每个城市 × 商品在 `demand` 中最多出现一次；每条线路方向最多出现一次。' },
  { en: `\`rules.indexWeights\` sum to 1 (defaults: ${Object.entries(DEFAULT_INDEX_WEIGHTS).map(([k, v]) => `${k} ${v}`).join(', ')}).`, zh: '`rules.indexWeights` 的八项权重合计为 1。' },
  { en: 'The weights of a demand’s `quantity` distribution sum to 1, and each quantity appears once.', zh: '需求 `quantity` 分布的比例合计为 1，每个件数只出现一次。' },
  { en: 'The hesitant crowd’s `priceWeight` + `reviewWeight` + `indexWeight` sum to 1 (one left out counts at its default).', zh: '犹豫型人群的 `priceWeight` + `reviewWeight` + `indexWeight` 合计为 1（未写的按默认值计）。' },
  { en: '`priceTrend`, when given, has exactly one multiplier per round.', zh: '给出 `priceTrend` 时，必须每期恰好一个乘数。' },
  { en: 'An event’s `fromTick` ≤ `toTick` ≤ rounds × ticksPerRound; its lists name each city, product or crowd once.', zh: '事件的 `fromTick` ≤ `toTick` ≤ 期数 × 每期天数；其列表中每个城市、商品、人群只写一次。' },
  { en: `\`controller\` is \`player\` or \`bot:<strategy>\` with a known strategy (${STRATEGY_NAMES.join(', ')}). A \`bot:fixed\` shop needs \`decisions\`, and only a \`bot:fixed\` shop may have them.`, zh: `\`controller\` 为 \`player\` 或 \`bot:<策略>\`，策略必须存在（${STRATEGY_NAMES.join('、')}）。\`bot:fixed\` 网店必须有 \`decisions\`，其他网店不能有。` },
  { en: 'A shop’s starting stock in a city fits in one warehouse (`rules.warehouse.capacity`, in volume units).', zh: '网店在一个城市的初始库存不能超过一个配送中心的容量（`rules.warehouse.capacity`，体积单位）。' },
  { en: 'Decisions written in a shop (`bot:fixed`) follow the same platform rules as a decisions file (below).', zh: '写在网店中的决策（`bot:fixed`）与决策文件遵守同样的平台规则（见下）。' },
  { en: `The game's size is bounded: cities × products × shops × ticks ≤ ${LIMITS.gameWork}, and at most ${LIMITS.gameBuyers} buyers in the whole game (demand at the top of its fluctuation, events applied). The built-in scenarios play in well under a second; the largest games these bounds accept play in under 10 s of CPU time on a shared 2-core machine (about 8 s for 20 cities × 20 products × 60 shops over 6 rounds × 3 ticks with 0.9 M buyers; about 3 s for 1 city × 1 product × 60 shops over 24 rounds × 60 ticks; measured with \`npm run bench:largest\`).`, zh: `游戏规模有上限：城市数 × 商品数 × 网店数 × 总天数 ≤ ${LIMITS.gameWork}，整局买家总数（按波动上限并计入事件）不超过 ${LIMITS.gameBuyers}。内置场景不到一秒即可跑完；达到上限的最大游戏在共享的双核机器上 10 秒 CPU 时间以内跑完（20 个城市 × 20 种商品 × 60 家网店、6 期 × 每期 3 天、90 万买家约 8 秒；1 个城市 × 1 种商品 × 60 家网店、24 期 × 每期 60 天约 3 秒；用 \`npm run bench:largest\` 测得）。` },
];

/** How the engine counts reviews and money, with worked examples (the defaults; each is a scenario setting). */
export const ENGINE_RULES: readonly { en: string; zh: string }[] = [
  {
    en: '**Product review score (产品评价)**: starting score (`reviewScore`, default 5) + 1 for each order delivered on time − `rules.reviews.breachWeight` (default 10) for each breach, counting only the deliveries and breaches of the last `rules.reviews.windowRounds` rounds (default 2: the current round and the one before). Below 0 the brand-loyal crowd never buys (course §5). The course counts a breach as −1; at the game’s scale (hundreds of orders a round) that would never move the score, so a breach weighs as much as ten deliveries and old rounds drop out. *Worked example*: a shop delivers 100 orders on time in round 1 (score 5 + 100 = 105), then in round 2 delivers 90 and breaches 10 (one order in ten): at the end of round 2 the score is 5 + 100 + 90 − 10 × 10 = 95; round 1 then leaves the window, so round 3 starts at 5 + 90 − 100 = −5, below 0: the brand-loyal crowd stops buying from it until on-time deliveries lift it again. Set `breachWeight` 1 and `windowRounds` 100 for the course’s plain running count.',
    zh: '**产品评价**：初始分（`reviewScore`，默认 5）+ 每笔按时送达的订单 1 分 − 每笔违约 `rules.reviews.breachWeight` 分（默认 10），只统计最近 `rules.reviews.windowRounds` 期（默认 2：本期和上一期）的送达与违约。低于 0 时品牌需求人群不再购买（课程 §5）。课程中一次违约记 −1；但游戏中每期有数百笔订单，−1 几乎不影响评价，因此一次违约抵消十次按时送达，较早的期数不再计入。*算例*：某店第 1 期按时送达 100 单（评价 5 + 100 = 105），第 2 期送达 90 单、违约 10 单（十单违约一单）：第 2 期末评价为 5 + 100 + 90 − 10 × 10 = 95；之后第 1 期移出统计窗口，第 3 期开始时评价为 5 + 90 − 100 = −5，低于 0：品牌人群不再向该店购买，直到按时送达把评价重新拉回 0 以上。若要使用课程的简单累计，设 `breachWeight` 为 1、`windowRounds` 为 100。',
  },
  {
    en: '**Restock is paid up front**: restock orders are bought in the order written, after the round’s marketing spend and warehouse rent are set aside; an order the shop cannot pay for with its cash plus `rules.credit` is cut to the units it can pay for, and the round report shows the cut (`restockCutForCash`). *Example*: cash 1,000.00, rent 300.00, no marketing, an order of 50 units at 20.00: 700.00 pays for 35 units; 15 are cut.',
    zh: '**补货预先付款**：补货按填写顺序购买，先扣除本期营销支出和仓库租金；现金加 `rules.credit` 付不起的补货会被削减到付得起的件数，并在本期报告中列出（`restockCutForCash`）。*算例*：现金 1000.00 元、租金 300.00 元、无营销支出，补货 50 件、单价 20.00 元：剩余 700.00 元只够买 35 件，削减 15 件。',
  },
  {
    en: '**Holding cost (库存持有成本)**: at each round’s end every unit in a warehouse costs `rules.holdingCost` (default 0.10 yuan), booked as the cost `holding`. *Example*: 400 units left at the round’s end cost 40.00.',
    zh: '**库存持有成本**：每期期末仓库中每件库存计 `rules.holdingCost`（默认 0.10 元），记为成本 `holding`。*算例*：期末剩余 400 件，成本 40.00 元。',
  },
  {
    en: '**DSR (动态评分)**: the mean rating over the last `rules.dsrWindowRounds` rounds; `null` (“no ratings”) when the shop had no rated order in them. A rubric that scores DSR counts “no ratings” as 0.',
    zh: '**DSR 动态评分**：最近 `rules.dsrWindowRounds` 期评分的平均值；这些期内没有任何评分时为 `null`（“暂无评分”）。按 DSR 评分的评分标准把“暂无评分”计为 0。',
  },
];

export const DECISION_RULES: readonly { en: string; zh: string }[] = [
  { en: '`scenario` is the id of the scenario played and `shop` one of its shops.', zh: '`scenario` 为所玩场景的 id，`shop` 为其中一家网店。' },
  { en: 'Each round appears once and is ≤ the scenario’s rounds.', zh: '每期只出现一次，且不超过场景的期数。' },
  { en: 'Listings and restock name cities and products of the scenario; a product is listed only in a city where it has a reference price, and at most once per round.', zh: '上架与补货中的城市、商品必须属于场景；商品只能在有参考价的城市上架，每期每城每商品最多一次。' },
  { en: '**Legal price (违规价格) [course]**: price + shipping ≤ reference price × (that round’s `priceTrend`) × (1 + `rules.priceFloat`); a listing above the cap is refused with the cap in the message. The fixed price is at least the platform’s floor `rules.priceFloor` (default 1.00 yuan). An active listing needs a `price`.', zh: '**合法价格 [课程规则]**：一口价 + 运费 ≤ 参考价 × 当期 `priceTrend` × (1 + `rules.priceFloat`)；超过上限即为违规价格，会被拒绝并在提示中给出上限。一口价不得低于平台最低价 `rules.priceFloor`（默认 1.00 元）。上架中的商品必须有 `price`。' },
  { en: 'Promotions follow the platform’s rules for each tool (course §8), named with the fields of each `type` below; a promotion that breaks one is refused with the rule and the number.', zh: '促销工具遵守各自的平台规则（课程 §8），见下方各 `type` 的字段说明；违反规则的促销会被拒绝，并给出规则与数值。' },
  { en: 'Money has at most 2 decimals (1 fen).', zh: '金额最多两位小数（1 分）。' },
];

export function referenceMarkdown(): string {
  const scen = raw(scenarioSchema);
  const dec = raw(decisionsSchema);
  const scenSections: Section[] = [];
  collect(scen, '$', String(scen.description ?? ''), String(scen.descriptionZh ?? ''), scenSections);
  const decSections: Section[] = [];
  collect(dec, '$', String(dec.description ?? ''), String(dec.descriptionZh ?? ''), decSections);
  const lines = [
    '# Scenario file reference · 场景文件字段说明',
    '',
    '<!-- Generated by `npm run docs:schema` from src/scenario/schema.ts. Do not edit by hand: a test fails when this file is out of date. -->',
    '',
    'Every field of a scenario file and of a decisions file, in English and Chinese, generated from the',
    'same schema the validator uses. For a step-by-step guide see [scenario-howto.md](scenario-howto.md).',
    '本页由校验程序所用的同一份 schema 生成，列出场景文件与决策文件的全部字段。操作步骤见 [scenario-howto.md](scenario-howto.md)。',
    '',
    '- Money is in yuan with at most 2 decimals (金额单位为元，最多两位小数).',
    '- A tick is one simulated day; a round (期) is `ticksPerRound` ticks (1 tick = 1 天).',
    '- Ids are 1–32 letters, digits, `_` or `-` (id 为 1–32 个字母、数字、`_` 或 `-`).',
    '- Fields marked “no” under *required* may be left out; their default is given in the description.',
    '- Editors: put `"$schema": "../schemas/scenario.schema.json"` (or `decisions.schema.json`) at the top of a file to get completion and checks.',
    '',
    '## Scenario file (`"kind": "scenario"`) · 场景文件',
    '',
    '### Rules beyond the field types · 字段类型之外的规则',
    '',
    ...SCENARIO_RULES.map((r) => `- ${r.en}  \n  ${r.zh}`),
    '',
    '### How the engine counts reviews and money · 评价与资金的计算（含算例）',
    '',
    ...ENGINE_RULES.map((r) => `- ${r.en}  \n  ${r.zh}`),
    '',
    ...sectionsMarkdown(scenSections),
    '## Decisions file (`"kind": "decisions"`) · 决策文件',
    '',
    '### Platform rules checked on submission · 提交时检查的平台规则',
    '',
    ...DECISION_RULES.map((r) => `- ${r.en}  \n  ${r.zh}`),
    '',
    ...sectionsMarkdown(decSections),
  ];
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
