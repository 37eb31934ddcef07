import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely';

/** How many compiled statements are kept: every query the server sends, with room for `in (…)` lists of many lengths. */
export const STATEMENTS_KEPT = 1_000;

/**
 * The SQLite database as Kysely sees it, keeping each compiled statement by its SQL text. Kysely calls
 * `prepare` for every query it runs, and better-sqlite3 compiles the SQL each time: on the risk register's
 * page that was ~10 % of the request's CPU (bench/README.md, "Where issue 19 stands"). The least recently
 * used statement goes when more than `kept` are held. A statement is only reused when it is idle: one still
 * being iterated (a streamed query) is not shared, the caller gets a new one. SQLite recompiles a kept
 * statement by itself when a migration changes the schema under it.
 */
export function keepStatements(file: SqliteDatabase.Database, kept = STATEMENTS_KEPT): KyselySqliteDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => file.close(),
    prepare(sql) {
      const known = statements.get(sql);
      if (known && !known.busy) {
        // Most recently used last, so the first key is the one to drop.
        statements.delete(sql);
        statements.set(sql, known);
        return known;
      }
      const fresh = file.prepare(sql);
      if (!known) {
        statements.set(sql, fresh);
        if (statements.size > kept) statements.delete(statements.keys().next().value!);
      }
      return fresh;
    },
  };
}
