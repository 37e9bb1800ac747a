/** The scenario how-to and the README: their links resolve and their validate example prints what they say. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

const root = join(import.meta.dirname, '..', '..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');

function links(file: string): string[] {
  return [...read(file).matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)].map((m) => m[1]!).filter((l) => !/^https?:/.test(l));
}

describe('when the README is read', () => {
  it('should have a "Scenario files" section linking the how-to and the field reference', () => {
    const readme = read('README.md');
    const section = readme.split(/^## /m).find((s) => s.startsWith('Scenario files'));
    expect(section).toBeDefined();
    expect(section).toContain('(docs/scenario-howto.md)');
    expect(section).toContain('(docs/scenario-reference.md)');
  });
});

describe.each(['README.md', 'docs/scenario-howto.md', 'docs/scenario-reference.md'])('when the links of %s are followed', (file) => {
  it('should find every linked file in the repo', () => {
    for (const l of links(file)) expect(existsSync(join(root, dirname(file), l)), `${file} → ${l}`).toBe(true);
  });
});

describe('when the how-to’s validate example is run', () => {
  it('should print exactly the lines the how-to shows', async () => {
    const howto = read('docs/scenario-howto.md');
    const m = /```sh\n(npx shopsim validate test\/fixtures\/[^\n]+)\n```\s*```text\n([\s\S]*?)\n```/.exec(howto);
    expect(m).not.toBeNull();
    const [command, ...files] = m![1]!.replace('npx shopsim ', '').split(/\s+/);
    const err: string[] = [];
    // Absolute paths, shown relative to the repo as the how-to writes them.
    const code = await main([command!, ...files.map((f) => join(root, f))], { out: () => {}, err: (t) => err.push(t) });
    expect(code).toBe(1);
    expect(err.join('\n').split(`${root}/`).join('')).toBe(m![2]);
  });

  it('should name the browser’s load button by the label the UI shows', () => {
    const howto = read('docs/scenario-howto.md');
    const m = /\*\*(.+?) \/ (.+?)\*\*/.exec(howto.slice(howto.indexOf('In the browser')));
    expect(m).not.toBeNull();
    const ui = read('src/ui/i18n.ts');
    expect(ui).toContain(`'${m![1]}'`);
    expect(ui).toContain(`'${m![2]}'`);
  });

  it('should list every shipped scenario in its table', () => {
    const howto = read('docs/scenario-howto.md');
    const readme = read('README.md');
    for (const id of ['tutorial', 'classic', 'price-war', 'brand-building', 'double-11', 'retention', 'search']) {
      expect(howto).toContain(`| \`${id}\` |`);
      expect(readme).toContain(`| \`${id}\` |`);
    }
  });
});
