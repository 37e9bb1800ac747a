/**
 * Tournament (`shopsim tournament`): the strategy archetypes played over the same seeds, each
 * alone in the scenario's player shop against its bots (solo, graded as `shopsim grade --mode
 * solo` grades), and all together in one market with the bots (each archetype in a copy of the
 * player shop). An instructor checks a scenario with it before class: which kinds of team do
 * well, whether doing nothing scores near the bottom, and whether one strategy wins everywhere.
 */
import type { World } from '../engine';
import { loadScenario } from '../scenario/load';
import { ARCHETYPE_LABELS, ARCHETYPE_NAMES, LESSON_STRATEGIES, type ArchetypeName } from './bots/archetypes';
import type { GameTask, GradeJob } from './grading/games';
import type { GameOutcome } from './grading/metrics';
import { playAll } from './grading/pool';
import { rubricOf, scoreGame, soloRubric } from './grading/rubric';
import { seatTeams } from './grading/seats';
import { gradingSeeds } from './grading/seeds';
import { ENGINE_VERSION } from './result';

export interface TournamentOptions {
  seeds: number;
  jobs: number;
  strategies?: readonly ArchetypeName[];
  /** called as games finish: games done of all the tournament's games (for a progress bar) */
  onGame?: (done: number, total: number) => void;
}

export interface TournamentRow {
  strategy: ArchetypeName;
  label: { zh: string; en: string };
  /** mean solo grade (the scenario's rubric, solo scale) over the seeds */
  score: number;
  /** place of `score` among the strategies in this scenario (1 = best) */
  place: number;
  /** mean rank of the strategy's shop in its solo games (by equity, bankrupt shops last, as the course ranks) */
  rank: number;
  /** mean owner's equity of the solo games, yuan */
  equity: number;
  /** mean rank in the all-in-one market (archetypes and the scenario's bots), null when not played */
  marketRank: number | null;
  /** mean owner's equity in the all-in-one market, yuan */
  marketEquity: number | null;
  bankruptcies: number;
}

export interface TournamentScenario {
  id: string;
  name: { zh: string; en: string };
  /** the player shop the archetypes play */
  shop: string;
  /** shops in the all-in-one market (archetypes + bots), 0 when it could not be seated */
  marketShops: number;
  rows: TournamentRow[];
  /** the strategy with the best mean score (then equity) */
  best: ArchetypeName;
  /** the played strategies the scenario is built to teach (a shipped scenario's lesson), best first; [] when none */
  lesson: ArchetypeName[];
}

export interface TournamentReport {
  kind: 'tournament-report';
  version: 1;
  engine: string;
  seeds: number;
  strategies: ArchetypeName[];
  scenarios: TournamentScenario[];
  /** the strategy that is best in every scenario, or null */
  dominant: ArchetypeName | null;
}

const r2 = (x: number) => Math.round(x * 100) / 100 + 0;

export interface TournamentInput {
  file: unknown;
  world: World;
}

export async function tournament(inputs: readonly TournamentInput[], opts: TournamentOptions): Promise<TournamentReport> {
  const names = [...(opts.strategies ?? ARCHETYPE_NAMES)];
  // Every scenario's games are known before the first is played: the progress counts all of them.
  const plans = inputs.map((input) => planScenario(input, names, opts));
  const total = plans.reduce((sum, p) => sum + p.soloTasks.length + (p.market ? p.market.tasks.length : 0), 0);
  let done = 0;
  const progress = opts.onGame;
  const play = async (job: GradeJob, tasks: readonly GameTask[]) => {
    const before = done;
    const outcomes = await playAll(job, tasks, opts.jobs, progress ? (d) => progress(before + d, total) : undefined);
    done = before + tasks.length;
    return outcomes;
  };
  const scenarios: TournamentScenario[] = [];
  progress?.(0, total);
  for (const plan of plans) scenarios.push(await playScenario(plan, names, play));
  progress?.(total, total);
  const winners = new Set(scenarios.map((s) => s.best));
  const dominant = scenarios.length > 0 && winners.size === 1 ? [...winners][0]! : null;
  return { kind: 'tournament-report', version: 1, engine: ENGINE_VERSION, seeds: opts.seeds, strategies: names, scenarios, dominant };
}

