/**
 * Strings of the search panels (plan: title keywords and paid search; review: the funnel), zh-CN
 * and English. Part of the one translation table: i18n.ts spreads them into it.
 */
export const SEARCH_STRINGS = {
  searchTitle: { zh: '标题关键词与直通车', en: 'Title keywords and paid search' },
  searchHelp: {
    zh: '买家先搜索再购买。每件商品的标题最多放 {max} 个关键词：标题含某关键词时，该商品在这个词的自然搜索中排得更靠前（SEO 得分 = 相关性 × 匹配得分 × 0.4 + 商品表现 × 0.06）。直通车按“出价 × 质量分”排名，每次点击按下一名的出价计费（不超过你的出价），当天预算花完即停。',
    en: 'Buyers search before they buy. Each product’s title holds at most {max} keywords: a title that contains a keyword ranks higher in that keyword’s organic results (SEO score = relevance × match × 0.4 + product performance × 0.06). Paid search (直通车) ranks by bid × quality score; each click costs what the next ad needed (never more than your bid), and an ad stops for the day when its daily budget is spent.',
  },
  searchProduct: { zh: '{product}：标题已选 {n}/{max} 个关键词', en: '{product}: {n} of {max} title keywords chosen' },
  searchInTitle: { zh: '标题', en: 'In title' },
  searchKeyword: { zh: '关键词', en: 'Keyword' },
  searchRelevance: { zh: '相关性', en: 'Relevance' },
  searchVolume: { zh: '每期搜索量', en: 'Searches / round' },
  searchImpressions: { zh: '展现', en: 'Impressions' },
  searchClicks: { zh: '点击（点击率）', en: 'Clicks (CTR)' },
  searchOrders: { zh: '成交（转化率）', en: 'Orders (conversion)' },
  searchAvgCpc: { zh: '平均点击花费', en: 'Avg cost per click' },
  searchBid: { zh: '出价 ¥/次', en: 'Bid ¥/click' },
  searchBudget: { zh: '日预算 ¥', en: 'Daily budget ¥' },
  searchCity: { zh: '投放城市', en: 'Cities' },
  searchDataHead: { zh: '数据魔方（上一期，全市场）', en: 'Keyword data (数据魔方: last round, whole market)' },
  searchNoData: { zh: '第 1 期前还没有上一期数据；搜索量来自场景。', en: 'No last-round data before round 1; search volumes are the scenario’s.' },
  searchBidRange: { zh: '出价范围 ¥{min}–¥{max}；出价留空 = 不投放。', en: 'Bids from ¥{min} to ¥{max}; leave the bid empty for no ad.' },
  searchReach: {
    zh: '直通车最多花费：每天 ¥{day}（{ads} 个推广 × 日预算），本期 {days} 天共 ¥{round}。',
    en: 'Paid search can spend at most ¥{day} a day ({ads} ad(s), their daily budgets), ¥{round} over the round’s {days} days.',
  },
  searchReachNone: { zh: '本期没有直通车推广（不花推广费）。', en: 'No paid search this round (no ad spend).' },
  searchReachCash: { zh: '超过现有现金的一半，小心资金。', en: 'More than half your cash: watch your money.' },
  // review: the funnel
  funnelTitle: { zh: '流量漏斗：展现 → 点击（访客）→ 成交', en: 'Funnel: impressions → clicks (visits) → orders' },
  funnelHelp: {
    zh: '展现：你的商品出现在买家看到的搜索结果里的次数；点击即访客；买家只会在点开的网店下单，所以成交永远不超过点击。进店后的转化受负面标签影响；场景开启时，还取决于详情页（装修带来的店铺视觉值）以及搜索时看到的秒杀或优惠券是否还在。',
    en: 'Impressions: times your product was on a results page a buyer saw; a click is a visit; a buyer orders only from a shop it clicked, so orders never exceed clicks. A visit converts less with negative tags and, where the scenario turns them on, with a plain detail page (shop visual value from decoration) or when the flash sale or coupon seen in search has run out.',
  },
  funnelRow: { zh: '展现 {impressions} → 点击 {clicks}（{ctr}）→ 成交 {orders}（{conv}）', en: 'impressions {impressions} → clicks {clicks} ({ctr}) → orders {orders} ({conv})' },
  funnelImpressions: { zh: '展现', en: 'Impressions' },
  funnelClicks: { zh: '点击', en: 'Clicks' },
  funnelOrders: { zh: '成交', en: 'Orders' },
  funnelAdSpend: { zh: '直通车花费 ¥{spend}（每单 ¥{perOrder}）', en: 'Paid search spend ¥{spend} (¥{perOrder} an order)' },
  fSearchRank: {
    zh: '{product} 自然搜索平均排名：你 {mine}，{rival} {theirs}（这类买家只看前 {depth} 个结果）',
    en: '{product} mean organic search rank: you {mine}, {rival} {theirs} (these buyers look at the first {depth} results only)',
  },
} as const;
