/**
 * The well-formed part of a file that failed its schema, so that its meaning (unknown cities,
 * prices above the cap, promotion rules …) is checked in the same pass as its form, and a teacher
 * fixes a file in one go rather than in several.
 *
 * Walking the schema beside the value: a field that passes is kept; an optional field that fails
 * is left out (its default counts); a required field that fails takes a stand-in from a short
 * table (a name, a unit cost …) and every meaning problem under the object holding it is then
 * dropped, since the stand-in is not what the author wrote; an element of a list whose entries
 * stand alone (demand, events, routes, a shop's rounds) that fails is left out at its index, so
 * the paths of the others stay right. Anything else that fails (a city list with a broken city, a
 * keyword list with a broken keyword) fails the whole salvage: other entries refer to it, and
 * checking them without it would report ids that are in the file as unknown.
 */
import type { z } from 'zod';
import { jsonPath, type Problem } from './problems';

const FAIL: unique symbol = Symbol('fail');
type Salvaged = unknown | typeof FAIL;

/** Lists whose entries nothing else refers to by position or id: a broken entry is left out. */
const LOOSE_LISTS = new Set(['demand', 'events', 'routes', 'decisions', 'rounds']);
/** Optional fields that others refer to (promotions need the listings): when broken, leaving them out would mislead. */
const KEEP = new Set(['keywords', 'listings']);
/** Stand-ins for required fields that the meaning checks read but do not judge. */
const STAND_INS: Record<string, () => unknown> = {
  name: () => ({ zh: '?', en: '?' }),
  unitCost: () => 0,
  referencePrice: () => ({}),
  controller: () => 'player',
};

interface Walk {
  /** paths (JSON) of objects that hold a stand-in */
  standIns: string[];
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function walk(schema: z.ZodType, value: unknown, path: (string | number)[], w: Walk): Salvaged {
  const whole = schema.safeParse(value);
  if (whole.success) return whole.data;
  const def = defOf(schema);
  switch (def.type) {
    case 'optional': {
      if (value === undefined) return undefined;
      const v = walk(def.innerType!, value, path, w);
      const key = path[path.length - 1];
      if (v === FAIL) return typeof key === 'string' && KEEP.has(key) ? FAIL : undefined;
      return v;
    }
    case 'object': {
      if (!isRecord(value)) return FAIL;
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape!)) {
        const v = walk(field, value[key], [...path, key], w);
        if (v === FAIL) {
          const standIn = STAND_INS[key];
          if (!standIn) return FAIL;
          out[key] = standIn();
          if (path.length > 0) w.standIns.push(jsonPath(path));
        } else if (v !== undefined) out[key] = v;
      }
      return out;
    }
    case 'array': {
      if (!Array.isArray(value)) return FAIL;
      const key = path[path.length - 1];
      const loose = typeof key === 'string' && LOOSE_LISTS.has(key);
      const out: unknown[] = [];
      for (let i = 0; i < value.length; i++) {
        const v = walk(def.element!, value[i], [...path, i], w);
        if (v === FAIL) {
          if (!loose) return FAIL;
        } else out[i] = v;
      }
      // Entries all well-formed but too many (or too few) of them: the list itself is broken.
      const dense = out.filter(() => true);
      if (dense.length === value.length && !schema.safeParse(dense).success) return FAIL;
      return out;
    }
    case 'record': {
      if (!isRecord(value)) return FAIL;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        if (!def.keyType!.safeParse(k).success) continue;
        const s = walk(def.valueType!, v, [...path, k], w);
        if (s !== FAIL) out[k] = s;
      }
      return out;
    }
    default:
      return FAIL;
  }
}

/**
 * The well-formed part of `input` under `schema`, typed as the schema's output (a list of loose
 * entries may have holes), or null when too much is broken to check its meaning. `at` is the
 * path of `input` in its file.
 */
export function salvage<S extends z.ZodType>(schema: S, input: unknown, at: (string | number)[] = []): { value: z.output<S>; standIns: string[] } | null {
  const w: Walk = { standIns: [] };
  const v = walk(schema, input, at, w);
  return v === FAIL ? null : { value: v as z.output<S>, standIns: w.standIns };
}

/**
 * The meaning problems worth adding to the schema's: not at or above a field the schema already
 * refused (a reference price left out for its bad value is no missing price), and not under an
 * object that holds a stand-in. Under a refused object they stand: an object refused for an
 * unknown field is checked without that field.
 */
export function newMeaningProblems(schemaProblems: readonly Problem[], meaning: readonly Problem[], standIns: readonly string[]): Problem[] {
  const within = (path: string, base: string) => path === base || path.startsWith(`${base}.`) || path.startsWith(`${base}[`);
  return meaning.filter(
    (m) => !schemaProblems.some((s) => within(s.path, m.path)) && !standIns.some((b) => within(m.path, b)),
  );
}
