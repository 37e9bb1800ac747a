/**
 * Every validator message in Chinese: each broken fixture of test/fixtures/broken/, loaded the way
 * the browser loads it (a scenario file from the picker; a decisions file inside an imported
 * save, checked against the built-in tutorial scenario), gives problems whose `messageZh` is
 * Chinese, while the English `message` stays the CLI's (broken-fixtures.test.ts checks it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenario/builtin';
import { loadDecisionsText, loadScenario, loadScenarioText } from '../../src/scenario/load';
import type { Problem } from '../../src/scenario/problems';
import { loadSave, makeSave } from '../../src/sim/save';

const dir = join(import.meta.dirname, '..', 'fixtures', 'broken');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const CJK = /[\u4e00-\u9fff]/;

const tutorial = loadScenario(builtinScenario('tutorial'));
if (!tutorial.ok) throw new Error('the tutorial scenario does not load');
const world = tutorial.value;

function kindOf(text: string): unknown {
  try {
    return (JSON.parse(text) as { kind?: unknown }).kind;
  } catch {
    return undefined;
  }
}

function problemsOf(text: string): Problem[] {
  const res = kindOf(text) === 'decisions' ? loadDecisionsText(text, world) : loadScenarioText(text);
  return res.ok ? [] : res.problems;
}

function expectChinese(problems: Problem[]): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    expect(p.message.length).toBeGreaterThan(0);
    expect(p.messageZh, `${p.path}: ${p.message}`).toMatch(CJK);
  }
}

describe.each(files)('when test/fixtures/broken/%s is loaded in the browser', (file) => {
  const text = readFileSync(join(dir, file), 'utf8');

  it('should give every problem a Chinese message', () => {
    expectChinese(problemsOf(text));
  });

  it('should keep the Chinese when the file comes inside a saved game', () => {
    if (kindOf(text) !== 'decisions') return;
    const save = makeSave(builtinScenario('tutorial'), 1, 0, [JSON.parse(text)]);
    const res = loadSave(save);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expectChinese(res.problems);
      for (const p of res.problems) expect(p.path.startsWith('$.decisions[0]')).toBe(true);
    }
  });
});

describe('when a broken scenario comes inside a saved game', () => {
  it('should name the path under $.scenario and keep the Chinese', () => {
    const scenario = JSON.parse(readFileSync(join(dir, 'rounds-zero.json'), 'utf8')) as unknown;
    const res = loadSave(makeSave(scenario, 1, 0, []));
    if (res.ok) throw new Error('a save of a broken scenario loaded');
    expect(res.problems).toEqual([{ path: '$.scenario.rounds', message: 'must be a whole number from 1 to 24 (got 0)', messageZh: '必须是 1 到 24 之间的整数（现为 0）' }]);
  });
});

describe('when the messages are read side by side', () => {
  const zhOf = (file: string) => problemsOf(readFileSync(join(dir, `${file}.json`), 'utf8')).map((p) => p.messageZh);

  it('should use the course terms with the same numbers as the English', () => {
    expect(zhOf('decisions-illegal-price')).toEqual(['违规价格：一口价 + 运费 = 65.01 元，超过上限 65.00 元（参考价 50.00 × (1 + 0.3)）']);
    expect(zhOf('missing-reference-price')).toEqual(['需要城市 "sh" 的参考价，因为 $.demand[2] 在那里有买家']);
    expect(zhOf('demand-unknown-product')).toEqual(['未知的商品 "silk"（已有：tea, mug）']);
    expect(zhOf('duplicate-shop')).toEqual(['网店 id "s2" 重复（id 不能重复）']);
    expect(zhOf('decisions-round-after-last')).toEqual(['必须 ≤ 4（本场景共 4 期）']);
    expect(zhOf('negative-cash')).toEqual(['必须在 0 到 100000000 元之间（现为 -5）']);
    expect(zhOf('misspelt-field')).toEqual(['未知字段 "tickPerRound"（是不是想写 "ticksPerRound"？）']);
    expect(zhOf('not-json')[0]).toMatch(/^不是有效的 JSON（第 5 行第 3 列）/);
  });
});
