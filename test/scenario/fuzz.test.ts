/**
 * Property tests (fast-check): the loaders never throw, whatever they are given, and every
 * scenario they accept plays to the end keeping the engine's invariants.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDecisions, loadScenario, loadScenarioText } from '../../src/scenario/load';
import { starterScenario } from '../../src/scenario/starter';
import { STRATEGY_NAMES } from '../../src/scenario/strategies';
import { playGame } from '../../src/sim/game';
import { invariantProblems, playChecked } from './invariants';

// Fixed seed and run count for CI; FUZZ_SEED and FUZZ_RUNS explore further by hand.
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const RUNS = Number(process.env.FUZZ_RUNS ?? 1);

/** Values that sit on or just past the edges of the schema's rules. */
const tricky = fc.constantFrom<unknown>(
  -1, 0, 0.001, 0.005, 0.3, 1, 1.5, 2, 5, 24, 25, 60, 61, 99, 100, 1e6, 1e9, 2 ** 31, -0, 1e-9, 123.456,
  '', 'hz', 'tea', 's1', 'x y', 'player', 'bot:undercut', 'bot:fixed', 'bot:nope', '__proto__',
  null, true, false, [], {}, [1, 2], { hz: 1 }, { zh: '中', en: 'x' },
);
const anyValue = fc.oneof(tricky, fc.jsonValue({ maxDepth: 2 }));

type Mutation = { at: number; op: 'set' | 'delete' | 'duplicate'; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('set', 'set', 'set', 'delete', 'duplicate'),
  value: anyValue,
});

/** Every path in a JSON value, containers included, in a stable order. */
function paths(v: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...path, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...path, k], out);
  return out;
}

function apply(root: Record<string, unknown>, m: Mutation): void {
  const all = paths(root).filter((p) => p.length > 0);
  const path = all[m.at % all.length]!;
  let parent: unknown = root;
  for (const k of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[k];
  const key = path[path.length - 1]!;
  if (Array.isArray(parent)) {
    const i = key as number;
    if (m.op === 'delete') parent.splice(i, 1);
    else if (m.op === 'duplicate') parent.splice(i, 0, structuredClone(parent[i]));
    else parent[i] = structuredClone(m.value);
  } else {
    const obj = parent as Record<string, unknown>;
    if (m.op === 'delete') delete obj[key as string];
    else obj[key as string] = structuredClone(m.value);
  }
}

/** Small, mostly valid scenarios: a starter of random size, random rules in and out of range, then a few mutations. */
const scenarioArb = fc
  .record({
    cities: fc.integer({ min: 1, max: 3 }),
    products: fc.integer({ min: 1, max: 3 }),
    shops: fc.integer({ min: 1, max: 4 }),
    players: fc.integer({ min: 0, max: 4 }),
    rounds: fc.integer({ min: 1, max: 3 }),
    ticksPerRound: fc.integer({ min: 1, max: 8 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    demand: fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 4, maxLength: 4 }),
    strategies: fc.array(fc.constantFrom(...STRATEGY_NAMES.filter((s) => s !== 'fixed'), 'player'), { minLength: 4, maxLength: 4 }),
    rules: fc.record(
      {
        priceFloat: fc.double({ min: 0, max: 5, noNaN: true }),
        demandFluctuation: fc.double({ min: 0, max: 0.9, noNaN: true }),
        penaltyRate: fc.double({ min: 0, max: 5, noNaN: true }),
        mediaDecay: fc.double({ min: 0, max: 1, noNaN: true }),
        restockLeadTicks: fc.integer({ min: 0, max: 10 }),
        credit: fc.integer({ min: 0, max: 5000 }),
        fanReturnRate: fc.double({ min: 0, max: 1, noNaN: true }),
        visitDepth: fc.integer({ min: 1, max: 5 }),
        warehouse: fc.record({ capacity: fc.integer({ min: 500, max: 6000 }), rent: fc.integer({ min: 0, max: 1000 }) }, { requiredKeys: [] }),
        carrierDelay: fc.record({ probability: fc.double({ min: 0, max: 1, noNaN: true }), ticks: fc.integer({ min: 0, max: 5 }) }),
        negativeTags: fc.record({ threshold: fc.integer({ min: 1, max: 5 }), conversion: fc.double({ min: 0, max: 1, noNaN: true }) }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    ),
    events: fc.array(
      fc.record({ fromTick: fc.integer({ min: 1, max: 24 }), len: fc.integer({ min: 0, max: 5 }), multiplier: fc.double({ min: 0, max: 10, noNaN: true }) }),
      { maxLength: 3 },
    ),
    // Half the scenarios are left as generated, so that many reach the engine.
    mutations: fc.oneof(fc.constant([]), fc.array(mutation, { minLength: 1, maxLength: 3 })),
  })
  .map((g) => {
    const s = starterScenario({ id: 'fuzz', cities: g.cities, products: g.products, shops: g.shops, players: Math.min(g.players, g.shops) }) as Record<string, unknown> & {
      demand: { perRound: Record<string, number> }[];
      shops: { controller: string }[];
    };
    s.seed = g.seed;
    s.rounds = g.rounds;
    s.ticksPerRound = g.ticksPerRound;
    s.rules = g.rules;
    for (const d of s.demand) d.perRound = { brandLoyal: g.demand[0]!, lowPrice: g.demand[1]!, composite: g.demand[2]!, hesitant: g.demand[3]! };
    s.shops.forEach((sh, i) => {
      const st = g.strategies[i % 4]!;
      sh.controller = st === 'player' ? 'player' : `bot:${st}`;
    });
    const lastTick = g.rounds * g.ticksPerRound;
    if (g.events.length) {
      s.events = g.events.map((e) => {
        const from = 1 + ((e.fromTick - 1) % lastTick);
        return { fromTick: from, toTick: Math.min(lastTick, from + e.len), multiplier: e.multiplier };
      });
    }
    for (const m of g.mutations) apply(s, m);
    return s;
  });

describe('when the scenario loader is given anything at all', () => {
  it('should never throw, and refuse what is not a scenario with at least one problem', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true }), (input) => {
        const res = loadScenario(input);
        if (!res.ok) expect(res.problems.length).toBeGreaterThan(0);
      }),
      { seed: SEED, numRuns: 300 * RUNS },
    );
  });

  it('should never throw on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.string({ unit: 'binary' })), (text) => {
        const res = loadScenarioText(text);
        if (!res.ok) for (const p of res.problems) expect(p.path.startsWith('$')).toBe(true);
      }),
      { seed: SEED, numRuns: 300 * RUNS },
    );
  });
});

