import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSave } from '../../src/sim/save';
import { classic, cli, sampleDecisions, tempDir } from './helpers';

const BOM = '\uFEFF';

/** Splits CSV text (RFC 4180, CRLF) into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

describe('when 40 generated submissions are graded over 5 seeds', () => {
  const { file: scenario, world } = classic();
  const t = tempDir('grade');
  const scenarioPath = t.write('classic.json', scenario);
  const subs: string[] = [];
  for (let i = 0; i < 40; i++) subs.push(t.write(`队伍-${String(i + 1).padStart(2, '0')}.json`, sampleDecisions(world, i, 99)));
  // a save from the browser, with a claimed score that must be ignored
  subs.push(t.write('saved-team.json', { ...makeSave(scenario, 3, world.rounds, [sampleDecisions(world, 40, 99)]), score: 45, claimedEquity: 1e9 }));
  // a copy with every price nudged by 1%: flagged as near-identical
  const copied = sampleDecisions(world, 0, 99) as { rounds: { listings: { price: number }[] }[] };
  for (const r of copied.rounds) for (const l of r.listings) l.price = Math.round(l.price * 101) / 100;
  subs.push(t.write('copycat.json', copied));
  const broken = t.write('broken.json', '{ "kind": "decisions", "version": 1,');
  const badPrice = structuredClone(sampleDecisions(world, 1, 99)) as { rounds: { listings: { price: number }[] }[] };
  badPrice.rounds[0]!.listings[0]!.price = 9999;
  const illegal = t.write('illegal-price.json', badPrice);
  const other = t.write('other-scenario.json', { ...sampleDecisions(world, 2, 99), scenario: 'festival' });
  const otherSave = t.write('other-version-save.json', makeSave({ ...scenario, rounds: 4 }, 1, 4, [sampleDecisions(world, 3, 99)]));
  const all = [...subs, broken, illegal, other, otherSave];
  let one: { code: number; out: string; err: string };
  let csv1: string;
  let csv2: string;

  beforeAll(async () => {
    one = await cli('grade', scenarioPath, ...all, '--seeds', '5', '--jobs', '1', '--out', join(t.dir, 'one.csv'));
    csv1 = readFileSync(join(t.dir, 'one.csv'), 'utf8');
    await cli('grade', scenarioPath, ...all, '--seeds', '5', '--jobs', '2', '--out', join(t.dir, 'two.csv'));
    csv2 = readFileSync(join(t.dir, 'two.csv'), 'utf8');
  }, 240_000);

  it('should write a CSV with a BOM, a header and a row per submitted file', () => {
    expect(one.code).toBe(0);
    expect(csv1.startsWith(BOM)).toBe(true);
    const rows = parseCsv(csv1.slice(1));
    expect(rows[0]!.slice(0, 6)).toEqual(['名次 place', '团队 team', '文件 file', '状态 status', '店铺 shop', '平均分 mean']);
    expect(rows).toHaveLength(1 + all.length);
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
    const teams = rows.slice(1).map((r) => r[1]);
    expect(teams).toContain('队伍-01');
    // the first seed is the scenario's own
    expect(rows[0]).toContain('种子1 seed 1');
  });

  it('should give byte-identical output with --jobs 1 and --jobs 2', () => {
    expect(csv2).toBe(csv1);
  });

  it('should list a broken file, an illegal price and files for another scenario, and grade the others', () => {
    const rows = parseCsv(csv1.slice(1));
    const byTeam = new Map(rows.slice(1).map((r) => [r[1], r]));
    const header = rows[0]!;
    const col = (name: string) => header.indexOf(name);
    expect(byTeam.get('broken')![col('状态 status')]).toBe('无效 invalid');
    expect(byTeam.get('broken')![col('问题 problems')]).toMatch(/not valid JSON/);
    // One illegal listing is dropped and reported, and the team is graded with the rubric's penalty (3 points).
    expect(byTeam.get('illegal-price')![col('状态 status')]).toBe('已评分 graded');
    expect(byTeam.get('illegal-price')![col('提示 notes')]).toMatch(/\$\.rounds\[0\]\.listings\[0\]\.price: listing dropped \(penalty\): illegal price/);
    expect(byTeam.get('illegal-price')![col('违规上架扣分 illegal-listing penalty')]).toBe('3');
    expect(byTeam.get('other-scenario')![col('状态 status')]).toBe('拒绝 refused');
    expect(byTeam.get('other-scenario')![col('问题 problems')]).toContain('made for scenario "festival"');
    expect(byTeam.get('other-version-save')![col('状态 status')]).toBe('拒绝 refused');
    expect(byTeam.get('other-version-save')![col('问题 problems')]).toContain('another version of scenario "classic"');
    const graded = rows.slice(1).filter((r) => r[col('状态 status')] === '已评分 graded');
    expect(graded).toHaveLength(43);
    for (const r of graded) expect(Number(r[col('平均分 mean')])).toBeGreaterThanOrEqual(0);
    expect(one.err).toContain(`not graded (invalid): ${broken}: $: not valid JSON`);
    expect(one.err).toContain(`not graded (refused): ${other}: $.scenario:`);
  });

  it('should flag the copied decisions as near-identical to the team they came from', () => {
    const rows = parseCsv(csv1.slice(1));
    const header = rows[0]!;
    const copycat = rows.find((r) => r[1] === 'copycat')!;
    expect(copycat[header.indexOf('相似提交 similar to')]).toMatch(/^队伍-01 \(0\.9\d*\)/);
  });

  it('should report each team\'s mean, spread and per-seed scores consistently', async () => {
    const rows = parseCsv(csv1.slice(1));
    const header = rows[0]!;
    const seedCols = header.map((h, i) => (h.startsWith('种子') ? i : -1)).filter((i) => i >= 0);
    expect(seedCols).toHaveLength(5);
    for (const r of rows.slice(1).filter((x) => x[3] === '已评分 graded')) {
      const scores = seedCols.map((i) => Number(r[i]));
      const mean = scores.reduce((a, b) => a + b, 0) / 5;
      expect(Number(r[header.indexOf('平均分 mean')])).toBeCloseTo(mean, 1);
      const sd = Math.sqrt(scores.reduce((a, s) => a + (s - mean) ** 2, 0) / 4);
      expect(Number(r[header.indexOf('标准差 sd')])).toBeCloseTo(sd, 1);
    }
  });
});

describe('when a submission claims a score or a state', () => {
  const { file: scenario, world } = classic();
  const t = tempDir('claims');
  const decisions = sampleDecisions(world, 7, 5);

  it('should ignore it: editing the claim changes nothing in the report', async () => {
    const save = makeSave(scenario, 1, world.rounds, [decisions]);
    const a = t.write('team.json', { ...save, score: 12, state: { cash: 1 }, scenarioHash: 'ffff' });
    await cli('grade', 'classic', a, t.write('other.json', sampleDecisions(world, 8, 5)), '--seeds', '2', '--jobs', '1', '--out', join(t.dir, 'a.json'));
    const before = readFileSync(join(t.dir, 'a.json'), 'utf8');
    t.write('team.json', { ...save, score: 45, state: { cash: 99999999 }, scenarioHash: '0000' });
    await cli('grade', 'classic', a, join(t.dir, 'other.json'), '--seeds', '2', '--jobs', '1', '--out', join(t.dir, 'b.json'));
    expect(readFileSync(join(t.dir, 'b.json'), 'utf8')).toBe(before);
    const report = JSON.parse(before);
    expect(report.teams.map((x: { status: string }) => x.status)).toEqual(['ok', 'ok']);
  });

  it('should drop a claimed score from a decisions file with a note, and grade it like the plain file', async () => {
    const plain = t.write('plain.json', decisions);
    const claimed = t.write('claimed.json', { ...decisions, score: 45 });
    const r = await cli('grade', 'classic', plain, claimed, '--seeds', '1', '--jobs', '1', '--out', join(t.dir, 'c.json'));
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(t.dir, 'c.json'), 'utf8'));
    const [x, y] = ['plain', 'claimed'].map((n) => report.teams.find((tm: { team: string }) => tm.team === n));
    expect(y.perSeed).toEqual(x.perSeed);
    expect(y.warnings).toEqual([{ path: '$.score', message: 'ignored: a grade is always recomputed from the decisions' }]);
    expect(report.similarPairs).toEqual([{ a: 'plain', b: 'claimed', similarity: 1, identical: true }]);
  });
});

describe('when a class competes in one market', () => {
  const { world } = classic();
  const t = tempDir('market');
  const files = ['丙队', '甲队', '乙队'].map((name, i) => t.write(`${name}.json`, sampleDecisions(world, 20 + i, 3)));

  it('should seat the teams by name in copies of the player shop, the same for any job count', async () => {
    const a = await cli('grade', 'classic', ...files, '--mode', 'market', '--seeds', '3', '--jobs', '1', '--out', join(t.dir, 'a.json'));
    const b = await cli('grade', 'classic', ...files.slice().reverse(), '--mode', 'market', '--seeds', '3', '--jobs', '2', '--out', join(t.dir, 'b.json'));
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    const ra = JSON.parse(readFileSync(join(t.dir, 'a.json'), 'utf8'));
    const rb = JSON.parse(readFileSync(join(t.dir, 'b.json'), 'utf8'));
    // Seats follow the names (code point order: 丙 < 乙 < 甲), not the order of the arguments.
    const seats = Object.fromEntries(ra.teams.map((x: { team: string; seat: string }) => [x.team, x.seat]));
    expect(seats).toEqual({ 丙队: 's1', 乙队: 's1-02', 甲队: 's1-03' });
    expect(rb.teams.map((x: { team: string; perSeed: unknown }) => [x.team, x.perSeed])).toEqual(ra.teams.map((x: { team: string; perSeed: unknown }) => [x.team, x.perSeed]));
    // One market per seed: every team's game of a seed has the same hash.
    for (let k = 0; k < 3; k++) expect(new Set(ra.teams.map((x: { perSeed: { hash: string }[] }) => x.perSeed[k]!.hash)).size).toBe(1);
  });

  it('should write a self-contained HTML report that loads nothing from elsewhere', async () => {
    await cli('grade', 'classic', ...files, '--mode', 'market', '--seeds', '2', '--jobs', '1', '--out', join(t.dir, 'r.html'));
    const html = readFileSync(join(t.dir, 'r.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('排行榜 League table');
    expect(html).toContain('<svg');
    expect(html).toContain('甲队');
    expect(html).not.toMatch(/<script|<link|src=|url\(/);
  });
});

describe('when nothing can be graded, or the arguments are wrong', () => {
  const t = tempDir('exit');

  it('should exit 1 when no submission could be graded, and with --strict when any could not', async () => {
    const { world } = classic();
    const bad = t.write('bad.json', '[]');
    const good = t.write('good.json', sampleDecisions(world, 1));
    const none = await cli('grade', 'classic', bad, '--seeds', '1', '--jobs', '1');
    expect(none.code).toBe(1);
    expect(none.err).toContain('no submission could be graded');
    expect((await cli('grade', 'classic', bad, good, '--seeds', '1', '--jobs', '1')).code).toBe(0);
    expect((await cli('grade', 'classic', bad, good, '--seeds', '1', '--jobs', '1', '--strict')).code).toBe(1);
  });

  it('should list a missing file as not graded, with its name', async () => {
    const { world } = classic();
    const good = t.write('good2.json', sampleDecisions(world, 2));
    const missing = join(t.dir, 'nope.json');
    const r = await cli('grade', 'classic', good, missing, '--seeds', '1', '--jobs', '1');
    expect(r.code).toBe(0);
    expect(r.err).toContain(`not graded (invalid): ${missing}: $: cannot read`);
  });

  it('should give usage errors (exit 2) for a bad mode, seed count or output extension', async () => {
    expect((await cli('grade', 'classic', 'x.json', '--mode', 'league')).code).toBe(2);
    expect((await cli('grade', 'classic', 'x.json', '--seeds', '0')).code).toBe(2);
    expect((await cli('grade', 'classic', 'x.json', '--out', 'grades.xlsx')).code).toBe(2);
    expect((await cli('grade', 'classic')).code).toBe(2);
  });

  it('should refuse a saved game given as the SCENARIO', async () => {
    const { file, world } = classic();
    const save = t.write('save.json', makeSave(file, 1, 1, [sampleDecisions(world, 1)]));
    const r = await cli('grade', save, save, '--seeds', '1', '--jobs', '1');
    expect(r.code).toBe(1);
    expect(r.err).toContain('is a saved game; give the scenario file here');
  });
});

describe('when a class is too big for one market', () => {
  it('should refuse with the limit, before playing anything', async () => {
    const { world } = classic();
    const t = tempDir('big');
    const d = sampleDecisions(world, 1);
    const files = Array.from({ length: 57 }, (_, i) => t.write(`t${i}.json`, d));
    const r = await cli('grade', 'classic', ...files, '--mode', 'market', '--seeds', '1');
    expect(r.code).toBe(1);
    expect(r.err).toContain("(built-in classic): a market holds at most 60 shops; 57 team seats and the scenario's other shops make 61");
  });
});

describe('when the scenario weights several rubric components', () => {
  it('should show a CSV column per component and a grade that is their weighted sum', async () => {
    const { file, world } = classic();
    const t = tempDir('rubric');
    const scenario = t.write('weighted.json', {
      ...file,
      rules: { ...(file.rules as object), rubric: { components: [{ metric: 'equity', weight: 0.5 }, { metric: 'dsr', weight: 0.3 }, { metric: 'breachRate', weight: 0.2, method: 'scale' }] } },
    });
    const subs = [0, 1, 2].map((i) => t.write(`t${i}.json`, sampleDecisions(world, i)));
    const r = await cli('grade', scenario, ...subs, '--seeds', '2', '--jobs', '1', '--out', join(t.dir, 'g.csv'));
    expect(r.code).toBe(0);
    // Solo grading scores every component on the scale between the worst and the best shop of the game.
    expect(r.out).toContain(
      "rubric: 50% owner's equity scaled 0–45 from the worst shop (or doing nothing, when lower) to the best shop + 30% DSR scaled 0–45 from the worst shop (or doing nothing, when lower) to the best shop + 20% breach rate (lower is better) scaled 0–45 from the worst to the best shop",
    );
    const [header, ...rows] = readFileSync(join(t.dir, 'g.csv'), 'utf8').slice(1).trim().split('\r\n').map((l) => l.split(','));
    const cols = ['所有者权益得分 owner\'s equity score (×0.5)', '动态评分得分 DSR score (×0.3)', '违约率得分 breach rate score (×0.2)'].map((h) => header!.indexOf(h));
    expect(cols.every((c) => c > 0)).toBe(true);
    for (const row of rows) {
      const weighted = 0.5 * Number(row[cols[0]!]) + 0.3 * Number(row[cols[1]!]) + 0.2 * Number(row[cols[2]!]);
      expect(Number(row[header!.indexOf('平均分 mean')])).toBeCloseTo(weighted, 1);
    }
  });
});
