/**
 * "Copy last round": the plan form filled from the round the student played last (prices and
 * listings, restock, marketing and promotions), so a round that changes little takes few edits.
 * A price the new round's cap makes illegal falls back to the reference price, as the form's
 * opening draft does.
 */
import type { GameState, World } from '../engine';
import { formatYuan } from '../engine';
import { capFen, giftDraftOf, referenceFen, type PlanDraft } from './planDraft';
import { promotionTypes, type PromotionDraft } from './promotionForms';
import { hasSearch, searchDraftOf } from './searchDraft';
import type { RoundEntry } from './session';

const yuanText = (n: number | undefined) => formatYuan(Math.round((n ?? 0) * 100));

/** A promotion of a decisions file → the form's text fields. */
export function promotionDraftOf(file: unknown): PromotionDraft | null {
  if (!file || typeof file !== 'object') return null;
  const obj = file as Record<string, unknown>;
  const type = promotionTypes().find((x) => x.type === obj.type);
  if (!type) return null;
  const values: Record<string, string> = {};
  for (const f of type.fields) {
    const v = obj[f.key];
    if (v === undefined || v === null) continue;
    if (f.kind === 'boolean') values[f.key] = v === true ? 'true' : 'false';
    else if (f.kind === 'products' || f.kind === 'cities') values[f.key] = Array.isArray(v) ? v.join(', ') : String(v);
    else if (f.kind === 'json') values[f.key] = JSON.stringify(v);
    else values[f.key] = String(v);
  }
  return { type: type.type, values };
}

export function draftFromEntry(world: World, state: GameState, player: number, round: number, entry: RoundEntry): PlanDraft {
  const C = world.cities.length;
  const P = world.products.length;
  const shop = player >= 0 ? state.shops[player]! : null;
  const listings: PlanDraft['listings'] = [];
  for (let c = 0; c < C; c++) {
    for (let p = 0; p < P; p++) {
      if (world.products[p]!.referencePriceFen[c] === 0) continue;
      const prev = entry.listings.find((l) => l.city === world.cities[c]!.id && l.product === world.products[p]!.id);
      const ref = referenceFen(world, p, c, round);
      const live = shop?.listings[c * P + p] ?? null;
      if (!prev) {
        listings.push({ c, p, active: true, price: formatYuan(live?.priceFen ?? ref), shipping: '0.00', sellerPaysShipping: false, presale: false });
        continue;
      }
      const priceFen = prev.price !== undefined ? Math.round(prev.price * 100) : (live?.priceFen ?? ref);
      const shipFen = prev.sellerPaysShipping ? 0 : Math.round((prev.shipping ?? 0) * 100);
      const legal = priceFen + shipFen <= capFen(world, p, c, round);
      listings.push({
        c,
        p,
        active: prev.active !== false,
        price: formatYuan(legal ? priceFen : ref),
        shipping: formatYuan(legal ? shipFen : 0),
        sellerPaysShipping: prev.sellerPaysShipping ?? false,
        presale: prev.presale ?? false,
      });
    }
  }
  const restock: PlanDraft['restock'] = [];
  for (let c = 0; c < C; c++) {
    for (let p = 0; p < P; p++) {
      const prev = entry.restock.find((r) => r.city === world.cities[c]!.id && r.product === world.products[p]!.id);
      restock.push({ c, p, quantity: prev && prev.quantity > 0 ? String(prev.quantity) : '' });
    }
  }
  const m = entry.marketing;
  return {
    round,
    listings,
    restock,
    marketing: {
      decoration: yuanText(m.decoration),
      media: yuanText(m.media),
      charity: yuanText(m.charity),
      // a certificate is bought once: already owned, it is shown ticked and not bought again
      iso: shop?.iso ?? false,
      iec: shop?.iec ?? false,
    },
    promotions: entry.promotions.map(promotionDraftOf).filter((x): x is PromotionDraft => x !== null),
    // titles and ads stay in force from round to round: the form shows what the last round left
    ...(hasSearch(world) ? { search: searchDraftOf(world, state, player) } : {}),
    // agents as last round (they carry over); none without customer service
    agents: world.rules.service ? String(entry.service?.agents ?? shop?.service.agents ?? world.rules.service.startAgents) : null,
    // the gift policy carries over too: the form shows the one in force
    ...(world.rules.service ? { gift: giftDraftOf(world, shop) } : {}),
  };
}
