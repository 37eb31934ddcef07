import type { Kysely } from 'kysely';

// Step 4a: AI risk criteria, the risk register with every dated rating kept, treatments,
// residual-risk acceptances, approvals of the treatment plan, AI system impact assessments, and
// the Statement of Applicability (decisions per control, frozen approved versions).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('risk_criteria')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // draft | approved | superseded
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_by_name', 'text')
    .addUniqueConstraint('risk_criteria_org_number', ['org_id', 'number'])
    .execute();

  await db.schema
    .createTable('risks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('ai_system_id', 'text', (c) => c.references('ai_systems.id').onDelete('set null'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('consequences_organization', 'text', (c) => c.notNull())
    .addColumn('consequences_individuals', 'text', (c) => c.notNull())
    .addColumn('consequences_society', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('review_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('impact_assessment_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .addUniqueConstraint('risks_org_number', ['org_id', 'number'])
    .execute();

  await db.schema
    .createTable('risk_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risks.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // inherent | residual
    .addColumn('treatment_id', 'text')
    .addColumn('likelihood', 'integer', (c) => c.notNull())
    .addColumn('consequence', 'integer', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('criteria_number', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull()) // order within a risk: timestamps can tie
    .addColumn('assessed_at', 'text', (c) => c.notNull())
    .addColumn('assessed_by', 'text')
    .addColumn('assessed_by_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('risk_assessments_risk').on('risk_assessments').columns(['risk_id', 'seq']).execute();

  await db.schema
    .createTable('risk_treatments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risks.id').onDelete('cascade'))
    .addColumn('option', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('control_refs', 'text', (c) => c.notNull())
    .addColumn('verification', 'text', (c) => c.notNull())
    .addColumn('effectiveness', 'text')
    .addColumn('verified_at', 'text')
    .addColumn('verified_by_name', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema.createIndex('risk_treatments_org').on('risk_treatments').columns(['org_id', 'risk_id']).execute();

  await db.schema
    .createTable('risk_acceptances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risks.id').onDelete('cascade'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text', (c) => c.notNull())
    .addColumn('accepted_by', 'text')
    .addColumn('accepted_by_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('risk_acceptances_org').on('risk_acceptances').columns(['org_id', 'risk_id']).execute();

  // Frozen approvals of the treatment plan and of the SoA: the content as approved, never changed.
  for (const table of ['risk_plan_approvals', 'soa_versions'])
    await db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('approved_at', 'text', (c) => c.notNull())
      .addColumn('approved_by', 'text')
      .addColumn('approved_by_name', 'text', (c) => c.notNull())
      .addUniqueConstraint(`${table}_org_number`, ['org_id', 'number'])
      .execute();

  await db.schema
    .createTable('soa_decisions')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('decision', 'text') // included | excluded | null (undecided)
    .addColumn('justification', 'text', (c) => c.notNull())
    .addColumn('implementation_status', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('soa_decisions_pk', ['org_id', 'ref'])
    .execute();

  await db.schema
    .createTable('impact_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    // No foreign key: results are kept for their retention period even if the AI system is deleted.
    .addColumn('ai_system_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('severity', 'integer')
    .addColumn('likelihood', 'integer')
    .addColumn('retention_until', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('signed_off_at', 'text')
    .addColumn('signed_off_by', 'text')
    .addColumn('signed_off_by_name', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .addUniqueConstraint('impact_assessments_org_number', ['org_id', 'number'])
    .execute();
}
