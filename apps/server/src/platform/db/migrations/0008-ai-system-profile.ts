import type { Kysely } from 'kysely';

// The deeper record of each AI system (A.4 resources, intended use and misuse, affected groups,
// oversight) as one JSON document beside the inventory row, so the inventory list stays light.
// Its changes bump the AI system's version: one optimistic lock for the whole record.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ai_system_profiles')
    .addColumn('ai_system_id', 'text', (c) => c.primaryKey().references('ai_systems.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}
