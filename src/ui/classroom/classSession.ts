/**
 * A team's game in the class market as a browser Session: the class's save (every team's
 * decisions of the rounds played, as the server exports it) replayed by the same `sim/`
 * functions, so the plan, watch and review screens show the market the class really played.
 */
import type { GameState, TickFlows } from '../../engine';
import { playNextRound, newGame } from '../../sim/game';
import { loadSave } from '../../sim/save';
import { problem, type Checked } from '../../sim/scenario';
import type { PlayerDecisionsFile, RoundEntry, Session } from '../session';

export function sessionFromClassSave(save: unknown, shop: string): Checked<Session> {
  const loaded = loadSave(save);
  if (!loaded.ok) return loaded;
  const { world, scenarioFile, seed, roundsPlayed, decisions } = loaded.value;
  const player = world.shops.findIndex((s) => s.id === shop);
  if (player < 0) return { ok: false, problems: [problem('$.scenario.shops', `the class has no shop "${shop}"`, `班级中没有网店 "${shop}"`)] };
  const raw = ((save as { decisions: unknown[] }).decisions ?? []).find((d) => (d as { shop?: unknown }).shop === shop) as { rounds?: Partial<RoundEntry>[] } | undefined;
  const file: PlayerDecisionsFile = {
    kind: 'decisions',
    version: 1,
    scenario: world.id,
    shop,
    rounds: (raw?.rounds ?? []).map((r) => ({
      round: r.round ?? 0,
      listings: r.listings ?? [],
      restock: r.restock ?? [],
      marketing: { decoration: 0, media: 0, charity: 0, iso: false, iec: false, ...(r.marketing ?? {}) },
      promotions: r.promotions ?? [],
    })),
  };
  const states: GameState[] = [newGame(world, seed)];
  let lastFlows: TickFlows[] = [];
  for (let r = 1; r <= roundsPlayed; r++) {
    const flows: TickFlows[] = [];
    // Only the last round's flows are kept: the Watch screen animates the round just played.
    states.push(playNextRound(world, states[states.length - 1]!, decisions, r === roundsPlayed ? { onTick: (f) => flows.push(f) } : undefined));
    if (r === roundsPlayed) lastFlows = flows;
  }
  return { ok: true, value: { scenarioFile, world, seed, player, states, decisions: file, lastFlows } };
}
