/**
 * The Plan screen's form as data: what the student typed (text, so a half-typed number is kept),
 * turned into a decisions-file round (yuan, ids) and checked by the same validator as the CLI.
 * Each problem is mapped back to the form field it names.
 */
import { formatYuan, hasAtMostTwoDecimals, mulRoundHalfUp, referencePriceFen, restore, seedStream, yuanToFen, type GameState, type World } from '../engine';
import { hasMarket, planRestock, staffAgents } from '../sim/bots/common';
import { viewFor } from '../sim/bots/view';
import { priceCapFen, type Problem } from '../sim/scenario';
import { promotionToFile, type PromotionDraft } from './promotionForms';
import { buildSearch, hasSearch, searchDraftOf, searchFieldOf, type SearchDraft } from './searchDraft';
import { checkDecisions, withRound, type RoundEntry, type Session } from './session';

export interface ListingDraft {
  c: number;
  p: number;
  active: boolean;
  price: string;
  shipping: string;
  sellerPaysShipping: boolean;
  presale: boolean;
}

export interface RestockDraft {
  c: number;
  p: number;
  quantity: string;
}

export interface MarketingDraft {
  decoration: string;
  media: string;
  charity: string;
  iso: boolean;
  iec: boolean;
}

export interface PlanDraft {
  round: number;
  /** true for a first plan filled in by the coach (a sensible start, with a note of what to change) */
  coached?: boolean;
  listings: ListingDraft[];
  restock: RestockDraft[];
  marketing: MarketingDraft;
  promotions: PromotionDraft[];
  /** title keywords and paid search (absent in a scenario without keywords) */
  search?: SearchDraft;
  /** customer-service agents as typed; null when the scenario has no rules.service */
  agents: string | null;
  /** member points given back, percent of each order as typed (absent in drafts from before them) */
  points?: string;
  /** the percent in force when the round began; the decisions name the rate only when it changes */
  pointsInForce?: string;
  /** the gift policy (course §5: a surprise lifts the rating, a promise does not); absent without rules.service */
  gift?: GiftDraft;
}

/** A small gift in every delivered order of one product; product '' is no gift. */
export interface GiftDraft {
  product: string;
  unitCost: string;
  announced: boolean;
  /** the policy in force when the round began (giftKey); the decisions carry the gift only when it changes */
  inForce: string;
}

/** A gift policy as one comparable string: '' for no gift. */
export function giftKey(product: string, unitCostFen: number, announced: boolean): string {
  return product === '' ? '' : `${product}|${unitCostFen}|${announced}`;
}

/** The gift policy the shop has now (it carries over from round to round), as the form shows it. */
export function giftDraftOf(world: World, shop: GameState['shops'][number] | null): GiftDraft {
  const g = shop?.service.gift ?? null;
  if (!g) return { product: '', unitCost: formatYuan(Math.max(1, Math.round(world.products[0]!.unitCostFen * 0.02))), announced: false, inForce: '' };
  const product = world.products[g.product]!.id;
  return { product, unitCost: formatYuan(g.unitCostFen), announced: g.announced, inForce: giftKey(product, g.unitCostFen, g.announced) };
}

/** A problem tied to a form field id (e.g. "listing:0:price"), or to the form as a whole (""). */
export interface FieldProblem {
  field: string;
  path: string;
  message: string;
  /** the validator's message in Chinese */
  messageZh?: string;
  /** a message key of the UI's own (number parsing), translated by the screen */
  local?: 'notNumber' | 'notCount' | 'notPlainNumber' | 'notJson';
}

const yuanText = (fen: number) => formatYuan(fen);

/** Reference price of a product in a city for a round (trend applied), fen. */
export function referenceFen(world: World, p: number, c: number, round: number): number {
  return referencePriceFen(world, p, c, round);
}

export function capFen(world: World, p: number, c: number, round: number): number {
  return priceCapFen(world, p, c, round);
}

/** Share of the reference price the coached opening lists at. */
export const COACH_PRICE_SHARE = 0.95;

