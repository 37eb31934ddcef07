import { sql, type Kysely } from 'kysely';

// AI objectives (6.2) with their progress over time, and monitoring (9.1): metrics, their
// measurements, and breach episodes (a run of out-of-threshold measurements, one action each).
// API tokens gain a scope, so a monitoring pipeline's token can record measurements and nothing else.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('objectives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('baseline', 'double precision')
    .addColumn('target', 'double precision')
    .addColumn('owner_id', 'text')
    .addColumn('resources', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('evaluation', 'text', (c) => c.notNull())
    .addColumn('annex_ref', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addUniqueConstraint('objectives_org_number', ['org_id', 'number'])
    .execute();

  await db.schema
    .createTable('objective_progress')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('objective_id', 'text', (c) => c.notNull().references('objectives.id').onDelete('cascade'))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('objective_progress_objective')
    .on('objective_progress')
    .columns(['objective_id', 'on_date'])
    .execute();

  await db.schema
    .createTable('metrics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('target', 'double precision')
    .addColumn('lower_threshold', 'double precision')
    .addColumn('upper_threshold', 'double precision')
    .addColumn('ai_system_id', 'text')
    .addColumn('control_ref', 'text')
    .addColumn('objective_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addUniqueConstraint('metrics_org_number', ['org_id', 'number'])
    .execute();

  await db.schema
    .createTable('measurements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('metric_id', 'text', (c) => c.notNull().references('metrics.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull()) // manual | import | api
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('measurements_metric_at').on('measurements').columns(['metric_id', 'at']).execute();

  await db.schema
    .createTable('metric_breaches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('metric_id', 'text', (c) => c.notNull().references('metrics.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull()) // below | above
    .addColumn('opened_at', 'text', (c) => c.notNull()) // the time of the measurement that opened it
    .addColumn('opening_measurement_id', 'text', (c) => c.notNull())
    .addColumn('opening_value', 'double precision', (c) => c.notNull())
    .addColumn('action_id', 'text')
    .addColumn('closed_at', 'text')
    .execute();
  // At most one open episode per metric, whatever the instances do: the last guard behind the lock.
  await db.schema
    .createIndex('metric_breaches_one_open')
    .on('metric_breaches')
    .column('metric_id')
    .unique()
    .where(sql.ref('closed_at'), 'is', null)
    .execute();

  await db.schema
    .alterTable('api_tokens')
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo('full'))
    .execute();
}
