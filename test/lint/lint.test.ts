/**
 * The linter keeps the engine pure and the layers apart: planted in a temporary copy of src/, each
 * violation makes `npm run lint`'s checks fail with a line that names the file and the rule; the
 * real tree passes them.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const biome = join(root, 'node_modules', '@biomejs', 'biome', 'bin', 'biome');

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shopsim-lint-'));
  cpSync(join(root, 'src'), join(dir, 'src'), { recursive: true });
  cpSync(join(root, 'scripts', 'check-layers.mjs'), join(dir, 'scripts', 'check-layers.mjs'));
  writeFileSync(join(dir, 'biome.jsonc'), readFileSync(join(root, 'biome.jsonc'), 'utf8').replace(/"\$schema": "[^"]*",/, ''));
  return dir;
}

function layers(dir: string) {
  const r = spawnSync(process.execPath, [join(dir, 'scripts', 'check-layers.mjs'), dir], { encoding: 'utf8' });
  return { code: r.status, text: r.stdout + r.stderr };
}

function biomeLint(dir: string, path: string) {
  const r = spawnSync(process.execPath, [biome, 'lint', '--vcs-enabled=false', `--config-path=${dir}`, join(dir, path)], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, text: r.stdout + r.stderr };
}

const plant = (dir: string, file: string, text: string) => writeFileSync(join(dir, file), text);

describe('the lint of layers and engine purity', () => {
  it('should pass on the real tree', () => {
    const r = layers(root);
    expect(r.text).toContain('layers: ok');
    expect(r.code).toBe(0);
  });

  it('should fail when the engine imports the scenario layer', () => {
    const dir = copy();
    plant(dir, 'src/engine/leak.ts', "import { loadScenario } from '../scenario/load';\nexport const x = loadScenario;\n");
    const r = layers(dir);
    expect(r.code).toBe(1);
    expect(r.text).toContain('src/engine/leak.ts:1: engine may import nothing outside src/engine, not ../scenario/load');
  });

  it('should fail on Math.random or a Node module in the engine', () => {
    const dir = copy();
    plant(dir, 'src/engine/dice.ts', "import { readFileSync } from 'node:fs';\nexport const roll = () => Math.random() + readFileSync.length;\n");
    const r = layers(dir);
    expect(r.code).toBe(1);
    expect(r.text).toContain('src/engine/dice.ts:1: engine must not use Node (node:fs)');
    expect(r.text).toContain('src/engine/dice.ts:2: the engine is deterministic: Math.random is not allowed');
  });

  it('should fail when the UI reaches past the engine’s index or into the scenario layer', () => {
    const dir = copy();
    plant(dir, 'src/ui/peek.ts', "import { quote } from '../engine/promotions/round';\nimport { loadScenario } from '../scenario/load';\nexport const y = [quote, loadScenario];\n");
    const r = layers(dir);
    expect(r.code).toBe(1);
    expect(r.text).toContain('src/ui/peek.ts:1: ui may import src/engine/index.ts, src/sim, not ../engine/promotions/round');
    expect(r.text).toContain('src/ui/peek.ts:2: ui may import src/engine/index.ts, src/sim, not ../scenario/load');
  });

  it('should fail when code outside a tool’s module asks for that tool (one room per rule), and not in the tool’s own module', () => {
    const dir = copy();
    plant(dir, 'src/engine/stages/boost.ts', "import type { Promotion } from '../promotions/types';\nexport const boost = (pr: Promotion) => (pr.type === 'memberDay' ? 2 : 1);\n");
    plant(dir, 'src/ui/toolForm.ts', "export function f(t: string): number {\n  switch (t) {\n    case 'flashSale':\n      return 1;\n  }\n  return 0;\n}\n");
    const r = layers(dir);
    expect(r.code).toBe(1);
    expect(r.text).toContain('src/engine/stages/boost.ts:2: one room per rule: what the memberDay tool does belongs in src/engine/promotions/tools/memberDay.ts');
    expect(r.text).toContain('src/ui/toolForm.ts:3: one room per rule: what the flashSale tool does');
    // A ninth tool's module may name itself; the check learns the tool from the file's name.
    const own = copy();
    plant(own, 'src/engine/promotions/tools/giftCard.ts', "export const isGift = (pr: { type: string }) => pr.type === 'giftCard';\n");
    expect(layers(own).code).toBe(0);
    plant(own, 'src/engine/promotions/round2.ts', "export const isGift = (pr: { type: string }) => pr.type === 'giftCard';\n");
    expect(layers(own).text).toContain('src/engine/promotions/round2.ts:1: one room per rule: what the giftCard tool does');
  });

  it('should exempt no file from one room per rule: a coupon test planted in customers.ts or the allocate stage fails', () => {
    const dir = copy();
    const append = (file: string, line: string) => plant(dir, file, `${readFileSync(join(dir, file), 'utf8')}${line}`);
    append('src/engine/customers.ts', "export const sent = (pr: { type: string }) => pr.type === 'coupon';\n");
    append('src/engine/stages/allocate.ts', "export const own = (pr: { type: string }) => pr.type !== 'coupon';\n");
    const r = layers(dir);
    expect(r.code).toBe(1);
    expect(r.text).toMatch(/src\/engine\/customers\.ts:\d+: one room per rule: what the coupon tool does/);
    expect(r.text).toMatch(/src\/engine\/stages\/allocate\.ts:\d+: one room per rule: what the coupon tool does/);
  });

  it('should make Biome fail on a clock or the DOM in the engine (and not elsewhere)', () => {
    const dir = copy();
    plant(dir, 'src/engine/clock.ts', 'export const now = () => Date.now() + document.title.length;\n');
    plant(dir, 'src/ui/clock.ts', 'export const now = () => Date.now();\n');
    const bad = biomeLint(dir, 'src/engine/clock.ts');
    expect(bad.code).toBe(1);
    expect(bad.text).toContain('The engine has no clock');
    expect(bad.text).toContain('No DOM in the engine');
    expect(biomeLint(dir, 'src/ui/clock.ts').code).toBe(0);
  });
});
