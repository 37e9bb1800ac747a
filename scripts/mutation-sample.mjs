#!/usr/bin/env node
/**
 * An estimate of the mutation score of the whole of src/engine from a seeded random sample of its
 * code (npm run test:mutation:sample). Mutating every line is 4,782 mutants and 7–10 hours on a
 * 2-core machine; this mutates only sampled line ranges of every engine file and states the score
 * of the sampled mutants with a 95% confidence interval.
 *
 * How the sample is drawn (deterministic: same seed and same sources → same ranges):
 * - every .ts file under src/engine is a stratum; its "code lines" are the lines that are not
 *   blank, not comments and not imports/exports of types only;
 * - from each file, blocks of BLOCK consecutive code lines are drawn without overlap, by a
 *   mulberry32 generator seeded with the seed and the file's path, until they cover FRACTION of
 *   the file's code lines (at least one block per file that has code);
 * - each block becomes a Stryker mutate range `file:firstLine-lastLine`;
 * - the blocks are then put in one seeded random order and measured CHUNK at a time, one Stryker
 *   run each (its report test-artifacts/mutation-sample/run-NN.json, its ranges run-NN.ranges.txt).
 *   What is measured is always a prefix of that order, so a run stopped early (--until HH:MM, the
 *   machine time after which no run starts that the longest run so far says would end later) is
 *   still a random sample of blocks, only smaller; calling again goes on from there. Delete the
 *   folder to start over (the sources or the seed changed: ranges no longer in the plan are ignored).
 * Each run uses stryker.config.json and its test set (vitest.mutation.config.ts) with only the
 * mutate list and the reporters changed.
 *
 * The score is Stryker's: (killed + timeout) / (killed + timeout + survived + no coverage), over
 * the sampled mutants (compile and runtime errors and ignored mutants left out). Two intervals are
 * printed: the binomial (Wilson) one, which treats sampled mutants as independent, and one that
 * treats each sampled block as the unit (a ratio estimator over blocks), which is wider and more
 * honest when a block's mutants live or die together.
 *
 * Usage: npm run test:mutation:sample -- [--seed N] [--fraction F] [--block L] [--chunk B]
 *        [--until HH:MM] [--plan] [--report-only]
 *   defaults: seed 20261130, fraction 0.08 (about 9% with at least one block a file), block 4,
 *   chunk 17; --plan prints the ranges in their order and stops; --report-only prints the estimate
 *   of what is measured; other arguments go to stryker.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const outDir = join(root, 'test-artifacts', 'mutation-sample');

const args = process.argv.slice(2);
function option(name, fallback) {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
}
function flag(name) {
  const i = args.indexOf(name);
  if (i < 0) return false;
  args.splice(i, 1);
  return true;
}
const seed = Number(option('--seed', '20261130'));
const fraction = Number(option('--fraction', '0.08'));
const block = Number(option('--block', '4'));
const chunkSize = Number(option('--chunk', '17'));
const untilText = option('--until', null);
const planOnly = flag('--plan');
const reportOnly = flag('--report-only');
let until = null;
if (untilText !== null) {
  const m = /^(\d{1,2}):(\d{2})$/.exec(untilText);
  if (!m) {
    console.error('mutation-sample: --until takes a machine time HH:MM');
    process.exit(2);
  }
  const d = new Date();
  d.setHours(Number(m[1]), Number(m[2]), 0, 0);
  until = d.getTime();
}
if (!Number.isInteger(chunkSize) || chunkSize < 1) {
  console.error('mutation-sample: --chunk must be an integer ≥ 1');
  process.exit(2);
}
if (!Number.isInteger(seed) || !(fraction > 0 && fraction <= 1) || !(Number.isInteger(block) && block >= 1)) {
  console.error('mutation-sample: --seed must be an integer, --fraction in (0, 1], --block an integer ≥ 1');
  process.exit(2);
}

function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function hashString(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function engineFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...engineFiles(path));
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out.sort();
}

/** 1-based numbers of the lines that can hold a mutant (not blank, comment or type-only import/export). */
function codeLines(text) {
  const lines = text.split('\n');
  const out = [];
  let inComment = false;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].trim();
    if (inComment) {
      if (t.includes('*/')) inComment = false;
      continue;
    }
    if (t === '' || t.startsWith('//')) continue;
    if (t.startsWith('/*')) {
      if (!t.includes('*/')) inComment = true;
      continue;
    }
    if (/^(import|export)\s+type\b/.test(t) || /^import\b/.test(t)) continue;
    out.push(i + 1);
  }
  return out;
}

