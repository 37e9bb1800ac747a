/**
 * Batch grading: every valid submission is played over the same seeds, solo (its own market
 * against the scenario's bots) or all together in one market (a class competition), and scored by
 * the scenario's rubric. The report keeps every per-seed score and component, so a grade can be
 * explained, and lists the files that could not be graded with their problems.
 */
import type { World } from '../../engine';
import type { Problem } from '../../scenario/problems';
import { ENGINE_VERSION } from '../result';
import { scenarioHash } from '../save';
import type { GameOutcome } from './metrics';
import { playAll } from './pool';
import { RUBRIC_METRICS, describeRubric, rubricOf, scoreGame, soloRubric, type Rubric, type RubricMetric } from './rubric';
import { SeatError, seatTeams } from './seats';
import { loadScenario } from '../../scenario/load';
import { gradingSeeds } from './seeds';
import { similarPairs } from './similarity';
import { checkSubmission, type Submission, type SubmissionStatus } from './submission';
import type { GameTask, GradeJob } from './games';

export type GradeMode = 'solo' | 'market';

export interface GradeOptions {
  seeds: number;
  mode: GradeMode;
  jobs: number;
  similarityThreshold: number;
  onGame?: (done: number, total: number) => void;
}

/** A submitted file: its text, or why it could not be read. */
export interface SubmissionInput {
  file: string;
  text: string | null;
  readError?: string;
}

export interface SeedScore {
  seed: number;
  score: number;
  /** per rubric component: the shop's value, its rank in the game and its score */
  components: { value: number; rank: number; score: number }[];
  equity: number;
  bankrupt: boolean;
  /** final state hash of the game (`shopsim run … --seed` reproduces it in solo mode) */
  hash: string;
  equityByRound: number[];
}

export interface ComponentSummary {
  metric: RubricMetric;
  weight: number;
  method: 'rank' | 'scale';
  meanValue: number;
  meanRank: number;
  meanScore: number;
  /** weight × meanScore: this component's share of the mean grade */
  weighted: number;
}

export interface TeamReport {
  team: string;
  file: string;
  kind: Submission['kind'];
  status: SubmissionStatus;
  problems: Problem[];
  warnings: Problem[];
  /** the player shop the decisions were made for */
  shop: string;
  /** the shop the team played in the graded games (a seat id in a class competition) */
  seat: string;
  place: number | null;
  mean: number;
  sd: number;
  min: number;
  max: number;
  perSeed: SeedScore[];
  components: ComponentSummary[];
  /** every rubric metric's mean over the seeds, weighted or not */
  metrics: Record<RubricMetric, number>;
  bankruptcies: number;
  /** listings dropped from the submission for an illegal price, and the points taken off each seed's score for them */
  droppedListings: number;
  penalty: number;
  similar: { team: string; similarity: number; identical: boolean }[];
}

export interface GradeReport {
  kind: 'grade-report';
  version: 1;
  engine: string;
  scenario: { id: string; name: { zh: string; en: string }; hash: string; rounds: number; shops: number };
  mode: GradeMode;
  seeds: number[];
  rubric: { first: number; step: number; isDefault: boolean; description: string; components: Rubric['components'] };
  similarityThreshold: number;
  counts: { submitted: number; graded: number; invalid: number; refused: number };
  teams: TeamReport[];
  similarPairs: { a: string; b: string; similarity: number; identical: boolean }[];
}

const r2 = (x: number) => Math.round(x * 100) / 100 + 0;
const r4 = (x: number) => Math.round(x * 10000) / 10000 + 0;
const RATE_METRICS: ReadonlySet<RubricMetric> = new Set(['marketShare', 'conversion', 'breachRate']);
const roundMetric = (m: RubricMetric, x: number) => (RATE_METRICS.has(m) ? r4(x) : r2(x));
const byCodepoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Team names: the file's name without folder and `.json`; the path when two files share a name. */
export function teamLabels(files: readonly string[]): string[] {
  const base = files.map((f) => f.replace(/^.*[\\/]/, '').replace(/\.json$/i, '') || f);
  const count = new Map<string, number>();
  for (const b of base) count.set(b, (count.get(b) ?? 0) + 1);
  return base.map((b, i) => (count.get(b)! > 1 ? files[i]! : b));
}