/**
 * The coached opening for a shop that has not planned a round yet: every market 5% under the
 * reference price with free shipping, restock for about an equal share of each city's published
 * buyers (what the cash allows, keeping 2,000 yuan back), and 500 each of decoration and media when
 * the cash can spare it; with customer service, agents for a quarter more than the inquiries to
 * expect. A starting point that does not lose round 1 by far; the Plan screen says what to change.
 */
function coachedOpening(world: World, state: GameState, shop: number): { restock: Map<number, number>; marketingFen: number; agents: number | null } {
  const view = viewFor(world, state, shop, restore(seedStream(state.seed, 'coach')));
  const restock = new Map<number, number>();
  const cash = state.shops[shop]!.cashFen;
  const marketingFen = cash >= 1000000 ? 50000 : 0;
  const spare = { ...view, me: { ...view.me, cashFen: cash - 2 * marketingFen } };
  for (const r of planRestock(spare, { ambition: 1, reserveFen: 200000 }, (c, p) => hasMarket(view, c, p))) restock.set(r.city * world.products.length + r.product, r.quantity);
  return { restock, marketingFen, agents: world.rules.service ? staffAgents(view, 1.25) : null };
}

/**
 * The form for the next round: last round's entries if any, else the coached opening (or, with
 * `coach: false`, every market at its reference price and nothing bought).
 */
export function initialDraft(session: Session, state: GameState, opts: { coach?: boolean } = {}): PlanDraft {
  const { world } = session;
  const round = state.round + 1;
  const C = world.cities.length;
  const P = world.products.length;
  const last = session.decisions?.rounds.find((r) => r.round === round - 1) ?? null;
  const shop = session.player >= 0 ? state.shops[session.player]! : null;
  // A shop that has planned no round yet gets the coached opening.
  const coach = opts.coach !== false && shop && !session.decisions?.rounds.length && !shop.bankrupt ? coachedOpening(world, state, session.player) : null;
  const listings: ListingDraft[] = [];
  for (let c = 0; c < C; c++) {
    for (let p = 0; p < P; p++) {
      if (world.products[p]!.referencePriceFen[c] === 0) continue;
      const prev = last?.listings.find((l) => l.city === world.cities[c]!.id && l.product === world.products[p]!.id);
      const live = shop?.listings[c * P + p] ?? null;
      const ref = referenceFen(world, p, c, round);
      const cap = capFen(world, p, c, round);
      if (prev && prev.active !== false && prev.price !== undefined) {
        // Keep last round's price, unless this round's cap (a price trend) makes it illegal.
        const priceFen = Math.round(prev.price * 100);
        const shipFen = prev.sellerPaysShipping ? 0 : Math.round((prev.shipping ?? 0) * 100);
        const legal = priceFen + shipFen <= cap;
        listings.push({
          c,
          p,
          active: true,
          price: yuanText(legal ? priceFen : ref),
          shipping: yuanText(legal ? shipFen : 0),
          sellerPaysShipping: prev.sellerPaysShipping ?? false,
          presale: prev.presale ?? false,
        });
      } else if (prev) {
        listings.push({ c, p, active: false, price: yuanText(live?.priceFen ?? ref), shipping: '0.00', sellerPaysShipping: false, presale: false });
      } else if (coach) {
        listings.push({ c, p, active: true, price: yuanText(tidy(mulRoundHalfUp(ref, COACH_PRICE_SHARE))), shipping: '0.00', sellerPaysShipping: true, presale: false });
      } else {
        listings.push({ c, p, active: true, price: yuanText(ref), shipping: '0.00', sellerPaysShipping: false, presale: false });
      }
    }
  }
  const restock: RestockDraft[] = [];
  for (let c = 0; c < C; c++) for (let p = 0; p < P; p++) restock.push({ c, p, quantity: coach?.restock.has(c * P + p) ? String(coach.restock.get(c * P + p)) : '' });
  const spend = coach ? yuanText(coach.marketingFen) : '0';
  return {
    round,
    ...(coach ? { coached: true } : {}),
    listings,
    restock,
    marketing: { decoration: spend, media: spend, charity: '0', iso: shop?.iso ?? false, iec: shop?.iec ?? false },
    promotions: [],
    ...(hasSearch(world) ? { search: searchDraftOf(world, state, session.player) } : {}),
    agents: world.rules.service ? String(coach?.agents ?? shop?.service.agents ?? world.rules.service.startAgents) : null,
    ...(world.rules.service ? { gift: giftDraftOf(world, shop) } : {}),
    points: String(Math.round((shop?.memberPointsRate ?? 0) * 100_000) / 1000),
    pointsInForce: String(Math.round((shop?.memberPointsRate ?? 0) * 100_000) / 1000),
  };
}

