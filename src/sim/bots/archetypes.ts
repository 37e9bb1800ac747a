/**
 * Strategy archetypes: the kinds of team an instructor meets in class, played closed-loop from
 * what a player sees (the BotView). `shopsim tournament` plays them against the scenario's bots
 * and against each other, so an instructor can check before class that no single rule wins
 * everywhere and that doing nothing scores near the bottom.
 */
import type { RoundDecision } from '../../engine';
import { emptyRound } from '../../scenario/load';
import { balanced } from './balanced';
import { hasMarket, listEverywhere, planRestock, searchPlan, staffAgents } from './common';
import { promoter } from './promoter';
import { capFen, publishedDemand, referenceFen, type BotView, type Strategy } from './view';

/** Cheapest price that still covers the unit cost and the same-city carrier fee, with `margin`. */
function costFloorFen(view: BotView, c: number, p: number, margin: number): number {
  const { world } = view;
  return Math.ceil(world.products[p]!.unitCostFen * (1 + margin)) + world.carrierFeeFen[c * world.cities.length + c]!;
}

const atShare = (share: number) => (view: BotView, c: number, p: number) => Math.round(referenceFen(view, c, p) * share);

function priced(view: BotView, price: (c: number, p: number) => number, ambition: number, presale = false, sells = (c: number, p: number) => hasMarket(view, c, p)): RoundDecision {
  const d = emptyRound();
  d.listings = listEverywhere(view, (c, p) => Math.max(costFloorFen(view, c, p, 0.05), price(c, p)), presale).filter((l) => sells(l.city, l.product));
  d.restock = planRestock(view, { ambition, reserveFen: 100000 }, sells);
  return d;
}

/** Does nothing at all: no listing, no restock, no spend. */
const idle: Strategy = () => emptyRound();

/** Lists everything at the reference price, stocks an equal share. */
const reference: Strategy = (view) => priced(view, (c, p) => atShare(1)(view, c, p), 1);

/** 10% under the reference price, with stock for a large share. */
const undercut: Strategy = (view) => priced(view, (c, p) => atShare(0.9)(view, c, p), 1.5);

/** Dumps near cost (cost + 5% + carrier) with stock for twice an equal share. */
const dump: Strategy = (view) => priced(view, (c, p) => costFloorFen(view, c, p, 0.05), 2);

/** Near the cap, with heavy decoration, media, charity and certification. */
const premium: Strategy = (view) => {
  const d = priced(view, (c, p) => Math.min(capFen(view, c, p), atShare(1.2)(view, c, p)), 0.8);
  const cash = view.me.cashFen;
  const spend = cash > 1500000 ? 200000 : cash > 600000 ? 100000 : 0;
  d.marketing = { decorationFen: spend, mediaFen: spend, charityFen: spend / 2, iso: cash > view.world.rules.isoCostFen + 1000000, iec: false };
  return d;
};

/** Stocks every city's own warehouse for local buyers and lists only where it holds stock. */
const local: Strategy = (view) => {
  const P = view.world.products.length;
  const d = emptyRound();
  d.restock = planRestock(view, { ambition: 1.3, reserveFen: 100000 }, (c, p) => hasMarket(view, c, p));
  const stocked = new Set<number>(d.restock.map((r) => r.city * P + r.product));
  const held = (c: number, p: number) => stocked.has(c * P + p) || view.me.stock[c * P + p]! + view.inbound[c * P + p]! > 0;
  d.listings = listEverywhere(view, (c, p) => Math.max(costFloorFen(view, c, p, 0.05), atShare(0.96)(view, c, p)), false).filter((l) => held(l.city, l.product));
  return d;
};

/** Presells a little under the reference with little stock: sells what it has not got. */
const presale: Strategy = (view) => priced(view, (c, p) => atShare(0.92)(view, c, p), 0.5, true);

/** Sells in one city only: the one with the most published buyers. */
const oneCity: Strategy = (view) => {
  const { world } = view;
  let best = 0;
  let most = -1;
  for (let c = 0; c < world.cities.length; c++) {
    let n = 0;
    for (let p = 0; p < world.products.length; p++) n += publishedDemand(view, c, p);
    if (n > most) {
      most = n;
      best = c;
    }
  }
  return priced(view, (c, p) => atShare(0.95)(view, c, p), 2.5, false, (c, p) => c === best && hasMarket(view, c, p));
};

/** Brand first: a little above the reference, steady brand spend, never presells, modest stock. */
const brandFirst: Strategy = (view) => {
  const d = priced(view, (c, p) => atShare(1.05)(view, c, p), 1);
  const spare = view.me.cashFen > 800000 ? 60000 : 0;
  d.marketing = { decorationFen: spare, mediaFen: spare, charityFen: 0, iso: false, iec: false };
  return d;
};

/**
 * Search first: titles of the most relevant (long-tail) keywords and paid search on the best of
 * them at 2% of the reference price, up to 1% of cash a round; 7% under the reference price with
 * stock for the larger share that search brings.
 */
