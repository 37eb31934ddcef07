import type { Kysely } from 'kysely';

// A signed-off internal audit names its report, kept as a record through the document model
// (a document of type internal-audit-report with one frozen, published version).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audits').addColumn('report_document_id', 'text').execute();
}
