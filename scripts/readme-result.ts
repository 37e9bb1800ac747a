/**
 * Rewrites the README's Result example from a real run (`shopsim run --json --seed 7`), cut to the
 * first shop, city and product of round 1. Run it after a change to the engine's outcomes:
 * `node bin/run-ts.mjs scripts/readme-result.ts` (test/cli/readme-result.test.ts checks the block).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { main } from '../src/cli/main';

const j = (v: unknown) => JSON.stringify(v).replace(/,"/g, ', "').replace(/":/g, '": ');
const first = (o: Record<string, unknown>) => {
  const k = Object.keys(o)[0]!;
  return { [k]: o[k] };
};

function shopLines(s: Record<string, unknown>): string[] {
  const pick = (keys: string[]) => keys.map((k) => `"${k}": ${j(s[k])}`).join(', ');
  const costs = s.costs as Record<string, number>;
  const ck = Object.keys(costs);
  const half = Math.ceil(ck.length / 2);
  const costText = (keys: string[]) => keys.map((k) => `"${k}": ${costs[k]}`).join(', ');
  const known = new Set(['shop', 'revenue', 'profit', 'cash', 'equity', 'orders', 'units', 'visits', 'conversionRate', 'reviewScore', 'cityInfluence', 'breaches', 'dsr', 'unitsByCrowd', 'ordersByCrowd', 'costs']);
  const rest = Object.keys(s).filter((k) => !known.has(k));
  // Short keys four to a line; a long one (an object) on a line of its own.
  const restLines: string[] = [];
  let group: string[] = [];
  const flush = () => {
    if (group.length) restLines.push(`          ${pick(group)}`);
    group = [];
  };
  for (const k of rest) {
    if (j(s[k]).length > 40) {
      flush();
      group = [k];
      flush();
    } else {
      group.push(k);
      if (group.length === 4) flush();
    }
  }
  flush();
  return [
    `        { ${pick(['shop', 'revenue', 'profit', 'cash', 'equity'])},`,
    `          ${pick(['orders', 'units', 'visits', 'conversionRate'])},`,
    `          ${pick(['reviewScore', 'cityInfluence'])},`,
    `          ${pick(['breaches', 'dsr'])},`,
    `          ${pick(['unitsByCrowd'])},`,
    `          ${pick(['ordersByCrowd'])},`,
    `          "costs": { ${costText(ck.slice(0, half))},`,
    `                     ${costText(ck.slice(half))} },`,
    ...restLines.map((l, i) => (i < restLines.length - 1 ? `${l},` : `${l} }`)),
  ];
}

async function run(): Promise<void> {
  let out = '';
  await main(['run', '--json', '--seed', '7'], { out: (t) => (out += t), err: () => undefined });
  const r = JSON.parse(out);
  const r1 = r.rounds[0];
  const city = Object.keys(r1.lostDemand)[0]!;
  const demandCity = r1.demand[city];
  const lines = [
    '{',
    `  "scenario": ${j(r.scenario)}, "seed": ${r.seed}, "engine": ${j(r.engine)},`,
    `  "hash": ${j(r.hash)},`,
    '  "rounds": [',
    `    { "round": ${r1.round},`,
    '      "shops": [',
    ...shopLines(r1.shops[0]),
    '      ],',
    `      "lostDemand": ${j({ [city]: r1.lostDemand[city] })},`,
    `      "lostDemandByReason": ${j({ [city]: r1.lostDemandByReason[city] })},`,
    `      "demand": ${j({ [city]: first(demandCity) })}`,
    ...Object.keys(r1)
      .filter((k) => !['round', 'shops', 'lostDemand', 'lostDemandByReason', 'demand'].includes(k))
      .map((k) => `      , ${j(k)}: ${j(r1[k])}`),
    '    }',
    '  ],',
    `  "ranking": [ ${j(r.ranking[0])} ]`,
    ...Object.keys(r)
      .filter((k) => !['scenario', 'seed', 'engine', 'hash', 'rounds', 'ranking'].includes(k))
      .map((k) => `  , ${j(k)}: ${j(r[k])}`),
    '}',
  ];
  const readme = readFileSync('README.md', 'utf8');
  const [before, after] = readme.split('<!-- result-example -->');
  const rest = after!.slice(after!.indexOf('```', after!.indexOf('```json') + 7) + 3);
  writeFileSync('README.md', `${before}<!-- result-example -->\n\`\`\`json\n${lines.join('\n')}\n\`\`\`${rest}`);
  console.log(`README Result example: hash ${r.hash}`);
}

void run();
