/**
 * From file text to the engine's World (scenario) and RoundDecision lists (decisions), reporting
 * every problem at once with its JSON path. The same functions serve the CLI and the browser.
 * Defaults are filled into new objects; the input is never mutated.
 */
import { CROWDS, INDEX_INPUTS, type Controller, type DemandEvent, type RoundDecision, type ShopSetup, type World } from '../engine/model';
import { yuanToFen, formatYuan } from '../engine/money';
import { priceCapFen, referencePriceFen } from '../engine/pricing';
import { parseJsonText } from './parse';
import { didYouMean, fromZod, problem, type Checked, type Problem } from './problems';
import {
  decisionsSchema,
  LIMITS,
  roundDecisionSchema,
  scenarioSchema,
  type RoundDecisionFile,
  type ScenarioFile,
} from './schema';
import {
  DEFAULT_CARRIER,
  DEFAULT_CASH_YUAN,
  DEFAULT_DEADLINE_TICKS,
  DEFAULT_INDEX_WEIGHTS,
  DEFAULT_REVIEW_SCORE,
  DEFAULT_ROUNDS,
  DEFAULT_TICKS_PER_ROUND,
  defaultRules,
} from './defaults';
import { isKnownStrategy, STRATEGY_NAMES } from './strategies';
import { checkScenarioFile, checkWorkload } from './checks';
import { promotionRulesFrom, promotionsOfRound, promotionWorld, type PromotionWorld } from './promotions';
import { customerRulesFrom, memberPointsOfRound, serviceOfRound, serviceRulesFrom } from './service';
import { keywordsFrom, searchOfRound, searchRulesFrom } from './search';
import { newMeaningProblems, salvage } from './salvage';

export function loadScenarioText(text: string): Checked<World> {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  return loadScenario(parsed.value);
}

export function loadScenario(input: unknown): Checked<World> {
  const res = scenarioSchema.safeParse(input);
  if (!res.success) {
    // Form and meaning in one pass: the well-formed part is checked against itself too, so an
    // unknown city shows beside a misspelt field (see salvage.ts).
    const problems = fromZod(res.error, input, scenarioSchema);
    return { ok: false, problems: [...problems, ...meaningOfBroken(input, problems)] };
  }
  const problems: Problem[] = [];
  const world = buildWorld(res.data, problems);
  checkScenarioFile(res.data, problems);
  // The size of the game is measured on a world whose references all resolved.
  if (problems.length === 0) checkWorkload(world, problems);
  return problems.length ? { ok: false, problems } : { ok: true, value: world };
}

/** The meaning problems of a scenario that failed its schema, from its well-formed part. */
function meaningOfBroken(input: unknown, schemaProblems: readonly Problem[]): Problem[] {
  const part = salvage(scenarioSchema, input);
  if (part === null) return [];
  const meaning: Problem[] = [];
  try {
    buildWorld(part.value, meaning);
    checkScenarioFile(part.value, meaning);
  } catch {
    // A shape the meaning checks were not written for: the schema's problems stand alone.
    return [];
  }
  return newMeaningProblems(schemaProblems, meaning, part.standIns);
}

const WHAT_ZH: Record<string, string> = { city: '城市', product: '商品', shop: '网店' };
const whatZh = (what: string) => WHAT_ZH[what] ?? what;

function indexer(ids: string[], what: string, basePath: string, problems: Problem[]): Map<string, number> {
  const map = new Map<string, number>();
  ids.forEach((id, i) => {
    if (map.has(id)) problems.push(problem(`${basePath}[${i}].id`, `duplicate ${what} id "${id}" (ids must be unique)`, `${whatZh(what)} id "${id}" 重复（id 不能重复）`));
    else map.set(id, i);
  });
  return map;
}