const seo: Strategy = (view) => {
  const d = priced(view, (c, p) => atShare(0.93)(view, c, p), 1.4);
  const search = searchPlan(view, 0.02, 0.01, 'relevance');
  if (search) d.search = search;
  return d;
};

/**
 * Service first: agents for half again the inquiries it expects (time to spare amends bad
 * reviews), a small gift nobody was promised in the orders of its most wanted product (2% of its
 * unit cost), steady prices 2% under the reference, never presells; gives 3% of each order back
 * as member points; from round 2 it thanks its repeat and loyal customers with a coupon of 5% of
 * a typical price (course §9: keeping a customer costs less than winning one).
 */
const service: Strategy = (view) => {
  const d = priced(view, (c, p) => atShare(0.98)(view, c, p), 1.1);
  const { world } = view;
  if (world.rules.service) {
    let gift = 0;
    let most = -1;
    for (let p = 0; p < world.products.length; p++) {
      let n = 0;
      for (let c = 0; c < world.cities.length; c++) n += publishedDemand(view, c, p);
      if (n > most) {
        most = n;
        gift = p;
      }
    }
    d.service = { agents: staffAgents(view, 1.5), surpriseGift: { product: gift, unitCostFen: Math.max(1, Math.round(world.products[gift]!.unitCostFen * 0.02)), announced: false } };
  }
  // Member points: 3% of each order back from the first round (they carry over), so its
  // customers have a reason to come back.
  if (view.round === 1) d.memberPoints = { rate: Math.min(0.03, world.rules.customers.pointsMaxRate) };
  if (view.round >= 2) {
    let sum = 0;
    for (const l of d.listings) sum += l.listing?.priceFen ?? 0;
    const mean = d.listings.length > 0 ? sum / d.listings.length : 0;
    const threshold = Math.floor(mean / 100) * 100;
    const amountFen = Math.max(100, Math.round((mean * 0.05) / 100) * 100);
    if (threshold >= 200 && amountFen <= threshold - 100) {
      for (const target of ['repeat', 'loyal'] as const) (d.promotions ??= []).push({ type: 'coupon', amountFen, thresholdFen: threshold, quantity: 50, target, fromTick: 1, toTick: world.ticksPerRound });
    }
  }
  return d;
};

export const ARCHETYPES = {
  idle,
  reference,
  undercut,
  dump,
  premium,
  local,
  presale,
  promotions: promoter,
  balanced,
  oneCity,
  brandFirst,
  seo,
  service,
} as const satisfies Record<string, Strategy>;

export type ArchetypeName = keyof typeof ARCHETYPES;
export const ARCHETYPE_NAMES = Object.keys(ARCHETYPES) as ArchetypeName[];

export const ARCHETYPE_LABELS: Record<ArchetypeName, { zh: string; en: string }> = {
  idle: { zh: '什么都不做', en: 'do nothing' },
  reference: { zh: '按参考价上架', en: 'list at the reference price' },
  undercut: { zh: '低于参考价 10%', en: '10% under the reference' },
  dump: { zh: '贴近成本倾销', en: 'dump near cost' },
  premium: { zh: '高价 + 品牌投入', en: 'premium with brand spend' },
  local: { zh: '各城市本地仓', en: 'local warehouses' },
  presale: { zh: '大量预售', en: 'presale' },
  promotions: { zh: '促销为主', en: 'promotions-heavy' },
  balanced: { zh: '稳健均衡', en: 'balanced' },
  oneCity: { zh: '只做一个城市', en: 'one city' },
  brandFirst: { zh: '品牌优先', en: 'brand first' },
  seo: { zh: '搜索优化（长尾词 + 直通车）', en: 'search first (long-tail titles, paid search)' },
  service: { zh: '客服优先（客服充足 + 惊喜赠品 + 老客户券与积分）', en: 'service first (agents, surprise gift, coupons and points for returning customers)' },
};

/**
 * The strategies each shipped scenario is built to teach (its description says what to do): the
 * tournament names them, and test/sim/balance.test.ts checks that the best of them places in the
 * scenario's top three. A scenario not named here teaches no one archetype.
 */
export const LESSON_STRATEGIES: Readonly<Record<string, readonly ArchetypeName[]>> = {
  // list at a legal price, keep the warehouse stocked, do not run out
  tutorial: ['local', 'balanced'],
  // every crowd wins some buyers: price, reviews and the composite index together
  classic: ['balanced', 'promotions'],
  // do not follow the cut below break-even: hold the brand-loyal and composite buyers
  'price-war': ['brandFirst'],
  // stock the buyers' own city, never presell
  'brand-building': ['local'],
  // promotion tools turn the festival's hesitant buyers into orders; agents for the peak
  'double-11': ['promotions'],
  // satisfied customers (answered quickly, rated 4–5) come back
  retention: ['service', 'promotions'],
  // enough agents, a surprise gift
  service: ['service'],
  // long-tail title keywords and paid search
  search: ['seo'],
};

export function isArchetype(name: string): name is ArchetypeName {
  return Object.hasOwn(ARCHETYPES, name);
}
