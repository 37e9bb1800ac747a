/** Small markets for promotion tests: every price and count can be worked out by hand. */
import { createInitialState, playRound, type GameState, type RoundDecision, type World } from '../../src/engine';
import { loadDecisions, loadScenario } from '../../src/scenario/load';
import type { Problem } from '../../src/scenario/problems';
import { buildResult, type ShopRoundResult } from '../../src/sim/result';

export interface MarketOptions {
  /** products: id → reference price (yuan) in every city; unit cost 20 */
  products?: Record<string, number>;
  cities?: string[];
  perRound?: Partial<Record<'brandLoyal' | 'lowPrice' | 'composite' | 'hesitant', number>>;
  quantity?: { quantity: number; weight: number }[];
  shops?: string[];
  ticksPerRound?: number;
  rounds?: number;
  rules?: Record<string, unknown>;
  stock?: number;
}

export function market(o: MarketOptions = {}): Record<string, unknown> {
  const cities = o.cities ?? ['hz'];
  const products = o.products ?? { tea: 50 };
  return {
    kind: 'scenario',
    version: 1,
    id: 'promo',
    name: { zh: '促销市场', en: 'Promotion market' },
    rounds: o.rounds ?? 1,
    ticksPerRound: o.ticksPerRound ?? 10,
    rules: { demandFluctuation: 0, holdingCost: 0, warehouse: { rent: 0 }, carrier: { sameCityFee: 0, otherCityFee: 0, perVolume: 0 }, ...(o.rules ?? {}) },
    cities: cities.map((id) => ({ id, name: { zh: id, en: id } })),
    products: Object.entries(products).map(([id, ref]) => ({
      id,
      name: { zh: id, en: id },
      unitCost: 20,
      referencePrice: Object.fromEntries(cities.map((c) => [c, ref])),
    })),
    demand: Object.keys(products).map((product) => ({
      city: cities[0],
      product,
      perRound: o.perRound ?? { lowPrice: 100 },
      ...(o.quantity ? { quantity: o.quantity } : {}),
    })),
    shops: (o.shops ?? ['a']).map((id) => ({
      id,
      controller: 'player',
      cash: 10000,
      stock: { [cities[0]!]: Object.fromEntries(Object.keys(products).map((p) => [p, o.stock ?? 1000])) },
    })),
  };
}

export function world(o: MarketOptions = {}): World {
  const res = loadScenario(market(o));
  if (!res.ok) throw new Error(res.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return res.value;
}

/** A decisions file for one shop. */
export function decisions(shop: string, rounds: unknown[], scenario = 'promo'): Record<string, unknown> {
  return { kind: 'decisions', version: 1, scenario, shop, rounds };
}

export function load(w: World, file: Record<string, unknown>): RoundDecision[] {
  const res = loadDecisions(file, w);
  if (!res.ok) throw new Error(res.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return res.value.rounds;
}

export function problemsOf(w: World, file: Record<string, unknown>): Problem[] {
  const res = loadDecisions(file, w);
  return res.ok ? [] : res.problems;
}

/** Plays every round with the given decision files (one per shop, in the scenario's shop order). */
export function play(w: World, files: Record<string, unknown>[], seed = 1): GameState {
  const perShop = files.map((f) => load(w, f));
  let state = createInitialState(w, seed);
  while (state.round < w.rounds) {
    const r = state.round;
    state = playRound(
      w,
      state,
      perShop.map((d) => d[r]!),
    );
  }
  return state;
}

export function shopResult(w: World, state: GameState, shop: number, round = 1): ShopRoundResult {
  return buildResult(w, state).rounds[round - 1]!.shops[shop]!;
}
