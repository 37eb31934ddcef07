import type { Kysely } from 'kysely';

// Step 6, certification items 4 and 5: the certification body's audits per engagement (stage 1,
// stage 2, surveillance 1 and 2, recertification), their findings (each major or minor linked to
// the nonconformity it raised, an OFI to the improvement it logged), the certificate, and the
// "no significant change" confirmations that let the readiness check judge an unchanged AI system.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('engagement_id', 'text', (c) =>
      c.notNull().references('certification_engagements.id').onDelete('cascade'),
    )
    .addColumn('certificate_number', 'text', (c) => c.notNull())
    .addColumn('decision_date', 'text', (c) => c.notNull())
    .addColumn('issue_date', 'text', (c) => c.notNull())
    .addColumn('expiry_date', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('cb_name', 'text', (c) => c.notNull())
    .addColumn('accredited', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema.createIndex('certificates_engagement').on('certificates').column('engagement_id').execute();

  await db.schema
    .createTable('certification_audits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('engagement_id', 'text', (c) =>
      c.notNull().references('certification_engagements.id').onDelete('cascade'),
    )
    .addColumn('certificate_id', 'text', (c) => c.references('certificates.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('due_by', 'text')
    .addColumn('team', 'text', (c) => c.notNull())
    .addColumn('conclusion', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createIndex('certification_audits_engagement')
    .on('certification_audits')
    .column('engagement_id')
    .execute();

  await db.schema
    .createTable('certification_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('audit_id', 'text', (c) => c.notNull().references('certification_audits.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('clause_ref', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('cb_deadline', 'text')
    .addColumn('cb_accepted_on', 'text')
    .addColumn('nonconformity_id', 'text', (c) => c.references('nonconformities.id').onDelete('set null'))
    .addColumn('improvement_id', 'text', (c) => c.references('improvements.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addUniqueConstraint('certification_findings_org_number', ['org_id', 'number'])
    .execute();
  await db.schema.createIndex('certification_findings_audit').on('certification_findings').column('audit_id').execute();

  await db.schema
    .createTable('ai_no_change_confirmations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('ai_system_id', 'text', (c) => c.notNull().references('ai_systems.id').onDelete('cascade'))
    .addColumn('confirmed_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('confirmed_by', 'text')
    .addColumn('confirmed_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ai_no_change_confirmations_system')
    .on('ai_no_change_confirmations')
    .columns(['org_id', 'ai_system_id'])
    .execute();
}