function ref(map: Map<string, number>, id: string, path: string, what: string, problems: Problem[]): number {
  const i = map.get(id);
  if (i === undefined) {
    const known = [...map.keys()];
    const list = `${known.slice(0, 20).join(', ')}${known.length > 20 ? ', …' : ''}`;
    const near = didYouMean(id, known);
    const hint = near === undefined ? '' : `; did you mean "${near}"?`;
    const hintZh = near === undefined ? '' : `；是不是想写 "${near}"？`;
    problems.push(problem(path, `unknown ${what} "${id}" (known: ${list}${hint})`, `未知的${whatZh(what)} "${id}"（已有：${list}${hintZh}）`));
    return -1;
  }
  return i;
}

function buildWorld(s: ScenarioFile, problems: Problem[]): World {
  const rules = defaultRules();
  const r = s.rules ?? {};
  const rounds = s.rounds ?? DEFAULT_ROUNDS;
  const ticksPerRound = s.ticksPerRound ?? DEFAULT_TICKS_PER_ROUND;
  if (r.priceFloat !== undefined) rules.priceFloat = r.priceFloat;
  if (r.priceFloor !== undefined) rules.priceFloorFen = yuanToFen(r.priceFloor);
  if (r.holdingCost !== undefined) rules.holdingCostFen = yuanToFen(r.holdingCost);
  if (r.reviews?.breachWeight !== undefined) rules.reviewBreachWeight = r.reviews.breachWeight;
  if (r.reviews?.windowRounds !== undefined) rules.reviewWindowRounds = r.reviews.windowRounds;
  if (r.demandFluctuation !== undefined) rules.demandFluctuation = r.demandFluctuation;
  if (r.penaltyRate !== undefined) rules.penaltyRate = r.penaltyRate;
  if (r.indexWeights) {
    const w = r.indexWeights;
    const sum = INDEX_INPUTS.reduce((acc, k) => acc + w[k], 0);
    if (Math.abs(sum - 1) > 1e-6) {
      problems.push(problem('$.rules.indexWeights', `weights must sum to 1 (they sum to ${+sum.toFixed(6)})`, `权重之和必须为 1（现在合计 ${+sum.toFixed(6)}）`));
    }
    rules.indexWeights = INDEX_INPUTS.map((k) => w[k]);
  } else {
    rules.indexWeights = INDEX_INPUTS.map((k) => DEFAULT_INDEX_WEIGHTS[k]);
  }
  if (r.mediaDecay !== undefined) rules.mediaDecay = r.mediaDecay;
  if (r.restockLeadTicks !== undefined) rules.restockLeadTicks = r.restockLeadTicks;
  if (r.credit !== undefined) rules.creditFen = yuanToFen(r.credit);
  if (r.isoCost !== undefined) rules.isoCostFen = yuanToFen(r.isoCost);
  if (r.iecCost !== undefined) rules.iecCostFen = yuanToFen(r.iecCost);
  if (r.warehouse?.capacity !== undefined) rules.warehouseCapacity = r.warehouse.capacity;
  if (r.warehouse?.rent !== undefined) rules.warehouseRentFen = yuanToFen(r.warehouse.rent);
  if (r.carrierDelay) {
    rules.carrierDelayProbability = r.carrierDelay.probability;
    rules.carrierDelayTicks = r.carrierDelay.ticks;
  }
  if (r.rating?.base !== undefined) rules.ratingBase = r.rating.base;
  if (r.rating?.perTick !== undefined) rules.ratingPerDay = r.rating.perTick;
  if (r.rating?.description !== undefined) rules.ratingDescription = r.rating.description;
  rules.service = serviceRulesFrom(r.service);
  rules.search = searchRulesFrom(r.search);
  rules.customers = customerRulesFrom(r.customers);
  if (r.negativeTags?.ticks !== undefined) rules.negativeTagTicks = r.negativeTags.ticks;
  if (r.negativeTags?.threshold !== undefined) rules.negativeTagThreshold = r.negativeTags.threshold;
  if (r.negativeTags?.conversion !== undefined) rules.negativeTagConversion = r.negativeTags.conversion;
  if (r.fanReturnRate !== undefined) rules.fanReturnRate = r.fanReturnRate;
  if (r.hesitant) {
    const h = r.hesitant;
    rules.hesitant = {
      searchSlots: h.searchSlots ?? rules.hesitant.searchSlots,
      buyBase: h.buyBase ?? rules.hesitant.buyBase,
      sharpness: h.sharpness ?? rules.hesitant.sharpness,
      priceWeight: h.priceWeight ?? rules.hesitant.priceWeight,
      reviewWeight: h.reviewWeight ?? rules.hesitant.reviewWeight,
      indexWeight: h.indexWeight ?? rules.hesitant.indexWeight,
      returnProbability: h.returnProbability ?? rules.hesitant.returnProbability,
      potentialRetention: h.potentialRetention ?? rules.hesitant.potentialRetention,
    };
  }
  if (r.visitDepth !== undefined) rules.visitDepth = r.visitDepth;
  if (r.dsrWindowRounds !== undefined) rules.dsrWindowRounds = r.dsrWindowRounds;
  if (r.rubric?.first !== undefined) rules.rubricFirst = r.rubric.first;
  if (r.rubric?.step !== undefined) rules.rubricStep = r.rubric.step;
  rules.promotions = promotionRulesFrom(r.promotions);

  const cityIx = indexer(s.cities.map((c) => c.id), 'city', '$.cities', problems);
  const productIx = indexer(s.products.map((p) => p.id), 'product', '$.products', problems);
  indexer(s.shops.map((x) => x.id), 'shop', '$.shops', problems);
  const C = s.cities.length;
  const P = s.products.length;

  const products = s.products.map((p, pi) => {
    const refFen = new Array<number>(C).fill(0);
    for (const [cityId, price] of Object.entries(p.referencePrice)) {
      const c = ref(cityIx, cityId, `$.products[${pi}].referencePrice.${cityId}`, 'city', problems);
      if (c >= 0) refFen[c] = yuanToFen(price);
    }
    const trend = new Array<number>(rounds).fill(1);
    if (p.priceTrend) {
      if (p.priceTrend.length !== rounds) {
        problems.push(problem(`$.products[${pi}].priceTrend`, `must have one multiplier per round (${rounds}), not ${p.priceTrend.length}`, `每期一个倍数（共 ${rounds} 期），不能是 ${p.priceTrend.length} 个`));
      }
      p.priceTrend.forEach((m, i) => {
        if (i < rounds) trend[i] = m;
      });
    }
    return { id: p.id, name: p.name, unitCostFen: yuanToFen(p.unitCost), volume: p.volume ?? 1, referencePriceFen: refFen, priceTrend: trend, quality: p.quality ?? 1 };
  });

  const keywords = keywordsFrom(s.keywords, cityIx, productIx, { products }, problems);
  const keywordIx = new Map(keywords.map((k, i) => [k.id, i] as const));
  const demand = new Array(C * P).fill(null).map(() => ({
    perRound: [0, 0, 0, 0],
    quantities: [{ quantity: 1, weight: 1 }],
    deadlineTicks: DEFAULT_DEADLINE_TICKS,
  }));
  const seenCells = new Set<number>();
  s.demand.forEach((d, i) => {
    const c = ref(cityIx, d.city, `$.demand[${i}].city`, 'city', problems);
    const p = ref(productIx, d.product, `$.demand[${i}].product`, 'product', problems);
    if (c < 0 || p < 0) return;
    const cell = c * P + p;
    if (seenCells.has(cell)) {
      problems.push(
        problem(
          `$.demand[${i}]`,
          `demand for city "${d.city}" and product "${d.product}" is given twice (give each city × product once)`,
          `城市 "${d.city}" 商品 "${d.product}" 的需求写了两次（每个城市 × 商品只写一次）`,
        ),
      );
      return;
    }
    seenCells.add(cell);
    const total = CROWDS.reduce((acc, k) => acc + (d.perRound[k] ?? 0), 0);
    if (total > 0 && products[p]!.referencePriceFen[c] === 0) {
      problems.push(
        problem(
          `$.products[${p}].referencePrice`,
          `needs a reference price for city "${d.city}" because $.demand[${i}] has buyers there`,
          `需要城市 "${d.city}" 的参考价，因为 $.demand[${i}] 在那里有买家`,
        ),
      );
    }
    let quantities = [{ quantity: 1, weight: 1 }];
    if (d.quantity) {
      const wsum = d.quantity.reduce((a, q) => a + q.weight, 0);
      if (Math.abs(wsum - 1) > 1e-6) {
        problems.push(problem(`$.demand[${i}].quantity`, `weights must sum to 1 (they sum to ${+wsum.toFixed(6)})`, `权重之和必须为 1（现在合计 ${+wsum.toFixed(6)}）`));
      }
      quantities = d.quantity.map((q) => ({ quantity: q.quantity, weight: q.weight }));
    }
    demand[cell] = {
      perRound: CROWDS.map((k) => d.perRound[k] ?? 0),
      quantities,
      deadlineTicks: d.deadlineTicks ?? DEFAULT_DEADLINE_TICKS,
    };
  });

  const totalTicks = rounds * ticksPerRound;
  const events: DemandEvent[] = (s.events ?? []).map((e, i) => {
    if (e.toTick < e.fromTick) problems.push(problem(`$.events[${i}].toTick`, `must be ≥ fromTick (${e.fromTick}), not ${e.toTick}`, `必须 ≥ 开始天 fromTick（${e.fromTick}），不能是 ${e.toTick}`));
    if (e.fromTick > totalTicks) {
      problems.push(problem(`$.events[${i}].fromTick`, `must be ≤ the game's last tick (${totalTicks} = rounds × ticksPerRound)`, `必须 ≤ 游戏的最后一天（${totalTicks} = 期数 × 每期天数）`));
    }
    return {
      fromTick: e.fromTick,
      toTick: e.toTick,
      multiplier: e.multiplier,
      cities: e.cities ? e.cities.map((id, j) => ref(cityIx, id, `$.events[${i}].cities[${j}]`, 'city', problems)) : null,
      products: e.products ? e.products.map((id, j) => ref(productIx, id, `$.events[${i}].products[${j}]`, 'product', problems)) : null,
      crowds: e.crowds ? e.crowds.map((k) => CROWDS.indexOf(k)) : null,
    };
  });

  const carrier = { ...DEFAULT_CARRIER, ...(r.carrier ?? {}) };
  const deliveryTicks = new Array<number>(C * C);
  const carrierFeeFen = new Array<number>(C * C);
  for (let w = 0; w < C; w++) {
    for (let c = 0; c < C; c++) {
      deliveryTicks[w * C + c] = w === c ? carrier.sameCityTicks : carrier.otherCityTicks;
      carrierFeeFen[w * C + c] = yuanToFen(w === c ? carrier.sameCityFee : carrier.otherCityFee);
    }
  }
  (s.routes ?? []).forEach((rt, i) => {
    const w = ref(cityIx, rt.from, `$.routes[${i}].from`, 'city', problems);
    const c = ref(cityIx, rt.to, `$.routes[${i}].to`, 'city', problems);
    if (w < 0 || c < 0) return;
    if (rt.ticks !== undefined) deliveryTicks[w * C + c] = rt.ticks;
    if (rt.fee !== undefined) carrierFeeFen[w * C + c] = yuanToFen(rt.fee);
  });

  const shops: ShopSetup[] = s.shops.map((sh, si) => {
    const controller = parseController(sh.controller, `$.shops[${si}].controller`, problems);
    const stock = new Array<number>(C * P).fill(0);
    const warehouses = new Array<boolean>(C).fill(false);
    for (const [cityId, perProduct] of Object.entries(sh.stock ?? {})) {
      const w = ref(cityIx, cityId, `$.shops[${si}].stock.${cityId}`, 'city', problems);
      for (const [productId, units] of Object.entries(perProduct)) {
        const p = ref(productIx, productId, `$.shops[${si}].stock.${cityId}.${productId}`, 'product', problems);
        if (w >= 0 && p >= 0) {
          stock[w * P + p] = units;
          warehouses[w] = true;
        }
      }
    }
    (sh.warehouses ?? []).forEach((cityId, j) => {
      const w = ref(cityIx, cityId, `$.shops[${si}].warehouses[${j}]`, 'city', problems);
      if (w >= 0) warehouses[w] = true;
    });
    for (let w = 0; w < C; w++) {
      let vol = 0;
      for (let p = 0; p < P; p++) vol += stock[w * P + p]! * products[p]!.volume;
      if (vol > rules.warehouseCapacity) {
        problems.push(
          problem(
            `$.shops[${si}].stock.${s.cities[w]!.id}`,
            `holds ${vol} volume units, more than a warehouse's capacity (${rules.warehouseCapacity}, $.rules.warehouse.capacity)`,
            `库存体积 ${vol}，超过配送中心的容量（${rules.warehouseCapacity}，$.rules.warehouse.capacity）`,
          ),
        );
      }
    }
    let decisions: RoundDecision[] = [];
    if (sh.decisions) {
      decisions = buildRounds(sh.decisions, `$.shops[${si}].decisions`, ctxOf(), problems);
    }
    if (controller.strategy === 'fixed' && !sh.decisions) {
      problems.push(problem(`$.shops[${si}].decisions`, 'is required for a "bot:fixed" shop (it plays only the decisions written here)', '"bot:fixed" 网店必须填写（它只执行这里写好的决策）'));
    }
    const titles = shopTitles(sh.titles, `$.shops[${si}].titles`, productIx, keywordIx, s.keywords !== undefined && s.keywords.length > 0, rules.search.maxTitleKeywords, problems);
    return {
      id: sh.id,
      name: sh.name ?? { zh: sh.id, en: sh.id },
      controller,
      cashFen: yuanToFen(sh.cash ?? DEFAULT_CASH_YUAN),
      reviewScore: sh.reviewScore ?? DEFAULT_REVIEW_SCORE,
      stock,
      warehouses,
      visual: sh.brand?.visual ?? 0,
      media: sh.brand?.media ?? 0,
      charity: sh.brand?.charity ?? 0,
      iso: sh.brand?.iso ?? false,
      iec: sh.brand?.iec ?? false,
      decisions,
      ...(titles ? { titles } : {}),
    };
  });
  if (!shops.some((x) => x.controller.kind === 'player') && problems.length === 0) {
    // A scenario of bots only is legal (a demonstration); nothing to report.
  }

  const world: World = {
    id: s.id,
    name: s.name,
    seed: s.seed ?? 1,
    rounds,
    ticksPerRound,
    rules,
    cities: s.cities.map((c) => ({ id: c.id, name: c.name })),
    products,
    demand,
    events,
    deliveryTicks,
    carrierFeeFen,
    carrierPerVolumeFen: yuanToFen(carrier.perVolume),
    shops,
    keywords,
    keywordsImplicit: !s.keywords || s.keywords.length === 0,
  };
  return world;

  function ctxOf(): DecisionContext {
    const cities = s.cities.map((c) => c.id);
    const promotions = { ticksPerRound, cities, products, rules: rules.promotions! };
    return { cityIx, productIx, rounds, products, priceFloat: rules.priceFloat, priceFloorFen: rules.priceFloorFen, cities, promotions, service: rules.service !== null, keywordIx, search: rules.search, customers: rules.customers };
  }
}

