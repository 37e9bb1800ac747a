/**
 * Invariants over generated markets and decisions (fast-check): money and units are conserved,
 * nothing is NaN, stock never negative, conversion at most 1, equal inputs give equal hashes. The
 * players' decisions include generated promotions of every tool (those the platform rules accept),
 * search decisions (titles of the market's keywords, ads with bids and daily budgets) in markets
 * with keywords and search rules, and customer service (agents, surprise gifts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInitialState, playRound, unitsOwned, type GameState, type RoundDecision, type World } from '../../src/engine';
import { loadScenario, priceCapFen, emptyRound } from '../../src/scenario/load';
import { decisionsForRound } from '../../src/sim/game';
import { checkPromotions, promotionWorld, type ListedPrice } from '../../src/scenario/promotions';
import type { Promotion } from '../../src/engine';
import { buildResult, stateHash } from '../../src/sim/result';

/** Every coupon target (contracts: Wave 2): everyone, potential, and the shop's new, repeat, loyal and sleeping customers. */
const COUPON_TARGETS = ['everyone', 'potential', 'new', 'repeat', 'loyal', 'sleeping'] as const;

const CONTROLLERS = ['player', 'bot:undercut', 'bot:brand', 'bot:balanced'];

const scenarioArb = fc
  .record({
    cities: fc.integer({ min: 1, max: 3 }),
    products: fc.integer({ min: 1, max: 3 }),
    shops: fc.integer({ min: 1, max: 4 }),
    rounds: fc.integer({ min: 1, max: 3 }),
    ticks: fc.integer({ min: 1, max: 6 }),
    fluctuation: fc.double({ min: 0, max: 0.5, noNaN: true }),
    delayP: fc.double({ min: 0, max: 1, noNaN: true }),
    delayTicks: fc.integer({ min: 0, max: 4 }),
    lead: fc.integer({ min: 0, max: 5 }),
    capacity: fc.integer({ min: 20, max: 400 }),
    rent: fc.integer({ min: 0, max: 400 }),
    credit: fc.integer({ min: 0, max: 2000 }),
    deadline: fc.integer({ min: 1, max: 6 }),
    seedBase: fc.integer({ min: 0, max: 1_000_000 }),
    demand: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 36, maxLength: 36 }),
    refs: fc.array(fc.integer({ min: 10, max: 120 }), { minLength: 9, maxLength: 9 }),
    cash: fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 4, maxLength: 4 }),
    stock: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 12, maxLength: 12 }),
    controllers: fc.array(fc.constantFrom(...CONTROLLERS), { minLength: 4, maxLength: 4 }),
    qty: fc.boolean(),
    // Customer service (course §5): wages, refunds, gifts, response times; absent in some markets.
    service: fc.option(
      fc.record({
        wage: fc.integer({ min: 0, max: 900 }),
        inquiryShare: fc.double({ min: 0, max: 1, noNaN: true }),
        capacityPerAgent: fc.integer({ min: 1, max: 40 }),
        refund: fc.record({ base: fc.double({ min: 0, max: 0.5, noNaN: true }), perQualityGap: fc.double({ min: 0, max: 1, noNaN: true }), perSlowTick: fc.double({ min: 0, max: 0.2, noNaN: true }) }),
        amendInquiries: fc.integer({ min: 0, max: 20 }),
      }),
      { nil: undefined },
    ),
    quality: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
    description: fc.double({ min: 0, max: 5, noNaN: true }),
    // Search and traffic (course §7): the market's keywords and the funnel's rules; absent in some markets.
    search: fc.option(
      fc.record({
        keywords: fc.array(
          fc.record({
            volume: fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 3, maxLength: 3 }),
            relevance: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        paidShare: fc.integer({ min: 0, max: 100 }),
        paidSlots: fc.integer({ min: 0, max: 4 }),
        pageSize: fc.integer({ min: 1, max: 10 }),
        maxBid: fc.integer({ min: 1, max: 20 }),
      }),
      { nil: undefined },
    ),
  })
  .map((g) => {
    const cities = Array.from({ length: g.cities }, (_, i) => ({ id: `c${i}`, name: { zh: `城${i}`, en: `C${i}` } }));
    const products = Array.from({ length: g.products }, (_, p) => ({
      id: `p${p}`,
      name: { zh: `品${p}`, en: `P${p}` },
      unitCost: 5 + p,
      volume: 1 + p,
      quality: g.quality[p]!,
      referencePrice: Object.fromEntries(cities.map((c, i) => [c.id, g.refs[(p * 3 + i) % 9]!])),
    }));
    const demand = cities.flatMap((c, ci) =>
      products.map((p, pi) => {
        const at = (ci * 3 + pi) * 4;
        return {
          city: c.id,
          product: p.id,
          perRound: { brandLoyal: g.demand[at]!, lowPrice: g.demand[at + 1]!, composite: g.demand[at + 2]!, hesitant: g.demand[at + 3]! },
          deadlineTicks: g.deadline,
          ...(g.qty ? { quantity: [{ quantity: 1, weight: 0.5 }, { quantity: 3, weight: 0.5 }] } : {}),
        };
      }),
    );
    const shops = Array.from({ length: g.shops }, (_, s) => ({
      id: `s${s}`,
      controller: g.controllers[s]!,
      cash: g.cash[s]!,
      stock: { [cities[s % g.cities]!.id]: Object.fromEntries(products.map((p, pi) => [p.id, g.stock[s * 3 + pi]!])) },
    }));
    return {
      scenario: {
        kind: 'scenario', version: 1, id: 'prop', name: { zh: '性质', en: 'Property' },
        rounds: g.rounds, ticksPerRound: g.ticks,
        rules: {
          demandFluctuation: g.fluctuation, restockLeadTicks: g.lead, credit: g.credit,
          carrierDelay: { probability: g.delayP, ticks: g.delayTicks },
          warehouse: { capacity: Math.max(g.capacity, 90 * 3), rent: g.rent },
          rating: { description: g.description },
          ...(g.service ? { service: g.service } : {}),
          ...(g.search ? { search: { paidShare: g.search.paidShare / 100, paidSlots: g.search.paidSlots, pageSize: g.search.pageSize, maxBid: g.search.maxBid } } : {}),
        },
        ...(g.search
          ? {
              keywords: g.search.keywords.map((k, i) => ({
                id: `k${i}`,
                searchVolume: Object.fromEntries(cities.map((c, ci) => [c.id, k.volume[ci]!])),
                relevance: Object.fromEntries(products.map((p, pi) => [p.id, k.relevance[pi]! / 100])),
              })),
            }
          : {}),
        cities, products, demand, shops,
      },
      seed: g.seedBase,
    };
  });

