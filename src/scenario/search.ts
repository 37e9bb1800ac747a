/**
 * Search and traffic (流量转化, course §7) in the file formats: the scenario's `keywords` and
 * `rules.search`, and the `search` key of a round's decisions (contracts.md, "Wave 2 additions"),
 * with their defaults and the platform's checks (7 title keywords, bids from 0.05 yuan to the cap,
 * no negative budget), each naming its rule in English and Chinese.
 */
import { z } from 'zod';
import type { Keyword, RoundDecision, SearchRules, World } from '../engine/model';
import { formatYuan, hasAtMostTwoDecimals, yuanToFen } from '../engine/money';
import { doc } from './describe';
import { int, rate, yuan } from './fields';
import { problem, type Problem } from './problems';

const id = z.string().min(1).max(64);
const local = z.strictObject({ zh: doc(z.string().max(200), 'Chinese', '中文'), en: doc(z.string().max(200), 'English', '英文') });

/** Defaults from published figures (domain.md §7); a teaching market scales CTRs to attention relative to position 1. */
export const DEFAULT_SEARCH = {
  paidShare: 0.5,
  paidSlots: 3,
  pageSize: 10,
  // organic CTR 30, 22, 14, 10, 8, 6, 4, 3, 2, 2 % (1% for 11–20), relative to position 1
  organicAttention: [1, 0.73, 0.47, 0.33, 0.27, 0.2, 0.13, 0.1, 0.07, 0.07],
  organicTailAttention: 0.03,
  // paid CTR 7.11, 3.01, 2.19, 2.15, 1.61, 1.04, 0.89, 0.75, 0.55 %, relative to slot 1
  paidAttention: [1, 0.42, 0.31, 0.3, 0.23, 0.15, 0.13, 0.11, 0.08],
  firstOrganicWithAds: 0.7,
  matchScores: { complete: 1, high: 0.7, partial: 0.4 },
  relevanceWeight: 0.4,
  performanceWeight: 0.06,
  minBid: 0.05,
  maxBid: 20,
  maxTitleKeywords: 7,
  qualityMemory: 2 / 3,
  detailPageFloor: 0.8,
  promoGoneConversion: 0.5,
} as const;

const attention = (what: string, zh: string, dflt: readonly number[]) =>
  doc(z.array(doc(rate(0, 1), 'chance at this position, 0–1', '该位置的点开概率（0–1）')).min(1).max(20), `${what}; default ${dflt.join(', ')}`, `${zh}；默认 ${dflt.join(', ')}`).optional();

