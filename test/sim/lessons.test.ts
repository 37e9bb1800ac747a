/**
 * `shopsim lessons`: the course's lessons (domain §12) as controlled experiments, each with the
 * size of its effect. Lessons whose mechanics are built (1–8, 10) must be shown; the others say
 * why not.
 */
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenario/builtin';
import { loadScenario } from '../../src/scenario/load';
import { runLessons, type LessonResult } from '../../src/sim/lessons';

const world = (() => {
  const res = loadScenario(builtinScenario('classic'));
  if (!res.ok) throw new Error('classic must load');
  return res.value;
})();
const told: [number, number][] = [];
const report = runLessons(world, 1, (done, total) => told.push([done, total]));
const lesson = (n: number): LessonResult => report.lessons.find((l) => l.lesson === n)!;

describe('when the lessons run on classic (1 seed)', () => {
  it('should tell its progress lesson by lesson, 0 of 10 to 10 of 10, for the progress bar', () => {
    expect(told).toEqual(Array.from({ length: 11 }, (_, i) => [i, 10]));
    expect(report.lessons.map((l) => l.lesson)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('lesson 5: the ×0.3 tag rule cuts the tagged shop’s round-2 orders (the first round it starts with its tags) by more than half (measured 477 → 108, −77%)', () => {
    expect(lesson(5).effect!).toBeLessThan(-0.5);
  });

  it('lesson 10: no agent instead of 2 cuts round-1 conversion by more than a third (measured 51.2% → 25.5%, −50%) and DSR by more than 1.5 (4.56 → 2.44)', () => {
    const l = lesson(10);
    expect(l.change).toMatch(/no customer-service agent instead of 2/);
    expect(l.effect!).toBeLessThan(-1 / 3);
    expect(l.also!.control - l.also!.treatment).toBeGreaterThan(1.5);
  });

  it('lesson 8: in retention, a returning customer’s order costs about a third of a new one’s, under 0.4 (measured 3.36 vs 9.80 yuan, −66%; −74% before the detail page counted), and the coupon wins an extra order for under a tenth of what media pays (5.00 vs 1,000.00: media 1,000.00 won at most one)', () => {
    const l = lesson(8);
    expect(l.market).toBe('retention');
    expect(l.shown).toBe(true);
    expect(l.treatment).toBeGreaterThan(0);
    expect(l.treatment).toBeLessThan(l.control * 0.4);
    expect(l.also!.treatment).toBeLessThan(0.1 * l.also!.control);
  });

  it('should list all ten lessons in order, each built one shown and each other one with a reason', () => {
    expect(report.lessons.map((l) => l.lesson)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) expect(lesson(n).shown, `lesson ${n}`).toBe(true);
  });

  it('lesson 9: "绿茶" in the title (organic position 8 → 1 of 8) lifts hesitant + composite units 4 → 604 while low-price units stay 400', () => {
    const l = lesson(9);
    expect(l.control).toBeLessThan(50);
    expect(l.difference).toBeGreaterThan(450);
    expect(Math.abs(l.also!.treatment - l.also!.control)).toBeLessThan(20);
  });

  it('lesson 1: prices at 85% of the reference at least double low-price units, and the margin falls by 5+ points', () => {
    const l = lesson(1);
    expect(l.effect!).toBeGreaterThan(1);
    expect(l.also!.control - l.also!.treatment).toBeGreaterThan(5);
  });

  it('lesson 2: presold orders the late restock cannot meet (≥ 1 breach in 10) cut brand-loyal units of rounds 2–3 by ≥ 80%', () => {
    const l = lesson(2);
    expect(l.also!.treatment).toBeGreaterThanOrEqual(0.1);
    expect(l.also!.control).toBe(0);
    expect(l.control).toBeGreaterThan(100);
    expect(l.effect!).toBeLessThanOrEqual(-0.8);
  });

  it('lesson 3: delivering in round 1 wins all 60 brand-loyal buyers of round 3 (against 0) and city influence', () => {
    const l = lesson(3);
    expect(l.control).toBe(0);
    expect(l.treatment).toBe(60);
    expect(l.also!.treatment).toBeGreaterThan(l.also!.control);
  });

  it('lesson 4: 4,500 a round of brand spend raises composite-crowd units at least fivefold and the index by 30+ points', () => {
    const l = lesson(4);
    expect(l.treatment).toBeGreaterThan(5 * Math.max(1, l.control));
    expect(l.also!.treatment - l.also!.control).toBeGreaterThan(30);
  });

  it('lesson 6: a coupon for potential customers raises hesitant units by ≥ 10% and fewer undecided buyers are lost', () => {
    const l = lesson(6);
    expect(l.effect!).toBeGreaterThanOrEqual(0.1);
    expect(l.also!.treatment).toBeLessThan(l.also!.control);
  });

  it('lesson 7: a buy-more threshold of 3 for buyers of 1–3 units raises units per order from 1.7 to about 2.35 (+25% or more)', () => {
    // Without it: 0.5 × 1 + 0.3 × 2 + 0.2 × 3 = 1.7. With it, half of the buyers of 1 and 2 move
    // up to 3 (2 and 1 units short, 10% saving ≥ 5%): 0.5 × 2 + 0.3 × 2.5 + 0.2 × 3 = 2.35.
    const l = lesson(7);
    expect(l.control).toBeCloseTo(1.7, 1);
    expect(l.treatment).toBeGreaterThan(2.2);
    expect(l.treatment).toBeLessThan(2.5);
    expect(l.effect!).toBeGreaterThan(0.25);
  });
});
