/** Every movement of a shop's cash goes through these two functions, so cash = revenue − costs. */
import { COST_KINDS, type CostKind, type ShopState } from './model';

const COST_INDEX: Record<CostKind, number> = Object.fromEntries(COST_KINDS.map((k, i) => [k, i])) as Record<CostKind, number>;

export function bookCost(shop: ShopState, kind: CostKind, fen: number): void {
  // Stryker disable next-line ConditionalExpression: equivalent (booking 0 fen changes nothing; the early return only saves the work)
  if (fen === 0) return;
  shop.cashFen -= fen;
  shop.ledger.costsFen[COST_INDEX[kind]]! += fen;
}

export function bookRevenue(shop: ShopState, fen: number): void {
  shop.cashFen += fen;
  shop.ledger.revenueFen += fen;
}
