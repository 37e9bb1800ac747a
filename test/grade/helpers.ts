/** Shared by the grading tests: the CLI in-process, a temp folder, sample teams. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { builtinScenario } from '../../src/scenario/builtin';
import { loadScenario } from '../../src/scenario/load';
import type { World } from '../../src/engine';
import { sampleDecisions } from '../../src/sim/grading/sampleTeams';

export async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

export function tempDir(tag: string): { dir: string; write(name: string, value: unknown): string } {
  const dir = mkdtempSync(join(tmpdir(), `shopsim-${tag}-`));
  return {
    dir,
    write(name, value) {
      const p = join(dir, name);
      writeFileSync(p, typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`);
      return p;
    },
  };
}

export function classic(): { file: Record<string, unknown>; world: World } {
  const file = structuredClone(builtinScenario('classic')) as Record<string, unknown>;
  const res = loadScenario(file);
  if (!res.ok) throw new Error('classic does not load');
  return { file, world: res.value };
}

export { sampleDecisions };
