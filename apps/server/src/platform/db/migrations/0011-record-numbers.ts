import type { Kysely } from 'kysely';

// Numbers people cite (R-12, IA-3) come from one counter row per organization and sequence,
// incremented inside the transaction that creates the record. Concurrent creations on several
// instances queue on that row instead of computing the same max + 1, and a deleted record's
// number is never given to another. Counters start from the numbers already used (see
// record-numbers.ts), so existing organizations need no seeding here.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('record_numbers')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('sequence', 'text', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('record_numbers_pk', ['org_id', 'sequence'])
    .execute();
}
