/**
 * Headless play: a game is (scenario, seed, decisions). Bots decide from what a player may see;
 * a player's shop with no decisions is played by a stand-in bot. The CLI, the browser and
 * grading all drive these same functions.
 */
import { createInitialState, newProductMarket, playRound, type GameState, type RoundDecision, type RoundOptions, type World } from '../engine';
import { restore, seedStream } from '../engine/rng';
import { emptyRound } from '../scenario/load';
import { STAND_IN, STRATEGIES } from './bots';
import { viewFor } from './bots/view';
import { ARCHETYPES, isArchetype } from './bots/archetypes';

/** Decisions per shop index, each a list indexed by round − 1. */
export type DecisionsByShop = ReadonlyMap<number, readonly RoundDecision[]>;

export function newGame(world: World, seed: number = world.seed): GameState {
  return createInitialState(world, seed);
}

/** The decisions every shop plays in the next round. */
export function decisionsForRound(world: World, state: GameState, given: DecisionsByShop): RoundDecision[] {
  const round = state.round + 1;
  return world.shops.map((setup, s) => {
    const mine = given.get(s);
    if (mine) return mine[round - 1] ?? emptyRound();
    if (setup.controller.strategy === 'fixed') return setup.decisions[round - 1] ?? emptyRound();
    if (state.shops[s]!.bankrupt) return emptyRound();
    // Each bot draws from its own stream, named by its shop id and the round: independent of
    // the order shops are written in the file.
    const rng = restore(seedStream(state.seed, `bot:${setup.id}:${round}`));
    const name = setup.controller.strategy;
    const strategy =
      setup.controller.kind === 'player' ? STAND_IN : (STRATEGIES[name as keyof typeof STRATEGIES] ?? (isArchetype(name) ? ARCHETYPES[name] : STAND_IN));
    return strategy(viewFor(world, state, s, rng));
  });
}

export function playNextRound(world: World, state: GameState, given: DecisionsByShop, opts?: RoundOptions): GameState {
  return playRound(world, state, decisionsForRound(world, state, given), opts);
}

/** Plays rounds until `rounds` are done (default: the whole game). */
export function playGame(world: World, seed: number, given: DecisionsByShop, opts?: RoundOptions, rounds: number = world.rounds): GameState {
  let state = newGame(world, seed);
  // One set of market buffers for the whole game; each round's state is dropped once the next is
  // played, so it hands its customer book over instead of having it copied.
  const withBuffers: RoundOptions = { ...opts, market: opts?.market ?? newProductMarket(world, state.shops.length), handOver: true };
  while (state.round < rounds) state = playNextRound(world, state, given, withBuffers);
  return state;
}
