import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import type PgModule from 'pg';
import type { Database } from './schema';
import { migrationsFor } from './migrations';
import { keepStatements } from './statement-cache';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
export type DbHandle = { db: Db; dialect: Dialect; close: () => Promise<void> };

// pg is loaded only when a PostgreSQL URL is given: a SQLite server never pays its ~40 ms of start-up.
const require = createRequire(import.meta.url);

export function sqliteFile(dataDir: string): string {
  return path.join(dataDir, 'fortytwo.sqlite');
}

export function connect(opts: { databaseUrl?: string | undefined; dataDir: string }): DbHandle {
  if (opts.databaseUrl) {
    const pg = require('pg') as typeof PgModule;
    // COUNT(*) and bigint come back from pg as strings; our counts fit in a JS number.
    pg.types.setTypeParser(20, (v) => Number(v));
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection the server drops (restart, failover, idle timeout) must not crash the
    // process: the pool discards it and the next query opens a new one.
    pool.on('error', (err) => console.error(`PostgreSQL connection lost (the pool will reconnect): ${err.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const file = new SqliteDatabase(sqliteFile(opts.dataDir));
  file.pragma('journal_mode = WAL'); // readers never wait for the writer
  file.pragma('foreign_keys = ON');
  file.pragma('busy_timeout = 5000'); // a second process (CLI, bench) waits instead of failing
  file.pragma('synchronous = NORMAL'); // safe with WAL; a power cut loses at most the last commit
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: keepStatements(file) }),
    plugins: [new CamelCasePlugin()],
  });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

export async function migrate(handle: DbHandle): Promise<void> {
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: () => Promise.resolve(migrationsFor(handle.dialect)) },
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
}

/**
 * Serializes the transactions that name the same key, until each commits or rolls back: writers of
 * one audit chain, the members of one organization, one approval. PostgreSQL takes a
 * transaction-scoped advisory lock, which holds across every instance sharing the database; SQLite
 * already runs one write transaction at a time. Take it before reading what the decision rests on.
 */
export async function lockKey(tx: Tx, dialect: Dialect, key: string): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(tx);
}
