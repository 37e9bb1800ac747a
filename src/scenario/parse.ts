/**
 * Reading untrusted JSON text: bounded size and depth, keys that could reach an object's prototype
 * refused, no NaN/Infinity. Every problem found is reported with its JSON path; nothing throws.
 */
import { jsonPath, problem, type Problem } from './problems';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_DEPTH = 64;
/** No list or object in a scenario, decisions or save file comes near this; a hostile one may. */
export const MAX_ITEMS = 10_000;
/** Stop listing problems of one kind after this many: a broken file should not flood the screen. */
const MAX_REPORTED = 20;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type Parsed = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

export function parseJsonText(text: string): Parsed {
  if (text.length > MAX_FILE_BYTES) {
    const mb = (text.length / 1048576).toFixed(1);
    return fail('$', `file is too large (${mb} MB; at most ${MAX_FILE_BYTES / 1048576} MB)`, `文件太大（${mb} MB；最多 ${MAX_FILE_BYTES / 1048576} MB）`);
  }
  // Editors on Windows often save UTF-8 with a byte-order mark; it is not part of the JSON.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail('$', 'file is empty (expected a JSON object)', '文件是空的（应为一个 JSON 对象）');
  const depth = maxDepth(body);
  if (depth > MAX_DEPTH) return fail('$', `nesting is too deep (${depth} levels; at most ${MAX_DEPTH})`, `嵌套太深（${depth} 层；最多 ${MAX_DEPTH} 层）`);
  let value: unknown;
  try {
    // JSON.parse makes "__proto__" an own data property, never the prototype; the walk below refuses it.
    value = JSON.parse(body);
  } catch (e) {
    const syntax = syntaxProblem(body, (e as Error).message);
    return fail('$', syntax.en, syntax.zh);
  }
  const problems: Problem[] = [];
  walk(value, [], problems, { keys: 0, numbers: 0 });
  return problems.length ? { ok: false, problems } : { ok: true, value };
}

/**
 * JSON.parse's message, on one line, with the line and column where the text goes wrong. The
 * Chinese text keeps the parser's own words (the browser's, in English) after the explanation.
 */
function syntaxProblem(body: string, raw: string): { en: string; zh: string } {
  // Node 22 and later end the message with "(line L column C)" after the position: dropped, and
  // the line and column written as for every other parser that gives only the position.
  const message = raw.replace(/\s*\(line \d+ column \d+\)/, '');
  const at = /at position (\d+)/.exec(message);
  let where = '';
  let whereZh = '';
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (at && !lineCol) {
    const pos = Math.min(Number(at[1]), body.length);
    const before = body.slice(0, pos);
    const line = before.split('\n').length;
    const column = pos - before.lastIndexOf('\n');
    where = ` (line ${line}, column ${column})`;
    whereZh = `（第 ${line} 行第 ${column} 列）`;
  } else if (lineCol) {
    whereZh = `（第 ${lineCol[1]} 行第 ${lineCol[2]} 列）`;
  }
  const nan = /(^|[^"\w])-?(NaN|Infinity)\b/.test(body);
  const hint = nan ? '; NaN and Infinity are not JSON numbers, write a finite number' : '';
  const hintZh = nan ? '；NaN 和 Infinity 不是 JSON 数字，请写有限的数字' : '';
  const said = message.replace(/\s+/g, ' ').trim();
  return { en: `not valid JSON: ${said}${where}${hint}`, zh: `不是有效的 JSON${whereZh}${hintZh}（解析器：${said}）` };
}

function fail(path: string, message: string, messageZh: string): Parsed {
  return { ok: false, problems: [problem(path, message, messageZh)] };
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

/** Iterative enough: depth is already bounded by MAX_DEPTH, so recursion cannot overflow. */
function walk(v: unknown, path: (string | number)[], problems: Problem[], seen: { keys: number; numbers: number }): void {
  if (typeof v === 'number') {
    if (!Number.isFinite(v) && seen.numbers++ < MAX_REPORTED) {
      problems.push(problem(jsonPath(path), 'must be a finite number (NaN, Infinity and numbers beyond ±1.8e308 such as 1e309 are not allowed)', '必须是有限的数字（不允许 NaN、Infinity 以及超出 ±1.8e308 的数，如 1e309）'));
    }
    return;
  }
  if (Array.isArray(v)) {
    if (v.length > MAX_ITEMS) {
      problems.push(problem(jsonPath(path), `has ${v.length} items, more than any list in these files may have (${MAX_ITEMS})`, `有 ${v.length} 项，超过这类文件中任何列表允许的项数（${MAX_ITEMS}）`));
      return;
    }
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      walk(v[i], path, problems, seen);
      path.pop();
    }
    return;
  }
  if (v && typeof v === 'object') {
    const keys = Object.keys(v);
    if (keys.length > MAX_ITEMS) {
      problems.push(problem(jsonPath(path), `has ${keys.length} fields, more than any object in these files may have (${MAX_ITEMS})`, `有 ${keys.length} 个字段，超过这类文件中任何对象允许的字段数（${MAX_ITEMS}）`));
      return;
    }
    for (const key of keys) {
      path.push(key);
      if (FORBIDDEN_KEYS.has(key)) {
        if (seen.keys++ < MAX_REPORTED) {
          problems.push(problem(jsonPath(path), `the key "${key}" is not allowed (it could change how the program's objects behave); remove it`, `不允许使用键 "${key}"（它可能改变程序对象的行为），请删除`));
        }
      } else {
        walk((v as Record<string, unknown>)[key], path, problems, seen);
      }
      path.pop();
    }
  }
}
