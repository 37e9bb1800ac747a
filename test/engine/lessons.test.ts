/**
 * Lessons of the course (domain §12) as controlled experiments: same scenario and seed, one
 * decision changed. (Lessons 2, 5, 6 and 7 are in test/scenario and test/promotions.)
 */
import { describe, expect, it } from 'vitest';
import { createInitialState, playRound, type RoundDecision, type World } from '../../src/engine';
import { builtinScenario } from '../../src/scenario/builtin';
import { emptyRound, loadScenario } from '../../src/scenario/load';
import { decisionsForRound } from '../../src/sim/game';
import { listTea, playRounds, tinyWorld, unitsBy } from './helpers';

const classic: World = (() => {
  const res = loadScenario(builtinScenario());
  if (!res.ok) throw new Error('classic must load');
  return res.value;
})();

/** Round 1 of classic with the player's decision replaced; bots play as usual. */
function classicRound1(player: RoundDecision) {
  const s0 = createInitialState(classic, 5);
  const decisions = decisionsForRound(classic, s0, new Map([[0, [player]]]));
  return playRound(classic, s0, decisions).reports[0]!.shops[0]!;
}

function teaInHangzhou(priceYuan: number): RoundDecision {
  const d = emptyRound();
  d.listings.push({ city: 0, product: 0, listing: { priceFen: priceYuan * 100, shippingFen: 0, sellerPaysShipping: true, presale: false } });
  return d;
}

describe('lesson 1: cutting price wins the low-price crowd, and the margin falls', () => {
  it('should sell more to the low-price crowd at 38.00 than at 50.00, at a lower margin per unit', () => {
    const dear = classicRound1(teaInHangzhou(50));
    const cheap = classicRound1(teaInHangzhou(38));
    expect(cheap.unitsByCrowd[1]).toBeGreaterThan(dear.unitsByCrowd[1]!);
    // Gross margin per delivered unit (only tea is listed): 50.00 − 20.00 = 30.00 against 38.00 − 20.00 = 18.00.
    const margin = (r: typeof dear) => (r.revenueFen - r.cogsFen) / r.unitsDelivered;
    expect(margin(dear)).toBe(3000);
    expect(margin(cheap)).toBe(1800);
  });
});

describe('lesson 3: delivering in a city grows city influence and brand-loyal sales there', () => {
  it('should send round 2 brand-loyal buyers to the shop that delivered in round 1 (same prices)', () => {
    const stock = { hz: { tea: 1000 } };
    const world = tinyWorld({ shops: [{ id: 'a', stock }, { id: 'b', stock }], perRound: { brandLoyal: 20, lowPrice: 20 }, rounds: 3 });
    const off = emptyRound();
    off.listings.push({ city: 0, product: 0, listing: null });
    // Round 1: only a sells (and delivers in round 2's first tick); b stays out.
    const delivered = playRounds(world, [[listTea(40), off], [listTea(40), listTea(40)], [listTea(40), listTea(40)]]);
    expect(delivered.reports[1]!.shops[0]!.cityInfluence[0]).toBeGreaterThan(0);
    expect(unitsBy(delivered, 3, 0)[0]).toBe(20);
    expect(unitsBy(delivered, 3, 1)[0]).toBe(0);
  });
});

describe('lesson 4: spending on media, charity and decoration raises the index and composite sales', () => {
  it('should raise the composite index and composite-crowd units with 5000.00 of media and decoration', () => {
    const plain = classicRound1(teaInHangzhou(48));
    const spend = teaInHangzhou(48);
    spend.marketing = { decorationFen: 250000, mediaFen: 250000, charityFen: 50000, iso: false, iec: false };
    const branded = classicRound1(spend);
    expect(branded.index).toBeGreaterThan(plain.index);
    expect(branded.unitsByCrowd[2]).toBeGreaterThan(plain.unitsByCrowd[2]!);
  });
});
