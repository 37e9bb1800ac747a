/**
 * The coach's suggestions come from the round's numbers (classic, seed 7) and the debrief compares
 * the student's game with the winner's round by round.
 */
import { describe, expect, it } from 'vitest';
import { current, isOver } from '../../src/ui/session';
import { coachRound, debrief } from '../../src/ui/coach';
import { flowsOfRound, rowOutcomes } from '../../src/ui/outcome';
import { rankShops } from '../../src/sim/scoring';
import { play, start } from './plainGame';
import { builtinScenario } from '../../src/scenario/builtin';
import { checkDraft, initialDraft } from '../../src/ui/planDraft';
import { playRoundWith, startSession } from '../../src/ui/session';

describe('when the coach reads a round', () => {
  it('should name a sell-out with its day and the sales it cost (round 2 at ¥30: the mug sells out in city 3 on day 10, the 4th suggestion after the index, the review score and a sale below cost)', () => {
    let s = play(start(), (d) => (d.listings[0]!.price = '45.50'));
    s = play(s, (d) => d.listings.forEach((l) => (l.price = '30')));
    expect(coachRound(s, 2)).toHaveLength(3);
    const tips = coachRound(s, 2, 4);
    expect(tips).toHaveLength(4);
    const soldOut = tips.find((x) => x.kind === 'soldOut');
    expect(soldOut).toBeDefined();
    if (soldOut?.kind !== 'soldOut') return;
    const row = rowOutcomes(s.world, s.states[2]!, flowsOfRound(s, 2), s.player).find((r) => r.c === soldOut.c && r.p === soldOut.p)!;
    expect([soldOut.c, soldOut.p, soldOut.day]).toEqual([2, 2, 10]);
    expect(soldOut.day).toBe(row.sellOutDay);
    // missed = pace before the sell-out × days left, rounded
    expect(soldOut.missed).toBe(Math.round(row.perDay * (30 - soldOut.day)));
    // best first
    for (let i = 1; i < tips.length; i++) expect(tips[i - 1]!.impactFen).toBeGreaterThanOrEqual(tips[i]!.impactFen);
  });

  it('should point at selling below cost (every price at ¥10: each tea loses goods ¥20 + carrier − ¥10)', () => {
    const s = play(start(), (d) => d.listings.forEach((l) => (l.price = '10')));
    const tips = coachRound(s, 1, 10);
    const below = tips.find((x) => x.kind === 'belowCost');
    expect(below?.kind).toBe('belowCost');
    if (below?.kind === 'belowCost') expect(below.lossFen).toBeGreaterThan(0);
  });

  it('should never give fewer than one line (a quiet round says so)', () => {
    const s = play(start());
    expect(coachRound(s, 1).length).toBeGreaterThanOrEqual(1);
  });
});

describe('when the game ends', () => {
  it('should compare with the winner round by round; the gap changes add up to the final gap', () => {
    let s = start();
    while (!isOver(s)) s = play(s);
    const d = debrief(s)!;
    const state = current(s);
    const top = rankShops(s.world, state)[0]!.shop;
    expect(d.rival).toBe(top === s.player ? rankShops(s.world, state)[1]!.shop : top);
    expect(d.rounds).toHaveLength(6);
    const last = d.rounds[5]!;
    const opening = (x: number) => {
      let v = s.world.shops[x]!.cashFen;
      s.world.shops[x]!.stock.forEach((n, i) => (v += n * s.world.products[i % 3]!.unitCostFen));
      return v;
    };
    const sum = d.rounds.reduce((a, r) => a + r.gapChangeFen, 0);
    expect(sum).toBe(last.mineEquityFen - last.rivalEquityFen - (opening(s.player) - opening(d.rival)));
    expect(d.turningPoints).toHaveLength(3);
    expect(Math.abs(d.turningPoints[0]!.gapChangeFen)).toBeGreaterThanOrEqual(Math.abs(d.turningPoints[2]!.gapChangeFen));
  });
});

describe('when the coach reads the one-market tutorial round under the coached opening', () => {
  // The tutorial (seed 1) with the coached opening plan and 龙井茶 at ¥45, as a first-time student plays it.
  const tutorial = (rounds: number) => {
    const res = startSession(builtinScenario('tutorial'), 1);
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    let s = res.value;
    for (let r = 1; r <= rounds; r++) {
      const d = initialDraft(s, current(s));
      if (r === 1) d.listings[0]!.price = '45';
      const played = playRoundWith(s, checkDraft(s, d).entry!);
      if (!played.ok) throw new Error(JSON.stringify(played.problems));
      s = played.value;
    }
    return s;
  };

  it('should give three different suggestions, each from the round’s numbers (restock 196 = 6.5 a day × 30 − 0 left, ¥3,920 at ¥20)', () => {
    const s = tutorial(1);
    const tips = coachRound(s, 1);
    expect(tips.map((x) => x.kind)).toEqual(['restockPlan', 'soldOut', 'shareLost']);
    const plan = tips[0]!;
    if (plan.kind !== 'restockPlan') return;
    const row = rowOutcomes(s.world, s.states[1]!, flowsOfRound(s, 1), s.player).find((r) => r.p === plan.p)!;
    // 150 sold by day 23: 150 / 23 = 6.52 a day; a 30-day round at that pace is 196; nothing left
    expect([row.units, row.sellOutDay, plan.left]).toEqual([150, 23, 0]);
    expect(plan.need).toBe(196);
    expect(plan.costFen).toBe(196 * 2000);
    expect(plan.cashFen).toBe(current(s).reports[0]!.shops[s.player]!.cashFen);
    // the rival outsold the student on the second product: 100 against 37, with reviews 105 against 36
    const share = tips[2]!;
    if (share.kind !== 'shareLost') return;
    expect([share.mine, share.rivalUnits, share.mineReview, share.rivalReview]).toEqual([37, 100, 36, 105]);
  });

  it('should name a listing without stock, not the rival’s reviews, when nothing was restocked (round 2: 218 buyers wanted 龙井茶)', () => {
    const s = tutorial(2);
    const tips = coachRound(s, 2, 10);
    const none = tips.find((x) => x.kind === 'noStock');
    expect(none).toMatchObject({ kind: 'noStock', p: 0, buyers: 218 });
    expect(tips.some((x) => x.kind === 'shareLost' && x.p === 0)).toBe(false);
    expect(coachRound(s, 2)).toHaveLength(3);
  });
});

describe('when the coach and the debrief show money', () => {
  it('should write a loss with the sign before the yuan sign (−¥900.00, not ¥-900.00)', async () => {
    const { yuan } = await import('../../src/ui/screens/coachPanel');
    expect(yuan(-90000)).toBe('−¥900.00');
    expect(yuan(709480)).toBe('¥7094.80');
    expect(yuan(0)).toBe('¥0.00');
  });
});
