/**
 * The round workflow of a class, on the database: create a class, join, submit, advance, read
 * standings and reports, intervene, export. Every game figure is recomputed by `sim/` from the
 * scenario, the seed and the decisions stored here, as the CLI does: the server holds no game in
 * memory, so any instance can answer any request and a restart loses nothing.
 *
 * Seats: teams are seated as `shopsim grade --mode market` seats submissions (by name, in code
 * point order, each in a copy of a player shop), so the class's market is the very market that
 * grading replays, and the exported grades equal `shopsim grade` on the exported decisions.
 */
import type { RoundDecision, World } from '../engine';
import { BUILTIN_SCENARIOS, builtinScenario } from '../sim/scenario';
import { loadDecisions, loadScenario } from '../sim/scenario';
import type { Problem } from '../sim/scenario';
import { LIMITS } from '../sim/scenario';
import { decisionsForRound, newGame, playNextRound } from '../sim/game';
import { roundToFile, type DecisionsFileObject } from '../sim/grading/classroom';
import { grade, type GradeReport } from '../sim/grading/grade';
import { standings, teamRoundHtml, type Standing } from '../sim/grading/roundReports';
import { SeatError, seatTeams } from '../sim/grading/seats';
import { DEFAULT_SIMILARITY_THRESHOLD } from '../sim/grading/similarity';
import { MAX_SEEDS } from '../sim/grading/seeds';
import { buildResult, type Result } from '../sim/result';
import { makeSave, type SaveFile } from '../sim/save';
import type { Db, Queryable } from './db';
import { HttpError, badRequest, conflict, invalid, notFound } from './errors';
import { checkPassword, hashPassword, newClassId, newJoinCode, newToken, normalizeCode, tokenHash } from './security';

export type StandIn = 'bot' | 'last';
export type Who = { role: 'teacher' } | { role: 'team'; shop: string };

interface ClassRow {
  id: string;
  base_scenario: Record<string, unknown>;
  scenario: Record<string, unknown>;
  seed: number;
  total_rounds: number;
  rounds_played: number;
  teacher_password_hash: string;
  scenario_md5: string;
  stand_in: StandIn;
  deadline: Date | null;
  paused: boolean;
  announcements: Announcement[];
}

interface TeamRow {
  shop: string;
  name: string;
  base_shop: string;
  position: number;
  join_code: string;
}

export interface Announcement {
  round: number;
  at: string;
  kind: 'event';
  event: Record<string, unknown>;
}

