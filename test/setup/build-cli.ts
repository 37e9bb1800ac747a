/**
 * Vitest global setup: builds the CLI bundle (build/cli) from the current sources once before the
 * tests, so tests that start `node bin/shopsim.mjs` run the code under test.
 */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