/** Random but legal decisions for the player shops: prices within the cap, presale, restock, marketing. */
const playerDecisionsArb = fc.array(
  fc.record({
    priceShare: fc.double({ min: 0.05, max: 1, noNaN: true }),
    shippingShare: fc.double({ min: 0, max: 0.3, noNaN: true }),
    presale: fc.boolean(),
    sellerPays: fc.boolean(),
    restock: fc.integer({ min: 0, max: 60 }),
    spend: fc.integer({ min: 0, max: 800 }),
    iso: fc.boolean(),
    agents: fc.integer({ min: 0, max: 4 }),
    gift: fc.option(fc.record({ unitCost: fc.integer({ min: 1, max: 500 }), announced: fc.boolean() }), { nil: undefined }),
    // Member points (会员积分): thousandths of an order given back, up to the platform's most (0.1); absent: as last round.
    points: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    promos: fc.array(
      fc.record({
        tool: fc.constantFrom('limitedDiscount', 'spendReward', 'bundle', 'buyMoreDiscount', 'coupon', 'groupBuy', 'flashSale', 'memberDay'),
        p: fc.nat(9),
        q: fc.nat(9),
        city: fc.option(fc.nat(9), { nil: null }),
        rate: fc.double({ min: 0.3, max: 0.99, noNaN: true }),
        share: fc.double({ min: 0.2, max: 0.99, noNaN: true }),
        n: fc.integer({ min: 1, max: 40 }),
        k: fc.integer({ min: 2, max: 5 }),
        from: fc.integer({ min: 1, max: 6 }),
        len: fc.integer({ min: 0, max: 6 }),
      }),
      { maxLength: 4 },
    ),
    // Search decisions: a title's keywords (indices folded onto the market's keywords) and ads.
    titles: fc.option(fc.array(fc.record({ p: fc.nat(9), keywords: fc.array(fc.nat(9), { maxLength: 9 }) }), { maxLength: 3 }), { nil: undefined }),
    ads: fc.option(
      fc.array(
        fc.record({ p: fc.nat(9), k: fc.nat(9), bidShare: fc.integer({ min: 0, max: 100 }), budget: fc.integer({ min: 0, max: 30_000 }), cities: fc.option(fc.array(fc.nat(9), { maxLength: 3 }), { nil: null }) }),
        { maxLength: 4 },
      ),
      { nil: undefined },
    ),
  }),
  { minLength: 3, maxLength: 3 },
);