/** A shop's starting title keywords per product, checked like a round's search.titles. */
function shopTitles(
  titles: Record<string, string[]> | undefined,
  path: string,
  productIx: Map<string, number>,
  keywordIx: Map<string, number>,
  listed: boolean,
  max: number,
  problems: Problem[],
): number[][] | undefined {
  if (titles === undefined) return undefined;
  if (!listed) {
    problems.push(problem(path, 'title keywords need the scenario\'s keywords ($.keywords), and it lists none', '标题关键词必须来自场景的关键词（$.keywords），而本场景没有列出关键词'));
    return undefined;
  }
  const out: number[][] = [...productIx.keys()].map(() => []);
  for (const [product, words] of Object.entries(titles)) {
    const at = `${path}.${product}`;
    const p = ref(productIx, product, at, 'product', problems);
    if (words.length > max) problems.push(problem(`${at}[${max}]`, `a title holds at most ${max} keywords [platform rule], this one has ${words.length}`, `标题最多 ${max} 个关键词 [平台规则]，这里有 ${words.length} 个`));
    const ks: number[] = [];
    words.forEach((w, j) => {
      const k = keywordIx.get(w);
      if (k === undefined) problems.push(problem(`${at}[${j}]`, `unknown keyword "${w}": a title may only use the scenario's keywords (known: ${[...keywordIx.keys()].join(', ')})`, `未知的关键词 "${w}"：标题只能使用场景中的关键词（已有：${[...keywordIx.keys()].join(', ')}）`));
      else if (!ks.includes(k)) ks.push(k);
    });
    if (p >= 0) out[p] = ks;
  }
  return out;
}

