/**
 * The promotion editor's fields, read from the decisions schema itself: whatever promotion tools
 * the schema accepts, the form offers, with an input per field (a product or city picker, a
 * number, a switch, a choice, or JSON text for nested fields). While the schema accepts promotions
 * only as opaque items, the form falls back to the tool names and fields of contracts.md.
 */
import { roundDecisionSchema } from '../scenario/schema';

export type FieldKind = 'product' | 'products' | 'city' | 'cities' | 'number' | 'text' | 'boolean' | 'choice' | 'json';

export interface PromoField {
  key: string;
  kind: FieldKind;
  optional: boolean;
  choices: string[];
  description: string;
}

export interface PromoType {
  type: string;
  fields: PromoField[];
  /** true when the fields come from the schema; false for the fallback list */
  fromSchema: boolean;
}

/** The eight tools of domain.md §8, in the course's order. */
export const PROMOTION_TYPES = ['limitedDiscount', 'spendReward', 'bundle', 'buyMoreDiscount', 'coupon', 'groupBuy', 'flashSale', 'memberDay'] as const;

interface ZodLike {
  _zod: { def: ZodDef };
  description?: string;
}
interface ZodDef {
  type: string;
  innerType?: ZodLike;
  element?: ZodLike;
  options?: ZodLike[];
  shape?: Record<string, ZodLike>;
  values?: unknown[];
  entries?: Record<string, string>;
  in?: ZodLike;
}

function unwrap(s: ZodLike): { schema: ZodLike; optional: boolean } {
  let optional = false;
  let cur = s;
  for (;;) {
    const d = cur._zod.def;
    if ((d.type === 'optional' || d.type === 'default' || d.type === 'nullable' || d.type === 'readonly') && d.innerType) {
      if (d.type !== 'nullable' && d.type !== 'readonly') optional = true;
      cur = d.innerType;
    } else if (d.type === 'pipe' && d.in) cur = d.in;
    else return { schema: cur, optional };
  }
}

function fieldOf(key: string, s: ZodLike): PromoField {
  const { schema, optional } = unwrap(s);
  const d = schema._zod.def;
  const description = schema.description ?? s.description ?? '';
  const base = { key, optional, choices: [] as string[], description };
  if (d.type === 'number') return { ...base, kind: 'number' };
  if (d.type === 'boolean') return { ...base, kind: 'boolean' };
  if (d.type === 'enum' && d.entries) return { ...base, kind: 'choice', choices: Object.values(d.entries) };
  if (d.type === 'literal' && d.values) return { ...base, kind: 'choice', choices: d.values.map(String) };
  if (d.type === 'string') {
    if (key === 'product' || key === 'mainProduct') return { ...base, kind: 'product' };
    if (key === 'city') return { ...base, kind: 'city' };
    return { ...base, kind: 'text' };
  }
  if (d.type === 'array' && d.element) {
    const el = unwrap(d.element).schema._zod.def.type;
    if (el === 'string' && key === 'products') return { ...base, kind: 'products' };
    if (el === 'string' && key === 'cities') return { ...base, kind: 'cities' };
  }
  return { ...base, kind: 'json' };
}

function fromSchema(): PromoType[] | null {
  const promotions = (roundDecisionSchema as unknown as { shape: Record<string, ZodLike> }).shape.promotions;
  if (!promotions) return null;
  const arr = unwrap(promotions).schema._zod.def;
  if (arr.type !== 'array' || !arr.element) return null;
  const item = unwrap(arr.element).schema._zod.def;
  const options = item.type === 'union' && item.options ? item.options : item.type === 'object' ? [arr.element] : null;
  if (!options) return null;
  const out: PromoType[] = [];
  for (const opt of options) {
    const d = unwrap(opt).schema._zod.def;
    if (d.type !== 'object' || !d.shape) continue;
    const typeField = d.shape.type ? unwrap(d.shape.type).schema._zod.def : null;
    const names = typeField?.type === 'literal' ? (typeField.values ?? []).map(String) : typeField?.type === 'enum' ? Object.values(typeField.entries ?? {}) : [];
    const fields = Object.entries(d.shape)
      .filter(([k]) => k !== 'type')
      .map(([k, v]) => fieldOf(k, v));
    for (const name of names) out.push({ type: name, fields, fromSchema: true });
  }
  return out.length ? out : null;
}

const num = (key: string, optional = false): PromoField => ({ key, kind: 'number', optional, choices: [], description: '' });

/** contracts.md names the limited-time discount's fields; the other tools are written as JSON. */
function fallback(): PromoType[] {
  return PROMOTION_TYPES.map((type) =>
    type === 'limitedDiscount'
      ? {
          type,
          fromSchema: false,
          fields: [{ key: 'product', kind: 'product', optional: false, choices: [], description: '' }, num('rate'), num('fromTick'), num('toTick')],
        }
      : { type, fromSchema: false, fields: [{ key: 'fields', kind: 'json', optional: true, choices: [], description: '' }] },
  );
}

let cached: PromoType[] | null = null;
export function promotionTypes(): PromoType[] {
  if (!cached) {
    const found = fromSchema();
    // Keep the course's order; tools the schema adds beyond the eight come after.
    cached = found
      ? [...found].sort((a, b) => rankOf(a.type) - rankOf(b.type))
      : fallback();
  }
  return cached;
}

function rankOf(type: string): number {
  const i = (PROMOTION_TYPES as readonly string[]).indexOf(type);
  return i < 0 ? PROMOTION_TYPES.length : i;
}

export interface PromotionDraft {
  type: string;
  values: Record<string, string>;
}

export interface ConvertProblem {
  field: string;
  kind: 'notNumber' | 'notJson';
}

/** A promotion row of the form → the decisions file's object (yuan, ids), or the fields it cannot read. */
export function promotionToFile(draft: PromotionDraft): { value: Record<string, unknown>; problems: ConvertProblem[] } {
  const type = promotionTypes().find((t) => t.type === draft.type);
  const value: Record<string, unknown> = { type: draft.type };
  const problems: ConvertProblem[] = [];
  for (const f of type?.fields ?? []) {
    const text = (draft.values[f.key] ?? '').trim();
    if (text === '' && f.kind !== 'boolean') {
      if (!f.optional) value[f.key] = undefined;
      continue;
    }
    switch (f.kind) {
      case 'number': {
        const n = Number(text);
        if (!Number.isFinite(n)) problems.push({ field: f.key, kind: 'notNumber' });
        else value[f.key] = n;
        break;
      }
      case 'boolean':
        if (text === 'true') value[f.key] = true;
        else if (f.optional) break;
        else value[f.key] = false;
        break;
      case 'products':
      case 'cities':
        value[f.key] = text.split(',').map((s) => s.trim()).filter(Boolean);
        break;
      case 'json':
        try {
          const parsed: unknown = JSON.parse(f.key === 'fields' ? `{${text}}` : text);
          if (f.key === 'fields' && parsed && typeof parsed === 'object') Object.assign(value, parsed);
          else value[f.key] = parsed;
        } catch {
          problems.push({ field: f.key, kind: 'notJson' });
        }
        break;
      default:
        value[f.key] = text;
    }
  }
  // Drop keys left undefined so the validator reports them as "required" by their path.
  for (const k of Object.keys(value)) if (value[k] === undefined) delete value[k];
  return { value, problems };
}
