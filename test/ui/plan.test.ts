import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenario/builtin';
import { checkDraft, initialDraft, type PlanDraft } from '../../src/ui/planDraft';
import { defaultValues, promotionToFile, promotionTypes, PROMOTION_TYPES } from '../../src/ui/promotionForms';
import { current, hashOf, playRoundWith, sessionFromSaveText, startSession, toSave, type Session } from '../../src/ui/session';
import { explainRound } from '../../src/ui/why';
import { COST_KINDS } from '../../src/engine';
import { playGame } from '../../src/sim/game';
import { stateHash } from '../../src/sim/result';
import { loadSave } from '../../src/sim/save';
import type { Problem } from '../../src/scenario/problems';

function start(seed = 1): Session {
  const res = startSession(builtinScenario(), seed);
  if (!res.ok) throw new Error(JSON.stringify(res.problems));
  return res.value;
}

function play(session: Session, edit: (d: PlanDraft) => void = () => {}): Session {
  const draft = initialDraft(session, current(session));
  edit(draft);
  const checked = checkDraft(session, draft);
  if (!checked.entry) throw new Error(JSON.stringify(checked.problems));
  const res = playRoundWith(session, checked.entry);
  if (!res.ok) throw new Error(JSON.stringify(res.problems));
  return res.value;
}

describe('when the plan form is checked', () => {
  it('should open with the coached plan: 5% under the reference (hz tea 47.50), free shipping, restock and 500 each of decoration and media', () => {
    const draft = initialDraft(start(), current(start()));
    expect(draft.coached).toBe(true);
    expect(draft.listings).toHaveLength(9);
    expect(draft.listings[0]).toMatchObject({ c: 0, p: 0, active: true, price: '47.50', sellerPaysShipping: true });
    expect(draft.restock.some((r) => Number(r.quantity) > 0)).toBe(true);
    expect(draft.marketing).toMatchObject({ decoration: '500.00', media: '500.00' });
    expect(checkDraft(start(), draft).problems).toEqual([]);
  });

  it('should not lose round 1 by far with the coached opening: revenue at least a fifth of the best bot’s', () => {
    const s = start();
    const draft = initialDraft(s, current(s));
    const checked = checkDraft(s, draft);
    const next = playRoundWith(s, checked.entry!);
    if (!next.ok) throw new Error('round 1 does not play');
    const r1 = current(next.value).reports[0]!.shops;
    const best = Math.max(...r1.filter((_, i) => i !== s.player).map((x) => x.revenueFen));
    expect(r1[s.player]!.units).toBeGreaterThan(0);
    expect(r1[s.player]!.revenueFen).toBeGreaterThan(best / 5);
  });

  it('should refuse hz tea at 60 + 6 shipping (66.00 > cap 50 × 1.3 = 65.00) on the price field', () => {
    const s = start();
    const draft = initialDraft(s, current(s));
    draft.listings[0]!.price = '60';
    draft.listings[0]!.shipping = '6';
    draft.listings[0]!.sellerPaysShipping = false;
    const { problems, entry } = checkDraft(s, draft);
    expect(entry).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe('listing:0:price');
    expect(problems[0]!.message).toContain('65.00');
  });

  it('should name a field that is not a number without calling the validator', () => {
    const s = start();
    const draft = initialDraft(s, current(s));
    draft.restock[4]!.quantity = 'ten';
    // a quantity is counted in units: its message asks for a whole number of units, not yuan
    expect(checkDraft(s, draft).problems).toEqual([{ field: 'restock:4:quantity', path: '', message: '', local: 'notCount' }]);
  });

  it('should ask for an amount in yuan only where the promotion field is money (flash price: yuan; discount rate, days: a plain number)', () => {
    const flash = promotionToFile({ type: 'flashSale', values: { product: 'tea', price: 'cheap', fromTick: 'soon' } }).problems;
    expect(flash).toEqual([
      { field: 'price', kind: 'notNumber' },
      { field: 'fromTick', kind: 'notPlainNumber' },
    ]);
    const rate = promotionToFile({ type: 'limitedDiscount', values: { product: 'tea', rate: 'ten percent' } }).problems;
    expect(rate).toEqual([{ field: 'rate', kind: 'notPlainNumber' }]);
  });

  it('should map a promotion rule (discount deeper than 0.1折, rate 0.005) to its field', () => {
    const s = start();
    const draft = initialDraft(s, current(s));
    const tool = promotionTypes().find((x) => x.type === 'limitedDiscount')!;
    draft.promotions.push({ type: 'limitedDiscount', values: { ...defaultValues(tool, s.world), rate: '0.005' } });
    const { problems } = checkDraft(s, draft);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.field).toBe('promotion:0:rate');
  });

  it('should offer the eight tools of the course in order, read from the schema', () => {
    expect(promotionTypes().map((x) => x.type)).toEqual([...PROMOTION_TYPES]);
    const ld = promotionTypes()[0]!;
    expect(ld.fields.map((f) => [f.key, f.kind])).toEqual(
      expect.arrayContaining([
        ['product', 'product'],
        ['rate', 'number'],
      ]),
    );
    expect(promotionToFile({ type: 'spendReward', values: { tiers: '[{"threshold":100,"off":8}]', fromTick: '' } }).value).toEqual({ type: 'spendReward', tiers: [{ threshold: 100, off: 8 }] });
    expect(promotionToFile({ type: 'spendReward', values: { tiers: '[oops' } }).problems).toEqual([{ field: 'tiers', kind: 'notJson' }]);
  });
});

