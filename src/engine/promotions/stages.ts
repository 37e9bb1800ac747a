/**
 * Where promotions join a round: they start with the round's decisions (then each tool may act
 * before any buyer comes: a member day brings the shop's fans back more often), and their
 * reports are written at the round's end.
 */
import type { RoundContext } from '../context';
import type { RoundDecision, ShopRoundReport } from '../model';
import { promotionReports, startPromotions } from './round';
import { TOOL_LIST as PROMOTION_TOOL_LIST } from './tools';

/** Call after the round's fans are due (ctx.fansDue) and bankruptcies are settled. */
export function beginRoundPromotions(ctx: RoundContext, decisions: readonly RoundDecision[]): void {
  const { world, state } = ctx;
  const C = world.cities.length;
  const P = world.products.length;
  ctx.promos = startPromotions(
    world.rules.promotions,
    C,
    P,
    state.shops.map((shop, s) => (shop.bankrupt ? undefined : decisions[s]?.promotions)),
  );
  if (ctx.promos) for (const tool of PROMOTION_TOOL_LIST) tool.beginRound?.(ctx);
}

/** Adds each promoting shop's promotion reports to its round report. */
export function endRoundPromotions(ctx: RoundContext, reports: ShopRoundReport[]): void {
  const rp = ctx.promos;
  if (!rp) return;
  rp.shops.forEach((sp, s) => {
    if (sp) reports[s]!.promotions = promotionReports(sp);
  });
  ctx.promos = null;
}
