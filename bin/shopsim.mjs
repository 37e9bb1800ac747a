#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx shopsim` works in a fresh clone with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
