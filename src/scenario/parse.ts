/**
 * Reading untrusted JSON text: bounded size and depth, no prototype pollution, no NaN/Infinity.
 */
import type { Problem } from './problems';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_DEPTH = 64;

export type Parsed = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

export function parseJsonText(text: string): Parsed {
  if (text.length > MAX_FILE_BYTES) {
    return fail('$', `file is too large (${(text.length / 1048576).toFixed(1)} MB; at most ${MAX_FILE_BYTES / 1048576} MB)`);
  }
  const depth = maxDepth(text);
  if (depth > MAX_DEPTH) return fail('$', `nesting is too deep (${depth} levels; at most ${MAX_DEPTH})`);
  let value: unknown;
  try {
    // The reviver drops keys that could reach an object's prototype.
    value = JSON.parse(text, (key, v: unknown) => (key === '__proto__' || key === 'constructor' || key === 'prototype' ? undefined : v));
  } catch (e) {
    return fail('$', `not valid JSON: ${(e as Error).message}`);
  }
  const bad = findNonFinite(value, '$');
  if (bad) return fail(bad, 'must be a finite number (NaN, Infinity and numbers beyond ±1.8e308 are not allowed)');
  return { ok: true, value };
}

function fail(path: string, message: string): Parsed {
  return { ok: false, problems: [{ path, message }] };
}

/** Bracket depth outside strings, without building anything. */
function maxDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++; // backslash
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) {
      depth++;
      if (depth > max) max = depth;
    } else if (ch === 93 || ch === 125) depth--;
  }
  return max;
}

function findNonFinite(v: unknown, path: string): string | null {
  if (typeof v === 'number') return Number.isFinite(v) ? null : path;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const hit = findNonFinite(v[i], `${path}[${i}]`);
      if (hit) return hit;
    }
    return null;
  }
  if (v && typeof v === 'object') {
    for (const [k, item] of Object.entries(v)) {
      const hit = findNonFinite(item, `${path}.${k}`);
      if (hit) return hit;
    }
  }
  return null;
}