type TitlePick = { p: number; keywords: number[] };
type AdPick = { p: number; k: number; /** percent of the way from the lowest bid to the cap */ bidShare: number; budget: number; cities: number[] | null };

/** Generated search decisions in the engine's form, legal under the world's search rules (bids from the lowest to the cap, at most maxTitleKeywords keywords). */
function searchOf(world: World, titles: TitlePick[] | undefined, ads: AdPick[] | undefined): RoundDecision['search'] {
  const P = world.products.length;
  const C = world.cities.length;
  const K = world.keywords.length;
  const rules = world.rules.search;
  const out: NonNullable<RoundDecision['search']> = {};
  if (titles) out.titles = titles.map((t) => ({ product: t.p % P, keywords: [...new Set(t.keywords.map((k) => k % K))].slice(0, rules.maxTitleKeywords) }));
  if (ads) {
    out.ads = ads.map((a) => ({
      product: a.p % P,
      keyword: a.k % K,
      bidFen: rules.minBidFen + Math.floor(((rules.maxBidFen - rules.minBidFen) * a.bidShare) / 100),
      dailyBudgetFen: a.budget,
      cities: a.cities === null ? null : [...new Set(a.cities.map((c) => c % C))],
    }));
  }
  return out;
}

type PromoPick = { tool: string; p: number; q: number; city: number | null; rate: number; share: number; n: number; k: number; from: number; len: number };

/** A generated promotion in the engine's form, sized to the world and the round's listings. */
function promotionOf(world: World, g: PromoPick, listings: readonly (ListedPrice | null)[]): Promotion {
  const P = world.products.length;
  const C = world.cities.length;
  const product = g.p % P;
  const city = g.city === null ? null : g.city % C;
  const T = world.ticksPerRound;
  const span = { fromTick: Math.min(T, g.from), toTick: Math.min(T, g.from + g.len) };
  const list = listings[(city ?? 0) * P + product]?.priceFen ?? 1000;
  const price = Math.max(100, Math.floor(list * g.share));
  switch (g.tool) {
    case 'limitedDiscount':
      return { type: 'limitedDiscount', product, city, rate: g.rate, ...span };
    case 'buyMoreDiscount':
      return { type: 'buyMoreDiscount', product, city, minQuantity: g.k, rate: g.rate, ...span };
    case 'spendReward':
      return { type: 'spendReward', tiers: [{ thresholdFen: list * g.k, offFen: Math.floor(list * g.k * (1 - g.share) * 0.5) + 1 }], ...span };
    case 'coupon':
      return { type: 'coupon', amountFen: Math.floor(list * (1 - g.share)) + 1, thresholdFen: list * g.k, quantity: g.n, target: COUPON_TARGETS[g.n % COUPON_TARGETS.length]!, ...span };
    case 'groupBuy':
      return { type: 'groupBuy', product, city: city ?? 0, priceFen: price, ...span };
    case 'flashSale':
      return { type: 'flashSale', product, city, priceFen: price, quantity: g.n, perBuyer: 1 + (g.n % 3), ...span };
    case 'memberDay':
      return { type: 'memberDay', weekday: g.n % 7, buy: g.k, get: 1 + (g.q % g.k), product: g.p % 2 ? product : null };
    default:
      return { type: 'bundle', city, items: [{ product, quantity: 1 }, { product: g.q % P, quantity: 1 + (g.n % 2) }], priceFen: price, shippingFen: 0 };
  }
}

