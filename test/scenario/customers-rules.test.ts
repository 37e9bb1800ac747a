/**
 * Validation of `rules.customers` (domain §9): each field named by its JSON path with the range it
 * must keep, in English and Chinese; a scenario without the section loads with the documented
 * defaults (sleeping after 60 ticks, loyal from 3 purchases, 2 rounds of buyers, 30% reach;
 * member points at most 10% back, paying at most half an order, pull 2).
 */
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenario/builtin';
import { loadScenario } from '../../src/scenario/load';

const withCustomers = (customers: unknown) => {
  const file = structuredClone(builtinScenario('tutorial')) as { rules?: Record<string, unknown> };
  file.rules = { ...(file.rules ?? {}), customers };
  return loadScenario(file);
};

describe('when a scenario sets rules.customers', () => {
  it('should load a scenario without it with the documented defaults (60 ticks, 3 purchases, 2 rounds, 0.3; points 0.1, 0.5, 2)', () => {
    const res = loadScenario(builtinScenario('tutorial'));
    expect(res.ok && res.value.rules.customers).toEqual({ sleepingTicks: 60, loyalPurchases: 3, poolRounds: 2, couponReach: 0.3, pointsMaxRate: 0.1, pointsRedeemShare: 0.5, pointsPull: 2 });
  });

  it('should accept every field in range and keep the values', () => {
    const res = withCustomers({ sleepingTicks: 20, loyalPurchases: 2, poolRounds: 0.5, couponReach: 1, pointsMaxRate: 0.2, pointsRedeemShare: 1, pointsPull: 10 });
    expect(res.ok && res.value.rules.customers).toEqual({ sleepingTicks: 20, loyalPurchases: 2, poolRounds: 0.5, couponReach: 1, pointsMaxRate: 0.2, pointsRedeemShare: 1, pointsPull: 10 });
  });

  for (const [field, value, rule] of [
    ['sleepingTicks', 0, /whole number from 1 to 1440/],
    ['sleepingTicks', 2.5, /must be a whole number/],
    ['loyalPurchases', 1, /whole number from 2 to 1000/],
    ['poolRounds', 0, /from 0.1 to 20/],
    ['couponReach', 1.5, /from 0 to 1/],
    ['pointsMaxRate', 1.2, /from 0 to 1/],
    ['pointsRedeemShare', -0.1, /from 0 to 1/],
    ['pointsPull', 101, /from 0 to 100/],
  ] as const) {
    it(`should refuse ${field} ${value}, naming $.rules.customers.${field} and the range in en and zh`, () => {
      const res = withCustomers({ [field]: value });
      expect(res.ok).toBe(false);
      if (res.ok) return;
      const p = res.problems.find((x) => x.path === `$.rules.customers.${field}`);
      expect(p, JSON.stringify(res.problems)).toBeDefined();
      expect(p!.message).toMatch(rule);
      expect(p!.messageZh).toMatch(/[\u4e00-\u9fff]/);
    });
  }

  it('should refuse an unknown field, naming it', () => {
    const res = withCustomers({ sleepTicks: 30 });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.problems.some((x) => x.path.startsWith('$.rules.customers') && /sleepTicks/.test(`${x.path} ${x.message}`))).toBe(true);
  });
});
