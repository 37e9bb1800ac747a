/**
 * The promotion editor's fields, read from the decisions schema itself: whatever promotion tools
 * the schema accepts, the form offers, with an input per field (a product or city picker, a
 * number, a switch, a choice, or JSON text for nested lists such as spend tiers and bundle
 * items), and the schema's own bilingual descriptions as help.
 */
import { PROMOTION_TOOL_LIST, PROMOTION_TYPES, type World } from '../engine';
import { roundDecisionSchema } from '../sim/scenario';
import { PROMOTION_TOOLS } from '../sim/scenario';

export type FieldKind = 'product' | 'products' | 'city' | 'cities' | 'number' | 'text' | 'boolean' | 'choice' | 'json';

export interface PromoField {
  key: string;
  kind: FieldKind;
  optional: boolean;
  choices: string[];
  description: string;
  help?: { zh: string; en: string } | null;
}

export interface PromoType {
  type: string;
  fields: PromoField[];
  help?: { zh: string; en: string } | null;
}

/** The tools of domain.md §8, in the course's order (the engine's registry). */
export { PROMOTION_TYPES };

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
    for (const name of names) out.push({ type: name, fields });
  }
  return out.length ? out : null;
}

let cached: PromoType[] | null = null;
/** The tools the decisions schema accepts, in the course's order, with their bilingual help. */
export function promotionTypes(): PromoType[] {
  if (!cached) {
    const found = fromSchema() ?? [];
    cached = found
      .map((type) => {
        const info = PROMOTION_TOOLS.find((x) => x.type === type.type);
        return {
          ...type,
          help: info?.description ?? null,
          fields: type.fields.map((f) => {
            const fi = info?.fields.find((x) => x.name === f.key);
            return { ...f, help: fi ? { zh: fi.zh, en: fi.en } : null };
          }),
        };
      })
      .sort((a, b) => rankOf(a.type) - rankOf(b.type));
  }
  return cached;
}

function rankOf(type: string): number {
  const i = (PROMOTION_TYPES as readonly string[]).indexOf(type);
  return i < 0 ? PROMOTION_TYPES.length : i;
}

/** A new promotion row of a tool, prefilled so that it is close to legal (a student edits from there). */
export function defaultValues(type: PromoType, world: World): Record<string, string> {
  const v: Record<string, string> = {};
  const p0 = world.products[0]?.id ?? '';
  for (const f of type.fields) {
    if (f.kind === 'product' && !f.optional) v[f.key] = p0;
    if (f.kind === 'city' && !f.optional) v[f.key] = world.cities[0]?.id ?? '';
    if (f.kind === 'choice' && !f.optional) v[f.key] = f.choices[0] ?? '';
    if (f.key === 'fromTick') v[f.key] = '1';
    if (f.key === 'toTick') v[f.key] = String(world.ticksPerRound);
  }
  const tool = PROMOTION_TOOL_LIST.find((x) => x.type === type.type);
  return tool ? { ...v, ...tool.formDefaults(world) } : v;
}

export interface PromotionDraft {
  type: string;
  values: Record<string, string>;
}

export interface ConvertProblem {
  field: string;
  /** notNumber: an amount of money; notPlainNumber: a count, a rate or a day */
  kind: 'notNumber' | 'notPlainNumber' | 'notJson';
}

/** A promotion row of the form → the decisions file's object (yuan, ids), or the fields it cannot read. */
export function promotionToFile(draft: PromotionDraft): { value: Record<string, unknown>; problems: ConvertProblem[] } {
  const type = promotionTypes().find((t) => t.type === draft.type);
  const value: Record<string, unknown> = { type: draft.type };
  const problems: ConvertProblem[] = [];
  for (const f of type?.fields ?? []) {
    const text = (draft.values[f.key] ?? '').trim();
    // Left empty: the field is not written, so the validator names it when it is required.
    if (text === '' && f.kind !== 'boolean') continue;
    switch (f.kind) {
      case 'number': {
        const n = Number(text);
        if (!Number.isFinite(n)) problems.push({ field: f.key, kind: /\byuan\b/.test(f.description) ? 'notNumber' : 'notPlainNumber' });
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
          value[f.key] = JSON.parse(text) as unknown;
        } catch {
          problems.push({ field: f.key, kind: 'notJson' });
        }
        break;
      default:
        value[f.key] = text;
    }
  }
  return { value, problems };
}
