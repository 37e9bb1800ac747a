/**
 * Save slots: a new game never replaces another game's save; a game saves over its own slot only;
 * with every slot taken nothing is replaced; an autosave from before slots continues as a slot.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenario/builtin';
import { checkDraft, initialDraft } from '../../src/ui/planDraft';
import { current, playRoundWith, SAVE_KEY, startSession, type Session } from '../../src/ui/session';
import { deleteSlot, listSlots, MAX_SLOTS, saveGame, useSlot } from '../../src/ui/saveSlots';

class MemoryStorage {
  private m = new Map<string, string>();
  getItem(k: string): string | null {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.m.set(k, String(v));
  }
  removeItem(k: string): void {
    this.m.delete(k);
  }
  clear(): void {
    this.m.clear();
  }
}

function played(id: string, seed: number): Session {
  const res = startSession(builtinScenario(id), seed);
  if (!res.ok) throw new Error('start');
  const s = res.value;
  const checked = checkDraft(s, initialDraft(s, current(s)));
  const next = playRoundWith(s, checked.entry);
  if (!next.ok) throw new Error('play');
  return next.value;
}

const at = new Date('2026-03-01T09:30:00Z');

beforeEach(() => {
  (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
  useSlot(null);
});

describe('when games are saved', () => {
  it('should give a new game its own slot and never replace another game’s (2 games → 2 slots)', () => {
    const a = played('tutorial', 1);
    const first = saveGame(a, 'A', at);
    expect(first.ok).toBe(true);
    const textA = listSlots()[0]!.text;
    useSlot(null); // a new game
    const b = played('classic', 7);
    saveGame(b, 'B', at);
    const slots = listSlots();
    expect(slots.map((s) => s.name)).toEqual(['B', 'A']);
    expect(slots[1]!.text).toBe(textA);
    expect(slots[0]).toMatchObject({ roundsPlayed: 1, rounds: 6, savedAt: '2026-03-01T09:30:00.000Z' });
    // the game in play saves over its own slot only
    saveGame(b, 'ignored', at);
    expect(listSlots()).toHaveLength(2);
    expect(localStorage.getItem(SAVE_KEY)).toBe(listSlots()[0]!.text);
  });

  it('should refuse a new slot when all 20 are taken, replacing nothing', () => {
    const a = played('tutorial', 1);
    for (let i = 0; i < MAX_SLOTS; i++) {
      useSlot(null);
      expect(saveGame(a, `g${i}`, at).ok).toBe(true);
    }
    useSlot(null);
    expect(saveGame(a, 'one too many', at)).toEqual({ ok: false, error: 'full' });
    expect(listSlots()).toHaveLength(MAX_SLOTS);
    expect(listSlots().some((s) => s.name === 'one too many')).toBe(false);
  });

  it('should delete only the slot asked for', () => {
    const a = played('tutorial', 1);
    const x = saveGame(a, 'X', at);
    useSlot(null);
    saveGame(a, 'Y', at);
    if (!x.ok) throw new Error('save');
    deleteSlot(x.id);
    expect(listSlots().map((s) => s.name)).toEqual(['Y']);
  });

  it('should continue an autosave written before slots existed as a slot', () => {
    localStorage.setItem(SAVE_KEY, JSON.stringify({ kind: 'save', scenario: { id: 'classic', name: { zh: '经典市场', en: 'Classic' } }, roundsPlayed: 2 }));
    expect(listSlots()).toMatchObject([{ id: 'autosave', scenario: { zh: '经典市场', en: 'Classic' }, roundsPlayed: 2 }]);
  });
});
