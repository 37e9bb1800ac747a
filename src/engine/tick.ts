/**
 * One tick (one simulated day) is this fixed chain of stages. Read it to learn the game's day:
 * goods arrive, parcels reach buyers, each product's market is held (buyers choose and orders are
 * filled), service agents answer the day's inquiries, bankrupt shops stop.
 */
import type { RoundContext } from './context';
import { beginProduct, newProductMarket, type ProductMarket } from './market';
import { allocate } from './stages/allocate';
import { checkBankruptcy } from './stages/bankruptcy';
import { buyers } from './stages/buyers';
import { choose } from './stages/choose';
import { dispatch } from './stages/dispatch';
import { arrivals, deliveries } from './stages/fulfil';
import { offers } from './stages/offers';
import { search } from './stages/search';
import { service } from './stages/service';

/**
 * The market of one product on one tick (course §4, §7): collect, then resolve. Who comes; what
 * every shop offers (a snapshot); what a search shows; each crowd ranks what it saw; buyers in a
 * seeded order take stock down their rankings; the tick's sales ship. A stage that returns false
 * ends the product's market for the tick (nobody came); what any other stage returns is not read.
 */
export const MARKET_STAGES: readonly { name: string; run: (m: ProductMarket) => unknown }[] = [
  { name: 'buyers', run: buyers },
  { name: 'offers', run: offers },
  { name: 'search', run: search },
  { name: 'choose', run: choose },
  { name: 'allocate', run: allocate },
  { name: 'dispatch', run: dispatch },
];

/** Each product's market in turn, through MARKET_STAGES. */
export function market(ctx: RoundContext): void {
  const m = (ctx.market ??= newProductMarket(ctx.world, ctx.state.shops.length));
  for (let p = 0; p < ctx.world.products.length; p++) {
    beginProduct(m, ctx, p);
    for (const stage of MARKET_STAGES) if (stage.run(m) === false) break;
  }
}

export const TICK_STAGES: readonly { name: string; run: (ctx: RoundContext) => void }[] = [
  { name: 'arrivals', run: arrivals },
  { name: 'deliveries', run: deliveries },
  { name: 'market', run: market },
  { name: 'service', run: service },
  { name: 'bankruptcy', run: checkBankruptcy },
];

export function runTick(ctx: RoundContext): void {
  for (const stage of TICK_STAGES) stage.run(ctx);
}