export const searchRulesSchema = doc(
  z.strictObject({
    paidShare: doc(rate(0, 1), `share of a keyword's searchers whose results page shows paid slots (直通车) above the organic results; default ${DEFAULT_SEARCH.paidShare}`, `搜索某关键词的买家中，结果页上方显示付费推广位（直通车）的比例；默认 ${DEFAULT_SEARCH.paidShare}`).optional(),
    paidSlots: doc(int(0, 9), `paid slots on such a page; default ${DEFAULT_SEARCH.paidSlots}`, `此类结果页的付费推广位数；默认 ${DEFAULT_SEARCH.paidSlots}`).optional(),
    pageSize: doc(int(1, 50), `results on the first page, which a composite-score buyer looks at (hesitant buyers look at rules.hesitant.searchSlots); default ${DEFAULT_SEARCH.pageSize}`, `首页的搜索结果数，综合评价型买家只看首页（犹豫型买家看 rules.hesitant.searchSlots 个）；默认 ${DEFAULT_SEARCH.pageSize}`).optional(),
    organicAttention: attention('chance a searcher opens the organic result at position 1, 2, … (the click-through curve, relative to position 1)', '买家点开第 1、2……位自然搜索结果的概率（点击率曲线，相对第 1 位）', DEFAULT_SEARCH.organicAttention),
    organicTailAttention: doc(rate(0, 1), `the same beyond the listed positions; default ${DEFAULT_SEARCH.organicTailAttention}`, `超出所列位置之后的点开概率；默认 ${DEFAULT_SEARCH.organicTailAttention}`).optional(),
    paidAttention: attention('chance a searcher opens paid slot 1, 2, …', '买家点开第 1、2……个付费推广位的概率', DEFAULT_SEARCH.paidAttention),
    firstOrganicWithAds: doc(rate(0, 1), `share of its attention the first organic result keeps when ads are shown above it (25.7% → 17.9% in published figures); default ${DEFAULT_SEARCH.firstOrganicWithAds}`, `上方有广告时第一位自然结果保留的点开比例（公开数据 25.7% → 17.9%）；默认 ${DEFAULT_SEARCH.firstOrganicWithAds}`).optional(),
    matchScores: doc(
      z.strictObject({
        complete: doc(rate(0, 1), 'the keyword is in the title; default 1.0', '标题含该关键词（完全匹配）；默认 1.0').optional(),
        high: doc(rate(0, 1), 'a title keyword contains it or is contained in it; default 0.7', '标题关键词包含它或被它包含（高度匹配）；默认 0.7').optional(),
        partial: doc(rate(0, 1), 'a title keyword shares a character with it; default 0.4', '标题关键词与它有相同的字（部分匹配）；默认 0.4').optional(),
      }),
      'match scores of the SEO formula [course]',
      'SEO 公式中的匹配得分 [课程规则]',
    ).optional(),
    relevanceWeight: doc(rate(0, 10), `SEO score = relevance × match × this + performance × performanceWeight [course]; default ${DEFAULT_SEARCH.relevanceWeight}`, `SEO 得分 = 相关性 × 匹配得分 × 此值 + 商品表现 × performanceWeight [课程规则]；默认 ${DEFAULT_SEARCH.relevanceWeight}`).optional(),
    performanceWeight: doc(rate(0, 10), `weight of product performance (0–100: last round's sales, review score and conversion) [course]; default ${DEFAULT_SEARCH.performanceWeight}`, `商品表现（0–100：上一期的销量、评价与转化率）的权重 [课程规则]；默认 ${DEFAULT_SEARCH.performanceWeight}`).optional(),
    minBid: doc(yuan(0.01, 100), `lowest bid per click, yuan [platform]; default ${DEFAULT_SEARCH.minBid}`, `每次点击的最低出价，元 [平台规则]；默认 ${DEFAULT_SEARCH.minBid}`).optional(),
    maxBid: doc(yuan(0.01, 10_000), `highest bid per click, yuan (the scenario's cap); default ${DEFAULT_SEARCH.maxBid}`, `每次点击的最高出价，元（场景上限）；默认 ${DEFAULT_SEARCH.maxBid}`).optional(),
    detailPageFloor: doc(
      rate(0, 1),
      `conversion of a visit to a shop without shop visual value (detail-page quality, bought with decoration), relative to the shop with the market's highest; it rises linearly with the visual value normalised by the market's maximum; 1 turns it off; default ${DEFAULT_SEARCH.detailPageFloor} (published conversion within one traffic source spans about ×0.75 from the low to the high end, organic 2.1–2.8%: most of that spread is the page)`,
      `没有店铺视觉值（详情页质量，由装修投入获得）的网店，其访客转化率相对视觉值最高的网店的比例；按视觉值与全市场最高值之比线性升到 1；1 表示不考虑；默认 ${DEFAULT_SEARCH.detailPageFloor}（公开数据中同一流量来源的转化率高低相差约 ×0.75，如自然搜索 2.1–2.8%，其中大部分差别来自详情页）`,
    ).optional(),
    promoGoneConversion: doc(
      rate(0, 1),
      `conversion of a visit whose results page showed a flash sale or coupon that ran out before the buyer arrived (the promotion seen in search no longer in force): the buyer came for a price that is gone; the course names the effect, not its size, so the default is a teaching value: half of them still buy at the full price; 1 turns it off; default ${DEFAULT_SEARCH.promoGoneConversion}`,
      `搜索结果中看到的秒杀或优惠券在买家进店前已抢光（搜索时看到的促销已失效）时的访客转化率：买家冲着已不存在的价格而来；课程只说明有此影响而未给出大小，默认值为教学取值：一半买家仍按原价购买；1 表示不考虑；默认 ${DEFAULT_SEARCH.promoGoneConversion}`,
    ).optional(),
    qualityMemory: doc(rate(0, 1), 'an ad\'s click-through history carried into the next round: new = old × this + this round × (1 − this); default 2/3', '广告点击率历史带入下一期的比例：新 = 旧 × 此值 + 本期 × (1 − 此值)；默认 2/3').optional(),
  }),
  'search and traffic (流量转化): the funnel from impression to click (a visit) to order, SEO and paid search; every field has a default',
  '搜索与流量转化：从展现到点击（访客）再到订单的漏斗、SEO 与付费推广；每一项都有默认值',
);

