/** Pieces both classroom pages show: the leaderboard, announcements, problem lists. */
import { h } from '../dom';
import { getLang, local, t } from '../i18n';
import { problemMessage } from '../problemText';
import type { Problem } from '../../sim/scenario';
import type { ClassInfo, StandingsAnswer } from './api';

const money = (x: number) => x.toLocaleString(getLang() === 'zh' ? 'zh-CN' : 'en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function leaderboard(st: StandingsAnswer | null, mine: string | null = null): HTMLElement {
  const box = h('section', { className: 'class-leaderboard', 'data-testid': 'class-leaderboard', 'aria-label': t('classLeaderboard') }, h('h2', {}, t('classLeaderboard')));
  if (!st || !st.standings.length) {
    box.append(h('p', {}, t('classNoStandings')));
    return box;
  }
  box.append(
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('classPlace')), h('th', { scope: 'col' }, t('classShopName')), h('th', { scope: 'col' }, t('classScore')), h('th', { scope: 'col' }, t('classEquity')))),
      h(
        'tbody',
        {},
        st.standings.map((s) =>
          h(
            'tr',
            { className: s.shop === mine ? 'mine' : '' },
            h('td', {}, String(s.place)),
            h('td', {}, `${s.name}${s.team ? '' : ` ${t('classBot')}`}`),
            h('td', {}, s.score.toFixed(2)),
            h('td', {}, money(s.equity)),
          ),
        ),
      ),
    ),
  );
  return box;
}

export function announcementsOf(info: ClassInfo): HTMLElement | null {
  const mine = info.announcements.filter((a) => a.round === info.round || a.round === info.roundsPlayed);
  if (!mine.length) return null;
  const nameOf = (list: { id: string; name: { zh: string; en: string } }[], ids?: string[]) => (ids ?? []).map((id) => local(list.find((x) => x.id === id)?.name ?? { zh: id, en: id }));
  return h(
    'ul',
    { className: 'class-announcements', 'data-testid': 'class-announcements' },
    mine.map((a) => {
      const where = [...nameOf(info.scenario.cities, a.event.cities), ...nameOf(info.scenario.products, a.event.products)];
      return h('li', {}, t('classAnnouncement', { round: a.round, multiplier: a.event.multiplier, where: where.length ? ` (${where.join(', ')})` : '' }));
    }),
  );
}

export function problemList(problems: Problem[]): HTMLElement | null {
  if (!problems.length) return null;
  return h('ul', { className: 'problems', 'data-testid': 'class-problems' }, problems.map((p) => h('li', {}, `${p.path}: ${problemMessage(p)}`)));
}

export function deadlineText(iso: string | null): string | null {
  if (!iso) return null;
  return t('classDeadline', { time: new Date(iso).toLocaleTimeString(getLang() === 'zh' ? 'zh-CN' : 'en', { hour: '2-digit', minute: '2-digit' }) });
}
