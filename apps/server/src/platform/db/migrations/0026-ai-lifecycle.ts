import type { Kysely } from 'kysely';

// The AI system life cycle (issue 16 items 1 and 2): releases with their verification and
// validation and their deployment (A.6.2.4, A.6.2.5), changes with their significance (8.2, 8.4),
// the re-assessments a significant change opens, the operation and monitoring plan and event-log
// specification of a system (A.6.2.6, A.6.2.8), and the organization's retention rule for event logs.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ai_releases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('ai_system_id', 'text', (c) => c.notNull().references('ai_systems.id').onDelete('cascade'))
    .addColumn('release_version', 'text', (c) => c.notNull())
    .addColumn('released_on', 'text', (c) => c.notNull())
    .addColumn('what_changed', 'text', (c) => c.notNull())
    .addColumn('model_version', 'text', (c) => c.notNull())
    .addColumn('data_version', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_by_name', 'text', (c) => c.notNull())
    .addColumn('verification', 'text') // JSON, null until recorded
    .addColumn('verified_at', 'text')
    .addColumn('deployed_on', 'text')
    .addColumn('deployment_environment', 'text')
    .addColumn('deployment_note', 'text')
    .addColumn('deployed_by', 'text')
    .addColumn('deployed_by_name', 'text')
    .addColumn('source', 'text', (c) => c.notNull()) // manual | api
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addUniqueConstraint('ai_releases_system_version', ['ai_system_id', 'release_version'])
    .execute();
  await db.schema.createIndex('ai_releases_org').on('ai_releases').columns(['org_id', 'ai_system_id']).execute();

  await db.schema
    .createTable('ai_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('ai_system_id', 'text', (c) => c.notNull().references('ai_systems.id').onDelete('cascade'))
    .addColumn('release_id', 'text', (c) => c.references('ai_releases.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('rule_significant', 'integer', (c) => c.notNull()) // 0 / 1: what the rule said when recorded
    .addColumn('rule_because', 'text', (c) => c.notNull())
    .addColumn('significant', 'integer', (c) => c.notNull()) // 0 / 1: the rule, or the override
    .addColumn('override_reason', 'text')
    .addColumn('overridden_by', 'text')
    .addColumn('overridden_by_name', 'text')
    .addColumn('overridden_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema.createIndex('ai_changes_org').on('ai_changes').columns(['org_id', 'ai_system_id']).execute();

  await db.schema
    .createTable('ai_reassessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('ai_system_id', 'text', (c) => c.notNull().references('ai_systems.id').onDelete('cascade'))
    .addColumn('change_id', 'text', (c) => c.notNull().references('ai_changes.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // risk_assessment | impact_assessment
    .addColumn('assignee_id', 'text')
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // due | done | cancelled
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('closed_by_name', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ai_reassessments_org_status')
    .on('ai_reassessments')
    .columns(['org_id', 'status'])
    .execute();

  await db.schema
    .createTable('ai_operation_plans')
    .addColumn('ai_system_id', 'text', (c) => c.primaryKey().references('ai_systems.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('monitoring_plan', 'text', (c) => c.notNull())
    .addColumn('logged_events', 'text', (c) => c.notNull())
    .addColumn('log_retention_months', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('ai_log_retention_rules')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('min_months', 'integer', (c) => c.notNull())
    .addColumn('max_months', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}
