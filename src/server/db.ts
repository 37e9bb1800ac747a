/**
 * The classroom database: one SQL dialect (PostgreSQL) on two drivers. The default is PGlite,
 * PostgreSQL compiled to WebAssembly and kept in a folder, so a teacher installs nothing; a URL
 * (`postgres://…`) uses a real PostgreSQL server through `pg`, which several server instances can
 * share. Both run the same queries and the same migrations (./migrations, applied in order at
 * start, each recorded in `schema_migrations`).
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  /** runs `fn` in one transaction: committed when it returns, rolled back when it throws */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
}

// From the project root, so it resolves the same from src/server/ and from the CLI bundle (build/cli/).
const MIGRATIONS_DIR = fileURLToPath(new URL('../../src/server/migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migrations in the repo, by their number prefix (`001_classes.sql` is version 1). */
export function migrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d+_.+\.sql$/.test(f))
    .map((f) => ({ version: Number(f.slice(0, f.indexOf('_'))), name: f, sql: readFileSync(MIGRATIONS_DIR + f, 'utf8') }))
    .sort((a, b) => a.version - b.version);
}

/**
 * Applies the migrations not yet applied, each in its own transaction. An advisory lock makes
 * instances that start together take turns, so each migration runs once.
 */
export async function migrate(db: Db): Promise<number[]> {
  const applied: number[] = [];
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7243001)');
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
    for (const m of migrations()) {
      if (done.has(m.version)) continue;
      // Statements are separated by ";" at a line's end (the migrations hold no functions).
      for (const stmt of m.sql.split(/;\s*$/m).map((s) => s.trim()).filter((s) => s && !/^(--[^\n]*\n?)*$/.test(s))) await tx.query(stmt);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
  });
  return applied;
}

async function openPglite(dir: string): Promise<Db> {
  mkdirSync(dir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = await PGlite.create(dir);
  const wrap = (q: { query: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }> }): Queryable => ({
    async query<T extends Row = Row>(sql: string, params?: unknown[]) {
      return (await q.query(sql, params)).rows as T[];
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    // PGlite is one connection: a transaction holds it, so other queries wait for the commit.
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}

async function openPostgres(url: string): Promise<Db> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client losing its connection must not crash the server; the next query reconnects.
  pool.on('error', () => {});
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    async query<T extends Row = Row>(sql: string, params?: unknown[]) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn({ query: async <T extends Row = Row>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[] });
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Opens the database (`postgres://…` URL, or a PGlite folder) and brings its schema up to date. */
export async function openDb(where: { url?: string; dir?: string }): Promise<Db> {
  const db = where.url ? await openPostgres(where.url) : await openPglite(where.dir ?? './shopsim-data');
  try {
    await migrate(db);
  } catch (e) {
    await db.close().catch(() => {});
    throw e;
  }
  return db;
}