function plan() {
  const files = [];
  for (const path of engineFiles(join(root, 'src', 'engine'))) {
    const file = relative(root, path).split('\\').join('/');
    const code = codeLines(readFileSync(path, 'utf8'));
    if (code.length === 0) continue;
    const blocks = Math.max(1, Math.round((code.length * fraction) / block));
    const slots = Math.max(1, Math.floor(code.length / block));
    const random = mulberry32(seed ^ hashString(file));
    // draw `blocks` distinct slots of `block` code lines (a partial Fisher–Yates shuffle)
    const order = Array.from({ length: slots }, (_, i) => i);
    const chosen = [];
    for (let k = 0; k < Math.min(blocks, slots); k++) {
      const j = k + Math.floor(random() * (slots - k));
      [order[k], order[j]] = [order[j], order[k]];
      chosen.push(order[k]);
    }
    chosen.sort((a, b) => a - b);
    const ranges = chosen.map((s) => {
      const first = code[s * block];
      const last = code[Math.min(code.length, (s + 1) * block) - 1];
      return { first, last, codeLines: Math.min(code.length, (s + 1) * block) - s * block };
    });
    files.push({ file, codeLines: code.length, ranges });
  }
  return files;
}

const sample = plan();
const blocks = sample.flatMap((f) => f.ranges.map((r) => ({ file: f.file, ...r, pattern: `${f.file}:${r.first}-${r.last}` })));
const totalCode = sample.reduce((n, f) => n + f.codeLines, 0);
const sampledCode = blocks.reduce((n, b) => n + b.codeLines, 0);
// The blocks run in a seeded random order, CHUNK at a time (one Stryker run each): the blocks
// measured so far are always a prefix of that order, i.e. a random sample of blocks, so a run cut
// short (--until) still gives an honest, wider, estimate, and a later call goes on from there.
const order = blocks.map((_, i) => i);
const shuffle = mulberry32(seed);
for (let i = order.length - 1; i > 0; i--) {
  const j = Math.floor(shuffle() * (i + 1));
  [order[i], order[j]] = [order[j], order[i]];
}
mkdirSync(outDir, { recursive: true });
// What is measured: each finished Stryker run leaves run-NN.json and run-NN.ranges.txt (its ranges).
const known = new Set(blocks.map((x) => x.pattern));
const runs = () =>
  readdirSync(outDir)
    .filter((f) => /^run-\d+\.ranges\.txt$/.test(f) && existsSync(join(outDir, f.replace('.ranges.txt', '.json'))))
    .sort()
    .map((f) => ({ json: join(outDir, f.replace('.ranges.txt', '.json')), ranges: readFileSync(join(outDir, f), 'utf8').split('\n').filter(Boolean) }))
    .filter((r) => r.ranges.every((x) => known.has(x)));
const measuredBlocks = () => new Set(runs().flatMap((r) => r.ranges));
const pending = () => {
  const m = measuredBlocks();
  return order.map((k) => blocks[k].pattern).filter((x) => !m.has(x));
};
console.log(
  `mutation sample: seed ${seed}, ${sample.length} files, ${blocks.length} ranges of ${block} code lines, ` +
    `${sampledCode} of ${totalCode} code lines (${((100 * sampledCode) / totalCode).toFixed(1)}%); ${blocks.length - pending().length} ranges measured`,
);
if (planOnly) {
  order.forEach((k, i) => console.log(`  ${i + 1}: ${blocks[k].pattern}`));
  process.exit(0);
}

