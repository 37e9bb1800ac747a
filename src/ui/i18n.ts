/**
 * Every string of the UI, in Chinese (the students' language, with the course's terms) and
 * English. `t(key, vars)` fills {name} placeholders. The language is remembered in localStorage.
 */
import { CLASSROOM_STRINGS } from './classroom/strings';

export type Lang = 'zh' | 'en';

const TABLE = {
  appTitle: { zh: '网店运营推广沙盘', en: 'Online Shop Simulator' },
  language: { zh: '语言', en: 'Language' },
  skipToContent: { zh: '跳到主要内容', en: 'Skip to main content' },

  // start
  startTitle: { zh: '开始', en: 'Start' },
  startIntro: {
    zh: '选择一个市场场景，设定随机种子，然后开始经营你的网店。每一期你先制定计划，再观看买家选择，最后复盘结果。',
    en: 'Choose a market scenario, set the seed and start running your shop. Each round you plan, watch the buyers choose, then review the results.',
  },
  builtinScenarios: { zh: '内置场景', en: 'Built-in scenarios' },
  loadScenarioFile: { zh: '从文件载入场景', en: 'Load a scenario from a file' },
  chooseFile: { zh: '选择文件…', en: 'Choose a file…' },
  noFileChosen: { zh: '未选择文件', en: 'no file chosen' },
  dropHere: { zh: '或把场景文件 (.json) 拖放到这里', en: 'or drop a scenario file (.json) here' },
  fileLoaded: { zh: '已载入文件“{name}”：{scenario}', en: 'Loaded file “{name}”: {scenario}' },
  fileProblems: { zh: '文件“{name}”有 {n} 个问题，未载入：', en: 'File “{name}” has {n} problem(s) and was not loaded:' },
  scenarioMeta: { zh: '{cities} 座城市 · {products} 种商品 · {shops} 家网店 · {rounds} 期', en: 'Cities {cities} · products {products} · shops {shops} · rounds {rounds}' },
  seed: { zh: '随机种子', en: 'Seed' },
  seedHelp: { zh: '相同的场景、种子和决策总是得到相同的结果。', en: 'The same scenario, seed and decisions always give the same result.' },
  seedInvalid: { zh: '种子必须是 0 到 2147483647 之间的整数。', en: 'The seed must be a whole number from 0 to 2147483647.' },
  chooseShop: { zh: '你的网店（小组）', en: 'Your shop (team)' },
  chooseShopHelp: { zh: '此场景有多家玩家网店；其余由替补机器人经营。', en: 'This scenario has several player shops; the others are run by the stand-in bot.' },
  newGame: { zh: '开始新游戏', en: 'New game' },
  continueGame: { zh: '继续存档：{scenario}，已完成 {round} 期', en: 'Continue saved game: {scenario}, {round} round(s) played' },
  noSavedGame: { zh: '暂无自动存档。', en: 'No saved game yet.' },
  importSave: { zh: '导入存档…', en: 'Import a saved game…' },
  importFailed: { zh: '存档文件“{name}”无法导入，当前存档保持不变：', en: 'Saved game “{name}” could not be imported; your current save is unchanged:' },
  importOk: { zh: '已导入存档“{name}”。', en: 'Imported saved game “{name}”.' },
  autosaveCorrupt: { zh: '自动存档已损坏，无法继续：', en: 'The autosave is damaged and cannot be continued:' },
  noPlayerShop: { zh: '此场景没有玩家网店，只能观看机器人对局。', en: 'This scenario has no player shop; you watch the bots play.' },

  // header / nav
  round: { zh: '第 {round} 期 / 共 {rounds} 期', en: 'Round {round} of {rounds}' },
  yourShop: { zh: '你的网店：{name}', en: 'Your shop: {name}' },
  exportSave: { zh: '导出存档', en: 'Export save' },
  menu: { zh: '返回开始', en: 'Back to start' },
  screenPlan: { zh: '计划', en: 'Plan' },
  screenWatch: { zh: '观看', en: 'Watch' },
  screenReview: { zh: '复盘', en: 'Review' },
  screenFinal: { zh: '最终排名', en: 'Final ranking' },

  // plan
  planTitle: { zh: '第 {round} 期计划', en: 'Plan for round {round}' },
  listingsTitle: { zh: '商品上架（一口价与物流运费）', en: 'Listings (fixed price and shipping)' },
  listingsHelp: {
    zh: '成交价 = 一口价 + 物流运费 − 促销优惠。一口价 + 运费不能超过市场参考价 × (1 + {float})，否则为违规价格。',
    en: 'Transaction price = fixed price + shipping − promotion discount. Price + shipping may not exceed reference × (1 + {float}); above that it is an illegal price.',
  },
  city: { zh: '城市', en: 'City' },
  product: { zh: '商品', en: 'Product' },
  listed: { zh: '上架', en: 'Listed' },
  price: { zh: '一口价 (元)', en: 'Price (¥)' },
  shipping: { zh: '运费 (元)', en: 'Shipping (¥)' },
  sellerPays: { zh: '包邮', en: 'Free shipping' },
  presale: { zh: '预售', en: 'Presale' },
  reference: { zh: '参考价', en: 'Reference' },
  cap: { zh: '上限', en: 'Cap' },
  referenceAndCap: { zh: '参考价 ¥{ref} · 上限 ¥{cap}', en: 'Reference ¥{ref} · cap ¥{cap}' },
  stockHere: { zh: '库存', en: 'Stock' },
  restockTitle: { zh: '补货（到配送中心）', en: 'Restock (to a city warehouse)' },
  restockHelp: {
    zh: '按进货成本购入，{lead} 天后到货。在新城市补货会开设配送中心（每期租金 ¥{rent}）。',
    en: 'Bought at unit cost; arrives after {lead} days. Restocking in a new city opens a warehouse (rent ¥{rent} a round).',
  },
  quantity: { zh: '数量', en: 'Quantity' },
  unitCost: { zh: '进货成本', en: 'Unit cost' },
  onHand: { zh: '现有 {n}', en: '{n} on hand' },
  marketingTitle: { zh: '推广投入（综合评价指数）', en: 'Marketing spend (composite index)' },
  marketingHelp: {
    zh: '装修提升店铺视觉值，广告提升媒体影响力（每期衰减），慈善提升社会慈善。它们都计入综合评价指数。',
    en: 'Decoration raises visual value, advertising raises media influence (decays each round), charity raises social charity. All feed the composite index.',
  },
  decoration: { zh: '店铺装修 (元)', en: 'Decoration (¥)' },
  media: { zh: '媒体广告 (元)', en: 'Advertising (¥)' },
  charity: { zh: '社会慈善 (元)', en: 'Charity (¥)' },
  iso: { zh: 'ISO 认证（¥{cost}，一次性）', en: 'ISO certification (¥{cost}, one-off)' },
  iec: { zh: 'IEC 模式（¥{cost}，一次性）', en: 'IEC mode (¥{cost}, one-off)' },
  alreadyOwned: { zh: '已拥有', en: 'owned' },
  promotionsTitle: { zh: '促销工具', en: 'Promotions' },
  promotionsHelp: {
    zh: '每条促销在提交时按平台规则检查，违规会指出规则和数值。',
    en: 'Each promotion is checked against the platform rules when submitted; a violation names the rule and the number.',
  },
  addPromotion: { zh: '添加促销', en: 'Add promotion' },
  removePromotion: { zh: '删除', en: 'Remove' },
  promotionType: { zh: '促销类型', en: 'Tool' },
  promotionN: { zh: '促销 {n}', en: 'Promotion {n}' },
  noPromotions: { zh: '本期没有促销。', en: 'No promotions this round.' },
  notNumber: { zh: '请输入数字（元，最多两位小数）', en: 'Enter a number (yuan, at most 2 decimals)' },
  notJson: { zh: 'JSON 格式不正确', en: 'Not valid JSON' },
  checksOk: { zh: '全部规则检查通过，可以开始本期。', en: 'All rule checks pass; ready to play the round.' },
  checksFail: { zh: '有 {n} 处违反规则，请先修改：', en: '{n} rule problem(s); fix them first:' },
  planSpend: {
    zh: '本计划先支出 ¥{total}（补货 ¥{restock}，推广 ¥{marketing}）；现有现金 ¥{cash}。',
    en: 'This plan spends ¥{total} up front (restock ¥{restock}, marketing ¥{marketing}); cash ¥{cash}.',
  },
  playRound: { zh: '开始第 {round} 期', en: 'Play round {round}' },
  playRoundBots: { zh: '观看第 {round} 期', en: 'Watch round {round}' },
  marketReport: { zh: '市场报告（数据魔方）', en: 'Market report' },
  expectedDemand: { zh: '预计需求（每期买家数）', en: 'Expected demand (buyers per round)' },
  lastRoundResults: { zh: '上一期各网店公开结果', en: 'Last round: every shop\'s public results' },
  noResultsYet: { zh: '第一期之前还没有结果。', en: 'No results before the first round.' },
  shop: { zh: '网店', en: 'Shop' },
  units: { zh: '销量', en: 'Units' },
  orders: { zh: '订单', en: 'Orders' },
  revenue: { zh: '销售额', en: 'Revenue' },
  profit: { zh: '利润', en: 'Profit' },
  cash: { zh: '现金', en: 'Cash' },
  equity: { zh: '所有者权益', en: 'Owner\'s equity' },
  reviewScore: { zh: '产品评价', en: 'Review score' },
  cityInfluence: { zh: '城市影响力', en: 'City influence' },
  dsr: { zh: '动态评分', en: 'DSR' },
  index: { zh: '综合评价指数', en: 'Composite index' },
  conversion: { zh: '转化率', en: 'Conversion' },
  breaches: { zh: '违约', en: 'Breaches' },
  prices: { zh: '当前售价', en: 'Current prices' },
  bankrupt: { zh: '已破产', en: 'bankrupt' },
  total: { zh: '合计', en: 'Total' },
  you: { zh: '（你）', en: ' (you)' },

  // watch
  watchTitle: { zh: '第 {round} 期：买家在选择', en: 'Round {round}: the buyers choose' },
  play: { zh: '播放', en: 'Play' },
  pause: { zh: '暂停', en: 'Pause' },
  replay: { zh: '重新播放', en: 'Replay' },
  speed: { zh: '速度', en: 'Speed' },
  skipToEnd: { zh: '跳到本期结束', en: 'Skip to round end' },
  toReview: { zh: '查看本期复盘', en: 'Open the round report' },
  day: { zh: '第 {day} 天 / {days}', en: 'Day {day} of {days}' },
  legend: { zh: '图例', en: 'Legend' },
  legendLost: { zh: '半透明、走向出口：未购买离开', en: 'Faded, walking to the exit: left without buying' },
  legendCoin: { zh: '金币：成交；星星：评价变化', en: 'Coins: sales; stars: review score change' },
  spriteScale: { zh: '每个小人代表 {n} 位买家', en: 'Each figure is {n} buyers' },
  watchKeys: { zh: '快捷键：空格 播放/暂停，1/2/3 切换速度，End 跳到结束。', en: 'Keys: Space play/pause, 1/2/3 speed, End skip to the end.' },
  sceneUnavailable: { zh: '无法启动动画（{error}），可直接查看复盘。', en: 'The animation could not start ({error}); you can open the report directly.' },
  soldSoFar: { zh: '{shop}：已售 {n}', en: '{shop}: {n} sold' },
  sceneLabel: {
    zh: '市场动画：每座城市的网店为店面，买家按人群以颜色和形状区分，走向所选网店或空手离开。',
    en: 'Market animation: each city\'s shops as storefronts; buyers, coloured and shaped by crowd, walk to the shop they chose or leave empty-handed.',
  },

  // review
  reviewTitle: { zh: '第 {round} 期复盘', en: 'Round {round} report' },
  roundSummary: {
    zh: '第 {round} 期结束：销售额 ¥{revenue}，利润 ¥{profit}，现金 ¥{cash}，当前排名第 {rank} / {shops}。',
    en: 'Round {round} finished: revenue ¥{revenue}, profit ¥{profit}, cash ¥{cash}, rank {rank} of {shops}.',
  },
  leagueTable: { zh: '排行榜（按所有者权益）', en: 'League table (by owner\'s equity)' },
  rank: { zh: '名次', en: 'Rank' },
  score: { zh: '得分', en: 'Score' },
  charts: { zh: '各期走势', en: 'Over the rounds' },
  chartRevenue: { zh: '销售额 (元)', en: 'Revenue (¥)' },
  chartProfit: { zh: '利润 (元)', en: 'Profit (¥)' },
  chartCash: { zh: '现金 (元)', en: 'Cash (¥)' },
  chartShare: { zh: '你在各人群的市场份额 (%)', en: 'Your market share by crowd (%)' },
  chartReview: { zh: '你的产品评价（平均）与城市影响力（合计）', en: 'Your review score (mean) and city influence (sum)' },
  chartLost: { zh: '本期整个市场流失的买家（按原因）', en: 'Buyers the whole market lost this round, by reason' },
  showData: { zh: '查看数据表', en: 'Show the data table' },
  roundShort: { zh: '第{round}期', en: 'R{round}' },
  whyTitle: { zh: '为什么：各人群的选择', en: 'Why: where each crowd went' },
  whyIntro: {
    zh: '每一行是一个城市里的一类人群：你卖出多少、谁卖得最多，以及这类人群看重的因素上你和对手的比较。',
    en: 'Each row is one crowd in one city: what you sold, who sold the most, and how you compared on what that crowd ranks by.',
  },
  crowd: { zh: '人群', en: 'Crowd' },
  whyBuyers: { zh: '买家', en: 'Buyers' },
  whyMine: { zh: '你的销量', en: 'Your units' },
  whyWinner: { zh: '销量最多', en: 'Sold most' },
  whyLost: { zh: '流失', en: 'Lost' },
  whyFactors: { zh: '原因', en: 'Why' },
  whyNobody: { zh: '无人成交', en: 'nobody' },
  whyYouWon: { zh: '你', en: 'you' },
  fNoListing: { zh: '你在这里没有上架商品', en: 'you had no listing here' },
  fPriceRank: { zh: '{product} 价格第 {rank}/{of} 低（促销前：你 ¥{mine}，最低 ¥{best}）', en: '{product}: price rank {rank} of {of} (before promotions: you ¥{mine}, lowest ¥{best})' },
  fReview: { zh: '产品评价 你 {mine} / {rival} {theirs}', en: 'review score you {mine} vs {rival} {theirs}' },
  fInfluence: { zh: '城市影响力 你 {mine} / {rival} {theirs}', en: 'city influence you {mine} vs {rival} {theirs}' },
  fIndex: { zh: '综合评价指数 你 {mine} / {rival} {theirs}', en: 'composite index you {mine} vs {rival} {theirs}' },
  fSoldOut: {
    zh: '{product} 你的库存第 {day} 天售完，之后的买家转向对手（本城无人因全部缺货流失）',
    en: '{product}: your stock ran out on day {day}; later buyers went to rivals (nobody here found every offer sold out)',
  },
  fSoldOutLost: {
    zh: '{product} 你的库存第 {day} 天售完；本城有 {n} 位买家因所有网店都缺货而流失',
    en: '{product}: your stock ran out on day {day}; {n} buyers here left because every shop was sold out',
  },
  fNoStock: { zh: '{product} 已上架但整期没有能及时送达的库存', en: '{product} was listed but no stock reached here in time all round' },
  fTooSlow: { zh: '配送太慢：最快 {ticks} 天，买家只等 {deadline} 天', en: 'too slow: fastest delivery {ticks} days, buyers wait {deadline}' },
  lostByReason: { zh: '流失原因', en: 'Lost, by reason' },
  stateHash: { zh: '状态哈希（与命令行 shopsim run 的 hash 相同）', en: 'State hash (equals the hash of shopsim run)' },
  nextRound: { zh: '计划第 {round} 期', en: 'Plan round {round}' },
  toFinal: { zh: '查看最终排名', en: 'See the final ranking' },
  replayWatch: { zh: '重看本期动画', en: 'Watch this round again' },
  costs: { zh: '成本', en: 'Costs' },
  costsTitle: { zh: '你本期的收支', en: 'Your round in money' },
  cost_cogs: { zh: '已售商品成本', en: 'Cost of goods sold' },
  cost_goods: { zh: '进货支出（现金，计入库存）', en: 'Restock spending (cash, into stock)' },
  cost_carrier: { zh: '物流费', en: 'Carrier fees' },
  cost_promotion: { zh: '促销优惠', en: 'Promotion discounts' },
  cost_media: { zh: '媒体广告', en: 'Advertising' },
  cost_charity: { zh: '社会慈善', en: 'Charity' },
  cost_decoration: { zh: '店铺装修', en: 'Decoration' },
  cost_certification: { zh: '认证（ISO/IEC）', en: 'Certification (ISO/IEC)' },
  cost_rent: { zh: '配送中心租金', en: 'Warehouse rent' },
  cost_penalty: { zh: '违约罚金', en: 'Breach penalties' },
  cost_service: { zh: '客服工资', en: 'Service wages' },
  cost_gifts: { zh: '赠品', en: 'Gifts' },
  cost_ads: { zh: '付费推广（直通车）', en: 'Paid search' },
  restockRefused: {
    zh: '有 {n} 件补货因配送中心容量不足（{cap} 体积单位）未购入。',
    en: '{n} restocked units did not fit the warehouse (capacity {cap} volume units) and were not bought.',
  },
  promoReportTitle: { zh: '你本期的促销效果', en: 'What your promotions did this round' },
  promoCost: { zh: '优惠成本', en: 'Discount given' },
  promoOrderedTotal: { zh: '本期下单的优惠合计', en: 'Discounts on this round’s orders' },
  promoBridge: {
    zh: '下单时给出的优惠 ¥{ordered}，收支表里的“促销优惠” ¥{booked} 是本期送达订单的优惠（送达时入账）：{parts}。',
    en: 'Discounts given when ordered: ¥{ordered}; “Promotion discounts” in your money table, ¥{booked}, are those of orders delivered this round (booked on delivery): {parts}.',
  },
  promoCarriedIn: { zh: '加上上期在途本期送达的 ¥{v}', en: 'plus ¥{v} on last round’s parcels delivered now' },
  promoInTransit: { zh: '减去期末仍在途的 ¥{v}（下期入账）', en: 'less ¥{v} on parcels still on the way (booked next round)' },
  promoRefused: { zh: '减去因迟到被拒收的 ¥{v}', en: 'less ¥{v} on late parcels refused' },
  promoNoGap: { zh: '两者相等', en: 'the two are equal' },
  listSep: { zh: '；', en: '; ' },
  promoReturn: { zh: '回报（销售额 ÷ 优惠）', en: 'Return (revenue ÷ discount)' },

  // final
  finalTitle: { zh: '游戏结束：最终排名', en: 'Game over: final ranking' },
  finalIntro: {
    zh: '按课程规则，以所有者权益（现金 + 库存按成本 − 负债）排名，破产者排在最后；第一名得 {first} 分，每低一名少 {step} 分。',
    en: 'By the course rule, shops rank by owner\'s equity (cash + stock at cost − debts), bankrupt shops last; first place scores {first}, each lower place {step} fewer.',
  },
  scoreParts: { zh: '你的得分构成', en: 'Your score, part by part' },
  partCash: { zh: '现金', en: 'Cash' },
  partStock: { zh: '库存（按成本，含在途）', en: 'Stock at cost (incl. in transit)' },
  partEquity: { zh: '所有者权益 = 现金 + 库存', en: 'Owner\'s equity = cash + stock' },
  partSustain: { zh: '持续经营', en: 'Sustainable operation' },
  partSustainOk: { zh: '未破产', en: 'not bankrupt' },
  partSustainBad: { zh: '已破产（排在所有未破产网店之后）', en: 'bankrupt (ranked below every shop still trading)' },
  finalIntroRubric: {
    zh: '本场景按加权评分标准计分（与 shopsim grade 批量评分相同）：{parts}；破产网店在各项中都排在最后。',
    en: 'This scenario scores with a weighted rubric (the same as shopsim grade): {parts}; bankrupt shops rank last in every component.',
  },
  rubricByRank: { zh: '{weight}% {metric}{lower}，按名次计分（第一名 {first} 分，每低一名少 {step} 分）', en: '{weight}% {metric}{lower} by rank (1st {first}, −{step} per place)' },
  rubricByScale: { zh: '{weight}% {metric}{lower}，在最差与最好的网店之间按比例折算为 0–{first} 分', en: '{weight}% {metric}{lower} scaled 0–{first} from the worst to the best shop' },
  rubricLower: { zh: '（越低越好）', en: ' (lower is better)' },
  rubricParts: { zh: '评分标准各项（与批量评分的计算相同）', en: 'The rubric, component by component (as grading computes it)' },
  rubricComponent: { zh: '评分项', en: 'Component' },
  rubricValue: { zh: '你的数值', en: 'Your value' },
  rubricRank: { zh: '名次', en: 'Rank' },
  rubricScore: { zh: '该项得分', en: 'Score' },
  rubricWeight: { zh: '权重', en: 'Weight' },
  rubricWeighted: { zh: '加权得分', en: 'Weighted' },
  rubricTotal: { zh: '总分（各项加权得分之和）', en: 'Total (sum of the weighted scores)' },
  finalStandings: { zh: '最终排名（按本场景的评分标准）', en: "Final standings (by the scenario's rubric)" },
  place: { zh: '名次', en: 'Place' },
  totalScore: { zh: '总分', en: 'Total' },
  finalSummary: { zh: '游戏结束：你排名第 {rank} / {shops}，得分 {score}。', en: 'Game over: you ranked {rank} of {shops} with a score of {score}.' },
  gameTotalsTitle: { zh: '整局合计（{rounds} 期的销售额、利润、销量之和；现金与权益为期末值）', en: 'The whole game ({rounds} rounds: revenue, profit and units summed; cash and equity at the end)' },
  totalRevenue: { zh: '总销售额', en: 'Total revenue' },
  totalProfit: { zh: '总利润', en: 'Total profit' },
  totalUnits: { zh: '总销量', en: 'Total units' },
  newGameAgain: { zh: '再玩一局', en: 'Play again' },

  // crowds and reasons
  crowd_brandLoyal: { zh: '品牌需求人群', en: 'Brand-loyal' },
  crowd_lowPrice: { zh: '低价格需求人群', en: 'Low-price' },
  crowd_composite: { zh: '综合评价需求人群', en: 'Composite-score' },
  crowd_hesitant: { zh: '犹豫不定需求人群', en: 'Hesitant' },
  crowdShort_brandLoyal: { zh: '品牌', en: 'Brand' },
  crowdShort_lowPrice: { zh: '低价', en: 'Price' },
  crowdShort_composite: { zh: '综合', en: 'Composite' },
  crowdShort_hesitant: { zh: '犹豫', en: 'Hesitant' },
  crowdShape_brandLoyal: { zh: '橙色圆形', en: 'orange circle' },
  crowdShape_lowPrice: { zh: '蓝色三角', en: 'blue triangle' },
  crowdShape_composite: { zh: '绿色方块', en: 'green square' },
  crowdShape_hesitant: { zh: '紫色菱形', en: 'purple diamond' },
  reason_noListing: { zh: '无上架', en: 'No listing' },
  reason_priceAboveCap: { zh: '价格超上限', en: 'Price above cap' },
  reason_outOfStock: { zh: '缺货', en: 'Out of stock' },
  reason_tooSlow: { zh: '配送太慢', en: 'Too slow' },
  reason_reviewBelowZero: { zh: '评价低于 0', en: 'Review below 0' },
  reason_noPurchase: { zh: '犹豫未购买', en: 'Did not buy' },
  promo_limitedDiscount: { zh: '限时折扣', en: 'Limited-time discount' },
  promo_spendReward: { zh: '满就送 / 满减', en: 'Spend-threshold reward' },
  promo_bundle: { zh: '搭配套餐', en: 'Bundle' },
  promo_buyMoreDiscount: { zh: '多买折扣', en: 'Buy-more discount' },
  promo_coupon: { zh: '店铺优惠券', en: 'Shop coupon' },
  promo_groupBuy: { zh: '团购', en: 'Group buy' },
  promo_flashSale: { zh: '秒杀', en: 'Flash sale' },
  promo_memberDay: { zh: '会员日', en: 'Member day' },
  field_product: { zh: '商品', en: 'Product' },
  field_products: { zh: '商品（逗号分隔）', en: 'Products (comma-separated)' },
  field_city: { zh: '城市', en: 'City' },
  field_rate: { zh: '折扣率（0.9 = 九折）', en: 'Rate (0.9 = 10% off)' },
  field_fromTick: { zh: '开始天', en: 'From day' },
  field_toTick: { zh: '结束天', en: 'To day' },
  field_minQuantity: { zh: '最少件数', en: 'Min. quantity' },
  field_tiers: { zh: '档位 (JSON：门槛 threshold / 减免 off)', en: 'Tiers (JSON: threshold / off)' },
  field_items: { zh: '套餐商品 (JSON)', en: 'Items (JSON)' },
  field_price: { zh: '价格 (元)', en: 'Price (¥)' },
  field_shipping: { zh: '运费 (元)', en: 'Shipping (¥)' },
  field_amount: { zh: '优惠金额 (元)', en: 'Amount off (¥)' },
  field_threshold: { zh: '使用门槛 (元)', en: 'Threshold (¥)' },
  field_quantity: { zh: '数量', en: 'Quantity' },
  field_target: { zh: '发放对象', en: 'Target' },
  field_perBuyer: { zh: '每人限购', en: 'Per buyer' },
  field_weekday: { zh: '星期 (0–6)', en: 'Weekday (0–6)' },
  field_buy: { zh: '买满件数', en: 'Buy' },
  field_get: { zh: '赠送件数', en: 'Get free' },
  allCities: { zh: '所有城市', en: 'all cities' },
  allProducts: { zh: '所有商品', en: 'all products' },
  optional: { zh: '（可选）', en: ' (optional)' },
  problemAt: { zh: '{field}：{message}', en: '{field}: {message}' },
  error: { zh: '出错了：{message}', en: 'Something went wrong: {message}' },
  autosaveFailed: { zh: '自动存档失败：{error}', en: 'Autosave failed: {error}' },
  saved: { zh: '第 {round} 期已自动存档。', en: 'Round {round} autosaved.' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  ...CLASSROOM_STRINGS,
} as const satisfies Record<string, Record<Lang, string>>;

export type Key = keyof typeof TABLE;
export type Vars = Record<string, string | number>;

const LANG_KEY = 'shopsim.lang';
let lang: Lang = 'zh';

export function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(LANG_KEY);
    if (stored === 'zh' || stored === 'en') return stored;
  } catch {
    // storage blocked: fall through to the browser's language
  }
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function setLang(next: Lang): void {
  lang = next;
  try {
    localStorage.setItem(LANG_KEY, next);
  } catch {
    // not remembered; the game still works
  }
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
}

export function getLang(): Lang {
  return lang;
}

export function t(key: Key, vars: Vars = {}): string {
  const text: string = TABLE[key][lang];
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Looks up a key built at run time (a crowd, a reason, a tool); falls back to the raw name. */
export function tDynamic(key: string, fallback: string, vars: Vars = {}): string {
  return key in TABLE ? t(key as Key, vars) : fallback;
}

/** A scenario's own text (cities, products, shops) in the current language. */
export function local(text: { zh: string; en: string }): string {
  return text[lang];
}

export function hasKey(key: string): key is Key {
  return key in TABLE;
}
