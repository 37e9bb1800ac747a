/** Validation problems: every problem at once, each with the JSON path of the field it names. */
import type { z } from 'zod';

export interface Problem {
  path: string;
  /** English, as the CLI prints it */
  message: string;
  /** the same in Chinese, for the browser in zh (the course's terms: 城市, 商品, 参考价, 一口价…) */
  messageZh?: string;
}

/** A problem in both languages. */
export function problem(path: string, message: string, messageZh: string): Problem {
  return { path, message, messageZh };
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export function jsonPath(parts: readonly PropertyKey[]): string {
  let out = '$';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(part)) out += `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

function sizeOf(v: unknown): number {
  if (typeof v === 'string' || Array.isArray(v)) return v.length;
  return 0;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v} ${String(v)}`;
  return typeof v === 'object' ? 'an object' : typeof v;
}

/**
 * zod's issues as our messages: what is wrong, with the allowed range or values. Given the schema,
 * an unknown field gets the nearest known one as a suggestion ("advertising" → "media").
 */
export function fromZod(error: z.ZodError, input: unknown, schema?: z.ZodType): Problem[] {
  const out: Problem[] = [];
  for (const issue of error.issues) {
    const path = jsonPath(issue.path);
    const actual = valueAt(input, issue.path);
    let message = zodMessage(issue, actual);
    let zh = zodMessageZh(issue, actual);
    if (issue.code === 'unrecognized_keys' && schema) {
      const known = knownKeysAt(schema, issue.path, input);
      const hints = issue.keys.slice(0, 10).flatMap((k) => {
        const near = didYouMean(k, known);
        return near === undefined ? [] : [[k, near] as const];
      });
      if (hints.length > 0) {
        const en = hints.map(([k, n]) => (issue.keys.length > 1 ? `"${n}" for "${k}"` : `"${n}"`)).join(', ');
        const cn = hints.map(([k, n]) => (issue.keys.length > 1 ? `"${n}"（而不是 "${k}"）` : `"${n}"`)).join('、');
        message = message.replace(' (check the spelling against the scenario reference)', ` (did you mean ${en}?)`);
        if (zh !== undefined) zh = zh.replace('（请对照场景参考检查拼写）', `（是不是想写 ${cn}？）`);
      }
    }
    out.push(zh === undefined ? { path, message } : { path, message, messageZh: zh });
  }
  return out;
}

/** Words people write for a field that has another name here. */
const SYNONYMS: Record<string, string> = {
  advertising: 'media',
  ads: 'media',
  advert: 'media',
  adverts: 'media',
  promotion: 'promotions',
  listing: 'listings',
  restocks: 'restock',
  cost: 'unitCost',
  capacity: 'warehouseCapacity',
};

/** Edits from a to b, a swap of two neighbouring letters counting as one ("pirce" → "price"). */
function editDistance(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The known name closest to `name`: a synonym, a different case, or within a few typing slips. */
export function didYouMean(name: string, known: readonly string[]): string | undefined {
  if (known.length === 0 || name.length > 64) return undefined;
  const lower = name.toLowerCase();
  const syn = SYNONYMS[lower];
  if (syn !== undefined && known.includes(syn)) return syn;
  let best: string | undefined;
  let bestD = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
  for (const k of known) {
    const d = editDistance(lower, k.toLowerCase());
    if (d === 0) return k;
    if (d <= bestD && (best === undefined || d < bestD)) {
      best = k;
      bestD = d;
    }
  }
  return best;
}

interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
}

