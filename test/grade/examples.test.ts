/** The grading and classroom examples stay in step with the classic scenario they were made for. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSubmission } from '../../src/sim/grading/submission';
import { scenarioHash } from '../../src/sim/save';
import { exampleFiles } from './make-examples';
import { classic } from './helpers';

const root = resolve(__dirname, '../..');

describe('when the examples under examples/ are read', () => {
  it('should be what test/grade/make-examples.ts writes (re-run it after changing scenarios/classic.json)', () => {
    for (const [name, value] of exampleFiles()) {
      expect(JSON.parse(readFileSync(join(root, 'examples', name), 'utf8')), name).toEqual(value);
    }
  });

  it('should all be gradable submissions for the classic scenario', () => {
    const { file, world } = classic();
    for (const name of exampleFiles().keys()) {
      if (!name.startsWith('grade-')) continue;
      const sub = checkSubmission(name, readFileSync(join(root, 'examples', name), 'utf8'), { world, hash: scenarioHash(file) });
      expect(sub.problems, name).toEqual([]);
      expect(sub.status).toBe('ok');
    }
  });
});