/** A price rounded down to a whole 0.1 yuan, as a person would price. */
const tidy = (fen: number) => Math.max(1, Math.floor(fen / 10) * 10);

function parseNumber(text: string): number | null {
  const t = text.trim().replace(/^¥/, '');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : NaN;
}

interface Built {
  entry: RoundEntry;
  /** JSON path prefix inside the round → form field prefix */
  listingRows: number[];
  restockRows: number[];
  titleRows: number[];
  adRows: number[];
  local: FieldProblem[];
}

export function buildEntry(world: World, draft: PlanDraft): Built {
  const local: FieldProblem[] = [];
  const listingRows: number[] = [];
  const listings: RoundEntry['listings'] = [];
  draft.listings.forEach((l, i) => {
    const city = world.cities[l.c]!.id;
    const product = world.products[l.p]!.id;
    listingRows.push(i);
    if (!l.active) {
      listings.push({ city, product, active: false });
      return;
    }
    const item: RoundEntry['listings'][number] = { city, product };
    const price = parseNumber(l.price);
    if (Number.isNaN(price)) local.push({ field: `listing:${i}:price`, path: '', message: '', local: 'notNumber' });
    else if (price !== null) item.price = price;
    if (l.sellerPaysShipping) item.sellerPaysShipping = true;
    else {
      const ship = parseNumber(l.shipping);
      if (Number.isNaN(ship)) local.push({ field: `listing:${i}:shipping`, path: '', message: '', local: 'notNumber' });
      else if (ship !== null) item.shipping = ship;
    }
    if (l.presale) item.presale = true;
    listings.push(item);
  });
  const restockRows: number[] = [];
  const restock: RoundEntry['restock'] = [];
  draft.restock.forEach((r, i) => {
    const q = parseNumber(r.quantity);
    if (q === null || q === 0) return;
    if (Number.isNaN(q)) {
      local.push({ field: `restock:${i}:quantity`, path: '', message: '', local: 'notCount' });
      return;
    }
    restockRows.push(i);
    restock.push({ city: world.cities[r.c]!.id, product: world.products[r.p]!.id, quantity: q });
  });
  const marketing = { decoration: 0, media: 0, charity: 0, iso: draft.marketing.iso, iec: draft.marketing.iec };
  for (const key of ['decoration', 'media', 'charity'] as const) {
    const v = parseNumber(draft.marketing[key]);
    if (Number.isNaN(v)) local.push({ field: `marketing:${key}`, path: '', message: '', local: 'notNumber' });
    else marketing[key] = v ?? 0;
  }
  const promotions: unknown[] = [];
  draft.promotions.forEach((pr, i) => {
    const { value, problems } = promotionToFile(pr);
    for (const p of problems) local.push({ field: `promotion:${i}:${p.field}`, path: '', message: '', local: p.kind });
    promotions.push(value);
  });
  const entry: RoundEntry = { round: draft.round, listings, restock, marketing, promotions };
  if (draft.agents !== null) {
    const agents = parseNumber(draft.agents);
    if (Number.isNaN(agents)) local.push({ field: 'service:agents', path: '', message: '', local: 'notNumber' });
    else if (agents !== null) entry.service = { agents };
  }
  if (draft.gift) {
    // The policy carries over: the round's decisions name it only when the form changes it.
    const g = draft.gift;
    if (g.product === '') {
      if (g.inForce !== '') entry.service = { ...entry.service, surpriseGift: null };
    } else {
      const cost = parseNumber(g.unitCost);
      if (Number.isNaN(cost)) local.push({ field: 'service:giftCost', path: '', message: '', local: 'notNumber' });
      // an empty cost goes to the validator, which names the rule (at least 0.01 yuan)
      else if (cost === null || !hasAtMostTwoDecimals(cost) || giftKey(g.product, yuanToFen(cost), g.announced) !== g.inForce)
        entry.service = { ...entry.service, surpriseGift: { product: g.product, unitCost: cost ?? 0, ...(g.announced ? { announced: true } : {}) } };
    }
  }
  if (draft.points !== undefined) {
    const pct = parseNumber(draft.points);
    if (Number.isNaN(pct)) local.push({ field: 'points:rate', path: '', message: '', local: 'notNumber' });
    else if (draft.points.trim() !== draft.pointsInForce) entry.memberPoints = { rate: Math.round((pct ?? 0) * 1e6) / 1e8 };
  }
  let titleRows: number[] = [];
  let adRows: number[] = [];
  if (draft.search) {
    const s = buildSearch(world, draft.search);
    entry.search = s.entry;
    titleRows = s.titleRows;
    adRows = s.adRows;
    for (const l of s.local) local.push({ field: l.field, path: '', message: '', local: 'notNumber' });
  }
  return { entry, listingRows, restockRows, titleRows, adRows, local };
}

