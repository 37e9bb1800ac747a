/**
 * The students' class page (/class): join with the class id and a join code, then the game's own
 * plan, watch and review screens on the class market. "Play the round" on the plan screen submits
 * the round to the server instead of playing it; the team then waits for the teacher, and when
 * the round is played the page replays it from the class's save. The seat (class, token) is kept
 * in this browser, so a reload resumes; on another computer the join code does the same.
 */
import { h } from '../dom';
import { initialLang, setLang, t, type Lang } from '../i18n';
import { initialDraft } from '../planDraft';
import { current, roundsPlayed, type RoundEntry, type Session } from '../session';
import { Store, type Screen } from '../store';
import type { App, Mounted } from '../shell';
import { mountPlan } from '../screens/plan';
import { mountWatch } from '../screens/watch';
import { mountReview } from '../screens/review';
import { mountFinal } from '../screens/final';
import { DEFAULT_SCENARIO_ID } from '../../sim/scenario';
import { call, saveBlob, type ClassInfo, type StandingsAnswer } from './api';
import { sessionFromClassSave } from './classSession';
import { announcementsOf, deadlineText, leaderboard, problemList } from './shared';
import './classroom.css';

const SEAT_KEY = 'shopsim.class.v1';
const POLL_MS = 2500;

interface Seat {
  classId: string;
  teamToken: string;
  shop: string;
  name: string;
}

function readSeat(): Seat | null {
  try {
    const v = JSON.parse(localStorage.getItem(SEAT_KEY) ?? 'null') as Seat | null;
    return v && typeof v.teamToken === 'string' ? v : null;
  } catch {
    return null;
  }
}

function writeSeat(seat: Seat | null): void {
  try {
    if (seat) localStorage.setItem(SEAT_KEY, JSON.stringify(seat));
    else localStorage.removeItem(SEAT_KEY);
  } catch {
    // not remembered: the join code resumes the team anyway
  }
}

type Mode = 'join' | 'loading' | 'wait' | 'game';