describe('when rounds are played in the browser session', () => {
  it('should give the hash the CLI computes from the exported save', () => {
    let s = start(7);
    s = play(s, (d) => void (d.listings[0]!.price = '45.50'));
    s = play(s, (d) => void (d.restock[0]!.quantity = '50'));
    const save = toSave(s);
    const loaded = loadSave(JSON.parse(JSON.stringify(save)));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const replay = playGame(loaded.value.world, loaded.value.seed, loaded.value.decisions, undefined, loaded.value.roundsPlayed);
    expect(stateHash(replay)).toBe(hashOf(s));
    expect(s.lastFlows).toHaveLength(30);
  });

  it('should restore the same game from the save text, and refuse a corrupted one', () => {
    const s = play(start());
    const back = sessionFromSaveText(JSON.stringify(toSave(s)));
    expect(back.ok && hashOf(back.value)).toBe(hashOf(s));
    const bad = sessionFromSaveText('{"kind":"save","vers');
    expect(bad.ok).toBe(false);
  });
});

describe('when the review explains a round', () => {
  it('should say "no listing" for every crowd when the player lists nothing', () => {
    const s = play(start(), (d) => d.listings.forEach((l) => (l.active = false)));
    const rows = explainRound(s.world, s.states[0]!, s.states[1]!, s.player);
    expect(rows).toHaveLength(12); // 3 cities × 4 crowds, all with buyers
    for (const r of rows) {
      expect(r.mine).toBe(0);
      expect(r.factors).toEqual([{ kind: 'noListing' }]);
      expect(r.winner).not.toBe(s.player);
    }
  });

  it('should rank the player cheapest for low-price buyers at 1.00 (rank 1)', () => {
    const s = play(start(), (d) => d.listings.forEach((l) => (l.price = '1.00')));
    const rows = explainRound(s.world, s.states[0]!, s.states[1]!, s.player);
    const low = rows.find((r) => r.city === 0 && r.crowd === 1)!;
    const ranks = low.factors.filter((f) => f.kind === 'priceRank');
    expect(ranks).toHaveLength(3);
    for (const f of ranks) expect(f.kind === 'priceRank' && f.rank).toBe(1);
  });
});

describe('when any built-in scenario is started', () => {
  it('should accept the opening plan and play a round', async () => {
    const { BUILTIN_SCENARIOS } = await import('../../src/scenario/builtin');
    for (const [id, file] of Object.entries(BUILTIN_SCENARIOS)) {
      const res = startSession(file, 3);
      expect(res.ok, id).toBe(true);
      if (!res.ok) continue;
      const s = play(res.value);
      expect(s.states[1]!.round, id).toBe(1);
    }
  });
});

describe('when a class scenario has several player shops', () => {
  it('should play the team’s chosen shop and restore it from the save', () => {
    const file = structuredClone(builtinScenario()) as { shops: { controller: string }[] };
    file.shops[1]!.controller = 'player';
    const res = startSession(file, 5, 's2');
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    expect(res.value.player).toBe(1);
    const s = play(res.value, (d) => void (d.listings[0]!.price = '40.00'));
    const saveText = JSON.stringify(toSave(s));
    const back = sessionFromSaveText(saveText);
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(back.value.player).toBe(1);
    expect(hashOf(back.value)).toBe(hashOf(s));
    const loaded = loadSave(JSON.parse(saveText));
    if (!loaded.ok) throw new Error('save');
    expect(stateHash(playGame(loaded.value.world, loaded.value.seed, loaded.value.decisions, undefined, 1))).toBe(hashOf(s));
  });

  it('should refuse a save whose decisions are for a bot shop', () => {
    const s = play(start());
    const save = JSON.parse(JSON.stringify(toSave(s))) as { decisions: { shop: string }[] };
    save.decisions[0]!.shop = 's2';
    const res = sessionFromSaveText(JSON.stringify(save));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.problems[0]!.message).toContain('bot shop');
  });
});

