/**
 * Writes the grading and classroom examples under examples/ (grade-*, class-*) from the built-in
 * classic scenario: node bin/run-ts.mjs test/grade/make-examples.ts
 * Re-run it when scenarios/classic.json changes; test/grade/examples.test.ts says when.
 */
import { writeFileSync } from 'node:fs';
import { builtinScenario } from '../../src/scenario/builtin';
import { loadScenario } from '../../src/scenario/load';
import { sampleDecisions } from '../../src/sim/grading/sampleTeams';
import { makeSave } from '../../src/sim/save';

export const GRADE_EXAMPLE_TEAMS = ['grade-team-01', 'grade-team-02', 'grade-team-03', 'grade-team-04', 'grade-team-05'];

export function exampleFiles(): Map<string, unknown> {
  const scenario = builtinScenario('classic');
  const res = loadScenario(scenario);
  if (!res.ok) throw new Error('classic does not load');
  const world = res.value;
  const files = new Map<string, unknown>();
  GRADE_EXAMPLE_TEAMS.forEach((name, i) => files.set(`${name}.json`, sampleDecisions(world, i, 2024)));
  // A saved game from the browser is a submission too; its claimed score is ignored.
  const saved = sampleDecisions(world, 5, 2024);
  files.set('grade-team-06-save.json', { ...makeSave(scenario, 7, world.rounds, [saved]), claimedScore: 45 });
  // Two classroom teams: seats s1 and s1-02 of `shopsim advance classic --teams 2`.
  files.set('class-s1.json', sampleDecisions(world, 10, 2024, 's1'));
  files.set('class-s1-02.json', { ...sampleDecisions(world, 11, 2024, 's1'), shop: 's1-02' });
  return files;
}

if (process.argv[1]?.endsWith('make-examples.ts')) {
  for (const [name, value] of exampleFiles()) writeFileSync(`examples/${name}`, `${JSON.stringify(value, null, 2)}\n`);
  console.log('wrote examples/grade-*.json and examples/class-*.json');
}
