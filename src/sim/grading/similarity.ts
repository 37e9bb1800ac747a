/**
 * Near-identical decisions across teams (integrity). Each submission's decisions, as written, are
 * flattened into slots: one per round × field, with list entries keyed by what they are about
 * (city/product/type), e.g. `r2.listings[hz/tea].price` or `r1.marketing.media`. Two teams are
 * compared slot by slot over the slots at least one of them filled (0, false, "" and absent count
 * as empty): numbers score 1 − |a − b| / max(|a|, |b|), anything else 1 when equal and 0 when
 * not. The similarity is the mean over those slots (1 when both left everything empty). So a
 * copy with every price moved by 2% scores about 0.98, and two teams with independent plans
 * rarely pass 0.9.
 */
import { hashValue } from '../../engine';

export type Slots = Map<string, number | string | boolean>;

export const DEFAULT_SIMILARITY_THRESHOLD = 0.95;

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

const isEmpty = (v: unknown) => v === undefined || v === 0 || v === false || v === '';

export function similarity(a: Slots, b: Slots): number {
  let sum = 0;
  let count = 0;
  const visit = (key: string) => {
    const va = a.get(key);
    const vb = b.get(key);
    if (isEmpty(va) && isEmpty(vb)) return;
    count++;
    if (typeof va === 'number' && typeof vb === 'number') {
      const scale = Math.max(Math.abs(va), Math.abs(vb));
      sum += 1 - Math.min(1, Math.abs(va - vb) / scale);
    } else if (va === vb) sum += 1;
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
