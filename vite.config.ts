import { defineConfig } from 'vitest/config';
import { classicScripts } from './scripts/classicScripts.js';

export default defineConfig({
  // Relative asset paths: the built site works from any folder or web server, offline.
  base: './',
  // One classic script, so dist/index.html also opens straight from a folder (file://).
  plugins: [classicScripts()],
  build: { outDir: 'dist', target: 'es2022', chunkSizeWarningLimit: 2000 },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    // Builds the CLI bundle (build/cli) from the sources once, for the tests that start the CLI.
    globalSetup: ['test/setup/build-cli.ts'],
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ['default', ['json', { outputFile: 'test-artifacts/vitest-results.json' }]],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
