/**
 * A shop whose cash falls below zero beyond the scenario's credit is bankrupt (course §10): it stops
 * trading (no listings, no restock, no marketing) and the game goes on for the others. Orders
 * already shipped are still delivered; presale orders it can no longer fill become breaches.
 */
import type { RoundContext } from '../context';

export function checkBankruptcy(ctx: RoundContext): void {
  const credit = ctx.world.rules.creditFen;
  for (const shop of ctx.state.shops) {
    if (shop.bankrupt || shop.cashFen >= -credit) continue;
    shop.bankrupt = true;
    shop.bankruptTick = Math.max(ctx.tick, ctx.startTick);
    shop.listings.fill(null);
  }
}
