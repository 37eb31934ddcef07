import type { Kysely } from 'kysely';

// Issue 16 items 3–5: data sets for AI systems (A.7) with the systems that use them; suppliers of AI
// components and services (A.10) with the systems that use them; per AI system its EU AI Act
// classification and, for a system the organization provides, the split of responsibilities with
// customers (A.10.4). Lists are JSON text; yes/no answers are integers 0/1 (same on both dialects).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('data_sets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('provenance', 'text', (c) => c.notNull())
    .addColumn('acquired_on', 'text')
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('legal_basis_detail', 'text', (c) => c.notNull())
    .addColumn('quality_checks', 'text', (c) => c.notNull()) // JSON [{ check, result, checkedOn, note }]
    .addColumn('preparation', 'text', (c) => c.notNull())
    .addColumn('personal_data', 'integer', (c) => c.notNull())
    .addColumn('special_categories', 'text', (c) => c.notNull()) // JSON string[]
    .addColumn('retention', 'text', (c) => c.notNull())
    .addColumn('retain_until', 'text')
    .addColumn('owner_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addUniqueConstraint('data_sets_org_number', ['org_id', 'number'])
    .execute();
  await db.schema
    .createTable('data_set_systems')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('data_set_id', 'text', (c) => c.notNull().references('data_sets.id').onDelete('cascade'))
    .addColumn('ai_system_id', 'text', (c) => c.notNull().references('ai_systems.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('data_set_systems_pk', ['data_set_id', 'ai_system_id'])
    .execute();
  await db.schema.createIndex('data_set_systems_system').on('data_set_systems').column('ai_system_id').execute();

  await db.schema
    .createTable('suppliers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('supplies', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('trains_on_inputs', 'text', (c) => c.notNull()) // yes | no | unknown
    .addColumn('input_retention', 'text', (c) => c.notNull())
    .addColumn('model_change_notice', 'text', (c) => c.notNull())
    .addColumn('incident_notice', 'text', (c) => c.notNull())
    .addColumn('data_location', 'text', (c) => c.notNull())
    .addColumn('contract_clauses', 'text', (c) => c.notNull()) // JSON string[]
    .addColumn('review_cadence_months', 'integer', (c) => c.notNull())
    .addColumn('last_reviewed_on', 'text')
    .addColumn('owner_id', 'text')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addUniqueConstraint('suppliers_org_number', ['org_id', 'number'])
    .execute();
  await db.schema
    .createTable('supplier_systems')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id').onDelete('cascade'))
    .addColumn('ai_system_id', 'text', (c) => c.notNull().references('ai_systems.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('supplier_systems_pk', ['supplier_id', 'ai_system_id'])
    .execute();
  await db.schema.createIndex('supplier_systems_system').on('supplier_systems').column('ai_system_id').execute();

  await db.schema
    .createTable('ai_act_classifications')
    .addColumn('ai_system_id', 'text', (c) => c.primaryKey().references('ai_systems.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('prohibited_screened', 'integer', (c) => c.notNull())
    .addColumn('prohibited_practices', 'text', (c) => c.notNull()) // JSON string[]
    .addColumn('annex_one_product', 'integer', (c) => c.notNull())
    .addColumn('annex_three_category', 'text')
    .addColumn('derogation_reason', 'text', (c) => c.notNull())
    .addColumn('profiles_people', 'integer', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull()) // JSON string[]
    .addColumn('transparency_triggers', 'text', (c) => c.notNull()) // JSON string[]
    .addColumn('public_service', 'integer', (c) => c.notNull())
    .addColumn('fria_impact_assessment_id', 'text', (c) => c.references('impact_assessments.id').onDelete('set null'))
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('customer_responsibilities')
    .addColumn('ai_system_id', 'text', (c) => c.primaryKey().references('ai_systems.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('items', 'text', (c) => c.notNull()) // JSON [{ topic, ours, customers }]
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}