function parseController(text: string, path: string, problems: Problem[]): Controller {
  if (text === 'player') return { kind: 'player', strategy: 'player' };
  const strategy = text.slice(4);
  if (!isKnownStrategy(strategy)) {
    problems.push(problem(path, `unknown bot strategy "${strategy}" (known: ${STRATEGY_NAMES.join(', ')})`, `未知的机器人策略 "${strategy}"（已有：${STRATEGY_NAMES.join(', ')}）`));
  }
  return { kind: 'bot', strategy };
}

interface DecisionContext {
  cityIx: Map<string, number>;
  productIx: Map<string, number>;
  cities: string[];
  rounds: number;
  products: World['products'];
  priceFloat: number;
  priceFloorFen: number;
  promotions: PromotionWorld;
  /** the scenario simulates customer service (rules.service) */
  service: boolean;
  keywordIx: Map<string, number>;
  search: World['rules']['search'];
  customers: World['rules']['customers'];
}

export function emptyRound(): RoundDecision {
  return { listings: [], restock: [], marketing: { decorationFen: 0, mediaFen: 0, charityFen: 0, iso: false, iec: false } };
}

/** The legal price cap of a product in a city in a round, fen (course rule §3): see engine/pricing.ts. */
export { priceCapFen } from '../engine/pricing';

