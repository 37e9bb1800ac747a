/**
 * The default rubric (course §11): rank by owner's equity, sustainable operation second (a
 * bankrupt shop ranks below every shop still trading); first place gets full marks, each lower
 * place `step` fewer. Equal equity shares a rank and a score.
 */
import { equitiesFen, type GameState, type World } from '../engine';

export interface Standing {
  shop: number;
  rank: number;
  score: number;
  equityFen: number;
  bankrupt: boolean;
}

export function rankShops(world: World, state: GameState): Standing[] {
  const equities = equitiesFen(world, state);
  const rows = state.shops.map((s, i) => ({ shop: i, equityFen: equities[i]!, bankrupt: s.bankrupt }));
  const order = rows
    .slice()
    .sort((a, b) => Number(a.bankrupt) - Number(b.bankrupt) || b.equityFen - a.equityFen || world.shops[a.shop]!.id.localeCompare(world.shops[b.shop]!.id));
  const out: Standing[] = [];
  order.forEach((row, i) => {
    const prev = out[i - 1];
    const tied = prev && order[i - 1]!.equityFen === row.equityFen && order[i - 1]!.bankrupt === row.bankrupt;
    const rank = tied ? prev.rank : i + 1;
    const score = Math.max(0, world.rules.rubricFirst - world.rules.rubricStep * (rank - 1));
    out.push({ shop: row.shop, rank, score, equityFen: row.equityFen, bankrupt: row.bankrupt });
  });
  return out;
}
