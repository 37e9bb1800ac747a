/**
 * A shop's starting title keywords (`$.shops[].titles`): each product's listing starts with them,
 * a round's `search.titles` replaces them; checked like a round's titles (at most 7, from the
 * scenario's keywords), each refusal naming the field and the rule in English and Chinese.
 */
import { describe, expect, it } from 'vitest';
import { createInitialState, playRound } from '../../src/engine';
import { loadScenario } from '../../src/scenario/load';
import { listTea, tinyScenario } from '../engine/helpers';

const WORDS = ['绿茶', '龙井', '茶叶', '新茶', '明前茶', '春茶', '西湖龙井', '礼盒'];

function scenario(titles: Record<string, unknown>[] | null, keywords = true): Record<string, unknown> {
  const s = tinyScenario({ shops: [{ id: 's0' }, { id: 's1' }], perRound: { composite: 100 }, ticksPerRound: 10, rounds: 2 });
  if (keywords) s.keywords = WORDS.map((id) => ({ id, searchVolume: { hz: 100 }, relevance: { tea: 1 } }));
  if (titles) (s.shops as Record<string, unknown>[]).forEach((sh, i) => titles[i] && (sh.titles = titles[i]));
  return s;
}

const problemsOf = (s: Record<string, unknown>) => {
  const res = loadScenario(s);
  return res.ok ? [] : res.problems;
};

describe('when a scenario gives shops starting title keywords', () => {
  it('should start each listing with them (s0: 绿茶, 龙井 → keywords 0 and 1; s1: none)', () => {
    const res = loadScenario(scenario([{ tea: ['绿茶', '龙井'] }, {}]));
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    const state = createInitialState(res.value, 1);
    expect(state.shops[0]!.search.titles[0]).toEqual([0, 1]);
    expect(state.shops[1]!.search.titles[0]).toEqual([]);
  });

  it('should rank the titled shop first in organic search (mean position ≤ 1.125 against ≥ 1.875, same price)', () => {
    // Both list tea at 50.00. On the 7 keywords of s0's title: SEO score 1 × 1 × 0.4 against 0 (no
    // title), s0 first; on the 8th neither matches and the composite ranking decides. Searches are
    // spread evenly over the 8 keywords: mean position (7 × 1 + 1 × 1 or 2) / 8 ≤ 1.125 for s0.
    const res = loadScenario(scenario([{ tea: WORDS.slice(0, 7) }, {}]));
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    const after = playRound(res.value, createInitialState(res.value, 1), [listTea(50), listTea(50)]);
    const [s0, s1] = after.reports[0]!.shops;
    expect(s0!.searchRank[0]).toBeLessThanOrEqual(1.2);
    expect(s1!.searchRank[0]).toBeGreaterThanOrEqual(1.8);
  });

  it('should refuse an 8th keyword at $.shops[0].titles.tea[7], naming the platform rule', () => {
    const p = problemsOf(scenario([{ tea: WORDS }, {}]));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ path: '$.shops[0].titles.tea[7]', message: 'a title holds at most 7 keywords [platform rule], this one has 8' });
    expect(p[0]!.messageZh).toContain('标题最多 7 个关键词');
  });

  it('should refuse an unknown keyword and an unknown product, each at its path', () => {
    const p = problemsOf(scenario([{ tea: ['绿茶', '乌龙'] }, { coffee: ['绿茶'] }]));
    expect(p.map((x) => x.path)).toEqual(['$.shops[0].titles.tea[1]', '$.shops[1].titles.coffee']);
    expect(p[0]!.message).toMatch(/unknown keyword "乌龙": a title may only use the scenario's keywords/);
    expect(p[1]!.message).toMatch(/unknown product "coffee"/);
  });

  it('should refuse titles in a scenario that lists no keywords, at $.shops[0].titles', () => {
    const p = problemsOf(scenario([{ tea: ['tea'] }], false));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ path: '$.shops[0].titles' });
    expect(p[0]!.message).toMatch(/need the scenario's keywords/);
    expect(p[0]!.messageZh).toContain('标题关键词');
  });
});
