import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classic, cli, sampleDecisions, tempDir } from './helpers';

const hashOf = (out: string) => JSON.parse(out).hash as string;

describe('when a classroom plays three rounds with shopsim advance', () => {
  // A three-round version of classic, so that `shopsim run` with the whole decisions files plays
  // exactly the rounds advance played.
  const { file, world } = classic();
  const t = tempDir('advance');
  const scenario = t.write('three.json', { ...file, rounds: 3 });
  const teamA = t.write('a.json', { ...sampleDecisions(world, 1, 7), rounds: (sampleDecisions(world, 1, 7).rounds as unknown[]).slice(0, 3) });
  const teamB = t.write('b.json', { ...sampleDecisions(world, 2, 7), shop: 's1-02', rounds: (sampleDecisions(world, 2, 7).rounds as unknown[]).slice(0, 3) });
  const g = (n: number) => join(t.dir, `game-r${n}.json`);

  it('should reach the same final hash as shopsim run with the same decisions', async () => {
    const setup = await cli('advance', scenario, '--teams', '2', '--setup', '--out', g(0));
    expect(setup.code).toBe(0);
    expect(setup.out).toContain('team shops: s1 (我的网店), s1-02 (我的网店 2)');
    for (let r = 1; r <= 3; r++) {
      const res = await cli('advance', g(r - 1), '--decisions', teamA, '--decisions', teamB, '--out', g(r));
      expect(res.err).toBe('');
      expect(res.code).toBe(0);
      expect(res.out).toContain(`round ${r} of 3 played`);
    }
    const advanced = (await cli('advance', g(2), '--decisions', teamA, '--decisions', teamB, '--out', join(t.dir, 'again.json'))).out.match(/game hash ([0-9a-f]{16})/)![1];
    const replayed = hashOf((await cli('run', g(3), '--json')).out);
    expect(replayed).toBe(advanced);
    // The same game from the scenario with its seats: the seated scenario is inside the game file.
    const seated = t.write('seated.json', JSON.parse(readFileSync(g(0), 'utf8')).scenario);
    const whole = hashOf((await cli('run', seated, '--decisions', teamA, '--decisions', teamB, '--json')).out);
    expect(whole).toBe(advanced);
  });

  it('should write each team\'s round report (HTML and CSV, a row per round) and a class overview', () => {
    for (const shop of ['s1', 's1-02']) {
      const html = readFileSync(join(t.dir, `game-r3.shop-${shop}.html`), 'utf8');
      expect(html).toContain('第3期经营报告 Round 3 report');
      expect(html).toContain('<svg');
      expect(html).not.toMatch(/<script|<link|src="http/);
      const csv = readFileSync(join(t.dir, `game-r3.shop-${shop}.csv`), 'utf8');
      expect(csv.startsWith('\uFEFF期 round,')).toBe(true);
      expect(csv.trim().split('\r\n')).toHaveLength(4);
    }
    expect(existsSync(join(t.dir, 'game-r3.class.html'))).toBe(true);
    expect(readFileSync(join(t.dir, 'game-r3.class.csv'), 'utf8').trim().split('\r\n')).toHaveLength(1 + world.shops.length + 1);
  });

  it('should refuse to play past the last round', async () => {
    const res = await cli('advance', g(3), '--decisions', teamA, '--out', join(t.dir, 'r4.json'));
    expect(res.code).toBe(1);
    expect(res.err).toContain('the game is over: all 3 rounds are played');
  });
});

describe('when hand-ins are wrong', () => {
  const { world } = classic();
  const t = tempDir('advance-bad');

  it('should stop the round with every problem: a missing round, a bot shop, two files for one shop', async () => {
    const noRound = t.write('no-round.json', { ...sampleDecisions(world, 1), rounds: [] });
    const bot = t.write('bot.json', { ...sampleDecisions(world, 2), shop: 's2' });
    const a = t.write('a.json', sampleDecisions(world, 3));
    const res = await cli('advance', 'classic', '--decisions', noRound, '--decisions', bot, '--decisions', a, '--out', join(t.dir, 'next.json'));
    expect(res.code).toBe(1);
    expect(res.err).toContain(`${noRound}: $.rounds: has no decisions for round 1`);
    expect(res.err).toContain(`${bot}: $.shop: shop "s2" is played by bot:undercut`);
    expect(existsSync(join(t.dir, 'next.json'))).toBe(false);
    const twice = await cli('advance', 'classic', '--decisions', a, '--decisions', a, '--out', join(t.dir, 'next.json'));
    expect(twice.err).toContain('already has a decisions file this round');
  });

  it('should refuse --teams when continuing a game and an --out that is not JSON', async () => {
    const first = await cli('advance', 'classic', '--out', join(t.dir, 'g1.json'));
    expect(first.code).toBe(0);
    expect((await cli('advance', join(t.dir, 'g1.json'), '--teams', '3', '--out', join(t.dir, 'g2.json'))).code).toBe(2);
    expect((await cli('advance', 'classic', '--out', join(t.dir, 'g.html'))).code).toBe(2);
  });
});

describe('when a team hands in for the first time in round 2', () => {
  const { world } = classic();
  const t = tempDir('advance-late');

  it('should write the stand-in bot\'s round 1 into its decisions, so the game file replays exactly', async () => {
    const a = t.write('a.json', sampleDecisions(world, 4));
    const b = t.write('b.json', { ...sampleDecisions(world, 5), shop: 's1-02' });
    await cli('advance', 'classic', '--teams', '2', '--setup', '--out', join(t.dir, 'g0.json'));
    await cli('advance', join(t.dir, 'g0.json'), '--decisions', a, '--out', join(t.dir, 'g1.json'));
    const r2 = await cli('advance', join(t.dir, 'g1.json'), '--decisions', a, '--decisions', b, '--out', join(t.dir, 'g2.json'));
    expect(r2.code).toBe(0);
    expect(r2.err).toContain('shop s1-02 joins in round 2; round 1 played by its stand-in bot is written');
    const hash = r2.out.match(/game hash ([0-9a-f]{16})/)![1];
    expect(hashOf((await cli('run', join(t.dir, 'g2.json'), '--json')).out)).toBe(hash);
    const save = JSON.parse(readFileSync(join(t.dir, 'g2.json'), 'utf8'));
    expect(save.decisions.map((d: { shop: string; rounds: unknown[] }) => [d.shop, d.rounds.length])).toEqual([
      ['s1', 2],
      ['s1-02', 2],
    ]);
    expect(save.roundsPlayed).toBe(2);
  });
});

describe('when a whole-game file has a mistake in a later round', () => {
  const { world } = classic();
  const t = tempDir('advance-later');

  it('should play this round, and name the mistake with its real path when its round comes', async () => {
    const d = sampleDecisions(world, 6) as { rounds: { listings: { price: number }[] }[] };
    d.rounds[1]!.listings[0]!.price = 9999;
    const a = t.write('a.json', d);
    const r1 = await cli('advance', 'classic', '--decisions', a, '--out', join(t.dir, 'g1.json'));
    expect(r1.code).toBe(0);
    const r2 = await cli('advance', join(t.dir, 'g1.json'), '--decisions', a, '--out', join(t.dir, 'g2.json'));
    expect(r2.code).toBe(1);
    expect(r2.err).toContain(`${a}: $.rounds[1].listings[0].price: illegal price`);
  });
});
