/**
 * The Review tells one story with numbers that agree (classic, seed 7):
 * - the "why" table never compares the student with themselves: when the student sold the most,
 *   the factors compare with the runner-up;
 * - a sell-out is named with its day, and "buyers lost to stock-outs" is the lost-demand chart's
 *   own count for the city;
 * - the promotion report's discounts and the books' promotion cost are bridged exactly;
 * - the final totals are sums over every round, not the last round.
 */
import { describe, expect, it } from 'vitest';
import { COST_KINDS, LOST_REASON_COUNT, OUT_OF_STOCK, type GameState } from '../../src/engine';
import { current, type Session } from '../../src/ui/session';
import { explainRound } from '../../src/ui/why';
import { flowsOfRound, rowOutcomes } from '../../src/ui/outcome';
import { promotionLedger } from '../../src/ui/promotionLedger';
import { gameTotals } from '../../src/ui/totals';
import { play, start } from './plainGame';

/** Every price at 60% of the reference, 100 of each product restocked in Hangzhou, silk 10% off all round. */
function cheapRound(s: Session): Session {
  return play(s, (d) => {
    d.listings.forEach((l) => (l.price = (Number(l.price) * 0.6).toFixed(2)));
    d.restock.forEach((r) => (r.quantity = r.c === 0 ? '100' : ''));
    d.promotions.push({ type: 'limitedDiscount', values: { product: 'silk', rate: '0.9', fromTick: '1', toTick: '30' } });
  });
}

describe('when the student is the top seller of a crowd', () => {
  it('should compare with the runner-up, not with themselves (hz brand-loyal: you 54 units; review 193.7 vs 185, influence 209 vs 160)', () => {
    const s = cheapRound(start());
    const rows = explainRound(s.world, s.states[0]!, s.states[1]!, s.player, flowsOfRound(s, 1));
    const hzBrand = rows.find((r) => r.city === 0 && r.crowd === 0)!;
    expect(hzBrand.winner).toBe(s.player);
    expect(hzBrand.mine).toBe(54);
    expect(hzBrand.rival).toBe(2);
    // review scores: mine 255, 185, 141 → 193.67 → 193.7; shop 2's 275, 156, 124 → 185; influence in Hangzhou 209 vs 160
    expect(hzBrand.factors.find((f) => f.kind === 'review')).toEqual({ kind: 'review', mine: 193.7, theirs: 185, rival: 2 });
    expect(hzBrand.factors.find((f) => f.kind === 'influence')).toEqual({ kind: 'influence', mine: 209, theirs: 160, rival: 2 });
    for (const r of rows) {
      expect(r.rival).not.toBe(s.player);
      for (const f of r.factors) if ('rival' in f) expect(f.rival).not.toBe(s.player);
    }
  });
});

