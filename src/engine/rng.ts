/**
 * Named, independent random streams. Only this module touches seedrandom. Each stream is seeded
 * from the game seed and its own name, so a feature that draws from one stream never shifts the
 * draws of another. The state of every stream lives in the game state (save, load and replay
 * resume exactly).
 */
import seedrandom from 'seedrandom';

export const STREAMS = ['demand', 'choice', 'reviews', 'delivery', 'service', 'customers'] as const;
export type StreamName = (typeof STREAMS)[number];

/** seedrandom's alea state: plain numbers, JSON-safe. */
export interface RngState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}
export type RngStates = Record<StreamName, RngState>;

export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  /** integer in [0, n) */
  int(n: number): number;
  state(): RngState;
}

interface AleaPrng {
  (): number;
  state(): RngState;
}

function wrap(prng: AleaPrng): Rng {
  return {
    next: prng,
    int: (n: number) => Math.floor(prng() * n),
    state: () => prng.state(),
  };
}

export function seedStream(seed: number, name: string): RngState {
  const prng = seedrandom.alea(`shopsim:${seed}:${name}`, { state: true }) as unknown as AleaPrng;
  return prng.state();
}

export function initialStreams(seed: number): RngStates {
  const out = {} as RngStates;
  for (const name of STREAMS) out[name] = seedStream(seed, name);
  return out;
}

export function restore(state: RngState): Rng {
  return wrap(seedrandom.alea('', { state: { ...state } }) as unknown as AleaPrng);
}
