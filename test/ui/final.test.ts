/**
 * The final screen scores with the scenario's rubric: grading's own computation on the game the
 * student played. A scenario weighting three components is played to the end in the browser
 * session; the parts the screen shows equal what `shopsim grade` reports for the exported save
 * on the scenario's seed.
 */
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenario/builtin';
import { loadScenario } from '../../src/scenario/load';
import { grade } from '../../src/sim/grading/grade';
import { finalScore, metricText } from '../../src/ui/finalScore';
import { checkDraft, initialDraft } from '../../src/ui/planDraft';
import { current, isOver, playRoundWith, startSession, toSave, type Session } from '../../src/ui/session';
import { rankShops } from '../../src/sim/scoring';

function playToTheEnd(file: unknown, edit: (round: number, d: ReturnType<typeof initialDraft>) => void = () => {}): Session {
  const world = loadScenario(file);
  if (!world.ok) throw new Error(JSON.stringify(world.problems));
  const started = startSession(file, world.value.seed);
  if (!started.ok) throw new Error(JSON.stringify(started.problems));
  let s = started.value;
  while (!isOver(s)) {
    const draft = initialDraft(s, current(s));
    edit(current(s).round + 1, draft);
    const checked = checkDraft(s, draft);
    if (!checked.entry) throw new Error(JSON.stringify(checked.problems));
    const res = playRoundWith(s, checked.entry);
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    s = res.value;
  }
  return s;
}

function weighted(): Record<string, unknown> {
  const file = structuredClone(builtinScenario('classic')) as Record<string, unknown> & { rules?: Record<string, unknown> };
  file.rules = {
    ...(file.rules ?? {}),
    rubric: {
      components: [
        { metric: 'equity', weight: 0.5 },
        { metric: 'revenue', weight: 0.3, method: 'scale' },
        { metric: 'breachRate', weight: 0.2 },
      ],
    },
  };
  return file;
}

async function graded(session: Session) {
  const report = await grade(session.world, session.scenarioFile, [{ file: 'team.json', text: JSON.stringify(toSave(session)) }], {
    seeds: 1,
    mode: 'solo',
    jobs: 1,
    similarityThreshold: 0.9,
  });
  const team = report.teams[0]!;
  expect(team.status).toBe('ok');
  return team.perSeed[0]!;
}

describe('when the final screen scores a scenario with weighted rubric components', () => {
  const session = playToTheEnd(weighted(), (round, d) => {
    // A little under the reference price, and some restock, so that the player's numbers move.
    d.listings[0]!.price = String(45 - round);
    if (d.restock[0]) d.restock[0].quantity = '50';
  });

  it('should show every component, in the rubric order, with grading’s value, rank and score for the game played', async () => {
    const shown = finalScore(session);
    expect(shown.rubric.isDefault).toBe(false);
    const mine = shown.standings.find((r) => r.shop === session.player)!;
    // Solo: every component on the scale between the worst (or doing nothing) and the best shop.
    expect(mine.lines.map((l) => [l.metric, l.method, l.weight])).toEqual([
      ['equity', 'scale', 0.5],
      ['revenue', 'scale', 0.3],
      ['breachRate', 'scale', 0.2],
    ]);
    const g = await graded(session);
    expect(mine.total).toBe(g.score);
    mine.lines.forEach((l, k) => {
      const c = g.components[k]!;
      expect(l.rank).toBe(c.rank);
      expect(l.score).toBe(c.score);
      expect(l.value).toBe(metricText(l.metric, c.value));
      expect(l.weighted).toBeCloseTo(l.weight * l.score, 1);
    });
    // The total is the weighted sum of the parts (within the 2-decimal rounding of each part).
    expect(Math.abs(mine.lines.reduce((a, l) => a + l.weighted, 0) - mine.total)).toBeLessThanOrEqual(0.02);
  });

  it('should rank every shop by its total, best first, with ties sharing a place', () => {
    const { standings } = finalScore(session);
    expect(standings).toHaveLength(session.world.shops.length);
    for (let i = 1; i < standings.length; i++) {
      expect(standings[i]!.total).toBeLessThanOrEqual(standings[i - 1]!.total);
      const expected = 1 + standings.filter((s) => s.total > standings[i]!.total).length;
      expect(standings[i]!.place).toBe(expected);
    }
  });
});

describe('when the scenario sets no rubric components', () => {
  it('should rank by equity as the course does, and score each shop on the solo scale: 45 × (equity − low) / (best − low)', async () => {
    const session = playToTheEnd(builtinScenario('classic'));
    const shown = finalScore(session);
    expect(shown.rubric.isDefault).toBe(true);
    const course = rankShops(session.world, current(session));
    const best = Math.max(...course.map((c) => c.equityFen / 100));
    for (const row of shown.standings) {
      const c = course.find((x) => x.shop === row.shop)!;
      const start = shown.rubric.startEquity![row.shop]!;
      const low = Math.min(start, ...course.filter((x) => !x.bankrupt).map((x) => x.equityFen / 100));
      if (!c.bankrupt) expect(row.total).toBeCloseTo((45 * (c.equityFen / 100 - low)) / (best - low), 1);
      expect(row.lines).toHaveLength(1);
      expect(row.lines[0]!.rank).toBe(c.rank);
      expect(row.lines[0]!.value).toBe(metricText('equity', c.equityFen / 100));
    }
    const mine = shown.standings.find((r) => r.shop === session.player)!;
    expect(mine.total).toBe((await graded(session)).score);
  });
});
