/**
 * The file workflow beside the server: `shopsim advance` takes a team's saved game from the
 * browser as well as a decisions file (issue: a browser export was refused with `$.kind`).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeSave } from '../../src/sim/save';
import { classic, cli, sampleDecisions, tempDir } from '../grade/helpers';

describe('when a team hands in its browser save to shopsim advance', () => {
  const { file, world } = classic();
  const t = tempDir('advance-save');
  const a = { ...sampleDecisions(world, 1, 7), rounds: (sampleDecisions(world, 1, 7).rounds as unknown[]).slice(0, 1) };
  const b = { ...sampleDecisions(world, 2, 7), shop: 's1-02', rounds: (sampleDecisions(world, 2, 7).rounds as unknown[]).slice(0, 1) };
  const game = join(t.dir, 'r0.json');

  it('should play the round exactly as with the decisions file inside the save', async () => {
    expect((await cli('advance', 'classic', '--teams', '2', '--setup', '--out', game)).code).toBe(0);
    const save = t.write('team-a-save.json', makeSave(file, world.seed, 1, [a]));
    const fromSave = await cli('advance', game, '--decisions', save, '--decisions', t.write('b.json', b), '--out', join(t.dir, 'r1-save.json'));
    expect(fromSave.err).toBe('');
    expect(fromSave.code).toBe(0);
    const fromFile = await cli('advance', game, '--decisions', t.write('a.json', a), '--decisions', join(t.dir, 'b.json'), '--out', join(t.dir, 'r1-file.json'));
    const hash = (out: string) => /game hash ([0-9a-f]+)/.exec(out)![1];
    expect(hash(fromSave.out)).toBe(hash(fromFile.out));
  });

  it('should refuse a save holding several teams\' decisions, naming the field', async () => {
    const both = t.write('both.json', makeSave(file, world.seed, 1, [a, b]));
    const res = await cli('advance', game, '--decisions', both, '--out', join(t.dir, 'r1-both.json'));
    expect(res.code).toBe(1);
    expect(res.err).toContain('both.json: $.decisions: a saved game handed in for a team must hold that team\'s decisions only (one decisions file; it has 2)');
  });
});