export function startStudentApp(root: HTMLElement): void {
  const lang: Lang = initialLang();
  setLang(lang);
  const store = new Store({
    screen: 'plan',
    lang,
    start: { selected: DEFAULT_SCENARIO_ID, file: null, fileProblems: null, importProblems: null, autosaveProblems: null, seedText: '', shopId: null },
    draft: null,
    watch: { speed: 4, playing: true },
    notice: null,
  });
  let seat = readSeat();
  let mode: Mode = seat ? 'loading' : 'join';
  let session: Session | null = null;
  let info: ClassInfo | null = null;
  let standings: StandingsAnswer | null = null;
  let mounted: Mounted | null = null;
  let joinError: { text: string; problems: HTMLElement | null } | null = null;
  let timer: number | null = null;

  const header = h('header', { className: 'app-header' });
  const bar = h('div', { className: 'class-bar', 'data-testid': 'class-bar', role: 'status' });
  const notice = h('div', { className: 'notice', role: 'status' });
  const main = h('main', { id: 'main', tabindex: '-1' });
  const aside = h('aside', { className: 'class-aside' });
  const live = h('div', { id: 'live', className: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-testid': 'live' });
  root.append(h('a', { className: 'skip-link', href: '#main' }, ''), header, bar, notice, main, aside, live);

  const setNotice = (kind: 'info' | 'error', text: string, extra: HTMLElement | null = null) => {
    notice.replaceChildren(text, ...(extra ? [extra] : []));
    notice.className = `notice ${kind}`;
  };
  const clearNotice = () => {
    notice.replaceChildren();
    notice.className = 'notice';
  };

  const app: App = {
    store,
    session: () => session,
    setSession(next) {
      session = next;
    },
    go(screen: Screen) {
      store.update((d) => {
        d.screen = screen;
      });
    },
    announce(text) {
      live.textContent = '';
      window.setTimeout(() => (live.textContent = text), 50);
    },
    exportSave() {
      void exportDecisions();
    },
    // The plan screen played the round locally (with the same validator); in a class the round
    // is the teacher's to play, so the team's entry is submitted instead.
    afterRound(next) {
      void submitRound(next);
    },
  };

  async function submitRound(next: Session): Promise<void> {
    if (!seat || !session || !info?.round) return;
    const round = roundsPlayed(session) + 1;
    const entry = next.decisions?.rounds.find((r) => r.round === round);
    if (!entry) return;
    const res = await call<{ round: number }>('PUT', `/api/classes/${seat.classId}/decisions`, { token: seat.teamToken, body: entry });
    if (!res.ok) {
      setNotice('error', t('classSubmitFailed', { error: res.error }), problemList(res.problems));
      await refresh();
      return;
    }
    setNotice('info', t('classSubmitted', { round }));
    app.announce(t('classSubmitted', { round }));
    mode = 'wait';
    await refresh();
    render();
  }

  async function exportDecisions(): Promise<void> {
    if (!seat || !session?.decisions) return;
    const open = await call<{ round: number | null; decisions: RoundEntry | null }>('GET', `/api/classes/${seat.classId}/decisions?open`, { token: seat.teamToken });
    const rounds: unknown[] = [...session.decisions.rounds];
    let upTo = roundsPlayed(session);
    if (open.ok && open.value.decisions) {
      rounds.push(open.value.decisions);
      upTo = open.value.round ?? upTo;
    }
    const file = { ...session.decisions, rounds };
    saveBlob(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' }), `shopsim-${seat.classId}-${seat.shop}-round${upTo}.json`);
  }

  /** Reads the class's status; when a round was played since, reloads the game from the class save. */
  async function refresh(): Promise<void> {
    if (!seat) return;
    const res = await call<ClassInfo>('GET', `/api/classes/${seat.classId}`, { token: seat.teamToken });
    if (!res.ok) {
      if (res.status === 401 || res.status === 403 || res.status === 404) {
        writeSeat(null);
        seat = null;
        session = null;
        mode = 'join';
        joinError = { text: t('joinFailed', { error: res.error }), problems: null };
        render();
      } else setNotice('error', t('classConnectionLost'));
      return;
    }
    if (notice.textContent === t('classConnectionLost')) clearNotice();
    const before = info;
    info = res.value;
    const played = session ? roundsPlayed(session) : -1;
    if (!session || info.roundsPlayed !== played) {
      const [save, st] = await Promise.all([
        call<unknown>('GET', `/api/classes/${seat.classId}/save`, { token: seat.teamToken }),
        call<StandingsAnswer>('GET', `/api/classes/${seat.classId}/standings`, { token: seat.teamToken }),
      ]);
      if (!save.ok || !st.ok) return setNotice('error', t('classConnectionLost'));
      const loaded = sessionFromClassSave(save.value, seat.shop);
      if (!loaded.ok) return setNotice('error', t('joinFailed', { error: loaded.problems.map((p) => `${p.path}: ${p.message}`).join('; ') }));
      const first = !session;
      session = loaded.value;
      standings = st.value;
      store.update((d) => {
        d.draft = info!.over ? null : initialDraft(session!, current(session!));
      });
      if (first) home();
      else {
        // A round was played: watch it, then review it with the class leaderboard.
        mode = 'game';
        setNotice('info', t('classRoundPlayed', { round: info.roundsPlayed }));
        app.announce(t('classRoundPlayed', { round: info.roundsPlayed }));
        if (store.state.screen === 'watch') render();
        else app.go('watch');
      }
    } else if (mode === 'wait' && before && !info.over && info.you.role === 'team' && !info.you.submitted) {
      home();
    }
    renderBar();
    renderAside();
  }

  /** Where a team resumes: waiting when it has submitted, else planning; the final screen at the end. */
  function home(): void {
    if (!info || !session) return;
    if (info.over) {
      mode = 'game';
      if (store.state.screen !== 'final') app.go('final');
      else render();
      return;
    }
    mode = info.you.role === 'team' && info.you.submitted ? 'wait' : 'game';
    if (mode === 'game' && store.state.screen !== 'plan') app.go('plan');
    else render();
  }

  function renderHeader(): void {
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
        },
      },
      h('option', { value: 'zh', selected: store.state.lang === 'zh' }, '中文'),
      h('option', { value: 'en', selected: store.state.lang === 'en' }, 'English'),
    );
    const mid = h('div', { className: 'status' });
    const right = h('div', { className: 'actions' });
    if (seat) {
      mid.append(h('span', { 'data-testid': 'class-team' }, t('classTeam', { classId: seat.classId, name: seat.name, shop: seat.shop })));
      right.append(
        h(
          'button',
          {
            type: 'button',
            onclick: () => {
              writeSeat(null);
              seat = null;
              session = null;
              info = null;
              mode = 'join';
              render();
            },
          },
          t('classLeave'),
        ),
      );
    }
    right.append(h('label', { className: 'lang' }, h('span', {}, `${t('language')} `), select));
    header.replaceChildren(h('div', { className: 'brand' }, h('span', {}, t('appTitle'))), mid, right);
    (root.querySelector('.skip-link') as HTMLElement).textContent = t('skipToContent');
    document.title = `${t('appTitle')} · ${t('classJoinTitle')}`;
  }

  function renderBar(): void {
    bar.replaceChildren();
    if (!info || mode === 'join') return;
    bar.append(
      h('span', { 'data-testid': 'class-round' }, info.over ? t('classOver', { rounds: info.totalRounds }) : t('classRound', { round: info.round ?? info.totalRounds, rounds: info.totalRounds })),
      info.over ? '' : h('span', {}, t('classSubmittedCount', { n: info.submitted.length, total: info.teams.length })),
      deadlineText(info.deadline) ?? '',
      info.paused ? h('strong', {}, t('classPaused')) : '',
    );
    const news = announcementsOf(info);
    if (news) bar.append(news);
  }

  function renderAside(): void {
    aside.replaceChildren();
    if (mode === 'join' || !seat) return;
    aside.append(leaderboard(standings, seat.shop));
  }

  function joinForm(): HTMLElement {
    const idInput = h('input', { id: 'class-id', name: 'classId', autocomplete: 'off', required: true, 'data-testid': 'class-id', value: new URLSearchParams(location.search).get('class') ?? '' });
    const codeInput = h('input', { id: 'join-code', name: 'joinCode', autocomplete: 'off', required: true, 'data-testid': 'join-code' });
    const form = h(
      'form',
      {
        className: 'class-join',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          const res = await call<{ teamToken: string; shop: string; name: string; classId: string }>('POST', '/api/join', { body: { classId: idInput.value.trim(), joinCode: codeInput.value.trim() } });
          if (!res.ok) {
            joinError = { text: t('joinFailed', { error: res.error }), problems: problemList(res.problems) };
            render();
            return;
          }
          joinError = null;
          seat = { classId: res.value.classId, teamToken: res.value.teamToken, shop: res.value.shop, name: res.value.name };
          writeSeat(seat);
          mode = 'loading';
          render();
          await refresh();
        },
      },
      h('h1', {}, t('classJoinTitle')),
      h('p', {}, t('classJoinIntro')),
      h('label', { for: 'class-id' }, t('classId')),
      idInput,
      h('label', { for: 'join-code' }, t('joinCode')),
      codeInput,
      h('button', { type: 'submit', className: 'primary', 'data-testid': 'join-class' }, t('joinButton')),
    );
    if (joinError) form.append(h('p', { className: 'error', role: 'alert', 'data-testid': 'join-error' }, joinError.text), ...(joinError.problems ? [joinError.problems] : []));
    return form;
  }

  function waitScreen(): HTMLElement {
    const round = info?.round ?? 0;
    return h(
      'section',
      { className: 'class-wait', 'data-testid': 'class-wait' },
      h('h1', {}, t('classSubmitted', { round })),
      h('p', { className: 'waiting' }, t('classWaiting')),
      h(
        'div',
        { className: 'review-actions' },
        h('button', { type: 'button', 'data-testid': 'class-change', onclick: () => ((mode = 'game'), store.state.screen === 'plan' ? render() : app.go('plan')) }, t('classChange')),
        h('button', { type: 'button', 'data-testid': 'class-export-decisions', onclick: () => void exportDecisions() }, t('classExportDecisions', { round })),
      ),
    );
  }

  function render(): void {
    mounted?.destroy();
    mounted = null;
    main.replaceChildren();
    renderHeader();
    renderBar();
    renderAside();
    if (mode === 'join' || !seat) main.append(joinForm());
    else if (mode === 'loading' || !session) main.append(h('p', {}, t('classLoading')));
    else if (mode === 'wait') main.append(waitScreen());
    else {
      const screen = store.state.screen;
      if (screen === 'plan' && info?.over) mounted = mountFinal(main, app);
      else if (screen === 'plan') mounted = mountPlan(main, app);
      else if (screen === 'watch' && session.lastFlows.length) mounted = mountWatch(main, app);
      else if (screen === 'review' || (screen === 'watch' && roundsPlayed(session) > 0)) mounted = mountReview(main, app);
      else if (screen === 'final') mounted = mountFinal(main, app);
      else {
        home();
        return;
      }
    }
    const heading = main.querySelector('h1, h2');
    if (heading instanceof HTMLElement) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }

  store.subscribe((state, prev) => {
    if (state.screen !== prev.screen || state.lang !== prev.lang) {
      if (state.screen === 'start') return home();
      render();
    } else mounted?.onState?.(state, prev);
  });

  render();
  const poll = async () => {
    try {
      await refresh();
    } finally {
      timer = window.setTimeout(poll, POLL_MS);
    }
  };
  if (seat) void poll();
  else timer = window.setTimeout(poll, POLL_MS);
  window.addEventListener('pagehide', () => {
    if (timer !== null) window.clearTimeout(timer);
  });
}
