/**
 * Files on the command line: every read and write goes through src/cli/io.ts. A bad path is
 * `FILE: cannot read: <why>` with exit 1 (never "internal error"); writes are atomic and all or
 * none; an output that is also an input is refused; a closed stdout ends the output quietly; UTF-16
 * text with a byte-order mark reads like UTF-8. Each test below failed before io.ts did these.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { decodeText, writeFiles } from '../../src/cli/io';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

const root = join(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'shopsim-files-'));
chmodSync(tmp, 0o777);
const scenarioText = readFileSync(join(root, 'scenarios', 'classic.json'), 'utf8');
const put = (name: string, text: string | Buffer) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

/** The real program in a child process, optionally as another user (root tests a permission as "nobody"). */
function shopsim(args: string[], opts: { uid?: number } = {}) {
  const res = spawnSync(process.execPath, [join(root, 'bin', 'shopsim.mjs'), ...args], { cwd: root, encoding: 'utf8', ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}) });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

const STACK = /\n\s+at |Error:|internal error/;

describe('when a file cannot be read', () => {
  it('should name a directory given as a scenario, exit 1', async () => {
    const dir = join(tmp, 'a-folder.json');
    mkdirSync(dir, { recursive: true });
    const r = await cli('run', dir);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${dir}: cannot read: is a directory, not a file\n`);
  });

  it('should name a path whose folder is a file, and a missing file, exit 1', async () => {
    const file = put('plain.txt', 'x');
    const r = await cli('validate', join(file, 'inside.json'), join(tmp, 'missing.json'));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${join(file, 'inside.json')}: cannot read: a folder on its path is a file (ENOTDIR)`);
    expect(r.err).toContain(`${join(tmp, 'missing.json')}: cannot read: no such file`);
  });

  describe('when a file has no read permission (chmod 000; as root the program runs as "nobody")', () => {
    const uid = process.getuid?.() === 0 ? 65534 : undefined;
    let locked = '';
    let good = '';
    beforeAll(() => {
      // The bundle is rebuilt (if a source is newer) by this user, not by "nobody".
      shopsim(['--help']);
      locked = put('locked.json', '{"kind":"decisions"}');
      chmodSync(locked, 0o000);
      good = join(root, 'examples', 'grade-team-01.json');
    });

    it('should say "permission denied" with exit 1, not "internal error" with exit 70', () => {
      const r = shopsim(['run', locked], { uid });
      expect(r.err).toBe(`${locked}: cannot read: permission denied (EACCES)\n`);
      expect(r.code).toBe(1);
    });

    it('should grade the other submissions and write the report, listing the unreadable one as not graded', () => {
      const out = join(tmp, 'grades.csv');
      const r = shopsim(['grade', 'classic', good, locked, '--seeds', '1', '--jobs', '1', '--out', out], { uid });
      expect(r.err).not.toMatch(STACK);
      expect(r.err).toContain(locked);
      expect(r.err).toContain('permission denied');
      expect(r.code).toBe(0);
      expect(readFileSync(out, 'utf8')).toContain('grade-team-01');
    });
  });
});

describe('when an output path is also an input', () => {
  it('should refuse run X --out X (exit 2) and leave X as it was', async () => {
    const scen = put('mine.json', scenarioText);
    const r = await cli('run', scen, '--out', join(tmp, '.', 'mine.json'));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`the output ${join(tmp, '.', 'mine.json')} is also an input`);
    expect(readFileSync(scen, 'utf8')).toBe(scenarioText);
  });

  it('should refuse a decisions file as the output of run and of advance', async () => {
    const dec = put('dec.json', readFileSync(join(root, 'examples', 'decisions-s1.json'), 'utf8'));
    expect((await cli('run', '--decisions', dec, '--out', dec)).code).toBe(2);
    const game = put('game.json', scenarioText);
    expect((await cli('advance', game, '--out', game)).code).toBe(2);
    expect(readFileSync(game, 'utf8')).toBe(scenarioText);
  });
});

describe('when writing', () => {
  it('should write all files or none: a failing third file leaves the first two unwritten (and no temporary file)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shopsim-all-'));
    mkdirSync(join(dir, 'c.txt'));
    expect(() => writeFiles([{ path: join(dir, 'a.txt'), text: 'a' }, { path: join(dir, 'b.txt'), text: 'b' }, { path: join(dir, 'c.txt'), text: 'c' }])).toThrow(/c\.txt: cannot write/);
    expect(readdirSync(dir)).toEqual(['c.txt']);
  });

  it('should replace a file only whole: the old text stays until the new one is complete', () => {
    const p = put('keep.json', 'old');
    writeFiles([{ path: p, text: 'new' }]);
    expect(readFileSync(p, 'utf8')).toBe('new');
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('should let advance write nothing (no next game, no report) when a later write fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shopsim-adv-'));
    const out = join(dir, 'class-r1.json');
    // The class overview's name is taken by a folder: the last write of the round fails.
    mkdirSync(join(dir, 'class-r1.class.csv'));
    const r = await cli('advance', 'classic', '--decisions', join(root, 'examples', 'class-s1.json'), '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('class-r1.class.csv: cannot write');
    expect(readdirSync(dir)).toEqual(['class-r1.class.csv']);
    expect(existsSync(out)).toBe(false);
  });
});

describe('when stdout is closed by its reader', () => {
  for (const pipe of ['| true', '| head -c 1']) {
    it(`should end quietly: shopsim run --json ${pipe} prints no stack trace and exits 0`, () => {
      const res = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" bin/shopsim.mjs run --json ${pipe} >/dev/null`], { cwd: root, encoding: 'utf8' });
      expect(res.stderr).toBe('');
      expect(res.status).toBe(0);
    });
  }
});

describe('when a text file is not plain UTF-8', () => {
  const bom = (enc: 'utf16le' | 'utf16be' | 'utf8') => {
    if (enc === 'utf8') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(scenarioText, 'utf8')]);
    const le = Buffer.from(`\ufeff${scenarioText}`, 'utf16le');
    return enc === 'utf16le' ? le : Buffer.from(le).swap16();
  };

  for (const enc of ['utf16le', 'utf16be', 'utf8'] as const) {
    it(`should read ${enc} with a byte-order mark (as Notepad saves) like plain UTF-8`, async () => {
      const p = put(`scen-${enc}.json`, bom(enc));
      const r = await cli('validate', p);
      expect(r.err).toBe('');
      expect(r.out).toBe(`${p}: ok\n`);
    });
  }

  it('should refuse bytes that are not UTF-8 by name, not as garbled JSON', () => {
    expect(() => decodeText(Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]), 'x.json')).toThrow('x.json: $: is not UTF-8 or UTF-16 text');
  });
});
