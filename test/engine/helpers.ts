/** Tiny markets for rule tests: every number in them can be worked out by hand. */
import { createInitialState, playRound, type GameState, type Listing, type RoundDecision, type World } from '../../src/engine';
import { loadScenario, emptyRound } from '../../src/scenario/load';

export interface TinyShop {
  id: string;
  cash?: number;
  stock?: Record<string, Record<string, number>>;
  reviewScore?: number;
  brand?: { visual?: number; media?: number; charity?: number; iso?: boolean; iec?: boolean };
}

export interface TinyOptions {
  shops: TinyShop[];
  perRound?: Partial<Record<'brandLoyal' | 'lowPrice' | 'composite' | 'hesitant', number>>;
  cities?: string[];
  ticksPerRound?: number;
  rounds?: number;
  rules?: Record<string, unknown>;
  deadlineTicks?: number;
  quantity?: { quantity: number; weight: number }[];
  /** reference price of tea in every city, yuan */
  reference?: number;
}

export function tinyScenario(o: TinyOptions): Record<string, unknown> {
  const cities = o.cities ?? ['hz'];
  return {
    kind: 'scenario',
    version: 1,
    id: 'tiny',
    name: { zh: '小市场', en: 'Tiny market' },
    rounds: o.rounds ?? 2,
    ticksPerRound: o.ticksPerRound ?? 1,
    rules: { demandFluctuation: 0, holdingCost: 0, warehouse: { rent: 0 }, carrier: { sameCityFee: 0, otherCityFee: 0, perVolume: 0 }, ...(o.rules ?? {}) },
    cities: cities.map((id) => ({ id, name: { zh: id, en: id } })),
    products: [{ id: 'tea', name: { zh: '茶', en: 'Tea' }, unitCost: 20, referencePrice: Object.fromEntries(cities.map((c) => [c, o.reference ?? 50])) }],
    demand: [
      {
        city: cities[0],
        product: 'tea',
        perRound: o.perRound ?? { lowPrice: 10 },
        ...(o.deadlineTicks ? { deadlineTicks: o.deadlineTicks } : {}),
        ...(o.quantity ? { quantity: o.quantity } : {}),
      },
    ],
    shops: o.shops.map((s) => ({
      id: s.id,
      controller: 'bot:balanced',
      cash: s.cash ?? 10000,
      stock: s.stock ?? { [cities[0]!]: { tea: 100 } },
      ...(s.reviewScore !== undefined ? { reviewScore: s.reviewScore } : {}),
      ...(s.brand ? { brand: s.brand } : {}),
    })),
  };
}

export function tinyWorld(o: TinyOptions): World {
  const res = loadScenario(tinyScenario(o));
  if (!res.ok) throw new Error(res.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return res.value;
}

/** Listing of tea in city 0 (or `city`) at `price` yuan with `shipping` yuan. */
export function listTea(price: number, shipping = 0, extra: Partial<Listing> & { city?: number } = {}): RoundDecision {
  const d = emptyRound();
  d.listings.push({
    city: extra.city ?? 0,
    product: 0,
    listing: { priceFen: Math.round(price * 100), shippingFen: Math.round(shipping * 100), sellerPaysShipping: extra.sellerPaysShipping ?? false, presale: extra.presale ?? false },
  });
  return d;
}

export function playRounds(world: World, rounds: RoundDecision[][], seed = 1): GameState {
  let state = createInitialState(world, seed);
  for (const decisions of rounds) state = playRound(world, state, decisions);
  return state;
}

/** Units each shop sold in a round (1-based), by crowd. */
export function unitsBy(state: GameState, round: number, shop: number): number[] {
  return state.reports[round - 1]!.shops[shop]!.unitsByCrowd;
}

export function sold(state: GameState, round: number, shop: number): number {
  return state.reports[round - 1]!.shops[shop]!.units;
}
