/**
 * Plays a game round by round with bots and checks the engine's invariants after every round:
 * no NaN or Infinity anywhere in the state, stock never negative, cash = starting cash + revenue
 * − costs, and units never created or lost (start + bought = owned + delivered).
 */
import { unitsOwned, type GameState, type World } from '../../src/engine';
import { newGame, playNextRound } from '../../src/sim/game';

export function nonFinitePaths(v: unknown, path = '$', out: string[] = []): string[] {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) out.push(path);
  } else if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    Array.from(v as ArrayLike<unknown>).forEach((x, i) => nonFinitePaths(x, `${path}[${i}]`, out));
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) nonFinitePaths(x, `${path}.${k}`, out);
  }
  return out;
}

export function invariantProblems(world: World, state: GameState): string[] {
  const problems: string[] = nonFinitePaths(state).slice(0, 5).map((p) => `${p} is not a finite number`);
  state.shops.forEach((shop, s) => {
    const id = world.shops[s]!.id;
    shop.stock.forEach((n, slot) => {
      if (n < 0 || !Number.isInteger(n)) problems.push(`${id}: stock[${slot}] = ${n}`);
    });
    let revenue = 0;
    let costs = 0;
    let bought = 0;
    let delivered = 0;
    for (const r of state.reports) {
      const x = r.shops[s]!;
      revenue += x.revenueFen;
      costs += x.costsFen.reduce((a, b) => a + b, 0);
      bought += x.unitsBought;
      delivered += x.unitsDelivered;
    }
    const start = world.shops[s]!.cashFen;
    if (shop.cashFen !== start + revenue - costs) {
      problems.push(`${id}: cash ${shop.cashFen} ≠ start ${start} + revenue ${revenue} − costs ${costs}`);
    }
    const startUnits = world.shops[s]!.stock.reduce((a, b) => a + b, 0);
    const owned = unitsOwned(world, state, s).reduce((a, b) => a + b, 0);
    if (startUnits + bought !== owned + delivered) {
      problems.push(`${id}: units start ${startUnits} + bought ${bought} ≠ owned ${owned} + delivered ${delivered}`);
    }
  });
  for (const x of state.inbound) if (x.units < 0) problems.push(`inbound units ${x.units}`);
  for (const x of state.parcels) if (x.units < 0) problems.push(`parcel units ${x.units}`);
  return problems;
}

/** Plays the whole game with bots, returning the final state and every invariant broken on the way. */
export function playChecked(world: World, seed: number = world.seed): { state: GameState; problems: string[] } {
  let state = newGame(world, seed);
  const problems: string[] = [];
  while (state.round < world.rounds) {
    state = playNextRound(world, state, new Map());
    for (const p of invariantProblems(world, state)) problems.push(`round ${state.round}: ${p}`);
  }
  return { state, problems };
}