type Pick = {
  priceShare: number;
  shippingShare: number;
  presale: boolean;
  sellerPays: boolean;
  restock: number;
  spend: number;
  iso: boolean;
  agents: number;
  gift: { unitCost: number; announced: boolean } | undefined;
  points: number | undefined;
  promos: PromoPick[];
  titles: TitlePick[] | undefined;
  ads: AdPick[] | undefined;
};

function playerRounds(world: World, picks: Pick[]): RoundDecision[] {
  return Array.from({ length: world.rounds }, (_, r) => {
    const pick = picks[r % picks.length]!;
    const d = emptyRound();
    world.cities.forEach((_, c) =>
      world.products.forEach((__, p) => {
        const cap = priceCapFen(world, p, c, r + 1);
        const shippingFen = pick.sellerPays ? 0 : Math.floor(cap * pick.shippingShare);
        const priceFen = Math.max(1, Math.min(cap - shippingFen, Math.floor(cap * pick.priceShare)));
        d.listings.push({ city: c, product: p, listing: { priceFen, shippingFen, sellerPaysShipping: pick.sellerPays, presale: pick.presale } });
        if (pick.restock > 0) d.restock.push({ city: c, product: p, quantity: pick.restock });
      }),
    );
    d.marketing = { decorationFen: pick.spend * 100, mediaFen: pick.spend * 50, charityFen: pick.spend * 10, iso: pick.iso, iec: false };
    // Promotions of every tool, as generated; those breaking a platform rule are left out (the engine never sees them).
    const listings: (ListedPrice | null)[] = new Array(world.cities.length * world.products.length).fill(null);
    for (const l of d.listings) if (l.listing) listings[l.city * world.products.length + l.product] = { priceFen: l.listing.priceFen, shippingFen: l.listing.shippingFen };
    const pw = promotionWorld(world);
    const legal: Promotion[] = [];
    for (const g of pick.promos) {
      const pr = promotionOf(world, g, listings);
      if (checkPromotions([...legal, pr], r + 1, listings, pw).length === 0) legal.push(pr);
    }
    if (legal.length > 0) d.promotions = legal;
    if (pick.titles || pick.ads) d.search = searchOf(world, pick.titles, pick.ads);
    if (world.rules.service) d.service = { agents: pick.agents, surpriseGift: pick.gift ? { product: r % world.products.length, unitCostFen: pick.gift.unitCost, announced: pick.gift.announced } : null };
    if (pick.points !== undefined) d.memberPoints = { rate: Math.min(pick.points / 1000, world.rules.customers.pointsMaxRate) };
    return d;
  });
}

interface Played {
  world: World;
  states: GameState[];
}

function play(world: World, seed: number, given: Map<number, RoundDecision[]>): Played {
  const states = [createInitialState(world, seed)];
  while (states[states.length - 1]!.round < world.rounds) {
    const s = states[states.length - 1]!;
    states.push(playRound(world, s, decisionsForRound(world, s, given)));
  }
  return { world, states };
}

function findNonFinite(v: unknown, path = '$'): string | null {
  if (typeof v === 'number') return Number.isFinite(v) ? null : path;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const hit = findNonFinite(v[i], `${path}[${i}]`);
      if (hit) return hit;
    }
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const hit = findNonFinite(x, `${path}.${k}`);
      if (hit) return hit;
    }
  }
  return null;
}

const gameArb = fc.tuple(scenarioArb, playerDecisionsArb).map(([{ scenario, seed }, picks]) => {
  const res = loadScenario(scenario);
  if (!res.ok) throw new Error(`generated scenario must be valid: ${JSON.stringify(res.problems)}`);
  const world = res.value;
  const given = new Map<number, RoundDecision[]>();
  world.shops.forEach((s, i) => {
    if (s.controller.kind === 'player') given.set(i, playerRounds(world, picks));
  });
  return { world, seed, given };
});

