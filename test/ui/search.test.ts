/**
 * The plan form's search part (title keywords and paid search) in classic: the draft opens with
 * the shop's starting titles and an empty bid row per keyword that finds each product; it reaches
 * the engine as the round's `search` decisions; the validator's problems land on the field that
 * caused them; the keyword data and the spend the bids can reach are worked out by hand; a save
 * from before search (no `search` key) still loads and replays.
 */
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenario/builtin';
import { checkDraft, initialDraft, type PlanDraft } from '../../src/ui/planDraft';
import { adReachFen, keywordData, keywordsFor } from '../../src/ui/searchDraft';
import { current, playRoundWith, sessionFromSaveText, startSession, toSave, type Session } from '../../src/ui/session';

function start(): Session {
  const res = startSession(builtinScenario('classic'), 1);
  if (!res.ok) throw new Error(JSON.stringify(res.problems));
  return res.value;
}

function draftOf(s: Session): PlanDraft & { search: NonNullable<PlanDraft['search']> } {
  const d = initialDraft(s, current(s));
  if (!d.search) throw new Error('classic lists keywords: the draft must have a search part');
  return d as PlanDraft & { search: NonNullable<PlanDraft['search']> };
}

const rowOf = (d: ReturnType<typeof draftOf>, p: number, keyword: string) => d.search.ads.findIndex((a) => a.p === p && a.keyword === keyword);

