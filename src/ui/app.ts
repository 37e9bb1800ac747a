/**
 * The shell: header (title, round, export, language), the current screen, and the ARIA live
 * region. Screens are mounted into <main> and re-mounted when the screen or the language changes.
 */
import { h } from './dom';
import { initialLang, local, setLang, t, type Lang } from './i18n';
import { initialDraft } from './planDraft';
import { autosave, current, isOver, roundsPlayed, toSave, type Session } from './session';
import { MAX_SLOTS, saveGame } from './saveSlots';
import { showCoachMarks } from './onboarding';
import { Store } from './store';
import { roundSummary, type App, type Mounted } from './shell';
import { mountStart } from './screens/start';
import { mountPlan } from './screens/plan';
import { mountWatch } from './screens/watch';
import { mountReview } from './screens/review';
import { mountFinal } from './screens/final';
import { DEFAULT_SCENARIO_ID } from '../sim/scenario';

export type { App, Mounted };

export function startApp(root: HTMLElement): App {
  const lang: Lang = initialLang();
  setLang(lang);
  const store = new Store({
    screen: 'start',
    lang,
    start: { selected: DEFAULT_SCENARIO_ID, file: null, fileProblems: null, importProblems: null, autosaveProblems: null, seedText: '', shopId: null },
    draft: null,
    watch: { speed: 4, playing: true },
    notice: null,
  });
  let session: Session | null = null;
  let mounted: Mounted | null = null;

  const header = h('header', { className: 'app-header' });
  const notice = h('div', { className: 'notice', role: 'status' });
  const main = h('main', { id: 'main', tabindex: '-1' });
  const live = h('div', { id: 'live', className: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-testid': 'live' });
  root.append(h('a', { className: 'skip-link', href: '#main' }, ''), header, notice, main, live);

  const app: App = {
    store,
    session: () => session,
    setSession(next) {
      session = next;
      renderHeader();
    },
    go(screen) {
      store.update((d) => {
        d.screen = screen;
      });
    },
    announce(text) {
      // Re-setting the same text would not be announced again; clear first.
      live.textContent = '';
      window.setTimeout(() => (live.textContent = text), 50);
    },
    exportSave() {
      if (!session) return;
      const save = toSave(session);
      const blob = new Blob([`${JSON.stringify(save, null, 2)}\n`], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = h('a', { href: url, download: `shopsim-${session.world.id}-seed${session.seed}-round${roundsPlayed(session)}.json` });
      document.body.append(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
    afterRound(next) {
      session = next;
      // The game's own save slot (a new one after a new game's first round); when every slot is
      // taken, the game is kept as the latest autosave only and the student is told.
      const slot = saveGame(next, t('slotNewName', { scenario: local(next.world.name), date: new Date().toLocaleDateString(store.state.lang === 'zh' ? 'zh-CN' : 'en-GB') }));
      const saved = slot.ok ? slot : autosave(next);
      store.update((d) => {
        d.notice = !slot.ok && slot.error === 'full' ? { kind: 'error', text: t('slotsFull', { max: MAX_SLOTS }) } : saved.ok ? { kind: 'info', text: t('saved', { round: roundsPlayed(next) }) } : { kind: 'error', text: t('autosaveFailed', { error: saved.error }) };
        d.draft = isOver(next) ? null : initialDraft(next, current(next));
        d.screen = 'watch';
      });
      renderHeader();
      app.announce(roundSummary(next));
    },
  };

  function renderHeader(): void {
    const s = store.state;
    header.replaceChildren();
    const select = h(
      'select',
      {
        id: 'lang-select',
        'aria-label': t('language'),
        onchange: (e: Event) => {
          const v = (e.target as HTMLSelectElement).value === 'en' ? 'en' : 'zh';
          setLang(v);
          store.update((d) => {
            d.lang = v;
          });
          document.getElementById('lang-select')?.focus();
        },
      },
      h('option', { value: 'zh', selected: s.lang === 'zh' }, '中文'),
      h('option', { value: 'en', selected: s.lang === 'en' }, 'English'),
    );
    const left = h('div', { className: 'brand' }, h('span', {}, t('appTitle')));
    const mid = h('div', { className: 'status' });
    const right = h('div', { className: 'actions' });
    if (session && s.screen !== 'start') {
      const played = roundsPlayed(session);
      const shown = s.screen === 'plan' ? played + 1 : Math.max(1, played);
      mid.append(h('span', { 'data-testid': 'round-indicator' }, t('round', { round: Math.min(shown, session.world.rounds), rounds: session.world.rounds })));
      if (session.player >= 0) mid.append(h('span', {}, t('yourShop', { name: local(session.world.shops[session.player]!.name) })));
      right.append(
        h('button', { type: 'button', onclick: () => app.exportSave(), 'data-testid': 'export-save', disabled: played === 0 }, t('exportSave')),
        h('button', { type: 'button', onclick: () => app.go('start') }, t('menu')),
      );
    }
    right.append(h('label', { className: 'lang' }, h('span', {}, `${t('language')} `), select));
    header.append(left, mid, right);
    (root.querySelector('.skip-link') as HTMLElement).textContent = t('skipToContent');
    document.title = t('appTitle');
  }

  function mountScreen(): void {
    mounted?.destroy();
    mounted = null;
    main.replaceChildren();
    const s = store.state;
    const screen = !session && s.screen !== 'start' ? 'start' : s.screen;
    switch (screen) {
      case 'start':
        mounted = mountStart(main, app);
        break;
      case 'plan':
        mounted = mountPlan(main, app);
        break;
      case 'watch':
        mounted = mountWatch(main, app);
        break;
      case 'review':
        mounted = mountReview(main, app);
        break;
      case 'final':
        mounted = mountFinal(main, app);
        break;
    }
    showCoachMarks(screen, session?.world.id ?? null, (text) => app.announce(text));
    const heading = main.querySelector('h1, h2');
    if (heading instanceof HTMLElement) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
    window.scrollTo(0, 0);
  }

  function renderNotice(): void {
    const n = store.state.notice;
    notice.replaceChildren();
    notice.className = `notice ${n ? n.kind : ''}`;
    if (n) notice.append(n.text);
  }

  store.subscribe((state, prev) => {
    if (state.notice !== prev.notice) renderNotice();
    if (state.screen !== prev.screen || state.lang !== prev.lang) {
      renderHeader();
      mountScreen();
    } else mounted?.onState?.(state, prev);
  });
  renderHeader();
  mountScreen();
  return app;
}
