#!/usr/bin/env node
/**
 * The layering and purity rules Biome cannot express (run by `npm run lint` after `biome lint`):
 * - engine imports nothing outside src/engine (packages: seedrandom in rng.ts, zod for the
 *   promotion tools' schemas), no Node, DOM or Pixi, and never Math.random;
 * - scenario imports only the engine; sim imports scenario and the engine;
 * - cli, server and ui import the engine only through src/engine/index.ts, and sim; not scenario
 *   (sim/scenario.ts passes on what they need); cli may start the server;
 * - one room per rule: no code of the engine, the scenario layer or the UI outside
 *   src/engine/promotions/tools/ tests a promotion's type against a tool's name (each tool's
 *   behaviour is a hook of its own module).
 * Usage: node scripts/check-layers.mjs [ROOT]  (ROOT defaults to the repository; a test runs it on
 * a copy with a planted violation). Exit 1 and one line per violation: FILE:LINE: rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(process.argv[2] ?? join(dirname(new URL(import.meta.url).pathname), '..'));
const src = join(root, 'src');

/** Which layers each layer may import (besides itself), and which packages. */
const RULES = {
  engine: { layers: [], packages: { seedrandom: ['src/engine/rng.ts'], zod: ['src/engine/promotions/'] }, node: false },
  scenario: { layers: ['engine'], packages: { zod: null }, node: false },
  sim: { layers: ['engine', 'scenario'], packages: null, node: true },
  // `shopsim serve` starts the classroom server: the two adapters may meet there.
  cli: { layers: ['engine-index', 'sim', 'server'], packages: null, node: true },
  server: { layers: ['engine-index', 'sim'], packages: null, node: true },
  ui: { layers: ['engine-index', 'sim'], packages: null, node: false },
};

function* files(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (/\.(ts|mts|mjs|js)$/.test(e.name) && !e.name.endsWith('.d.ts')) yield p;
  }
}

const IMPORT = /(?:^|[^\w.])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function layerOf(abs) {
  const rel = relative(src, abs);
  if (rel.startsWith('..')) return null;
  return rel.split(sep)[0];
}

const problems = [];
for (const file of files(src)) {
  const layer = layerOf(file);
  const rule = RULES[layer];
  if (!rule) continue;
  const rel = relative(root, file).split(sep).join('/');
  const text = readFileSync(file, 'utf8');
  const lineOf = (i) => text.slice(0, i).split('\n').length;
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    const at = `${rel}:${lineOf(m.index + Math.max(0, m[0].search(/import|export/)))}`;
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec);
      const to = layerOf(target);
      if (to === layer) continue;
      // Data files beside the sources (the built-in scenarios) are not code.
      if (to === null && spec.endsWith('.json')) continue;
      const toRel = relative(root, target).split(sep).join('/').replace(/\.(ts|mjs|js)$/, '');
      const isEngineIndex = to === 'engine' && (toRel === 'src/engine' || toRel === 'src/engine/index');
      if (to !== null && (rule.layers.includes(to) || (isEngineIndex && rule.layers.includes('engine-index')))) continue;
      const allowed = rule.layers.length ? rule.layers.map((l) => (l === 'engine-index' ? 'src/engine/index.ts' : `src/${l}`)).join(', ') : 'nothing outside src/engine';
      problems.push(`${at}: ${layer} may import ${allowed}, not ${spec}`);
      continue;
    }
    if (spec.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'worker_threads', 'util', 'url', 'crypto', 'http'].includes(spec)) {
      if (!rule.node) problems.push(`${at}: ${layer} must not use Node (${spec})`);
      continue;
    }
    if (rule.packages === null) continue;
    const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    const where = rule.packages[pkg];
    if (where === undefined) problems.push(`${at}: ${layer} must not import the package ${pkg}`);
    else if (where !== null && !where.some((w) => rel.startsWith(w))) problems.push(`${at}: ${layer} imports ${pkg} only in ${where.join(', ')}`);
  }
  if (layer === 'engine') {
    // Randomness only through the named streams of rng.ts; no clock in the engine.
    for (const m of text.matchAll(/\bMath\.random\b|\bDate\.now\b|\bnew Date\b|\bperformance\.now\b/g)) {
      problems.push(`${rel}:${lineOf(m.index)}: the engine is deterministic: ${m[0]} is not allowed (use a named stream of rng.ts)`);
    }
  }
}

// One room per rule: what a promotion tool does lives in its module of
// src/engine/promotions/tools/ (the registry generates the rest), so no code elsewhere asks
// whether a promotion is of a given tool. Adding a tool is adding one file.
const toolsDir = join(src, 'engine', 'promotions', 'tools');
const TOOLS = readdirSync(toolsDir)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -3));
// The game's rules and the browser's forms; reports in src/sim may sum what each tool cost.
const ROOMS = ['engine', 'scenario', 'ui'].map((d) => join(src, d) + sep);
if (TOOLS.length > 0) {
  const names = TOOLS.join('|');
  const ASKS = new RegExp(`\\.type\\s*[!=]==?\\s*['"](${names})['"]|['"](${names})['"]\\s*[!=]==?\\s*[\\w.]*\\.type\\b|\\bcase\\s+['"](${names})['"]`, 'g');
  for (const file of files(src)) {
    if (file.startsWith(toolsDir + sep) || !ROOMS.some((r) => file.startsWith(r))) continue;
    const rel = relative(root, file).split(sep).join('/');
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(ASKS)) {
      const line = text.slice(0, m.index).split('\n').length;
      const tool = m[1] ?? m[2] ?? m[3];
      problems.push(`${rel}:${line}: one room per rule: what the ${tool} tool does belongs in src/engine/promotions/tools/${tool}.ts (a hook of tool.ts), not a test of a promotion's type here`);
    }
  }
}

for (const p of problems) console.error(p);
if (problems.length) {
  console.error(`\n${problems.length} layering or purity problem(s); see CONTRIBUTING.md ("Layers")`);
  process.exit(1);
}
console.log('layers: ok');
