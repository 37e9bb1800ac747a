/**
 * The course's ten lessons (domain.md §12) as controlled experiments (`shopsim lessons`): the
 * same market and seeds, one decision of one shop changed, the size of the effect measured.
 * Lessons 1 and 4 change a decision of the scenario's player shop (the other shops are played by
 * their bots); lessons 2, 3, 6 and 7 need a market made for them (a breach, a first delivery, a
 * hesitant crowd, a spread of wanted quantities) and use small built-in lesson markets; lessons 5
 * and 10 are played in the built-in `service` scenario (customer service and negative tags), lesson 8
 * in the built-in `retention` scenario (customers who come back). A lesson
 * whose mechanics the engine does not have yet says so (`shown: false` with the reason).
 */
import { COMPOSITE, createInitialState, HESITANT, LOW_PRICE, playRound, type GameState, type Promotion, type RoundDecision, type World } from '../engine';
import { restore, seedStream } from '../engine/rng';
import { builtinScenario } from '../scenario/builtin';
import { emptyRound, loadScenario } from '../scenario/load';
import { hasMarket, listEverywhere, planRestock } from './bots/common';
import { referenceFen, viewFor, type BotView } from './bots/view';
import { decisionsForRound } from './game';
import { gradingSeeds } from './grading/seeds';
import { acquisitionAndRetentionFen } from './result';

export interface LessonResult {
  lesson: number;
  title: { zh: string; en: string };
  /** the market played: the scenario's id, or a built-in lesson market */
  market: string;
  /** what was changed (one decision) */
  change: string;
  metric: string;
  control: number;
  treatment: number;
  /** relative size: treatment / control − 1 (null when the control is 0) */
  effect: number | null;
  /** absolute size: treatment − control */
  difference: number;
  /** a second measure the lesson claims (e.g. the margin that falls), when there is one */
  also?: { metric: string; control: number; treatment: number };
  shown: boolean;
  reason?: string;
}

export interface LessonsReport {
  kind: 'lessons-report';
  version: 1;
  scenario: string;
  seeds: number[];
  lessons: LessonResult[];
}

type Decide = (view: BotView) => RoundDecision;