const MAX_TEAM_NAME = 40;
const byCodepoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function worldOf(scenario: unknown): World {
  const res = loadScenario(scenario);
  // Stored scenarios were validated when written; failing now is a bug, not the user's input.
  if (!res.ok) throw new Error(`a stored scenario no longer loads: ${res.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return res.value;
}

/**
 * Loaded scenarios by the MD5 of their stored text. Not game state: a cache of what a scenario
 * file means, keyed by its content, so it is right on every instance whatever was written since.
 * It spares each request the database read of the scenario and its validation.
 */
const LOADED = new Map<string, { world: World; file: Record<string, unknown> }>();
const STANDINGS = new Map<string, unknown>();
const CACHE_SIZE = 64;

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
  return value;
}

async function scenarioOf(q: Queryable, c: ClassRow): Promise<{ world: World; file: Record<string, unknown> }> {
  const hit = LOADED.get(c.scenario_md5);
  if (hit) return hit;
  const file = c.scenario ?? (await q.query<{ scenario: Record<string, unknown> }>('SELECT scenario FROM classes WHERE id = $1', [c.id]))[0]!.scenario;
  return remember(LOADED, c.scenario_md5, { world: worldOf(file), file });
}

const HEAD_COLUMNS = 'id, seed, total_rounds, rounds_played, teacher_password_hash, stand_in, deadline, paused, announcements, md5(scenario::text) AS scenario_md5';

/** The class's row; `head` leaves out the scenario files (read them through scenarioOf). */
async function classRow(q: Queryable, id: string, lock = '', head = false): Promise<ClassRow> {
  if (typeof id !== 'string' || id.length > 64) throw notFound('no such class');
  const rows = await q.query<ClassRow & Record<string, unknown>>(`SELECT ${head ? HEAD_COLUMNS : `*, md5(scenario::text) AS scenario_md5`} FROM classes WHERE id = $1 ${lock}`, [id]);
  if (!rows[0]) throw notFound(`no class "${id}"`);
  return rows[0];
}

async function teamsOf(q: Queryable, id: string): Promise<TeamRow[]> {
  return q.query<TeamRow & Record<string, unknown>>('SELECT shop, name, base_shop, position, join_code FROM teams WHERE class_id = $1 ORDER BY position', [id]);
}

// ---------------------------------------------------------------- create, join, tokens

export interface CreateBody {
  scenario: unknown;
  seed?: unknown;
  teams: unknown;
  teacherPassword: unknown;
  standIn?: unknown;
}

export interface Created {
  classId: string;
  teacherToken: string;
  teams: { name: string; shop: string; joinCode: string }[];
}

function checkCreate(body: Record<string, unknown>): { scenario: unknown; seed: number | null; names: string[]; password: string; standIn: StandIn } {
  const problems: Problem[] = [];
  const p = (path: string, message: string, messageZh: string) => problems.push({ path, message, messageZh });
  let scenario: unknown = body.scenario;
  if (typeof scenario === 'string') {
    if (!(scenario in BUILTIN_SCENARIOS)) p('$.scenario', `unknown built-in scenario "${scenario}" (known: ${Object.keys(BUILTIN_SCENARIOS).join(', ')})`, `未知的内置场景 "${scenario}"（已有：${Object.keys(BUILTIN_SCENARIOS).join('、')}）`);
    else scenario = structuredClone(builtinScenario(scenario));
  } else if (!isObject(scenario)) p('$.scenario', 'must be a built-in scenario id or a scenario file (an object)', '必须是内置场景 id 或场景文件（对象）');
  let seed: number | null = null;
  if (body.seed !== undefined && body.seed !== null) {
    if (typeof body.seed !== 'number' || !Number.isInteger(body.seed) || body.seed < 0 || body.seed > 2 ** 31 - 1) p('$.seed', 'must be a whole number from 0 to 2147483647', '必须是 0 到 2147483647 的整数');
    else seed = body.seed;
  }
  const names: string[] = [];
  if (!Array.isArray(body.teams) || body.teams.length === 0) p('$.teams', 'must be a list of team names (at least one)', '必须是队名列表（至少一个）');
  else if (body.teams.length > LIMITS.shops) p('$.teams', `at most ${LIMITS.shops} teams`, `最多 ${LIMITS.shops} 个队`);
  else {
    body.teams.forEach((n, i) => {
      const name = typeof n === 'string' ? n.trim() : '';
      if (!name || name.length > MAX_TEAM_NAME) p(`$.teams[${i}]`, `must be a name of 1 to ${MAX_TEAM_NAME} characters`, `必须是 1 到 ${MAX_TEAM_NAME} 个字符的名字`);
      else if (/[\\/\u0000-\u001f]/.test(name) || /\.json$/i.test(name)) p(`$.teams[${i}]`, 'must not contain / or \\ or control characters, nor end in .json', '不能包含 / 或 \\ 或控制字符，也不能以 .json 结尾');
      else if (names.includes(name)) p(`$.teams[${i}]`, `"${name}" is named twice; team names must differ`, `"${name}" 重复；队名必须各不相同`);
      else names.push(name);
    });
  }
  const password = body.teacherPassword;
  if (typeof password !== 'string' || password.length < 6 || password.length > 200) p('$.teacherPassword', 'must be a password of 6 to 200 characters', '必须是 6 到 200 个字符的密码');
  const standIn = body.standIn ?? 'bot';
  if (standIn !== 'bot' && standIn !== 'last') p('$.standIn', 'must be "bot" (the stand-in bot) or "last" (repeat the team\'s last decisions)', '必须是 "bot"（代打机器人）或 "last"（重复该队上一期的决策）');
  if (problems.length) throw invalid('the class cannot be created', problems);
  return { scenario, seed, names, password: password as string, standIn: standIn as StandIn };
}

export async function createClass(db: Db, body: Record<string, unknown>): Promise<Created> {
  const input = checkCreate(body);
  const sc = loadScenario(input.scenario);
  if (!sc.ok) throw invalid('the scenario is not valid', sc.problems.map((p) => ({ ...p, path: p.path.replace(/^\$/, '$.scenario') })));
  const base = sc.value;
  const players = base.shops.filter((s) => s.controller.kind === 'player').map((s) => s.id).sort(byCodepoint);
  if (!players.length) throw invalid('the scenario has no player shop', [{ path: '$.scenario.shops', message: 'has no shop with controller "player": there is no seat for a team', messageZh: '没有 controller 为 "player" 的网店：没有队伍的座位' }]);
  // As grading seats a class: names in code point order, each group in a copy of its player shop.
  const sorted = input.names.slice().sort(byCodepoint);
  const baseOf = new Map(sorted.map((n, k) => [n, players[k % players.length]!] as const));
  const bases = players.filter((b) => sorted.some((n) => baseOf.get(n) === b));
  let seated;
  try {
    seated = seatTeams(
      input.scenario,
      bases.map((b) => {
        const group = sorted.filter((n) => baseOf.get(n) === b);
        return { base: b, count: group.length, names: group };
      }),
    );
  } catch (e) {
    if (e instanceof SeatError) throw invalid('the class does not fit the scenario', [{ path: '$.teams', message: e.message }]);
    throw e;
  }
  const check = loadScenario(seated.scenario);
  if (!check.ok) throw invalid('the class does not fit the scenario', check.problems.map((p) => ({ ...p, path: `$.teams (seated scenario ${p.path})` })));
  const shopOf = new Map<string, string>();
  bases.forEach((b, k) => sorted.filter((n) => baseOf.get(n) === b).forEach((n, j) => shopOf.set(n, seated.seats[k]![j]!)));

  const passwordHash = await hashPassword(input.password);
  const teacherToken = newToken();
  const seed = input.seed ?? base.seed;
  const codes = new Set<string>();
  while (codes.size < input.names.length) codes.add(newJoinCode());
  const joinCodes = [...codes];
  for (let attempt = 0; ; attempt++) {
    const classId = newClassId();
    try {
      await db.transaction(async (tx) => {
        await tx.query(
          'INSERT INTO classes (id, base_scenario, scenario, seed, total_rounds, teacher_password_hash, stand_in) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [classId, JSON.stringify(input.scenario), JSON.stringify(seated.scenario), seed, base.rounds, passwordHash, input.standIn],
        );
        for (const [i, name] of input.names.entries()) {
          await tx.query('INSERT INTO teams (class_id, shop, name, base_shop, position, join_code) VALUES ($1, $2, $3, $4, $5, $6)', [classId, shopOf.get(name), name, baseOf.get(name), i, joinCodes[i]]);
        }
        await tx.query('INSERT INTO tokens (token_hash, class_id, shop) VALUES ($1, $2, NULL)', [tokenHash(teacherToken), classId]);
      });
    } catch (e) {
      // A class id already taken (six random characters): try another.
      if ((e as { code?: string }).code === '23505' && attempt < 5) continue;
      throw e;
    }
    return { classId, teacherToken, teams: input.names.map((name, i) => ({ name, shop: shopOf.get(name)!, joinCode: joinCodes[i]! })) };
  }
}

export async function join(db: Db, body: Record<string, unknown>): Promise<{ teamToken: string; shop: string; round: number; name: string; classId: string }> {
  if (typeof body.classId !== 'string' || typeof body.joinCode !== 'string') throw badRequest('send {"classId": "…", "joinCode": "…"}');
  const classId = body.classId.trim().toLowerCase();
  const c = await classRow(db, classId);
  const team = (await db.query<TeamRow & Record<string, unknown>>('SELECT shop, name FROM teams WHERE class_id = $1 AND join_code = $2', [classId, normalizeCode(body.joinCode)]))[0];
  if (!team) throw new HttpError(401, 'wrong join code for this class');
  const teamToken = newToken();
  await db.query('INSERT INTO tokens (token_hash, class_id, shop) VALUES ($1, $2, $3)', [tokenHash(teamToken), classId, team.shop]);
  return { teamToken, shop: team.shop, round: Math.min(c.rounds_played + 1, c.total_rounds), name: team.name, classId };
}

/** The teacher on another computer: the class password gives a new teacher token. */
export async function teacherLogin(db: Db, classId: string, body: Record<string, unknown>): Promise<{ teacherToken: string }> {
  const c = await classRow(db, classId);
  if (typeof body.password !== 'string' || !(await checkPassword(body.password, c.teacher_password_hash))) throw new HttpError(401, 'wrong password for this class');
  const teacherToken = newToken();
  await db.query('INSERT INTO tokens (token_hash, class_id, shop) VALUES ($1, $2, NULL)', [tokenHash(teacherToken), classId]);
  return { teacherToken };
}

/** Who holds this bearer token: 401 without a known token, 403 for another class's token. */
export async function authenticate(q: Queryable, classId: string, token: string | null): Promise<Who> {
  if (!token) throw new HttpError(401, 'this needs a token: send "Authorization: Bearer <token>"');
  const row = (await q.query<{ class_id: string; shop: string | null }>('SELECT class_id, shop FROM tokens WHERE token_hash = $1', [tokenHash(token)]))[0];
  if (!row) throw new HttpError(401, 'unknown token');
  await classRow(q, classId, '', true);
  if (row.class_id !== classId) throw new HttpError(403, 'this token belongs to another class');
  return row.shop === null ? { role: 'teacher' } : { role: 'team', shop: row.shop };
}

export function requireTeacher(who: Who): void {
  if (who.role !== 'teacher') throw new HttpError(403, 'only the teacher may do this');
}

export function requireTeam(who: Who): string {
  if (who.role !== 'team') throw new HttpError(403, 'only a team may do this (the teacher has no shop)');
  return who.shop;
}

// ---------------------------------------------------------------- reading

function scenarioSummary(world: World) {
  return {
    id: world.id,
    name: world.name,
    rounds: world.rounds,
    ticksPerRound: world.ticksPerRound,
    cities: world.cities.map((c) => ({ id: c.id, name: c.name })),
    products: world.products.map((p) => ({ id: p.id, name: p.name })),
  };
}

export async function classInfo(db: Db, classId: string, who: Who) {
  const c = await classRow(db, classId, '', true);
  const teams = await teamsOf(db, classId);
  const open = c.rounds_played < c.total_rounds ? c.rounds_played + 1 : null;
  const handed = new Set(
    open === null ? [] : (await db.query<{ shop: string }>('SELECT shop FROM submissions WHERE class_id = $1 AND round = $2', [classId, open])).map((r) => r.shop),
  );
  const me = who.role === 'team' ? teams.find((t) => t.shop === who.shop) : undefined;
  return {
    classId,
    scenario: scenarioSummary((await scenarioOf(db, c)).world),
    seed: c.seed,
    round: open,
    roundsPlayed: c.rounds_played,
    totalRounds: c.total_rounds,
    over: open === null,
    deadline: c.deadline ? new Date(c.deadline).toISOString() : null,
    paused: c.paused,
    standIn: c.stand_in,
    // Join codes only to the teacher (to print them again on another computer).
    teams: teams.map((t) => ({ name: t.name, shop: t.shop, submitted: handed.has(t.shop), ...(who.role === 'teacher' ? { joinCode: t.join_code } : {}) })),
    submitted: teams.filter((t) => handed.has(t.shop)).map((t) => t.name),
    announcements: c.announcements,
    you: who.role === 'teacher' ? { role: 'teacher' as const } : { role: 'team' as const, shop: who.shop, name: me?.name ?? '', submitted: handed.has(who.shop) },
  };
}

async function latestResult(q: Queryable, classId: string, upTo?: number): Promise<Result | null> {
  const rows = await q.query<{ result: Result }>(
    `SELECT result FROM rounds WHERE class_id = $1 ${upTo !== undefined ? 'AND round <= $2' : ''} ORDER BY round DESC LIMIT 1`,
    upTo !== undefined ? [classId, upTo] : [classId],
  );
  return rows[0]?.result ?? null;
}

/** The ranking by the scenario's rubric and what the market saw of each shop in each round. */
export async function classStandings(db: Db, classId: string) {
  const c = await classRow(db, classId, '', true);
  const last = (await db.query<{ hash: string }>('SELECT hash FROM rounds WHERE class_id = $1 ORDER BY round DESC LIMIT 1', [classId]))[0];
  // The answer depends only on the scenario and the last round's result (names never change).
  const key = `${classId}:${c.scenario_md5}:${last?.hash ?? '-'}:${c.rounds_played}`;
  const hit = STANDINGS.get(key);
  if (hit) return hit;
  const teams = await teamsOf(db, classId);
  const { world, file } = await scenarioOf(db, c);
  const result = await latestResult(db, classId);
  const teamName = new Map(teams.map((t) => [t.shop, t.name]));
  const withNames = (rows: Standing[]) => rows.map((s) => ({ ...s, name: teamName.get(s.shop) ?? s.name }));
  return remember(STANDINGS, key, {
    roundsPlayed: c.rounds_played,
    totalRounds: c.total_rounds,
    hash: result?.hash ?? null,
    standings: result ? withNames(standings(world, file, result)) : [],
    rounds: (result?.rounds ?? []).map((r) => ({
      round: r.round,
      shops: r.shops.map((s) => ({
        shop: s.shop,
        name: teamName.get(s.shop) ?? world.shops.find((w) => w.id === s.shop)?.name.zh ?? s.shop,
        team: teamName.has(s.shop),
        revenue: s.revenue,
        profit: s.profit,
        equity: s.equity,
        orders: s.orders,
        units: s.units,
        dsr: s.dsr,
        bankrupt: s.bankrupt,
      })),
    })),
  });
}

/** A team's own report of a played round; the teacher may read any team's (`shop`). */
export async function roundReport(db: Db, classId: string, round: number, who: Who, shopAsked: string | null, format: 'json' | 'html') {
  const c = await classRow(db, classId);
  const teams = await teamsOf(db, classId);
  let shop: string;
  if (who.role === 'team') {
    if (shopAsked !== null && shopAsked !== who.shop) throw new HttpError(403, 'a team may read only its own report');
    shop = who.shop;
  } else {
    if (shopAsked === null) throw badRequest('the teacher names the team: ?shop=<shop id>');
    shop = shopAsked;
  }
  const team = teams.find((t) => t.shop === shop);
  if (!team) throw notFound(`no team plays shop "${shop}" in this class`);
  if (!Number.isInteger(round) || round < 1 || round > c.rounds_played) throw notFound(`round ${round} has not been played (${c.rounds_played} played)`);
  const result = await latestResult(db, classId, round);
  if (!result) throw notFound(`round ${round} has not been played`);
  const world = worldOf(c.scenario);
  if (format === 'html') return teamRoundHtml(world, c.scenario, result, shop);
  const played = (await db.query<{ decisions: unknown; source: string }>('SELECT decisions, source FROM team_rounds WHERE class_id = $1 AND shop = $2 AND round = $3', [classId, shop, round]))[0];
  const mine = result.rounds[round - 1]!.shops.find((s) => s.shop === shop)!;
  const place = standings(world, c.scenario, result).find((s) => s.shop === shop);
  return { round, shop, name: team.name, decidedBy: played?.source ?? null, decisions: played?.decisions ?? null, result: mine, place: place?.place ?? null, score: place?.score ?? null };
}

/** The decisions each team played, as decisions files for the class's seats (or for grading). */
async function playedFiles(q: Queryable, c: ClassRow, teams: TeamRow[], upTo: number, forGrading: boolean): Promise<Map<string, DecisionsFileObject>> {
  const rows = await q.query<{ shop: string; round: number; decisions: Record<string, unknown> }>(
    'SELECT shop, round, decisions FROM team_rounds WHERE class_id = $1 AND round <= $2 ORDER BY round',
    [c.id, upTo],
  );
  const scenarioId = (c.scenario as { id: string }).id;
  const files = new Map<string, DecisionsFileObject>();
  for (const t of teams) files.set(t.shop, { kind: 'decisions', version: 1, scenario: scenarioId, shop: forGrading ? t.base_shop : t.shop, rounds: [] });
  for (const r of rows) files.get(r.shop)?.rounds.push(r.decisions);
  return files;
}

/** The class's game as a saved game: `shopsim run` replays it to the same hash. */
export async function classSave(db: Db, classId: string): Promise<SaveFile> {
  const c = await classRow(db, classId);
  const teams = await teamsOf(db, classId);
  const files = await playedFiles(db, c, teams, c.rounds_played, false);
  const world = worldOf(c.scenario);
  const order = teams.slice().sort((a, b) => world.shops.findIndex((s) => s.id === a.shop) - world.shops.findIndex((s) => s.id === b.shop));
  return makeSave(c.scenario, c.seed, c.rounds_played, c.rounds_played ? order.map((t) => files.get(t.shop)!) : []);
}

/** One team's decisions file (its seat) for the rounds played; with `round`, up to that round. */
export async function teamDecisions(db: Db, classId: string, shop: string, round?: number): Promise<DecisionsFileObject> {
  const c = await classRow(db, classId);
  const teams = await teamsOf(db, classId);
  return (await playedFiles(db, c, teams, round ?? c.rounds_played, false)).get(shop)!;
}

// ---------------------------------------------------------------- submitting and playing

/** A round as the team wrote it, checked by the CLI's validator (paths start at the round: `$.listings[0].price`). */
function checkRound(world: World, shop: string, body: Record<string, unknown>): Problem[] {
  const res = loadDecisions({ kind: 'decisions', version: 1, scenario: world.id, shop, rounds: [body] }, world);
  if (res.ok) return [];
  return res.problems.map((p) => ({ ...p, path: p.path.replace(/^\$\.rounds\[0\]/, '$') }));
}

function openRoundOf(c: ClassRow, round: unknown): number {
  if (c.rounds_played >= c.total_rounds) throw conflict(`the game is over: all ${c.total_rounds} rounds are played`);
  const open = c.rounds_played + 1;
  if (round !== undefined && round !== open) throw conflict(`round ${String(round)} is not open: round ${open} is (${c.rounds_played} played)`);
  return open;
}

export async function submit(db: Db, classId: string, shop: string, body: Record<string, unknown>) {
  if (typeof body.round !== 'number' || !Number.isInteger(body.round)) throw badRequest('send {"round": N, …the round\'s decisions} (round: the open round\'s number)', [{ path: '$.round', message: 'must be the open round\'s number', messageZh: '必须是当前开放期的期数' }]);
  return db.transaction(async (tx) => {
    // FOR SHARE waits for an advance in progress (it holds FOR UPDATE), so a submission is
    // either in the round it was made for or refused as late, never lost in between.
    const c = await classRow(tx, classId, 'FOR SHARE', true);
    const round = openRoundOf(c, body.round);
    if (c.paused) throw conflict('the class is paused by the teacher: submissions wait until it resumes');
    if (c.deadline && new Date(c.deadline).getTime() < Date.now()) throw conflict(`the deadline of round ${round} has passed (${new Date(c.deadline).toISOString()})`);
    const problems = checkRound((await scenarioOf(tx, c)).world, shop, body);
    if (problems.length) throw invalid(`the decisions for round ${round} are not valid`, problems);
    const rows = await tx.query<{ submitted_at: Date }>(
      `INSERT INTO submissions (class_id, shop, round, decisions) VALUES ($1, $2, $3, $4)
       ON CONFLICT (class_id, shop, round) DO UPDATE SET decisions = EXCLUDED.decisions, submitted_at = now()
       RETURNING submitted_at`,
      [classId, shop, round, JSON.stringify(body)],
    );
    return { round, submitted: true, submittedAt: new Date(rows[0]!.submitted_at).toISOString() };
  });
}

/** The open round's own submission, to fill the plan form again (reload, another computer). */
export async function mySubmission(db: Db, classId: string, shop: string): Promise<{ round: number | null; decisions: unknown }> {
  const c = await classRow(db, classId);
  if (c.rounds_played >= c.total_rounds) return { round: null, decisions: null };
  const row = (await db.query<{ decisions: unknown }>('SELECT decisions FROM submissions WHERE class_id = $1 AND shop = $2 AND round = $3', [classId, shop, c.rounds_played + 1]))[0];
  return { round: c.rounds_played + 1, decisions: row?.decisions ?? null };
}

function givenFrom(world: World, files: Iterable<DecisionsFileObject>): Map<number, RoundDecision[]> {
  const given = new Map<number, RoundDecision[]>();
  for (const f of files) {
    const res = loadDecisions(f, world);
    if (!res.ok) throw new Error(`stored decisions of shop ${f.shop} do not load: ${res.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    given.set(res.value.shop, res.value.rounds);
  }
  return given;
}

/**
 * Plays the open round for every team, in one transaction holding the class row (FOR UPDATE):
 * a second advance, from this instance or another, waits and then finds the round played (409
 * when it named the round). A team that did not submit plays its stand-in.
 */
export async function advance(db: Db, classId: string, body: Record<string, unknown>) {
  return db.transaction(async (tx) => {
    const c = await classRow(tx, classId, 'FOR UPDATE');
    const round = openRoundOf(c, body.round);
    const teams = await teamsOf(tx, classId);
    const world = worldOf(c.scenario);
    const files = await playedFiles(tx, c, teams, round - 1, false);
    let state = newGame(world, c.seed);
    const past = givenFrom(world, files.values());
    while (state.round < round - 1) state = playNextRound(world, state, past);
    const submitted = new Map(
      (await tx.query<{ shop: string; decisions: Record<string, unknown> }>('SELECT shop, decisions FROM submissions WHERE class_id = $1 AND round = $2', [classId, round])).map((r) => [r.shop, r.decisions] as const),
    );
    let standInDecisions: RoundDecision[] | null = null;
    const decidedBy: { name: string; shop: string; by: 'team' | 'last' | 'bot' }[] = [];
    for (const t of teams) {
      const file = files.get(t.shop)!;
      let entry = submitted.get(t.shop);
      let by: 'team' | 'last' | 'bot' = 'team';
      if (!entry && c.stand_in === 'last' && file.rounds.length) {
        entry = { ...(file.rounds[file.rounds.length - 1] as Record<string, unknown>), round };
        by = 'last';
        // Repeating a round can break a rule of this round (a price cap that moved): then the bot plays.
        if (checkRound(world, t.shop, entry).length) entry = undefined;
      }
      if (!entry) {
        standInDecisions ??= decisionsForRound(world, state, new Map());
        entry = roundToFile(world, standInDecisions[world.shops.findIndex((s) => s.id === t.shop)]!, round);
        by = 'bot';
      }
      file.rounds.push(entry);
      decidedBy.push({ name: t.name, shop: t.shop, by });
    }
    // The round is played from the files as stored, so the exported save replays it exactly.
    state = playNextRound(world, state, givenFrom(world, files.values()));
    const result = buildResult(world, state);
    for (const [i, t] of teams.entries()) {
      await tx.query('INSERT INTO team_rounds (class_id, shop, round, decisions, source) VALUES ($1, $2, $3, $4, $5)', [classId, t.shop, round, JSON.stringify(files.get(t.shop)!.rounds[round - 1]), decidedBy[i]!.by]);
    }
    await tx.query('INSERT INTO rounds (class_id, round, result, hash) VALUES ($1, $2, $3, $4)', [classId, round, JSON.stringify(result), result.hash]);
    await tx.query('UPDATE classes SET rounds_played = $2, deadline = NULL WHERE id = $1', [classId, round]);
    return { round, roundsPlayed: round, over: round >= c.total_rounds, hash: result.hash, decidedBy };
  });
}

// ---------------------------------------------------------------- interventions

/** Deadline (ISO time, `null` to clear, or `extendMinutes`), pause, and the stand-in rule. */
export async function updateClass(db: Db, classId: string, body: Record<string, unknown>) {
  const problems: Problem[] = [];
  const sets: string[] = [];
  const params: unknown[] = [classId];
  const set = (column: string, value: unknown) => {
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  };
  await db.transaction(async (tx) => {
    const c = await classRow(tx, classId, 'FOR UPDATE');
    if ('deadline' in body) {
      if (body.deadline === null) set('deadline', null);
      else if (typeof body.deadline !== 'string' || Number.isNaN(Date.parse(body.deadline))) problems.push({ path: '$.deadline', message: 'must be a time (ISO 8601, e.g. 2026-03-01T10:30:00Z) or null', messageZh: '必须是时间（ISO 8601，例如 2026-03-01T10:30:00Z）或 null' });
      else set('deadline', new Date(body.deadline).toISOString());
    }
    if ('extendMinutes' in body) {
      const m = body.extendMinutes;
      if (typeof m !== 'number' || !Number.isFinite(m) || m <= 0 || m > 24 * 60) problems.push({ path: '$.extendMinutes', message: 'must be a number of minutes from 1 to 1440', messageZh: '必须是 1 到 1440 的分钟数' });
      else {
        const from = Math.max(c.deadline ? new Date(c.deadline).getTime() : 0, Date.now());
        set('deadline', new Date(from + m * 60_000).toISOString());
      }
    }
    if ('paused' in body) {
      if (typeof body.paused !== 'boolean') problems.push({ path: '$.paused', message: 'must be true or false', messageZh: '必须是 true 或 false' });
      else set('paused', body.paused);
    }
    if ('standIn' in body) {
      if (body.standIn !== 'bot' && body.standIn !== 'last') problems.push({ path: '$.standIn', message: 'must be "bot" or "last"', messageZh: '必须是 "bot" 或 "last"' });
      else set('stand_in', body.standIn);
    }
    if (problems.length) throw invalid('the change is not valid', problems);
    if (!sets.length) throw badRequest('nothing to change: send deadline, extendMinutes, paused or standIn');
    await tx.query(`UPDATE classes SET ${sets.join(', ')} WHERE id = $1`, params);
  });
  return classInfo(db, classId, { role: 'teacher' });
}

/**
 * Announces a demand event for the open round (a demand shock, a festival): it is written into
 * the class's scenario on the open round's ticks, so the save replays it and grading plays it. The
 * scenario's validator decides what is allowed (its cities, products, crowds, the buyer limit).
 */
export async function announceEvent(db: Db, classId: string, body: Record<string, unknown>) {
  return db.transaction(async (tx) => {
    const c = await classRow(tx, classId, 'FOR UPDATE');
    const round = openRoundOf(c, body.round);
    const world = worldOf(c.scenario);
    const event: Record<string, unknown> = {
      ...(body.name !== undefined ? { name: body.name } : {}),
      fromTick: (round - 1) * world.ticksPerRound + 1,
      toTick: round * world.ticksPerRound,
      multiplier: body.multiplier,
      ...(body.cities !== undefined ? { cities: body.cities } : {}),
      ...(body.products !== undefined ? { products: body.products } : {}),
      ...(body.crowds !== undefined ? { crowds: body.crowds } : {}),
    };
    const add = (s: Record<string, unknown>) => ({ ...s, events: [...((s.events as unknown[] | undefined) ?? []), event] });
    const scenario = add(c.scenario);
    const base = add(c.base_scenario);
    const at = ((scenario.events as unknown[]).length - 1);
    const checked = loadScenario(scenario);
    if (!checked.ok) {
      const mine = checked.problems.filter((p) => p.path.startsWith(`$.events[${at}]`) || p.path === '$.events' || /buyer/i.test(p.message));
      throw invalid('the scenario does not allow this event', (mine.length ? mine : checked.problems).map((p) => ({ ...p, path: p.path.replace(`$.events[${at}]`, '$') })));
    }
    const announcement: Announcement = { round, at: new Date().toISOString(), kind: 'event', event };
    await tx.query('UPDATE classes SET scenario = $2, base_scenario = $3, announcements = $4 WHERE id = $1', [classId, JSON.stringify(scenario), JSON.stringify(base), JSON.stringify([...c.announcements, announcement])]);
    return announcement;
  });
}

// ---------------------------------------------------------------- grades

/**
 * Grades as `shopsim grade SCENARIO <team>.json… --mode market --seeds N` computes them: each
 * team's decisions file (for its player shop, named by the team) over N seeds from the
 * scenario's. Rounds not played yet are empty, as in any decisions file that stops early.
 */
export async function classGrades(db: Db, classId: string, seeds: number): Promise<{ report: GradeReport; files: Map<string, DecisionsFileObject> }> {
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > MAX_SEEDS) throw badRequest(`seeds must be a whole number from 1 to ${MAX_SEEDS}`);
  const c = await classRow(db, classId);
  const teams = await teamsOf(db, classId);
  const files = await playedFiles(db, c, teams, c.rounds_played, true);
  const byName = new Map(teams.map((t) => [t.name, files.get(t.shop)!] as const));
  const base = worldOf(c.base_scenario);
  const inputs = teams.map((t) => ({ file: `${t.name}.json`, text: JSON.stringify(byName.get(t.name)) }));
  const report = await grade(base, c.base_scenario, inputs, { seeds, mode: 'market', jobs: 1, similarityThreshold: DEFAULT_SIMILARITY_THRESHOLD });
  return { report, files: byName };
}

export { HttpError };