function buildRounds(rounds: RoundDecisionFile[], basePath: string, ctx: DecisionContext, problems: Problem[]): RoundDecision[] {
  const out: RoundDecision[] = [];
  const seen = new Set<number>();
  rounds.forEach((rd, ri) => {
    const path = `${basePath}[${ri}]`;
    if (rd.round > ctx.rounds) {
      problems.push(problem(`${path}.round`, `must be ≤ ${ctx.rounds} (the scenario has ${ctx.rounds} rounds)`, `必须 ≤ ${ctx.rounds}（本场景共 ${ctx.rounds} 期）`));
      return;
    }
    if (seen.has(rd.round)) {
      problems.push(problem(`${path}.round`, `round ${rd.round} is given twice`, `第 ${rd.round} 期写了两次`));
      return;
    }
    seen.add(rd.round);
    const dec = emptyRound();
    const listed = new Set<number>();
    (rd.listings ?? []).forEach((l, li) => {
      const lp = `${path}.listings[${li}]`;
      const c = ref(ctx.cityIx, l.city, `${lp}.city`, 'city', problems);
      const p = ref(ctx.productIx, l.product, `${lp}.product`, 'product', problems);
      if (c < 0 || p < 0) return;
      if (listed.has(c * ctx.products.length + p)) {
        problems.push(problem(lp, `"${l.product}" in "${l.city}" is listed twice in round ${rd.round}`, `商品 "${l.product}" 在城市 "${l.city}" 第 ${rd.round} 期上架了两次`));
        return;
      }
      listed.add(c * ctx.products.length + p);
      if (l.active === false) {
        dec.listings.push({ city: c, product: p, listing: null });
        return;
      }
      if (l.price === undefined) {
        problems.push(problem(`${lp}.price`, 'is required for an active listing (yuan, e.g. 45.00)', '上架的商品必须填写一口价（元，如 45.00）'));
        return;
      }
      const product = ctx.products[p]!;
      if (product.referencePriceFen[c] === 0) {
        problems.push(problem(`${lp}.city`, `"${l.product}" has no market (no reference price) in "${l.city}"`, `商品 "${l.product}" 在城市 "${l.city}" 没有市场（没有参考价）`));
        return;
      }
      const priceFen = yuanToFen(l.price);
      const shippingFen = l.sellerPaysShipping ? 0 : yuanToFen(l.shipping ?? 0);
      if (priceFen < ctx.priceFloorFen) {
        problems.push(
          problem(
            `${lp}.price`,
            `illegal price (违规价格): the fixed price ${formatYuan(priceFen)} is below the platform's floor ${formatYuan(ctx.priceFloorFen)} (rules.priceFloor)`,
            `违规价格：一口价 ${formatYuan(priceFen)} 元，低于平台最低价 ${formatYuan(ctx.priceFloorFen)} 元（rules.priceFloor）`,
          ),
        );
        return;
      }
      const cap = priceCapFen({ products: ctx.products, rules: { priceFloat: ctx.priceFloat } }, p, c, rd.round);
      if (priceFen + shippingFen > cap) {
        const total = formatYuan(priceFen + shippingFen);
        const refText = formatYuan(referencePriceFen(ctx, p, c, rd.round));
        problems.push(
          problem(
            `${lp}.price`,
            `illegal price (违规价格): price + shipping = ${total} is above the cap ${formatYuan(cap)} (reference price ${refText} × (1 + ${ctx.priceFloat}))`,
            `违规价格：一口价 + 运费 = ${total} 元，超过上限 ${formatYuan(cap)} 元（参考价 ${refText} × (1 + ${ctx.priceFloat})）`,
          ),
        );
        return;
      }
      dec.listings.push({
        city: c,
        product: p,
        listing: { priceFen, shippingFen, sellerPaysShipping: l.sellerPaysShipping ?? false, presale: l.presale ?? false },
      });
    });
    (rd.restock ?? []).forEach((x, xi) => {
      const c = ref(ctx.cityIx, x.city, `${path}.restock[${xi}].city`, 'city', problems);
      const p = ref(ctx.productIx, x.product, `${path}.restock[${xi}].product`, 'product', problems);
      if (c >= 0 && p >= 0) dec.restock.push({ city: c, product: p, quantity: x.quantity });
    });
    const m = rd.marketing;
    if (m) {
      dec.marketing = {
        decorationFen: yuanToFen(m.decoration ?? 0),
        mediaFen: yuanToFen(m.media ?? 0),
        charityFen: yuanToFen(m.charity ?? 0),
        iso: m.iso ?? false,
        iec: m.iec ?? false,
      };
    }
    if (rd.promotions && rd.promotions.length > 0) {
      // Checked against the listings in force that round (listings carry over between rounds).
      dec.promotions = promotionsOfRound(rd, rounds, `${path}.promotions`, ctx.promotions, problems);
    }
    if (rd.service) {
      const sd = serviceOfRound(rd.service, `${path}.service`, { service: ctx.service, productIx: ctx.productIx }, problems);
      if (sd) dec.service = sd;
    }
    if (rd.search) {
      const sd = searchOfRound(rd.search, `${path}.search`, { productIx: ctx.productIx, cityIx: ctx.cityIx, keywordIx: ctx.keywordIx, search: ctx.search }, problems);
      if (sd) dec.search = sd;
    }
    if (rd.memberPoints) {
      const mp = memberPointsOfRound(rd.memberPoints, `${path}.memberPoints`, ctx.customers, problems);
      if (mp) dec.memberPoints = mp;
    }
    out[rd.round - 1] = dec;
  });
  for (let i = 0; i < ctx.rounds; i++) if (!out[i]) out[i] = emptyRound();
  return out;
}

