/**
 * Customer service and customers in `shopsim run`'s summary: a service line per shop and round
 * where the scenario has `rules.service` (agents, inquiries, response, refunds, DSR parts,
 * negative tags) and a customers line everywhere (lifecycle counts, the two repurchase rates, cost
 * per order of new and returning customers).
 */
import { describe, expect, it } from 'vitest';
import { summary } from '../../src/cli/summary';
import { builtinScenario } from '../../src/scenario/builtin';
import { loadScenario } from '../../src/scenario/load';
import { playGame } from '../../src/sim/game';
import { buildResult, type Result } from '../../src/sim/result';

const load = (id: string) => {
  const res = loadScenario(builtinScenario(id));
  if (!res.ok) throw new Error(`${id} must load`);
  return res.value;
};
const service = load('service');
const serviceResult = buildResult(service, playGame(service, service.seed, new Map()));

describe('when shopsim run summarises a market with customer service', () => {
  it('should print one service and one customers line per shop and round, with the Result’s numbers', () => {
    const out = summary(service, serviceResult);
    expect(out.split('\n').filter((l) => l.startsWith('  service '))).toHaveLength(service.rounds * service.shops.length);
    expect(out.split('\n').filter((l) => l.startsWith('  customers '))).toHaveLength(service.rounds * service.shops.length);
    const s = serviceResult.rounds[0]!.shops[1]!;
    const line = out.split('\n').find((l) => l.startsWith(`  service ${s.shop}:`))!;
    expect(line).toContain(`${s.service.agents} agents, ${s.service.inquiries} inquiries, response ${s.service.avgResponseTicks.toFixed(2)} ticks`);
    expect(line).toContain(`DSR description/service/logistics ${s.dsrParts.description.toFixed(2)}/${s.dsrParts.service.toFixed(2)}/${s.dsrParts.logistics.toFixed(2)}`);
    // The careless undercutter of the service scenario has 3 or more tags on a product in round 1.
    expect(line).toMatch(/negative tags \w+ ([3-9]|\d\d)/);
  });

  it('should write rates and costs as worked out: 40 of 200 customers twice → 20.0%; 60 of 240 orders → 25.0%; 150.00 / 50 new orders → 3.00; no returning cost → –', () => {
    const copy = structuredClone(serviceResult) as Result;
    const s = copy.rounds[0]!.shops[0]!;
    s.customers = { potential: 5, new: 160, repeat: 30, loyal: 10, sleeping: 0 };
    s.repurchaseRate = { byCustomers: 40 / 200, byTransactions: 60 / 240 };
    s.costPerOrder = { ...s.costPerOrder, newCustomers: 3, returningCustomers: null };
    const line = summary(service, copy).split('\n').find((l) => l.startsWith(`  customers ${s.shop}:`))!;
    expect(line).toBe(`  customers ${s.shop}: potential 5, new 160, repeat 30, loyal 10, sleeping 0; repurchase 20.0% of customers, 25.0% of orders; cost per order new 3.00 / returning –`);
  });
});

describe('when shopsim run summarises a market without customer service', () => {
  it('should print no service line (tutorial has no rules.service) but still the customers line', () => {
    const classic = load('tutorial');
    const out = summary(classic, buildResult(classic, playGame(classic, classic.seed, new Map())));
    expect(out).not.toMatch(/^ {2}service /m);
    expect(out).toMatch(/^ {2}customers s1: potential \d+/m);
  });
});