export const keywordSchema = doc(
  z.strictObject({
    id: doc(id, 'keyword id, also what decisions name it by (e.g. "绿茶")', '关键词 id，决策中用它指代（如 "绿茶"）'),
    word: doc(local, 'the keyword as shown, zh and en; default the id', '显示的关键词（中英文）；默认为 id').optional(),
    searchVolume: doc(z.record(doc(z.string(), 'city id', '城市 id'), doc(rate(0, 10_000_000), 'searches per round', '每期搜索量')), 'searches per round in each city (数据魔方): how a product\'s searching buyers split between keywords; a city left out has none', '每个城市每期的搜索量（数据魔方）：决定搜索型买家在关键词间的分布；未写的城市为 0'),
    relevance: doc(z.record(doc(z.string(), 'product id', '商品 id'), doc(rate(0, 1), 'relevance 0–1', '相关性 0–1')), 'relevance to each product, 0–1; a product left out: 0 (the keyword does not find it)', '与每件商品的相关性（0–1）；未写的商品为 0（搜不到）'),
  }),
  'a search keyword of the market',
  '市场上的一个搜索关键词',
);

export type SearchRulesFile = z.infer<typeof searchRulesSchema>;
export type KeywordFile = z.infer<typeof keywordSchema>;

export function searchRulesFrom(r: SearchRulesFile | undefined): SearchRules {
  const d = DEFAULT_SEARCH;
  return {
    paidShare: r?.paidShare ?? d.paidShare,
    paidSlots: r?.paidSlots ?? d.paidSlots,
    pageSize: r?.pageSize ?? d.pageSize,
    organicAttention: (r?.organicAttention ?? d.organicAttention).slice(),
    organicTailAttention: r?.organicTailAttention ?? d.organicTailAttention,
    paidAttention: (r?.paidAttention ?? d.paidAttention).slice(),
    firstOrganicWithAds: r?.firstOrganicWithAds ?? d.firstOrganicWithAds,
    matchScores: [r?.matchScores?.complete ?? d.matchScores.complete, r?.matchScores?.high ?? d.matchScores.high, r?.matchScores?.partial ?? d.matchScores.partial],
    relevanceWeight: r?.relevanceWeight ?? d.relevanceWeight,
    performanceWeight: r?.performanceWeight ?? d.performanceWeight,
    minBidFen: yuanToFen(r?.minBid ?? d.minBid),
    maxBidFen: yuanToFen(r?.maxBid ?? d.maxBid),
    maxTitleKeywords: d.maxTitleKeywords,
    qualityMemory: r?.qualityMemory ?? d.qualityMemory,
    detailPageFloor: r?.detailPageFloor ?? d.detailPageFloor,
    promoGoneConversion: r?.promoGoneConversion ?? d.promoGoneConversion,
  };
}

/**
 * The world's keywords. A scenario without any gets one implicit keyword per product, its own id,
 * relevant to that product only, searched in every city where it has a market; every listing's
 * title holds it, so organic order is by product performance, then the composite ranking.
 */