export interface LoadedDecisions {
  shop: number;
  rounds: RoundDecision[];
}

export function loadDecisionsText(text: string, world: World): Checked<LoadedDecisions> {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  return loadDecisions(parsed.value, world);
}

export function loadDecisions(input: unknown, world: World): Checked<LoadedDecisions> {
  // A file for another scenario is one problem, not one per unknown city or product.
  const named = input && typeof input === 'object' && !Array.isArray(input) ? (input as { scenario?: unknown }).scenario : undefined;
  if (typeof named === 'string' && named !== world.id) return { ok: false, problems: [otherScenario(named, world)] };
  const res = decisionsSchema.safeParse(input);
  if (!res.success) {
    // Schema and meaning in one pass: the rounds that are well-formed are checked against the
    // scenario too, so an unknown city shows beside a misspelt field.
    const problems = fromZod(res.error, input, decisionsSchema);
    const part = wellFormedPart(input);
    problems.push(...newMeaningProblems(problems, checkDecisions(part, world).problems, part.standIns));
    return { ok: false, problems };
  }
  const { shop, rounds, problems } = checkDecisions(res.data, world);
  return problems.length ? { ok: false, problems } : { ok: true, value: { shop, rounds } };
}

function otherScenario(named: string, world: World): Problem {
  return problem(
    '$.scenario',
    `is "${named}" but the scenario played is "${world.id}": this decisions file is for another scenario (nothing else in it was checked)`,
    `是 "${named}"，但所玩的场景是 "${world.id}"：这份决策文件是为另一个场景写的（其余内容未检查）`,
  );
}