export async function grade(world: World, scenarioFile: unknown, inputs: readonly SubmissionInput[], opts: GradeOptions): Promise<GradeReport> {
  const hash = scenarioHash(scenarioFile);
  const labels = teamLabels(inputs.map((s) => s.file));
  const subs: Submission[] = inputs.map((input) =>
    input.text === null
      ? { file: input.file, kind: 'unknown', status: 'invalid', problems: [{ path: '$', message: input.readError ?? 'cannot read the file' }], warnings: [], shop: '', rounds: [], fileRounds: [] }
      : checkSubmission(input.file, input.text, { world, hash }),
  );
  // Solo: the start equity of each shop of the played scenario (solo plays the scenario itself).
  const rubric = opts.mode === 'solo' ? soloRubric(rubricOf(world, scenarioFile), world) : rubricOf(world, scenarioFile);
  const seeds = gradingSeeds(world.seed, opts.seeds);
  const ok = subs.map((_, i) => i).filter((i) => subs[i]!.status === 'ok');

  // Seats: solo games play each team in the scenario's own shop; a class competition seats the
  // teams in label order, each in (a copy of) the player shop its decisions were made for.
  let played: unknown = scenarioFile;
  const seat = new Map<number, string>();
  if (opts.mode === 'solo') {
    for (const i of ok) seat.set(i, subs[i]!.shop);
  } else {
    const order = ok.slice().sort((a, b) => byCodepoint(labels[a]!, labels[b]!) || byCodepoint(inputs[a]!.file, inputs[b]!.file));
    const bases = [...new Set(order.map((i) => subs[i]!.shop))].sort(byCodepoint);
    const groups = bases.map((b) => order.filter((i) => subs[i]!.shop === b));
    const seated = seatTeams(
      scenarioFile,
      bases.map((b, k) => ({ base: b, count: groups[k]!.length, names: groups[k]!.map((i) => labels[i]!) })),
    );
    played = seated.scenario;
    const check = loadScenario(played);
    if (!check.ok) throw new SeatError(`the class market does not fit the scenario's limits: ${check.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    groups.forEach((g, k) => g.forEach((i, j) => seat.set(i, seated.seats[k]![j]!)));
  }
  const job: GradeJob = { scenario: played, teams: [] };
  const playedShops = (played as { shops: { id: string }[] }).shops.map((s) => s.id);
  const teamOf = new Map<number, number>();
  for (const i of ok) {
    teamOf.set(i, job.teams.length);
    job.teams.push({ shop: playedShops.indexOf(seat.get(i)!), rounds: subs[i]!.rounds });
  }
  const tasks: GameTask[] =
    opts.mode === 'solo'
      ? ok.flatMap((i) => seeds.map((seed) => ({ seed, teams: [teamOf.get(i)!] })))
      : ok.length
        ? seeds.map((seed) => ({ seed, teams: ok.map((i) => teamOf.get(i)!) }))
        : [];
  const outcomes = await playAll(job, tasks, opts.jobs, opts.onGame ? (d) => opts.onGame!(d, tasks.length) : undefined);
  const scored = outcomes.map((o) => ({ outcome: o, scores: scoreGame(rubric, o) }));

  const gameOf = (i: number, k: number): { outcome: GameOutcome; scores: ReturnType<typeof scoreGame> } =>
    opts.mode === 'solo' ? scored[ok.indexOf(i) * seeds.length + k]! : scored[k]!;

  const teams: TeamReport[] = subs.map((sub, i) => {
    const base: TeamReport = {
      team: labels[i]!,
      file: sub.file,
      kind: sub.kind,
      status: sub.status,
      problems: sub.problems,
      warnings: sub.warnings,
      shop: sub.shop,
      seat: seat.get(i) ?? '',
      place: null,
      mean: 0,
      sd: 0,
      min: 0,
      max: 0,
      perSeed: [],
      components: [],
      metrics: Object.fromEntries(RUBRIC_METRICS.map((m) => [m, 0])) as Record<RubricMetric, number>,
      bankruptcies: 0,
      droppedListings: sub.droppedListings ?? 0,
      penalty: 0,
      similar: [],
    };
    if (sub.status !== 'ok') return base;
    const shop = job.teams[teamOf.get(i)!]!.shop;
    const penalty = (sub.droppedListings ?? 0) * rubric.illegalListingPenalty;
    const penalised = (total: number) => Math.max(0, total - penalty);
    const perSeed: SeedScore[] = seeds.map((seed, k) => {
      const g = gameOf(i, k);
      const s = g.scores[shop]!;
      const m = g.outcome.shops[shop]!;
      return {
        seed,
        score: r2(penalised(s.total)),
        components: s.components.map((c, ci) => ({ value: roundMetric(rubric.components[ci]!.metric, c.value), rank: c.rank, score: r2(c.score) })),
        equity: m.equity,
        bankrupt: m.bankrupt,
        hash: g.outcome.hash,
        equityByRound: m.equityByRound,
      };
    });
    const raw = seeds.map((_, k) => gameOf(i, k).scores[shop]!);
    const n = seeds.length;
    const totals = raw.map((s) => penalised(s.total));
    const mean = totals.reduce((a, b) => a + b, 0) / n;
    const sd = n > 1 ? Math.sqrt(totals.reduce((a, t) => a + (t - mean) ** 2, 0) / (n - 1)) : 0;
    const components = rubric.components.map((c, ci): ComponentSummary => {
      const meanOf = (f: (x: { value: number; rank: number; score: number }) => number) => raw.reduce((a, s) => a + f(s.components[ci]!), 0) / n;
      const meanScore = meanOf((x) => x.score);
      return {
        metric: c.metric,
        weight: c.weight,
        method: c.method,
        meanValue: roundMetric(c.metric, meanOf((x) => x.value)),
        meanRank: r2(meanOf((x) => x.rank)),
        meanScore: r2(meanScore),
        weighted: r2(c.weight * meanScore),
      };
    });
    const metrics = Object.fromEntries(RUBRIC_METRICS.map((m) => [m, roundMetric(m, raw.reduce((a, s) => a + s.metrics[m], 0) / n)])) as Record<RubricMetric, number>;
    return {
      ...base,
      mean: r2(mean),
      sd: r2(sd),
      min: r2(Math.min(...totals)),
      max: r2(Math.max(...totals)),
      perSeed,
      components,
      metrics,
      bankruptcies: raw.filter((s) => s.bankrupt).length,
      penalty: r2(penalty),
    };
  });

  const graded = ok.slice().sort(
    (a, b) => teams[b]!.mean - teams[a]!.mean || teams[b]!.metrics.equity - teams[a]!.metrics.equity || byCodepoint(labels[a]!, labels[b]!) || a - b,
  );
  graded.forEach((i, k) => {
    const prev = k > 0 ? teams[graded[k - 1]!]! : null;
    teams[i]!.place = prev && prev.mean === teams[i]!.mean ? prev.place : k + 1;
  });

  const pairs = similarPairs(
    ok.map((i) => subs[i]!),
    opts.similarityThreshold,
  ).map((p) => ({ a: ok[p.a]!, b: ok[p.b]!, similarity: r4(p.similarity), identical: p.identical }));
  for (const p of pairs) {
    teams[p.a]!.similar.push({ team: labels[p.b]!, similarity: p.similarity, identical: p.identical });
    teams[p.b]!.similar.push({ team: labels[p.a]!, similarity: p.similarity, identical: p.identical });
  }

  const rest = subs.map((_, i) => i).filter((i) => subs[i]!.status !== 'ok');
  return {
    kind: 'grade-report',
    version: 1,
    engine: ENGINE_VERSION,
    scenario: { id: world.id, name: world.name, hash, rounds: world.rounds, shops: world.shops.length },
    mode: opts.mode,
    seeds,
    rubric: { first: rubric.first, step: rubric.step, isDefault: rubric.isDefault, description: describeRubric(rubric), components: rubric.components },
    similarityThreshold: opts.similarityThreshold,
    counts: {
      submitted: subs.length,
      graded: ok.length,
      invalid: subs.filter((s) => s.status === 'invalid').length,
      refused: subs.filter((s) => s.status === 'refused').length,
    },
    teams: [...graded, ...rest].map((i) => teams[i]!),
    similarPairs: pairs.map((p) => ({ a: labels[p.a]!, b: labels[p.b]!, similarity: p.similarity, identical: p.identical })),
  };
}
