/**
 * Build plugin: the built index.html loads one classic (non-module) script and a plain stylesheet
 * link, so the game also runs when a teacher opens dist/index.html straight from a folder or a USB
 * stick (file://), where browsers refuse module scripts and crossorigin requests.
 *
 * Code splitting without modules: the parts that src/ui/lazy.ts loads on demand (the market scene
 * with Pixi) are each built into a classic script of their own (assets/NAME-HASH.js, an IIFE that
 * registers its exports in globalThis.shopsimChunks). In the main bundle, lazy.ts is replaced by a
 * loader that injects that script when the part is first needed, next to the main script, so it
 * works from file:// as from a web server. The project modules a part imports (the engine, the
 * crowd styles) are not bundled twice: the loader hands the main bundle's instances to the part
 * (globalThis.shopsimShared), so both share one module state; packages (Pixi) go in the part.
 *
 * A worker part (the plan's forecast) is the other way round: a Web Worker shares no modules with
 * the page, so its code is bundled whole, and its script holds that code as text with a function
 * that starts it from a Blob address (which file:// pages may start). It stays out of the main
 * script, which the start screen waits for, until the first forecast.
 */
import { createHash } from 'node:crypto';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** The project root (the config's root once Vite has resolved it). */
let ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Each lazily loaded part: its loader in src/ui/lazy.ts and its module. */
export const LAZY_PARTS: Readonly<Record<string, { loader: string; entry: string; worker?: true }>> = {
  scene: { loader: 'loadScene', entry: 'src/ui/scene/marketScene.ts' },
  forecast: { loader: 'loadForecastWorker', entry: 'src/ui/forecast.worker.ts', worker: true },
};

interface BuiltPart {
  name: string;
  fileName: string;
  code: string;
  /** project files the part imports, shared with the main bundle (paths relative to the root) */
  shared: string[];
}

/** Builds one lazy part into a classic script (esbuild), its project imports left to the main bundle; a worker part whole (buildWorkerPart). */
export async function buildPart(name: string, entry: string, worker = false): Promise<BuiltPart> {
  if (worker) return buildWorkerPart(name, entry);
  const esbuild = await import('esbuild');
  const shared = new Set<string>();
  const entryAbs = join(ROOT, entry);
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    stdin: {
      contents: `import * as part from ${JSON.stringify(entryAbs)};\n(globalThis.shopsimChunks ??= {})[${JSON.stringify(name)}] = part;\n`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
    plugins: [
      {
        name: 'shopsim-shared',
        setup(b) {
          b.onResolve({ filter: /^\./ }, async (args) => {
            if (args.pluginData === 'inner') return undefined;
            const r = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: 'inner' });
            if (r.errors.length > 0 || r.path === entryAbs || !r.path.startsWith(join(ROOT, 'src') + '/')) return r;
            const rel = relative(ROOT, r.path).split('\\').join('/');
            shared.add(rel);
            return { path: rel, namespace: 'shopsim-shared' };
          });
          b.onLoad({ filter: /.*/, namespace: 'shopsim-shared' }, (args) => ({
            contents: `module.exports = globalThis.shopsimShared[${JSON.stringify(args.path)}];`,
            loader: 'js',
          }));
        },
      },
    ],
  });
  const code = result.outputFiles[0]!.text;
  const hash = createHash('sha256').update(code).digest('base64url').slice(0, 8);
  return { name, fileName: `assets/${name}-${hash}.js`, code, shared: [...shared].sort() };
}

/**
 * A worker part: the worker's code bundled whole into one IIFE, held as text by a classic script
 * that registers { start() } in globalThis.shopsimChunks; start() runs it in a Web Worker from a
 * Blob address, which the worker revokes as it starts. Bundled by Vite (Rolldown), not esbuild:
 * it drops the parts of zod the worker does not use (245 KB against esbuild's 664 KB).
 */
