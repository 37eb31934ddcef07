import type { Kysely } from 'kysely';

// Gap analysis (step 1) and the actions that close gaps. A snapshot is a frozen copy of an
// assessment, so progress over time compares whole assessments.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('gap_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // working | snapshot
    .addColumn('source_id', 'text') // the assessment a snapshot was taken from
    .addColumn('frozen_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createIndex('gap_assessments_org_created')
    .on('gap_assessments')
    .columns(['org_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('gap_assessment_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('gap_assessments.id').onDelete('cascade'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull()) // catalogue order
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('maturity', 'integer')
    .addColumn('justification', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('target_date', 'text')
    .addColumn('evidence_links', 'text', (c) => c.notNull())
    .addColumn('ai_system_ids', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addUniqueConstraint('gap_assessment_items_assessment_ref', ['assessment_id', 'ref'])
    .execute();

  await db.schema
    .createTable('actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // open | in_progress | done
    .addColumn('source_type', 'text', (c) => c.notNull()) // gap_item | manual
    .addColumn('source_id', 'text')
    .addColumn('source_ref', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema.createIndex('actions_org_status').on('actions').columns(['org_id', 'status']).execute();
  await db.schema.createIndex('actions_owner').on('actions').columns(['owner_id', 'status']).execute();
  await db.schema.createIndex('actions_source').on('actions').columns(['org_id', 'source_type', 'source_id']).execute();
}
