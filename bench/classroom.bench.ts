/**
 * Classroom server load check (not a timed test): the real `shopsim serve` with 40 teams; in
 * each of three waves all 40 submit their decisions at once while 40 read the standings, then the
 * teacher plays the round. Prints p50/p99/max latency per kind of request and every error.
 *   node bin/run-ts.mjs bench/classroom.bench.ts [--db postgres://…] [--teams N] [--waves N]
 * Without --db it runs on the built-in database (PGlite) in a temp folder.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinScenario } from '../src/scenario/builtin';
import { loadScenario } from '../src/scenario/load';
import { sampleDecisions } from '../src/sim/grading/sampleTeams';
import { api, startServer } from '../test/server/helpers';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const teams = Number(arg('--teams') ?? 40);
const waves = Number(arg('--waves') ?? 3);
const db = arg('--db');

const scenario = builtinScenario('classic') as Record<string, unknown>;
const res = loadScenario(scenario);
if (!res.ok) throw new Error('classic does not load');
const world = res.value;

const server = await startServer(
  db ? ['--db', db, '--rate', '100000'] : ['--data', join(mkdtempSync(join(tmpdir(), 'shopsim-bench-')), 'db'), '--rate', '100000'],
);
const quantile = (xs: number[], q: number) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN;
};
const report = (what: string, ms: number[], errors: string[]) =>
  console.log(
    `${what.padEnd(22)} n=${String(ms.length).padStart(4)}  p50 ${quantile(ms, 0.5).toFixed(1).padStart(7)} ms  p99 ${quantile(ms, 0.99).toFixed(1).padStart(7)} ms  max ${Math.max(
      ...ms,
    )
      .toFixed(1)
      .padStart(7)} ms  errors ${errors.length}${errors.length ? `: ${[...new Set(errors)].join(', ')}` : ''}`,
  );

try {
  const names = Array.from({ length: teams }, (_, i) => `team-${String(i + 1).padStart(2, '0')}`);
  const created = await api(server.url, 'POST', '/api/classes', { body: { scenario: 'classic', teams: names, teacherPassword: 'bench-pass' } });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${created.text}`);
  const { classId, teacherToken } = created.body as { classId: string; teacherToken: string };
  const seats = await Promise.all(
    (created.body.teams as { shop: string; joinCode: string }[]).map(async (t, k) => {
      const joined = await api(server.url, 'POST', '/api/join', { body: { classId, joinCode: t.joinCode } });
      return { shop: t.shop, token: joined.body.teamToken as string, rounds: sampleDecisions(world, k + 1, 7).rounds as Record<string, unknown>[] };
    }),
  );
  console.log(`classroom load: ${teams} teams, ${waves} waves, database ${db ? 'PostgreSQL' : 'PGlite'}; ${new Date().toISOString()}`);
  const all = { submit: [] as number[], standings: [] as number[], advance: [] as number[] };
  const errs = { submit: [] as string[], standings: [] as string[], advance: [] as string[] };
  const timed = async (kind: keyof typeof all, f: () => Promise<{ status: number }>, ok: number) => {
    const t0 = performance.now();
    try {
      const r = await f();
      if (r.status !== ok) errs[kind].push(String(r.status));
    } catch (e) {
      errs[kind].push((e as Error).message);
    }
    all[kind].push(performance.now() - t0);
  };
  for (let w = 1; w <= waves; w++) {
    const t0 = performance.now();
    await Promise.all([
      ...seats.map((s) => timed('submit', () => api(server.url, 'PUT', `/api/classes/${classId}/decisions`, { token: s.token, body: s.rounds[w - 1] }), 200)),
      ...seats.map((s) => timed('standings', () => api(server.url, 'GET', `/api/classes/${classId}/standings`, { token: s.token }), 200)),
    ]);
    const wave = performance.now() - t0;
    await timed('advance', () => api(server.url, 'POST', `/api/classes/${classId}/advance`, { token: teacherToken, body: { round: w } }), 200);
    console.log(
      `wave ${w}: ${seats.length} submissions + ${seats.length} standings reads in ${wave.toFixed(0)} ms; advance ${all.advance[all.advance.length - 1]!.toFixed(0)} ms`,
    );
  }
  report('submit (PUT decisions)', all.submit, errs.submit);
  report('standings (GET)', all.standings, errs.standings);
  report('advance (POST)', all.advance, errs.advance);
} finally {
  await server.stop();
}
