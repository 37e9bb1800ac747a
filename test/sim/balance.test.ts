/**
 * Balance of the shipped scenarios (`shopsim tournament`, one seed to keep the suite quick): no
 * strategy archetype is best everywhere, the rule "about 10% under the reference with enough
 * stock" is not best or near-best everywhere, each scenario's lesson strategy places near the top,
 * solo grades separate the kinds of team, and docs/balance.md was produced by the current engine,
 * bots and archetypes. The sizes in the test names were measured on this engine (seed 1).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FINGERPRINT_RE, fingerprintNow, shippedInputs } from '../../src/sim/balanceDoc';
import { LESSON_STRATEGIES } from '../../src/sim/bots/archetypes';
import { tournament, type TournamentReport } from '../../src/sim/tournament';

let run: Awaited<ReturnType<typeof fingerprintNow>>;
beforeAll(async () => {
  run = await fingerprintNow(2);
}, 600_000);

const scenario = (t: TournamentReport, id: string) => t.scenarios.find((s) => s.id === id)!;
const row = (t: TournamentReport, id: string, strategy: string) => scenario(t, id).rows.find((r) => r.strategy === strategy)!;

describe('when the archetypes play every shipped scenario (1 seed)', () => {
  it('should play every file of scenarios/ and name no dominant strategy ("dominant": null)', () => {
    const files = readdirSync('scenarios').filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length));
    expect(run.tournament.scenarios.map((s) => s.id).sort()).toEqual(files.sort());
    expect(run.tournament.strategies).toEqual(expect.arrayContaining(['idle', 'undercut', 'seo', 'service']));
    expect(run.tournament.strategies.length).toBeGreaterThanOrEqual(13);
    expect(run.tournament.dominant).toBeNull();
  });

  it('should leave 10% under the reference (undercut) within 10% of the best score in at most 4 scenarios (measured: classic, price-war, search, tutorial)', () => {
    const near = run.tournament.scenarios.filter((s) => {
      const best = Math.max(...s.rows.map((r) => r.score));
      return row(run.tournament, s.id, 'undercut').score >= best * 0.9;
    });
    expect(near.length).toBeLessThanOrEqual(4);
    // where service or reputation decides, it is far behind (measured gaps 34–86% of the best)
    for (const id of ['brand-building', 'double-11', 'retention', 'service']) {
      const best = Math.max(...scenario(run.tournament, id).rows.map((r) => r.score));
      expect(row(run.tournament, id, 'undercut').score).toBeLessThan(best * 0.85);
    }
  });

  it('should place each scenario’s lesson strategy in its top three (measured: #1 in tutorial, double-11, retention and search, #3 in classic, price-war, brand-building and service)', () => {
    for (const s of run.tournament.scenarios) {
      const taught = LESSON_STRATEGIES[s.id];
      expect(taught, s.id).toBeDefined();
      expect(s.lesson.length, s.id).toBeGreaterThan(0);
      const place = Math.min(...s.rows.filter((r) => taught!.includes(r.strategy)).map((r) => r.place));
      expect(place, s.id).toBeLessThanOrEqual(3);
    }
  });

  // Over 3 seeds, as docs/balance.md plays it: one game is noisy here (on seed 7 alone the student
  // finishes 4th of 4 since the detail page counts and the undercutters keep enough cash to last).
  it('should let a thoughtful student in the price war (brand first: no cut, brand spend) reach 2nd place or better on average over 3 seeds (measured: mean place 2.0, best score of the 13 strategies)', async () => {
    const priceWar = shippedInputs().filter((x) => x.world.id === 'price-war');
    const t = await tournament(priceWar, { seeds: 3, jobs: 2 });
    expect(row(t, 'price-war', 'brandFirst').rank).toBeLessThanOrEqual(2);
  }, 300_000);

  it('should spread solo grades in classic over at least 15 of 45 points (measured 36.5), with doing nothing in the bottom two', () => {
    const rows = scenario(run.tournament, 'classic').rows;
    const scores = rows.map((r) => r.score);
    expect(Math.max(...scores) - Math.min(...scores)).toBeGreaterThanOrEqual(15);
    const idle = rows.find((r) => r.strategy === 'idle')!;
    expect(rows.filter((r) => r.score < idle.score).length).toBeLessThanOrEqual(1);
  });
});

describe('when a newcomer reads docs/balance.md', () => {
  it('should hold tables the current engine produces (else run: node bin/run-ts.mjs scripts/balance-doc.ts)', () => {
    const page = readFileSync('docs/balance.md', 'utf8');
    expect(page.match(FINGERPRINT_RE)?.[1]).toBe(run.fingerprint);
  });

  it('should cover every shipped scenario and list all ten lessons', () => {
    const page = readFileSync('docs/balance.md', 'utf8');
    const head = page.split('\n').find((l) => l.startsWith('| strategy'))!;
    for (const s of run.tournament.scenarios) expect(head).toContain(` ${s.id} `);
    for (let n = 1; n <= 10; n++) expect(page).toMatch(new RegExp(`^\\| ${n} \\| `, 'm'));
  });
});
