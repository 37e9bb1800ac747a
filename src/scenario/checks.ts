/**
 * Scenario checks beyond types and references: things given twice, the hesitant weights, bot:fixed
 * decisions on other shops, events past the game's end, and bounds on the game's size so that
 * every valid scenario plays in seconds (in the browser too).
 */
import { CROWD_COUNT, type World } from '../engine/model';
import { eventMultiplier } from '../engine/demand';
import { problem, type Problem } from './problems';
import { LIMITS, type ScenarioFile } from './schema';
import { DEFAULT_ROUNDS, DEFAULT_TICKS_PER_ROUND, defaultRules } from './defaults';

/** Checks on the file as written (ids, not indices). */
export function checkScenarioFile(s: ScenarioFile, problems: Problem[]): void {
  const totalTicks = (s.rounds ?? DEFAULT_ROUNDS) * (s.ticksPerRound ?? DEFAULT_TICKS_PER_ROUND);
  const routes = new Map<string, number>();
  (s.routes ?? []).forEach((r, i) => {
    const key = `${r.from}\u0000${r.to}`;
    const first = routes.get(key);
    if (first !== undefined) {
      problems.push(
        problem(
          `$.routes[${i}]`,
          `the route from "${r.from}" to "${r.to}" is given twice (also $.routes[${first}]); give each direction once`,
          `从 "${r.from}" 到 "${r.to}" 的线路写了两次（另见 $.routes[${first}]）；每个方向只写一次`,
        ),
      );
    }
    else routes.set(key, i);
  });
  const h = s.rules?.hesitant;
  if (h && (h.priceWeight !== undefined || h.reviewWeight !== undefined || h.indexWeight !== undefined)) {
    // The utility blends three things: their weights (given or default) sum to 1, like any blend.
    const d = defaultRules().hesitant;
    const sum = (h.priceWeight ?? d.priceWeight) + (h.reviewWeight ?? d.reviewWeight) + (h.indexWeight ?? d.indexWeight);
    if (Math.abs(sum - 1) > 1e-6) {
      problems.push(
        problem(
          '$.rules.hesitant',
          `priceWeight + reviewWeight + indexWeight must sum to 1 (they sum to ${+sum.toFixed(6)}; one left out counts at its default: ${d.priceWeight}, ${d.reviewWeight}, ${d.indexWeight})`,
          `priceWeight + reviewWeight + indexWeight 之和必须为 1（现在合计 ${+sum.toFixed(6)}；未写的一项按默认值计：${d.priceWeight}、${d.reviewWeight}、${d.indexWeight}）`,
        ),
      );
    }
  }
  (s.events ?? []).forEach((e, i) => {
    if (e.toTick > totalTicks) {
      problems.push(problem(`$.events[${i}].toTick`, `must be ≤ the game's last tick (${totalTicks} = rounds × ticksPerRound), not ${e.toTick}`, `必须 ≤ 游戏的最后一天（${totalTicks} = 期数 × 每期天数），不能是 ${e.toTick}`));
    }
    duplicates(e.cities, `$.events[${i}].cities`, 'city', problems);
    duplicates(e.products, `$.events[${i}].products`, 'product', problems);
    duplicates(e.crowds, `$.events[${i}].crowds`, 'crowd', problems);
  });
  s.demand.forEach((d, i) => {
    duplicates(d.quantity?.map((q) => q.quantity), `$.demand[${i}].quantity`, 'quantity', problems, (j) => `[${j}].quantity`);
  });
  s.shops.forEach((sh, i) => {
    duplicates(sh.warehouses, `$.shops[${i}].warehouses`, 'city', problems);
    if (sh.decisions && sh.controller !== 'bot:fixed') {
      problems.push(
        problem(
          `$.shops[${i}].decisions`,
          `is played only by a "bot:fixed" shop, and this shop's controller is "${sh.controller}" (remove the decisions or make the controller "bot:fixed")`,
          `只有 "bot:fixed" 网店才执行写好的决策，而本店的控制方是 "${sh.controller}"（请删除这些决策，或把控制方改为 "bot:fixed"）`,
        ),
      );
    }
  });
}