describe('when decisions are generated', () => {
  it('should aim coupons at every target, the shop’s own customer groups included (the properties below run with them)', () => {
    const targets = new Set<string>();
    for (const { given } of fc.sample(gameArb, { numRuns: 300, seed: 7 })) {
      for (const rounds of given.values()) for (const d of rounds) for (const pr of d.promotions ?? []) if (pr.type === 'coupon') targets.add(pr.target);
    }
    expect([...targets].sort()).toEqual([...COUPON_TARGETS].sort());
  });

  it('should include legal promotions of most tools (the properties below run with them)', () => {
    const tools = new Set<string>();
    for (const { given } of fc.sample(gameArb, { numRuns: 60, seed: 7 })) {
      for (const rounds of given.values()) for (const d of rounds) for (const pr of d.promotions ?? []) tools.add(pr.type);
    }
    expect(tools.size).toBeGreaterThanOrEqual(6);
  });

  it('should include search decisions (titles, ads with bids and budgets) in markets with keywords, and service decisions', () => {
    let titles = 0;
    let ads = 0;
    let keywordMarkets = 0;
    let service = 0;
    let points = 0;
    for (const { world, given } of fc.sample(gameArb, { numRuns: 60, seed: 7 })) {
      if (!world.keywordsImplicit) keywordMarkets++;
      for (const rounds of given.values()) {
        for (const d of rounds) {
          titles += d.search?.titles?.length ?? 0;
          ads += d.search?.ads?.filter((a) => a.bidFen > 0 && a.dailyBudgetFen > 0).length ?? 0;
          if (d.service) service++;
          if (d.memberPoints && d.memberPoints.rate > 0) points++;
        }
      }
    }
    expect(keywordMarkets).toBeGreaterThan(5);
    expect(titles).toBeGreaterThan(10);
    expect(ads).toBeGreaterThan(10);
    expect(service).toBeGreaterThan(5);
    expect(points).toBeGreaterThan(10);
    // …and the ads are clicked and paid for in some of those markets (the generation is not vacuous).
    let paid = 0;
    for (const { world, seed, given } of fc.sample(gameArb, { numRuns: 20, seed: 11 })) {
      const last = play(world, seed, given).states.at(-1)!;
      for (const r of last.reports) for (const k of r.keywords) if (k.paidClicks > 0 && k.adSpendFen > 0) paid++;
    }
    expect(paid).toBeGreaterThan(0);
  });
});

