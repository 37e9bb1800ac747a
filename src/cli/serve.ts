/** `shopsim serve [--port N] [--host H] [--data DIR] [--db URL] [--rate N] [--no-build]`: the classroom server. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parsePositiveInt } from './args';
import { InputError, UsageError, type Output } from './io';

export const SERVE_HELP = `Usage: shopsim serve [--port N] [--host H] [--data DIR] [--db URL] [--rate N] [--no-build]

Starts the classroom server: the game for students, the teacher's dashboard and the JSON API
(contracts.md), on one address. Students open  http://<address>:<port>/class , the teacher
http://<address>:<port>/teacher . Stop it with Ctrl+C; classes are kept in the database.
  --port N    TCP port (default 8080)
  --host H    address to listen on (default 0.0.0.0: every network of this computer)
  --data DIR  folder of the built-in database (PGlite; default ./shopsim-data)
  --db URL    a PostgreSQL server instead (postgres://user:password@host:5432/db); several
              servers may share one database behind a load balancer
  --rate N    API requests per minute per browser or address before 429 (default 600)
  --no-build  do not build the game when dist/ is missing (serve the API only)

Examples:
  shopsim serve
  shopsim serve --port 3000 --data ~/shopsim-classes
  shopsim serve --db postgres://shopsim:secret@db.school.lan/shopsim`;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = `${ROOT}dist`;

/** The LAN addresses students can type (IPv4, not loopback). */
function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}

/** In a fresh clone the game is not built yet: build it once (vite), as `npm run build` would. */
function ensureBuilt(io: Output): string | null {
  if (existsSync(`${DIST}/index.html`)) return DIST;
  const vite = `${ROOT}node_modules/vite/bin/vite.js`;
  if (!existsSync(vite)) {
    io.err('note: the game is not built (no dist/); run "npm run build" to serve it. The API works without it.');
    return null;
  }
  io.out('building the game once (vite build, about a minute)…');
  const res = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0) {
    io.err('note: building the game failed; the API still works. Try "npm run build".');
    return null;
  }
  return DIST;
}

export async function serveCommand(argv: string[], io: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' }, db: { type: 'string' }, rate: { type: 'string' }, 'no-build': { type: 'boolean' } },
  });
  if (positionals.length) throw new UsageError(`serve takes no file, got "${positionals[0]}"`);
  const port = values.port !== undefined ? (values.port === '0' ? 0 : parsePositiveInt('--port', values.port, 65535)) : 8080;
  const host = values.host ?? '0.0.0.0';
  const rate = values.rate !== undefined ? parsePositiveInt('--rate', values.rate, 1_000_000) : undefined;
  if (values.db !== undefined && !/^postgres(ql)?:\/\//.test(values.db)) throw new UsageError(`--db must be a postgres:// URL, not "${values.db}"`);
  if (values.db !== undefined && values.data !== undefined) throw new UsageError('give --data (built-in database) or --db (PostgreSQL), not both');

  const { openDb } = await import('../server/db');
  const { createClassroomServer } = await import('../server/http');
  const distDir = values['no-build'] ? (existsSync(`${DIST}/index.html`) ? DIST : null) : ensureBuilt(io);
  let db;
  try {
    db = await openDb(values.db !== undefined ? { url: values.db } : { dir: values.data ?? './shopsim-data' });
  } catch (e) {
    const where = values.db !== undefined ? values.db.replace(/\/\/[^@/]*@/, '//…@') : (values.data ?? './shopsim-data');
    throw new InputError(`cannot open the database ${where}: ${(e as Error).message}`);
  }
  const server = createClassroomServer({ db, distDir, ratePerMinute: rate, log: io.err });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  }).catch(async (e: NodeJS.ErrnoException) => {
    await db.close();
    throw new InputError(`cannot listen on ${host}:${port} (${e.code ?? e.message}${e.code === 'EADDRINUSE' ? ': another program uses this port; try --port 8081' : ''})`);
  });
  const actual = (server.address() as { port: number }).port;
  const shown = host === '0.0.0.0' || host === '::' ? lanAddresses() : [host];
  const addresses = (shown.length ? shown : ['localhost']).map((a) => `http://${a}:${actual}`);
  io.out(
    [
      `shopsim classroom server on port ${actual} (database: ${db.kind === 'postgres' ? 'PostgreSQL' : `built-in, in ${values.data ?? './shopsim-data'}`})`,
      `students type / 学生输入:  ${addresses.map((a) => `${a}/class`).join('   ')}`,
      `teacher / 教师:            ${addresses.map((a) => `${a}/teacher`).join('   ')}`,
      'Ctrl+C stops the server; classes stay in the database. / 按 Ctrl+C 停止；班级数据保存在数据库中。',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close(() => resolve());
      server.closeAllConnections();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await db.close();
  io.out('server stopped');
  return 0;
}