const WHAT_ZH: Record<string, string> = { city: '城市', product: '商品', crowd: '人群', quantity: '件数' };

function duplicates<T>(list: readonly T[] | undefined, path: string, what: string, problems: Problem[], at: (j: number) => string = (j) => `[${j}]`): void {
  if (!list) return;
  const seen = new Set<T>();
  list.forEach((v, j) => {
    if (seen.has(v)) problems.push(problem(`${path}${at(j)}`, `${what} ${JSON.stringify(v)} is given twice (give each once)`, `${WHAT_ZH[what] ?? what} ${JSON.stringify(v)} 写了两次（每个只写一次）`));
    seen.add(v);
  });
}

/**
 * Bounds on the work a game takes. The engine's work per tick grows with cities × products ×
 * shops, and per buyer; the largest figures the limits allow would take minutes, not seconds.
 */
export function checkWorkload(world: World, problems: Problem[]): void {
  const C = world.cities.length;
  const P = world.products.length;
  const T = world.ticksPerRound;
  const totalTicks = world.rounds * T;
  const work = C * P * world.shops.length * totalTicks;
  if (work > LIMITS.gameWork) {
    problems.push(
      problem(
        '$',
        `the game is too large to play quickly: cities × products × shops × ticks = ${C} × ${P} × ${world.shops.length} × ${totalTicks} = ${work} (at most ${LIMITS.gameWork}); use fewer cities, products, shops, rounds or ticksPerRound`,
        `游戏规模太大，无法快速运行：城市 × 商品 × 网店 × 天数 = ${C} × ${P} × ${world.shops.length} × ${totalTicks} = ${work}（最多 ${LIMITS.gameWork}）；请减少城市、商品、网店、期数或每期天数`,
      ),
    );
  }
  const buyers = gameBuyers(world);
  if (buyers > LIMITS.gameBuyers) {
    problems.push(
      problem(
        '$.demand',
        `the game would have about ${Math.round(buyers)} buyers (demand × rounds, with events and the fluctuation's maximum), more than ${LIMITS.gameBuyers}; lower the demand or the event multipliers`,
        `游戏将有约 ${Math.round(buyers)} 位买家（需求 × 期数，计入事件和最大波动），超过 ${LIMITS.gameBuyers}；请降低需求或事件倍数`,
      ),
    );
  }
}

/** Largest possible number of buyers in the game: every cell at its fluctuation's top, events applied. */
export function gameBuyers(world: World): number {
  const T = world.ticksPerRound;
  const top = 1 + world.rules.demandFluctuation;
  const P = world.products.length;
  let total = 0;
  // Events change demand only on their ticks: walk the ticks between event boundaries as segments.
  const bounds = new Set<number>([1, world.rounds * T + 1]);
  for (const e of world.events) {
    bounds.add(Math.max(1, Math.min(e.fromTick, world.rounds * T + 1)));
    bounds.add(Math.max(1, Math.min(e.toTick + 1, world.rounds * T + 1)));
  }
  const cuts = [...bounds].sort((a, b) => a - b);
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i]!;
    const ticks = cuts[i + 1]! - from;
    for (let cell = 0; cell < world.demand.length; cell++) {
      const d = world.demand[cell]!;
      const c = Math.floor(cell / P);
      const p = cell % P;
      for (let k = 0; k < CROWD_COUNT; k++) {
        const n = d.perRound[k]!;
        if (n === 0) continue;
        // The round's buyers spread evenly over its ticks; an event multiplies those of its ticks.
        total += ((n * top) / T) * ticks * eventMultiplier(world.events, from, c, p, k);
      }
    }
    if (total > LIMITS.gameBuyers * 10) return total; // far past the bound: no need to count further
  }
  return total;
}
