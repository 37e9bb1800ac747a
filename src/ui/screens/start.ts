/** Start: a built-in scenario or a file (picker, drag and drop), the seed, new game / continue / import. */
import { append, h } from '../dom';
import { local, t } from '../i18n';
import type { App, Mounted } from '../shell';
import { BUILTIN_SCENARIOS } from '../../sim/scenario';
import { loadScenario, loadScenarioText } from '../../sim/scenario';
import type { World } from '../../engine';
import type { Problem } from '../../sim/scenario';
import { problemMessage } from '../problemText';
import { isOver, playerShops, roundsPlayed, sessionFromSaveText, startSession, type Session } from '../session';
import { listSlots, MAX_SLOTS, saveGame, useSlot, type SaveSlot } from '../saveSlots';
import { savesPanel } from './savesPanel';
import { isFirstTime, TUTORIAL_ID } from '../onboarding';
import { initialDraft } from '../planDraft';
import { current } from '../session';
import type { UiState } from '../store';

const MAX_SEED = 2 ** 31 - 1;

export function problemList(problems: Problem[], testid: string): HTMLElement {
  return h(
    'ul',
    { className: 'problems', 'data-testid': testid },
    // The student reads the rule in plain words; where it is in the file is a detail below it.
    ...problems.slice(0, 50).map((p) => h('li', {}, problemMessage(p), ' ', h('small', { className: 'details-line' }, `(${t('problemWhere')}: `, h('code', {}, p.path), ')'))),
    problems.length > 50 ? h('li', {}, `… +${problems.length - 50}`) : null,
  );
}

function meta(world: World): string {
  return t('scenarioMeta', { cities: world.cities.length, products: world.products.length, shops: world.shops.length, rounds: world.rounds });
}

function parseSeed(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= 0 && n <= MAX_SEED ? n : null;
}

