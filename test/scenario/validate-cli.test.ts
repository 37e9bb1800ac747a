/** `shopsim validate` on decisions files and saved games, beside the scenario files of the other tests. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { builtinScenario } from '../../src/scenario/builtin';
import { makeSave } from '../../src/sim/save';

const tmp = mkdtempSync(join(tmpdir(), 'shopsim-validate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const root = join(import.meta.dirname, '..', '..');

function write(name: string, value: unknown): string {
  const file = join(tmp, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

async function validate(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['validate', ...args], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const decisions = (price: number) => ({
  kind: 'decisions', version: 1, scenario: 'tutorial', shop: 's1',
  rounds: [{ round: 1, listings: [{ city: 'hz', product: 'tea', price }] }],
});

describe('when decisions files are validated', () => {
  it('should check one against a built-in scenario of the id it names', async () => {
    const file = write('d-ok.json', decisions(49.9));
    expect(await validate(file)).toEqual({ code: 0, out: `${file}: ok`, err: '' });
  });

  it('should check one against a scenario given with --scenario', async () => {
    const file = write('d-cap.json', decisions(65.01));
    const res = await validate(file, '--scenario', join(root, 'scenarios/tutorial.json'));
    expect(res.code).toBe(1);
    expect(res.err).toBe(`${file}: $.rounds[0].listings[0].price: illegal price (违规价格): price + shipping = 65.01 is above the cap 65.00 (reference price 50.00 × (1 + 0.3))`);
  });

  it('should say when it has no scenario to check against', async () => {
    const file = write('d-none.json', { ...decisions(40), scenario: 'nowhere' });
    const res = await validate(file);
    expect(res.code).toBe(1);
    expect(res.err).toContain(`${file}: $.scenario: no scenario "nowhere" to check against (give it with --scenario FILE; built-in: `);
    expect(res.err).toContain('classic');
  });
});

describe('when saved games are validated', () => {
  it('should accept a save whose scenario and decisions are good', async () => {
    const file = write('save-ok.json', makeSave(builtinScenario('tutorial'), 3, 1, [decisions(45)]));
    expect(await validate(file)).toEqual({ code: 0, out: `${file}: ok`, err: '' });
  });

  it('should name the path inside the save of a broken decision', async () => {
    const file = write('save-bad.json', makeSave(builtinScenario('tutorial'), 3, 1, [decisions(70)]));
    const res = await validate(file);
    expect(res.code).toBe(1);
    expect(res.err).toBe(`${file}: $.decisions[0].rounds[0].listings[0].price: illegal price (违规价格): price + shipping = 70.00 is above the cap 65.00 (reference price 50.00 × (1 + 0.3))`);
  });
});
