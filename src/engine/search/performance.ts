/**
 * What search remembers from a round (course §7): each product's performance (0–100), which
 * feeds next round's organic position, and each ad's click-through history, which feeds its
 * quality score.
 */
import type { GameState, World } from '../model';

/**
 * Product performance = 100 × (0.5 × units / the best seller's units of that product
 * + 0.3 × review score / 20 (0..1) + 0.2 × conversion (orders / visits, ≤ 1)).
 */
export function searchRoundEnd(world: World, state: GameState): void {
  const P = world.products.length;
  const K = world.keywords.length;
  const mem = world.rules.search.qualityMemory;
  for (let p = 0; p < P; p++) {
    let best = 0;
    for (const shop of state.shops) best = Math.max(best, shop.ledger.search.unitsByProduct[p]!);
    for (const shop of state.shops) {
      const l = shop.ledger;
      const sales = best > 0 ? l.search.unitsByProduct[p]! / best : 0;
      const review = Math.max(0, Math.min(1, shop.reviewScore[p]! / 20));
      const conversion = l.visits > 0 ? Math.min(1, l.orders / l.visits) : 0;
      shop.search.performance[p] = Math.round(100 * (0.5 * sales + 0.3 * review + 0.2 * conversion) * 100) / 100;
    }
  }
  for (const shop of state.shops) {
    const l = shop.ledger.search;
    for (let i = 0; i < P * K; i++) {
      const seen = l.adImpressionsBy[i]!;
      if (seen === 0) continue;
      shop.search.adCtr[i] = shop.search.adCtr[i]! * mem + (l.adClicksBy[i]! / seen) * (1 - mem);
    }
  }
}
