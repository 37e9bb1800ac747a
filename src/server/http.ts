/**
 * The classroom server's HTTP side (Node's http module): the JSON API of contracts.md, the built
 * game (dist/) for students at /class and the teacher at /teacher. Every error answers
 * `{ error, problems? }` with its status; an unexpected one is logged here and answered as a
 * plain 500, never with a stack trace.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { gradeCsv, gradeHtml, gradeJson } from '../sim/grading/gradeReports';
import * as classes from './classes';
import type { Db } from './db';
import { HttpError, badRequest, notFound } from './errors';
import { RateLimiter, tokenHash } from './security';

export interface ServerOptions {
  db: Db;
  /** the built game (vite build); null serves the API only */
  distDir: string | null;
  /** largest request body in bytes (a scenario upload is the largest) */
  maxBodyBytes?: number;
  /** API requests per minute per client (its token, or its address) */
  ratePerMinute?: number;
  log?: (line: string) => void;
}

const DEFAULT_MAX_BODY = 1024 * 1024;
const DEFAULT_RATE = 600;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...extra });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown) => send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');

function sendError(res: ServerResponse, e: HttpError): void {
  sendJson(res, e.status, e.problems ? { error: e.message, problems: e.problems } : { error: e.message });
}

function bearer(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  if (!m) throw new HttpError(401, 'the Authorization header must be "Bearer <token>"');
  return m[1]!;
}

async function readBody(req: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, `the request is too large (${declared} bytes; at most ${limit})`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, `the request is too large (at most ${limit} bytes)`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw badRequest(`the body is not valid JSON (${(e as Error).message})`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw badRequest('the body must be a JSON object');
  return value as Record<string, unknown>;
}

type Handler = (ctx: { req: IncomingMessage; res: ServerResponse; params: string[]; url: URL; body: () => Promise<Record<string, unknown>>; who: () => Promise<classes.Who> }) => Promise<unknown>;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

/** A response that is not JSON (CSV, HTML) from a handler. */
class Raw {
  constructor(
    readonly body: string,
    readonly type: string,
    readonly headers: Record<string, string> = {},
  ) {}
}

function routes(db: Db): Route[] {
  const id = '([a-z0-9]{1,64})';
  const r = (method: string, path: string, handler: Handler): Route => ({ method, pattern: new RegExp(`^${path.replace(':id', id)}$`), handler });
  const seedsOf = (url: URL) => {
    const s = url.searchParams.get('seeds');
    if (s === null) return 1;
    if (!/^\d{1,4}$/.test(s)) throw badRequest('seeds must be a whole number');
    return Number(s);
  };
  return [
    r('POST', '/api/classes', async ({ body }) => classes.createClass(db, await body())),
    r('POST', '/api/join', async ({ body }) => classes.join(db, await body())),
    r('POST', '/api/classes/:id/teacher', async ({ params, body }) => classes.teacherLogin(db, params[0]!, await body())),
    r('GET', '/api/classes/:id', async ({ params, who }) => classes.classInfo(db, params[0]!, await who())),
    r('PATCH', '/api/classes/:id', async ({ params, who, body }) => {
      classes.requireTeacher(await who());
      return classes.updateClass(db, params[0]!, await body());
    }),
    r('PUT', '/api/classes/:id/decisions', async ({ params, who, body }) => classes.submit(db, params[0]!, classes.requireTeam(await who()), await body())),
    r('GET', '/api/classes/:id/decisions', async ({ params, who, url }) => {
      const shop = classes.requireTeam(await who());
      if (url.searchParams.get('open') !== null) return classes.mySubmission(db, params[0]!, shop);
      const round = url.searchParams.get('round');
      if (round !== null && !/^\d{1,4}$/.test(round)) throw badRequest('round must be a whole number');
      return classes.teamDecisions(db, params[0]!, shop, round === null ? undefined : Number(round));
    }),
    r('POST', '/api/classes/:id/advance', async ({ params, who, body }) => {
      classes.requireTeacher(await who());
      return classes.advance(db, params[0]!, await body());
    }),
    r('POST', '/api/classes/:id/events', async ({ params, who, body }) => {
      classes.requireTeacher(await who());
      return classes.announceEvent(db, params[0]!, await body());
    }),
    r('GET', '/api/classes/:id/standings', async ({ params, who }) => {
      await who();
      return classes.classStandings(db, params[0]!);
    }),
    r('GET', '/api/classes/:id/rounds/(\\d{1,4})/report(\\.html)?', async ({ params, who, url }) => {
      const report = await classes.roundReport(db, params[0]!, Number(params[1]), await who(), url.searchParams.get('shop'), params[2] ? 'html' : 'json');
      return typeof report === 'string' ? new Raw(report, 'text/html; charset=utf-8') : report;
    }),
    r('GET', '/api/classes/:id/save', async ({ params, who }) => {
      await who();
      return classes.classSave(db, params[0]!);
    }),
    r('GET', '/api/classes/:id/export\\.(csv|json|html)', async ({ params, who, url }) => {
      classes.requireTeacher(await who());
      const { report } = await classes.classGrades(db, params[0]!, seedsOf(url));
      const format = params[1]!;
      const name = `shopsim-${params[0]}-grades.${format}`;
      const disposition = { 'Content-Disposition': `attachment; filename="${name}"` };
      if (format === 'csv') return new Raw(gradeCsv(report), 'text/csv; charset=utf-8', disposition);
      if (format === 'html') return new Raw(gradeHtml(report), 'text/html; charset=utf-8', disposition);
      return new Raw(gradeJson(report), 'application/json; charset=utf-8', disposition);
    }),
  ];
}

function serveStatic(res: ServerResponse, distDir: string | null, pathname: string): void {
  if (!distDir || !existsSync(join(distDir, 'index.html'))) {
    send(res, 503, 'The game is not built yet: run "npm run build" in the shopsim folder, then start the server again.\n游戏尚未构建：请在 shopsim 文件夹中运行 "npm run build"，然后重新启动服务器。\n', 'text/plain; charset=utf-8');
    return;
  }
  // The students' and the teacher's pages are the game's page; it reads its path.
  const page = pathname === '/' || pathname === '/class' || pathname === '/teacher' ? '/index.html' : pathname;
  let file: string;
  try {
    file = normalize(join(distDir, decodeURIComponent(page)));
  } catch {
    sendJson(res, 400, { error: 'malformed path' });
    return;
  }
  if (!file.startsWith(normalize(distDir) + sep) || !existsSync(file) || !statSync(file).isFile()) {
    sendJson(res, 404, { error: `no page ${pathname}` });
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'Content-Length': statSync(file).size, 'X-Content-Type-Options': 'nosniff' });
  createReadStream(file).pipe(res);
}

