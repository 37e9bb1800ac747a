/** Validation beyond the fixtures: defaults, every problem at once, the platform's price rule, and the game-size bounds. */
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenario/builtin';
import { defaultRules } from '../../src/scenario/defaults';
import { loadDecisions, loadScenario } from '../../src/scenario/load';
import { LIMITS } from '../../src/scenario/schema';
import type { World } from '../../src/engine';

type Json = Record<string, any>; // test fixtures only: edited freely before validation
const tutorial = (): Json => structuredClone(builtinScenario('tutorial')) as Json;

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    Object.values(v).forEach(deepFreeze);
    Object.freeze(v);
  }
  return v;
}

function world(s: Json = tutorial()): World {
  const res = loadScenario(s);
  if (!res.ok) throw new Error(JSON.stringify(res.problems));
  return res.value;
}

/** The problems as the CLI prints them: path and English message. */
function problemsOf(s: Json) {
  const res = loadScenario(s);
  return res.ok ? [] : res.problems.map(({ path, message }) => ({ path, message }));
}

describe('when a scenario leaves fields out', () => {
  it('should fill the defaults into a new object and leave the (frozen) input alone', () => {
    const s = tutorial();
    delete s.rules;
    delete s.rounds;
    delete s.ticksPerRound;
    delete s.seed;
    delete s.shops[0].cash;
    deepFreeze(s);
    const w = world(s);
    expect(w.rules).toMatchObject(defaultRules() as unknown as Json);
    expect(w.rounds).toBe(6);
    expect(w.ticksPerRound).toBe(30);
    expect(w.seed).toBe(1);
    expect(w.shops[0]!.cashFen).toBe(2_000_000); // default 20000 yuan
    expect(w.shops[0]!.reviewScore).toBe(5);
    expect(w.demand[0]!.deadlineTicks).toBe(5);
  });

  it('should keep what is given and default the rest of the same group', () => {
    const s = tutorial();
    s.rules = { carrier: { otherCityTicks: 5 }, hesitant: { searchSlots: 2 } };
    const w = world(s);
    expect(w.rules.hesitant.searchSlots).toBe(2);
    expect(w.rules.hesitant.buyBase).toBe(defaultRules().hesitant.buyBase);
    expect(w.deliveryTicks).toEqual([1]); // one city: only same-city delivery, default 1 tick
  });
});

