/**
 * The grading rubric (domain.md §11). Default, the course's: rank the shops of a game by owner's
 * equity (bankrupt shops below every shop still trading), first place `first` points (45), each
 * lower place `step` fewer (2). A scenario may instead weight several components
 * (`rules.rubric.components`); each is scored on the same 0…first scale, by rank or by its
 * position between the game's worst and best shop, and the grade is their weighted sum.
 */
import type { World } from '../../engine';
import { RUBRIC_METRICS } from '../../scenario/schema';
import type { GameOutcome, ShopMetrics } from './metrics';

export type RubricMetric = (typeof RUBRIC_METRICS)[number];
export type RubricMethod = 'rank' | 'scale';

export interface RubricComponent {
  metric: RubricMetric;
  weight: number;
  method: RubricMethod;
}

export interface Rubric {
  first: number;
  step: number;
  components: RubricComponent[];
  /** true when the scenario gives no components: the course's equity ranking alone */
  isDefault: boolean;
  /** how solo grading scores the components (rules.rubric.solo, default scale) */
  solo: RubricMethod;
  /** points off per listing dropped from a submission for an illegal price */
  illegalListingPenalty: number;
  /**
   * Solo scale only: each shop's owner's equity at the start. The scale's low end is then the
   * lower of the worst shop and this "did nothing" value, so a team that beats none of the bots
   * but still made money scores above one that lost it.
   */
  startEquity?: number[];
}

export const METRIC_LABELS: Record<RubricMetric, { zh: string; en: string; unit: string }> = {
  equity: { zh: '所有者权益', en: "owner's equity", unit: 'yuan' },
  profit: { zh: '利润', en: 'profit', unit: 'yuan' },
  revenue: { zh: '销售额', en: 'revenue', unit: 'yuan' },
  marketShare: { zh: '市场占有率', en: 'market share (units)', unit: 'share' },
  dsr: { zh: '动态评分', en: 'DSR', unit: '1–5' },
  conversion: { zh: '转化率', en: 'conversion rate', unit: 'share' },
  breachRate: { zh: '违约率', en: 'breach rate', unit: 'share' },
  afterSales: { zh: '售后客服考核（退款率）', en: 'after-sales KPI (refund rate)', unit: 'points' },
};

/** The course's after-sales KPI (售后客服考核): refund rate ≤ 5% scores 30, ≤ 8% 20, ≤ 11% 10, above that 0. */
export function afterSalesKpi(refundRate: number): number {
  if (refundRate <= 0.05) return 30;
  if (refundRate <= 0.08) return 20;
  if (refundRate <= 0.11) return 10;
  return 0;
}

export const LOWER_IS_BETTER: ReadonlySet<RubricMetric> = new Set(['breachRate']);

export { RUBRIC_METRICS };

interface RubricFile {
  rules?: {
    rubric?: { components?: { metric: RubricMetric; weight: number; method?: RubricMethod }[]; solo?: RubricMethod; illegalListingPenalty?: number };
  };
}

export const DEFAULT_ILLEGAL_LISTING_PENALTY = 3;

/** The rubric of a scenario; `scenarioFile` has passed the scenario schema. */
export function rubricOf(world: World, scenarioFile: unknown): Rubric {
  const file = (scenarioFile as RubricFile | null)?.rules?.rubric;
  const given = file?.components;
  const components: RubricComponent[] = given?.length
    ? given.map((c) => ({ metric: c.metric, weight: c.weight, method: c.method ?? 'rank' }))
    : [{ metric: 'equity', weight: 1, method: 'rank' }];
  return {
    first: world.rules.rubricFirst,
    step: world.rules.rubricStep,
    components,
    isDefault: !given?.length,
    solo: file?.solo ?? 'scale',
    illegalListingPenalty: file?.illegalListingPenalty ?? DEFAULT_ILLEGAL_LISTING_PENALTY,
  };
}

/**
 * The rubric of solo grading: with `solo: scale` (the default) every component is scored on the
 * scale between the worst and the best shop of the team's game (the team and the scenario's
 * bots), so a team far behind the bots scores far below one that beats them, instead of the
 * 45/43/41/39/37 of five places.
 */
export function soloRubric(r: Rubric, world?: World): Rubric {
  if (r.solo === 'rank') return r;
  const out: Rubric = { ...r, components: r.components.map((c) => ({ ...c, method: 'scale' })) };
  if (world) out.startEquity = world.shops.map((s) => (s.cashFen + s.stock.reduce((a, n, slot) => a + n * world.products[slot % world.products.length]!.unitCostFen, 0)) / 100);
  return out;
}