/** One scenario's games: each archetype alone (solo), and all of them in one market when it can be seated. */
interface ScenarioPlan {
  world: World;
  file: unknown;
  seeds: number[];
  player: number;
  soloJob: GradeJob;
  soloTasks: GameTask[];
  market: { job: GradeJob; tasks: GameTask[]; seats: number[]; shops: number } | null;
}

function planScenario({ file, world }: TournamentInput, names: ArchetypeName[], opts: TournamentOptions): ScenarioPlan {
  const seeds = gradingSeeds(world.seed, opts.seeds);
  const player = Math.max(0, world.shops.findIndex((s) => s.controller.kind === 'player'));
  const shopId = world.shops[player]!.id;
  // Solo: one game per archetype and seed, the archetype in the player shop.
  const soloJob: GradeJob = { scenario: file, teams: names.map((strategy) => ({ shop: player, rounds: [], strategy })) };
  const soloTasks: GameTask[] = names.flatMap((_, t) => seeds.map((seed) => ({ seed, teams: [t] })));
  // All in one market: the archetypes in copies of the player shop, with the scenario's bots.
  let market: ScenarioPlan['market'] = null;
  if (world.shops[player]!.controller.kind === 'player') {
    try {
      const seated = seatTeams(file, [{ base: shopId, count: names.length, names: names.map((n) => ARCHETYPE_LABELS[n].en) }]);
      if (loadScenario(seated.scenario).ok) {
        const ids = seated.scenario.shops.map((s) => s.id);
        const seats = seated.seats[0]!.map((id) => ids.indexOf(id));
        const job: GradeJob = { scenario: seated.scenario, teams: names.map((strategy, k) => ({ shop: seats[k]!, rounds: [], strategy })) };
        market = { job, tasks: seeds.map((seed) => ({ seed, teams: names.map((_, k) => k) })), seats, shops: ids.length };
      }
    } catch {
      market = null;
    }
  }
  return { world, file, seeds, player, soloJob, soloTasks, market };
}

async function playScenario(
  plan: ScenarioPlan,
  names: ArchetypeName[],
  play: (job: GradeJob, tasks: readonly GameTask[]) => Promise<GameOutcome[]>,
): Promise<TournamentScenario> {
  const { world, file, seeds, player } = plan;
  const shopId = world.shops[player]!.id;
  const rubric = soloRubric(rubricOf(world, file), world);
  const solo = await play(plan.soloJob, plan.soloTasks);
  let market: GameOutcome[] | null = null;
  let marketShops = 0;
  let seats: number[] = [];
  if (plan.market) {
    try {
      market = await play(plan.market.job, plan.market.tasks);
      seats = plan.market.seats;
      marketShops = plan.market.shops;
    } catch {
      market = null;
    }
  }

  const n = seeds.length;
  const rows: TournamentRow[] = names.map((strategy, t) => {
    let score = 0;
    let equity = 0;
    let soloRank = 0;
    let bankruptcies = 0;
    for (let k = 0; k < n; k++) {
      const outcome = solo[t * n + k]!;
      score += scoreGame(rubric, outcome)[player]!.total;
      equity += outcome.shops[player]!.equity;
      soloRank += rankIn(outcome.shops, player);
      if (outcome.shops[player]!.bankrupt) bankruptcies++;
    }
    let marketRank: number | null = null;
    let marketEquity: number | null = null;
    if (market) {
      let rank = 0;
      let eq = 0;
      for (const outcome of market) {
        rank += rankIn(outcome.shops, seats[t]!);
        eq += outcome.shops[seats[t]!]!.equity;
      }
      marketRank = r2(rank / market.length);
      marketEquity = r2(eq / market.length);
    }
    return { strategy, label: ARCHETYPE_LABELS[strategy], score: r2(score / n), place: 0, rank: r2(soloRank / n), equity: r2(equity / n), marketRank, marketEquity, bankruptcies };
  });
  const order = rows.slice().sort((a, b) => b.score - a.score || b.equity - a.equity || names.indexOf(a.strategy) - names.indexOf(b.strategy));
  order.forEach((row, i) => {
    const prev = order[i - 1];
    row.place = prev && prev.score === row.score ? prev.place : i + 1;
  });
  const taught = LESSON_STRATEGIES[world.id] ?? [];
  const lesson = order.filter((r) => taught.includes(r.strategy)).map((r) => r.strategy);
  return { id: world.id, name: world.name, shop: shopId, marketShops, rows, best: order[0]!.strategy, lesson };
}