describe('when a Chinese student meets a validator message', () => {
  it('should read the illegal price and a promotion rule in Chinese, with their numbers', async () => {
    const { problemMessage } = await import('../../src/ui/problemText');
    const s = start();
    const draft = initialDraft(s, current(s));
    draft.listings[0]!.price = '70';
    const tool = promotionTypes().find((x) => x.type === 'limitedDiscount')!;
    draft.promotions.push({ type: 'limitedDiscount', values: { ...defaultValues(tool, s.world), rate: '0.005' } });
    const texts = checkDraft(s, draft).problems.map((p) => problemMessage(p));
    expect(texts).toContainEqual(expect.stringContaining('违规价格：一口价 + 运费 = 70.00 元，超过上限 65.00 元'));
    expect(texts).toContainEqual(expect.stringContaining('违反平台规则 8.1a（折扣不低于 0.1折'));
  });

  it('should read every other message of the plan form in Chinese too (a restock of 2.5 units, a coupon of 0 issued)', async () => {
    const { problemMessage } = await import('../../src/ui/problemText');
    const s = start();
    const restock = initialDraft(s, current(s));
    restock.restock[0]!.quantity = '2.5';
    expect(checkDraft(s, restock).problems.map((p) => problemMessage(p))).toEqual(['必须是整数（现为 2.5）']);
    const coupon = initialDraft(s, current(s));
    const tool = promotionTypes().find((x) => x.type === 'coupon')!;
    coupon.promotions.push({ type: 'coupon', values: { ...defaultValues(tool, s.world), amount: '5', threshold: '50', quantity: '0' } });
    expect(checkDraft(s, coupon).problems.map((p) => problemMessage(p))).toEqual(['违反平台规则 8.5b（至少发放 1 张）：发放张数必须 ≥ 1，现为 0']);
  });

  it('should show a refused save in Chinese, and English where a message has no Chinese', async () => {
    const { problemMessage } = await import('../../src/ui/problemText');
    const s = play(start());
    const save = JSON.parse(JSON.stringify(toSave(s))) as { decisions: { shop: string }[] };
    save.decisions[0]!.shop = 's2';
    const res = sessionFromSaveText(JSON.stringify(save));
    if (res.ok) throw new Error('a save for a bot shop loaded');
    expect(res.problems[0]!.message).toBe('is "s2", a bot shop ("undercut"), not a player shop');
    expect(problemMessage(res.problems[0]!)).toBe('是 "s2"，一个机器人网店（"undercut"），不是玩家网店');
    const englishOnly: Problem = { path: '$', message: 'english only' };
    expect(problemMessage(englishOnly)).toBe('english only');
  });
});

