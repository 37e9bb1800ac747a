/**
 * What the screens need of the shell (`app.ts`), in a module of its own so that the screens and
 * the shell do not import each other: the shell mounts the screens, the screens see it as `App`.
 */
import { formatYuan } from '../engine';
import { rankShops } from '../sim/scoring';
import { t } from './i18n';
import { current, type Session } from './session';
import type { Screen, Store, UiState } from './store';

export interface Mounted {
  destroy(): void;
  onState?(state: UiState, prev: UiState): void;
}

export interface App {
  store: Store;
  session(): Session | null;
  /** installs a new session (new game, continue, import, a round played) */
  setSession(next: Session): void;
  go(screen: Screen): void;
  announce(text: string): void;
  exportSave(): void;
  /** after a round: autosave, then the Watch screen */
  afterRound(next: Session): void;
}

/** The round just played in one sentence (Review shows it, the shell announces it). */
export function roundSummary(session: Session): string {
  const state = current(session);
  const report = state.reports[state.reports.length - 1];
  if (!report || session.player < 0) return '';
  const me = report.shops[session.player]!;
  const rank = rankShops(session.world, state).find((r) => r.shop === session.player)!.rank;
  const yuan = (fen: number) => formatYuan(fen);
  return t('roundSummary', { round: report.round, revenue: yuan(me.revenueFen), profit: yuan(me.profitFen), cash: yuan(me.cashFen), rank, shops: report.shops.length });
}
