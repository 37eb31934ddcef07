import type { Kysely } from 'kysely';

// A signed-off management review names its minutes, kept as a record through the document model
// (a document of type management-review-minutes with one frozen, published version).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('management_reviews').addColumn('minutes_document_id', 'text').execute();
}
