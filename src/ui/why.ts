/**
 * Why the buyers went where they went in a round: for each city and crowd, what the player sold,
 * who sold the most, and how the player's offer compared on what that crowd ranks by (domain.md
 * §4; the keys come from each crowd's file): price rank, review score, city influence, composite
 * index; then stock and delivery.
 */
import { CROWD_COUNT, CROWD_RANKING_KEYS, type GameState, type World } from '../engine';

export type Factor =
  | { kind: 'noListing' }
  | { kind: 'priceRank'; product: number; rank: number; of: number; mineFen: number; bestFen: number }
  | { kind: 'review'; mine: number; theirs: number }
  | { kind: 'influence'; mine: number; theirs: number }
  | { kind: 'index'; mine: number; theirs: number }
  | { kind: 'outOfStock'; product: number }
  | { kind: 'tooSlow'; ticks: number; deadline: number };

export interface WhyRow {
  city: number;
  crowd: number;
  buyers: number;
  mine: number;
  total: number;
  lost: number;
  /** shop that sold the most units to this crowd here (-1: nobody) */
  winner: number;
  winnerUnits: number;
  factors: Factor[];
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Mean product review score of a shop (one decimal). */
export function meanReview(scores: readonly number[]): number {
  return Math.round(mean(scores) * 10) / 10;
}

/**
 * `before` is the state the round started from, `after` the state it ended in (its last report is
 * the round's). Listings, review scores and the index are read from the round's report.
 */
export function explainRound(world: World, before: GameState, after: GameState, player: number): WhyRow[] {
  const report = after.reports[after.reports.length - 1];
  if (!report || player < 0) return [];
  const C = world.cities.length;
  const P = world.products.length;
  const S = report.shops.length;
  const me = report.shops[player]!;
  const rows: WhyRow[] = [];
  for (let c = 0; c < C; c++) {
    const markets = world.products.map((_, p) => p).filter((p) => world.products[p]!.referencePriceFen[c]! > 0);
    for (let k = 0; k < CROWD_COUNT; k++) {
      let buyers = 0;
      for (let p = 0; p < P; p++) buyers += report.demand[(c * P + p) * CROWD_COUNT + k]!;
      if (buyers === 0) continue;
      let total = 0;
      let winner = -1;
      let winnerUnits = 0;
      for (let s = 0; s < S; s++) {
        const u = report.shops[s]!.soldByCityCrowd[c * CROWD_COUNT + k]!;
        total += u;
        if (u > winnerUnits) {
          winnerUnits = u;
          winner = s;
        }
      }
      const mine = me.soldByCityCrowd[c * CROWD_COUNT + k]!;
      const rival = winner >= 0 && winner !== player ? report.shops[winner]! : null;
      const factors: Factor[] = [];
      const listed = markets.filter((p) => me.listings[c * P + p]);
      if (listed.length === 0) factors.push({ kind: 'noListing' });
      else {
        // What this crowd ranks by, most important first, as its crowd file declares it.
        const theirs = <T>(mine: T, of: (x: typeof me) => T): T => (rival ? of(rival) : mine);
        for (const key of CROWD_RANKING_KEYS[k]!) {
          if (key === 'price') {
            for (const p of listed) factors.push(priceRank(report.shops.map((x) => x.listings[c * P + p] ?? null), report.shops.map((x) => x.bankrupt), player, p));
          } else if (key === 'index') {
            factors.push({ kind: 'index', mine: me.index, theirs: theirs(me.index, (x) => x.index) });
          } else {
            const mineReview = meanReview(me.reviewScore);
            factors.push({ kind: 'review', mine: mineReview, theirs: theirs(mineReview, (x) => meanReview(x.reviewScore)) });
            if (key === 'reviewAndInfluence') factors.push({ kind: 'influence', mine: me.cityInfluence[c]!, theirs: theirs(me.cityInfluence[c]!, (x) => x.cityInfluence[c]!) });
          }
        }
        const slow = deliveryTicks(world, before, after, player, c);
        const deadline = Math.min(...markets.map((p) => world.demand[c * P + p]!.deadlineTicks));
        if (slow !== null && slow > deadline) factors.push({ kind: 'tooSlow', ticks: slow, deadline });
        for (const p of listed) if (stockReaching(world, after, player, c, p, deadline) === 0) factors.push({ kind: 'outOfStock', product: p });
      }
      rows.push({ city: c, crowd: k, buyers, mine, total, lost: report.lost[c * CROWD_COUNT + k]!, winner, winnerUnits, factors });
    }
  }
  return rows;
}

function priceRank(
  listings: readonly ({ priceFen: number; shippingFen: number; sellerPaysShipping: boolean } | null)[],
  bankrupt: readonly boolean[],
  player: number,
  product: number,
): Factor {
  const total = (l: { priceFen: number; shippingFen: number; sellerPaysShipping: boolean }) => l.priceFen + (l.sellerPaysShipping ? 0 : l.shippingFen);
  const mineL = listings[player]!;
  const mineFen = total(mineL);
  let rank = 1;
  let of = 0;
  let bestFen = mineFen;
  listings.forEach((l, s) => {
    if (!l || bankrupt[s]) return;
    of++;
    const t = total(l);
    if (t < mineFen) rank++;
    if (t < bestFen) bestFen = t;
  });
  return { kind: 'priceRank', product, rank, of, mineFen, bestFen };
}

/** Fastest delivery (ticks) from a warehouse of the shop to city c, or null without warehouses. */
function deliveryTicks(world: World, before: GameState, after: GameState, s: number, c: number): number | null {
  const C = world.cities.length;
  let best: number | null = null;
  for (let w = 0; w < C; w++) {
    if (!before.shops[s]!.warehouses[w] && !after.shops[s]!.warehouses[w]) continue;
    const t = world.deliveryTicks[w * C + c]!;
    if (best === null || t < best) best = t;
  }
  return best;
}

/** Units of product p left at the round's end in warehouses that reach city c in time. */
function stockReaching(world: World, after: GameState, s: number, c: number, p: number, deadline: number): number {
  const C = world.cities.length;
  const P = world.products.length;
  let n = 0;
  for (let w = 0; w < C; w++) if (world.deliveryTicks[w * C + c]! <= deadline) n += after.shops[s]!.stock[w * P + p]!;
  return n;
}