export function keywordsFrom(
  list: KeywordFile[] | undefined,
  cities: Map<string, number>,
  products: Map<string, number>,
  world: Pick<World, 'products'>,
  problems: Problem[],
): Keyword[] {
  const C = cities.size;
  const P = products.size;
  if (!list || list.length === 0) {
    return world.products.map((pr, p) => ({
      id: pr.id,
      word: pr.name,
      volume: pr.referencePriceFen.map((r) => (r > 0 ? 1 : 0)),
      relevance: world.products.map((_, q) => (q === p ? 1 : 0)),
    }));
  }
  const seen = new Set<string>();
  return list.map((k, i) => {
    const path = `$.keywords[${i}]`;
    if (seen.has(k.id)) problems.push(problem(`${path}.id`, `duplicate keyword id "${k.id}"`, `关键词 id "${k.id}" 重复`));
    seen.add(k.id);
    const volume = new Array<number>(C).fill(0);
    for (const [city, v] of Object.entries(k.searchVolume)) {
      const c = cities.get(city);
      if (c === undefined) problems.push(problem(`${path}.searchVolume.${city}`, `unknown city "${city}" (known: ${[...cities.keys()].join(', ')})`, `未知的城市 "${city}"（已有：${[...cities.keys()].join(', ')}）`));
      else volume[c] = v;
    }
    const relevance = new Array<number>(P).fill(0);
    for (const [product, r] of Object.entries(k.relevance)) {
      const p = products.get(product);
      if (p === undefined) problems.push(problem(`${path}.relevance.${product}`, `unknown product "${product}" (known: ${[...products.keys()].join(', ')})`, `未知的商品 "${product}"（已有：${[...products.keys()].join(', ')}）`));
      else relevance[p] = r;
    }
    return { id: k.id, word: k.word ?? null, volume, relevance };
  });
}

export const searchDecisionSchema = doc(
  z.strictObject({
    titles: doc(
      z
        .array(
          z.strictObject({
            product: doc(id, 'product (a product id)', '商品（商品 id）'),
            keywords: doc(z.array(doc(id, 'keyword id', '关键词 id')).max(50), 'title keywords, at most 7 [platform], each from the scenario\'s keywords', '标题关键词，最多 7 个 [平台规则]，均须来自场景的关键词列表'),
          }),
        )
        .max(200),
      'title keywords (SEO) per product, from this round on; a product left out keeps its title',
      '各商品的标题关键词（SEO），本期起生效；未写的商品保持原标题',
    ).optional(),
    ads: doc(
      z
        .array(
          z.strictObject({
            product: doc(id, 'product advertised (a product id)', '推广的商品（商品 id）'),
            keyword: doc(id, 'keyword bought (a keyword id)', '购买的关键词（关键词 id）'),
            bid: doc(z.number(), 'most paid per click, yuan: at least rules.search.minBid (0.05) and at most rules.search.maxBid', '每次点击最高出价，元：不低于 rules.search.minBid（0.05），不高于 rules.search.maxBid'),
            dailyBudget: doc(z.number(), 'most spent per tick (day), yuan; the ad stops for the rest of the day when it is spent', '每天（每个 tick）最多花费，元；花完当天停止展示'),
            cities: doc(z.array(doc(id, 'city id', '城市 id')).max(50), 'cities where the ad shows; default all', '投放城市；默认全部').optional(),
          }),
        )
        .max(500),
      'paid search (直通车) this round, ranked by bid × quality score and charged the generalised second price; absent: last round\'s ads; [] stops them',
      '本期的付费推广（直通车），按出价 × 质量分排名，按广义第二价格扣费；不写则沿用上一期，[] 表示全部停止',
    ).optional(),
  }),
  'title keywords and paid search (course §7)',
  '标题关键词与付费推广（课程 §7）',
);

export type SearchDecisionFile = z.infer<typeof searchDecisionSchema>;

