/**
 * Fuzz: the shipped scenarios, example decisions and a saved game, mutated (a value replaced by an
 * edge value or random JSON, a field deleted, a list item duplicated). For every case the loaders
 * return problems or a value and never throw; a problem always names a JSON path and says what is
 * wrong; every 3rd accepted case plays its first round, which must keep the engine's invariants
 * (no NaN, cash = start + revenue − costs, units conserved). 1,000 cases in CI; more with
 * SHOPSIM_FUZZ_CASES=20000 (and another seed with SHOPSIM_FUZZ_SEED).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoundDecision, World } from '../../src/engine';
import { loadDecisions, loadScenario } from '../../src/scenario/load';
import type { Problem } from '../../src/scenario/problems';
import { loadSave } from '../../src/scenario/save';
import { newGame, playNextRound } from '../../src/sim/game';
import { invariantProblems } from '../scenario/invariants';

const CASES = Number(process.env.SHOPSIM_FUZZ_CASES ?? 1000);
const SEED = Number(process.env.SHOPSIM_FUZZ_SEED ?? 20261129);
const root = join(import.meta.dirname, '..', '..');
const json = (p: string) => JSON.parse(readFileSync(join(root, p), 'utf8')) as Record<string, unknown>;

const scenarios = readdirSync(join(root, 'scenarios'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => json(`scenarios/${f}`));
const classic = loadScenario(json('scenarios/classic.json'));
if (!classic.ok) throw new Error('classic does not load');
const decisionFiles = ['examples/decisions-s1.json', 'examples/promotions-s1.json', 'examples/grade-team-01.json'].map(json);
const save = json('examples/grade-team-06-save.json');

const edge = fc.constantFrom<unknown>(-1, 0, 0.001, 0.005, 1, 1.5, 2, 99, 100, 1e6, 1e9, 2 ** 31, -0, 123.456, '', 'hz', 'tea', 's1', 'player', '__proto__', null, true, false, [], {}, [1, 2]);
const mutation = fc.record({ at: fc.nat(), op: fc.constantFrom('set', 'set', 'set', 'delete', 'duplicate'), value: fc.oneof(edge, fc.jsonValue({ maxDepth: 2 })) });
type Mutation = { at: number; op: string; value: unknown };

function paths(v: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...path, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...path, k], out);
  return out;
}

function mutate(file: Record<string, unknown>, ms: readonly Mutation[]): Record<string, unknown> {
  const copy = structuredClone(file);
  for (const m of ms) {
    const all = paths(copy).filter((p) => p.length > 0);
    const path = all[m.at % all.length]!;
    let parent: unknown = copy;
    for (const k of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[k];
    const key = path[path.length - 1]!;
    if (Array.isArray(parent)) {
      if (m.op === 'delete') parent.splice(key as number, 1);
      else if (m.op === 'duplicate') parent.splice(key as number, 0, structuredClone(parent[key as number]));
      else parent[key as number] = structuredClone(m.value);
    } else if (m.op === 'delete') delete (parent as Record<string, unknown>)[key as string];
    else (parent as Record<string, unknown>)[key as string] = structuredClone(m.value);
  }
  return copy;
}

function wellFormed(problems: readonly Problem[]): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    expect(p.path).toMatch(/^\$/);
    expect(p.message.length).toBeGreaterThan(3);
    expect(p.message).not.toMatch(/undefined|NaN|\[object Object\]/);
  }
}

let played = 0;
let accepted = 0;
/** Plays the first round of every 3rd accepted case and checks the invariants. */
function maybePlay(world: World, given: Map<number, RoundDecision[]>): void {
  if (accepted++ % 3 !== 0) return;
  // Very large mutated markets are valid but slow: the fuzz keeps to classroom-sized ones.
  if (world.cities.length * world.products.length * world.shops.length > 400) return;
  played++;
  const state = playNextRound(world, newGame(world), given);
  expect(invariantProblems(world, state)).toEqual([]);
}

const kinds = fc.constantFrom('scenario', 'decisions', 'save');

describe('when the shipped files are mutated', () => {
  it(`should load or refuse each of ${CASES} cases with named problems, never throw, and keep the invariants when played`, () => {
    fc.assert(
      fc.property(kinds, fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (kind, pick, ms) => {
        if (kind === 'scenario') {
          const res = loadScenario(mutate(scenarios[pick % scenarios.length]!, ms));
          if (!res.ok) wellFormed(res.problems);
          else maybePlay(res.value, new Map());
        } else if (kind === 'decisions') {
          const res = loadDecisions(mutate(decisionFiles[pick % decisionFiles.length]!, ms), classic.value);
          if (!res.ok) wellFormed(res.problems);
          else maybePlay(classic.value, new Map([[res.value.shop, res.value.rounds]]));
        } else {
          const res = loadSave(mutate(save, ms));
          if (!res.ok) wellFormed(res.problems);
          else maybePlay(res.value.world, res.value.decisions);
        }
      }),
      { numRuns: CASES, seed: SEED },
    );
    // The fuzz must reach the engine, not only the validator.
    expect(played).toBeGreaterThan(CASES / 100);
  });
});