export function createClassroomServer(opts: ServerOptions): Server {
  const table = routes(opts.db);
  const limiter = new RateLimiter(opts.ratePerMinute ?? DEFAULT_RATE);
  const limit = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      try {
        if (!url.pathname.startsWith('/api/')) {
          if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'only GET for pages');
          return serveStatic(res, opts.distDir, url.pathname);
        }
        const token = bearer(req);
        const client = token ? `t:${tokenHash(token).slice(0, 32)}` : `a:${req.socket.remoteAddress ?? '?'}`;
        if (!limiter.allow(client)) throw new HttpError(429, 'too many requests: wait a moment and try again');
        const methodMatched = table.filter((r) => r.pattern.test(url.pathname));
        const route = methodMatched.find((r) => r.method === req.method);
        if (!route) {
          if (methodMatched.length) throw new HttpError(405, `${req.method} is not allowed here (${methodMatched.map((r) => r.method).join(', ')})`);
          throw notFound(`no API ${url.pathname}`);
        }
        const params = route.pattern.exec(url.pathname)!.slice(1);
        let who: Promise<classes.Who> | null = null;
        const out = await route.handler({
          req,
          res,
          params: params.map((p) => p ?? ''),
          url,
          body: () => readBody(req, limit),
          who: () => (who ??= classes.authenticate(opts.db, params[0]!, token)),
        });
        if (out instanceof Raw) send(res, 200, out.body, out.type, out.headers);
        else sendJson(res, route.method === 'POST' && url.pathname === '/api/classes' ? 201 : 200, out);
      } catch (e) {
        if (e instanceof HttpError) {
          if (e.status === 413) res.setHeader('Connection', 'close');
          return sendError(res, e);
        }
        log(`internal error on ${req.method} ${url.pathname}: ${(e as Error)?.stack ?? String(e)}`);
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error (the server log has the details)' });
        else res.destroy();
      }
    })();
  });
  // Idle connections stay open longer than clients and load balancers keep them (Node's 5 s
  // default closes a socket a client may be sending on at that moment: ECONNRESET).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}