/** 1 + the shops ahead of `shop`: not bankrupt when it is, or more equity (ties share a rank). */
function rankIn(shops: readonly { equity: number; bankrupt: boolean }[], shop: number): number {
  const mine = shops[shop]!;
  return 1 + shops.filter((o) => (o.bankrupt ? 1 : 0) < (mine.bankrupt ? 1 : 0) || (o.bankrupt === mine.bankrupt && o.equity > mine.equity)).length;
}

/** The strategy × scenario table as Markdown: mean score (place) and mean equity, then the market rank. */
export function tournamentMarkdown(report: TournamentReport): string {
  const head = ['strategy 策略', ...report.scenarios.map((s) => `${s.id}`)];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
  for (const name of report.strategies) {
    const cells = report.scenarios.map((s) => {
      const r = s.rows.find((x) => x.strategy === name)!;
      const mark = s.best === name ? '**' : '';
      const taught = s.lesson.includes(name) ? ' †' : '';
      const market = r.marketRank === null ? '' : ` · m${r.marketRank.toFixed(1)}`;
      return `${mark}${r.score.toFixed(1)} (#${r.place})${mark}${taught} r${r.rank.toFixed(1)} ¥${Math.round(r.equity).toLocaleString('en-US')}${market}`;
    });
    lines.push(`| ${ARCHETYPE_LABELS[name].en} · ${ARCHETYPE_LABELS[name].zh} (\`${name}\`) | ${cells.join(' | ')} |`);
  }
  lines.push('', '† the strategy the scenario teaches · 该场景所教的策略');
  lines.push('', `Dominant strategy (best in every scenario): ${report.dominant ?? 'none'} · 各场景均最优的策略：${report.dominant ?? '无'}`);
  return lines.join('\n');
}

/** A plain-text table for the terminal. */
export function tournamentText(report: TournamentReport): string {
  const out: string[] = [`tournament: ${report.strategies.length} strategies × ${report.scenarios.length} scenarios × ${report.seeds} seeds`];
  for (const s of report.scenarios) {
    out.push('', `${s.id} — ${s.name.en} (strategies play shop ${s.shop}; market of ${s.marketShops || '—'} shops)${s.lesson.length ? `; it teaches: ${s.lesson.join(', ')}` : ''}`);
    out.push(`  ${'strategy'.padEnd(30)}${'score'.padStart(7)}${'place'.padStart(7)}${'rank'.padStart(6)}${'equity'.padStart(13)}${'mkt rank'.padStart(10)}${'mkt equity'.padStart(13)}`);
    for (const r of s.rows.slice().sort((a, b) => a.place - b.place)) {
      out.push(
        `  ${`${r.label.en} (${r.strategy})`.padEnd(30)}${r.score.toFixed(1).padStart(7)}${String(r.place).padStart(7)}${r.rank.toFixed(1).padStart(6)}${r.equity.toFixed(2).padStart(13)}${(r.marketRank === null ? '—' : r.marketRank.toFixed(1)).padStart(10)}${(r.marketEquity === null ? '—' : r.marketEquity.toFixed(2)).padStart(13)}${r.bankruptcies ? `  bankrupt ×${r.bankruptcies}` : ''}`,
      );
    }
  }
  out.push('', `dominant: ${report.dominant ?? 'none (no strategy is best in every scenario)'}`);
  return out.join('\n');
}