describe('when any market is played (property tests)', () => {
  it('should move each shop\'s cash by exactly its booked revenue minus its booked costs', () => {
    fc.assert(
      fc.property(gameArb, ({ world, seed, given }) => {
        const { states } = play(world, seed, given);
        const last = states[states.length - 1]!;
        world.shops.forEach((setup, s) => {
          let revenue = 0;
          let costs = 0;
          for (const r of last.reports) {
            revenue += r.shops[s]!.revenueFen;
            costs += r.shops[s]!.costsFen.reduce((a, b) => a + b, 0);
          }
          expect(last.shops[s]!.cashFen).toBe(setup.cashFen + revenue - costs);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('should conserve member points: given − redeemed over the game = what customers hold, never negative, and redeemed points never more than the goods of their orders', () => {
    fc.assert(
      fc.property(gameArb, ({ world, seed, given }) => {
        const { states } = play(world, seed, given);
        const last = states[states.length - 1]!;
        const S = world.shops.length;
        world.shops.forEach((_, s) => {
          let issued = 0;
          let redeemed = 0;
          for (const r of last.reports) {
            issued += r.shops[s]!.memberPoints.issuedFen;
            redeemed += r.shops[s]!.memberPoints.redeemedFen;
            expect(r.shops[s]!.memberPoints.redeemedFen).toBeGreaterThanOrEqual(0);
          }
          let held = 0;
          for (let i = s; i < last.customers.pointsFen.length; i += S) {
            expect(last.customers.pointsFen[i]!).toBeGreaterThanOrEqual(0);
            held += last.customers.pointsFen[i]!;
          }
          expect(issued - redeemed).toBe(held);
          expect(last.reports.at(-1)!.shops[s]!.memberPoints.outstandingFen).toBe(held);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('should conserve units: start stock + bought = delivered + on hand + on the way', () => {
    fc.assert(
      fc.property(gameArb, ({ world, seed, given }) => {
        const { states } = play(world, seed, given);
        const last = states[states.length - 1]!;
        world.shops.forEach((setup, s) => {
          const start = setup.stock.reduce((a, b) => a + b, 0);
          let bought = 0;
          let delivered = 0;
          for (const r of last.reports) {
            bought += r.shops[s]!.unitsBought;
            delivered += r.shops[s]!.unitsDelivered;
          }
          const owned = unitsOwned(world, last, s).reduce((a, b) => a + b, 0);
          expect(start + bought).toBe(delivered + owned);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('should count every order once as a new or a returning customer’s (woken ones among the returning), and the customer book’s orders as the shops’', () => {
    fc.assert(
      fc.property(gameArb, ({ world, seed, given }) => {
        const { states } = play(world, seed, given);
        const last = states[states.length - 1]!;
        world.shops.forEach((_, s) => {
          let orders = 0;
          for (const r of last.reports) {
            const x = r.shops[s]!;
            expect(x.newCustomerOrders + x.returningOrders).toBe(x.orders);
            expect(x.wokenOrders).toBeLessThanOrEqual(x.returningOrders);
            orders += x.orders;
          }
          expect(last.customers.allOrders[s]).toBe(orders);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('should move owner\'s equity by exactly the profit (stock valued at cost)', () => {
    fc.assert(
      fc.property(gameArb, ({ world, seed, given }) => {
        const { states } = play(world, seed, given);
        for (let r = 1; r < states.length; r++) {
          const before = states[r - 1]!;
          const report = states[r]!.reports[r - 1]!;
          world.shops.forEach((_, s) => {
            const equityBefore = r === 1 ? before.shops[s]!.cashFen + world.shops[s]!.stock.reduce((a, n, slot) => a + n * world.products[slot % world.products.length]!.unitCostFen, 0) : before.reports[r - 2]!.shops[s]!.equityFen;
            expect(report.shops[s]!.equityFen - equityBefore).toBe(report.shops[s]!.profitFen);
          });
        }
      }),
      { numRuns: 40 },
    );
  });

  it('should never produce NaN or Infinity, nor negative stock, review counts or visits', () => {
    fc.assert(
      fc.property(gameArb, ({ world, seed, given }) => {
        const { states } = play(world, seed, given);
        for (const st of states) {
          expect(findNonFinite(st)).toBeNull();
          for (const shop of st.shops) {
            for (const n of shop.stock) expect(n).toBeGreaterThanOrEqual(0);
            for (const n of shop.cityInfluence) expect(n).toBeGreaterThanOrEqual(0);
            expect(shop.ledger.visits).toBeGreaterThanOrEqual(0);
          }
          for (const x of st.inbound) expect(x.reserved).toBeLessThanOrEqual(x.units);
          for (const n of st.potential) expect(n).toBeGreaterThanOrEqual(0);
        }
        expect(findNonFinite(buildResult(world, states[states.length - 1]!))).toBeNull();
      }),
      { numRuns: 60 },
    );
  });

  it('should keep conversion at most 1 and the search funnel in order (clicks ≤ impressions, orders ≤ visits, no negative cost)', () => {
    fc.assert(
      fc.property(gameArb, ({ world, seed, given }) => {
        const { states } = play(world, seed, given);
        const last = states[states.length - 1]!;
        for (const report of last.reports) {
          for (const x of report.shops) {
            expect(x.orders).toBeLessThanOrEqual(x.visits);
            for (const c of x.costsFen) expect(c).toBeGreaterThanOrEqual(0);
          }
          for (const k of report.keywords) {
            expect(k.clicks).toBeLessThanOrEqual(k.impressions);
            expect(k.paidClicks).toBeLessThanOrEqual(k.clicks);
            expect(k.adSpendFen).toBeGreaterThanOrEqual(0);
          }
        }
        for (const round of buildResult(world, last).rounds) {
          for (const shop of round.shops) {
            expect(shop.conversionRate).toBeGreaterThanOrEqual(0);
            expect(shop.conversionRate).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('should give the same hash for the same scenario, seed and decisions', () => {
    fc.assert(
      fc.property(gameArb, ({ world, seed, given }) => {
        const a = play(world, seed, given).states.at(-1)!;
        const b = play(world, seed, given).states.at(-1)!;
        expect(stateHash(a)).toBe(stateHash(b));
      }),
      { numRuns: 30 },
    );
  });
});
