#!/usr/bin/env node
/**
 * Builds the command line's bundle from the TypeScript sources (the single truth):
 *   build/cli/shopsim.mjs      the CLI (src/cli/main.ts and everything it imports)
 *   build/cli/grade-worker.mjs a grading worker thread (src/sim/grading/worker.ts)
 *   build/cli/*-HASH.mjs       the parts the two share, and each command's own code, loaded when
 *                              that command runs (so `shopsim --help` loads no engine)
 *   build/cli/manifest.json    the source files bundled, with a hash of their contents, and the files built
 * Plain JavaScript run by node, so it needs no TypeScript loader; run by npm's `prepare` step
 * (npm install / npm ci) and by bin/shopsim.mjs when a source changed since the last build.
 *   node scripts/build-cli.mjs [OUTDIR]
 * The bundle sits two folders below the project root like src/cli/*.ts, so paths that the
 * sources resolve relative to their own file (schemas/, scenarios/) resolve the same.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ENTRIES = { shopsim: 'src/cli/main.ts', 'grade-worker': 'src/sim/grading/worker.ts' };

/** Hash of the given source files' contents (paths relative to the root, sorted). */
export function sourcesHash(files, root = ROOT) {
  const h = createHash('sha256');
  for (const f of [...files].sort()) {
    h.update(f);
    h.update('\0');
    h.update(readFileSync(join(root, f)));
    h.update('\0');
  }
  return h.digest('hex');
}

/** Builds into outDir (default build/cli); returns the manifest written. */
export async function buildCli(outDir = join(ROOT, 'build/cli')) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Each command's code in a file of its own, loaded when the command runs; the parts shared
    // with the grading worker in shared files. All next to the entries (the sources resolve
    // paths like ../../schemas relative to their own file).
    splitting: true,
    chunkNames: '[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The pool starts this file for its worker threads (not the tsx entry used from the sources).
    // The classroom server's database drivers stay in node_modules: PGlite loads its WebAssembly
    // and data files next to its own module, and pg has an optional native binding.
    external: ['@electric-sql/pglite', 'pg', 'pg-native'],
    define: { SHOPSIM_WORKER_BUNDLE: JSON.stringify('./grade-worker.mjs') },
    banner: { js: '// Built by scripts/build-cli.mjs from src/ (do not edit).' },
    legalComments: 'none',
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((f) => !f.startsWith('node_modules/'))
    .sort();
  const built = result.outputFiles.map((f) => basename(f.path)).sort();
  const manifest = { entries: ENTRIES, files: built, sources: inputs, sourcesHash: sourcesHash(inputs) };
  mkdirSync(outDir, { recursive: true });
  // Write each file under a temporary name and rename it, so a CLI started meanwhile never reads
  // half a file (several processes may rebuild at once, e.g. in the test suite).
  const tag = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  const files = [...result.outputFiles.map((f) => [f.path, f.contents]), [join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n']];
  for (const [path, contents] of files) {
    writeFileSync(`${path}.${tag}.tmp`, contents);
    renameSync(`${path}.${tag}.tmp`, path);
  }
  // Parts of earlier builds (their names carry the hash of what they held) are removed.
  for (const f of readdirSync(outDir)) {
    if (f.endsWith('.mjs') && !built.includes(f)) {
      try {
        unlinkSync(join(outDir, f));
      } catch {
        // another build removed it first
      }
    }
  }
  return manifest;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ? resolve(process.argv[2]) : undefined;
  const m = await buildCli(out);
  console.log(`built ${relative(process.cwd(), out ?? join(ROOT, 'build/cli')) || '.'}: ${m.sources.length} source files`);
}
