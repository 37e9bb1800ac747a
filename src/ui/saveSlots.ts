/**
 * Save slots in browser storage: every new game and every imported file gets its own slot, named
 * and dated; a slot is only ever overwritten by the game it belongs to (after each round), and
 * removed only after the student confirms. The last game is also kept under the single autosave
 * key older versions used, so an existing autosave still continues.
 */
import { SAVE_KEY, roundsPlayed, toSave, type Session } from './session';

export const SLOTS_KEY = 'shopsim.slots.v1';
export const MAX_SLOTS = 20;

export interface SaveSlot {
  id: string;
  name: string;
  /** ISO date-time of the last save */
  savedAt: string;
  scenario: { zh: string; en: string };
  roundsPlayed: number;
  rounds: number;
  text: string;
}

/** The slot the game in play saves to (null: not saved in a slot yet). */
let currentSlot: string | null = null;

export function currentSlotId(): string | null {
  return currentSlot;
}

export function useSlot(id: string | null): void {
  currentSlot = id;
}

export function listSlots(): SaveSlot[] {
  try {
    const raw = localStorage.getItem(SLOTS_KEY);
    if (!raw) return migrateAutosave();
    const v = JSON.parse(raw) as unknown;
    if (!Array.isArray(v)) return [];
    return v.filter((x): x is SaveSlot => !!x && typeof x === 'object' && typeof (x as SaveSlot).id === 'string' && typeof (x as SaveSlot).text === 'string');
  } catch {
    return [];
  }
}

/** An autosave from before slots existed becomes the first slot. */
function migrateAutosave(): SaveSlot[] {
  let text: string | null = null;
  try {
    text = localStorage.getItem(SAVE_KEY);
  } catch {
    return [];
  }
  if (!text) return [];
  let scenario = { zh: '?', en: '?' };
  let played = 0;
  try {
    const v = JSON.parse(text) as { scenario?: { id?: unknown; name?: { zh?: unknown; en?: unknown } }; roundsPlayed?: unknown };
    const id = typeof v.scenario?.id === 'string' ? v.scenario.id : '?';
    scenario = { zh: typeof v.scenario?.name?.zh === 'string' ? v.scenario.name.zh : id, en: typeof v.scenario?.name?.en === 'string' ? v.scenario.name.en : id };
    played = typeof v.roundsPlayed === 'number' ? v.roundsPlayed : 0;
  } catch {
    // kept as it is: continuing it shows what is wrong with it
  }
  return [{ id: 'autosave', name: '', savedAt: '', scenario, roundsPlayed: played, rounds: 0, text }];
}

function write(slots: SaveSlot[]): { ok: true } | { ok: false; error: string } {
  try {
    localStorage.setItem(SLOTS_KEY, JSON.stringify(slots));
    return { ok: true };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

function newId(slots: SaveSlot[]): string {
  let n = slots.length + 1;
  while (slots.some((s) => s.id === `slot-${n}`)) n++;
  return `slot-${n}`;
}

/**
 * Saves the game in play: into its own slot, or into a new slot (never over another game's).
 * `name` names a new slot. Fails (nothing replaced) when every slot is taken.
 */
export function saveGame(session: Session, name: string, now: Date = new Date()): { ok: true; id: string } | { ok: false; error: 'full' | string } {
  const slots = listSlots();
  const text = JSON.stringify(toSave(session));
  const entry = {
    savedAt: now.toISOString(),
    scenario: { zh: session.world.name.zh, en: session.world.name.en },
    roundsPlayed: roundsPlayed(session),
    rounds: session.world.rounds,
    text,
  };
  let id = currentSlot;
  const at = id ? slots.findIndex((s) => s.id === id) : -1;
  if (at >= 0) slots[at] = { ...slots[at]!, ...entry };
  else {
    if (slots.length >= MAX_SLOTS) return { ok: false, error: 'full' };
    id = newId(slots);
    slots.unshift({ id, name, ...entry });
  }
  const res = write(slots);
  if (!res.ok) return res;
  currentSlot = id;
  try {
    localStorage.setItem(SAVE_KEY, text);
  } catch {
    // the slot holds it
  }
  return { ok: true, id: id! };
}

export function renameSlot(id: string, name: string): void {
  const slots = listSlots();
  const s = slots.find((x) => x.id === id);
  if (!s) return;
  s.name = name;
  write(slots);
}

export function deleteSlot(id: string): void {
  const slots = listSlots().filter((x) => x.id !== id);
  write(slots);
  if (currentSlot === id) currentSlot = null;
  if (id === 'autosave' || slots.length === 0) {
    try {
      localStorage.removeItem(SAVE_KEY);
    } catch {
      // nothing to remove
    }
  }
}
