/**
 * How searching buyers buy from a results page, in tiny search markets built here: one keyword
 * (绿茶) that every shop has in its title, one city, two shops, one tick unless said, no paid slots.
 * Both shops tie on SEO, so the organic order is the composite ranking's: the cheaper shop s0
 * (40.00) first, s1 (45.00) second. The chance a result is opened (rules.search.organicAttention)
 * is set to 0 or 1 where the tests count by hand, and to a share where they state bounds over many
 * buyers (4 standard deviations of the binomial draw, with its size).
 *
 * Composite buyers (the ranked buyer of crowds/rankedBuyer.ts) go down their ranking and open each
 * result only with its position's chance; hesitant buyers (crowds/hesitant.ts) choose by utility
 * weight × that chance, and with hesitant.buyBase 2 every one of them decides to buy (0.8 → 2 ×
 * best utility ≥ 2 × 0.5 × (1 + 5 / 15) > 1); with buyBase 0 none does.
 */
import { describe, expect, it } from 'vitest';
import { COMPOSITE, createInitialState, HESITANT, LOST_REASONS, playRound, type GameState, type RoundDecision, type World } from '../../src/engine';
import { loadScenario } from '../../src/scenario/load';
import { listTea, tinyScenario } from './helpers';

interface Market {
  perRound: { composite?: number; hesitant?: number; lowPrice?: number };
  /** tins of tea in stock at s0, s1 (and s2) */
  stock: number[];
  attention: number[];
  hesitant?: Record<string, number>;
  quantity?: number;
  ticks?: number;
}