function defOf(s: z.ZodType): SchemaDef {
  return (s as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

/** The field names an object at `path` of the input may have, by walking the schema alongside the input. */
function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[], input: unknown): string[] {
  let s: z.ZodType | undefined = schema;
  let value: unknown = input;
  for (let i = 0; i <= path.length && s; ) {
    const d = defOf(s);
    if (d.innerType && ['optional', 'default', 'nullable', 'readonly', 'nonoptional', 'catch', 'prefault'].includes(d.type)) {
      s = d.innerType;
      continue;
    }
    if (d.type === 'pipe' && d.in) {
      s = d.in;
      continue;
    }
    if (d.type === 'union' && d.options) {
      // The option whose literal `type` matches the input's, else the first object option.
      const type = value && typeof value === 'object' ? (value as { type?: unknown }).type : undefined;
      const match = d.options.find((o) => {
        const t = defOf(o).shape?.type;
        const td = t ? (defOf(t) as { values?: unknown[] }) : undefined;
        return td?.values?.includes(type) ?? false;
      });
      s = match ?? d.options.find((o) => defOf(o).type === 'object');
      continue;
    }
    if (i === path.length) return d.type === 'object' && d.shape ? Object.keys(d.shape) : [];
    const key = path[i]!;
    value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
    i++;
    if (d.type === 'object' && d.shape) s = d.shape[String(key)];
    else if (d.type === 'array' && d.element) s = d.element;
    else if (d.type === 'record' && d.valueType) s = d.valueType;
    else return [];
  }
  return [];
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.hasOwn(cur, key as string)) return undefined;
    cur = (cur as Record<string, unknown>)[key as string];
  }
  return cur;
}

function zodMessage(issue: z.core.$ZodIssue, actual: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (actual === undefined) return `is required (${article(issue.expected)})`;
      if (typeof actual === 'number' && !Number.isFinite(actual)) return `must be a finite number, not ${actual}`;
      if (issue.expected === 'int' && typeof actual === 'number') return `must be a whole number (got ${actual})`;
      return `must be ${issue.expected === 'int' ? 'a whole number' : article(issue.expected)}, not ${describeValue(actual)}`;
    case 'too_small': {
      const what = issue.origin === 'array' ? 'items' : issue.origin === 'string' ? 'characters' : '';
      // The schema's own message names the whole allowed range ("must be from 1 to 24").
      if (issue.message.startsWith('must')) return what ? `${issue.message} (it has ${sizeOf(actual)})` : `${issue.message} (got ${String(actual)})`;
      if (what) return `must have at least ${String(issue.minimum)} ${what}`;
      return `must be ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)} (got ${String(actual)})`;
    }
    case 'too_big': {
      const what = issue.origin === 'array' ? 'items' : issue.origin === 'string' ? 'characters' : '';
      if (issue.message.startsWith('must')) return what ? `${issue.message} (it has ${sizeOf(actual)})` : `${issue.message} (got ${String(actual)})`;
      if (what) return `must have at most ${String(issue.maximum)} ${what} (it has ${sizeOf(actual)})`;
      return `must be ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)} (got ${String(actual)})`;
    }
    case 'unrecognized_keys':
      // A hostile file may carry thousands of keys: name the first few.
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys
        .slice(0, 10)
        .map((k) => JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}…` : k))
        .join(', ')}${issue.keys.length > 10 ? ` and ${issue.keys.length - 10} more` : ''} (check the spelling against the scenario reference)`;
    case 'invalid_value':
      if (actual === undefined) return `is required: ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, not ${JSON.stringify(actual)}`;
    case 'invalid_format':
      return typeof actual === 'string' ? `${issue.message} (got ${JSON.stringify(actual.slice(0, 40))})` : issue.message;
    case 'invalid_key': {
      // A record's key (a city or product id in stock or referencePrice) breaks the id rule.
      const inner = issue.issues[0];
      return `the key ${JSON.stringify(String(issue.path[issue.path.length - 1] ?? ''))} ${inner ? inner.message : 'is not allowed'}`;
    }
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    default:
      return issue.message;
  }
}

const TYPE_ZH: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  object: '对象',
  array: '列表',
  boolean: '布尔值（true 或 false）',
  null: 'null',
};

function typeZh(expected: string): string {
  return TYPE_ZH[expected] ?? expected;
}

