/**
 * Search and traffic (流量转化, course §7) in engine terms: keywords, the funnel's rules, the
 * decisions a shop makes (title keywords, paid search bids) and what a shop carries between rounds.
 */
import type { LocalText } from '../model';

/** A search keyword of the market (数据魔方). */
export interface Keyword {
  id: string;
  word: LocalText | null;
  /** searches per round by city (relative: the buyers themselves come from demand) */
  volume: number[];
  /** relevance to each product, 0..1 */
  relevance: number[];
}

export interface SearchRules {
  /** share of a keyword's searchers whose results page carries paid slots (直通车) */
  paidShare: number;
  /** paid slots above the organic results on such a page */
  paidSlots: number;
  /** results a composite-score buyer looks at (the first page) */
  pageSize: number;
  /** chance a buyer opens the organic result at position 1, 2, … (CTR relative to position 1) */
  organicAttention: number[];
  /** the same beyond the listed positions */
  organicTailAttention: number;
  /** chance a buyer opens paid slot 1, 2, … */
  paidAttention: number[];
  /** the first organic result keeps this share of its attention when ads are shown above it */
  firstOrganicWithAds: number;
  /** match scores of a title keyword: complete, high, partial */
  matchScores: [number, number, number];
  /** SEO score = relevance × match × relevanceWeight + performance × performanceWeight */
  relevanceWeight: number;
  performanceWeight: number;
  /** bids allowed per click, fen */
  minBidFen: number;
  maxBidFen: number;
  maxTitleKeywords: number;
  /** an ad's click-through history: new = old × memory + this round's CTR × (1 − memory) */
  qualityMemory: number;
  /** conversion of a visit to a shop with no visual value, relative to the market's best-decorated shop (detail-page quality) */
  detailPageFloor: number;
  /** conversion of a visit whose flash sale or coupon seen in search ran out before the buyer arrived */
  promoGoneConversion: number;
}

/** One paid-search ad (直通车): a bid on a keyword for a product. */
export interface Ad {
  product: number;
  keyword: number;
  bidFen: number;
  /** most spent per tick (day) */
  dailyBudgetFen: number;
  /** cities where it shows; null: all */
  cities: number[] | null;
}

export interface SearchDecision {
  /** title keywords (up to 7) per product; products not named keep their titles */
  titles?: { product: number; keywords: number[] }[];
  /** the round's ads; absent: as last round */
  ads?: Ad[];
}

/** What a shop carries from round to round for search. */
export interface ShopSearch {
  /** title keywords per product */
  titles: number[][];
  ads: Ad[];
  /** fen spent by each ad on the current tick, and that tick */
  spentToday: number[];
  spentTick: number;
  /** product performance 0–100 from last round (sales, review score, conversion) */
  performance: number[];
  /** each keyword's ad click-through history per product, [p * K + k] */
  adCtr: number[];
}

/** The funnel of a shop in the round in progress. */
export interface SearchLedger {
  impressions: number;
  /** clicks on paid slots (every click, paid or organic, is a visit: ShopLedger.visits) */
  adClicks: number;
  /** paid-slot impressions and clicks per product and keyword, [p * K + k] (for the ad's quality) */
  adImpressionsBy: number[];
  adClicksBy: number[];
  /** organic position × searchers, and searchers, per city and product [c * P + p] */
  rankSum: number[];
  rankCount: number[];
  /** units ordered per product (for next round's product performance) */
  unitsByProduct: number[];
  /** the funnel per product: impressions, clicks (visits) and orders */
  impressionsByProduct: number[];
  clicksByProduct: number[];
  ordersByProduct: number[];
}

/** The market-wide keyword report of a round (数据魔方), per keyword. */
export interface KeywordReport {
  searches: number;
  impressions: number;
  clicks: number;
  orders: number;
  paidClicks: number;
  adSpendFen: number;
}
