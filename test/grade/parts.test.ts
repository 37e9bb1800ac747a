import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, toCsv } from '../../src/sim/grading/csv';
import { teamLabels } from '../../src/sim/grading/grade';
import { seatTeams } from '../../src/sim/grading/seats';
import { gradingSeeds } from '../../src/sim/grading/seeds';
import { decisionSlots, similarity, similarPairs } from '../../src/sim/grading/similarity';
import { loadScenario } from '../../src/scenario/load';
import { classic } from './helpers';

describe('when seeds are derived for a grade', () => {
  it('should start with the scenario seed, be distinct and the same every time', () => {
    const a = gradingSeeds(1, 10);
    expect(a[0]).toBe(1);
    expect(new Set(a).size).toBe(10);
    expect(gradingSeeds(1, 10)).toEqual(a);
    expect(gradingSeeds(1, 3)).toEqual(a.slice(0, 3));
    expect(a.every((s) => Number.isInteger(s) && s >= 0 && s < 2 ** 31)).toBe(true);
  });
});

describe('when decisions are compared for similarity', () => {
  const base = [{ round: 1, listings: [{ city: 'hz', product: 'tea', price: 50, sellerPaysShipping: true }], restock: [{ city: 'hz', product: 'tea', quantity: 100 }] }];

  it('should name slots by round, list and what an entry is about', () => {
    expect([...decisionSlots(base).keys()]).toEqual(['r1.listings[hz/tea].price', 'r1.listings[hz/tea].sellerPaysShipping', 'r1.restock[hz/tea].quantity']);
  });

  it('should score numbers 2% apart 0.8 and ignore flags both teams set alike', () => {
    const nudged = [{ ...base[0]!, listings: [{ ...base[0]!.listings[0]!, price: 51 }], restock: [{ city: 'hz', product: 'tea', quantity: 102 }] }];
    // price: 1 − 1 / (0.1 × 51) = 0.8039; quantity: 1 − 2 / (0.1 × 102) = 0.8039; the shared flag is not counted
    expect(similarity(decisionSlots(base), decisionSlots(nudged))).toBeCloseTo(0.8039, 4);
  });

  it('should count a differing flag and a slot only one team filled as 0', () => {
    const other = [{ round: 1, listings: [{ city: 'hz', product: 'tea', price: 50, presale: true }] }];
    // price 1; sellerPaysShipping differs 0; presale differs 0; quantity vs nothing 0 → 1/4
    expect(similarity(decisionSlots(base), decisionSlots(other))).toBe(0.25);
  });

  it('should be symmetric and between 0 and 1', () => {
    const round = fc.record({ round: fc.integer({ min: 1, max: 3 }), marketing: fc.record({ media: fc.integer({ min: 0, max: 5000 }), iso: fc.boolean() }) });
    fc.assert(
      fc.property(fc.array(round, { maxLength: 3 }), fc.array(round, { maxLength: 3 }), (a, b) => {
        const x = similarity(decisionSlots(a), decisionSlots(b));
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
        expect(similarity(decisionSlots(b), decisionSlots(a))).toBeCloseTo(x, 12);
      }),
    );
  });

  it('should list pairs at or above the threshold and mark the same engine decisions identical', () => {
    const teams = [
      { fileRounds: base, rounds: [1] },
      { fileRounds: base, rounds: [1] },
      { fileRounds: [], rounds: [2] },
    ];
    expect(similarPairs(teams, 0.85)).toEqual([{ a: 0, b: 1, similarity: 1, identical: true }]);
  });
});

describe('when a class has more teams than the scenario has player shops', () => {
  it('should seat copies of the player shop with distinct ids after the scenario\'s shops', () => {
    const { file } = classic();
    const { scenario, seats } = seatTeams(file, [{ base: 's1', count: 12, names: ['甲队', '乙队'] }]);
    expect(seats[0]!.slice(0, 3)).toEqual(['s1', 's1-02', 's1-03']);
    expect(seats[0]![11]).toBe('s1-12');
    const res = loadScenario(scenario);
    expect(res.ok).toBe(true);
    const shops = (scenario as unknown as { shops: { id: string; name: { zh: string }; cash: number; stock: unknown }[] }).shops;
    expect(shops).toHaveLength(5 + 11);
    expect(shops[0]!.name.zh).toBe('甲队');
    expect(shops[5]).toMatchObject({ id: 's1-02', name: { zh: '乙队' }, cash: shops[0]!.cash, stock: shops[0]!.stock });
    expect(shops[6]!.name.zh).toBe('我的网店 3');
  });

  it('should refuse a market bigger than a scenario may be', () => {
    const { file } = classic();
    expect(() => seatTeams(file, [{ base: 's1', count: 60 }])).toThrow(/a market holds at most 60 shops; 60 team seats and the scenario's other shops make 64/);
    expect(() => seatTeams(file, [{ base: 's2', count: 2 }])).toThrow(/not a player shop/);
  });
});

describe('when a report is written as CSV', () => {
  it('should start with a BOM, end lines with CRLF and quote what needs quoting', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('\uFEFFa,b\r\n1,"x,y"\r\n');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('张三')).toBe('张三');
  });

  it('should keep a spreadsheet from running a team name as a formula, but write negative numbers as numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-12.5)).toBe('-12.5');
  });
});

describe('when teams are named after their files', () => {
  it('should drop folders and .json, and keep the path when two files share a name', () => {
    expect(teamLabels(['a/张三.json', 'b/李四.JSON', 'c/x.json', 'd/x.json'])).toEqual(['张三', '李四', 'c/x.json', 'd/x.json']);
  });
});
