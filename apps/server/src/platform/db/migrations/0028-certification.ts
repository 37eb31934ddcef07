import type { Kysely } from 'kysely';

// Step 6, certification: the certification body engagement (which CB, its accreditation, the audit
// team, stage-1 and stage-2 dates, the scope as submitted, the audit-time inputs). Numbered per
// organization (CB-1, CB-2 …) through record_numbers.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('certification_engagements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('cb_name', 'text', (c) => c.notNull())
    .addColumn('accreditation_body', 'text', (c) => c.notNull())
    .addColumn('accredited', 'integer', (c) => c.notNull())
    .addColumn('accreditation_ref', 'text', (c) => c.notNull())
    .addColumn('audit_team', 'text', (c) => c.notNull())
    .addColumn('stage1_date', 'text')
    .addColumn('stage2_date', 'text')
    .addColumn('submitted_scope', 'text', (c) => c.notNull())
    .addColumn('audit_time_inputs', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addUniqueConstraint('certification_engagements_org_number', ['org_id', 'number'])
    .execute();
}