describe('when the plan has title keywords and paid search', () => {
  it('should open with the starting titles (tea: 龙井茶, 绿茶) and one empty bid row per keyword of the market (9), those that find tea (4) first', () => {
    const s = start();
    const d = draftOf(s);
    expect(d.search.titles[0]).toEqual(['龙井茶', '绿茶']);
    expect(keywordsFor(s.world, 0)).toHaveLength(4);
    const tea = d.search.ads.filter((a) => a.p === 0).map((a) => a.keyword);
    expect(tea).toHaveLength(9);
    // relevance 1, 1, 0.8, 0.3, then the other products' words in the scenario's order
    expect(tea.slice(0, 4)).toEqual(['龙井茶', '明前龙井', '绿茶', '礼品']);
    expect(d.search.ads.every((a) => a.bid === '')).toBe(true);
    expect(checkDraft(s, d).problems).toEqual([]);
  });

  it('should send titles and ads to the engine: a bid of 0.80 with 20.00 a day on 明前龙井 in Hangzhou is in force after the round', () => {
    let s = start();
    const d = draftOf(s);
    d.search.titles[0]!.push('明前龙井');
    const i = rowOf(d, 0, '明前龙井');
    Object.assign(d.search.ads[i]!, { bid: '0.80', dailyBudget: '20', city: 'hz' });
    const checked = checkDraft(s, d);
    expect(checked.problems).toEqual([]);
    expect(checked.entry!.search).toEqual({
      titles: [
        { product: 'tea', keywords: ['龙井茶', '绿茶', '明前龙井'] },
        { product: 'silk', keywords: ['丝巾', '围巾'] },
        { product: 'mug', keywords: ['瓷杯', '杯子'] },
      ],
      ads: [{ product: 'tea', keyword: '明前龙井', bid: 0.8, dailyBudget: 20, cities: ['hz'] }],
    });
    const res = playRoundWith(s, checked.entry);
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    s = res.value;
    const shop = current(s).shops[s.player]!;
    const k = s.world.keywords.findIndex((x) => x.id === '明前龙井');
    expect(shop.search.titles[0]).toContain(k);
    expect(shop.search.ads).toEqual([{ product: 0, keyword: k, bidFen: 80, dailyBudgetFen: 2000, cities: [0] }]);
    // The next round's form shows what is in force.
    const next = draftOf(s);
    expect(next.search.ads[rowOf(next, 0, '明前龙井')]).toMatchObject({ bid: '0.80', dailyBudget: '20.00', city: 'hz' });
  });

  it('should put an 8th title keyword on the product, a bid of 0.01 and a bid of 25 (cap 20) on the bid, a budget of −1 on the budget', () => {
    const s = start();
    const d = draftOf(s);
    d.search.titles[0] = ['龙井茶', '绿茶', '明前龙井', '礼品', '丝巾', '围巾', '真丝围巾', '瓷杯'];
    const a = rowOf(d, 0, '绿茶');
    const b = rowOf(d, 1, '丝巾');
    const c = rowOf(d, 2, '瓷杯');
    Object.assign(d.search.ads[a]!, { bid: '0.01', dailyBudget: '10' });
    Object.assign(d.search.ads[b]!, { bid: '25', dailyBudget: '10' });
    Object.assign(d.search.ads[c]!, { bid: '1', dailyBudget: '-1' });
    const problems = checkDraft(s, d).problems;
    const at = (field: string) => problems.filter((p) => p.field === field).map((p) => p.message);
    expect(at('search:title:0')[0]).toMatch(/at most 7 keywords \[platform rule\], this one has 8/);
    expect(at(`search:ad:${a}:bid`)[0]).toMatch(/below the platform's lowest bid per click, 0\.05/);
    expect(at(`search:ad:${b}:bid`)[0]).toMatch(/above the scenario's cap per click, 20\.00/);
    expect(at(`search:ad:${c}:dailyBudget`)[0]).toMatch(/daily budget -1 must be 0 or more/);
    expect(problems.every((p) => p.messageZh)).toBe(true);
  });

  it('should refuse a bid with no daily budget, or a word for a number, at the field', () => {
    const s = start();
    const d = draftOf(s);
    Object.assign(d.search.ads[0]!, { bid: '0.5', dailyBudget: '' });
    Object.assign(d.search.ads[1]!, { bid: 'abc', dailyBudget: '5' });
    const fields = checkDraft(s, d).problems.map((p) => p.field);
    expect(fields).toEqual(['search:ad:0:dailyBudget', 'search:ad:1:bid']);
  });

  it('should state what the bids can reach: 20.00 + 15.50 a day × 30 days = 1,065.00; rows without a bid count nothing', () => {
    const s = start();
    const d = draftOf(s);
    Object.assign(d.search.ads[0]!, { bid: '0.5', dailyBudget: '20' });
    Object.assign(d.search.ads[3]!, { bid: '1.2', dailyBudget: '15.50' });
    Object.assign(d.search.ads[4]!, { bid: '', dailyBudget: '99' });
    expect(adReachFen(s.world, d.search)).toEqual({ perDayFen: 3550, roundFen: 106500, ads: 2 });
  });

  it('should show keyword data (数据魔方) from last round: CTR = clicks / impressions, conversion = orders / clicks', () => {
    let s = start();
    const k = s.world.keywords.findIndex((x) => x.id === '龙井茶');
    const before = keywordData(s.world, current(s), k);
    expect(before).toEqual({ volume: 2000 + 2400 + 2200, last: null });
    const d = draftOf(s);
    const res = playRoundWith(s, checkDraft(s, d).entry);
    if (!res.ok) throw new Error('round refused');
    s = res.value;
    const x = current(s).reports[0]!.keywords[k]!;
    const after = keywordData(s.world, current(s), k);
    expect(after.last).toMatchObject({ impressions: x.impressions, clicks: x.clicks, orders: x.orders });
    expect(after.last!.ctr).toBeCloseTo(x.clicks / x.impressions, 10);
    expect(after.last!.conversion).toBeCloseTo(x.orders / x.clicks, 10);
    expect(x.orders).toBeLessThanOrEqual(x.clicks);
  });

  it('should load a save written before search (rounds without a search key) and replay it to the same state', () => {
    let s = start();
    const d = draftOf(s);
    const checked = checkDraft(s, d);
    const { search: _, ...old } = checked.entry!;
    const res = playRoundWith(s, old);
    if (!res.ok) throw new Error('round refused');
    s = res.value;
    const text = JSON.stringify(toSave(s));
    expect(text).not.toContain('"search"');
    const back = sessionFromSaveText(text);
    expect(back.ok).toBe(true);
    if (back.ok) expect(current(back.value).round).toBe(1);
    // The next draft still has the search part, from what is in force.
    if (back.ok) expect(draftOf(back.value).search.titles[0]).toEqual(['龙井茶', '绿茶']);
  });
});