describe('when the scenario simulates customer service (service scenario)', () => {
  const startService = (): Session => {
    const res = startSession(builtinScenario('service'), 11);
    if (!res.ok) throw new Error('service must start');
    return res.value;
  };

  it('should start the agents field at the shop’s agents (rules.service.startAgents = 1) and put them in the decisions', () => {
    const s = startService();
    const draft = initialDraft(s, current(s), { coach: false });
    expect(draft.agents).toBe('1');
    draft.agents = '3';
    const checked = checkDraft(s, draft);
    expect(checked.problems).toEqual([]);
    expect(checked.entry?.service).toEqual({ agents: 3 });
    const next = playRoundWith(s, checked.entry);
    expect(next.ok && current(next.value).reports[0]!.shops[next.value.player]!.service.agents).toBe(3);
  });

  it('should open the service scenario with agents for the inquiries to expect (coached: 5, a quarter above the published demand’s questions)', () => {
    const s = startService();
    expect(initialDraft(s, current(s)).agents).toBe('5');
  });

  it('should put a surprise gift in the decisions only when the policy changes, and keep it in force the next round', () => {
    const s = startService();
    const draft = initialDraft(s, current(s), { coach: false });
    // no gift in force and none chosen: the decisions say nothing of gifts
    expect(draft.gift).toMatchObject({ product: '', announced: false, inForce: '' });
    expect(checkDraft(s, draft).entry?.service).toEqual({ agents: 1 });
    draft.gift = { ...draft.gift!, product: 'tea', unitCost: '1.50' };
    const checked = checkDraft(s, draft);
    expect(checked.problems).toEqual([]);
    expect(checked.entry?.service).toEqual({ agents: 1, surpriseGift: { product: 'tea', unitCost: 1.5 } });
    const next = playRoundWith(s, checked.entry);
    if (!next.ok) throw new Error('round 1 must play');
    const me = current(next.value).reports[0]!.shops[next.value.player]!;
    // every delivered tea order carried a 1.50 gift: gifts × 150 fen is the round's gift cost
    expect(me.service.gifts).toBeGreaterThan(0);
    expect(me.costsFen[COST_KINDS.indexOf('gifts')]).toBe(me.service.gifts * 150);
    // round 2: the form shows the policy in force and the decisions leave it unsaid until it changes
    const d2 = initialDraft(next.value, current(next.value));
    expect(d2.gift).toEqual({ product: 'tea', unitCost: '1.50', announced: false, inForce: 'tea|150|false' });
    expect(checkDraft(next.value, d2).entry?.service?.surpriseGift).toBeUndefined();
    d2.gift = { ...d2.gift!, announced: true };
    expect(checkDraft(next.value, d2).entry?.service?.surpriseGift).toEqual({ product: 'tea', unitCost: 1.5, announced: true });
    d2.gift = { ...d2.gift!, product: '' };
    expect(checkDraft(next.value, d2).entry?.service?.surpriseGift).toBeNull();
  });

  it('should refuse a gift cost that is not a number, 0 or with three decimals at the cost field', () => {
    const s = startService();
    const draft = initialDraft(s, current(s), { coach: false });
    const problemsFor = (unitCost: string) => checkDraft(s, { ...draft, gift: { ...draft.gift!, product: 'cup', unitCost } }).problems.filter((p) => p.field === 'service:giftCost');
    expect(problemsFor('abc').map((p) => p.local)).toEqual(['notNumber']);
    expect(problemsFor('0')[0]?.message).toMatch(/0\.01 to 10000 yuan/);
    expect(problemsFor('1.505')[0]?.message).toMatch(/fen|decimal/i);
    expect(problemsFor('2')).toEqual([]);
  });

  it('should refuse 1001 agents on the agents field with the validator’s range', () => {
    const s = startService();
    const draft = initialDraft(s, current(s));
    draft.agents = '1001';
    const checked = checkDraft(s, draft);
    expect(checked.problems.some((p) => p.field === 'service:agents' && /0 to 1000/.test(p.message))).toBe(true);
  });

  it('should leave agents out in a scenario without rules.service (classic)', () => {
    const draft = initialDraft(start(), current(start()));
    expect(draft.agents).toBeNull();
    expect(checkDraft(start(), draft).entry?.service).toBeUndefined();
  });
});

describe('when the student gives member points (会员积分) on the plan screen', () => {
  it('should start at 0%, put 5% in the decisions as rate 0.05 only when changed, and show points given in the next round', () => {
    const s = start();
    const draft = initialDraft(s, current(s));
    expect(draft.points).toBe('0');
    expect(checkDraft(s, draft).entry?.memberPoints).toBeUndefined();
    draft.points = '5';
    const checked = checkDraft(s, draft);
    expect(checked.entry?.memberPoints).toEqual({ rate: 0.05 });
    const next = playRoundWith(s, checked.entry);
    expect(next.ok).toBe(true);
    if (!next.ok) return;
    const me = current(next.value).reports[0]!.shops[next.value.player]!;
    expect(me.memberPoints.rate).toBe(0.05);
    expect(me.memberPoints.issuedFen).toBeGreaterThan(0);
    // The next round's form starts at the rate in force and names it only when it changes.
    const d2 = initialDraft(next.value, current(next.value));
    expect(d2.points).toBe('5');
    expect(checkDraft(next.value, d2).entry?.memberPoints).toBeUndefined();
  });

  it('should refuse 12% on the points field with the platform’s most (rules.customers.pointsMaxRate 0.1), and a word as not a number', () => {
    const s = start();
    const draft = initialDraft(s, current(s));
    draft.points = '12';
    const checked = checkDraft(s, draft);
    expect(checked.entry).toBeNull();
    expect(checked.problems.some((p) => p.field === 'points:rate' && /pointsMaxRate/.test(p.message) && /积分/.test(p.messageZh ?? ''))).toBe(true);
    draft.points = 'five';
    expect(checkDraft(s, draft).problems.some((p) => p.field === 'points:rate' && p.local === 'notNumber')).toBe(true);
  });
});
