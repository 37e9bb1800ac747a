/**
 * Customer service (客服, course §5), once a tick after the market: the tick's inquiries (a share
 * of its visits, plus after-sales contacts from delivered orders) join the queue; the agents answer
 * what their capacity allows. The queue ahead of a new inquiry, in days of capacity, is the response
 * time the next tick's visitors meet. Spare agent time guides unhappy buyers to amend their review,
 * clearing a negative tag before it expires.
 */
import type { RoundContext } from '../context';
import type { ServiceRules, ShopState } from '../model';

export function service(ctx: RoundContext): void {
  const rules = ctx.world.rules.service;
  if (rules === null) return;
  for (const shop of ctx.state.shops) {
    if (!shop.bankrupt) serveShop(shop, rules, ctx.tick);
  }
}

export function serveShop(shop: ShopState, rules: ServiceRules, tick: number): void {
  const desk = shop.service;
  const ledger = shop.ledger.service;
  const visits = shop.ledger.visits - desk.visitsSeen;
  desk.visitsSeen = shop.ledger.visits;
  const asked = visits * rules.inquiryShare + desk.afterSales + desk.carry;
  const inquiries = Math.floor(asked + 1e-9);
  desk.carry = asked - inquiries > 0 ? asked - inquiries : 0;
  desk.afterSales = 0;
  ledger.inquiries += inquiries;
  desk.queue += inquiries;
  const capacity = desk.agents * rules.capacityPerAgent;
  let response: number;
  if (capacity <= 0) response = desk.queue > 0 ? rules.maxResponseTicks : 0;
  else response = Math.min(rules.maxResponseTicks, desk.queue / capacity);
  const answered = Math.min(desk.queue, capacity);
  desk.queue -= answered;
  let spare = capacity - answered;
  while (rules.amendInquiries > 0 && spare >= rules.amendInquiries && amendOne(shop, tick)) {
    spare -= rules.amendInquiries;
    ledger.amended++;
  }
  // Who has waited longer than the longest response gives up.
  desk.queue = Math.min(desk.queue, Math.floor(capacity * rules.maxResponseTicks));
  desk.responseTicks = response;
  ledger.responseTickSum += response;
  ledger.ticks++;
}

/**
 * Amend one bad review: on the product with the most active tags (the lowest index on a tie),
 * the newest tag goes. Returns false when no tag is active.
 */
function amendOne(shop: ShopState, tick: number): boolean {
  let best = -1;
  let most = 0;
  shop.tags.forEach((list, p) => {
    let n = 0;
    for (const e of list) if (e > tick) n++;
    if (n > most) {
      most = n;
      best = p;
    }
  });
  if (best < 0) return false;
  const list = shop.tags[best]!;
  let at = -1;
  for (let i = 0; i < list.length; i++) if (list[i]! > tick && (at < 0 || list[i]! >= list[at]!)) at = i;
  list.splice(at, 1);
  return true;
}

/** Conversion of a hesitant or composite visit at a shop whose service answers in `responseTicks`. */
export function responseFactor(rules: ServiceRules | null, responseTicks: number): number {
  if (rules === null || responseTicks <= 0) return 1;
  return 1 / (1 + rules.responseConversion * responseTicks);
}
