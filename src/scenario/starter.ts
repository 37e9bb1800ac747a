/**
 * A starter scenario with a chosen number of cities, products and shops, valid by construction:
 * `shopsim new` writes it for an instructor to edit. Real city and product names, reference
 * prices a little apart between cities, the same demand everywhere, and rivals of every strategy.
 */
import { LIMITS, type ScenarioFile } from './schema';

export interface StarterOptions {
  id: string;
  cities: number;
  products: number;
  shops: number;
  /** shops played by student teams (the first ones); the rest are bots */
  players: number;
}

const CITIES: readonly [string, string, string][] = [
  ['hz', '杭州', 'Hangzhou'], ['sh', '上海', 'Shanghai'], ['bj', '北京', 'Beijing'], ['gz', '广州', 'Guangzhou'],
  ['sz', '深圳', 'Shenzhen'], ['cd', '成都', 'Chengdu'], ['nj', '南京', 'Nanjing'], ['wh', '武汉', 'Wuhan'],
  ['xa', '西安', "Xi'an"], ['cq', '重庆', 'Chongqing'], ['tj', '天津', 'Tianjin'], ['suz', '苏州', 'Suzhou'],
  ['cs', '长沙', 'Changsha'], ['zz', '郑州', 'Zhengzhou'], ['qd', '青岛', 'Qingdao'], ['xm', '厦门', 'Xiamen'],
  ['km', '昆明', 'Kunming'], ['sy', '沈阳', 'Shenyang'], ['dl', '大连', 'Dalian'], ['nb', '宁波', 'Ningbo'],
];

/** id, zh, en, unit cost and reference price (yuan), volume */
const PRODUCTS: readonly [string, string, string, number, number, number][] = [
  ['tea', '龙井茶', 'Longjing tea', 20, 50, 1], ['silk', '丝巾', 'Silk scarf', 45, 98, 1],
  ['mug', '瓷杯', 'Porcelain mug', 12, 32, 2], ['case', '手机壳', 'Phone case', 8, 25, 1],
  ['cable', '数据线', 'Charging cable', 6, 19, 1], ['powerbank', '充电宝', 'Power bank', 45, 99, 1],
  ['thermos', '保温杯', 'Thermos', 25, 69, 1], ['nuts', '坚果礼盒', 'Nut gift box', 40, 99, 2],
  ['coffee', '咖啡豆', 'Coffee beans', 35, 88, 1], ['honey', '蜂蜜', 'Honey', 30, 78, 1],
  ['towel', '毛巾', 'Towel', 10, 29, 1], ['socks', '袜子', 'Socks', 5, 15, 1],
  ['umbrella', '雨伞', 'Umbrella', 18, 49, 1], ['notebook', '笔记本', 'Notebook', 4, 12, 1],
  ['lamp', '台灯', 'Desk lamp', 40, 109, 2], ['pillow', '枕头', 'Pillow', 35, 89, 2],
  ['bag', '帆布包', 'Canvas bag', 15, 45, 1], ['teaset', '青瓷茶具', 'Celadon tea set', 60, 150, 2],
  ['rice', '五常大米', 'Wuchang rice', 25, 59, 2], ['snack', '零食大礼包', 'Snack box', 30, 79, 1],
];

const BOTS: readonly [string, string, string][] = [
  ['bot:undercut', '低价王', 'Bargain King'],
  ['bot:brand', '匠心坊', 'Craft House'],
  ['bot:balanced', '稳健商行', 'Steady Trading'],
  ['bot:promoter', '大促先锋', 'Festival Pro'],
];

export const STARTER_LIMITS = { cities: CITIES.length, products: PRODUCTS.length, shops: LIMITS.shops } as const;

const STARTER_ROUNDS = 6;

/**
 * Ticks per round: 30 (a month of days), fewer when cities × products × shops × ticks would pass
 * the game's size bound (LIMITS.gameWork), e.g. 3 for 20 cities × 20 products × 60 shops.
 */
export function starterTicks(o: Pick<StarterOptions, 'cities' | 'products' | 'shops'>): number {
  return Math.max(1, Math.min(30, Math.floor(LIMITS.gameWork / (o.cities * o.products * o.shops * STARTER_ROUNDS))));
}

export function starterScenario(o: StarterOptions): ScenarioFile {
  const cities = CITIES.slice(0, o.cities).map(([id, zh, en]) => ({ id, name: { zh, en } }));
  const products = PRODUCTS.slice(0, o.products).map(([id, zh, en, cost, ref, volume]) => ({
    id,
    name: { zh, en },
    unitCost: cost,
    volume,
    // Cities differ a little in price (0%, +5%, +10%), so shipping between them can pay.
    referencePrice: Object.fromEntries(cities.map((c, i) => [c.id, Math.round(ref * (1 + 0.05 * (i % 3)))])),
  }));
  const demand = cities.flatMap((c) =>
    products.map((p) => ({ city: c.id, product: p.id, perRound: { brandLoyal: 40, lowPrice: 80, composite: 40, hesitant: 60 } })),
  );
  // Each shop starts with 100 units of every product in one city (at most 20 × 2 × 100 = 4000
  // volume units, inside the default warehouse of 5000).
  const shops = Array.from({ length: o.shops }, (_, i) => {
    const home = cities[i % cities.length]!.id;
    const stock = { [home]: Object.fromEntries(products.map((p) => [p.id, 100])) };
    if (i < o.players) {
      return { id: `s${i + 1}`, name: { zh: `第 ${i + 1} 队`, en: `Team ${i + 1}` }, controller: 'player', cash: 20000, stock };
    }
    const [controller, zh, en] = BOTS[(i - o.players) % BOTS.length]!;
    const n = Math.floor((i - o.players) / BOTS.length) + 1;
    return { id: `s${i + 1}`, name: { zh: n > 1 ? `${zh}${n}` : zh, en: n > 1 ? `${en} ${n}` : en }, controller, cash: 20000, stock };
  });
  return {
    kind: 'scenario',
    version: 1,
    id: o.id,
    name: { zh: '我的场景', en: 'My scenario' },
    description: {
      zh: '在这里写下本场景要教的内容（学生开局前会看到）。',
      en: 'Write here what this scenario teaches (students see it before the game).',
    },
    seed: 1,
    rounds: STARTER_ROUNDS,
    ticksPerRound: starterTicks(o),
    rules: { priceFloat: 0.3 },
    cities,
    products,
    demand,
    shops,
  };
}
