/**
 * A guided first game: a first-time player finds the tutorial chosen on the start screen, and in
 * the tutorial a coach mark per step says what to look at, what to change and why. The tour can
 * be skipped at any step; where it got to (or that it was skipped) is remembered in the browser.
 */
import { h } from './dom';
import { t, type Key } from './i18n';
import type { Screen } from './store';

export const TOUR_KEY = 'shopsim.tour.v1';
export const TUTORIAL_ID = 'tutorial';

interface TourState {
  /** skipped or finished */
  done: boolean;
  /** steps already read */
  seen: string[];
}

export interface Step {
  id: string;
  screen: Screen;
  /** CSS selector of the element the step points at */
  target: string;
  title: Key;
  body: Key;
}

export const STEPS: readonly Step[] = [
  { id: 'plan-forecast', screen: 'plan', target: '[data-testid="forecast"]', title: 'tourForecastTitle', body: 'tourForecastBody' },
  { id: 'plan-price', screen: 'plan', target: '[data-testid="listing:0:price"]', title: 'tourPriceTitle', body: 'tourPriceBody' },
  { id: 'plan-restock', screen: 'plan', target: '[data-testid="restock:0:quantity"]', title: 'tourRestockTitle', body: 'tourRestockBody' },
  { id: 'plan-play', screen: 'plan', target: '[data-testid="play-round"]', title: 'tourPlayTitle', body: 'tourPlayBody' },
  { id: 'watch-scene', screen: 'watch', target: '[data-testid="scene"]', title: 'tourWatchTitle', body: 'tourWatchBody' },
  { id: 'review-coach', screen: 'review', target: '[data-testid="coach"]', title: 'tourCoachTitle', body: 'tourCoachBody' },
  { id: 'review-why', screen: 'review', target: '[data-testid="why-table"]', title: 'tourWhyTitle', body: 'tourWhyBody' },
];

function read(): TourState {
  try {
    const v = JSON.parse(localStorage.getItem(TOUR_KEY) ?? 'null') as Partial<TourState> | null;
    return { done: v?.done === true, seen: Array.isArray(v?.seen) ? v.seen.filter((x): x is string => typeof x === 'string') : [] };
  } catch {
    return { done: false, seen: [] };
  }
}

function write(s: TourState): void {
  try {
    localStorage.setItem(TOUR_KEY, JSON.stringify(s));
  } catch {
    // not remembered; the tour still works this time
  }
}

/** No saved game yet: this browser has not played a round (skipping the hints does not count). */
export function isFirstTime(hasSaves: boolean): boolean {
  return !hasSaves;
}

export function tourDone(): boolean {
  return read().done;
}

let box: HTMLElement | null = null;
let marked: Element | null = null;

function clear(): void {
  box?.remove();
  box = null;
  marked?.classList.remove('coachmark-target');
  marked = null;
}

/**
 * Shows the next unread step of this screen (tutorial games only), or nothing. Returns the step
 * shown. Called after every screen mount.
 */
export function showCoachMarks(screen: Screen, scenarioId: string | null, announce: (text: string) => void): Step | null {
  clear();
  if (scenarioId !== TUTORIAL_ID) return null;
  const state = read();
  if (state.done) return null;
  const step = STEPS.find((s) => s.screen === screen && !state.seen.includes(s.id));
  if (!step) return null;
  const target = document.querySelector(step.target);
  const index = STEPS.indexOf(step);
  const next = () => {
    const s = read();
    if (!s.seen.includes(step.id)) s.seen.push(step.id);
    if (s.seen.length >= STEPS.length) s.done = true;
    write(s);
    const shown = showCoachMarks(screen, scenarioId, announce);
    if (!shown) target instanceof HTMLElement ? target.focus() : null;
  };
  const skip = () => {
    write({ ...read(), done: true });
    clear();
    announce(t('tourSkipped'));
  };
  target?.classList.add('coachmark-target');
  if (target instanceof HTMLElement) target.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  marked = target;
  box = h(
    'aside',
    { className: 'coachmark', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'coachmark-h', 'data-testid': 'coachmark', 'data-step': step.id },
    h('h3', { id: 'coachmark-h' }, `${t('tourStep', { n: index + 1, of: STEPS.length })} · ${t(step.title)}`),
    h('p', {}, t(step.body)),
    h(
      'div',
      { className: 'coachmark-actions' },
      h('button', { type: 'button', 'data-testid': 'tour-skip', onclick: skip }, t('tourSkip')),
      h('button', { type: 'button', className: 'primary', 'data-testid': 'tour-next', onclick: next }, t('tourNext')),
    ),
  );
  document.body.append(box);
  return step;
}

export function hideCoachMarks(): void {
  clear();
}