function describeValueZh(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return '列表';
  if (typeof v === 'string') return `文字 ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'number') return `数字 ${String(v)}`;
  if (typeof v === 'boolean') return `布尔值 ${String(v)}`;
  return typeof v === 'object' ? '对象' : typeof v;
}

/**
 * The schema's own messages (schema.ts and promotions.ts write them in English, with the allowed
 * range) in Chinese. The set is closed: every message the schemas give has a line here.
 */
const SCHEMA_ZH: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^must be from (-?[\d.e+]+) to (-?[\d.e+]+) yuan$/, (m) => `必须在 ${m[1]} 到 ${m[2]} 元之间`],
  [/^must be from (-?[\d.e+]+) to (-?[\d.e+]+)$/, (m) => `必须在 ${m[1]} 到 ${m[2]} 之间`],
  [/^must be a whole number from (-?\d+) to (-?\d+)$/, (m) => `必须是 ${m[1]} 到 ${m[2]} 之间的整数`],
  [/^must have from (\d+) to (\d+) items$/, (m) => `必须有 ${m[1]} 到 ${m[2]} 项`],
  [/^must not be empty$/, () => '不能为空'],
  [/^must have at most (\d+) characters$/, (m) => `最多 ${m[1]} 个字符`],
  [/^must be 1–32 letters, digits, "_" or "-"$/, () => '必须是 1–32 个字母、数字、"_" 或 "-"'],
  [/^must have at most 2 decimals \(1 fen is the smallest unit\)$/, () => '最多两位小数（最小单位为 1 分）'],
  [/^weights must sum to 1 \(they sum to (.+)\)$/, (m) => `权重之和必须为 1（现在合计 ${m[1]}）`],
  [/^metric "(.*)" is given twice$/, (m) => `评分项 "${m[1]}" 写了两次`],
  [/^must be "player" or "bot:<strategy>" \(strategies: (.*)\)$/, (m) => `必须是 "player" 或 "bot:<策略>"（可用策略：${m[1]}）`],
  [/^must be one of (.*)$/, (m) => `必须是以下之一：${m[1]}`],
];

export function schemaMessageZh(message: string): string | undefined {
  for (const [re, zh] of SCHEMA_ZH) {
    const m = re.exec(message);
    if (m) return zh(m);
  }
  return undefined;
}

function zodMessageZh(issue: z.core.$ZodIssue, actual: unknown): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (actual === undefined) return `必填（${typeZh(issue.expected)}）`;
      if (typeof actual === 'number' && !Number.isFinite(actual)) return `必须是有限的数字，不能是 ${actual}`;
      if (issue.expected === 'int' && typeof actual === 'number') return `必须是整数（现为 ${actual}）`;
      return `必须是${typeZh(issue.expected)}，不能是${describeValueZh(actual)}`;
    case 'too_small':
    case 'too_big': {
      const what = issue.origin === 'array' ? '项' : issue.origin === 'string' ? '个字符' : '';
      if (issue.message.startsWith('must')) {
        const own = schemaMessageZh(issue.message);
        if (own === undefined) return undefined;
        return what ? `${own}（现有 ${sizeOf(actual)} ${what}）` : `${own}（现为 ${String(actual)}）`;
      }
      if (issue.code === 'too_small') {
        if (what) return `至少要有 ${String(issue.minimum)} ${what}`;
        return `必须 ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}（现为 ${String(actual)}）`;
      }
      if (what) return `最多 ${String(issue.maximum)} ${what}（现有 ${sizeOf(actual)} ${what}）`;
      return `必须 ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}（现为 ${String(actual)}）`;
    }
    case 'unrecognized_keys':
      return `未知字段 ${issue.keys
        .slice(0, 10)
        .map((k) => JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}…` : k))
        .join('、')}${issue.keys.length > 10 ? ` 等（另有 ${issue.keys.length - 10} 个）` : ''}（请对照场景参考检查拼写）`;
    case 'invalid_value':
      if (actual === undefined) return `必填：${issue.values.map((v) => JSON.stringify(v)).join(' 或 ')}`;
      return `必须是 ${issue.values.map((v) => JSON.stringify(v)).join(' 或 ')}，不能是 ${JSON.stringify(actual)}`;
    case 'invalid_format': {
      const own = schemaMessageZh(issue.message);
      if (own === undefined) return undefined;
      return typeof actual === 'string' ? `${own}（现为 ${JSON.stringify(actual.slice(0, 40))}）` : own;
    }
    case 'invalid_key': {
      const inner = issue.issues[0];
      const key = JSON.stringify(String(issue.path[issue.path.length - 1] ?? ''));
      if (!inner) return `键 ${key} 不允许使用`;
      const own = schemaMessageZh(inner.message);
      return own === undefined ? undefined : `键 ${key} ${own}`;
    }
    case 'not_multiple_of':
      return `必须是 ${String(issue.divisor)} 的倍数`;
    default:
      return schemaMessageZh(issue.message);
  }
}
