// Worker threads run TypeScript through tsx, like bin/shopsim.mjs: register, then load the module.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