function market(o: Market): World {
  const s = tinyScenario({
    shops: o.stock.map((n, i) => ({ id: `s${i}`, stock: { hz: { tea: n } } })),
    perRound: o.perRound,
    ticksPerRound: o.ticks ?? 1,
    rounds: 1,
    rules: { search: { paidShare: 0, organicAttention: o.attention, organicTailAttention: 0 }, ...(o.hesitant ? { hesitant: o.hesitant } : {}) },
    ...(o.quantity ? { quantity: [{ quantity: o.quantity, weight: 1 }] } : {}),
  });
  s.keywords = [{ id: '绿茶', word: { zh: '绿茶', en: 'green tea' }, searchVolume: { hz: 1000 }, relevance: { tea: 1 } }];
  const res = loadScenario(s);
  if (!res.ok) throw new Error(res.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return res.value;
}

const titled = (price: number): RoundDecision => {
  const d = listTea(price);
  d.search = { titles: [{ product: 0, keywords: [0] }] };
  return d;
};

function play(o: Market, prices: number[] = [40, 45, 50].slice(0, o.stock.length)): GameState {
  const w = market(o);
  return playRound(w, createInitialState(w, 1), prices.map(titled));
}

const report = (st: GameState) => st.reports[0]!;
const units = (st: GameState, s: number, crowd: number) => report(st).shops[s]!.unitsByCrowd[crowd]!;
const clicks = (st: GameState) => report(st).shops.map((x) => x.clicks);
const lost = (st: GameState, reason: (typeof LOST_REASONS)[number]) => report(st).lostByReason[LOST_REASONS.indexOf(reason)]!;
const keyword = (st: GameState) => report(st).keywords[0]!;

describe('when composite buyers open search results with their position’s chance', () => {
  it('should sell nothing and lose all 10 buyers as "no purchase" when no result is ever opened (attention 0): 0 clicks, 0 keyword orders, 10 impressions each', () => {
    const st = play({ perRound: { composite: 10 }, stock: [100, 100], attention: [0] });
    expect(units(st, 0, COMPOSITE) + units(st, 1, COMPOSITE)).toBe(0);
    expect(clicks(st)).toEqual([0, 0]);
    expect(lost(st, 'noPurchase')).toBe(10);
    expect(lost(st, 'outOfStock')).toBe(0);
    expect(keyword(st)).toMatchObject({ searches: 10, impressions: 20, clicks: 0, orders: 0 });
    expect(report(st).shops.map((x) => x.impressions)).toEqual([10, 10]);
  });

  it('should skip a result never opened: attention [0, 1] sends all 10 buyers to s1 at position 2 although s0 ranks first', () => {
    const st = play({ perRound: { composite: 10 }, stock: [100, 100], attention: [0, 1] });
    expect(report(st).shops.map((x) => x.searchRank[0])).toEqual([1, 2]);
    expect([units(st, 0, COMPOSITE), units(st, 1, COMPOSITE)]).toEqual([0, 10]);
    expect(clicks(st)).toEqual([0, 10]);
    expect(lost(st, 'noPurchase')).toBe(0);
    expect(keyword(st)).toMatchObject({ clicks: 10, orders: 10 });
  });

  it('should lose as "no purchase", not "out of stock", the 7 buyers after s0’s 3 tins are gone when s1 (in stock) is never opened (attention [1, 0])', () => {
    const st = play({ perRound: { composite: 10 }, stock: [3, 100], attention: [1, 0] });
    expect([units(st, 0, COMPOSITE), units(st, 1, COMPOSITE)]).toEqual([3, 0]);
    expect(clicks(st)).toEqual([3, 0]);
    expect(lost(st, 'noPurchase')).toBe(7);
    expect(lost(st, 'outOfStock')).toBe(0);
    expect(keyword(st)).toMatchObject({ clicks: 3, orders: 3 });
  });

  it('should lose as "out of stock" the 5 buyers who find both shops sold out (3 + 2 tins for 10 buyers, every result opened)', () => {
    const st = play({ perRound: { composite: 10 }, stock: [3, 2], attention: [1, 1] });
    expect([units(st, 0, COMPOSITE), units(st, 1, COMPOSITE)]).toEqual([3, 2]);
    expect(lost(st, 'outOfStock')).toBe(5);
    expect(lost(st, 'noPurchase')).toBe(0);
    expect(keyword(st)).toMatchObject({ clicks: 5, orders: 5 });
  });

  it('should count an order at each shop in the keyword report: 4 buyers of 3 tins, s0 holding 1 → the first buys 1 + 2 (2 orders), the others 3 at s1: 5 orders, 12 tins', () => {
    const st = play({ perRound: { composite: 4 }, stock: [1, 100], attention: [1, 1], quantity: 3 });
    expect([units(st, 0, COMPOSITE), units(st, 1, COMPOSITE)]).toEqual([1, 11]);
    expect(clicks(st)).toEqual([1, 4]);
    expect(keyword(st)).toMatchObject({ clicks: 5, orders: 5 });
    expect(lost(st, 'noPurchase') + lost(st, 'outOfStock')).toBe(0);
  });

  it('should pass over a sold-out result without opening it: s0 never opened, s1 sold out by the first of 5 buyers of 3 (1 at s1 + 2 at s2), the other 4 buy 3 at s2: clicks 0, 1, 5', () => {
    const st = play({ perRound: { composite: 5 }, stock: [100, 1, 100], attention: [0, 1, 1], quantity: 3 });
    expect([0, 1, 2].map((s) => units(st, s, COMPOSITE))).toEqual([0, 1, 14]);
    expect(clicks(st)).toEqual([0, 1, 5]);
    expect(keyword(st)).toMatchObject({ clicks: 6, orders: 6 });
  });

  it('should count only searching buyers’ orders in the keyword report: 5 low-price buyers (who compare every offer) and 7 composite → 7 orders, 12 tins', () => {
    const st = play({ perRound: { lowPrice: 5, composite: 7 }, stock: [100, 100], attention: [1, 1] });
    expect(units(st, 0, COMPOSITE) + units(st, 1, COMPOSITE)).toBe(7);
    expect(report(st).shops[0]!.units + report(st).shops[1]!.units).toBe(12);
    expect(keyword(st)).toMatchObject({ searches: 7, orders: 7 });
  });

  it('should open the first result about as often as its attention says: 0.2 of 400 buyers → 80 ± 32 tins (binomial sd 8), the rest lost as "no purchase"', () => {
    const st = play({ perRound: { composite: 400 }, stock: [1000, 1000], attention: [0.2, 0] });
    const sold = units(st, 0, COMPOSITE);
    expect(sold).toBeGreaterThan(48);
    expect(sold).toBeLessThan(112);
    expect(units(st, 1, COMPOSITE)).toBe(0);
    expect(lost(st, 'noPurchase')).toBe(400 - sold);
    expect(keyword(st).orders).toBe(sold);
  });
});

describe('when hesitant buyers choose among search results by utility × the chance to open each', () => {
  const buyAll = { buyBase: 2 };

  it('should buy only at the result it can open: attention [0, 1] → all 200 at s1 (position 2, the lower utility), 200 keyword orders', () => {
    const st = play({ perRound: { hesitant: 200 }, stock: [1000, 1000], attention: [0, 1], hesitant: buyAll });
    expect([units(st, 0, HESITANT), units(st, 1, HESITANT)]).toEqual([0, 200]);
    expect(clicks(st)).toEqual([0, 200]);
    expect(report(st).shops.map((x) => x.impressions)).toEqual([200, 200]);
    expect(keyword(st)).toMatchObject({ clicks: 200, orders: 200 });
    expect(lost(st, 'noPurchase') + lost(st, 'outOfStock')).toBe(0);
  });

  it('should buy at position 1 only with attention [1, 0]: all 200 at s0', () => {
    const st = play({ perRound: { hesitant: 200 }, stock: [1000, 1000], attention: [1, 0], hesitant: buyAll });
    expect([units(st, 0, HESITANT), units(st, 1, HESITANT)]).toEqual([200, 0]);
    expect(keyword(st).orders).toBe(200);
  });

  it('should buy at the most attractive result when it would open none (attention 0 everywhere, so no weight): all 200 at s0', () => {
    const st = play({ perRound: { hesitant: 200 }, stock: [1000, 1000], attention: [0, 0], hesitant: buyAll });
    expect([units(st, 0, HESITANT), units(st, 1, HESITANT)]).toEqual([200, 0]);
  });

  it('should split equal offers by attention: 1 against 0.25 at the same price gives position 2 a share of 0.2, 80 ± 32 of 400 (binomial sd 8)', () => {
    const st = play({ perRound: { hesitant: 400 }, stock: [1000, 1000], attention: [1, 0.25], hesitant: buyAll }, [40, 40]);
    const second = report(st).shops.findIndex((x) => x.searchRank[0] === 2);
    expect(second).toBeGreaterThanOrEqual(0);
    const n = units(st, second, HESITANT);
    expect(n).toBeGreaterThan(48);
    expect(n).toBeLessThan(112);
    expect(units(st, 1 - second, HESITANT)).toBe(400 - n);
    expect(keyword(st).orders).toBe(400);
  });

  it('should take what the chosen shop lacks from the other result it saw, even one it would not open: 10 buyers of 3, s1 holding 1 → 1 + 2, then 9 × 3 at s0: 11 orders', () => {
    const st = play({ perRound: { hesitant: 10 }, stock: [100, 1], attention: [0, 1], quantity: 3, hesitant: buyAll });
    expect([units(st, 0, HESITANT), units(st, 1, HESITANT)]).toEqual([29, 1]);
    expect(clicks(st)).toEqual([10, 1]);
    expect(keyword(st)).toMatchObject({ clicks: 11, orders: 11 });
  });

  it('should take what the chosen first result lacks from the next one, opening the first only once: attention [1, 0], 10 buyers of 3, s0 holding 1 → 1 + 2, then 9 × 3 at s1: 11 orders, s0 clicked once', () => {
    const st = play({ perRound: { hesitant: 10 }, stock: [1, 100], attention: [1, 0], quantity: 3, hesitant: buyAll });
    expect([units(st, 0, HESITANT), units(st, 1, HESITANT)]).toEqual([1, 29]);
    expect(clicks(st)).toEqual([1, 10]);
    expect(keyword(st)).toMatchObject({ clicks: 11, orders: 11 });
  });

  it('should stop once it has what it wants: s0 (its choice) holding 1, 3 tins → 1 at s0 + 2 at s1 and none at s2 (10 buyers: s0 1, s1 29, s2 0)', () => {
    const st = play({ perRound: { hesitant: 10 }, stock: [1, 100, 100], attention: [1, 0, 0], quantity: 3, hesitant: buyAll });
    expect([0, 1, 2].map((s) => units(st, s, HESITANT))).toEqual([1, 29, 0]);
    expect(keyword(st).orders).toBe(11);
  });

  it('should buy what all the results it saw hold together when that is less than it wants: 1 buyer of 3, 1 + 1 tins → 2 tins, 2 orders, not lost', () => {
    const st = play({ perRound: { hesitant: 1 }, stock: [1, 1], attention: [1, 1], quantity: 3, hesitant: buyAll });
    expect(units(st, 0, HESITANT) + units(st, 1, HESITANT)).toBe(2);
    expect(keyword(st).orders).toBe(2);
    expect(lost(st, 'outOfStock') + lost(st, 'noPurchase')).toBe(0);
  });

  it('should decide with the best utility it sees: buyBase 1, s0 at 35.00 (price term 2, utility > 1) and s1 at the 65.00 cap (price term 0) → all 200 buy', () => {
    const st = play({ perRound: { hesitant: 200 }, stock: [1000, 1000], attention: [1, 1], hesitant: { buyBase: 1 } }, [35, 65]);
    expect(units(st, 0, HESITANT) + units(st, 1, HESITANT)).toBe(200);
    expect(st.potential[0]).toBe(0);
  });

  it('should lose as "out of stock" the 7 buyers who find both results sold out (2 + 1 tins for 10)', () => {
    const st = play({ perRound: { hesitant: 10 }, stock: [2, 1], attention: [1, 1], hesitant: buyAll });
    expect(units(st, 0, HESITANT) + units(st, 1, HESITANT)).toBe(3);
    expect(lost(st, 'outOfStock')).toBe(7);
    expect(lost(st, 'noPurchase')).toBe(0);
    expect(keyword(st).orders).toBe(3);
  });

  it('should open the most attractive result and leave undecided when it does not buy (buyBase 0): 200 clicks at s0, 0 orders, 200 potential customers kept as 100', () => {
    const st = play({ perRound: { hesitant: 200 }, stock: [1000, 1000], attention: [0, 1], hesitant: { buyBase: 0 } });
    expect(units(st, 0, HESITANT) + units(st, 1, HESITANT)).toBe(0);
    expect(clicks(st)).toEqual([200, 0]);
    expect(keyword(st)).toMatchObject({ clicks: 200, orders: 0 });
    expect(lost(st, 'noPurchase')).toBe(0);
    // Potential customers at the round's end: half of them (potentialRetention 0.5) are kept.
    expect(st.potential[0]).toBe(100);
  });

  it('should lose as "no purchase" a potential customer who comes back and is undecided again (buyBase 0, 5 ticks)', () => {
    const st = play({ perRound: { hesitant: 200 }, stock: [1000, 1000], attention: [1, 1], hesitant: { buyBase: 0 }, ticks: 5 });
    expect(units(st, 0, HESITANT) + units(st, 1, HESITANT)).toBe(0);
    expect(lost(st, 'noPurchase')).toBeGreaterThan(0);
    expect(lost(st, 'outOfStock')).toBe(0);
    expect(keyword(st).orders).toBe(0);
  });
});

describe('when a tick’s searchers are split over the keywords that find the product', () => {
  it('should split 10 composite buyers by volume × relevance with the largest remainder, ties to the lower keyword, and send none to a keyword of relevance 0: 0, 5, 3, 2', () => {
    const s = tinyScenario({
      shops: [
        { id: 's0', stock: { hz: { tea: 100 } } },
        { id: 's1', stock: { hz: { tea: 100 } } },
      ],
      perRound: { composite: 10 },
      ticksPerRound: 1,
      rounds: 1,
      rules: { search: { paidShare: 0 } },
    });
    const kw = (id: string, volume: number, relevance: number) => ({
      id,
      word: { zh: id, en: id },
      searchVolume: { hz: volume },
      relevance: { tea: relevance },
    });
    // Shares 10 × (0, 1000, 500, 500) / 2000 = 0, 5, 2.5, 2.5: floors 0, 5, 2, 2, and the one left to
    // the lower of the two remainders of 0.5.
    s.keywords = [kw('k0', 3000, 0), kw('k1', 1000, 1), kw('k2', 500, 1), kw('k3', 1000, 0.5)];
    const res = loadScenario(s);
    if (!res.ok) throw new Error(res.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    const st = playRound(res.value, createInitialState(res.value, 1), [listTea(40), listTea(45)]);
    expect(report(st).keywords.map((k) => k.searches)).toEqual([0, 5, 3, 2]);
  });
});
