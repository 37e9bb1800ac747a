/**
 * The coach on the Review screen (three suggestions from the round's numbers) and the debrief on
 * the final screen (the student's game against the winner's, and the rounds that mattered most).
 */
import { h } from '../dom';
import { local, t, tDynamic } from '../i18n';
import { formatYuan } from '../../engine';
import { coachRound, debrief, type Suggestion } from '../coach';
import { glossaryList } from '../glossary';
import type { Session } from '../session';

/** Money for the coach and the debrief; a loss reads −¥900.00, never ¥-900.00. */
export const yuan = (fen: number) => (fen < 0 ? `−¥${formatYuan(-fen)}` : `¥${formatYuan(fen)}`);

export function suggestionText(session: Session, x: Suggestion): { text: string; why: string } {
  const { world } = session;
  const city = (c: number) => local(world.cities[c]!.name);
  const product = (p: number) => local(world.products[p]!.name);
  const shop = (s: number) => local(world.shops[s]!.name);
  switch (x.kind) {
    case 'soldOut':
      return { text: t('coachSoldOut', { city: city(x.c), product: product(x.p), day: x.day, missed: x.missed }), why: t('coachSoldOutWhy', { rate: x.perDay, days: world.ticksPerRound - x.day }) };
    case 'overstock':
      return { text: t('coachOverstock', { product: product(x.p), left: x.left, sold: x.sold }), why: t('coachOverstockWhy', { tied: yuan(x.tiedFen) }) };
    case 'priceLost':
      return {
        text: t('coachPriceLost', { city: city(x.c), rival: shop(x.rival), units: x.rivalUnits, product: product(x.p) }),
        why: t('coachPriceLostWhy', { mine: yuan(x.mineFen), theirs: yuan(x.rivalFen) }),
      };
    case 'belowCost':
      return { text: t('coachBelowCost', { city: city(x.c), product: product(x.p), loss: yuan(x.lossFen) }), why: t('coachBelowCostWhy', { units: x.units, total: yuan(x.impactFen) }) };
    case 'promoWeak':
      return { text: t('coachPromoWeak', { tool: tDynamic(`promo_${x.type}`, x.type) }), why: t('coachPromoWeakWhy', { discount: yuan(x.discountFen), revenue: yuan(x.revenueFen) }) };
    case 'tooSlow':
      return { text: t('coachTooSlow', { city: city(x.c), lost: x.lost }), why: t('coachTooSlowWhy') };
    case 'indexLow':
      return { text: t('coachIndexLow', { city: city(x.c), rival: shop(x.rival), units: x.rivalUnits }), why: t('coachIndexLowWhy', { mine: x.mine, theirs: x.theirs }) };
    case 'stockCover':
      return { text: t('coachStockCover', { product: product(x.p), left: x.left, rounds: x.rounds }), why: t('coachStockCoverWhy', { sold: x.sold, lead: world.rules.restockLeadTicks }) };
    case 'reviewLow':
      return { text: t('coachReviewLow', { city: city(x.c), rival: shop(x.rival), units: x.rivalUnits }), why: t('coachReviewLowWhy', { mine: x.mine, theirs: x.theirs }) };
    case 'cashLow':
      return { text: t('coachCashLow', { cash: yuan(x.cashFen) }), why: t('coachCashLowWhy') };
    case 'restockPlan':
      return {
        text: t('coachRestockPlan', { product: product(x.p), need: x.need, rate: x.perDay, demand: x.need + x.left, left: x.left }),
        why: t(x.costFen > x.cashFen ? 'coachRestockPlanShort' : 'coachRestockPlanWhy', { unit: yuan(world.products[x.p]!.unitCostFen), cost: yuan(x.costFen), cash: yuan(x.cashFen) }),
      };
    case 'shareLost': {
      const lever = x.rivalReview > x.mineReview ? (x.rivalFen < x.mineFen ? 'Both' : 'Review') : x.rivalFen < x.mineFen ? 'Price' : 'Other';
      return {
        text: t(`coachShareLost${lever}`, { city: city(x.c), product: product(x.p), buyers: x.buyers, mine: x.mine, rival: shop(x.rival), units: x.rivalUnits }),
        why: t('coachShareLostWhy', { rival: shop(x.rival), theirs: x.rivalReview, mine: x.mineReview, theirsPrice: yuan(x.rivalFen), minePrice: yuan(x.mineFen) }),
      };
    }
    case 'noStock':
      return { text: t('coachNoStock', { city: city(x.c), product: product(x.p), buyers: x.buyers }), why: t('coachNoStockWhy', { lead: world.rules.restockLeadTicks }) };
    case 'searchLow':
      return {
        text: t('coachSearchLow', { city: city(x.c), product: product(x.p), rank: x.rank }),
        why: t('coachSearchLowWhy', { impressions: x.impressions, clicks: x.clicks, ctr: x.impressions > 0 ? Math.round((x.clicks / x.impressions) * 100) : 0 }),
      };
    case 'noPurchase':
      return { text: t('coachNoPurchase', { city: city(x.c), lost: x.lost }), why: t('coachNoPurchaseWhy') };
    case 'bestSeller':
      return {
        text: t(x.soldOut ? 'coachBestSellerSoldOut' : 'coachBestSeller', { city: city(x.c), product: product(x.p) }),
        why: t('coachBestSellerWhy', { margin: yuan(x.marginFen), units: x.units, total: yuan(x.totalFen) }),
      };
    case 'keepGoing':
      return { text: t('coachKeepGoing', { profit: yuan(x.profitFen) }), why: '' };
  }
}

