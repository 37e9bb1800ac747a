/**
 * The start screen's saved games: one slot per game, with its name, the scenario, the rounds
 * played and the date. Continue, rename, or delete (asked first, in place; nothing is removed
 * without a second click).
 */
import { h } from '../dom';
import { getLang, local, t } from '../i18n';
import { deleteSlot, listSlots, renameSlot, type SaveSlot } from '../saveSlots';

export function slotTitle(s: SaveSlot): string {
  return s.name.trim() || local(s.scenario);
}

function dateText(iso: string): string {
  if (!iso) return t('slotUndated');
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(getLang() === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function savesPanel(onContinue: (slot: SaveSlot) => void, rerender: () => void): HTMLElement {
  const slots = listSlots();
  const list = h('ul', {});
  let confirming: string | null = null;
  let renaming: string | null = null;

  function draw(): void {
    list.replaceChildren();
    slots.forEach((s, i) => {
      const rounds = s.rounds ? t('slotRounds', { played: s.roundsPlayed, rounds: s.rounds }) : t('slotRoundsPlayed', { played: s.roundsPlayed });
      const li = h('li', { 'data-slot': s.id });
      if (renaming === s.id) {
        const input = h('input', { type: 'text', value: slotTitle(s), 'aria-label': t('slotNameLabel'), 'data-testid': `slot-name-${s.id}`, size: '24' });
        const done = () => {
          renameSlot(s.id, input.value.trim());
          s.name = input.value.trim();
          renaming = null;
          draw();
          list.querySelector<HTMLElement>(`[data-testid="slot-rename-${s.id}"]`)?.focus();
        };
        input.addEventListener('keydown', (e) => {
          if (e.key === 'Enter') done();
          if (e.key === 'Escape') {
            renaming = null;
            draw();
          }
        });
        li.append(input, h('button', { type: 'button', onclick: done }, t('slotRenameDone')));
        list.append(li);
        window.setTimeout(() => input.focus(), 0);
        return;
      }
      li.append(
        h('span', { className: 'slot-name' }, h('strong', {}, slotTitle(s)), h('br'), h('small', { className: 'muted' }, `${local(s.scenario)} · ${rounds} · ${dateText(s.savedAt)}`)),
        h('button', { type: 'button', className: i === 0 ? 'primary' : '', 'data-testid': i === 0 ? 'continue' : `slot-continue-${s.id}`, onclick: () => onContinue(s) }, t('slotContinue')),
        h(
          'button',
          {
            type: 'button',
            'data-testid': `slot-rename-${s.id}`,
            onclick: () => {
              renaming = s.id;
              draw();
            },
          },
          t('slotRename'),
        ),
      );
      if (confirming === s.id) {
        li.append(
          h('span', { role: 'alert' }, t('slotDeleteAsk', { name: slotTitle(s) })),
          h(
            'button',
            {
              type: 'button',
              'data-testid': `slot-delete-yes-${s.id}`,
              onclick: () => {
                deleteSlot(s.id);
                rerender();
              },
            },
            t('slotDeleteYes'),
          ),
          h(
            'button',
            {
              type: 'button',
              onclick: () => {
                confirming = null;
                draw();
                list.querySelector<HTMLElement>(`[data-testid="slot-delete-${s.id}"]`)?.focus();
              },
            },
            t('slotDeleteNo'),
          ),
        );
      } else {
        li.append(
          h(
            'button',
            {
              type: 'button',
              className: 'link',
              'data-testid': `slot-delete-${s.id}`,
              onclick: () => {
                confirming = s.id;
                draw();
                list.querySelector<HTMLElement>(`[data-testid="slot-delete-yes-${s.id}"]`)?.focus();
              },
            },
            t('slotDelete'),
          ),
        );
      }
      list.append(li);
    });
  }
  draw();
  return h(
    'section',
    { className: 'save-slots', 'data-testid': 'save-slots', 'aria-labelledby': 'slots-h' },
    h('h3', { id: 'slots-h' }, t('slotsTitle')),
    slots.length ? list : h('p', { className: 'muted' }, t('noSavedGame')),
    h('p', { className: 'help' }, t('slotsHelp')),
  );
}
