import type { Kysely } from 'kysely';

// The request counters of @fastify/rate-limit (issue 20, item 5), one row per route and client
// address, in the database so that every server instance sharing it counts the same requests. A
// counter holds for a fixed window; the first request after the window starts a new one.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limit_counters')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('window_ends_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rate_limit_counters_window')
    .on('rate_limit_counters')
    .column('window_ends_at')
    .execute();
}
