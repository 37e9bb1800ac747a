/**
 * Sample teams: seeded, plausible decisions files for a scenario's player shop, each team with
 * its own pricing, stocking and marketing habits. For trying out grading (examples, tests and the
 * grading benchmark), never for outcomes of a real game.
 */
import { CROWD_COUNT, referencePriceFen, type World } from '../../engine';
import { restore, seedStream } from '../../engine/rng';
import { priceCapFen } from '../../scenario/load';

const yuan = (fen: number) => Math.round(fen) / 100;

export function sampleDecisions(world: World, team: number, seed = 1, shopId?: string): Record<string, unknown> {
  const shop = shopId ?? world.shops.find((s) => s.controller.kind === 'player')?.id ?? world.shops[0]!.id;
  const setup = world.shops.find((s) => s.id === shop)!;
  const rng = restore(seedStream(seed, `sample-team:${team}`));
  const P = world.products.length;
  const priceFactor = 0.78 + 0.3 * rng.next();
  const ambition = 0.08 + 0.2 * rng.next();
  const mediaYuan = Math.round(rng.next() * 4) * 500;
  const presale = rng.next() < 0.3;
  const home = Math.max(0, setup.warehouses.indexOf(true));
  const reach = rng.next() < 0.5 ? [home] : world.cities.map((_, c) => c);
  const rounds = [];
  for (let r = 1; r <= world.rounds; r++) {
    const listings = [];
    const restock = [];
    for (const c of reach) {
      for (let p = 0; p < P; p++) {
        const product = world.products[p]!;
        if (product.referencePriceFen[c] === 0) continue;
        const ref = referencePriceFen(world, p, c, r);
        const wobble = 0.97 + 0.06 * rng.next();
        const priceFen = Math.min(priceCapFen(world, p, c, r), Math.max(product.unitCostFen + 100, Math.round((ref * priceFactor * wobble) / 10) * 10));
        listings.push({ city: world.cities[c]!.id, product: product.id, price: yuan(priceFen), sellerPaysShipping: true, ...(presale ? { presale: true } : {}) });
        const cell = world.demand[c * P + p]!;
        let demand = 0;
        for (let k = 0; k < CROWD_COUNT; k++) demand += cell.perRound[k]!;
        const quantity = Math.round(demand * ambition * (0.8 + 0.4 * rng.next()));
        if (quantity > 0 && r < world.rounds) restock.push({ city: world.cities[c]!.id, product: product.id, quantity });
      }
    }
    rounds.push({ round: r, listings, restock, marketing: { media: mediaYuan, decoration: r === 1 ? mediaYuan : 0 } });
  }
  return { kind: 'decisions', version: 1, scenario: world.id, shop, rounds };
}
