import type { Kysely } from 'kysely';

// Internal audit (9.2) and nonconformity and corrective action (10.2) with the improvement log (10.1).
// The programme is one row per organization, versioned, with its approvals kept as snapshots; audits
// carry their plan, a checklist generated from the scope and their findings; nonconformities are one
// register whatever raised them (`source`), their actions live in the actions table.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const record = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'));

  await db.schema
    .createTable('audit_programmes')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('cycle_start', 'text', (c) => c.notNull())
    .addColumn('cycle_years', 'integer', (c) => c.notNull())
    .addColumn('approach', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // draft | approved
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await record('audit_programme_approvals')
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_by_name', 'text', (c) => c.notNull())
    .addUniqueConstraint('audit_programme_approvals_org_number', ['org_id', 'number'])
    .execute();

  await record('audits')
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('objectives', 'text', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull()) // JSON: refs, aiSystemIds, units, sites
    .addColumn('lead_id', 'text')
    .addColumn('team_ids', 'text', (c) => c.notNull()) // JSON array of user ids
    .addColumn('auditees', 'text', (c) => c.notNull()) // JSON array of names
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('planned_start', 'text')
    .addColumn('planned_end', 'text')
    .addColumn('independence_warnings', 'text', (c) => c.notNull()) // JSON, as acknowledged
    .addColumn('independence_justification', 'text', (c) => c.notNull())
    .addColumn('conclusion', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addUniqueConstraint('audits_org_number', ['org_id', 'number'])
    .execute();

  await record('audit_checklist_items')
    .addColumn('audit_id', 'text', (c) => c.notNull().references('audits.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('looks_for', 'text', (c) => c.notNull())
    .addColumn('sources', 'text', (c) => c.notNull()) // JSON: documents and evidence in scope when generated
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('sampled', 'text', (c) => c.notNull())
    .addColumn('sample_size', 'integer')
    .addColumn('population', 'text', (c) => c.notNull())
    .addColumn('evidence_ids', 'text', (c) => c.notNull()) // JSON array
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createIndex('audit_checklist_items_audit')
    .on('audit_checklist_items')
    .columns(['audit_id', 'position'])
    .execute();

  await record('audit_findings')
    .addColumn('audit_id', 'text', (c) => c.notNull().references('audits.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('ref', 'text')
    .addColumn('checklist_item_id', 'text')
    .addColumn('requirement', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('nonconformity_id', 'text')
    .addColumn('improvement_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('audit_findings_org_number', ['org_id', 'number'])
    .execute();
  await db.schema.createIndex('audit_findings_audit').on('audit_findings').column('audit_id').execute();

  await record('nonconformities')
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('source_ref', 'text')
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('ref', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('raised_by', 'text')
    .addColumn('raised_by_name', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('response_due', 'text')
    .addColumn('review_after_days', 'integer', (c) => c.notNull())
    .addColumn('review_due', 'text')
    .addColumn('correction', 'text', (c) => c.notNull())
    .addColumn('root_cause_method', 'text', (c) => c.notNull())
    .addColumn('whys', 'text', (c) => c.notNull()) // JSON array
    .addColumn('cause_categories', 'text', (c) => c.notNull()) // JSON array
    .addColumn('root_cause', 'text', (c) => c.notNull())
    .addColumn('similar_cases', 'text', (c) => c.notNull())
    .addColumn('effective', 'integer') // null until reviewed; 1 effective, 0 not
    .addColumn('effectiveness_notes', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_by_name', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('closed_by_name', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addUniqueConstraint('nonconformities_org_number', ['org_id', 'number'])
    .execute();
  await db.schema
    .createIndex('nonconformities_org_status')
    .on('nonconformities')
    .columns(['org_id', 'status'])
    .execute();

  await record('improvements')
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('source_ref', 'text')
    .addColumn('owner_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addUniqueConstraint('improvements_org_number', ['org_id', 'number'])
    .execute();
}
