/**
 * Customer service (客服, domain §5): the desk's queue and response time, wages, refunds, the
 * three DSR parts, surprise gifts and bad-review amendment. Every number is worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { COST_KINDS, createInitialState, playRound, type Parcel, type ServiceRules, type World } from '../../src/engine';
import type { RoundContext } from '../../src/engine/context';
import type { Rng } from '../../src/engine/rng';
import { deliveries } from '../../src/engine/stages/fulfil';
import { responseFactor, serveShop } from '../../src/engine/stages/service';
import { emptyRound, loadDecisions } from '../../src/scenario/load';
import { listTea, tinyWorld } from './helpers';

const SERVICE = COST_KINDS.indexOf('service');
const GIFTS = COST_KINDS.indexOf('gifts');

function serviceWorld(service: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): World {
  return tinyWorld({ shops: [{ id: 'a' }], perRound: { lowPrice: 3 }, rules: { service: { refund: { base: 0, perQualityGap: 0, perSlowTick: 0 }, ...service }, ...extra } });
}

const fixed = (u: number): Rng => ({ next: () => u, int: (n) => Math.floor(u * n), state: () => ({ c: 0, s0: 0, s1: 0, s2: 0 }) });

function ctxOf(world: World, u = 0.5, tick = 3): RoundContext {
  const state = createInitialState(world, 1);
  const rng = fixed(u);
  return { world, state, rng: { demand: rng, choice: rng, reviews: rng, delivery: rng, service: rng, customers: rng }, startTick: 1, tick, fansDue: [], flows: null };
}

const parcel = (orders: number, over: Partial<Parcel> = {}): Parcel => ({
  shop: 0, from: 0, city: 0, product: 0, orders, units: orders, revenueFen: orders * 4000, orderTick: 2, deliverTick: 3, deadlineTick: 7, ...over,
});

describe('when inquiries reach the service desk', () => {
  const rules = serviceWorld({ inquiryShare: 0.2, capacityPerAgent: 30, maxResponseTicks: 3, amendInquiries: 10 }).rules.service as ServiceRules;

  it('should answer 200 visits × 0.2 + 5 after-sales = 45 inquiries with 2 agents (60 a tick) in 45 / 60 = 0.75 ticks', () => {
    const ctx = ctxOf(serviceWorld());
    const shop = ctx.state.shops[0]!;
    shop.service.agents = 2;
    shop.ledger.visits = 200;
    shop.service.afterSales = 5;
    serveShop(shop, rules, 3);
    expect(shop.ledger.service.inquiries).toBe(45);
    expect(shop.service.responseTicks).toBe(0.75);
    expect(shop.service.queue).toBe(0);
  });

  it('should queue what one agent cannot answer: 90 inquiries → 3 ticks (the cap), 60 wait; next tick 60 / 30 = 2 ticks', () => {
    const ctx = ctxOf(serviceWorld());
    const shop = ctx.state.shops[0]!;
    shop.service.agents = 1;
    shop.ledger.visits = 450; // × 0.2 = 90
    serveShop(shop, rules, 3);
    expect(shop.service.responseTicks).toBe(3);
    expect(shop.service.queue).toBe(60);
    serveShop(shop, rules, 4);
    expect(shop.service.responseTicks).toBe(2);
    expect(shop.service.queue).toBe(30);
  });

  it('should make every inquiry wait the longest time (3 ticks) when no agent is staffed', () => {
    const ctx = ctxOf(serviceWorld());
    const shop = ctx.state.shops[0]!;
    shop.service.agents = 0;
    shop.ledger.visits = 10;
    serveShop(shop, rules, 3);
    expect(shop.service.responseTicks).toBe(3);
    expect(shop.service.queue).toBe(0);
  });

  it('should carry fractions: 3 visits × 0.2 = 0.6 a tick gives 0, 1, 0, 1, 1 inquiries over five ticks (0.6, 1.2, 0.8, 1.4, 1.0)', () => {
    const ctx = ctxOf(serviceWorld());
    const shop = ctx.state.shops[0]!;
    const seen: number[] = [];
    for (let t = 0; t < 5; t++) {
      shop.ledger.visits += 3;
      const before = shop.ledger.service.inquiries;
      serveShop(shop, rules, 3 + t);
      seen.push(shop.ledger.service.inquiries - before);
    }
    expect(seen).toEqual([0, 1, 0, 1, 1]);
  });

  it('should spend spare time amending bad reviews: 2 agents, 45 inquiries, 15 spare → one of 3 tags cleared (10 each)', () => {
    const ctx = ctxOf(serviceWorld());
    const shop = ctx.state.shops[0]!;
    shop.service.agents = 2;
    shop.ledger.visits = 200;
    shop.service.afterSales = 5;
    shop.tags[0] = [20, 25, 30];
    serveShop(shop, rules, 3);
    expect(shop.tags[0]).toEqual([20, 25]); // the newest tag goes
    expect(shop.ledger.service.amended).toBe(1);
  });

  it('should cost no service rating for an answer within the day (0.9 ticks): 4.6 + 0.5 → 5', () => {
    const ctx = ctxOf(serviceWorld());
    const shop = ctx.state.shops[0]!;
    shop.service.responseTicks = 0.9;
    ctx.state.parcels.push(parcel(1));
    deliveries(ctx);
    expect(shop.ledger.service.serviceSum).toBe(5);
  });

  it('should lower conversion to 1 / (1 + 0.5 × 2) = 0.5 at a 2-tick response, and leave it at 1 without service rules', () => {
    expect(responseFactor(rules, 2)).toBe(1 / (1 + rules.responseConversion * 2));
    expect(rules.responseConversion).toBe(0.5);
    expect(responseFactor(rules, 2)).toBe(0.5);
    expect(responseFactor(null, 2)).toBe(1);
  });
});

describe('when a round staffs agents', () => {
  it('should pay 3 agents × 800.00 = 2400.00 in wages (costs.service) at the round start, and report them', () => {
    const world = serviceWorld();
    const d = listTea(40);
    d.service = { agents: 3 };
    const s1 = playRound(world, createInitialState(world, 1), [d]);
    const r = s1.reports[0]!.shops[0]!;
    expect(r.costsFen[SERVICE]).toBe(240000);
    expect(r.service.agents).toBe(3);
    // The next round keeps 3 agents when its decisions say nothing.
    const s2 = playRound(world, s1, [emptyRound()]);
    expect(s2.reports[1]!.shops[0]!.costsFen[SERVICE]).toBe(240000);
  });

  it('should pay no wages and answer instantly in a scenario without rules.service', () => {
    const world = tinyWorld({ shops: [{ id: 'a' }], perRound: { lowPrice: 3 } });
    const s1 = playRound(world, createInitialState(world, 1), [listTea(40)]);
    const r = s1.reports[0]!.shops[0]!;
    expect(r.costsFen[SERVICE]).toBe(0);
    expect(r.service).toMatchObject({ agents: 0, inquiries: 0, avgResponseTicks: 0, refundRate: 0 });
  });
});

describe('when delivered orders are rated (three DSR parts)', () => {
  // Buyer mood u = 0.5; base 4.6; next-day delivery: logistics 4.6 + 0.5 → 5.
  it('should rate service 4.6 − 1 × (3.5 − 1) = 2.1 (+0.5 → 2) at a 3.5-tick response, and the order 2: a negative tag', () => {
    const ctx = ctxOf(serviceWorld());
    const shop = ctx.state.shops[0]!;
    shop.service.responseTicks = 3.5;
    ctx.state.parcels.push(parcel(1));
    deliveries(ctx);
    const l = shop.ledger;
    expect(l.ratingSum).toBe(2);
    expect([l.service.descriptionSum, l.service.serviceSum, l.service.logisticsSum]).toEqual([5, 2, 5]);
    expect(shop.tags[0]).toEqual([3 + 30]);
  });

  it('should lift the rating by 0.5 with a surprise gift (2.6 + 0.5 → 3, no tag) and not with a promised one (→ 2, a tag); each gift costs 2.00', () => {
    for (const announced of [false, true]) {
      const ctx = ctxOf(serviceWorld());
      const shop = ctx.state.shops[0]!;
      shop.service.responseTicks = 3.5;
      shop.service.gift = { product: 0, unitCostFen: 200, announced };
      ctx.state.parcels.push(parcel(2));
      deliveries(ctx);
      expect(shop.ledger.ratingSum).toBe(announced ? 4 : 6);
      expect(shop.tags[0]).toHaveLength(announced ? 2 : 0);
      expect(shop.ledger.costsFen[GIFTS]).toBe(400);
    }
  });

  it('should rate the description 4.6 − 2 × (1.3 − 1) = 4.0 (+0.5 → 4) for a listing 30% above the reference price', () => {
    const world = serviceWorld({}, { rating: { description: 2 } });
    const ctx = ctxOf(world);
    const shop = ctx.state.shops[0]!;
    shop.listings[0] = { priceFen: 6500, shippingFen: 0, sellerPaysShipping: false, presale: false }; // 65.00 / 50.00 = 1.3
    ctx.state.parcels.push(parcel(1));
    deliveries(ctx);
    expect(shop.ledger.service.descriptionSum).toBe(4);
    expect(shop.ledger.ratingSum).toBe(4); // 4.6 − 0.6 + 0.5 = 4.5 → 4
  });
});

describe('when buyers ask for refunds', () => {
  it('should pay back refunded orders: 2 of 2 orders at 40.00 → no revenue, both units back in stock, refund rate 1', () => {
    const world = serviceWorld({ refund: { base: 1, perQualityGap: 0, perSlowTick: 0 } });
    const ctx = ctxOf(world);
    const shop = ctx.state.shops[0]!;
    const cash = shop.cashFen;
    const stock = shop.stock[0]!;
    ctx.state.parcels.push(parcel(2));
    deliveries(ctx);
    expect(shop.cashFen).toBe(cash);
    expect(shop.ledger.revenueFen).toBe(0);
    expect(shop.stock[0]).toBe(stock + 2);
    expect(shop.ledger.service).toMatchObject({ deliveredOrders: 2, refundOrders: 2, refundFen: 8000, refundUnits: 2 });
    // Each refund request is an after-sales inquiry: 2 + 0 × 0.3.
    expect(shop.service.afterSales).toBe(2);
  });

  it('should ask more refunds of a poorer product: 0.02 + 0.3 × (1 − 0.5) = 0.17, so u = 0.16 refunds and u = 0.18 does not', () => {
    const world = serviceWorld({ refund: { base: 0.02, perQualityGap: 0.3, perSlowTick: 0.02 } });
    (world.products[0] as { quality: number }).quality = 0.5;
    for (const [u, refunded] of [[0.16, 1], [0.18, 0]] as const) {
      const ctx = ctxOf(world, u);
      ctx.state.parcels.push(parcel(1));
      deliveries(ctx);
      expect(ctx.state.shops[0]!.ledger.service.refundOrders).toBe(refunded);
    }
  });
});

describe('when service decisions are checked', () => {
  const file = (service: unknown) => ({ kind: 'decisions', version: 1, scenario: 'tiny', shop: 'a', rounds: [{ round: 1, service }] });

  it('should refuse agents in a scenario without rules.service, naming the field and the rule in en and zh', () => {
    const res = loadDecisions(file({ agents: 2 }), tinyWorld({ shops: [{ id: 'a' }] }));
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.problems[0]!.path).toBe('$.rounds[0].service');
    expect(res.problems[0]!.message).toMatch(/does not simulate customer service \(it has no rules.service\)/);
    expect(res.problems[0]!.messageZh).toMatch(/不模拟客户服务/);
  });

  it('should refuse 1001 agents and a gift of an unknown product', () => {
    const world = serviceWorld();
    const a = loadDecisions(file({ agents: 1001 }), world);
    expect(!a.ok && a.problems[0]).toMatchObject({ path: '$.rounds[0].service.agents', message: expect.stringMatching(/0 to 1000/) });
    const g = loadDecisions(file({ surpriseGift: { product: 'cake', unitCost: 2 } }), world);
    expect(!g.ok && g.problems[0]).toMatchObject({ path: '$.rounds[0].service.surpriseGift.product', message: expect.stringMatching(/unknown product "cake"/) });
  });

  it('should accept agents and a gift, and a null gift that stops it', () => {
    const world = serviceWorld();
    const ok = loadDecisions(file({ agents: 4, surpriseGift: { product: 'tea', unitCost: 2.5, announced: true } }), world);
    expect(ok.ok && ok.value.rounds[0]!.service).toEqual({ agents: 4, surpriseGift: { product: 0, unitCostFen: 250, announced: true } });
    const stop = loadDecisions(file({ surpriseGift: null }), world);
    expect(stop.ok && stop.value.rounds[0]!.service).toEqual({ surpriseGift: null });
  });
});