/**
 * The parts of a decisions file that pass the schema on their own: shop (when an id) and the
 * well-formed part of each round (salvage.ts), at its index.
 */
function wellFormedPart(input: unknown): { shop: string | undefined; rounds: RoundDecisionFile[]; standIns: string[] } {
  const obj = input && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const shop = decisionsSchema.shape.shop.safeParse(obj.shop);
  const rounds: RoundDecisionFile[] = [];
  const standIns: string[] = [];
  if (Array.isArray(obj.rounds) && obj.rounds.length <= LIMITS.rounds) {
    obj.rounds.forEach((r, i) => {
      const ok = salvage(roundDecisionSchema, r, ['rounds', i]);
      // A sparse array: buildRounds skips the holes and keeps each round's own index in its paths.
      if (ok !== null) {
        rounds[i] = ok.value;
        standIns.push(...ok.standIns);
      }
    });
  }
  return { shop: shop.success ? shop.data : undefined, rounds, standIns };
}

/** Everything the schema cannot know: the scenario, the shop, and every id, price and rule of each round. */
function checkDecisions(d: { scenario?: string; shop: string | undefined; rounds: RoundDecisionFile[] }, world: World): { shop: number; rounds: RoundDecision[]; problems: Problem[] } {
  const problems: Problem[] = [];
  if (d.scenario !== undefined && d.scenario !== world.id) problems.push(otherScenario(d.scenario, world));
  const shop = d.shop === undefined ? -1 : world.shops.findIndex((s) => s.id === d.shop);
  if (d.shop !== undefined && shop < 0) {
    const known = world.shops.map((s) => s.id).join(', ');
    problems.push(problem('$.shop', `unknown shop "${d.shop}" (known: ${known})`, `未知的网店 "${d.shop}"（已有：${known}）`));
  }
  const cityIx = new Map(world.cities.map((c, i) => [c.id, i] as const));
  const productIx = new Map(world.products.map((p, i) => [p.id, i] as const));
  const rounds = buildRounds(
    d.rounds,
    '$.rounds',
    { cityIx, productIx, rounds: world.rounds, products: world.products, priceFloat: world.rules.priceFloat, priceFloorFen: world.rules.priceFloorFen, cities: world.cities.map((c) => c.id), promotions: promotionWorld(world), service: world.rules.service !== null, keywordIx: new Map(world.keywords.map((k, i) => [k.id, i] as const)), search: world.rules.search, customers: world.rules.customers },
    problems,
  );
  return { shop, rounds, problems };
}