/** Maps a validator problem's JSON path inside the round to a form field id. */
function fieldOf(path: string, roundIndex: number, built: Built): string | null {
  const prefix = `$.rounds[${roundIndex}]`;
  if (!path.startsWith(prefix)) return null;
  const rest = path.slice(prefix.length);
  let m = /^\.listings\[(\d+)\](?:\.(\w+))?/.exec(rest);
  if (m) {
    const row = built.listingRows[Number(m[1])];
    const key = m[2] === 'shipping' ? 'shipping' : 'price';
    return row === undefined ? '' : `listing:${row}:${key}`;
  }
  m = /^\.restock\[(\d+)\]/.exec(rest);
  if (m) {
    const row = built.restockRows[Number(m[1])];
    return row === undefined ? '' : `restock:${row}:quantity`;
  }
  m = /^\.marketing\.(\w+)/.exec(rest);
  if (m) return `marketing:${m[1]}`;
  if (rest.startsWith('.service.surpriseGift')) return rest.startsWith('.service.surpriseGift.product') ? 'service:giftProduct' : 'service:giftCost';
  if (rest.startsWith('.service')) return 'service:agents';
  if (rest.startsWith('.memberPoints')) return 'points:rate';
  m = /^\.promotions\[(\d+)\](?:\.(\w+))?/.exec(rest);
  if (m) return `promotion:${m[1]}:${m[2] ?? ''}`;
  if (rest.startsWith('.search')) return searchFieldOf(rest.slice('.search'.length), built);
  return '';
}

export interface Checked {
  entry: RoundEntry | null;
  problems: FieldProblem[];
}

/** The live rule check: the same `loadDecisions` the CLI runs, on the player's file plus this round. */
export function checkDraft(session: Session, draft: PlanDraft): Checked {
  const built = buildEntry(session.world, draft);
  if (built.local.length) return { entry: null, problems: built.local };
  const file = withRound(session, built.entry);
  if (!file) return { entry: built.entry, problems: [] };
  const res = checkDecisions(session, file);
  if (res.ok) return { entry: built.entry, problems: [] };
  const roundIndex = file.rounds.length - 1;
  const problems = res.problems.map((p: Problem): FieldProblem => ({ ...p, field: fieldOf(p.path, roundIndex, built) ?? '' }));
  return { entry: null, problems };
}
