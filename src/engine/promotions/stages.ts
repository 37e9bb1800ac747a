/**
 * Where promotions join a round: they start with the round's decisions (a member day brings the
 * shop's fans back more often), and their reports are written at the round's end.
 */
import type { RoundContext } from '../context';
import { BRAND_LOYAL, CROWD_COUNT, type RoundDecision, type ShopRoundReport } from '../model';
import { promotionReports, startPromotions } from './round';

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
  if (ctx.promos) memberDayFans(ctx);
}

/**
 * Member day builds the visiting habit (course §8): a shop with a member day this round sees
 * more of its fans (its members) come back: fanReturnRate × memberDayReturnBoost more of those
 * still away, while the city's brand-loyal buyers of the round allow (shops in the round's order).
 */
function memberDayFans(ctx: RoundContext): void {
  const { world, state } = ctx;
  const rp = ctx.promos!;
  const C = world.cities.length;
  const P = world.products.length;
  const S = state.shops.length;
  const extraRate = world.rules.fanReturnRate * rp.rules.memberDayReturnBoost;
  if (extraRate <= 0) return;
  for (const s of state.shuffle) {
    const sp = rp.shops[s];
    if (!sp || !sp.memberDay) continue;
    const shop = state.shops[s]!;
    for (let c = 0; c < C; c++) {
      for (let p = 0; p < P; p++) {
        const cell = c * P + p;
        if (sp.byCell[cell]!.every((i) => sp.list[i]!.type !== 'memberDay')) continue;
        let due = 0;
        for (let t = 0; t < S; t++) due += ctx.fansDue[(t * C + c) * P + p]!;
        const room = state.roundDemand[cell * CROWD_COUNT + BRAND_LOYAL]! - due;
        const extra = Math.min(room, Math.floor(shop.fans[cell]! * extraRate));
        if (extra <= 0) continue;
        ctx.fansDue[(s * C + c) * P + p]! += extra;
        shop.fans[cell]! -= extra;
      }
    }
  }
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
