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
  { en: `The game's size is bounded: cities × products × shops × ticks ≤ ${LIMITS.gameWork}, and at most ${LIMITS.gameBuyers} buyers in the whole game (demand at the top of its fluctuation, events applied). The built-in scenarios play in well under a second; the largest games these bounds accept take up to about 30 s of CPU time on a 2-core machine (20 cities × 20 products × 60 shops, measured with bench/largest.ts), so keep class scenarios far below them.`, zh: `游戏规模有上限：城市数 × 商品数 × 网店数 × 总天数 ≤ ${LIMITS.gameWork}，整局买家总数（按波动上限并计入事件）不超过 ${LIMITS.gameBuyers}。内置场景不到一秒即可跑完；达到上限的最大游戏在双核机器上约需 30 秒 CPU 时间（20 个城市 × 20 种商品 × 60 家网店，用 bench/largest.ts 测得），课堂场景请远低于上限。` },
];

export const DECISION_RULES: readonly { en: string; zh: string }[] = [
  { en: '`scenario` is the id of the scenario played and `shop` one of its shops.', zh: '`scenario` 为所玩场景的 id，`shop` 为其中一家网店。' },
  { en: 'Each round appears once and is ≤ the scenario’s rounds.', zh: '每期只出现一次，且不超过场景的期数。' },
  { en: 'Listings and restock name cities and products of the scenario; a product is listed only in a city where it has a reference price, and at most once per round.', zh: '上架与补货中的城市、商品必须属于场景；商品只能在有参考价的城市上架，每期每城每商品最多一次。' },
  { en: '**Legal price (违规价格) [course]**: price + shipping ≤ reference price × (that round’s `priceTrend`) × (1 + `rules.priceFloat`); a listing above the cap is refused with the cap in the message. An active listing needs a `price`.', zh: '**合法价格 [课程规则]**：一口价 + 运费 ≤ 参考价 × 当期 `priceTrend` × (1 + `rules.priceFloat`)；超过上限即为违规价格，会被拒绝并在提示中给出上限。上架中的商品必须有 `price`。' },
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
