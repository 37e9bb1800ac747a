/**
 * The teacher's dashboard (/teacher): create a class (a built-in or uploaded scenario, team
 * names, a password), print the join codes, follow who has submitted, set a deadline, pause,
 * announce a market event, play the round, read the leaderboard and each team's report, and
 * export the grades and the class's save. Everything goes through the JSON API; the class id and
 * the teacher's token are kept in this browser (the password opens the class on another one).
 */
import { h } from '../dom';
import { initialLang, local, setLang, t, type Lang } from '../i18n';
import { BUILTIN_SCENARIOS, DEFAULT_SCENARIO_ID } from '../../sim/scenario';
import { call, download, type ClassInfo, type StandingsAnswer } from './api';
import { announcementsOf, deadlineText, leaderboard, problemList } from './shared';
import './classroom.css';

const TEACHER_KEY = 'shopsim.teacher.v1';
const POLL_MS = 2500;

interface Desk {
  classId: string;
  teacherToken: string;
  /** join codes as created (the server only shows them at creation) */
  codes: { name: string; shop: string; joinCode: string }[];
}

function readDesk(): Desk | null {
  try {
    const v = JSON.parse(localStorage.getItem(TEACHER_KEY) ?? 'null') as Desk | null;
    return v && typeof v.teacherToken === 'string' ? v : null;
  } catch {
    return null;
  }
}

function writeDesk(desk: Desk | null): void {
  try {
    if (desk) localStorage.setItem(TEACHER_KEY, JSON.stringify(desk));
    else localStorage.removeItem(TEACHER_KEY);
  } catch {
    // not remembered: the password opens the class again
  }
}

const scenarioName = (file: unknown, id: string) => {
  const name = (file as { name?: { zh: string; en: string } }).name;
  return name ? local(name) : id;
};

