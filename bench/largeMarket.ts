/** A generated scenario file for benchmarks: many shops, cities and products, all four crowds. */
export interface LargeMarketSize {
  shops: number;
  cities: number;
  products: number;
  buyersPerCrowd: number;
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
      quantity: [
        { quantity: 1, weight: 0.7 },
        { quantity: 2, weight: 0.3 },
      ],
    })),
  );
  const strategies = ['undercut', 'brand', 'balanced'];
  const stockPer = Math.ceil((size.buyersPerCrowd * 4 * 1.2) / size.shops) * 2;
  const shops = Array.from({ length: size.shops }, (_, i) => ({
    id: `s${i}`,
    controller: i === 0 ? 'player' : `bot:${strategies[i % strategies.length]}`,
    cash: 5_000_000,
    stock: { [cities[i % size.cities]!.id]: Object.fromEntries(products.map((p) => [p.id, stockPer])) },
  }));
  return {
    kind: 'scenario',
    version: 1,
    id: 'bench-large',
    name: { zh: '大市场基准', en: 'Large market benchmark' },
    rounds: 6,
    ticksPerRound: 30,
    rules: { warehouse: { capacity: 50_000_000, rent: 300 } },
    cities,
    products,
    demand,
    shops,
  };
}