describe('when the stock runs out', () => {
  it('should name the sell-out day and only the stock-out losses the lost-demand chart counts (round 2 at ¥30: tea day 7, silk day 20, mug day 4; 80 buyers in Hangzhou found every offer sold out)', () => {
    let s = play(start(), (d) => (d.listings[0]!.price = '45.50'));
    s = play(s, (d) => d.listings.forEach((l) => (l.price = '30')));
    const flows = flowsOfRound(s, 2);
    const rows = explainRound(s.world, s.states[1]!, s.states[2]!, s.player, flows);
    const report = s.states[2]!.reports[1]!;
    for (const r of rows) {
      const soldOut = r.factors.filter((f) => f.kind === 'soldOut');
      expect(soldOut.map((f) => f.kind === 'soldOut' && [f.product, f.day])).toEqual([
        [0, 7],
        [1, 20],
        [2, 4],
      ]);
      // the chart's count for this city, nothing else
      for (const f of soldOut) expect(f.kind === 'soldOut' && f.lostHere).toBe(report.lostByReason[r.city * LOST_REASON_COUNT + OUT_OF_STOCK]);
    }
    expect(report.lostByReason[0 * LOST_REASON_COUNT + OUT_OF_STOCK]).toBe(80);
    // Units per listing add up to the report's units; the stock shown at the end is 0
    const out = rowOutcomes(s.world, s.states[2]!, flows, s.player);
    expect(out.reduce((a, r) => a + r.units, 0)).toBe(report.shops[s.player]!.units);
    expect(out.find((r) => r.c === 0 && r.p === 0)).toMatchObject({ units: 36, sellOutDay: 7, stockLeft: 0 });
  });

  it('should not name a stock-out in round 1 when the stock lasted (lost to stock-outs: 0 in every city)', () => {
    const s = play(start(), (d) => (d.listings[0]!.price = '45.50'));
    const rows = explainRound(s.world, s.states[0]!, s.states[1]!, s.player, flowsOfRound(s, 1));
    for (const r of rows) expect(r.factors.some((f) => f.kind === 'soldOut' || f.kind === 'noStock')).toBe(false);
  });

  it('should replay a round after a reload to the same flows (flows of a session without lastFlows)', () => {
    const s = cheapRound(start());
    const kept = flowsOfRound(s, 1);
    const replayed = flowsOfRound({ ...s, lastFlows: [] }, 1);
    expect(replayed).not.toBe(kept);
    expect(replayed.map((f) => Array.from(f.soldByProduct))).toEqual(kept.map((f) => Array.from(f.soldByProduct)));
  });
});

describe('when a promotion runs', () => {
  it('should bridge the report’s discounts and the books’ promotion cost (silk 10% off: ¥1138.56 both)', () => {
    const s = cheapRound(start());
    const led = promotionLedger(s.states[0]!, s.states[1]!, s.player)!;
    const me = s.states[1]!.reports[0]!.shops[s.player]!;
    expect(led.orderedFen).toBe(me.promotions!.reduce((a, r) => a + r.discountFen, 0));
    expect(led.orderedFen).toBe(113856);
    expect(led.bookedFen).toBe(me.costsFen[COST_KINDS.indexOf('promotion')]);
    expect(led).toEqual({ orderedFen: 113856, carriedInFen: 0, inTransitFen: 0, refusedFen: 0, bookedFen: 113856 });
  });

  it('should count discounts still on the way: ordered 1138.56 − 9.00 in transit + 3.00 carried in = booked 1132.56 when those parcels exist', () => {
    const s = cheapRound(start());
    const before: GameState = structuredClone(s.states[0]!);
    const after: GameState = structuredClone(s.states[1]!);
    const parcel = { shop: s.player, from: 0, city: 1, product: 1, orders: 1, units: 1, revenueFen: 6480, orderTick: 30, deliverTick: 32, deadlineTick: 35 };
    after.parcels.push({ ...parcel, discountFen: 900 });
    before.parcels.push({ ...parcel, discountFen: 300 });
    after.reports[0]!.shops[s.player]!.costsFen[COST_KINDS.indexOf('promotion')] = 113856 - 900 + 300;
    expect(promotionLedger(before, after, s.player)).toEqual({ orderedFen: 113856, carriedInFen: 300, inTransitFen: 900, refusedFen: 0, bookedFen: 113256 });
  });
});

describe('when the game ends', () => {
  it('should total revenue, profit and units over all rounds, not show the last round', () => {
    let s = start();
    s = play(s);
    s = play(s);
    s = play(s);
    const state = current(s);
    const tot = gameTotals(state, s.player);
    const [a, b, c] = state.reports.map((r) => r.shops[s.player]!);
    expect(tot.revenueFen).toBe(a!.revenueFen + b!.revenueFen + c!.revenueFen);
    expect(tot.profitFen).toBe(a!.profitFen + b!.profitFen + c!.profitFen);
    expect(tot.units).toBe(a!.units + b!.units + c!.units);
    expect(tot.units).not.toBe(c!.units);
  });
});