if (!reportOnly) {
  const base = JSON.parse(readFileSync(join(root, 'stryker.config.json'), 'utf8'));
  delete base.$schema;
  const started = Date.now();
  let longest = 0;
  for (;;) {
    const next = pending().slice(0, chunkSize);
    if (next.length === 0) break;
    if (until !== null && Date.now() + longest > until) {
      console.log(`${pending().length} ranges not started: the next run would end after --until`);
      break;
    }
    const n = runs().length + 1;
    const name = (ext) => join(outDir, `run-${String(n).padStart(2, '0')}.${ext}`);
    const config = {
      ...base,
      mutate: next,
      reporters: ['progress', 'json'],
      jsonReporter: { fileName: relative(root, name('json')) },
    };
    const configFile = join(outDir, 'stryker.sample.config.json');
    writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
    const t0 = Date.now();
    const run = spawnSync('npx', ['stryker', 'run', relative(root, configFile), ...args], { cwd: root, stdio: 'inherit' });
    const took = Date.now() - t0;
    longest = Math.max(longest, took);
    console.log(`run ${n} (${next.length} ranges): ${(took / 60000).toFixed(1)} min (exit ${run.status})`);
    if (run.status !== 0) process.exit(run.status ?? 1);
    writeFileSync(name('ranges.txt'), `${next.join('\n')}\n`);
  }
  console.log(`stryker runs took ${((Date.now() - started) / 60000).toFixed(1)} min`);
}

// ---- the estimate ----
const done = runs();
if (done.length === 0) {
  console.log('nothing measured yet');
  process.exit(1);
}
const files = {};
for (const r of done) {
  for (const [file, result] of Object.entries(JSON.parse(readFileSync(r.json, 'utf8')).files)) {
    (files[file] ??= { mutants: [] }).mutants.push(...result.mutants);
  }
}
const report = { files };
const measuredCount = measuredBlocks().size;
const orderPatterns = order.map((k) => blocks[k].pattern);
const prefix = orderPatterns.findIndex((x) => !measuredBlocks().has(x));
console.log(
  `\n${measuredCount} of ${blocks.length} ranges measured in ${done.length} runs` +
    (prefix >= 0 && prefix < measuredCount ? ' (warning: not a prefix of the seeded order, so not a random sample)' : ''),
);
const detected = new Set(['Killed', 'Timeout']);
const undetected = new Set(['Survived', 'NoCoverage']);
const rangeKey = (file, line) => {
  const r = blocks.find((b) => b.file === file && line >= b.first && line <= b.last);
  return r ? r.pattern : `${file}:?`;
};
const perFile = [];
const perBlock = new Map();
let killed = 0;
let total = 0;
for (const [file, result] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  let k = 0;
  let n = 0;
  for (const m of result.mutants) {
    if (!detected.has(m.status) && !undetected.has(m.status)) continue;
    const hit = detected.has(m.status) ? 1 : 0;
    k += hit;
    n += 1;
    const key = rangeKey(file, m.location.start.line);
    const b = perBlock.get(key) ?? { k: 0, n: 0 };
    b.k += hit;
    b.n += 1;
    perBlock.set(key, b);
  }
  killed += k;
  total += n;
  perFile.push({ file, k, n });
}
if (total === 0) {
  console.log('no mutants in the sample');
  process.exit(1);
}
const p = killed / total;
const z = 1.96;
const centre = (p + (z * z) / (2 * total)) / (1 + (z * z) / total);
const half = (z * Math.sqrt((p * (1 - p)) / total + (z * z) / (4 * total * total))) / (1 + (z * z) / total);
// blocks as the sampling unit: ratio estimator, variance of the residuals k_b − p·n_b
const units = [...perBlock.values()];
const B = units.length;
const nBar = total / B;
const s2 = units.reduce((s, b) => s + (b.k - p * b.n) ** 2, 0) / Math.max(1, B - 1);
const seBlock = Math.sqrt(s2 / B) / nBar;
const pct = (x) => `${(100 * x).toFixed(1)}%`;
console.log('\nper file (killed + timeout of sampled mutants):');
for (const f of perFile) {
  if (f.n > 0) console.log(`  ${f.file.padEnd(40)} ${String(f.k).padStart(4)} / ${String(f.n).padEnd(4)} ${pct(f.k / f.n)}`);
}
console.log(
  `\nsampled mutation score of src/engine: ${pct(p)} (${killed} of ${total} mutants in ${B} blocks)\n` +
    `  95% interval, binomial (Wilson): ${pct(centre - half)} – ${pct(centre + half)}\n` +
    `  95% interval, blocks as the unit: ${pct(Math.max(0, p - z * seBlock))} – ${pct(Math.min(1, p + z * seBlock))}`,
);
