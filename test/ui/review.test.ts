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
  it('should compare with the runner-up, not with themselves (hz brand-loyal: you 58 units; review 195 vs 141.3, influence 241 vs 143)', () => {
    const s = cheapRound(start());
    const rows = explainRound(s.world, s.states[0]!, s.states[1]!, s.player, flowsOfRound(s, 1));
    const hzBrand = rows.find((r) => r.city === 0 && r.crowd === 0)!;
    expect(hzBrand.winner).toBe(s.player);
    expect(hzBrand.mine).toBe(58);
    expect(hzBrand.rival).toBe(1);
    // review scores, the mean over the three products: mine 195, shop 1's 141.3; influence in Hangzhou 241 vs 143
    expect(hzBrand.factors.find((f) => f.kind === 'review')).toEqual({ kind: 'review', mine: 195, theirs: 141.3, rival: 1 });
    expect(hzBrand.factors.find((f) => f.kind === 'influence')).toEqual({ kind: 'influence', mine: 241, theirs: 143, rival: 1 });
    for (const r of rows) {
      expect(r.rival).not.toBe(s.player);
      for (const f of r.factors) if ('rival' in f) expect(f.rival).not.toBe(s.player);
    }
  });
});

describe('when the stock runs out', () => {
  it('should name the sell-out day and only the stock-out losses the lost-demand chart counts (round 2 at ¥30: tea day 13, silk day 22, mug day 10; 55 buyers in Hangzhou found every offer sold out)', () => {
    let s = play(start(), (d) => (d.listings[0]!.price = '45.50'));
    s = play(s, (d) => d.listings.forEach((l) => (l.price = '30')));
    const flows = flowsOfRound(s, 2);
    const rows = explainRound(s.world, s.states[1]!, s.states[2]!, s.player, flows);
    const report = s.states[2]!.reports[1]!;
    for (const r of rows) {
      const soldOut = r.factors.filter((f) => f.kind === 'soldOut');
      expect(soldOut.map((f) => f.kind === 'soldOut' && [f.product, f.day])).toEqual([
        [0, 13],
        [1, 22],
        [2, 10],
      ]);
      // the chart's count for this city, nothing else
      for (const f of soldOut) expect(f.kind === 'soldOut' && f.lostHere).toBe(report.lostByReason[r.city * LOST_REASON_COUNT + OUT_OF_STOCK]);
    }
    expect(report.lostByReason[0 * LOST_REASON_COUNT + OUT_OF_STOCK]).toBe(55);
    // Units per listing add up to the report's units; the stock shown at the end is 0
    const out = rowOutcomes(s.world, s.states[2]!, flows, s.player);
    expect(out.reduce((a, r) => a + r.units, 0)).toBe(report.shops[s.player]!.units);
    expect(out.find((r) => r.c === 0 && r.p === 0)).toMatchObject({ units: 49, sellOutDay: 13, stockLeft: 0 });
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
  it('should bridge the report’s discounts and the books’ promotion cost (silk 10% off: ¥1135.56 both)', () => {
    const s = cheapRound(start());
    const led = promotionLedger(s.states[0]!, s.states[1]!, s.player)!;
    const me = s.states[1]!.reports[0]!.shops[s.player]!;
    expect(led.orderedFen).toBe(me.promotions!.reduce((a, r) => a + r.discountFen, 0));
    expect(led.orderedFen).toBe(113556);
    expect(led.bookedFen).toBe(me.costsFen[COST_KINDS.indexOf('promotion')]);
    expect(led).toEqual({ orderedFen: 113556, carriedInFen: 0, inTransitFen: 0, refusedFen: 0, bookedFen: 113556 });
  });

  it('should count discounts still on the way: ordered 1135.56 − 9.00 in transit + 3.00 carried in = booked 1129.56 when those parcels exist', () => {
    const s = cheapRound(start());
    const before: GameState = structuredClone(s.states[0]!);
    const after: GameState = structuredClone(s.states[1]!);
    const parcel = { shop: s.player, from: 0, city: 1, product: 1, orders: 1, units: 1, revenueFen: 6480, orderTick: 30, deliverTick: 32, deadlineTick: 35 };
    after.parcels.push({ ...parcel, discountFen: 900 });
    before.parcels.push({ ...parcel, discountFen: 300 });
    after.reports[0]!.shops[s.player]!.costsFen[COST_KINDS.indexOf('promotion')] = 113556 - 900 + 300;
    expect(promotionLedger(before, after, s.player)).toEqual({ orderedFen: 113556, carriedInFen: 300, inTransitFen: 900, refusedFen: 0, bookedFen: 112956 });
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
