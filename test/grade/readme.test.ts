/** Runs the README's grading and classroom examples exactly as written. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const block = readme.split('<!-- grading-examples -->')[1]?.match(/```sh\n([\s\S]*?)```/)?.[1] ?? '';
const commands = block.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));

describe('when an instructor pastes the README grading examples', () => {
  it('should find them in the README', () => {
    expect(commands.length).toBeGreaterThanOrEqual(5);
    expect(commands.every((c) => c.startsWith('npx shopsim '))).toBe(true);
  });

  it('should run every line with exit code 0 and write the files they name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shopsim-readme-'));
    symlinkSync(join(root, 'examples'), join(dir, 'examples'));
    symlinkSync(join(root, 'scenarios'), join(dir, 'scenarios'));
    const outputs: string[] = [];
    let lastHash = '';
    for (const line of commands) {
      const cmd = line.replace(/^npx shopsim /, `node ${JSON.stringify(join(root, 'bin/shopsim.mjs'))} `);
      const res = spawnSync('sh', ['-c', cmd], { cwd: dir, encoding: 'utf8' });
      expect(res.stderr, line).not.toMatch(/internal error|not graded/);
      expect(res.status, `${line}\n${res.stderr}`).toBe(0);
      const out = line.match(/--out (\S+)/)?.[1];
      if (out) outputs.push(out);
      lastHash = res.stdout.match(/game hash ([0-9a-f]{16})/)?.[1] ?? lastHash;
    }
    for (const f of outputs) expect(existsSync(join(dir, f)), f).toBe(true);
    expect(readFileSync(join(dir, 'grades.csv'), 'utf8').startsWith('\uFEFF名次 place,')).toBe(true);
    expect(readFileSync(join(dir, 'class-grades.html'), 'utf8')).toContain('<svg');
    expect(existsSync(join(dir, 'class-r2.shop-s1-02.html'))).toBe(true);
    // `run` on the last game file replays it: the hash advance printed.
    expect(JSON.parse(readFileSync(join(dir, 'class-r2-result.json'), 'utf8')).hash).toBe(lastHash);
  }, 120_000);
});