export function coachPanel(session: Session): HTMLElement | null {
  const round = session.states[session.states.length - 1]!.round;
  if (session.player < 0 || round === 0) return null;
  const tips = coachRound(session, round);
  return h(
    'section',
    { className: 'coach', 'data-testid': 'coach', 'aria-labelledby': 'coach-h' },
    h('h3', { id: 'coach-h' }, t('coachTitle')),
    h(
      'ol',
      {},
      ...tips.map((x) => {
        const { text, why } = suggestionText(session, x);
        return h('li', { 'data-kind': x.kind }, h('strong', {}, text), why ? h('span', { className: 'why-line' }, why) : null);
      }),
    ),
  );
}

export function debriefPanel(session: Session): HTMLElement | null {
  const d = debrief(session);
  if (!d) return null;
  const { world } = session;
  const rival = local(world.shops[d.rival]!.name);
  const sign = (fen: number) => (fen >= 0 ? `+${yuan(fen)}` : `−${yuan(-fen)}`);
  return h(
    'section',
    { className: 'debrief coach', 'data-testid': 'debrief', 'aria-labelledby': 'debrief-h' },
    h('h3', { id: 'debrief-h' }, d.studentWon ? t('debriefTitleWon', { rival }) : t('debriefTitle', { rival })),
    h(
      'div',
      { className: 'table-scroll' },
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, ...[t('rank'), t('debriefYouEquity'), t('debriefRivalEquity', { rival }), t('debriefYouProfit'), t('debriefRivalProfit', { rival }), t('debriefGapChange')].map((x, i) => h('th', { scope: 'col' }, i === 0 ? t('roundCol') : x)))),
        h(
          'tbody',
          {},
          ...d.rounds.map((r) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, t('roundShort', { round: r.round })),
              h('td', { className: 'num' }, yuan(r.mineEquityFen)),
              h('td', { className: 'num' }, yuan(r.rivalEquityFen)),
              h('td', { className: 'num' }, yuan(r.mineProfitFen)),
              h('td', { className: 'num' }, yuan(r.rivalProfitFen)),
              h('td', { className: 'num' }, sign(r.gapChangeFen)),
            ),
          ),
        ),
      ),
    ),
    h('h4', {}, t('debriefTurning')),
    h(
      'ol',
      { 'data-testid': 'debrief-decisions' },
      ...d.turningPoints.map((x) =>
        h(
          'li',
          {},
          h('strong', {}, t(x.gapChangeFen >= 0 ? 'debriefGained' : 'debriefLost', { round: x.round, v: yuan(Math.abs(x.gapChangeFen)), rival })),
          h(
            'span',
            { className: 'why-line' },
            t('debriefDiff', {
              price: yuan(x.minePriceFen),
              rprice: yuan(x.rivalPriceFen),
              restock: x.mineRestock,
              rrestock: x.rivalRestock,
              mkt: yuan(x.mineMarketingFen),
              rmkt: yuan(x.rivalMarketingFen),
              promos: x.minePromotions,
              rpromos: x.rivalPromotions,
              rival,
            }),
          ),
        ),
      ),
    ),
  );
}

/** The course's terms, open on demand. */
export function glossaryDetails(): HTMLElement {
  return h('details', { className: 'glossary-box', 'data-testid': 'glossary-box' }, h('summary', {}, t('glossaryTitle')), glossaryList());
}
