/**
 * A team that does not submit plays the stand-in bot; the server writes what the bot decided
 * into the team's decisions (so the class save replays). Written and read back, the decisions
 * must be exactly what the bot decided, in every scenario shipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hashValue } from '../../src/engine';
import { loadDecisions, loadScenario } from '../../src/scenario/load';
import { decisionsForRound, newGame, playNextRound } from '../../src/sim/game';
import { roundToFile } from '../../src/sim/grading/classroom';

const files = readdirSync('scenarios').filter((f) => f.endsWith('.json'));

describe('when the stand-in bot\'s decisions are written into a team\'s decisions file', () => {
  it.each(files)('should read back as the same decisions in rounds 1 and 2 of %s', (file) => {
    const res = loadScenario(JSON.parse(readFileSync(`scenarios/${file}`, 'utf8')));
    if (!res.ok) throw new Error(`${file} does not load`);
    const world = res.value;
    const player = world.shops.findIndex((s) => s.controller.kind === 'player');
    if (player < 0) return;
    let state = newGame(world, world.seed);
    for (let round = 1; round <= Math.min(2, world.rounds); round++) {
      const bot = decisionsForRound(world, state, new Map())[player]!;
      const written = roundToFile(world, bot, round);
      const back = loadDecisions({ kind: 'decisions', version: 1, scenario: world.id, shop: world.shops[player]!.id, rounds: [written] }, world);
      if (!back.ok) throw new Error(back.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
      expect(hashValue(back.value.rounds[round - 1])).toBe(hashValue(bot));
      state = playNextRound(world, state, new Map());
    }
  });
});
