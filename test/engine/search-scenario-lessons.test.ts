/**
 * The lesson of the shipped `search` scenario as a controlled experiment: same seed and bots, the
 * player's teapot title changed. Control: the 7 broad keywords the bots use (most searches ×
 * relevance); treatment: the 2 strongest broad words and 5 long-tail words nobody else has.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RoundDecision, World } from '../../src/engine';
import { emptyRound, loadScenarioText } from '../../src/scenario/load';
import { playGame } from '../../src/sim/game';
import { buildResult } from '../../src/sim/result';

const world: World = (() => {
  const res = loadScenarioText(readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', 'search.json'), 'utf8'));
  if (!res.ok) throw new Error('search.json must load');
  return res.value;
})();

const kw = (ids: string[]) => ids.map((id) => world.keywords.findIndex((k) => k.id === id));
const TEA_TITLE = kw(['茶叶', '绿茶', '龙井', '新茶', '礼盒', '明前茶', '送礼']);
const BROAD = kw(['茶壶', '茶具', '茶叶', '礼盒', '杯子', '家居', '送礼']);
const LONG_TAIL = kw(['茶壶', '茶具', '茶叶', '礼盒', '紫砂壶', '宜兴紫砂', '手工茶壶']);

/** The player lists tea and teapots in both cities a little under the reference price and restocks in Hangzhou. */
function player(potTitle: number[]): RoundDecision[] {
  return Array.from({ length: world.rounds }, (_, r) => {
    const d = emptyRound();
    if (r === 0) {
      for (const [c, tea, pot] of [[0, 4800, 14400], [1, 5400, 16200]] as const) {
        d.listings.push({ city: c, product: 0, listing: { priceFen: tea, shippingFen: 0, sellerPaysShipping: true, presale: false } });
        d.listings.push({ city: c, product: 1, listing: { priceFen: pot, shippingFen: 0, sellerPaysShipping: true, presale: false } });
      }
      d.search = { titles: [{ product: 0, keywords: TEA_TITLE }, { product: 1, keywords: potTitle }], ads: [] };
    }
    d.restock.push({ city: 0, product: 0, quantity: 150 }, { city: 0, product: 1, quantity: 200 });
    return d;
  });
}

function play(potTitle: number[], seed: number = world.seed) {
  const result = buildResult(world, playGame(world, seed, new Map([[0, player(potTitle)]])));
  return result.rounds.map((rd) => rd.shops[0]!);
}

describe('lesson of the search scenario: long-tail keywords win the niche teapot its buyers', () => {
  const control = play(BROAD);
  const treated = play(LONG_TAIL);
  const total = (rs: typeof control, f: (r: (typeof control)[number]) => number) => rs.reduce((a, r) => a + f(r), 0);

  // The position is the title's own effect; round-1 units also depend on the rivals' detail pages
  // (the player does not decorate: its page converts ×0.8 to ×1 of the best-decorated rival's),
  // so one seed is noisy (seed 7: 135 → 143, +6%) and the units are summed over seeds 1–5.
  it('should lift the player’s round-1 teapot position (measured mean organic position 3.65 → 3.06 in Hangzhou) and round-1 units in each of seeds 1–5, by about 11% in all (842 → 937)', () => {
    expect(treated[0]!.searchRank.pot!.hz!).toBeLessThan(control[0]!.searchRank.pot!.hz! - 0.3);
    let before = 0;
    let after = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const c = play(BROAD, seed)[0]!.units;
      const t = play(LONG_TAIL, seed)[0]!.units;
      expect(t).toBeGreaterThan(c);
      before += c;
      after += t;
    }
    expect(after).toBeGreaterThan(before * 1.06);
  });

  // Over a whole game one seed is noisy (on the scenario's own seed, 7, the 4-round total has
  // reversed before), so the game is measured over seeds 1–5.
  // Seeds 1–5, same bots, one decision changed: the long-tail title earns more in every seed.
  it('should earn more over the 4 rounds in each of seeds 1–5 (measured +1,396 to +9,960 yuan; 248,290 → 272,287 in all, +9.7%) with more clicks', () => {
    const seeds = [1, 2, 3, 4, 5];
    let before = 0;
    let after = 0;
    let clicksBefore = 0;
    let clicksAfter = 0;
    for (const seed of seeds) {
      const c = play(BROAD, seed);
      const t = play(LONG_TAIL, seed);
      expect(total(t, (r) => r.profit)).toBeGreaterThan(total(c, (r) => r.profit) + 1000);
      before += total(c, (r) => r.profit);
      after += total(t, (r) => r.profit);
      clicksBefore += total(c, (r) => r.clicks);
      clicksAfter += total(t, (r) => r.clicks);
    }
    expect(after - before).toBeGreaterThan(15_000);
    expect(after / before).toBeGreaterThan(1.05);
    expect(clicksAfter).toBeGreaterThan(clicksBefore);
  });
});
