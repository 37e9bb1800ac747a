/**
 * The plan form's search part (course §7) as data: title keywords per product and one paid-search
 * row (直通车) per product and keyword, as the student typed them; turned into the `search` key of
 * a decisions-file round, and each validator path inside it mapped back to its form field. Also
 * the keyword data (数据魔方) the panel shows beside each choice, and the most the bids can spend.
 */
import { formatYuan, type GameState, type World } from '../engine';

export interface AdDraft {
  p: number;
  /** keyword id */
  keyword: string;
  /** yuan per click as typed; '' = no ad on this keyword */
  bid: string;
  /** yuan per day as typed */
  dailyBudget: string;
  /** city id, or '' for every city */
  city: string;
}

export interface SearchDraft {
  /** title keywords (ids) per product, in the order ticked */
  titles: string[][];
  /** one row per product and keyword of the market (those that find the product first), bid '' when not bought */
  ads: AdDraft[];
}

/** The round's `search` key of a decisions file (yuan, ids). */
export interface SearchEntry {
  titles: { product: string; keywords: string[] }[];
  ads: { product: string; keyword: string; bid: number; dailyBudget: number; cities?: string[] }[];
}

/** Keywords that find product `p` (relevance above 0), in the scenario's order. */
export function keywordsFor(world: World, p: number): number[] {
  return world.keywords.map((_, k) => k).filter((k) => world.keywords[k]!.relevance[p]! > 0);
}

/** Whether the scenario lists keywords (a scenario without any has nothing to decide here). */
export function hasSearch(world: World): boolean {
  return !world.keywordsImplicit && world.keywords.length > 0;
}

/**
 * The form for the next round from what is in force: the shop's titles and its ads (the engine
 * keeps both from round to round), and an empty row for every other keyword of the market; per
 * product the keywords that find it come first, most relevant first (an irrelevant word in a
 * title finds nothing, which the panel shows as relevance 0).
 */
export function searchDraftOf(world: World, state: GameState, player: number): SearchDraft {
  const P = world.products.length;
  const shop = player >= 0 ? state.shops[player]! : null;
  const titles: string[][] = [];
  const ads: AdDraft[] = [];
  for (let p = 0; p < P; p++) {
    titles.push((shop?.search.titles[p] ?? []).map((k) => world.keywords[k]!.id));
    const ks = world.keywords.map((_, k) => k);
    ks.sort((a, b) => world.keywords[b]!.relevance[p]! - world.keywords[a]!.relevance[p]! || a - b);
    for (const k of ks) {
      const live = shop?.search.ads.find((a) => a.product === p && a.keyword === k) ?? null;
      const city = live?.cities?.length === 1 ? world.cities[live.cities[0]!]!.id : '';
      ads.push({ p, keyword: world.keywords[k]!.id, bid: live ? formatYuan(live.bidFen) : '', dailyBudget: live ? formatYuan(live.dailyBudgetFen) : '', city });
    }
  }
  return { titles, ads };
}

export interface BuiltSearch {
  entry: SearchEntry;
  /** file index → product (titles) and → draft row (ads) */
  titleRows: number[];
  adRows: number[];
  /** rows whose number does not parse: field id and the key that failed */
  local: { field: string }[];
}

function parse(text: string): number | null {
  const v = text.trim().replace(/^¥/, '');
  if (v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** Every product's title, and an ad for every row with a bid ([] stops them all). */
export function buildSearch(world: World, draft: SearchDraft): BuiltSearch {
  const titles: SearchEntry['titles'] = [];
  const titleRows: number[] = [];
  draft.titles.forEach((ks, p) => {
    titleRows.push(p);
    titles.push({ product: world.products[p]!.id, keywords: ks.slice() });
  });
  const ads: SearchEntry['ads'] = [];
  const adRows: number[] = [];
  const local: { field: string }[] = [];
  draft.ads.forEach((a, i) => {
    const bid = parse(a.bid);
    if (bid === null) return;
    const budget = parse(a.dailyBudget);
    if (Number.isNaN(bid)) local.push({ field: `search:ad:${i}:bid` });
    if (budget === null || Number.isNaN(budget)) local.push({ field: `search:ad:${i}:dailyBudget` });
    if (Number.isNaN(bid) || budget === null || Number.isNaN(budget)) return;
    adRows.push(i);
    ads.push({ product: world.products[a.p]!.id, keyword: a.keyword, bid, dailyBudget: budget, ...(a.city ? { cities: [a.city] } : {}) });
  });
  return { entry: { titles, ads }, titleRows, adRows, local };
}

/** A validator path after `$.rounds[i].search` → the form field it names ('' for the panel as a whole). */
export function searchFieldOf(rest: string, built: Pick<BuiltSearch, 'titleRows' | 'adRows'>): string {
  let m = /^\.titles\[(\d+)\]/.exec(rest);
  if (m) {
    const p = built.titleRows[Number(m[1])];
    return p === undefined ? '' : `search:title:${p}`;
  }
  m = /^\.ads\[(\d+)\](?:\.(\w+))?/.exec(rest);
  if (m) {
    const row = built.adRows[Number(m[1])];
    if (row === undefined) return '';
    const key = m[2] === 'dailyBudget' ? 'dailyBudget' : m[2] === 'cities' ? 'city' : 'bid';
    return `search:ad:${row}:${key}`;
  }
  return '';
}

/** A keyword's line of the market report (数据魔方) for last round; searches per round from the scenario before any. */
export interface KeywordData {
  /** searches per round over all cities (the scenario's search volume) */
  volume: number;
  /** last round, market-wide; null before round 1 */
  last: { searches: number; impressions: number; clicks: number; ctr: number; orders: number; conversion: number; avgCpcFen: number | null } | null;
}

export function keywordData(world: World, state: GameState, k: number): KeywordData {
  const kw = world.keywords[k]!;
  const volume = kw.volume.reduce((a, b) => a + b, 0);
  const report = state.reports[state.reports.length - 1];
  const x = report?.keywords[k];
  if (!x) return { volume, last: null };
  return {
    volume,
    last: {
      searches: x.searches,
      impressions: x.impressions,
      clicks: x.clicks,
      ctr: x.impressions === 0 ? 0 : x.clicks / x.impressions,
      orders: x.orders,
      conversion: x.clicks === 0 ? 0 : x.orders / x.clicks,
      avgCpcFen: x.paidClicks === 0 ? null : Math.round(x.adSpendFen / x.paidClicks),
    },
  };
}

/**
 * The most the ads can spend this round: each ad's daily budget on every day (tick) of the round,
 * fen; rows that do not parse count nothing.
 */
export function adReachFen(world: World, draft: SearchDraft): { perDayFen: number; roundFen: number; ads: number } {
  let perDay = 0;
  let ads = 0;
  for (const a of draft.ads) {
    const bid = parse(a.bid);
    const budget = parse(a.dailyBudget);
    if (bid === null || Number.isNaN(bid) || budget === null || Number.isNaN(budget) || budget < 0) continue;
    perDay += Math.round(budget * 100);
    ads++;
  }
  return { perDayFen: perDay, roundFen: perDay * world.ticksPerRound, ads };
}