export function mountStart(root: HTMLElement, app: App): Mounted {
  const store = app.store;

  function selectedScenario(state: UiState): unknown {
    if (state.start.selected === 'file') return state.start.file?.scenario ?? null;
    return BUILTIN_SCENARIOS[state.start.selected] ?? null;
  }

  function worldOf(file: unknown): World | null {
    const res = loadScenario(file);
    return res.ok ? res.value : null;
  }

  /** The seed box shows the chosen scenario's own seed until the student edits it. */
  function seedFor(file: unknown): string {
    return String(worldOf(file)?.seed ?? 1);
  }
  // A first game in this browser starts from the tutorial.
  const firstTime = isFirstTime(listSlots().length > 0) && store.state.start.selected !== 'file' && BUILTIN_SCENARIOS[TUTORIAL_ID] !== undefined;
  if (firstTime && store.state.start.selected !== TUTORIAL_ID) {
    store.update((d) => {
      d.start.selected = TUTORIAL_ID;
      d.start.seedText = '';
    });
  }
  if (store.state.start.seedText === '') {
    store.update((d) => {
      d.start.seedText = seedFor(selectedScenario(store.state));
    });
  }

  function begin(next: Session): void {
    app.setSession(next);
    store.update((d) => {
      d.draft = isOver(next) ? null : initialDraft(next, current(next));
      d.screen = isOver(next) ? 'final' : roundsPlayed(next) > 0 ? 'review' : 'plan';
    });
  }

  function readFile(file: File, then: (text: string) => void): void {
    file.text().then(then, (e: unknown) => {
      store.update((d) => {
        d.notice = { kind: 'error', text: t('error', { message: e instanceof Error ? e.message : String(e) }) };
      });
    });
  }

  function loadScenarioFile(file: File): void {
    readFile(file, (text) => {
      const res = loadScenarioText(text);
      store.update((d) => {
        if (res.ok) {
          const parsed: unknown = JSON.parse(text);
          d.start.file = { name: file.name, scenario: parsed };
          d.start.fileProblems = null;
          d.start.selected = 'file';
          d.start.seedText = String(res.value.seed);
          d.start.shopId = null;
        } else {
          d.start.fileProblems = { name: file.name, problems: res.problems };
        }
      });
    });
  }

  function importSave(file: File): void {
    readFile(file, (text) => {
      const res = sessionFromSaveText(text);
      if (!res.ok) {
        store.update((d) => {
          d.start.importProblems = { name: file.name, problems: res.problems };
        });
        return;
      }
      // An imported file is a game of its own: a new save slot, never over another game's.
      useSlot(null);
      const saved = saveGame(res.value, file.name);
      store.update((d) => {
        d.start.importProblems = null;
        d.notice = saved.ok
          ? { kind: 'info', text: t('importOk', { name: file.name }) }
          : { kind: 'error', text: saved.error === 'full' ? t('slotsFull', { max: MAX_SLOTS }) : t('autosaveFailed', { error: saved.error }) };
      });
      begin(res.value);
    });
  }

  const section = h('section', { className: 'screen start-screen', 'aria-labelledby': 'start-h' });
  root.append(section);

  function render(): void {
    const s = store.state;
    section.replaceChildren();
    section.append(h('h2', { id: 'start-h' }, t('startTitle')), h('p', { className: 'intro' }, t('startIntro')));

    // Scenario choice: built-ins and the loaded file, as one radio group.
    const fieldset = h('fieldset', { className: 'scenarios' }, h('legend', {}, t('builtinScenarios')));
    const choose = (id: string, file: unknown) => () =>
      store.update((d) => {
        d.start.selected = id;
        d.start.seedText = seedFor(file);
        d.start.shopId = null;
      });
    for (const [id, file] of Object.entries(BUILTIN_SCENARIOS)) {
      const world = worldOf(file);
      const desc = (file as { description?: { zh: string; en: string } }).description;
      fieldset.append(
        h(
          'label',
          { className: 'scenario-option' },
          h('input', { type: 'radio', name: 'scenario', value: id, checked: s.start.selected === id, onchange: choose(id, file), 'data-testid': `scenario-${id}` }),
          h('span', { className: 'scenario-text' }, h('strong', {}, world ? local(world.name) : id), world ? h('small', {}, meta(world)) : null, desc ? h('span', {}, local(desc)) : null),
        ),
      );
    }
    if (s.start.file) {
      const world = worldOf(s.start.file.scenario);
      fieldset.append(
        h(
          'label',
          { className: 'scenario-option' },
          h('input', { type: 'radio', name: 'scenario', value: 'file', checked: s.start.selected === 'file', onchange: choose('file', s.start.file.scenario) }),
          h('span', { className: 'scenario-text' }, h('strong', {}, t('fileLoaded', { name: s.start.file.name, scenario: world ? local(world.name) : '' })), world ? h('small', {}, meta(world)) : null),
        ),
      );
    }

    // Loading a scenario file: picker and drop zone; problems shown right here.
    const picker = h('input', {
      type: 'file',
      id: 'scenario-file',
      className: 'file-input',
      accept: '.json,application/json',
      'data-testid': 'scenario-file',
      onchange: (e: Event) => {
        const f = (e.target as HTMLInputElement).files?.[0];
        if (f) loadScenarioFile(f);
      },
    });
    const drop = h(
      'div',
      {
        className: 'dropzone',
        'data-testid': 'dropzone',
        ondragover: (e: Event) => {
          e.preventDefault();
          drop.classList.add('over');
        },
        ondragleave: () => drop.classList.remove('over'),
        ondrop: (e: Event) => {
          e.preventDefault();
          drop.classList.remove('over');
          const f = (e as DragEvent).dataTransfer?.files[0];
          if (f) loadScenarioFile(f);
        },
      },
      h('p', { className: 'file-label' }, t('loadScenarioFile')),
      h('label', { className: 'file-button' }, picker, h('span', { className: 'button-like' }, t('chooseFile')), h('span', { className: 'muted' }, s.start.file?.name ?? t('noFileChosen'))),
      h('p', {}, t('dropHere')),
      s.start.fileProblems
        ? h('div', { className: 'error-box', role: 'alert' }, h('p', {}, t('fileProblems', { name: s.start.fileProblems.name, n: s.start.fileProblems.problems.length })), problemList(s.start.fileProblems.problems, 'scenario-problems'))
        : null,
    );

    // Seed.
    const seedOk = parseSeed(s.start.seedText) !== null;
    const seedInput = h('input', {
      id: 'seed',
      type: 'text',
      inputmode: 'numeric',
      value: s.start.seedText,
      'aria-describedby': 'seed-help',
      'aria-invalid': seedOk ? null : 'true',
      'data-testid': 'seed',
      onchange: (e: Event) => {
        const v = (e.target as HTMLInputElement).value;
        store.update((d) => {
          d.start.seedText = v;
        });
      },
    });
    const seedBox = h(
      'div',
      { className: 'seed' },
      h('label', { for: 'seed' }, t('seed')),
      seedInput,
      h('small', { id: 'seed-help' }, seedOk ? t('seedHelp') : h('span', { className: 'field-error' }, t('seedInvalid'))),
    );

    // A class scenario has several player shops: the team picks its own.
    const chosenWorld = worldOf(selectedScenario(s));
    const players = chosenWorld ? playerShops(chosenWorld) : [];
    const shopBox =
      chosenWorld && players.length > 1
        ? h(
            'div',
            { className: 'seed' },
            h('label', { for: 'shop-select' }, t('chooseShop')),
            h(
              'select',
              {
                id: 'shop-select',
                'data-testid': 'shop-select',
                onchange: (e: Event) => {
                  const v = (e.target as HTMLSelectElement).value;
                  store.update((d) => void (d.start.shopId = v));
                },
              },
              ...players.map((i) => {
                const shop = chosenWorld.shops[i]!;
                return h('option', { value: shop.id, selected: (s.start.shopId ?? chosenWorld.shops[players[0]!]!.id) === shop.id }, `${local(shop.name)} (${shop.id})`);
              }),
            ),
            h('small', {}, t('chooseShopHelp')),
          )
        : null;

    // New game, saved games, import.
    const continueSlot = (slot: SaveSlot) => {
      const res = sessionFromSaveText(slot.text);
      if (res.ok) {
        useSlot(slot.id);
        begin(res.value);
      } else
        store.update((d) => {
          d.start.autosaveProblems = res.problems;
        });
    };
    const actions = h(
      'div',
      { className: 'start-actions' },
      h(
        'button',
        {
          type: 'button',
          className: 'primary',
          'data-testid': 'new-game',
          onclick: () => {
            const seed = parseSeed(store.state.start.seedText);
            const file = selectedScenario(store.state);
            if (seed === null || !file) {
              seedInput.focus();
              return;
            }
            const res = startSession(file, seed, store.state.start.shopId);
            if (!res.ok) {
              store.update((d) => {
                d.start.fileProblems = { name: d.start.file?.name ?? d.start.selected, problems: res.problems };
              });
              return;
            }
            // A new game saves into a new slot after its first round (never over another game).
            useSlot(null);
            begin(res.value);
          },
        },
        t('newGame'),
      ),
      firstTime ? h('p', { className: 'help', 'data-testid': 'first-time' }, t('firstTimeHint')) : null,
      savesPanel(continueSlot, render),
      h(
        'label',
        { className: 'file-button' },
        h('input', {
          type: 'file',
          className: 'file-input',
          accept: '.json,application/json',
          'data-testid': 'import-save',
          onchange: (e: Event) => {
            const f = (e.target as HTMLInputElement).files?.[0];
            if (f) importSave(f);
            (e.target as HTMLInputElement).value = '';
          },
        }),
        h('span', { className: 'button-like' }, t('importSave')),
      ),
    );
    append(section, [
      h('div', { className: 'start-grid' }, h('div', {}, fieldset, drop), h('div', { className: 'start-side' }, seedBox, shopBox, actions)),
      s.start.importProblems
        ? h('div', { className: 'error-box', role: 'alert', 'data-testid': 'import-error' }, h('p', {}, t('importFailed', { name: s.start.importProblems.name })), problemList(s.start.importProblems.problems, 'import-problems'))
        : null,
      s.start.autosaveProblems ? h('div', { className: 'error-box', role: 'alert' }, h('p', {}, t('autosaveCorrupt')), problemList(s.start.autosaveProblems, 'autosave-problems')) : null,
    ]);
  }

  render();
  return {
    destroy() {},
    onState(state, prev) {
      if (state.start !== prev.start) {
        const focused = document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.id ?? null;
        render();
        if (focused) (section.querySelector<HTMLElement>(`[data-testid="${focused}"]`) ?? document.getElementById(focused))?.focus();
      }
    },
  };
}