describe('when a scenario has several mistakes', () => {
  it('should report every one of them at once', () => {
    const s = tutorial();
    s.rounds = 30;
    s.products[1].unitCost = -2;
    s.shops[1].controller = 'bot:nope';
    s.demand[0].city = 'sh';
    // Type problems come first (the schema); reference problems need a file that passed it.
    expect(problemsOf(s).map((p) => p.path)).toEqual(['$.rounds', '$.products[1].unitCost']);
    s.rounds = 4;
    s.products[1].unitCost = 2;
    expect(problemsOf(s)).toEqual([
      { path: '$.demand[0].city', message: 'unknown city "sh" (known: hz)' },
      { path: '$.shops[1].controller', message: expect.stringMatching(/^unknown bot strategy "nope" \(known: fixed, undercut, brand, balanced/) },
    ]);
  });

  it('should report things given twice in events and warehouses', () => {
    const s = tutorial();
    s.events = [{ fromTick: 1, toTick: 2, multiplier: 2, cities: ['hz', 'hz'], crowds: ['hesitant', 'lowPrice', 'hesitant'] }];
    s.shops[0].warehouses = ['hz', 'hz'];
    s.demand[0].quantity = [
      { quantity: 2, weight: 0.5 },
      { quantity: 2, weight: 0.5 },
    ];
    expect(problemsOf(s)).toEqual([
      { path: '$.events[0].cities[1]', message: 'city "hz" is given twice (give each once)' },
      { path: '$.events[0].crowds[2]', message: 'crowd "hesitant" is given twice (give each once)' },
      { path: '$.demand[0].quantity[1].quantity', message: 'quantity 2 is given twice (give each once)' },
      { path: '$.shops[0].warehouses[1]', message: 'city "hz" is given twice (give each once)' },
    ]);
  });
});

describe('when a decisions file sets prices (course rule: price + shipping ≤ reference × (1 + float))', () => {
  const w = world(); // tutorial: tea reference 50.00 in hz, float 0.3 → cap 65.00
  const decisions = (listing: Json, round = 1) => ({
    kind: 'decisions',
    version: 1,
    scenario: 'tutorial',
    shop: 's1',
    rounds: [{ round, listings: [{ city: 'hz', product: 'tea', ...listing }] }],
  });

  it('should accept 60.00 + 5.00 shipping = 65.00, exactly the cap', () => {
    const res = loadDecisions(decisions({ price: 60, shipping: 5 }), w);
    expect(res.ok).toBe(true);
  });

  it('should refuse 60.01 + 5.00 = 65.01, one fen above the cap', () => {
    const res = loadDecisions(decisions({ price: 60.01, shipping: 5 }), w);
    expect(res.ok ? [] : res.problems.map((p) => p.message)).toEqual([
      'illegal price (违规价格): price + shipping = 65.01 is above the cap 65.00 (reference price 50.00 × (1 + 0.3))',
    ]);
  });

  it('should not count the shipping fee when the seller pays the carrier (包邮)', () => {
    expect(loadDecisions(decisions({ price: 65, shipping: 9, sellerPaysShipping: true }), w).ok).toBe(true);
  });

  it('should follow the price trend: a 1.2 trend in round 2 makes the reference 60.00 and the cap 78.00', () => {
    const s = tutorial();
    s.products[0].priceTrend = [1, 1.2, 1, 1];
    const w2 = world(s);
    expect(loadDecisions(decisions({ price: 78 }, 2), w2).ok).toBe(true);
    const res = loadDecisions(decisions({ price: 78.01 }, 2), w2);
    expect(res.ok ? '' : res.problems[0]!.message).toBe(
      'illegal price (违规价格): price + shipping = 78.01 is above the cap 78.00 (reference price 60.00 × (1 + 0.3))',
    );
  });
});

describe('when a scenario would make a game too large to play in seconds', () => {
  it('should refuse 1,000,000 low-price buyers a round for 24 rounds: 1.1 × 1e6 × 24 = 26,400,000 > 1,000,000', () => {
    const s = tutorial();
    s.rounds = 24;
    s.rules = { demandFluctuation: 0.1 };
    s.demand = [{ city: 'hz', product: 'tea', perRound: { lowPrice: 1_000_000 } }];
    expect(problemsOf(s)).toEqual([
      {
        path: '$.demand',
        message: `the game would have about 26400000 buyers (demand × rounds, with events and the fluctuation's maximum), more than ${LIMITS.gameBuyers}; lower the demand or the event multipliers`,
      },
    ]);
    s.rounds = 1;
    s.demand = [{ city: 'hz', product: 'tea', perRound: { lowPrice: 900_000 } }]; // 1.1 × 900,000 = 990,000: allowed
    expect(problemsOf(s)).toEqual([]);
  });

  it('should count events: 1,000 buyers × 1.1 × 6 rounds × 100 × 100 (two overlapping events) is far too many', () => {
    const s = tutorial();
    s.rounds = 6;
    s.rules = { demandFluctuation: 0.1 };
    s.demand = [{ city: 'hz', product: 'tea', perRound: { lowPrice: 1_000 } }];
    s.events = [{ fromTick: 1, toTick: 180, multiplier: 100 }];
    expect(problemsOf(s)).toEqual([]); // 1,000 × 1.1 × 6 × 100 = 660,000
    s.events.push({ fromTick: 1, toTick: 180, multiplier: 100 });
    expect(problemsOf(s).map((p) => p.path)).toEqual(['$.demand']);
  });

  it('should refuse 20 cities × 20 products × 60 shops × 1440 ticks = 34,560,000 units of work', () => {
    const s = tutorial();
    s.rounds = 24;
    s.ticksPerRound = 60;
    s.cities = Array.from({ length: 20 }, (_, i) => ({ id: `c${i}`, name: { zh: '城', en: 'c' } }));
    s.products = Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, name: { zh: '品', en: 'p' }, unitCost: 1, referencePrice: { c0: 2 } }));
    s.demand = [];
    s.shops = Array.from({ length: 60 }, (_, i) => ({ id: `s${i}`, controller: 'bot:balanced' }));
    delete s.keywords;
    expect(problemsOf(s)).toEqual([
      {
        path: '$',
        message: `the game is too large to play quickly: cities × products × shops × ticks = 20 × 20 × 60 × 1440 = 34560000 (at most ${LIMITS.gameWork}); use fewer cities, products, shops, rounds or ticksPerRound`,
      },
    ]);
  });
});
