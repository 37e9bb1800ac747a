/**
 * "Adding a ninth tool is adding one file": a copy of the sources gets a ninth promotion tool
 * (清仓价 clearance: a fixed amount off every unit, with its own rule 8.9a and its own setting in
 * rules.promotions) as one module plus its line in the registry, and nothing else. The copy
 * type-checks and passes the layering lint, and the tool is in the tool list, the decisions
 * file's zod union, the numbered rule table, the scenario's rules.promotions with its default,
 * the browser's form list with its defaults and names, and it prices an order.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
let dir = '';

const CLEARANCE = `/** 清仓价 clearance: every unit \`offFen\` cheaper while it runs. */
import { z } from 'zod';
import { formatYuan, yuanToFen } from '../../money';
import { defineTool, doc, IN_FORCE, inForce, money, productField, spanLabel, ticks, URGENT, type TickSpan } from '../tool';

export interface Clearance extends TickSpan {
  type: 'clearance';
  product: number;
  offFen: number;
}

export const clearanceSchema = doc(
  z.strictObject({ type: z.literal('clearance'), product: productField, off: doc(money, 'yuan off every unit (rule 8.9a)', '每件优惠金额（元）（规则 8.9a）'), ...ticks }),
  'clearance (清仓价): a fixed amount off every unit',
  '清仓价：每件立减固定金额',
);

