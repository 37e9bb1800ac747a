/**
 * UI state, changed only through immer's `produce`: the screen, the language, the start screen's
 * choices and the plan form. The game itself (world, states) lives in the Session, which is
 * replaced whole after every round.
 */
import { produce, type Draft } from 'immer';
import type { Lang } from './i18n';
import type { PlanDraft } from './planDraft';
import type { Problem } from '../sim/scenario';

export type Screen = 'start' | 'plan' | 'watch' | 'review' | 'final';

export interface FileProblems {
  name: string;
  problems: Problem[];
}

export interface UiState {
  screen: Screen;
  lang: Lang;
  start: {
    /** a built-in scenario id, or "file" for the loaded file */
    selected: string;
    file: { name: string; scenario: unknown } | null;
    fileProblems: FileProblems | null;
    importProblems: FileProblems | null;
    autosaveProblems: Problem[] | null;
    seedText: string;
    /** the team's shop when the scenario has several player shops */
    shopId: string | null;
  };
  draft: PlanDraft | null;
  watch: { speed: 1 | 4 | 16; playing: boolean };
  /** a short message shown under the header (import done, autosave failed) */
  notice: { kind: 'info' | 'error'; text: string } | null;
}

export class Store {
  private current: UiState;
  private listeners: ((state: UiState, prev: UiState) => void)[] = [];

  constructor(initial: UiState) {
    this.current = initial;
  }

  get state(): UiState {
    return this.current;
  }

  update(recipe: (draft: Draft<UiState>) => void): void {
    const prev = this.current;
    this.current = produce(prev, recipe);
    if (this.current !== prev) for (const fn of this.listeners) fn(this.current, prev);
  }

  subscribe(fn: (state: UiState, prev: UiState) => void): () => void {
    this.listeners.push(fn);
    return () => {
      this.listeners = this.listeners.filter((f) => f !== fn);
    };
  }
}
