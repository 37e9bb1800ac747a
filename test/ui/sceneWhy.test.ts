/**
 * Why one buyer of the scene chose the shop it chose (classic, seed 7, the plain opening): the
 * explanation names what its crowd ranks by, in the crowd file's order, and where the chosen shop
 * stood on each key among the city's offers, from the round's report and tick flows.
 */
import { describe, expect, it } from 'vitest';
import { CROWD_COUNT, CROWD_RANKING_KEYS, LOW_PRICE, BRAND_LOYAL } from '../../src/engine';
import { t } from '../../src/ui/i18n';
import { flowsOfRound } from '../../src/ui/outcome';
import { buyerWhy, latestBuyer } from '../../src/ui/sceneWhy';
import { builtinScenario } from '../../src/scenario/builtin';
import { checkDraft, initialDraft } from '../../src/ui/planDraft';
import { current, playRoundWith, startSession } from '../../src/ui/session';
import { play, start } from './plainGame';

describe('when a buyer of the scene is picked', () => {
  const s = play(start());
  const flows = flowsOfRound(s, 1);
  const S = s.world.shops.length;
  const report = current(s).reports[0]!;

  it('should find the latest buyer of a crowd in a city: the shop with most of its orders on the last tick it came', () => {
    const b = latestBuyer(flows, S, 0, LOW_PRICE, flows.length)!;
    expect(b).not.toBeNull();
    const f = flows[b.tick]!;
    const orders = Array.from({ length: S }, (_, x) => f.orders[(0 * CROWD_COUNT + LOW_PRICE) * S + x]!);
    expect(b.s).toBe(orders.indexOf(Math.max(...orders)));
    for (let later = b.tick + 1; later < flows.length; later++) {
      let n = flows[later]!.lost[LOW_PRICE]!;
      for (let x = 0; x < S; x++) n += flows[later]!.orders[LOW_PRICE * S + x]!;
      expect(n).toBe(0);
    }
    // nothing before day 1
    expect(latestBuyer(flows, S, 0, LOW_PRICE, 0)).toBeNull();
  });

  it('should say what the crowd ranks by, in its crowd file’s order, and the chosen shop’s place on each key', () => {
    const b = latestBuyer(flows, S, 0, LOW_PRICE, flows.length)!;
    const why = buyerWhy(s, flows, b);
    expect(why.title).toContain(s.world.shops[b.s]!.name.zh);
    const keys = CROWD_RANKING_KEYS[LOW_PRICE]!;
    expect(keys).toEqual(['price', 'review', 'index']);
    expect(why.lines[0]).toContain(keys.map((k) => t(`rankKey_${k}`)).join(' → '));
    // one line per key, then the count of this crowd's orders the shop took in the city
    const keyLines = why.lines.filter((l) => keys.some((k) => l.toLowerCase().startsWith(t(`rankKey_${k}`).toLowerCase())));
    expect(keyLines).toHaveLength(3);
    let n = 0;
    for (const f of flows) n += f.orders[LOW_PRICE * S + b.s]!;
    expect(why.lines[why.lines.length - 2]).toContain(` ${n} `);
    expect(n).toBeGreaterThan(0);
  });

  it('should rank the brand-loyal buyer by review score + city influence first', () => {
    const b = latestBuyer(flows, S, 0, BRAND_LOYAL, flows.length)!;
    const why = buyerWhy(s, flows, b);
    expect(why.lines[1]!.toLowerCase().startsWith(t('rankKey_reviewAndInfluence').toLowerCase())).toBe(true);
    // the value shown is the chosen shop's review score of the product plus its city influence
    const x = report.shops[b.s]!;
    const P = s.world.products.length;
    const values = Array.from({ length: P }, (_, p) => Math.round((x.reviewScore[p]! + x.cityInfluence[0]!) * 10) / 10);
    expect(values.some((v) => why.lines[1]!.includes(String(v)))).toBe(true);
  });

  it('should give a buyer who left the city’s reasons for leaving', () => {
    const why = buyerWhy(s, flows, { c: 0, k: LOW_PRICE, s: -1, tick: 5 });
    expect(why.title).toContain(t('buyerTitleLost', { city: '杭州', crowd: t('crowd_lowPrice') }).slice(0, 4));
    expect(why.lines).toHaveLength(2);
  });
});

describe('when a buyer chose a dearer shop', () => {
  it('should name the cheaper shop that had sold out (tutorial, 龙井茶 ¥45.00 sold out on day 23: a low-price buyer on day 30 went to 邻家小铺 at ¥48.90)', () => {
    const res = startSession(builtinScenario('tutorial'), 1);
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    const d = initialDraft(res.value, current(res.value));
    d.listings[0]!.price = '45';
    const played = playRoundWith(res.value, checkDraft(res.value, d).entry!);
    if (!played.ok) throw new Error(JSON.stringify(played.problems));
    const s = played.value;
    const flows = flowsOfRound(s, 1);
    const b = latestBuyer(flows, 2, 0, LOW_PRICE, 30)!;
    expect(b).toEqual({ c: 0, k: LOW_PRICE, s: 1, tick: 29 });
    const lines = buyerWhy(s, flows, b).lines;
    expect(lines[1]).toBe(t('buyerKeyLine', { key: t('rankKey_price'), product: '龙井茶', shop: '邻家小铺', v: '¥48.90', place: 2, of: 2, best: `我的网店${t('you')}`, bv: '¥45.00' }));
    expect(lines).toContain(t('buyerAheadSoldOut', { shops: `我的网店${t('you')}`, day: 30 }));
    // while the stock lasted (day 10) the same crowd bought from the student, cheapest of the two
    expect(latestBuyer(flows, 2, 0, LOW_PRICE, 10)).toEqual({ c: 0, k: LOW_PRICE, s: 0, tick: 9 });
  });
});
