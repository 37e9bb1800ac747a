#!/usr/bin/env node
// Starts the CLI from its prebuilt bundle, build/cli/shopsim.mjs, made from src/ by
// scripts/build-cli.mjs (npm install / npm ci run it as the `prepare` step). The TypeScript sources
// stay the truth: when one of the bundled sources is newer than the bundle (a working copy being
// edited), the bundle is rebuilt first, which takes a fraction of a second.
import { readFileSync, statSync } from 'node:fs';
import module from 'node:module';

// Node 22.1 and later keep the code compiled from the bundle between runs (in the system's temporary
// folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off): from the second run on, the CLI starts sooner.
module.enableCompileCache?.();

const root = new URL('../', import.meta.url);
const manifestUrl = new URL('build/cli/manifest.json', root);

function needsBuild() {
  let manifest;
  let built;
  try {
    built = statSync(manifestUrl).mtimeMs;
    manifest = JSON.parse(readFileSync(manifestUrl, 'utf8'));
  } catch {
    return true;
  }
  for (const file of manifest.sources) {
    let mtime;
    try {
      mtime = statSync(new URL(file, root)).mtimeMs;
    } catch {
      continue; // an installed copy without that source: the bundle is what there is
    }
    if (mtime > built) return true;
  }
  return false;
}

if (needsBuild()) {
  try {
    const { buildCli } = await import('../scripts/build-cli.mjs');
    await buildCli();
  } catch (e) {
    console.error(`shopsim: cannot build the command line from src/ (${e instanceof Error ? e.message.split('\n')[0] : e});\nrun "npm install" (or "npm run build:cli") in ${decodeURIComponent(root.pathname)}`);
    process.exit(70);
  }
}
const { main } = await import('../build/cli/shopsim.mjs');
process.exitCode = await main(process.argv.slice(2));
