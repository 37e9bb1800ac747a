/**
 * What the final screen shows of the grade: the scenario's rubric (weighted components, or the
 * course's equity ranking) computed by grading's own function on the game played, one line per
 * component, with the numbers rounded as `shopsim grade` reports them.
 */
import { formatYuan } from '../engine';
import { gradePlayedGame } from '../sim/grading/played';
import { LOWER_IS_BETTER, METRIC_LABELS, type Rubric, type RubricMethod, type RubricMetric } from '../sim/grading/rubric';
import { current, type Session } from './session';

export interface ScoreLine {
  metric: RubricMetric;
  label: { zh: string; en: string };
  lowerIsBetter: boolean;
  method: RubricMethod;
  /** share of the grade, 0–1 */
  weight: number;
  /** the metric's value as shown: yuan, a percentage or a DSR */
  value: string;
  rank: number;
  /** the component's score on the 0…first scale, 2 decimals */
  score: number;
  /** weight × score, 2 decimals */
  weighted: number;
}

export interface Standing {
  shop: number;
  place: number;
  /** grading's total, 2 decimals */
  total: number;
  lines: ScoreLine[];
  bankrupt: boolean;
}

export interface FinalScore {
  rubric: Rubric;
  /** every shop, best place first (ties in the scenario's shop order) */
  standings: Standing[];
}

const r2 = (x: number) => Math.round(x * 100) / 100 + 0;

export function metricText(metric: RubricMetric, value: number): string {
  switch (METRIC_LABELS[metric].unit) {
    case 'yuan':
      return `¥${formatYuan(Math.round(value * 100))}`;
    case 'share':
      return `${(value * 100).toFixed(2)}%`;
    default:
      return value.toFixed(2);
  }
}

export function finalScore(session: Session): FinalScore {
  const { world } = session;
  const grade = gradePlayedGame(world, session.scenarioFile, current(session));
  const { rubric } = grade;
  const standings = grade.scores.map((s, shop): Standing => ({
    shop,
    place: grade.places[shop]!,
    total: r2(s.total),
    bankrupt: s.bankrupt,
    lines: rubric.components.map((c, k): ScoreLine => {
      const part = s.components[k]!;
      return {
        metric: c.metric,
        label: { zh: METRIC_LABELS[c.metric].zh, en: METRIC_LABELS[c.metric].en },
        lowerIsBetter: LOWER_IS_BETTER.has(c.metric),
        method: c.method,
        weight: c.weight,
        value: metricText(c.metric, part.value),
        rank: part.rank,
        score: r2(part.score),
        weighted: r2(c.weight * part.score),
      };
    }),
  }));
  standings.sort((a, b) => a.place - b.place || a.shop - b.shop);
  return { rubric, standings };
}
