/**
 * Member points (会员积分, course §9: points reward members): a shop gives back a share of each
 * order's value as points its customer holds at the shop; on a later order there the points pay up
 * to rules.customers.pointsRedeemShare of the goods (a price cut only for members), and a member
 * holding points comes back first with chance min(1, pointsPull (2) × the share they pay). Tiny markets
 * whose numbers are worked out by hand: with 10 buyers a round and poolRounds 0.1 the city has
 * ⌈10 × 0.1⌉ = 1 customer, so every buyer is the same member.
 */
import { describe, expect, it } from 'vitest';
import { createInitialState, LOW_PRICE, playRound, type RoundDecision, type World } from '../../src/engine';
import { loadDecisions, loadScenario } from '../../src/scenario/load';
import { buildResult } from '../../src/sim/result';
import { summary } from '../../src/cli/summary';
import { listTea, tinyScenario } from './helpers';

function oneMember(shops: number): World {
  const res = loadScenario(
    tinyScenario({
      shops: Array.from({ length: shops }, (_, i) => ({ id: String.fromCharCode(97 + i), stock: { hz: { tea: 500 } } })),
      perRound: { lowPrice: 10 },
      ticksPerRound: 1,
      rounds: 2,
      rules: { customers: { poolRounds: 0.1 } },
    }),
  );
  if (!res.ok) throw new Error(res.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return res.value;
}

const withPoints = (d: RoundDecision, rate: number): RoundDecision => ({ ...d, memberPoints: { rate } });

describe('when a shop gives 10% back as member points to its one customer', () => {
  // Shop a at 50.00, rate 0.1, redeemShare 0.5 (default). Order 1: no points, pays 50.00, gets
  // ⌊5000 × 0.1⌋ = 500 fen. Order 2: 500 pay (≤ 2500 = half the goods), pays 45.00, gets
  // ⌊4500 × 0.1⌋ = 450. Order 3: 450 off, gets ⌊4550 × 0.1⌋ = 455. Order 4: 455 off, gets
  // ⌊4545 × 0.1⌋ = 454; from then on 454 off and 454 back. Given 500 + 450 + 455 + 7 × 454 = 4583,
  // redeemed 500 + 450 + 455 + 6 × 454 = 4129 by 9 orders, held 454.
  const w = oneMember(1);
  const state = playRound(w, createInitialState(w, 1), [withPoints(listTea(50), 0.1)]);
  const r = state.reports[0]!.shops[0]!;

  it('should give 45.83 and redeem 41.29 over 9 orders, leaving 4.54 held (10 orders at 50.00)', () => {
    expect(r.orders).toBe(10);
    expect(r.memberPoints).toEqual({ rate: 0.1, issuedFen: 4583, redeemedFen: 4129, orders: 9, outstandingFen: 454 });
    expect(state.customers.pointsFen[0]).toBe(454);
  });

  it('should count the redeemed points as retention spend per returning order: 41.29 / 9 = 4.59', () => {
    const res = buildResult(w, state).rounds[0]!.shops[0]!;
    expect(res.memberPoints).toEqual({ rate: 0.1, issued: 45.83, redeemed: 41.29, orders: 9, outstanding: 4.54 });
    expect(res.costPerOrder.returningOrders).toBe(9);
    expect(res.costPerOrder.retention).toBe(41.29);
    expect(res.costPerOrder.returningCustomers).toBe(4.59);
  });

  it('should print a points line in the CLI summary: 10.0% back, given 45.83, redeemed 41.29 by 9 orders, held 4.54', () => {
    const text = summary(w, buildResult(w, state));
    expect(text).toContain('  points a: 10.0% back as member points, given 45.83, redeemed 41.29 by 9 orders, held 4.54');
  });

  it('should book the redeemed points as promotion cost when the parcel is delivered: revenue 500.00, promotion 41.29', () => {
    const next = playRound(w, state, [emptyAfter()]);
    const both = next.reports.map((x) => x.shops[0]!);
    expect(both.reduce((a, x) => a + x.revenueFen, 0)).toBe(50000);
    expect(both.reduce((a, x) => a + x.costsFen[2]!, 0)).toBe(4129);
  });
});

/** Round 2 without a decision: the listing and the rate carry over, nothing else. */
function emptyAfter(): RoundDecision {
  return { listings: [], restock: [], marketing: { decorationFen: 0, mediaFen: 0, charityFen: 0, iso: false, iec: false } };
}

describe('when a member holding points at a dearer shop could buy cheaper elsewhere', () => {
  // Round 1: only shop a lists (50.00, rate 0.1): the customer ends holding 454 fen there (above).
  // Round 2: shop b lists at 45.00 and the low-price crowd ranks it first. The points pay
  // 454 / 5000 = 9.08% of an order at a, so the member comes back to a first with chance
  // min(1, pointsPull 2 × 0.0908) = 0.182 (then pays 45.46 and gets 454 back, so the chance
  // stays); otherwise it buys at b. Over 20 seeds × 10 buyers: about 36 of 200 orders at a (measured 34);
  // without points (rate 0): none.
  const w = oneMember(2);
  const round2 = (rate: number) => {
    let units = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const s1 = playRound(w, createInitialState(w, seed), [withPoints(listTea(50), rate), emptyAfter()]);
      const s2 = playRound(w, s1, [emptyAfter(), listTea(45)]);
      units += s2.reports[1]!.shops[0]!.unitsByCrowd[LOW_PRICE]!;
    }
    return units;
  };

  it('should bring the member back to the points shop about 18% of the time (36 of 200 expected, measured 34) against never without points', () => {
    const withP = round2(0.1);
    expect(withP).toBeGreaterThan(24);
    expect(withP).toBeLessThan(49);
    expect(round2(0)).toBe(0);
  });
});

describe('when a decisions file sets member points', () => {
  const w = oneMember(1);
  const file = (rate: unknown) => ({ kind: 'decisions', version: 1, scenario: 'tiny', shop: 'a', rounds: [{ round: 1, memberPoints: { rate } }] });

  it('should accept a rate from 0 to rules.customers.pointsMaxRate (0.1) with at most 3 decimals', () => {
    for (const rate of [0, 0.005, 0.1]) {
      const res = loadDecisions(file(rate), w);
      expect(res.ok, String(rate)).toBe(true);
      if (res.ok) expect(res.value.rounds[0]!.memberPoints).toEqual({ rate });
    }
  });

  it('should refuse a rate above the platform’s most, below 0 or with 4 decimals, naming the field and the rule in English and Chinese', () => {
    for (const rate of [0.11, -0.01, 0.0125]) {
      const res = loadDecisions(file(rate), w);
      expect(res.ok, String(rate)).toBe(false);
      if (res.ok) continue;
      const p = res.problems.find((x) => x.path === '$.rounds[0].memberPoints.rate')!;
      expect(p.message).toContain('rules.customers.pointsMaxRate');
      expect(p.messageZh).toContain('积分返还比例');
    }
  });
});
