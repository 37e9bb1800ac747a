import type { World } from '../src/engine';
import { loadScenario } from '../src/scenario/load';
/** A generated scenario file for benchmarks: many shops, cities and products, all four crowds. */
export interface LargeMarketSize {
  shops: number;
  cities: number;
  products: number;
  buyersPerCrowd: number;
  /** default 6 */
  rounds?: number;
  /** every buyer wants 1 unit (default: 1 or 2) */
  singleUnit?: boolean;
  /** units each shop holds of each product at the start (default: about 2.4 × its share of demand) */
  stockPerShop?: number;
  /** search keywords per product (default 0: buyers search the product's name, no results pages of keywords, no ads) */
  keywords?: number;
}

export function largeMarket(size: LargeMarketSize): unknown {
  const cities = Array.from({ length: size.cities }, (_, i) => ({ id: `c${i}`, name: { zh: `城市${i}`, en: `City ${i}` } }));
  const products = Array.from({ length: size.products }, (_, i) => ({
    id: `p${i}`,
    name: { zh: `商品${i}`, en: `Product ${i}` },
    unitCost: 10 + i * 5,
    referencePrice: Object.fromEntries(cities.map((c, j) => [c.id, 30 + i * 12 + j])),
  }));
  const demand = cities.flatMap((c) =>
    products.map((p) => ({
      city: c.id,
      product: p.id,
      perRound: { brandLoyal: size.buyersPerCrowd, lowPrice: size.buyersPerCrowd, composite: size.buyersPerCrowd, hesitant: size.buyersPerCrowd },
      quantity: size.singleUnit
        ? [{ quantity: 1, weight: 1 }]
        : [
            { quantity: 1, weight: 0.7 },
            { quantity: 2, weight: 0.3 },
          ],
    })),
  );
  const strategies = ['undercut', 'brand', 'balanced'];
  const stockPer = size.stockPerShop ?? Math.ceil((size.buyersPerCrowd * 4 * 1.2) / size.shops) * 2;
  const shops = Array.from({ length: size.shops }, (_, i) => ({
    id: `s${i}`,
    controller: i === 0 ? 'player' : `bot:${strategies[i % strategies.length]}`,
    cash: 5_000_000,
    stock: { [cities[i % size.cities]!.id]: Object.fromEntries(products.map((p) => [p.id, stockPer])) },
  }));
  // Keywords: per product a broad one, then narrower ones (search volume falls, relevance rises).
  const keywords = products.flatMap((p, i) =>
    Array.from({ length: size.keywords ?? 0 }, (_, j) => ({
      id: `k${i}-${j}`,
      word: { zh: `词${i}-${j}`, en: `Keyword ${i}-${j}` },
      searchVolume: Object.fromEntries(cities.map((c) => [c.id, 5000 - j * 1000])),
      relevance: { [p.id]: Math.min(1, 0.6 + j * 0.2) },
    })),
  );
  return {
    kind: 'scenario',
    version: 1,
    id: 'bench-large',
    name: { zh: '大市场基准', en: 'Large market benchmark' },
    rounds: size.rounds ?? 6,
    ticksPerRound: 30,
    rules: { warehouse: { capacity: 50_000_000, rent: 300 } },
    cities,
    products,
    ...(keywords.length ? { keywords } : {}),
    demand,
    shops,
  };
}

/**
 * The market matched to the C reference kernel (bench/ref-kernel.c): one city, one product, every
 * buyer wants one unit, every shop holds stock for the whole demand (up to the 1,000,000 units a file allows); `buyers` in all,
 * spread over the four crowds and 6 rounds.
 */
export function matchedMarket(shops: number, buyers: number): unknown {
  const buyersPerCrowd = Math.round(buyers / 4 / 6);
  return largeMarket({ shops, cities: 1, products: 1, buyersPerCrowd, singleUnit: true, stockPerShop: Math.min(1_000_000, buyersPerCrowd * 4 * 6) });
}

/**
 * A World with more shops than a scenario file may have (the validator allows 60): the matched
 * market loaded with 60 shops, its bot shops repeated (new ids) up to `shops`. Only for measuring
 * how the engine scales; no file of that size is accepted.
 */
export function widenShops(world: World, shops: number): World {
  const bots = world.shops.slice(1);
  const extra = Array.from({ length: shops - world.shops.length }, (_, i) => ({ ...bots[i % bots.length]!, id: `x${i}` }));
  return { ...world, shops: [...world.shops, ...extra] };
}

/**
 * Loads a benchmark scenario, also one with more buyers than the validator accepts in a file
 * (LIMITS.gameBuyers): its demand divided by the smallest k that passes, then multiplied back in
 * the World (the same World as the file would give without the bound). Only for measuring.
 */
export function loadBench(file: unknown): World {
  const f = file as { demand: { perRound: Record<string, number> }[] };
  const problems: string[] = [];
  for (const k of [1, 2, 4, 5, 8, 10, 20, 40]) {
    if (!f.demand.every((d) => Object.values(d.perRound).every((v) => v % k === 0))) continue;
    const scaled = { ...f, demand: f.demand.map((d) => ({ ...d, perRound: Object.fromEntries(Object.entries(d.perRound).map(([c, v]) => [c, v / k])) })) };
    const res = loadScenario(scaled);
    if (!res.ok) {
      problems.push(...res.problems.map((p) => `${p.path}: ${p.message}`));
      continue;
    }
    return { ...res.value, demand: res.value.demand.map((cell) => ({ ...cell, perRound: cell.perRound.map((v) => v * k) })) };
  }
  throw new Error(`bench scenario does not load: ${problems.slice(0, 3).join('; ')}`);
}