/** The value a shop that does nothing would show, or null when the game's worst shop is the low end. */
function zeroPoint(r: Rubric, metric: RubricMetric, shop: number): number | null {
  switch (metric) {
    case 'equity':
      return r.startEquity?.[shop] ?? null;
    case 'breachRate':
      return null;
    default:
      return r.startEquity ? 0 : null;
  }
}

export function describeRubric(r: Rubric): string {
  const parts = r.components.map((c) => {
    const low = r.startEquity && !LOWER_IS_BETTER.has(c.metric) ? 'the worst shop (or doing nothing, when lower)' : 'the worst';
    const how = c.method === 'rank' ? `by rank (1st ${r.first}, −${r.step} per place)` : `scaled 0–${r.first} from ${low} to the best shop`;
    return `${Math.round(c.weight * 100)}% ${METRIC_LABELS[c.metric].en}${LOWER_IS_BETTER.has(c.metric) ? ' (lower is better)' : ''} ${how}`;
  });
  return `${parts.join(' + ')}; bankrupt shops rank last`;
}

export function metricValue(metric: RubricMetric, shop: ShopMetrics, totalUnits: number): number {
  switch (metric) {
    case 'equity':
      return shop.equity;
    case 'profit':
      return shop.profit;
    case 'revenue':
      return shop.revenue;
    case 'marketShare':
      return totalUnits === 0 ? 0 : shop.units / totalUnits;
    case 'dsr':
      return shop.dsr;
    case 'conversion':
      return shop.visits === 0 ? 0 : shop.orders / shop.visits;
    case 'breachRate':
      return shop.orders === 0 ? 0 : Math.min(1, shop.breaches / shop.orders);
    case 'afterSales':
      return afterSalesKpi(shop.refundRate);
  }
}

export interface ComponentScore {
  value: number;
  rank: number;
  score: number;
}

export interface ShopScore {
  total: number;
  components: ComponentScore[];
  /** every metric's value, for explanation whether or not the rubric weights it */
  metrics: Record<RubricMetric, number>;
  bankrupt: boolean;
}

/** Competition ranking (1, 1, 3): bankrupt shops last, then better values first; ties share. */
function ranks(values: readonly number[], bankrupt: readonly boolean[], lowerIsBetter: boolean): number[] {
  const better = (a: number, b: number) => {
    if (bankrupt[a] !== bankrupt[b]) return bankrupt[a] ? 1 : -1;
    return lowerIsBetter ? values[a]! - values[b]! : values[b]! - values[a]!;
  };
  return values.map((_, i) => {
    let ahead = 0;
    for (let j = 0; j < values.length; j++) if (better(j, i) < 0) ahead++;
    return ahead + 1;
  });
}

/** Scores every shop of one game. */
export function scoreGame(rubric: Rubric, game: GameOutcome): ShopScore[] {
  const totalUnits = game.shops.reduce((a, s) => a + s.units, 0);
  const bankrupt = game.shops.map((s) => s.bankrupt);
  const metrics = game.shops.map(
    (s) => Object.fromEntries(RUBRIC_METRICS.map((m) => [m, metricValue(m, s, totalUnits)])) as Record<RubricMetric, number>,
  );
  const perComponent = rubric.components.map((c) => {
    const values = metrics.map((m) => m[c.metric]);
    const lower = LOWER_IS_BETTER.has(c.metric);
    const rk = ranks(values, bankrupt, lower);
    const trading = values.filter((_, i) => !bankrupt[i]);
    const best = trading.length ? (lower ? Math.min(...trading) : Math.max(...trading)) : 0;
    const worst = trading.length ? (lower ? Math.max(...trading) : Math.min(...trading)) : 0;
    return values.map((v, i): ComponentScore => {
      let score: number;
      const zero = c.method === 'scale' && !lower ? zeroPoint(rubric, c.metric, i) : null;
      const low = zero === null ? worst : Math.min(worst, zero);
      if (c.method === 'rank') score = Math.max(0, rubric.first - rubric.step * (rk[i]! - 1));
      else if (bankrupt[i]) score = 0;
      else score = best === low ? rubric.first : Math.max(0, Math.min(rubric.first, (rubric.first * (v - low)) / (best - low)));
      return { value: v, rank: rk[i]!, score };
    });
  });
  return game.shops.map((_, i) => {
    const components = perComponent.map((pc) => pc[i]!);
    let total = 0;
    rubric.components.forEach((c, k) => {
      total += c.weight * components[k]!.score;
    });
    return { total, components, metrics: metrics[i]!, bankrupt: bankrupt[i]! };
  });
}