/** Plays a game where the shops in `deciders` decide by those functions and the rest by their bots. */
function playWith(world: World, seed: number, deciders: ReadonlyMap<number, Decide>): GameState {
  let state = createInitialState(world, seed);
  while (state.round < world.rounds) {
    const decisions = decisionsForRound(world, state, new Map());
    for (const [s, decide] of deciders) {
      const rng = restore(seedStream(state.seed, `lesson:${world.shops[s]!.id}:${state.round + 1}`));
      decisions[s] = decide(viewFor(world, state, s, rng));
    }
    state = playRound(world, state, decisions);
  }
  return state;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const r4 = (x: number) => Math.round(x * 10000) / 10000 + 0;
const r2 = (x: number) => Math.round(x * 100) / 100 + 0;

/** Lists every market at `share` × the reference price, stocks `ambition` × an equal share. */
function plan(share: number, ambition = 1.3): Decide {
  return (view) => {
    const d = emptyRound();
    d.listings = listEverywhere(view, (c, p) => Math.round(referenceFen(view, c, p) * share), false);
    d.restock = planRestock(view, { ambition, reserveFen: 100000 }, (c, p) => hasMarket(view, c, p));
    return d;
  };
}

function result(
  lesson: number,
  title: LessonResult['title'],
  market: string,
  change: string,
  metric: string,
  control: number,
  treatment: number,
  shown: boolean,
  also?: LessonResult['also'],
): LessonResult {
  const out: LessonResult = {
    lesson,
    title,
    market,
    change,
    metric,
    control: r2(control),
    treatment: r2(treatment),
    effect: control === 0 ? null : r4(treatment / control - 1),
    difference: r2(treatment - control),
    shown,
  };
  if (also) out.also = { metric: also.metric, control: r2(also.control), treatment: r2(also.treatment) };
  return out;
}

const TITLES: Record<number, { zh: string; en: string }> = {
  1: { zh: '降价赢得低价格需求人群，毛利下降', en: 'Cutting price wins the low-price crowd; margin falls' },
  2: { zh: '违约失去品牌需求人群', en: 'Breaches cost the brand-loyal crowd' },
  3: { zh: '在城市按时送达提升城市影响力和品牌人群销量', en: 'Delivering in a city grows city influence and brand-loyal sales there' },
  4: { zh: '媒体、慈善、装修投入提升综合指数和综合评价人群销量', en: 'Media, charity and visual spend raise the composite index and composite-crowd sales' },
  5: { zh: '三个负面标签使转化率大幅下降', en: 'Three negative tags cut a product’s conversion sharply' },
  6: { zh: '面向潜在客户的优惠券促成犹豫人群购买', en: 'A coupon aimed at potential customers converts hesitant buyers' },
  7: { zh: '接近常见购买件数的多买门槛提高每单件数', en: 'A buy-more threshold near the typical quantity raises units per order' },
  8: { zh: '老客户的单均成本低于新客户', en: 'Retained customers cost less per order than new ones' },
  9: { zh: '搜索排名对犹豫和综合人群的影响大于低价人群', en: 'Better search position helps hesitant and composite buyers more than low-price buyers' },
  10: { zh: '客服响应慢降低转化率和评分', en: 'Slow customer service lowers conversion and ratings' },
};

/** A small market made for one lesson (valid scenario JSON), every shop a player shop. */
function lessonMarket(
  id: string,
  o: { perRound: Record<string, number>; ticks: number; rounds: number; deadline?: number; quantity?: { quantity: number; weight: number }[]; rules?: Record<string, unknown>; stock: number[]; reviewScore?: number[] },
): World {
  const res = loadScenario({
    kind: 'scenario',
    version: 1,
    id,
    name: { zh: id, en: id },
    rounds: o.rounds,
    ticksPerRound: o.ticks,
    rules: { demandFluctuation: 0, ...(o.rules ?? {}) },
    cities: [{ id: 'hz', name: { zh: '杭州', en: 'Hangzhou' } }],
    products: [{ id: 'tea', name: { zh: '茶叶', en: 'Tea' }, unitCost: 20, referencePrice: { hz: 50 } }],
    demand: [{ city: 'hz', product: 'tea', perRound: o.perRound, ...(o.deadline ? { deadlineTicks: o.deadline } : {}), ...(o.quantity ? { quantity: o.quantity } : {}) }],
    shops: o.stock.map((n, i) => ({ id: `s${i + 1}`, controller: 'player', cash: 20000, stock: { hz: { tea: n } }, ...(o.reviewScore ? { reviewScore: o.reviewScore[i] } : {}) })),
  });
  if (!res.ok) throw new Error(`lesson market ${id} does not load: ${res.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return res.value;
}

function listTea(priceYuan: number, extra: { presale?: boolean; restock?: number; promotions?: Promotion[] } = {}): RoundDecision {
  const d = emptyRound();
  d.listings.push({ city: 0, product: 0, listing: { priceFen: priceYuan * 100, shippingFen: 0, sellerPaysShipping: true, presale: extra.presale ?? false } });
  if (extra.restock) d.restock.push({ city: 0, product: 0, quantity: extra.restock });
  if (extra.promotions) d.promotions = extra.promotions;
  return d;
}

function byRound(rounds: RoundDecision[]): Decide {
  return (view) => rounds[view.round - 1] ?? emptyRound();
}

/** Lesson 1 on the scenario: the player's prices at 85% of the reference instead of 100%. */
function lesson1(world: World, seeds: number[], player: number): LessonResult {
  const run = (share: number) => seeds.map((seed) => playWith(world, seed, new Map([[player, plan(share)]])).reports.map((r) => r.shops[player]!));
  const sum = (rs: ReturnType<typeof run>, f: (s: GameState['reports'][0]['shops'][0]) => number) => mean(rs.map((g) => g.reduce((a, s) => a + f(s), 0)));
  const control = run(1);
  const treatment = run(0.85);
  const units = (rs: ReturnType<typeof run>) => sum(rs, (s) => s.unitsByCrowd[1]!);
  // Gross margin rate: (revenue − discounts − goods sold at cost) / revenue.
  const margin = (rs: ReturnType<typeof run>) => {
    const revenue = sum(rs, (s) => s.revenueFen);
    return revenue === 0 ? 0 : (100 * sum(rs, (s) => s.revenueFen - s.costsFen[2]! - s.cogsFen)) / revenue;
  };
  const c = units(control);
  const t = units(treatment);
  return result(1, TITLES[1]!, world.id, 'the player shop prices at 85% of the reference price instead of 100%', 'low-price crowd units (whole game)', c, t, t > c * 1.1 && margin(treatment) < margin(control), {
    metric: 'gross margin, % of revenue',
    control: margin(control),
    treatment: margin(treatment),
  });
}

/** Lesson 4 on the scenario: 2,000 yuan each of decoration and media and 500 of charity per round. */
function lesson4(world: World, seeds: number[], player: number): LessonResult {
  const spend: Decide = (view) => {
    const d = plan(0.95)(view);
    d.marketing = { decorationFen: 200000, mediaFen: 200000, charityFen: 50000, iso: false, iec: false };
    return d;
  };
  const run = (decide: Decide) => seeds.map((seed) => playWith(world, seed, new Map([[player, decide]])).reports.map((r) => r.shops[player]!));
  const control = run(plan(0.95));
  const treatment = run(spend);
  const units = (rs: ReturnType<typeof run>) => mean(rs.map((g) => g.reduce((a, s) => a + s.unitsByCrowd[2]!, 0)));
  const index = (rs: ReturnType<typeof run>) => mean(rs.map((g) => mean(g.map((s) => s.index))));
  const c = units(control);
  const t = units(treatment);
  return result(4, TITLES[4]!, world.id, 'the player shop spends 2,000 on decoration, 2,000 on media and 500 on charity each round', 'composite-crowd units (whole game)', c, t, t > c * 1.1 && index(treatment) > index(control), {
    metric: 'composite index (mean of the rounds)',
    control: index(control),
    treatment: index(treatment),
  });
}

/**
 * Lesson 2: one shop, brand-loyal buyers only (100 a round). Each round it restocks 90 units that
 * arrive after the round's first days; in the treatment it also presells when out of stock, so
 * about one order in ten cannot reach its buyer in time (a breach, −10 review each).
 */
function lesson2(seeds: number[]): LessonResult {
  const world = lessonMarket('lesson-2', { perRound: { brandLoyal: 100 }, ticks: 30, rounds: 3, deadline: 3, rules: { restockLeadTicks: 35 }, stock: [90] });
  const run = (presale: boolean) => seeds.map((seed) => playWith(world, seed, new Map([[0, byRound([1, 2, 3].map(() => listTea(45, { presale, restock: 90 })))]])));
  const control = run(false);
  const treatment = run(true);
  const later = (gs: GameState[]) => mean(gs.map((g) => g.reports[1]!.shops[0]!.unitsByCrowd[0]! + g.reports[2]!.shops[0]!.unitsByCrowd[0]!));
  const breachShare = (gs: GameState[]) => mean(gs.map((g) => g.reports.reduce((a, r) => a + r.shops[0]!.breaches, 0) / Math.max(1, g.reports.reduce((a, r) => a + r.shops[0]!.orders, 0))));
  const c = later(control);
  const t = later(treatment);
  return result(2, TITLES[2]!, 'lesson-2', 'the shop presells what its late restock cannot deliver in time', 'brand-loyal units in rounds 2–3', c, t, c > 0 && t <= c * 0.5, {
    metric: 'breaches per order (whole game)',
    control: breachShare(control),
    treatment: breachShare(treatment),
  });
}

/** Lesson 3: two equal shops; in the treatment shop 1 also sells (and delivers) in round 1. */
function lesson3(seeds: number[]): LessonResult {
  // Shop 1 starts one review point ahead (6 against 5), so it wins the brand-loyal crowd when both deliver.
  const world = lessonMarket('lesson-3', { perRound: { brandLoyal: 60, lowPrice: 60 }, ticks: 10, rounds: 3, stock: [1000, 1000], reviewScore: [6, 5] });
  const off = emptyRound();
  off.listings.push({ city: 0, product: 0, listing: null });
  const run = (first: boolean) =>
    seeds.map((seed) => playWith(world, seed, new Map([[0, byRound([first ? listTea(40) : off, listTea(40), listTea(40)])], [1, byRound([listTea(40), listTea(40), listTea(40)])]])));
  const control = run(false);
  const treatment = run(true);
  const units = (gs: GameState[]) => mean(gs.map((g) => g.reports[2]!.shops[0]!.unitsByCrowd[0]!));
  const influence = (gs: GameState[]) => mean(gs.map((g) => g.reports[1]!.shops[0]!.cityInfluence[0]!));
  const c = units(control);
  const t = units(treatment);
  return result(3, TITLES[3]!, 'lesson-3', 'shop 1 (one review point ahead) also sells in round 1; the other shop always does', 'brand-loyal units of shop 1 in round 3', c, t, t > c * 1.2 && influence(treatment) > influence(control), {
    metric: 'city influence of shop 1 after round 2',
    control: influence(control),
    treatment: influence(treatment),
  });
}

/** Lesson 6: hesitant buyers; a 5.00 coupon (above 40.00) aimed at potential customers. */
function lesson6(seeds: number[]): LessonResult {
  const world = lessonMarket('lesson-6', { perRound: { hesitant: 400, lowPrice: 100 }, ticks: 20, rounds: 1, stock: [2000] });
  const coupon: Promotion = { type: 'coupon', amountFen: 500, thresholdFen: 4000, quantity: 1000, target: 'potential', fromTick: 1, toTick: 20 };
  const run = (promotions: Promotion[]) => seeds.map((seed) => playWith(world, seed, new Map([[0, byRound([listTea(50, { promotions })])]])).reports[0]!);
  const control = run([]);
  const treatment = run([coupon]);
  const units = (rs: ReturnType<typeof run>) => mean(rs.map((r) => r.shops[0]!.unitsByCrowd[3]!));
  const waited = (rs: ReturnType<typeof run>) => mean(rs.map((r) => r.lostByReason[5]!));
  const c = units(control);
  const t = units(treatment);
  return result(6, TITLES[6]!, 'lesson-6', 'a coupon of 5.00 above 40.00 aimed at potential customers (潜在客户)', 'hesitant-crowd units', c, t, t > c * 1.05 && waited(treatment) < waited(control), {
    metric: 'undecided buyers who never came back',
    control: waited(control),
    treatment: waited(treatment),
  });
}

/** Lesson 7: buyers want 1 (50%), 2 (30%) or 3 (20%) units; a 10% buy-more discount from 3 units. */
function lesson7(seeds: number[]): LessonResult {
  const quantity = [
    { quantity: 1, weight: 0.5 },
    { quantity: 2, weight: 0.3 },
    { quantity: 3, weight: 0.2 },
  ];
  const world = lessonMarket('lesson-7', { perRound: { lowPrice: 400 }, ticks: 10, rounds: 1, quantity, stock: [3000] });
  const buyMore: Promotion = { type: 'buyMoreDiscount', product: 0, city: null, minQuantity: 3, rate: 0.9, fromTick: 1, toTick: 10 };
  const run = (promotions: Promotion[]) => seeds.map((seed) => playWith(world, seed, new Map([[0, byRound([listTea(50, { promotions })])]])).reports[0]!.shops[0]!);
  const perOrder = (rs: ReturnType<typeof run>) => mean(rs.map((s) => s.units / Math.max(1, s.orders)));
  const control = run([]);
  const treatment = run([buyMore]);
  const c = perOrder(control);
  const t = perOrder(treatment);
  return result(7, TITLES[7]!, 'lesson-7', 'a buy-more discount: 10% off from 3 units', 'units per order', c, t, t > c * 1.1, {
    metric: 'orders',
    control: mean(control.map((s) => s.orders)),
    treatment: mean(treatment.map((s) => s.orders)),
  });
}

function serviceWorld(): World {
  const res = loadScenario(builtinScenario('service'));
  if (!res.ok) throw new Error('the built-in service scenario does not load');
  return res.value;
}

/** The service scenario's player: Shanghai at 5% under the reference, restocking, with `agents` agents. */
function servicePlayer(world: World, agents: number): Decide {
  return (view) => {
    const d = emptyRound();
    if (view.round === 1) {
      for (let p = 0; p < world.products.length; p++) {
        if (!hasMarket(view, 0, p)) continue;
        d.listings.push({ city: 0, product: p, listing: { priceFen: Math.floor((referenceFen(view, 0, p) * 0.95) / 100) * 100, shippingFen: 0, sellerPaysShipping: true, presale: false } });
      }
    }
    d.restock = planRestock(view, { ambition: 1.2, reserveFen: 100000 }, (c, p) => c === 0 && hasMarket(view, c, p));
    d.service = { agents };
    return d;
  };
}

/**
 * Lesson 5 in the service scenario: the same game with the tag rule on (×0.3 at 3 tags) and off
 * (×1), measured in round 2, the first round the careless undercutter starts with its tags (when
 * in round 1 its third tag comes depends on how fast its queue fills, a tipping point).
 */
function lesson5(seeds: number[]): LessonResult {
  const world = serviceWorld();
  const undercutter = world.shops.findIndex((s) => s.controller.strategy === 'undercut');
  const uncut: World = { ...world, rules: { ...world.rules, negativeTagConversion: 1 } };
  const run = (w: World) => seeds.map((seed) => playWith(w, seed, new Map()).reports[1]!.shops[undercutter]!);
  const control = run(uncut);
  const treatment = run(world);
  const orders = (rs: ReturnType<typeof run>) => mean(rs.map((s) => s.orders));
  const tags = mean(treatment.map((s) => Math.max(0, ...s.negativeTags)));
  const c = orders(control);
  const t = orders(treatment);
  return result(5, TITLES[5]!, world.id, `the platform rule: 3 or more negative tags multiply conversion by ${world.rules.negativeTagConversion} (control: no cut); the careless undercutter is measured`, 'round-2 orders of the shop with the most tags (the first round it starts with them)', c, t, tags >= 3 && t < c * 0.6, {
    metric: 'its active negative tags (most on one product)',
    control: mean(control.map((s) => Math.max(0, ...s.negativeTags))),
    treatment: tags,
  });
}

/** Lesson 10 in the service scenario: the player staffs no customer-service agent instead of 2. */
function lesson10(seeds: number[]): LessonResult {
  const world = serviceWorld();
  const player = Math.max(0, world.shops.findIndex((s) => s.controller.kind === 'player'));
  const run = (agents: number) => seeds.map((seed) => playWith(world, seed, new Map([[player, servicePlayer(world, agents)]])).reports[0]!.shops[player]!);
  const control = run(2);
  const treatment = run(0);
  const conversion = (rs: ReturnType<typeof run>) => mean(rs.map((s) => (s.visits === 0 ? 0 : (100 * s.orders) / s.visits)));
  const dsr = (rs: ReturnType<typeof run>) => mean(rs.map((s) => s.dsr ?? 0));
  const c = conversion(control);
  const t = conversion(treatment);
  return result(10, TITLES[10]!, world.id, 'the player staffs no customer-service agent instead of 2', 'round-1 conversion, % of visits', c, t, t < c * 0.85 && dsr(treatment) < dsr(control), {
    metric: 'round-1 DSR',
    control: dsr(control),
    treatment: dsr(treatment),
  });
}

/**
 * Lesson 9 in a one-keyword tea market of eight shops (every buyer searches "绿茶"): shop 1 lists
 * at 44.00, the seven others at 46.00 with "绿茶" in their titles. Control: shop 1's title lacks
 * it (organic position 8 of 8); treatment: it has it (position 1). Measured: its sales to the
 * hesitant and composite crowds, against its sales to the low-price crowd (who compare every
 * offer whatever its position).
 */
function lesson9(seeds: number[]): LessonResult {
  const res = loadScenario({
    kind: 'scenario',
    version: 1,
    id: 'lesson-9',
    name: { zh: 'lesson-9', en: 'lesson-9' },
    rounds: 1,
    ticksPerRound: 10,
    rules: { demandFluctuation: 0 },
    cities: [{ id: 'hz', name: { zh: '杭州', en: 'Hangzhou' } }],
    products: [{ id: 'tea', name: { zh: '茶叶', en: 'Tea' }, unitCost: 20, referencePrice: { hz: 50 } }],
    keywords: [{ id: '绿茶', word: { zh: '绿茶', en: 'green tea' }, searchVolume: { hz: 1000 }, relevance: { tea: 1 } }],
    demand: [{ city: 'hz', product: 'tea', perRound: { lowPrice: 400, composite: 400, hesitant: 400 } }],
    shops: Array.from({ length: 8 }, (_, i) => ({ id: `s${i + 1}`, controller: 'player', cash: 20000, stock: { hz: { tea: 2000 } } })),
  });
  if (!res.ok) throw new Error(`lesson market lesson-9 does not load: ${res.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  const world = res.value;
  const decide = (s: number, titled: boolean): Decide => () => {
    const d = listTea(s === 0 ? 44 : 46);
    if (s > 0 || titled) d.search = { titles: [{ product: 0, keywords: [0] }] };
    return d;
  };
  const run = (titled: boolean) => seeds.map((seed) => playWith(world, seed, new Map(world.shops.map((_, s) => [s, decide(s, titled)] as const))).reports[0]!.shops[0]!);
  const control = run(false);
  const treatment = run(true);
  const searching = (rs: ReturnType<typeof run>) => mean(rs.map((s) => s.unitsByCrowd[COMPOSITE]! + s.unitsByCrowd[HESITANT]!));
  const lowPrice = (rs: ReturnType<typeof run>) => mean(rs.map((s) => s.unitsByCrowd[LOW_PRICE]!));
  const c = searching(control);
  const t = searching(treatment);
  const lowGain = lowPrice(treatment) - lowPrice(control);
  return result(9, TITLES[9]!, world.id, 'shop 1 puts the searched keyword "绿茶" in its title (organic position 8 → 1 of 8)', 'hesitant + composite units of shop 1', c, t, t - c > 2 * Math.abs(lowGain) && t > c * 2, {
    metric: 'low-price units of shop 1',
    control: lowPrice(control),
    treatment: lowPrice(treatment),
  });
}

/** The round of the retention scenario in which lesson 8 spends: by then many first customers sleep. */
const LESSON8_ROUND = 5;

/**
 * Lesson 8 in the `retention` scenario: the player (5% under the reference everywhere, 60 units a
 * market restocked each round) spends in round 5 either 1,000.00 on media (acquisition: it wins
 * buyers who have not bought) or a coupon of 5.00 above 20.00, 200 of them (the same 1,000.00 at
 * most), aimed at its sleeping customers (retention: only they can use it). Measured: yuan spent
 * per extra order against the same game without either (at least one extra order counted, which
 * can only flatter the control), and the round's cost per order of new and returning customers.
 */
function lesson8(seeds: number[]): LessonResult {
  const res = loadScenario(builtinScenario('retention'));
  if (!res.ok) throw new Error('the built-in retention scenario does not load');
  const world = res.value;
  const player = Math.max(0, world.shops.findIndex((s) => s.controller.kind === 'player'));
  const decide =
    (extra: (d: RoundDecision) => void): Decide =>
    (view) => {
      const d = emptyRound();
      if (view.round === 1) d.listings = listEverywhere(view, (c, p) => Math.round(referenceFen(view, c, p) * 0.95), false);
      for (let c = 0; c < world.cities.length; c++) for (let p = 0; p < world.products.length; p++) if (hasMarket(view, c, p)) d.restock.push({ city: c, product: p, quantity: 60 });
      if (view.round === LESSON8_ROUND) extra(d);
      return d;
    };
  const run = (extra: (d: RoundDecision) => void) => seeds.map((seed) => playWith(world, seed, new Map([[player, decide(extra)]])).reports[LESSON8_ROUND - 1]!.shops[player]!);
  const base = run(() => undefined);
  const media = run((d) => {
    d.marketing = { ...d.marketing, mediaFen: 100000 };
  });
  const kept = run((d) => {
    d.promotions = [{ type: 'coupon', amountFen: 500, thresholdFen: 2000, quantity: 200, target: 'sleeping', fromTick: 1, toTick: world.ticksPerRound }];
  });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const orders = (rs: typeof base) => sum(rs.map((x) => x.orders));
  const perExtra = (rs: typeof base, spendFen: number) => spendFen / 100 / Math.max(1, orders(rs) - orders(base));
  const extraMedia = perExtra(media, sum(media.map((x) => acquisitionAndRetentionFen(x)[0])));
  const extraKept = perExtra(kept, sum(kept.map((x) => acquisitionAndRetentionFen(x)[1])));
  // The round's cost per order (Result costPerOrder): acquisition per new customer's order with media, retention per returning one's with the coupon.
  const c = sum(media.map((x) => acquisitionAndRetentionFen(x)[0])) / 100 / Math.max(1, sum(media.map((x) => x.newCustomerOrders)));
  const t = sum(kept.map((x) => acquisitionAndRetentionFen(x)[1])) / 100 / Math.max(1, sum(kept.map((x) => x.returningOrders)));
  return result(
    8,
    TITLES[8]!,
    world.id,
    `round ${LESSON8_ROUND}: 1,000.00 on media (acquisition) against 200 coupons of 5.00 above 20.00 for its sleeping customers (retention, 1,000.00 at most)`,
    `cost per order (costPerOrder): acquisition per new customer’s order with media, retention per returning customer’s order with the coupon, round ${LESSON8_ROUND}`,
    c,
    t,
    t < c * 0.5 && extraKept < extraMedia,
    { metric: `yuan spent per extra order in round ${LESSON8_ROUND}, against the game without either`, control: extraMedia, treatment: extraKept },
  );
}

/** The ten lessons in order; `onLesson` is told as each is done (lessons done, 10), for a progress bar. */
export function runLessons(world: World, seedCount: number, onLesson?: (done: number, total: number) => void): LessonsReport {
  const seeds = gradingSeeds(world.seed, seedCount);
  const player = Math.max(0, world.shops.findIndex((s) => s.controller.kind === 'player'));
  const runs: (() => LessonResult)[] = [
    () => lesson1(world, seeds, player),
    () => lesson2(seeds),
    () => lesson3(seeds),
    () => lesson4(world, seeds, player),
    () => lesson5(seeds),
    () => lesson6(seeds),
    () => lesson7(seeds),
    () => lesson8(seeds),
    () => lesson9(seeds),
    () => lesson10(seeds),
  ];
  const lessons: LessonResult[] = [];
  onLesson?.(0, runs.length);
  for (const run of runs) {
    lessons.push(run());
    onLesson?.(lessons.length, runs.length);
  }
  for (const l of lessons) if (!l.shown && !l.reason) l.reason = 'the effect did not reach its threshold in this market';
  return { kind: 'lessons-report', version: 1, scenario: world.id, seeds, lessons };
}

const pct = (x: number | null) => (x === null ? '—' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`);
const effectText = (l: LessonResult) => (l.effect === null ? (l.metric ? `${l.difference >= 0 ? '+' : ''}${l.difference}` : '—') : pct(l.effect));

/** The lessons as a Markdown table. */
export function lessonsMarkdown(report: LessonsReport): string {
  const lines = ['| # | lesson 课程结论 | market | metric | control | treatment | effect | shown |', '|---:|---|---|---|---:|---:|---:|---|'];
  for (const l of report.lessons) {
    const also = l.also ? `<br>${l.also.metric}: ${l.also.control} → ${l.also.treatment}` : '';
    lines.push(
      `| ${l.lesson} | ${l.title.en} · ${l.title.zh} | ${l.market || '—'} | ${l.metric || '—'}${also} | ${l.shown || l.metric ? l.control : '—'} | ${l.shown || l.metric ? l.treatment : '—'} | ${effectText(l)} | ${l.shown ? 'yes' : `no: ${l.reason}`} |`,
    );
  }
  return lines.join('\n');
}

export function lessonsText(report: LessonsReport): string {
  const out = [`lessons of the course (domain §12), scenario ${report.scenario}, seeds ${report.seeds.join(', ')}`];
  for (const l of report.lessons) {
    out.push('', `${l.lesson}. ${l.title.en} — ${l.shown ? 'SHOWN' : 'not shown'}`);
    if (l.metric) {
      out.push(`   market ${l.market}; change: ${l.change}`);
      out.push(`   ${l.metric}: ${l.control} → ${l.treatment} (${effectText(l)})`);
      if (l.also) out.push(`   ${l.also.metric}: ${l.also.control} → ${l.also.treatment}`);
    }
    if (l.reason) out.push(`   ${l.reason}`);
  }
  return out.join('\n');
}