export function startTeacherApp(root: HTMLElement): void {
  const lang: Lang = initialLang();
  setLang(lang);
  let desk = readDesk();
  let info: ClassInfo | null = null;
  let standings: StandingsAnswer | null = null;
  let uploaded: { name: string; scenario: unknown } | null = null;
  let message: { kind: 'info' | 'error'; text: string; problems: HTMLElement | null } | null = null;
  let report: { shop: string; round: number; html: string } | null = null;

  const header = h('header', { className: 'app-header' });
  const notice = h('div', { className: 'notice', role: 'status', 'data-testid': 'teacher-notice' });
  const main = h('main', { id: 'main', tabindex: '-1', className: 'teacher' });
  root.append(header, notice, main);

  const say = (kind: 'info' | 'error', text: string, problems: HTMLElement | null = null) => {
    message = { kind, text, problems };
    renderNotice();
  };
  const fail = (res: { error: string; problems: { path: string; message: string; messageZh?: string }[] }) => say('error', t('teacherFailed', { error: res.error }), problemList(res.problems));

  function renderNotice(): void {
    notice.replaceChildren();
    notice.className = `notice ${message?.kind ?? ''}`;
    if (message) notice.append(message.text, ...(message.problems ? [message.problems] : []));
  }

  function renderHeader(): void {
    const select = h(
      'select',
      {
        'aria-label': t('language'),
        onchange: (e: Event) => {
          setLang((e.target as HTMLSelectElement).value === 'en' ? 'en' : 'zh');
          render();
        },
      },
      h('option', { value: 'zh', selected: lang === 'zh' }, '中文'),
      h('option', { value: 'en', selected: lang === 'en' }, 'English'),
    );
    select.value = document.documentElement.lang === 'en' ? 'en' : 'zh';
    header.replaceChildren(
      h('div', { className: 'brand' }, h('span', {}, `${t('appTitle')} · ${t('teacherTitle')}`)),
      h('div', { className: 'status' }, desk ? h('span', { 'data-testid': 'teacher-class' }, `${t('classId')}: ${desk.classId}`) : ''),
      h(
        'div',
        { className: 'actions' },
        desk
          ? h(
              'button',
              {
                type: 'button',
                className: 'no-print',
                onclick: () => {
                  writeDesk(null);
                  desk = null;
                  info = null;
                  render();
                },
              },
              t('teacherForget'),
            )
          : '',
        h('label', { className: 'lang' }, h('span', {}, `${t('language')} `), select),
      ),
    );
    document.title = `${t('appTitle')} · ${t('teacherTitle')}`;
  }

  function createForm(): HTMLElement {
    const scenario = h(
      'select',
      { id: 'teacher-scenario', 'data-testid': 'teacher-scenario' },
      Object.keys(BUILTIN_SCENARIOS).map((id) => h('option', { value: id, selected: id === DEFAULT_SCENARIO_ID }, `${scenarioName(BUILTIN_SCENARIOS[id], id)} (${id})`)),
    );
    const file = h('input', {
      type: 'file',
      accept: '.json,application/json',
      id: 'teacher-file',
      'data-testid': 'teacher-file',
      onchange: async (e: Event) => {
        const f = (e.target as HTMLInputElement).files?.[0];
        if (!f) return;
        try {
          uploaded = { name: f.name, scenario: JSON.parse(await f.text()) };
          say('info', `${f.name}`);
        } catch (err) {
          uploaded = null;
          say('error', t('teacherFailed', { error: `${f.name}: ${(err as Error).message}` }));
        }
      },
    });
    const teams = h('textarea', { id: 'teacher-teams', rows: 5, 'data-testid': 'teacher-teams' });
    const password = h('input', { id: 'teacher-password', type: 'password', autocomplete: 'new-password', 'data-testid': 'teacher-password' });
    const seed = h('input', { id: 'teacher-seed', inputmode: 'numeric', 'data-testid': 'teacher-seed' });
    const standIn = h('select', { id: 'teacher-standin' }, h('option', { value: 'bot' }, t('teacherStandInBot')), h('option', { value: 'last' }, t('teacherStandInLast')));
    const create = h(
      'form',
      {
        className: 'teacher-form',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          const body = {
            scenario: uploaded ? uploaded.scenario : scenario.value,
            teams: teams.value.split('\n').map((s) => s.trim()).filter(Boolean),
            teacherPassword: password.value,
            standIn: standIn.value,
            ...(seed.value.trim() ? { seed: Number(seed.value.trim()) } : {}),
          };
          const res = await call<{ classId: string; teacherToken: string; teams: Desk['codes'] }>('POST', '/api/classes', { body });
          if (!res.ok) return fail(res);
          desk = { classId: res.value.classId, teacherToken: res.value.teacherToken, codes: res.value.teams };
          writeDesk(desk);
          message = null;
          await refresh();
        },
      },
      h('h1', {}, t('teacherCreate')),
      h('label', { for: 'teacher-scenario' }, t('teacherScenario')),
      scenario,
      h('label', { for: 'teacher-file' }, t('teacherScenarioFile')),
      file,
      h('label', { for: 'teacher-seed' }, `${t('seed')} (${t('seedHelp')})`),
      seed,
      h('label', { for: 'teacher-teams' }, t('teacherTeams')),
      teams,
      h('label', { for: 'teacher-standin' }, t('teacherStandIn')),
      standIn,
      h('label', { for: 'teacher-password' }, t('teacherPassword')),
      password,
      h('button', { type: 'submit', className: 'primary', 'data-testid': 'teacher-create' }, t('teacherCreateButton')),
    );
    const classId = h('input', { id: 'open-class', autocomplete: 'off' });
    const openPassword = h('input', { id: 'open-password', type: 'password', autocomplete: 'current-password' });
    const open = h(
      'form',
      {
        className: 'teacher-form',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          const id = classId.value.trim().toLowerCase();
          const res = await call<{ teacherToken: string }>('POST', `/api/classes/${encodeURIComponent(id)}/teacher`, { body: { password: openPassword.value } });
          if (!res.ok) return fail(res);
          desk = { classId: id, teacherToken: res.value.teacherToken, codes: [] };
          writeDesk(desk);
          message = null;
          await refresh();
        },
      },
      h('h2', {}, t('teacherOpen')),
      h('label', { for: 'open-class' }, t('classId')),
      classId,
      h('label', { for: 'open-password' }, t('teacherPassword')),
      openPassword,
      h('button', { type: 'submit' }, t('teacherOpenButton')),
    );
    return h('div', {}, create, open);
  }

  async function act(method: string, path: string, body?: unknown): Promise<unknown> {
    if (!desk) return null;
    const res = await call<unknown>(method, `/api/classes/${desk.classId}${path}`, { token: desk.teacherToken, body });
    if (!res.ok) {
      fail(res);
      return null;
    }
    return res.value;
  }

  function dashboard(): HTMLElement {
    if (!desk || !info) return h('p', {}, t('classLoading'));
    const d = desk;
    const i = info;
    const codeOf = new Map([...d.codes.map((c) => [c.shop, c.joinCode] as const), ...i.teams.flatMap((tm) => (tm.joinCode ? [[tm.shop, tm.joinCode] as const] : []))]);
    const classUrl = `${location.origin}/class`;
    const codes = h(
      'section',
      { className: 'join-codes', 'data-testid': 'teacher-codes' },
      h('h2', {}, `${t('teacherJoinCodes')} · ${local(i.scenario.name)}`),
      h('p', {}, t('teacherStudentsOpen', { url: classUrl, classId: i.classId })),
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, h('th', {}, t('teacherTeam')), h('th', {}, t('classShopName')), h('th', {}, t('joinCode')), h('th', { className: 'no-print' }, t('teacherHanded')))),
        h(
          'tbody',
          {},
          i.teams.map((tm) =>
            h(
              'tr',
              { 'data-testid': `team-${tm.shop}` },
              h('td', {}, tm.name),
              h('td', {}, tm.shop),
              h('td', { className: 'code', 'data-testid': `code-${tm.shop}` }, codeOf.get(tm.shop) ?? '—'),
              h('td', { className: `no-print ${tm.submitted ? 'done' : ''}`, 'data-testid': `submitted-${tm.shop}` }, i.over ? '' : tm.submitted ? `✓ ${t('teacherHanded')}` : t('teacherNotYet')),
            ),
          ),
        ),
      ),
      h('button', { type: 'button', className: 'no-print', onclick: () => window.print() }, t('teacherPrint')),
    );

    const round = h(
      'section',
      { 'data-testid': 'teacher-round' },
      h('h2', { 'data-testid': 'teacher-round-title' }, i.over ? t('classOver', { rounds: i.totalRounds }) : t('classRound', { round: i.round ?? 0, rounds: i.totalRounds })),
      i.over ? '' : h('p', {}, t('classSubmittedCount', { n: i.submitted.length, total: i.teams.length }), ' · ', deadlineText(i.deadline) ?? `${t('teacherDeadline')}: ${t('teacherNoDeadline')}`, i.paused ? ` · ${t('classPaused')}` : ''),
      announcementsOf(i) ?? '',
      i.over
        ? ''
        : h(
            'div',
            { className: 'row' },
            h(
              'button',
              {
                type: 'button',
                className: 'primary',
                'data-testid': 'teacher-advance',
                onclick: async () => {
                  const res = (await act('POST', '/advance', { round: i.round })) as { round: number; decidedBy: { name: string; by: string }[] } | null;
                  if (res) {
                    const standIns = res.decidedBy.filter((x) => x.by !== 'team').map((x) => `${x.name} (${x.by === 'bot' ? t('teacherStandInBot') : t('teacherStandInLast')})`);
                    say('info', t('teacherAdvanced', { round: res.round, standIns: standIns.join(', ') || t('teacherNone') }));
                  }
                  await refresh();
                },
              },
              t('teacherAdvance', { round: i.round ?? 0 }),
            ),
          ),
    );

    const minutes = h('input', { id: 'extend-minutes', inputmode: 'numeric', value: '10', size: 4 });
    const multiplier = h('input', { id: 'event-multiplier', inputmode: 'decimal', value: '1.5', size: 5 });
    const product = h('select', { id: 'event-product' }, h('option', { value: '' }, t('teacherAll')), i.scenario.products.map((p) => h('option', { value: p.id }, local(p.name))));
    const city = h('select', { id: 'event-city' }, h('option', { value: '' }, t('teacherAll')), i.scenario.cities.map((c) => h('option', { value: c.id }, local(c.name))));
    const interventions = i.over
      ? ''
      : h(
          'section',
          { className: 'no-print' },
          h(
            'div',
            { className: 'row' },
            h('label', { for: 'extend-minutes' }, t('teacherExtend')),
            minutes,
            h('button', { type: 'button', onclick: async () => (await act('PATCH', '', { extendMinutes: Number(minutes.value) }), refresh()) }, t('teacherExtendButton')),
            h('button', { type: 'button', onclick: async () => (await act('PATCH', '', { deadline: null }), refresh()) }, t('teacherClearDeadline')),
            h('button', { type: 'button', 'data-testid': 'teacher-pause', onclick: async () => (await act('PATCH', '', { paused: !i.paused }), refresh()) }, i.paused ? t('teacherResume') : t('teacherPause')),
            h('label', {}, `${t('teacherStandIn')} `, h('select', { onchange: async (e: Event) => (await act('PATCH', '', { standIn: (e.target as HTMLSelectElement).value }), refresh()) }, h('option', { value: 'bot', selected: i.standIn === 'bot' }, t('teacherStandInBot')), h('option', { value: 'last', selected: i.standIn === 'last' }, t('teacherStandInLast')))),
          ),
          h(
            'div',
            { className: 'row' },
            h('strong', {}, t('teacherEvent')),
            h('label', { for: 'event-multiplier' }, t('teacherMultiplier')),
            multiplier,
            product,
            city,
            h(
              'button',
              {
                type: 'button',
                onclick: async () => {
                  const body = { multiplier: Number(multiplier.value), ...(product.value ? { products: [product.value] } : {}), ...(city.value ? { cities: [city.value] } : {}) };
                  if (await act('POST', '/events', body)) message = null;
                  await refresh();
                },
              },
              t('teacherEventButton'),
            ),
          ),
        );

    const reports = h(
      'section',
      { className: 'no-print' },
      h('h2', {}, t('teacherReports')),
      i.roundsPlayed === 0
        ? h('p', {}, t('classNoStandings'))
        : h(
            'div',
            { className: 'row' },
            i.teams.map((tm) =>
              h(
                'button',
                {
                  type: 'button',
                  'data-testid': `report-${tm.shop}`,
                  onclick: async () => {
                    const res = await call<string>('GET', `/api/classes/${d.classId}/rounds/${i.roundsPlayed}/report.html?shop=${encodeURIComponent(tm.shop)}`, { token: d.teacherToken });
                    if (!res.ok) return fail(res);
                    report = { shop: tm.shop, round: i.roundsPlayed, html: res.value };
                    render();
                  },
                },
                `${tm.name}: ${t('teacherOpenReport', { round: i.roundsPlayed })}`,
              ),
            ),
          ),
      report ? h('iframe', { title: `${report.shop} ${report.round}`, sandbox: '', srcdoc: report.html, 'data-testid': 'teacher-report' }) : '',
    );

    const seeds = h('input', { id: 'export-seeds', inputmode: 'numeric', value: '1', size: 3 });
    const exportBox = h(
      'section',
      { className: 'no-print' },
      h('h2', {}, t('teacherExport')),
      h(
        'div',
        { className: 'row' },
        h('label', { for: 'export-seeds' }, t('teacherSeeds')),
        seeds,
        ['csv', 'html', 'json'].map((f) =>
          h(
            'button',
            {
              type: 'button',
              'data-testid': `export-${f}`,
              onclick: async () => {
                const res = await download(`/api/classes/${d.classId}/export.${f}?seeds=${encodeURIComponent(seeds.value.trim() || '1')}`, d.teacherToken, `shopsim-${d.classId}-grades.${f}`);
                if (!res.ok) fail(res);
              },
            },
            f.toUpperCase(),
          ),
        ),
        h(
          'button',
          {
            type: 'button',
            'data-testid': 'export-class-save',
            onclick: async () => {
              const res = await download(`/api/classes/${d.classId}/save`, d.teacherToken, `shopsim-${d.classId}-round${i.roundsPlayed}.json`);
              if (!res.ok) fail(res);
            },
          },
          t('teacherExportSave'),
        ),
      ),
    );
    return h('div', { className: 'teacher' }, codes, round, interventions, h('section', {}, leaderboard(standings)), reports, exportBox);
  }

  let lastPlayed = -1;
  async function refresh(): Promise<void> {
    // Without a class there is nothing to poll: re-drawing the form would wipe what is typed.
    if (!desk) return;
    const res = await call<ClassInfo>('GET', `/api/classes/${desk.classId}`, { token: desk.teacherToken });
    if (!res.ok) {
      if (res.status === 401 || res.status === 403 || res.status === 404) {
        writeDesk(null);
        desk = null;
        info = null;
        say('error', t('teacherFailed', { error: res.error }));
        return render();
      }
      say('error', t('classConnectionLost'));
      return;
    }
    const changed = JSON.stringify(res.value) !== JSON.stringify(info);
    info = res.value;
    if (info.roundsPlayed !== lastPlayed) {
      const st = await call<StandingsAnswer>('GET', `/api/classes/${desk.classId}/standings`, { token: desk.teacherToken });
      if (st.ok) standings = st.value;
      lastPlayed = info.roundsPlayed;
    }
    // Re-render only on a change, so a field being typed in keeps its text and focus.
    if (changed) render();
  }

  function render(): void {
    renderHeader();
    renderNotice();
    const active = document.activeElement?.id;
    // Keep what is being typed (a deadline, a multiplier, team names) across a re-render.
    const typed = new Map<string, string>();
    for (const el of main.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input[id], textarea[id], select[id]')) {
      if (el.type !== 'file') typed.set(el.id, el.value);
    }
    main.replaceChildren(desk ? dashboard() : createForm());
    for (const [id, value] of typed) {
      const el = document.getElementById(id) as HTMLInputElement | null;
      if (el && main.contains(el)) el.value = value;
    }
    if (active) document.getElementById(active)?.focus();
  }

  render();
  const poll = async () => {
    try {
      await refresh();
    } finally {
      window.setTimeout(poll, POLL_MS);
    }
  };
  void poll();
}
