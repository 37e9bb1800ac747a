/**
 * Balance of the shipped scenarios (`shopsim tournament`, one seed to keep the suite quick): no
 * strategy archetype is best everywhere, solo grades separate the kinds of team, and
 * docs/balance.md was produced by the current engine, bots and archetypes.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FINGERPRINT_RE, fingerprintNow } from '../../src/sim/balanceDoc';
import type { TournamentReport } from '../../src/sim/tournament';

let run: Awaited<ReturnType<typeof fingerprintNow>>;
beforeAll(async () => {
  run = await fingerprintNow(2);
}, 600_000);

const scenario = (t: TournamentReport, id: string) => t.scenarios.find((s) => s.id === id)!;

describe('when the archetypes play the seven shipped scenarios (1 seed)', () => {
  it('should name no dominant strategy ("dominant": null)', () => {
    expect(run.tournament.scenarios.map((s) => s.id)).toEqual(['tutorial', 'classic', 'price-war', 'brand-building', 'double-11', 'retention', 'service']);
    expect(run.tournament.strategies.length).toBeGreaterThanOrEqual(10);
    expect(run.tournament.dominant).toBeNull();
  });

  it('should spread solo grades in classic over at least 15 of 45 points, with doing nothing in the bottom two', () => {
    const rows = scenario(run.tournament, 'classic').rows;
    const scores = rows.map((r) => r.score);
    expect(Math.max(...scores) - Math.min(...scores)).toBeGreaterThanOrEqual(15);
    const idle = rows.find((r) => r.strategy === 'idle')!;
    expect(rows.filter((r) => r.score < idle.score).length).toBeLessThanOrEqual(1);
  });

  it('should put brand-building’s lesson strategy (local warehouses, no presale) in its top three', () => {
    const local = scenario(run.tournament, 'brand-building').rows.find((r) => r.strategy === 'local')!;
    expect(local.place).toBeLessThanOrEqual(3);
  });
});

describe('when a newcomer reads docs/balance.md', () => {
  it('should hold tables the current engine produces (else run: node bin/run-ts.mjs scripts/balance-doc.ts)', () => {
    const page = readFileSync('docs/balance.md', 'utf8');
    expect(page.match(FINGERPRINT_RE)?.[1]).toBe(run.fingerprint);
  });
});
