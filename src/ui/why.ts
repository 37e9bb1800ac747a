/**
 * Why the buyers went where they went in a round: for each city and crowd, what the player sold,
 * who sold the most, and how the player's offer compared on what that crowd ranks by (domain.md
 * §4; the keys come from each crowd's file): price rank, review score, city influence, composite
 * index; then stock and delivery.
 */
import { CROWD_COUNT, CROWD_RANKING_KEYS, crowdSearchDepths, LOST_REASON_COUNT, OUT_OF_STOCK, type GameState, type TickFlows, type World } from '../engine';
import { rowOutcomes, type RowOutcome } from './outcome';

export type Factor =
  | { kind: 'noListing' }
  | { kind: 'priceRank'; product: number; rank: number; of: number; mineFen: number; bestFen: number }
  | { kind: 'review'; mine: number; theirs: number; rival: number }
  | { kind: 'influence'; mine: number; theirs: number; rival: number }
  | { kind: 'index'; mine: number; theirs: number; rival: number }
  /** mean organic search position of the product in the city (0: nobody searched for it), for a crowd that sees only the first `depth` results */
  | { kind: 'searchRank'; product: number; mine: number; theirs: number; rival: number; depth: number }
  /** the player's stock for this city ran out on `day`; `lostHere` buyers in the city found every offer sold out */
  | { kind: 'soldOut'; product: number; day: number; lostHere: number }
  /** listed, but no stock that reaches the city in time all round */
  | { kind: 'noStock'; product: number }
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
  /**
   * the rival the factors compare with: the winner, or, when the player won, the rival who sold
   * the most here (the runner-up); -1 when there is no rival trading
   */
  rival: number;
  factors: Factor[];
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Mean product review score of a shop (one decimal). */
export function meanReview(scores: readonly number[]): number {
  return Math.round(mean(scores) * 10) / 10;
}

/**
 * `before` is the state the round started from, `after` the state it ended in (its last report is
 * the round's). Listings, review scores and the index are read from the round's report. With the
 * round's tick flows, a listing that ran out names the day; without them only a listing that had
 * no stock at all is named.
 */
export function explainRound(world: World, before: GameState, after: GameState, player: number, flows: readonly TickFlows[] = []): WhyRow[] {
  const report = after.reports[after.reports.length - 1];
  if (!report || player < 0) return [];
  const C = world.cities.length;
  const P = world.products.length;
  const S = report.shops.length;
  const me = report.shops[player]!;
  const outcomes: RowOutcome[] = rowOutcomes(world, after, flows, player);
  const depths = crowdSearchDepths(world.rules);
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
      // Compare with the winner; when the player won, with the best rival here (never with oneself).
      let rivalShop = winner >= 0 && winner !== player ? winner : -1;
      if (rivalShop < 0) {
        let most = -1;
        for (let s = 0; s < S; s++) {
          if (s === player || report.shops[s]!.bankrupt) continue;
          const u = report.shops[s]!.soldByCityCrowd[c * CROWD_COUNT + k]!;
          if (u > most) {
            most = u;
            rivalShop = s;
          }
        }
      }
      const rival = rivalShop >= 0 ? report.shops[rivalShop]! : null;
      const factors: Factor[] = [];
      const listed = markets.filter((p) => me.listings[c * P + p]);
      if (listed.length === 0) factors.push({ kind: 'noListing' });
      else {
        // What this crowd ranks by, most important first, as its crowd file declares it; compared
        // with the rival (never with the student themselves).
        for (const key of CROWD_RANKING_KEYS[k]!) {
          if (key === 'price') {
            for (const p of listed) factors.push(priceRank(report.shops.map((x) => x.listings[c * P + p] ?? null), report.shops.map((x) => x.bankrupt), player, p));
          } else if (rival && key === 'index') {
            factors.push({ kind: 'index', mine: me.index, theirs: rival.index, rival: rivalShop });
          } else if (rival) {
            factors.push({ kind: 'review', mine: meanReview(me.reviewScore), theirs: meanReview(rival.reviewScore), rival: rivalShop });
            if (key === 'reviewAndInfluence') factors.push({ kind: 'influence', mine: me.cityInfluence[c]!, theirs: rival.cityInfluence[c]!, rival: rivalShop });
          }
        }
        // A crowd that looks only at the first results (as its crowd file says): where search put the offer.
        if (rival && Number.isFinite(depths[k]!)) {
          for (const p of listed) factors.push({ kind: 'searchRank', product: p, mine: me.searchRank[c * P + p]!, theirs: rival.searchRank[c * P + p]!, rival: rivalShop, depth: depths[k]! });
        }
        const slow = deliveryTicks(world, before, after, player, c);
        const deadline = Math.min(...markets.map((p) => world.demand[c * P + p]!.deadlineTicks));
        if (slow !== null && slow > deadline) factors.push({ kind: 'tooSlow', ticks: slow, deadline });
        const lostHere = report.lostByReason[c * LOST_REASON_COUNT + OUT_OF_STOCK]!;
        for (const p of listed) {
          const o = outcomes.find((x) => x.c === c && x.p === p);
          if (o?.sellOutDay != null) factors.push({ kind: 'soldOut', product: p, day: o.sellOutDay, lostHere });
          else if (o && o.units === 0 && stockReaching(world, before, player, c, p, deadline) === 0 && stockReaching(world, after, player, c, p, deadline) === 0) factors.push({ kind: 'noStock', product: p });
        }
      }
      rows.push({ city: c, crowd: k, buyers, mine, total, lost: report.lost[c * CROWD_COUNT + k]!, winner, winnerUnits, rival: rivalShop, factors });
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

/** Units of product p in warehouses that reach city c in time, in a state. */
function stockReaching(world: World, after: GameState, s: number, c: number, p: number, deadline: number): number {
  const C = world.cities.length;
  const P = world.products.length;
  let n = 0;
  for (let w = 0; w < C; w++) if (world.deliveryTicks[w * C + c]! <= deadline) n += after.shops[s]!.stock[w * P + p]!;
  return n;
}
