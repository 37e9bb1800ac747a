export * from './model';
export * from './money';
export { createInitialState } from './state';
export { playRound, type RoundOptions } from './round';
export type { TickFlows } from './context';
export { hashValue, canonicalJson } from './hash';
export { equityFen, unitsOwned, dsrOf } from './stages/roundEnd';
export { TICK_STAGES } from './tick';
