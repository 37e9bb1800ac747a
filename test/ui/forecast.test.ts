/**
 * The what-if forecast plays the draft round with the same engine. When the market is unchanged
 * (the rivals do play what the forecast assumed), the forecast IS the real round: same units,
 * revenue, profit, cash and rank, to the fen.
 */
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenario/builtin';
import { rankShops } from '../../src/sim/scoring';
import { decisionsForRound } from '../../src/sim/game';
import { checkDraft, initialDraft, type PlanDraft } from '../../src/ui/planDraft';
import { current, playRoundWith, startSession, type Session } from '../../src/ui/session';
import { draftDecision, forecastJob, forecastRound, rivalsRepeat } from '../../src/ui/forecast';
import { givenFor } from '../../src/ui/outcome';
import { draftFromEntry } from '../../src/ui/planCopy';
import { planCash, rowEconomics, scalePrice } from '../../src/ui/planSupport';

function session(file: unknown, seed = 7): Session {
  const res = startSession(file, seed);
  if (!res.ok) throw new Error(JSON.stringify(res.problems));
  return res.value;
}

function entryOf(s: Session, edit: (d: PlanDraft) => void) {
  const d = initialDraft(s, current(s), { coach: false });
  edit(d);
  const checked = checkDraft(s, d);
  if (!checked.entry) throw new Error(JSON.stringify(checked.problems));
  return checked.entry;
}

/** Classic with the four rivals as fixed bots that play the same round every round. */
function steadyRivals(): unknown {
  const file = structuredClone(builtinScenario('classic')) as { shops: Record<string, unknown>[] };
  const prices: Record<string, number> = { tea: 48, silk: 95, mug: 30 };
  file.shops.forEach((shop, i) => {
    if (i === 0) return;
    const round = (r: number) => ({
      round: r,
      listings: ['hz', 'sh', 'bj'].flatMap((city) => ['tea', 'silk', 'mug'].map((product) => ({ city, product, price: prices[product]! + i, shipping: 0 }))),
      restock: [{ city: 'hz', product: 'tea', quantity: 20 + i }],
      marketing: { decoration: 100 * i, media: 50, charity: 0 },
    });
    shop.controller = 'bot:fixed';
    shop.decisions = [1, 2, 3, 4, 5, 6].map(round);
  });
  return file;
}

const edit = (d: PlanDraft) => {
  d.listings.forEach((l) => (l.price = (Number(l.price) * 0.9).toFixed(2)));
  d.restock[0]!.quantity = '60';
  d.marketing.media = '300';
};

describe('when the market is unchanged', () => {
  it('should forecast exactly the real round (steady fixed rivals, round 2)', () => {
    let s = session(steadyRivals());
    s = (playRoundWith(s, entryOf(s, () => {})) as { ok: true; value: Session }).value;
    const entry = entryOf(s, edit);
    const job = forecastJob(s, draftDecision(s, entry)!, rivalsRepeat(s));
    const f = forecastRound(job.world, job.state, job.decisions, job.player);
    const real = (playRoundWith(s, entry) as { ok: true; value: Session }).value;
    const me = current(real).reports[1]!.shops[s.player]!;
    expect(f.round).toBe(2);
    expect({ units: f.units, revenueFen: f.revenueFen, profitFen: f.profitFen, cashFen: f.cashFen, equityFen: f.equityFen }).toEqual({
      units: me.units,
      revenueFen: me.revenueFen,
      profitFen: me.profitFen,
      cashFen: me.cashFen,
      equityFen: me.equityFen,
    });
    expect(f.rank).toBe(rankShops(real.world, current(real)).find((r) => r.shop === s.player)!.rank);
    expect(f.rows.reduce((a, r) => a + r.units, 0)).toBe(me.units);
  });

  it('should forecast exactly the real round when the bots play what was assumed (classic round 1: the bots’ opening plan)', () => {
    const s = session(builtinScenario('classic'));
    const entry = entryOf(s, edit);
    const mine = draftDecision(s, entry)!;
    const f = forecastRound(s.world, current(s), forecastJob(s, mine).decisions, s.player);
    const real = (playRoundWith(s, entry) as { ok: true; value: Session }).value;
    const me = current(real).reports[0]!.shops[s.player]!;
    expect([f.units, f.revenueFen, f.profitFen, f.cashFen]).toEqual([me.units, me.revenueFen, me.profitFen, me.cashFen]);
  });

  it('should assume the rivals repeat last round from round 2 on (classic: the decisions of round 1)', () => {
    let s = session(builtinScenario('classic'));
    s = (playRoundWith(s, entryOf(s, () => {})) as { ok: true; value: Session }).value;
    const assumed = rivalsRepeat(s);
    const played = decisionsForRound(s.world, s.states[0]!, givenFor(s));
    expect(assumed).toEqual(played);
  });
});

describe('when the plan shows numbers to decide with', () => {
  it('should give hz tea at 50.00: goods 30.00 + carrier, margin and break-even that add up', () => {
    const s = session(builtinScenario('classic'));
    const d = initialDraft(s, current(s), { coach: false });
    const e = rowEconomics(s.world, current(s), s.player, d.listings[0]!);
    expect(e.unitCostFen).toBe(s.world.products[0]!.unitCostFen);
    expect(e.marginFen).toBe(5000 - e.unitCostFen - e.carrierFen);
    expect(e.breakEvenFen).toBe(e.unitCostFen + e.carrierFen);
    // shipping the buyer pays lowers the break-even price by as much
    d.listings[0]!.shipping = '5';
    expect(rowEconomics(s.world, current(s), s.player, d.listings[0]!).breakEvenFen).toBe(e.breakEvenFen - 500);
  });

  it('should count the plan’s spending against cash (100 tea at cost + ¥300 media)', () => {
    const s = session(builtinScenario('classic'));
    const d = initialDraft(s, current(s), { coach: false });
    d.restock[0]!.quantity = '100';
    d.marketing.media = '300';
    const cash = planCash(s.world, current(s), s.player, d);
    expect(cash.restockFen).toBe(100 * s.world.products[0]!.unitCostFen);
    expect(cash.marketingFen).toBe(30000);
    expect(cash.afterFen).toBe(2_000_000 - cash.restockFen - 30000);
  });

  it('should change a price by a percentage to the fen (50.00 −5% = 47.50; 45.55 +10% = 50.11)', () => {
    expect(scalePrice('50.00', -5)).toBe('47.50');
    expect(scalePrice('45.55', 10)).toBe('50.11');
    expect(scalePrice('abc', 10)).toBeNull();
  });

  it('should copy last round whole: prices, restock, marketing and the promotion', () => {
    let s = session(builtinScenario('classic'));
    const entry = entryOf(s, (d) => {
      edit(d);
      d.promotions.push({ type: 'limitedDiscount', values: { product: 'tea', rate: '0.9', fromTick: '1', toTick: '10' } });
    });
    s = (playRoundWith(s, entry) as { ok: true; value: Session }).value;
    const copied = draftFromEntry(s.world, current(s), s.player, 2, entry);
    expect(copied.listings.map((l) => l.price)).toEqual(entry.listings.map((l) => (l.price ?? 0).toFixed(2)));
    expect(copied.restock[0]!.quantity).toBe('60');
    expect(copied.marketing.media).toBe('300.00');
    expect(copied.promotions).toEqual([{ type: 'limitedDiscount', values: { product: 'tea', rate: '0.9', fromTick: '1', toTick: '10' } }]);
    expect(checkDraft(s, copied).problems).toEqual([]);
  });
});