export const clearance = defineTool<Clearance, typeof clearanceSchema, '8.9a', 'clearanceMaxShare'>({
  type: 'clearance',
  name: { zh: '清仓价', en: 'clearance' },
  schema: clearanceSchema,
  rules: [{ no: '8.9a', en: 'off ≤ fixed price × clearanceMaxShare', zh: '优惠 ≤ 一口价 × 清仓上限' }],
  settings: {
    clearanceMaxShare: { schema: doc(z.number().min(0).max(1), 'the most a clearance takes off, as a share of the fixed price; default 0.5', '清仓价最多优惠一口价的该比例；默认 0.5'), default: 0.5 },
  },
  fromFile: (f, cx) => ({ type: f.type, product: cx.product(f.product, 'product')!, offFen: yuanToFen(f.off), ...cx.span(f) }),
  check(pr, cx) {
    for (const c of cx.citiesOf(pr.product, null)) {
      const l = cx.listings[c * cx.products + pr.product]!;
      if (pr.offFen > l.priceFen * cx.rules.clearanceMaxShare) cx.rule('.off', '8.9a', \`too much off: \${formatYuan(pr.offFen)}\`, \`优惠过多：\${formatYuan(pr.offFen)}\`);
    }
  },
  applies: (pr) => ({ city: null, product: pr.product }),
  quantity: () => 0,
  offer(op, pr, i, cx) {
    if (!inForce(pr, cx.tickInRound)) return 0;
    const u = cx.listFen - pr.offFen;
    if (u < op.unitFen) {
      op.unitFen = u;
      op.unitPromo = i;
    }
    return IN_FORCE | URGENT;
  },
  label: (pr, n) => \`\${n.product(pr.product)} −\${formatYuan(pr.offFen)}\${spanLabel(pr)}\`,
  formDefaults: () => ({ off: '1' }),
});
`;

// What the copy reports about itself, run with tsx from the copy.
const PROBE = `
import { DEFAULT_PROMOTION_RULES, PROMOTION_RULES, PROMOTION_TOOL_LIST, PROMOTION_TYPES } from './src/engine';
import { offerPromo, quote, startPromotions } from './src/engine/promotions/round';
import { promotionRulesSchema, promotionSchema, PROMOTION_TOOLS } from './src/scenario/promotions';
import { builtinScenario } from './src/scenario/builtin';
import { loadScenario } from './src/scenario/load';
import { defaultValues, promotionTypes } from './src/ui/promotionForms';
const world = loadScenario(builtinScenario());
if (!world.ok) throw new Error('scenario');
const pr = { type: 'clearance', product: 0, offFen: 300, fromTick: 1, toTick: 5 } as never;
const rp = startPromotions(DEFAULT_PROMOTION_RULES, 1, 1, [[pr]])!;
const op = offerPromo(rp, 0, 0, 1, 1, 4000, 500, [{ priceFen: 4000 }], 0)!;
const form = promotionTypes().find((t) => t.type === 'clearance');
console.log(JSON.stringify({
  tools: PROMOTION_TOOL_LIST.map((t) => t.type),
  types: PROMOTION_TYPES,
  parsed: promotionSchema.safeParse({ type: 'clearance', product: 'p', off: 2 }).success,
  unknownField: promotionSchema.safeParse({ type: 'clearance', product: 'p', off: 2, extra: 1 }).success,
  rules: PROMOTION_RULES.filter((r) => r.tool === 'clearance').map((r) => r.no),
  setting: DEFAULT_PROMOTION_RULES.clearanceMaxShare,
  settingParsed: promotionRulesSchema.safeParse({ clearanceMaxShare: 0.4 }).success,
  settingRefused: promotionRulesSchema.safeParse({ clearanceMaxShare: 2 }).success,
  forms: promotionTypes().map((t) => t.type),
  formFields: form?.fields.map((f) => f.key),
  formDefaults: form ? defaultValues(form, world.value) : null,
  panel: PROMOTION_TOOLS.map((t) => t.type),
  pay3: quote(op, 3, 0, false),
}));
`;

function run(args: string[], timeout = 120_000) {
  const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', timeout });
  return { code: r.status, text: r.stdout + r.stderr, out: r.stdout };
}

describe('a ninth promotion tool added as one module (and its line in the registry)', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'shopsim-ninth-tool-'));
    for (const d of ['src', 'scenarios', 'scripts']) cpSync(join(root, d), join(dir, d), { recursive: true });
    for (const f of ['tsconfig.json', 'package.json']) cpSync(join(root, f), join(dir, f));
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    writeFileSync(join(dir, 'tsconfig.json'), readFileSync(join(root, 'tsconfig.json'), 'utf8').replace(/"include": \[[^\]]*\]/, '"include": ["src", "probe.ts"]'));
    const tools = join(dir, 'src', 'engine', 'promotions', 'tools');
    writeFileSync(join(tools, 'clearance.ts'), CLEARANCE);
    // The registry line: the import and its place at the end of the list.
    const index = readFileSync(join(tools, 'index.ts'), 'utf8')
      .replace("import { memberDay } from './memberDay';", "import { memberDay } from './memberDay';\nimport { clearance } from './clearance';")
      .replace('flashSale, memberDay] as const;', 'flashSale, memberDay, clearance] as const;');
    expect(index).toContain('memberDay, clearance] as const');
    writeFileSync(join(tools, 'index.ts'), index);
    writeFileSync(join(dir, 'probe.ts'), PROBE);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('should type-check (strict) and pass the layering lint with nothing else changed', () => {
    const tsc = run([join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', 'tsconfig.json'], 300_000);
    expect(tsc.text).toBe('');
    expect(tsc.code).toBe(0);
    const lint = run([join(dir, 'scripts', 'check-layers.mjs'), dir]);
    expect(lint.text).toContain('layers: ok');
  }, 300_000);

  it('should be in the tool list, the zod union, the rule table, rules.promotions, the browser’s forms, and price an order: 3 × (40.00 − 3.00) + 5.00 = 116.00', () => {
    const r = run([join(root, 'bin', 'run-ts.mjs'), 'probe.ts']);
    expect(r.code, r.text).toBe(0);
    const got = JSON.parse(r.out.trim().split('\n').pop()!);
    const nine = ['limitedDiscount', 'spendReward', 'bundle', 'buyMoreDiscount', 'coupon', 'groupBuy', 'flashSale', 'memberDay', 'clearance'];
    expect(got.tools).toEqual(nine);
    expect(got.types).toEqual(nine);
    expect(got.parsed).toBe(true);
    expect(got.unknownField).toBe(false);
    expect(got.rules).toEqual(['8.9a']);
    expect(got.setting).toBe(0.5);
    expect(got.settingParsed).toBe(true);
    expect(got.settingRefused).toBe(false);
    expect(got.forms).toEqual(nine);
    expect(got.panel).toEqual(nine);
    expect(got.formFields).toEqual(['product', 'off', 'fromTick', 'toTick']);
    expect(got.formDefaults).toMatchObject({ off: '1' });
    expect(got.pay3).toBe(11600);
  }, 120_000);
});
