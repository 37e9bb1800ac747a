/** `shopsim new [FILE] [--cities N] [--products N] [--shops N] [--players N] [--id ID] [--force]` */
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ID_PATTERN, LIMITS } from '../sim/scenario';
import { loadScenario } from '../sim/scenario';
import { starterScenario, STARTER_LIMITS } from '../sim/scenario';
import { parsePositiveInt } from './args';
import { exists, InputError, UsageError, writeText, type Output } from './io';
import { problemLines } from './load';

export const NEW_HELP = `Usage: shopsim new [FILE] [--cities N] [--products N] [--shops N] [--players N] [--id ID] [--force]

Writes a starter scenario to FILE (or prints it when no FILE is given), valid as it is, for you to
edit: real city and product names, reference prices, demand for every city and product, and
starting stock for every shop. Then check your edits with "shopsim validate FILE".
  --cities N    cities, 1–${STARTER_LIMITS.cities} (default 2)
  --products N  products, 1–${STARTER_LIMITS.products} (default 3)
  --shops N     shops, 1–${STARTER_LIMITS.shops} (default 4)
  --players N   how many of the shops student teams play, 0–shops (default 1); the rest are
                bots: undercut, brand, balanced and promoter in turn
  --id ID       the scenario's id, 1–32 letters, digits, _ or - (default my-scenario)
  --force       overwrite FILE if it exists

Examples:
  shopsim new my-class.json
  shopsim new my-class.json --cities 3 --products 4 --shops 8 --players 6 --id week3
  shopsim validate my-class.json`;

export function newCommand(argv: string[], io: Output): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      cities: { type: 'string' },
      products: { type: 'string' },
      shops: { type: 'string' },
      players: { type: 'string' },
      id: { type: 'string' },
      force: { type: 'boolean' },
    },
  });
  if (positionals.length > 1) throw new UsageError(`new writes one file, got ${positionals.length}: ${positionals.join(' ')}`);
  const cities = values.cities === undefined ? 2 : parsePositiveInt('--cities', values.cities, STARTER_LIMITS.cities);
  const products = values.products === undefined ? 3 : parsePositiveInt('--products', values.products, STARTER_LIMITS.products);
  const shops = values.shops === undefined ? 4 : parsePositiveInt('--shops', values.shops, STARTER_LIMITS.shops);
  let players = 1;
  if (values.players !== undefined) {
    if (!/^\d{1,3}$/.test(values.players) || Number(values.players) > shops) {
      throw new UsageError(`--players must be a whole number from 0 to the number of shops (${shops}), not "${values.players}"`);
    }
    players = Number(values.players);
  }
  const id = values.id ?? 'my-scenario';
  if (!ID_PATTERN.test(id)) throw new UsageError(`--id must be 1–32 letters, digits, "_" or "-", not "${id}"`);

  const file = positionals[0];
  const scenario: Record<string, unknown> = { ...starterScenario({ id, cities, products, shops, players }) };
  // Valid by construction; checked anyway, so that a broken generator can never write a bad file.
  const checked = loadScenario(scenario);
  if (!checked.ok) throw new Error(`starter scenario is invalid:\n${problemLines('(new)', checked.problems)}`);
  if (file === undefined) {
    io.out(JSON.stringify(scenario, null, 2));
    return 0;
  }
  if (exists(file) && !values.force) throw new InputError(`${file}: already exists (give --force to overwrite it)`);
  // Point editors at the shipped JSON Schema, relative to where the file is written.
  const schemaFile = resolve(dirname(fileURLToPath(import.meta.url)), '../../schemas/scenario.schema.json');
  const schemaRef = relative(dirname(resolve(file)), schemaFile)
    .split('\\')
    .join('/');
  writeText(file, `${JSON.stringify({ $schema: schemaRef, ...scenario }, null, 2)}\n`);
  // Large markets get shorter rounds, so that the game stays inside the size bound (LIMITS.gameWork).
  const ticks = scenario.ticksPerRound as number;
  const short = ticks < 30 ? `\n${scenario.rounds} rounds of ${ticks} ticks (not 30: cities × products × shops × ticks may be at most ${LIMITS.gameWork})` : '';
  io.out(
    `${file}: wrote scenario "${id}" with ${cities} ${cities === 1 ? 'city' : 'cities'}, ${products} product${products === 1 ? '' : 's'}, ${shops} shop${shops === 1 ? '' : 's'} (${players} played by students)${short}\nNext: edit it, then run "shopsim validate ${file}"`,
  );
  return 0;
}