/** The search decision of a round in engine terms, or problems naming the field and the rule. */
export function searchOfRound(
  d: SearchDecisionFile,
  path: string,
  world: { productIx: Map<string, number>; cityIx: Map<string, number>; keywordIx: Map<string, number>; search: SearchRules },
  problems: Problem[],
): RoundDecision['search'] {
  const before = problems.length;
  const rules = world.search;
  const productOf = (name: string, at: string): number => {
    const p = world.productIx.get(name);
    if (p === undefined) problems.push(problem(at, `unknown product "${name}" (known: ${[...world.productIx.keys()].join(', ')})`, `未知的商品 "${name}"（已有：${[...world.productIx.keys()].join(', ')}）`));
    return p ?? -1;
  };
  const keywordOf = (name: string, at: string): number => {
    const k = world.keywordIx.get(name);
    if (k === undefined) problems.push(problem(at, `unknown keyword "${name}": a title or an ad may only use the scenario's keywords (known: ${[...world.keywordIx.keys()].join(', ')})`, `未知的关键词 "${name}"：标题和推广只能使用场景中的关键词（已有：${[...world.keywordIx.keys()].join(', ')}）`));
    return k ?? -1;
  };
  const out: NonNullable<RoundDecision['search']> = {};
  if (d.titles) {
    const titles: { product: number; keywords: number[] }[] = [];
    d.titles.forEach((t, i) => {
      const at = `${path}.titles[${i}]`;
      const p = productOf(t.product, `${at}.product`);
      if (t.keywords.length > rules.maxTitleKeywords) {
        problems.push(
          problem(
            `${at}.keywords[${rules.maxTitleKeywords}]`,
            `a title holds at most ${rules.maxTitleKeywords} keywords [platform rule], this one has ${t.keywords.length}`,
            `标题最多 ${rules.maxTitleKeywords} 个关键词 [平台规则]，这里有 ${t.keywords.length} 个`,
          ),
        );
      }
      const ks = t.keywords.map((w, j) => keywordOf(w, `${at}.keywords[${j}]`));
      titles.push({ product: p, keywords: [...new Set(ks)] });
    });
    out.titles = titles;
  }
  if (d.ads) {
    out.ads = d.ads.map((a, i) => {
      const at = `${path}.ads[${i}]`;
      const product = productOf(a.product, `${at}.product`);
      const keyword = keywordOf(a.keyword, `${at}.keyword`);
      if (!(a.bid >= rules.minBidFen / 100) || !hasAtMostTwoDecimals(a.bid)) {
        problems.push(problem(`${at}.bid`, `bid ${a.bid} is below the platform's lowest bid per click, ${formatYuan(rules.minBidFen)} yuan (or has more than 2 decimals)`, `出价 ${a.bid} 低于平台每次点击最低出价 ${formatYuan(rules.minBidFen)} 元（或超过两位小数）`));
      } else if (a.bid > rules.maxBidFen / 100) {
        problems.push(problem(`${at}.bid`, `bid ${a.bid} is above the scenario's cap per click, ${formatYuan(rules.maxBidFen)} yuan (rules.search.maxBid)`, `出价 ${a.bid} 高于本场景每次点击的出价上限 ${formatYuan(rules.maxBidFen)} 元（rules.search.maxBid）`));
      }
      if (!(a.dailyBudget >= 0) || !hasAtMostTwoDecimals(a.dailyBudget)) {
        problems.push(problem(`${at}.dailyBudget`, `daily budget ${a.dailyBudget} must be 0 or more yuan, with at most 2 decimals`, `日预算 ${a.dailyBudget} 必须不小于 0 元，且最多两位小数`));
      }
      let cities: number[] | null = null;
      if (a.cities) {
        cities = [];
        a.cities.forEach((c, j) => {
          const ci = world.cityIx.get(c);
          if (ci === undefined) problems.push(problem(`${at}.cities[${j}]`, `unknown city "${c}" (known: ${[...world.cityIx.keys()].join(', ')})`, `未知的城市 "${c}"（已有：${[...world.cityIx.keys()].join(', ')}）`));
          else if (!cities!.includes(ci)) cities!.push(ci);
        });
      }
      return { product, keyword, bidFen: yuanToFen(Math.max(0, a.bid)), dailyBudgetFen: yuanToFen(Math.max(0, a.dailyBudget)), cities };
    });
  }
  return problems.length > before ? undefined : out;
}
