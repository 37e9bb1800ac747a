/** Validation problems: every problem at once, each with the JSON path of the field it names. */
import type { z } from 'zod';

export interface Problem {
  path: string;
  message: string;
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

/** zod's issues as our messages: what is wrong, with the allowed range or values. */
export function fromZod(error: z.ZodError, input: unknown): Problem[] {
  const out: Problem[] = [];
  for (const issue of error.issues) {
    const path = jsonPath(issue.path);
    out.push({ path, message: zodMessage(issue, valueAt(input, issue.path)) });
  }
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, key as string)) return undefined;
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
