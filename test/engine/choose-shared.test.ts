import { describe, expect, it } from 'vitest';
import { hesitantUtility } from '../../src/engine/crowds/hesitant';
import type { Offer, RankContext } from '../../src/engine/crowds/offer';
import type { ProductMarket } from '../../src/engine/market';
import { CROWD_COUNT, HESITANT } from '../../src/engine/model';
import { MARKET_STAGES } from '../../src/engine/tick';
import { builtinScenario } from '../../src/scenario/builtin';
import { loadScenario } from '../../src/scenario/load';
import { playGame } from '../../src/sim/game';

/**
 * Choose makes a ranking once and reads it again where the result cannot differ: the composite
 * crowd's ranking of a page that lists every offer (the same total order on every page), a
 * hesitant utility per offer, quantity and returning flag within a city's tick. A ranking is made
 * when its first buyer comes, in the middle of the tick. Every ranking made must be what the
 * crowd's own rank gives for that page and quantity, made afresh after all the tick's buyers have
 * taken stock, flash-sale units and coupons: a ranking reads only what the snapshot fixed.
 */
function checkRankings(m: ProductMarket): { rankings: number; shared: number } {
  const pages = m.pagesPerCity;
  let rankings = 0;
  let shared = 0;
  for (let c = 0; c < m.C; c++) {
    const city = m.cities[c]!;
    const dist = m.world.demand[c * m.P + m.p]!.quantities;
    const nQ = dist.length;
    const base = pages * nQ * CROWD_COUNT;
    const seenArrays = new Set<Offer[]>();
    for (let u = 0; u < city.usedCount; u++) {
      const key = city.used[u]!;
      const returning = key >= base;
      const k = returning ? HESITANT : key % CROWD_COUNT;
      const searching = m.depths[k] !== Infinity;
      const page = returning ? Math.floor((key - base) / nQ) : searching ? Math.floor(key / (nQ * CROWD_COUNT)) : -1;
      const qi = returning ? (key - base) % nQ : Math.floor(key / CROWD_COUNT) % nQ;
      const ctx: RankContext = { quantity: dist[qi]!.quantity, referenceFen: city.referenceFen, capFen: city.capFen, returning };
      const seen = page < 0 ? city.offers : city.pages[page]!.order.slice(0, m.depths[k]);
      const made = city.rankings[key]!;
      if (seenArrays.has(made)) shared++;
      seenArrays.add(made);
      // Utilities as the crowd computes them, before its own rank overwrites the offers' fields.
      const utilities = made.map((o) => hesitantUtility(o, ctx, m.world.rules.hesitant));
      const fresh = m.crowds[k]!.rank(seen, ctx, []);
      expect(made.map((o) => o.shop), `city ${c} key ${key}`).toEqual(fresh.map((o) => o.shop));
      if (k === HESITANT) expect(Array.from(city.utilities[key]!.subarray(0, made.length))).toEqual(utilities);
      rankings++;
    }
  }
  return { rankings, shared };
}

describe('when choose reuses a ranking or a utility within a tick', () => {
  for (const id of ['classic', 'double-11', 'search', 'retention']) {
    it(`should give every ranking of ${id} exactly what the crowd ranks afresh for its page and quantity`, () => {
      const res = loadScenario(builtinScenario(id));
      if (!res.ok) throw new Error(`${id} must load`);
      const stages = MARKET_STAGES as { name: string; run: (m: ProductMarket) => unknown }[];
      const at = stages.findIndex((s) => s.name === 'allocate') + 1;
      let total = { rankings: 0, shared: 0 };
      // Checked after allocate, before dispatch clears the tick's counts.
      stages.splice(at, 0, {
        name: 'check',
        run: (m) => {
          const r = checkRankings(m);
          total = { rankings: total.rankings + r.rankings, shared: total.shared + r.shared };
        },
      });
      try {
        playGame(res.value, 3, new Map(), undefined, 2);
      } finally {
        stages.splice(at, 1);
      }
      expect(total.rankings).toBeGreaterThan(100);
      if (id === 'classic') expect(total.shared).toBeGreaterThan(0);
    });
  }
});
