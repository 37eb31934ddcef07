import type { Kysely } from 'kysely';

// The external auditor workspace (issue 14, item 3): the evidence the organization chose to share
// with its time-boxed external auditors, and the auditors' requests for more evidence (each a task
// for its assignee until answered). Views and downloads are audit events, not a table of their own.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('auditor_shared_evidence')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('evidence_id', 'text', (c) => c.notNull().references('evidence.id').onDelete('cascade'))
    .addColumn('shared_at', 'text', (c) => c.notNull())
    .addColumn('shared_by', 'text')
    .addPrimaryKeyConstraint('auditor_shared_evidence_pk', ['org_id', 'evidence_id'])
    .execute();
  await db.schema
    .createTable('evidence_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ref', 'text') // the clause or control the request is about
    .addColumn('document_id', 'text') // or the document it is about
    .addColumn('requested_by', 'text')
    .addColumn('requested_by_name', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text')
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // open | answered
    .addColumn('answer', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('evidence_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('answered_at', 'text')
    .addColumn('answered_by_name', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('evidence_requests_number_unique', ['org_id', 'number'])
    .execute();
  await db.schema
    .createIndex('evidence_requests_assignee')
    .on('evidence_requests')
    .columns(['org_id', 'assignee_id', 'status'])
    .execute();
}