async function buildWorkerPart(name: string, entry: string): Promise<BuiltPart> {
  const { build } = await import('vite');
  const out = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: join(ROOT, entry), formats: ['iife'], name: 'shopsimWorker', fileName: name },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  });
  const result = Array.isArray(out) ? out[0]! : out;
  if (!('output' in result)) throw new Error(`the ${name} worker did not build`);
  const chunk = result.output.find((x) => x.type === 'chunk');
  if (!chunk) throw new Error(`the ${name} worker built no script`);
  const source = `URL.revokeObjectURL(self.location.href);${chunk.code}`;
  const code =
    `(globalThis.shopsimChunks ??= {})[${JSON.stringify(name)}] = { start: function () {` +
    ` var url = URL.createObjectURL(new Blob([${JSON.stringify(source)}], { type: 'text/javascript' }));` +
    ` try { return new Worker(url); } catch (e) { URL.revokeObjectURL(url); throw e; } } };\n`;
  const hash = createHash('sha256').update(code).digest('base64url').slice(0, 8);
  return { name, fileName: `assets/${name}-${hash}.js`, code, shared: [] };
}

/** The main bundle's stand-in for src/ui/lazy.ts: loads each part's classic script once. */
function loaderSource(parts: readonly BuiltPart[]): string {
  const shared = [...new Set(parts.flatMap((p) => p.shared))].sort();
  const lines = shared.map((f, i) => `import * as shared${i} from ${JSON.stringify(join(ROOT, f))};`);
  lines.push(
    `const shared = { ${shared.map((f, i) => `${JSON.stringify(f)}: shared${i}`).join(', ')} };`,
    `const files = { ${parts.map((p) => `${JSON.stringify(p.name)}: ${JSON.stringify(p.fileName.replace(/^assets\//, ''))}`).join(', ')} };`,
    // The parts sit next to the main script (assets/): resolved against its address while it runs.
    `const here = typeof document !== 'undefined' && document.currentScript && document.currentScript.src ? document.currentScript.src : null;`,
    `const loading = {};`,
    `function load(name) {`,
    `  return (loading[name] ??= new Promise((resolve, reject) => {`,
    `    globalThis.shopsimShared = shared;`,
    `    const s = document.createElement('script');`,
    `    s.src = here ? new URL(files[name], here).href : 'assets/' + files[name];`,
    `    s.onload = () => { const m = globalThis.shopsimChunks && globalThis.shopsimChunks[name]; if (m) resolve(m); else reject(new Error('the script ' + files[name] + ' did not load its part')); };`,
    `    s.onerror = () => { delete loading[name]; reject(new Error('could not load ' + files[name])); };`,
    `    document.head.append(s);`,
    `  }));`,
    `}`,
    ...Object.entries(LAZY_PARTS).map(([name, p]) => `export function ${p.loader}() { return load(${JSON.stringify(name)}); }`),
  );
  return lines.join('\n');
}

export function classicScripts(): Plugin[] {
  let parts: BuiltPart[] = [];
  const lazyModule = () => join(ROOT, 'src/ui/lazy.ts');
  return [
    {
      // Before Vite's own resolver, so that src/ui/lazy.ts is swapped for the loader.
      name: 'shopsim-lazy-parts',
      apply: 'build',
      enforce: 'pre',
      configResolved(config) {
        ROOT = config.root;
      },
      async buildStart() {
        parts = await Promise.all(Object.entries(LAZY_PARTS).map(([name, p]) => buildPart(name, p.entry, p.worker === true)));
      },
      load(id) {
        return id === lazyModule() ? loaderSource(parts) : null;
      },
      generateBundle() {
        for (const p of parts) this.emitFile({ type: 'asset', fileName: p.fileName, source: p.code });
      },
    },
    {
      name: 'shopsim-classic-scripts',
      apply: 'build',
      enforce: 'post',
      config() {
        return {
          build: {
            modulePreload: false,
            rolldownOptions: {
              output: { format: 'iife', codeSplitting: false },
              // An IIFE has no import.meta; the bundler makes it {} anyway (pixi.js reads it only for
              // code splitting, which is off). Said here, so the build log is clean.
              transform: { define: { 'import.meta': '{}' } },
            },
          },
        };
      },
      transformIndexHtml(html) {
        return html
          .replace(/<script type="module" crossorigin src="([^"]+)"><\/script>/g, '<script defer src="$1"></script>')
          .replace(/<link rel="stylesheet" crossorigin href=/g, '<link rel="stylesheet" href=');
      },
    },
  ];
}
