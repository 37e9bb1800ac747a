/**
 * Allocate (resolve, course §4): the tick's buyers, in their seeded order, each draw the quantity
 * they want and buy as their crowd buys (crowds/*.ts): down the crowd's ranking from the first
 * offer that still has stock, or, for hesitant buyers, by a seeded choice among what they saw.
 * A buyer left with nothing is lost demand, counted with its reason.
 * The per-buyer loop works on plain arrays and numbers only.
 */
import type { BuyerTurn } from '../crowds/offer';
import type { ProductMarket } from '../market';
import { CROWD_COUNT } from '../model';
import { CROWD_SHIFT, FAN_MASK, FAN_SHIFT, PAGE_MASK, PAGE_SHIFT, RETURNING } from './buyers';

export function allocate(m: ProductMarket): void {
  const { world, P, p, crowds } = m;
  const choice = m.choice;
  const quantities = world.demand;
  const codes = m.buyers;
  m.visits.fill(0);
  const turn: BuyerTurn = { city: m.cities[0]!, ranking: [], key: 0, c: 0, k: 0, quantity: 0, fan: -1, returning: false, keyword: -1 };
  const rules = world.rules;
  const searching = crowds.map((x) => x.searchDepth(rules) !== Infinity);
  const pages = m.pagesPerCity;
  for (let b = 0; b < m.n; b++) {
    const code = codes[b]!;
    const c = code & 0xff;
    const k = (code >> CROWD_SHIFT) & 7;
    const city = m.cities[c]!;
    const dist = quantities[c * P + p]!.quantities;
    let qi = 0;
    if (dist.length > 1) {
      const u = choice.next();
      let acc = 0;
      for (qi = 0; qi < dist.length - 1; qi++) {
        acc += dist[qi]!.weight;
        if (u < acc) break;
      }
    }
    const returning = (code & RETURNING) !== 0;
    const nQ = dist.length;
    const page = searching[k] ? (code >> PAGE_SHIFT) & PAGE_MASK : -1;
    // Returning potential customers see the coupons aimed at them: their own ranking, after the others.
    const key =
      page < 0 ? qi * CROWD_COUNT + k : returning && city.potentialCoupon ? pages * nQ * CROWD_COUNT + page * nQ + qi : (page * nQ + qi) * CROWD_COUNT + k;
    turn.city = city;
    turn.ranking = city.rankings[key]!;
    turn.key = key;
    turn.c = c;
    turn.k = k;
    turn.quantity = dist[qi]!.quantity;
    turn.fan = ((code >> FAN_SHIFT) & FAN_MASK) - 1;
    turn.returning = returning;
    turn.keyword = page < 0 ? -1 : page >> 1;
    m.tried = false;
    crowds[k]!.buy(m, turn);
  }
}
