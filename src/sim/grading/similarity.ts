/**
 * Near-identical decisions across teams (integrity). Each submission's decisions, as written, are
 * flattened into slots: one per round × field, with list entries keyed by what they are about
 * (city/product/type), e.g. `r2.listings[hz/tea].price` or `r1.marketing.media`. Two teams are
 * compared over the slots at least one of them filled (0, false, "" and absent count as empty):
 * - a number slot scores max(0, 1 − |a − b| / (0.1 × max(|a|, |b|))): 1 when equal, 0.8 when 2%
 *   apart, 0 when 10% or more apart (a number one team left empty counts as 0);
 * - any other slot (a flag, a name) counts only when the two differ, and then scores 0: flags
 *   most teams set alike carry no evidence of copying.
 * The similarity is the mean over the counted slots (1 when nothing was counted). A copy with every
 * number nudged by 1% scores about 0.9; independent plans score far lower.
 */
import { hashValue } from '../../engine';

export type Slots = Map<string, number | string | boolean>;

export const DEFAULT_SIMILARITY_THRESHOLD = 0.85;

const ABOUT = ['city', 'product', 'type'] as const;

export function decisionSlots(fileRounds: readonly unknown[]): Slots {
  const slots: Slots = new Map();
  for (const r of fileRounds) {
    if (!r || typeof r !== 'object') continue;
    const round = (r as { round?: unknown }).round;
    walk(slots, `r${String(round)}`, r, 'round');
  }
  return slots;
}

function walk(slots: Slots, path: string, value: unknown, skip?: string): void {
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    slots.set(path, value);
    return;
  }
  if (Array.isArray(value)) {
    const seen = new Map<string, number>();
    value.forEach((entry, i) => {
      let key = String(i);
      if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
        const about = ABOUT.map((k) => (entry as Record<string, unknown>)[k]).filter((v) => typeof v === 'string');
        if (about.length) {
          const id = about.join('/');
          const n = seen.get(id) ?? 0;
          seen.set(id, n + 1);
          key = n === 0 ? id : `${id}#${n + 1}`;
        }
        for (const k of Object.keys(entry).sort()) {
          if ((ABOUT as readonly string[]).includes(k) && typeof (entry as Record<string, unknown>)[k] === 'string') continue;
          walk(slots, `${path}[${key}].${k}`, (entry as Record<string, unknown>)[k]);
        }
        return;
      }
      walk(slots, `${path}[${key}]`, entry);
    });
    return;
  }
  if (value && typeof value === 'object') {
    for (const k of Object.keys(value).sort()) {
      if (k === skip) continue;
      walk(slots, `${path}.${k}`, (value as Record<string, unknown>)[k]);
    }
  }
}

/** Numbers this far apart (relative to the larger) count as unrelated. */
export const NUMBER_TOLERANCE = 0.1;

const isEmpty = (v: unknown) => v === undefined || v === 0 || v === false || v === '';

export function similarity(a: Slots, b: Slots): number {
  let sum = 0;
  let count = 0;
  const visit = (key: string) => {
    const va = a.get(key);
    const vb = b.get(key);
    if (isEmpty(va) && isEmpty(vb)) return;
    const numeric = (typeof va === 'number' || va === undefined) && (typeof vb === 'number' || vb === undefined);
    if (numeric) {
      count++;
      const x = (va as number | undefined) ?? 0;
      const y = (vb as number | undefined) ?? 0;
      sum += Math.max(0, 1 - Math.abs(x - y) / (NUMBER_TOLERANCE * Math.max(Math.abs(x), Math.abs(y))));
    } else if (va !== vb) count++;
  };
  for (const key of a.keys()) visit(key);
  for (const key of b.keys()) if (!a.has(key)) visit(key);
  return count === 0 ? 1 : sum / count;
}

export interface SimilarPair {
  a: number;
  b: number;
  similarity: number;
  /** the engine receives exactly the same decisions */
  identical: boolean;
}

/** Pairs at or above the threshold, most similar first; `a` < `b` index the given list. */
export function similarPairs(teams: readonly { fileRounds: readonly unknown[]; rounds: unknown }[], threshold: number): SimilarPair[] {
  const slots = teams.map((t) => decisionSlots(t.fileRounds));
  const hashes = teams.map((t) => hashValue(t.rounds));
  const out: SimilarPair[] = [];
  for (let a = 0; a < teams.length; a++) {
    for (let b = a + 1; b < teams.length; b++) {
      const identical = hashes[a] === hashes[b];
      const s = identical ? 1 : similarity(slots[a]!, slots[b]!);
      if (identical || s >= threshold) out.push({ a, b, similarity: s, identical });
    }
  }
  return out.sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
}
