import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const read = (f: string) => readFileSync(f);
const manifest = () => JSON.parse(readFileSync('build/cli/manifest.json', 'utf8')) as { files: string[]; sources: string[]; sourcesHash: string };

/** The bundle files that loading `entry` loads before any code runs (static imports, not import()). */
function staticGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    const text = readFileSync(join('build/cli', f), 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\b[^;]*?from\s*"\.\/([^"]+)"|^import\s*"\.\/([^"]+)"/gms)) visit((m[1] ?? m[2])!);
  };
  visit(entry);
  return [...seen];
}

/** The same hash as scripts/build-cli.mjs: each source's path and contents, in path order. */
function hashOf(files: string[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort()) {
    h.update(f);
    h.update('\0');
    h.update(readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex');
}

describe('when the CLI runs from its prebuilt bundle (build/cli, made by npm prepare from src/)', () => {
  it('should be the bundle that the current sources build, byte for byte', () => {
    const out = mkdtempSync(join(tmpdir(), 'shopsim-bundle-'));
    execFileSync(process.execPath, ['scripts/build-cli.mjs', out], { stdio: 'ignore' });
    const built = readdirSync(out).sort();
    expect(built).toContain('shopsim.mjs');
    expect(built).toContain('grade-worker.mjs');
    expect(readdirSync('build/cli').sort(), 'build/cli holds other files than a build makes: run npm run build:cli').toEqual(built);
    for (const f of built) {
      expect(read(join(out, f)).equals(read(join('build/cli', f))), `build/cli/${f} is stale: run npm run build:cli`).toBe(true);
    }
    expect(manifest().files).toEqual(built.filter((f) => f !== 'manifest.json'));
  });

  it('should record the hash of the sources it was built from (every src/ and scenarios/ file the CLI and grading worker import)', () => {
    const m = manifest();
    expect(m.sources).toContain('src/cli/main.ts');
    expect(m.sources).toContain('src/sim/grading/worker.ts');
    expect(m.sources.every((f) => f.startsWith('src/') || f.startsWith('scenarios/'))).toBe(true);
    expect(hashOf(m.sources)).toBe(m.sourcesHash);
  });

  it('should load neither tsx nor pixi.js (nor the browser UI)', () => {
    const m = manifest();
    expect(m.sources.filter((f) => f.startsWith('src/ui/'))).toEqual([]);
    for (const f of m.files) {
      const text = readFileSync(join('build/cli', f), 'utf8');
      expect(text).not.toMatch(/from ["']tsx|pixi\.js|@pixi\//);
    }
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.dependencies.tsx).toBeUndefined();
    expect(pkg.scripts.prepare).toBe('node scripts/build-cli.mjs');
  });

  it('should grade with a worker thread from the bundled worker, byte-identical to one thread (batches of games)', () => {
    const out = mkdtempSync(join(tmpdir(), 'shopsim-bundle-grade-'));
    const files = ['examples/grade-team-01.json', 'examples/grade-team-02.json', 'examples/grade-team-03.json', 'examples/grade-team-06-save.json'];
    // 4 teams × 12 seeds: 48 games, enough for one worker thread to be started (GAMES_PER_NEW_THREAD).
    const grade = (jobs: string, file: string) =>
      spawnSync(process.execPath, ['bin/shopsim.mjs', 'grade', 'classic', ...files, '--seeds', '12', '--jobs', jobs, '--out', join(out, file)], { encoding: 'utf8' });
    const one = grade('1', 'one.csv');
    const three = grade('3', 'three.csv');
    expect(one.status).toBe(0);
    expect(three.status).toBe(0);
    expect(three.stderr).toBe(''); // stderr is no terminal here: no progress bar
    expect(three.stdout.replace('three.csv', 'one.csv')).toBe(one.stdout);
    expect(readFileSync(join(out, 'three.csv'), 'utf8')).toBe(readFileSync(join(out, 'one.csv'), 'utf8'));
  });

  it('should load none of the engine, the schemas or a command for shopsim --help (each command is loaded when it runs)', () => {
    const graph = staticGraph('shopsim.mjs');
    const text = graph.map((f) => readFileSync(join('build/cli', f), 'utf8')).join('\n');
    // Names the engine, the scenario schema and the commands define: none is in what --help loads.
    for (const name of ['function playGame', 'function playRound', 'function loadScenario', 'function runCommand', 'function gradeCommand', '// node_modules/zod/']) expect(text).not.toContain(name);
    const bytes = graph.reduce((n, f) => n + read(join('build/cli', f)).length, 0);
    expect(bytes).toBeLessThan(100_000);
    // …while the whole CLI is there, in files loaded on demand.
    const all = manifest().files.map((f) => readFileSync(join('build/cli', f), 'utf8')).join('\n');
    for (const name of ['function playGame', 'function runCommand', 'function gradeCommand', '// node_modules/zod/']) expect(all).toContain(name);
  });

  it('should answer --help from bin/shopsim.mjs with exit 0', () => {
    const r = spawnSync(process.execPath, ['bin/shopsim.mjs', '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: shopsim COMMAND');
    expect(r.stderr).toBe('');
  });
});
