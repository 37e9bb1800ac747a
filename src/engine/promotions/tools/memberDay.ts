/** 会员日 member day: on one weekday (tick mod 7), members who buy `buy` units get `get` more free. */
import { z } from 'zod';
import { BRAND_LOYAL, CROWD_COUNT } from '../../model';
import type { RoundContext } from '../../context';
import { count, defineTool, doc, id, IN_FORCE } from '../tool';

export interface MemberDay {
  type: 'memberDay';
  weekday: number;
  buy: number;
  get: number;
  /** null: every product */
  product: number | null;
}

export const memberDaySchema = doc(
  z.strictObject({
    type: z.literal('memberDay'),
    weekday: doc(z.number().int().min(-1000).max(1000), 'the weekday: ticks with tick mod 7 = weekday (0–6) (rule 8.8b)', '会员日：tick 除以 7 的余数等于该值的那些天（0–6）（规则 8.8b）'),
    buy: doc(count(99), 'units a member buys … (rule 8.8c)', '会员买满的件数……（规则 8.8c）'),
    get: doc(count(99), '… to get this many more free; 1 ≤ get ≤ buy (rule 8.8c)', '……额外赠送的件数；1 ≤ 赠送 ≤ 买满件数（规则 8.8c）'),
    product: doc(id, 'product id; leave out for every product', '商品 id；不填则适用于所有商品').optional(),
  }),
  'member day (会员日): one weekday on which members (the shop’s fans) get buy-X-get-Y; one per round (rule 8.8a)',
  '会员日：每周一天，会员（本店的粉丝）买 X 送 Y；每期最多一个（规则 8.8a）',
);

export const memberDay = defineTool<MemberDay, typeof memberDaySchema, '8.8a' | '8.8b' | '8.8c', 'memberDayReturnBoost'>({
  type: 'memberDay',
  name: { zh: '会员日', en: 'member day' },
  schema: memberDaySchema,
  rules: [
    { no: '8.8a', en: 'one member day per round', zh: '每期一个会员日' },
    { no: '8.8b', en: 'weekday 0–6 (tick mod 7)', zh: '星期 0–6（tick 除以 7 的余数）' },
    { no: '8.8c', en: 'buy ≥ 1 and 1 ≤ get ≤ buy', zh: '买 ≥ 1 且 1 ≤ 送 ≤ 买' },
  ],
  settings: {
    memberDayReturnBoost: {
      schema: doc(z.number().min(0).max(10), 'on a member-day round the shop’s fans come back at fanReturnRate × (1 + boost); default 0.5', '有会员日的一期，粉丝回访率 × (1 + 该值)；默认 0.5'),
      default: 0.5,
    },
  },
  fromFile: (f, cx) => ({ type: f.type, weekday: f.weekday, buy: f.buy, get: f.get, product: cx.product(f.product, 'product') }),
  check(pr, cx) {
    if (cx.nth > 1) cx.rule('', '8.8a', 'a second member day in the round; a shop has one', '本期第二个会员日；每店每期只有一个');
    if (pr.weekday < 0 || pr.weekday > 6) cx.rule('.weekday', '8.8b', `weekday must be 0–6, got ${pr.weekday}`, `星期必须是 0–6，现为 ${pr.weekday}`);
    if (pr.buy < 1) cx.rule('.buy', '8.8c', `buy must be ≥ 1, got ${pr.buy}`, `买满件数必须 ≥ 1，现为 ${pr.buy}`);
    else if (pr.get < 1 || pr.get > pr.buy) cx.rule('.get', '8.8c', `get must be 1–${pr.buy} (buy ${pr.buy}), got ${pr.get}`, `赠送件数必须是 1–${pr.buy}（买 ${pr.buy}），现为 ${pr.get}`);
    if (pr.product !== null && pr.product >= cx.products) cx.problem('.product', 'unknown product', '未知的商品');
  },
  applies: (pr) => ({ city: null, product: pr.product }),
  quantity: () => 0,
  offer(op, pr, i, cx) {
    if (cx.tick % 7 !== pr.weekday) return 0;
    op.memberPromo = i;
    op.memberBuy = pr.buy;
    op.memberGet = pr.get;
    return IN_FORCE;
  },
  beginRound: memberDayFans,
  label: (pr, n) => `${n.product(pr.product)} buy ${pr.buy} get ${pr.get} on weekday ${pr.weekday}`,
  formDefaults: () => ({}),
});

/**
 * Member day builds the visiting habit (course §8): a shop with a member day this round sees
 * more of its fans (its members) come back: fanReturnRate × memberDayReturnBoost more of those
 * still away, in the cities × products its member day covers, while the city's brand-loyal buyers
 * of the round allow (shops in the round's order).
 */
function memberDayFans(ctx: RoundContext): void {
  const { world, state } = ctx;
  const rp = ctx.promos!;
  const C = world.cities.length;
  const P = world.products.length;
  const S = state.shops.length;
  const extraRate = world.rules.fanReturnRate * rp.rules.memberDayReturnBoost;
  if (extraRate <= 0) return;
  for (const s of state.shuffle) {
    const sp = rp.shops[s];
    if (!sp || !sp.list.some((x) => x.type === 'memberDay')) continue;
    const shop = state.shops[s]!;
    for (let c = 0; c < C; c++) {
      for (let p = 0; p < P; p++) {
        const cell = c * P + p;
        if (sp.byCell[cell]!.every((i) => sp.list[i]!.type !== 'memberDay')) continue;
        let due = 0;
        for (let t = 0; t < S; t++) due += ctx.fansDue[(t * C + c) * P + p]!;
        const room = state.roundDemand[cell * CROWD_COUNT + BRAND_LOYAL]! - due;
        const extra = Math.min(room, Math.floor(shop.fans[cell]! * extraRate));
        if (extra <= 0) continue;
        ctx.fansDue[(s * C + c) * P + p]! += extra;
        shop.fans[cell]! -= extra;
      }
    }
  }
}