describe('when scenarios are generated and mutated', () => {
  it('should never throw, report every problem with a path and a message, and play every accepted one to the end', () => {
    let accepted = 0;
    fc.assert(
      fc.property(scenarioArb, (file) => {
        const before = JSON.stringify(file);
        const res = loadScenario(file);
        // Defaults go into a new object: the input is never changed.
        expect(JSON.stringify(file)).toBe(before);
        if (!res.ok) {
          expect(res.problems.length).toBeGreaterThan(0);
          if (process.env.FUZZ_DEBUG) console.log(res.problems.map((p) => `${p.path}: ${p.message}`).join(' | '));
          for (const p of res.problems) {
            expect(p.path).toMatch(/^\$/);
            expect(p.message.length).toBeGreaterThan(5);
            // The browser shows the Chinese of every message to a zh student.
            expect(p.messageZh, `${p.path}: ${p.message}`).toMatch(/[\u4e00-\u9fff]/);
          }
          return;
        }
        accepted++;
        const { state, problems } = playChecked(res.value);
        expect(problems).toEqual([]);
        expect(state.round).toBe(res.value.rounds);
      }),
      { seed: SEED, numRuns: 150 * RUNS },
    );
    // The generator must reach the engine often enough for the property to mean something.
    expect(accepted).toBeGreaterThan(40);
  });
});

describe('when decisions files are generated for a scenario', () => {
  const world = (() => {
    const res = loadScenario(starterScenario({ id: 'fuzz', cities: 2, products: 2, shops: 3, players: 1 }));
    if (!res.ok) throw new Error('starter must load');
    return res.value;
  })();
  const listing = fc.record(
    {
      city: fc.constantFrom('hz', 'sh', 'bj'),
      product: fc.constantFrom('tea', 'silk', 'mug'),
      price: fc.oneof(fc.integer({ min: 1, max: 200 }), fc.double({ min: -1, max: 200, noNaN: true })),
      shipping: fc.integer({ min: 0, max: 20 }),
      sellerPaysShipping: fc.boolean(),
      presale: fc.boolean(),
      active: fc.boolean(),
    },
    { requiredKeys: ['city', 'product'] },
  );
  const round = fc.record(
    {
      round: fc.integer({ min: 0, max: 8 }),
      listings: fc.array(listing, { maxLength: 4 }),
      restock: fc.array(fc.record({ city: fc.constantFrom('hz', 'sh', 'bj'), product: fc.constantFrom('tea', 'silk', 'x'), quantity: fc.integer({ min: -1, max: 3000 }) }), { maxLength: 3 }),
      marketing: fc.record({ decoration: fc.integer({ min: 0, max: 5000 }), media: fc.integer({ min: 0, max: 5000 }), iso: fc.boolean() }, { requiredKeys: [] }),
    },
    { requiredKeys: ['round'] },
  );
  const file = fc.record({
    kind: fc.constant('decisions'),
    version: fc.constant(1),
    scenario: fc.constantFrom('fuzz', 'fuzz', 'other'),
    shop: fc.constantFrom('s1', 's2', 's9'),
    rounds: fc.array(round, { maxLength: 4 }),
  });

  it('should never throw, and every accepted file plays to the end keeping the invariants', () => {
    let accepted = 0;
    fc.assert(
      fc.property(file, (d) => {
        const res = loadDecisions(d, world);
        if (!res.ok) {
          expect(res.problems.length).toBeGreaterThan(0);
          for (const p of res.problems) expect(p.messageZh, `${p.path}: ${p.message}`).toMatch(/[\u4e00-\u9fff]/);
          return;
        }
        accepted++;
        const state = playGame(world, world.seed, new Map([[res.value.shop, res.value.rounds]]));
        expect(invariantProblems(world, state)).toEqual([]);
      }),
      { seed: SEED, numRuns: 120 * RUNS },
    );
    expect(accepted).toBeGreaterThan(10);
  });
});
