/**
 * Every string of the UI, in Chinese (the students' language, with the course's terms) and
 * English. `t(key, vars)` fills {name} placeholders. The language is remembered in localStorage.
 */
import { PROMOTION_TOOL_LIST } from '../engine';
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
  notNumber: { zh: '请输入金额（元，最多两位小数）', en: 'Enter an amount (yuan, at most 2 decimals)' },
  notCount: { zh: '请输入件数（整数）', en: 'Enter a number of units (a whole number)' },
  notPlainNumber: { zh: '请输入数字', en: 'Enter a number' },
  notPercent: { zh: '请输入百分比（例如 -5）', en: 'Enter a percentage (e.g. -5)' },
  notJson: { zh: 'JSON 格式不正确', en: 'Not valid JSON' },
  checksOk: { zh: '全部规则检查通过，可以开始本期。', en: 'All rule checks pass; ready to play the round.' },
  checksFail: { zh: '有 {n} 处违反规则，请先修改：', en: '{n} rule problem(s); fix them first:' },
  planSpend: {
    zh: '本计划先支出 ¥{total}（补货 ¥{restock}，推广 ¥{marketing}）；现有现金 ¥{cash}。',
    en: 'This plan spends ¥{total} up front (restock ¥{restock}, marketing ¥{marketing}); cash ¥{cash}.',
  },
  playRound: { zh: '开始第 {round} 期', en: 'Play round {round}' },
  playRoundBots: { zh: '观看第 {round} 期', en: 'Watch round {round}' },
  forecastTitle: { zh: '预测：按当前计划试玩第 {round} 期', en: 'Forecast: round {round} played with this plan' },
  forecastAssume: {
    zh: '这是预测，不是结果：同一个引擎按你的草稿试玩本期，假设对手重复上一期的做法。真实对局中对手会调整。',
    en: 'A forecast, not a result: the same engine plays this round with your draft, assuming the rivals repeat last round. In the real round they adapt.',
  },
  forecastBooking: {
    zh: '利润与销售额按送达入账（期末仍在途的订单下期入账）；各行毛利按下单计算，是估计值。',
    en: 'Profit and revenue count delivered orders (orders still on the way are booked next round); the per-row margin counts orders and is an estimate.',
  },
  forecastAssumeFirst: {
    zh: '这是预测，不是结果：同一个引擎按你的草稿试玩本期，假设对手按开局计划经营。真实对局中对手会调整。',
    en: 'A forecast, not a result: the same engine plays this round with your draft, assuming the rivals follow their opening plans. In the real round they adapt.',
  },
  forecastRunning: { zh: '正在按最新计划试算…', en: 'Working out the latest plan…' },
  forecastDone: { zh: '已按最新计划试算（{ms} 毫秒）。', en: 'Worked out for the latest plan ({ms} ms).' },
  forecastNone: { zh: '计划有问题时不做预测；先改正标出的字段。', en: 'No forecast while the plan has problems; fix the marked fields first.' },
  forecastRowsCaption: { zh: '各商品的预测', en: 'Forecast by listing' },
  fcProfit: { zh: '预测利润', en: 'Forecast profit' },
  fcRevenue: { zh: '销售额', en: 'Revenue' },
  fcUnits: { zh: '销量', en: 'Units' },
  fcCash: { zh: '期末现金', en: 'Cash at round end' },
  fcRank: { zh: '排名', en: 'Rank' },
  fcRankOf: { zh: '第 {rank} / {shops}', en: '{rank} of {shops}' },
  fcBankrupt: { zh: '警告：按此计划现金会跌破零，网店将破产。减少补货或推广支出。', en: 'Warning: with this plan cash falls below zero and the shop goes bankrupt. Spend less on restock or marketing.' },
  fcListing: { zh: '城市 · 商品', en: 'City · product' },
  fcProfitRow: { zh: '毛利（约）', en: 'Margin (approx.)' },
  fcStockLeft: { zh: '期末库存', en: 'Stock left' },
  fcSellOut: { zh: '售罄', en: 'Sells out' },
  fcDay: { zh: '第 {day} 天', en: 'day {day}' },
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


  // plan: decision support
  copyLastRound: { zh: '复制上一期计划', en: 'Copy last round' },
  copyLastHelp: { zh: '价格、补货、推广和促销都照上一期填好，再按需修改。', en: 'Fills prices, restock, marketing and promotions as last round; then change what you need.' },
  copyLastNone: { zh: '第一期之前没有可复制的计划。', en: 'There is no earlier round to copy.' },
  copyLastDone: { zh: '已按第 {round} 期的计划填好。', en: 'Filled in from round {round}.' },
  bulkSelect: { zh: '选中', en: 'Select' },
  bulkAll: { zh: '全选 / 全不选', en: 'Select all / none' },
  bulkLabel: { zh: '选中行的一口价调整', en: 'Change the selected rows’ prices by' },
  bulkApply: { zh: '应用', en: 'Apply' },
  bulkHelp: { zh: '例如 −5 表示降价 5%。', en: 'e.g. −5 lowers them by 5%.' },
  bulkDone: { zh: '已把 {n} 行的价格调整 {pct}%。', en: 'Changed {n} row(s) by {pct}%.' },
  bulkNoneSelected: { zh: '请先勾选要调整的行。', en: 'Tick the rows to change first.' },
  rowCostMargin: { zh: '成本 · 毛利 · 保本价（每件）', en: 'Cost · margin · break-even (per unit)' },
  rowOutlook: { zh: '库存 · 需求 · 预测', en: 'Stock · demand · forecast' },
  rowCost: { zh: '进货 ¥{cost} + 物流 ¥{carrier}', en: 'goods ¥{cost} + carrier ¥{carrier}' },
  rowMargin: { zh: '毛利 ¥{margin}', en: 'margin ¥{margin}' },
  rowBreakEven: { zh: '保本价 ¥{price}', en: 'break-even ¥{price}' },
  rowStockDemand: { zh: '库存 {stock} · 市场需求 {demand} 人/期', en: 'stock {stock} · market {demand} buyers/round' },
  rowForecastUnits: { zh: '预测卖出 {n} 件', en: 'forecast {n} sold' },
  rowSellOut: { zh: '⚠ 预测第 {day} 天售罄', en: '⚠ sells out on day {day} (forecast)' },
  cashAfterPlan: { zh: '计划后现金 ¥{cash}。', en: 'Cash after the plan: ¥{cash}.' },
  cashLow: { zh: '现金所剩不多：一期的租金、物流费和罚金可能让网店破产。', en: 'Little cash left: a round’s rent, carrier fees and penalties could make the shop bankrupt.' },
  cashBankrupt: { zh: '支出超过现金（含信用额度）：按此计划网店会破产。', en: 'Spending exceeds cash (with credit): this plan makes the shop bankrupt.' },


  // coach and debrief
  coachTitle: { zh: '教练建议（来自本期数据）', en: 'Coach: three suggestions from this round’s numbers' },
  coachSoldOut: { zh: '{city} {product} 第 {day} 天售罄：约有 {missed} 件本可卖出。多补货或适当提价。', en: '{city} {product} sold out on day {day}: about {missed} more could have sold. Restock more or raise the price.' },
  coachSoldOutWhy: { zh: '售罄前每天卖 {rate} 件，之后还有 {days} 天。', en: 'It sold {rate} a day before running out, with {days} days to go.' },
  coachOverstock: { zh: '{product} 期末还剩 {left} 件，本期只卖出 {sold} 件：降价、上促销，或少补货。', en: '{product}: {left} left at the end, only {sold} sold this round. Lower the price, run a promotion or restock less.' },
  coachOverstockWhy: { zh: '这些库存按成本占用现金 {tied}。', en: 'That stock ties up {tied} of cash at cost.' },
  coachPriceLost: { zh: '{city} 的低价人群从{rival}买了 {units} 件：{product} 它更便宜。考虑降价或包邮。', en: 'In {city} the low-price crowd bought {units} from {rival}: its {product} is cheaper. Consider a lower price or free shipping.' },
  coachPriceLostWhy: { zh: '含运费：你 {mine}，对手 {theirs}。', en: 'With shipping: you {mine}, them {theirs}.' },
  coachBelowCost: { zh: '{city} {product} 每卖一件亏 {loss}：提价到保本价以上。', en: '{city} {product} loses {loss} on each sale: raise the price above break-even.' },
  coachBelowCostWhy: { zh: '本期卖出 {units} 件，共亏 {total}（进货成本 + 物流费）。', en: '{units} sold this round, {total} lost in all (goods at cost + carrier fee).' },
  coachPromoWeak: { zh: '{tool} 的回报偏低：缩小优惠或换一种工具。', en: 'Your {tool} returned little: give a smaller discount or try another tool.' },
  coachPromoWeakWhy: { zh: '优惠 {discount} 只带来 {revenue} 销售额（不到 3 倍）。', en: 'A discount of {discount} brought only {revenue} of sales (less than 3×).' },
  coachTooSlow: { zh: '{city} 有 {lost} 位买家因配送太慢离开：考虑在那里补货开设配送中心。', en: '{lost} buyers in {city} left because delivery was too slow: consider restocking there to open a warehouse.' },
  coachTooSlowWhy: { zh: '你在该城市没有配送中心。', en: 'You have no warehouse in that city.' },
  coachIndexLow: { zh: '{city} 的综合评价人群从{rival}买了 {units} 件：提高综合评价指数（装修、广告、认证）。', en: 'In {city} the composite-score crowd bought {units} from {rival}: raise your composite index (decoration, advertising, certification).' },
  coachIndexLowWhy: { zh: '综合评价指数：你 {mine}，对手 {theirs}。', en: 'Composite index: you {mine}, them {theirs}.' },
  coachCashLow: { zh: '期末现金只剩 {cash}：下期控制补货和推广，避免破产。', en: 'Only {cash} cash left: keep next round’s restock and marketing small to avoid bankruptcy.' },
  coachCashLowWhy: { zh: '现金跌破零（超出信用额度）即破产，排名垫底。', en: 'Cash below zero (beyond credit) means bankruptcy and last place.' },
  coachStockCover: { zh: '{product} 只剩 {left} 件，按本期的销量只够 {rounds} 期：下期记得补货。', en: '{product}: {left} left, only {rounds} round(s) at this round’s pace. Restock next round.' },
  coachStockCoverWhy: { zh: '本期卖出 {sold} 件；补货 {lead} 天后到货。', en: '{sold} sold this round; a restock arrives after {lead} days.' },
  coachReviewLow: { zh: '{city} 的品牌人群从{rival}买了 {units} 件：它的产品评价更高。准时送达、避免违约能提升评价。', en: 'In {city} the brand-loyal crowd bought {units} from {rival}: its reviews are better. Deliver on time and avoid breaches to raise yours.' },
  coachReviewLowWhy: { zh: '产品评价：你 {mine}，对手 {theirs}。', en: 'Review score: you {mine}, them {theirs}.' },
  coachRestockPlan: {
    zh: '{product} 下期约需补货 {need} 件：按本期每天 {rate} 件的速度，一期要卖约 {demand} 件，现有库存 {left} 件。',
    en: '{product}: restock about {need} units for next round. At this round’s pace ({rate} a day) a round sells about {demand}; you hold {left}.',
  },
  coachRestockPlanWhy: { zh: '进货价每件 {unit}，共约 {cost}；期末现金 {cash}，付得起。', en: 'At {unit} a unit that costs about {cost}; your cash {cash} covers it.' },
  coachRestockPlanShort: { zh: '进货价每件 {unit}，共约 {cost}，超过期末现金 {cash}：只补付得起的数量，或适当提价。', en: 'At {unit} a unit that costs about {cost}, more than your cash {cash}: restock what you can pay for, or raise the price.' },
  coachShareLostReview: {
    zh: '{city} {product}：{buyers} 位买家想买，你卖出 {mine} 件，{rival}卖出 {units} 件。它的产品评价更高：准时送达、避免违约来提升评价。',
    en: '{city} {product}: {buyers} buyers wanted it; you sold {mine}, {rival} sold {units}. Its review score is higher: deliver on time and avoid breaches to raise yours.',
  },
  coachShareLostPrice: {
    zh: '{city} {product}：{buyers} 位买家想买，你卖出 {mine} 件，{rival}卖出 {units} 件。它更便宜：看看保本价，考虑小幅降价或包邮。',
    en: '{city} {product}: {buyers} buyers wanted it; you sold {mine}, {rival} sold {units}. It is cheaper: check your break-even and consider a small cut or free shipping.',
  },
  coachShareLostBoth: {
    zh: '{city} {product}：{buyers} 位买家想买，你卖出 {mine} 件，{rival}卖出 {units} 件。它评价更高、价格更低：先看保本价能否降价，同时准时送达提升评价。',
    en: '{city} {product}: {buyers} buyers wanted it; you sold {mine}, {rival} sold {units}. Its reviews are better and its price lower: see if your break-even allows a cut, and deliver on time.',
  },
  coachShareLostOther: {
    zh: '{city} {product}：{buyers} 位买家想买，你卖出 {mine} 件，{rival}卖出 {units} 件。看看评价里“为什么”一表，找出买家选它的原因。',
    en: '{city} {product}: {buyers} buyers wanted it; you sold {mine}, {rival} sold {units}. See the “why” table below for what its buyers chose it by.',
  },
  coachShareLostWhy: { zh: '{rival}：产品评价 {theirs}（你 {mine}），含运费价格 {theirsPrice}（你 {minePrice}）。', en: '{rival}: review score {theirs} (yours {mine}), price with shipping {theirsPrice} (yours {minePrice}).' },
  coachNoStock: { zh: '{city} {product} 已上架，但整期没有能及时送达的库存：{buyers} 位买家想买它。补货，或先下架。', en: '{city} {product} was listed but no stock reached the city all round, while {buyers} buyers wanted it. Restock it, or take it down.' },
  coachNoStockWhy: { zh: '补货 {lead} 天后到货；没有库存的商品买家看不到。', en: 'A restock arrives after {lead} days; buyers never see a listing without stock.' },
  coachSearchLow: {
    zh: '{city} {product} 在搜索结果中平均排第 {rank} 位，犹豫人群只看前几条：标题里用上买家搜索的关键词，提高销量和评价也能靠前。',
    en: '{city} {product} sat at position {rank} in search on average, and hesitant buyers look at the first few only: use the words buyers search for in its title; sales and reviews move it up too.',
  },
  coachSearchLowWhy: { zh: '本期你的商品被展示 {impressions} 次，点击 {clicks} 次（点击率 {ctr}%）。', en: 'Your products were shown {impressions} times and clicked {clicks} times this round (click rate {ctr}%).' },
  coachNoPurchase: {
    zh: '{city} 有 {lost} 位犹豫的买家看了但没有买：给潜在客户发优惠券，或用限时折扣让他们现在就下单。',
    en: '{lost} hesitant buyers in {city} looked and left without buying: a coupon for potential customers, or a limited-time discount, makes them buy now.',
  },
  coachNoPurchaseWhy: { zh: '犹豫人群没买时会收藏或加购，之后可能回来；面向潜在客户的优惠券能提高回来的比例。', en: 'Hesitant buyers who do not buy favourite or cart the product and may come back; a coupon aimed at potential customers brings more of them back.' },
  coachBestSeller: { zh: '{city} {product} 赚得最多：保持库存，降价前先看预测里的毛利。', en: '{city} {product} earned the most: keep it in stock, and check its margin in the forecast before any price cut.' },
  coachBestSellerSoldOut: { zh: '{city} {product} 赚得最多，而且卖完了：多补货，或小幅提价每件多赚一些。', en: '{city} {product} earned the most and sold out: restock more, or raise its price a little to earn more on each sale.' },
  coachBestSellerWhy: { zh: '每件毛利 {margin} × {units} 件 = {total}（已扣进货成本和物流费）。', en: 'Margin {margin} a unit × {units} units = {total} (after goods at cost and the carrier fee).' },
  coachKeepGoing: { zh: '本期没有明显的问题（利润 {profit}）。试着小步调整价格，看预测如何变化。', en: 'Nothing stands out this round (profit {profit}). Try small price changes and watch the forecast.' },
  debriefTitle: { zh: '复盘整局：你与第一名{rival}', en: 'Your game against the winner, {rival}' },
  debriefTitleWon: { zh: '复盘整局：你赢了！与第二名{rival}比较', en: 'You won! Your game against the runner-up, {rival}' },
  roundCol: { zh: '期', en: 'Round' },
  debriefYouEquity: { zh: '你的权益', en: 'Your equity' },
  debriefRivalEquity: { zh: '{rival}的权益', en: '{rival} equity' },
  debriefYouProfit: { zh: '你的利润', en: 'Your profit' },
  debriefRivalProfit: { zh: '{rival}的利润', en: '{rival} profit' },
  debriefGapChange: { zh: '差距变化', en: 'Gap change' },
  debriefTurning: { zh: '最关键的三期决策', en: 'The three decisions that mattered most' },
  debriefGained: { zh: '第 {round} 期：你比{rival}多赚了 {v} 权益', en: 'Round {round}: you gained {v} of equity on {rival}' },
  debriefLost: { zh: '第 {round} 期：你比{rival}少了 {v} 权益', en: 'Round {round}: you lost {v} of equity to {rival}' },
  debriefDiff: {
    zh: '平均一口价 你 {price} / {rival} {rprice}；补货 你 {restock} 件 / {rrestock} 件；推广 你 {mkt} / {rmkt}；促销 你 {promos} 个 / {rpromos} 个。',
    en: 'Mean price you {price} / {rival} {rprice}; restock you {restock} / {rrestock} units; marketing you {mkt} / {rmkt}; promotions you {promos} / {rpromos}.',
  },


  // save slots
  slotsTitle: { zh: '存档', en: 'Saved games' },
  slotsHelp: { zh: '每局游戏一个存档，每期结束自动保存；开始新游戏或导入文件会另建存档，不会覆盖已有存档。', en: 'One save per game, saved after every round; a new game or an imported file gets a new save and never replaces another.' },
  slotContinue: { zh: '继续', en: 'Continue' },
  slotRename: { zh: '改名', en: 'Rename' },
  slotRenameDone: { zh: '完成', en: 'Done' },
  slotNameLabel: { zh: '存档名称', en: 'Save name' },
  slotDelete: { zh: '删除', en: 'Delete' },
  slotDeleteAsk: { zh: '确定删除“{name}”？删除后无法恢复。', en: 'Delete “{name}”? This cannot be undone.' },
  slotDeleteYes: { zh: '确定删除', en: 'Yes, delete' },
  slotDeleteNo: { zh: '保留', en: 'Keep it' },
  slotRounds: { zh: '已完成 {played}/{rounds} 期', en: '{played} of {rounds} rounds played' },
  slotRoundsPlayed: { zh: '已完成 {played} 期', en: '{played} round(s) played' },
  slotUndated: { zh: '日期不详', en: 'date unknown' },
  slotsFull: { zh: '存档已满（{max} 个）：本局只保存在“最近一局”里。回到开始页删除不用的存档。', en: 'All {max} save slots are taken: this game is kept only as the latest game. Delete a save you no longer need on the start screen.' },
  slotNewName: { zh: '{scenario} · {date}', en: '{scenario} · {date}' },
  detailsLabel: { zh: '技术细节', en: 'Details' },
  planWhole: { zh: '本期计划', en: 'This plan' },
  problemWhere: { zh: '位置', en: 'where' },

  // guided first game
  firstTimeHint: { zh: '第一次玩？已为你选好“教程”场景，跟着提示一步步来。', en: 'First time here? The tutorial is chosen for you; follow the hints step by step.' },
  tourStep: { zh: '第 {n}/{of} 步', en: 'Step {n} of {of}' },
  tourNext: { zh: '知道了，下一步', en: 'Got it, next' },
  tourSkip: { zh: '跳过教程提示', en: 'Skip the hints' },
  tourSkipped: { zh: '已关闭教程提示。', en: 'Hints turned off.' },
  tourForecastTitle: { zh: '先看预测', en: 'Look at the forecast first' },
  tourForecastBody: { zh: '右边的预测用同一个引擎试玩你的计划：利润、销量、期末现金和排名。每次修改都会重新试算。', en: 'The forecast on the right plays your plan with the same engine: profit, units, cash at the end and rank. It updates after every change.' },
  tourPriceTitle: { zh: '改一个价格', en: 'Change a price' },
  tourPriceBody: { zh: '把一口价降低几元，看预测的销量和利润怎么变：低价人群会来，但每件的毛利变少。不能高于“上限”。', en: 'Lower the price by a few yuan and watch the forecast: low-price buyers come, but each sale earns less. It may not exceed the cap.' },
  tourRestockTitle: { zh: '补货', en: 'Restock' },
  tourRestockBody: { zh: '库存卖完，买家就去找对手。看“库存 · 需求 · 预测”一栏：如果预测会售罄，就补一些货（按进货成本付现金）。', en: 'When stock runs out, buyers go to rivals. Check the stock · demand · forecast column: if it sells out, restock some (paid in cash at cost).' },
  tourPlayTitle: { zh: '开始本期', en: 'Play the round' },
  tourPlayBody: { zh: '规则检查通过后，点这里开始。买家会按人群的偏好选择网店。', en: 'When the checks pass, start here. Buyers choose shops by what their crowd values.' },
  tourWatchTitle: { zh: '观看买家选择', en: 'Watch the buyers choose' },
  tourWatchBody: { zh: '每个小人是一组买家，走向他们选择的网店；店铺下方是销量和价格。点击或用 Tab 选中一家网店，可以看到买家为什么选它。', en: 'Each figure is a group of buyers walking to the shop they chose; under each shop are its sales and price. Click or Tab to a shop to see why buyers chose it.' },
  tourCoachTitle: { zh: '教练建议', en: 'The coach' },
  tourCoachBody: { zh: '每期结束后，这里根据本期数据给出三条最值得做的改进。', en: 'After each round, the three changes worth most, from this round’s numbers.' },
  tourWhyTitle: { zh: '为什么', en: 'Why' },
  tourWhyBody: { zh: '每类人群看重不同的因素：低价人群看价格，品牌人群看评价和城市影响力，综合人群看综合评价指数。这张表告诉你差在哪里。', en: 'Each crowd values different things: price for low-price buyers, reviews and city influence for brand-loyal ones, the composite index for composite ones. This table shows where you fell short.' },


  // watch: labels and why a shop was chosen
  sceneSold: { zh: '已售 {n}', en: 'sold {n}' },
  sceneStock: { zh: '库存', en: 'stock' },
  pickTitle: { zh: '{city} · {shop}：买家为什么选它', en: '{city} · {shop}: why buyers chose it' },
  pickSold: { zh: '本期各人群买走：{list}', en: 'Bought this round by crowd: {list}' },
  pickNone: { zh: '本期这里没有人在它家买。', en: 'Nobody bought from it here this round.' },
  pickPrice: { zh: '{product} ¥{price}（含运费；价格第 {rank} 低，最低 ¥{best}）— 低价人群看这个', en: '{product} ¥{price} with shipping (price rank {rank}, lowest ¥{best}) — what low-price buyers look at' },
  pickStanding: { zh: '产品评价 {review}、城市影响力 {influence}（品牌人群看这些）；综合评价指数 {index}（综合人群看这个）', en: 'Review score {review}, city influence {influence} (brand-loyal buyers look at these); composite index {index} (composite buyers look at this)' },
  pickHelp: { zh: '点击或用 Tab 选中一家网店，看买家为什么选它。', en: 'Click or Tab to a shop to see why buyers chose it.' },
  pickShops: { zh: '选一家网店', en: 'Pick a shop' },

  // glossary (course terms)
  termColon: { zh: '：', en: ': ' },
  term_fixedPrice: { zh: '一口价', en: 'Fixed price (一口价)' },
  termDef_fixedPrice: { zh: '商品标价，买家按它付款（加运费、减促销优惠）。', en: 'The listed price a buyer pays (plus shipping, less any promotion discount).' },
  term_referencePrice: { zh: '市场参考价', en: 'Reference price' },
  termDef_referencePrice: { zh: '平台给出的该城市该商品的参考价格；一口价 + 运费不能超过参考价 × (1 + 浮动比例)。', en: 'The platform’s price for the product in the city; price + shipping may not exceed reference × (1 + float).' },
  term_illegalPrice: { zh: '违规价格', en: 'Illegal price' },
  termDef_illegalPrice: { zh: '一口价 + 运费超过上限的价格；这样的商品不会被买家看到。', en: 'Price + shipping above the cap; buyers never see such a listing.' },
  term_dsr: { zh: '动态评分', en: 'DSR (动态评分)' },
  termDef_dsr: { zh: '买家对店铺服务的近期评分（1–5 分），由最近几期的评价平均而来，影响综合评价指数。', en: 'Buyers’ recent rating of the shop’s service (1–5), averaged over the last rounds; it feeds the composite index.' },
  term_compositeIndex: { zh: '综合评价指数', en: 'Composite index (综合评价指数)' },
  termDef_compositeIndex: { zh: '由店铺视觉值、媒体影响力、社会慈善、认证、动态评分等加权得到；综合评价需求人群按它选店。', en: 'A weighted score of visual value, media influence, charity, certifications, DSR and more; composite-score buyers choose by it.' },
  term_reviewScore: { zh: '产品评价', en: 'Review score' },
  termDef_reviewScore: { zh: '每送达一单加分、差评减分的累计评价；品牌需求人群和犹豫人群看重它。', en: 'A running score that grows with each delivered order; brand-loyal and hesitant buyers value it.' },
  term_cityInfluence: { zh: '城市影响力', en: 'City influence' },
  termDef_cityInfluence: { zh: '在某城市送达的订单越多，影响力越高；品牌需求人群按它选店。', en: 'Grows with the orders delivered in a city; brand-loyal buyers choose by it.' },
  term_equity: { zh: '所有者权益', en: 'Owner’s equity' },
  termDef_equity: { zh: '现金 + 库存（按进货成本，含在途）− 负债；课程按它排名。', en: 'Cash + stock at cost (incl. in transit) − debts; the course ranks by it.' },
  term_carrierFee: { zh: '物流费', en: 'Carrier fee' },
  termDef_carrierFee: { zh: '网店付给快递的费用：每单按发货仓到买家城市的基本费，加按体积计的费用。', en: 'What the shop pays the carrier: a base fee per order from the warehouse to the buyer’s city, plus a fee by volume.' },
  term_breakEven: { zh: '保本价', en: 'Break-even price' },
  termDef_breakEven: { zh: '卖一件不赚不赔的一口价：进货成本 + 物流费 − 买家付的运费。', en: 'The price at which a sale neither gains nor loses: unit cost + carrier fee − shipping the buyer pays.' },
  term_spendReward: { zh: '满减', en: 'Spend reward (满减)' },
  termDef_spendReward: { zh: '订单金额达到门槛就减去一定金额，可设 1–3 档。', en: 'An amount off when an order reaches a threshold; 1 to 3 tiers.' },
  term_bundle: { zh: '套餐', en: 'Bundle (套餐)' },
  termDef_bundle: { zh: '几种商品一起卖，套餐价低于各商品一口价之和。', en: 'Several products sold together for less than the sum of their prices.' },
  term_potential: { zh: '潜在客户', en: 'Potential customers' },
  termDef_potential: { zh: '看过但没买、可能回来的买家（收藏或加购）。', en: 'Buyers who looked but did not buy and may come back (favourited or carted).' },
  term_presale: { zh: '预售', en: 'Presale' },
  termDef_presale: { zh: '没有现货时也接单，补货到了再发货；晚于期限送达算违约。', en: 'Take orders without stock and ship when the restock arrives; late deliveries are breaches.' },
  term_freeShipping: { zh: '包邮', en: 'Free shipping' },
  termDef_freeShipping: { zh: '网店承担运费，买家只付一口价。', en: 'The shop pays the shipping; the buyer pays only the price.' },
  term_marketReport: { zh: '数据魔方', en: 'Market report (数据魔方)' },
  termDef_marketReport: { zh: '每组都能看到的市场数据：各城市各商品的预计需求、参考价和上一期各网店的公开结果。', en: 'Market data every team sees: expected demand and reference prices per city and product, and every shop’s public results last round.' },
  glossaryTitle: { zh: '课程术语', en: 'Course terms' },

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
  cost_holding: { zh: '库存持有成本', en: 'Stock holding cost' },
  noRatings: { zh: '暂无评分', en: 'no ratings' },
  coachNote: {
    zh: '建议的开局：所有商品按参考价的 95% 上架（包邮），按各城市公布需求的平均份额补货，装修和媒体各投入 500 元。这只是起点，请按你的策略修改：想争夺低价人群就再降价（注意毛利），想吸引品牌和综合人群就增加品牌投入并按时送达，库存不足的城市买家会流失。',
    en: 'A suggested opening: every product 5% under the reference price with free shipping, stock for about an equal share of each city’s published buyers, and 500 each on decoration and media. It is only a start; change it to your plan: cut prices to win the low-price crowd (watch the margin), spend on the brand and deliver on time for brand-loyal and composite buyers, and stock every city you sell in or its buyers are lost.',
  },
  restockCutForCash: {
    zh: '有 {n} 件补货因现金（含可透支额度）不足未购入。',
    en: '{n} restocked units were not bought: cash (with the allowed credit) could not pay for them.',
  },
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
  field_product: { zh: '商品', en: 'Product' },
  field_products: { zh: '商品（逗号分隔）', en: 'Products (comma-separated)' },
  field_city: { zh: '城市', en: 'City' },
  field_rate: { zh: '折扣率（0.9 = 九折）', en: 'Rate (0.9 = 10% off)' },
  field_fromTick: { zh: '开始天', en: 'From day' },
  field_toTick: { zh: '结束天', en: 'To day' },
  field_minQuantity: { zh: '最少件数', en: 'Min. quantity' },
  field_tiers: { zh: '满减档位', en: 'Tiers' },
  field_items: { zh: '套餐商品', en: 'Bundle items' },
  tierN: { zh: '第 {n} 档：', en: 'Tier {n}:' },
  tierThreshold: { zh: '满（元）', en: 'spend at least (¥)' },
  tierOff: { zh: '减（元）', en: 'get off (¥)' },
  tierAdd: { zh: '添加一档', en: 'Add a tier' },
  itemN: { zh: '第 {n} 件商品', en: 'Item {n}' },
  itemQuantity: { zh: '件数', en: 'units' },
  itemAdd: { zh: '添加商品', en: 'Add an item' },
  listRemove: { zh: '删除', en: 'Remove' },
  target_everyone: { zh: '所有人', en: 'Everyone' },
  target_potential: { zh: '潜在客户（犹豫后回访的买家）', en: 'Potential customers (hesitant buyers who come back)' },
  target_new: { zh: '新客（本课程版本暂不可用）', en: 'New customers (not available in this course version)' },
  target_sleeping: { zh: '沉睡客户（本课程版本暂不可用）', en: 'Sleeping customers (not available in this course version)' },
  target_loyal: { zh: '忠诚客户（本课程版本暂不可用）', en: 'Loyal customers (not available in this course version)' },
  choice_true: { zh: '是', en: 'yes' },
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

/** A promotion tool's name in the current language, from the tool's module (English capitalised). */
export function toolName(type: string): string {
  const tool = PROMOTION_TOOL_LIST.find((x) => x.type === type);
  if (!tool) return type;
  return lang === 'zh' ? tool.name.zh : tool.name.en.charAt(0).toUpperCase() + tool.name.en.slice(1);
}

/** A scenario's own text (cities, products, shops) in the current language. */
export function local(text: { zh: string; en: string }): string {
  return text[lang];
}

export function hasKey(key: string): key is Key {
  return key in TABLE;
}
