/**
 * One tick (one simulated day) is this fixed chain of stages. Read it to learn the game's day:
 * goods arrive, parcels reach buyers, buyers choose and orders are filled, service agents answer
 * the day's inquiries, bankrupt shops stop.
 */
import type { RoundContext } from './context';
import { checkBankruptcy } from './stages/bankruptcy';
import { arrivals, deliveries } from './stages/fulfil';
import { market } from './stages/market';
import { service } from './stages/service';

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
