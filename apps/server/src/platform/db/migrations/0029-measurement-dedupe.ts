import type { Kysely } from 'kysely';

// Issue 12, finishing step 4b. A measurement pushed twice (a monitoring pipeline that retries)
// counts once: each measurement may carry a dedupe key, `key:<Idempotency-Key>` when the sender
// gave one, or `at:<time>` when it said when it was measured; the key is unique per metric (NULLs,
// for measurements taken "now" without a key, are distinct on both dialects). A metric that
// measures an AI objective records each measurement as the objective's progress: the progress
// entry names its measurement.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('measurements').addColumn('dedupe_key', 'text').execute();
  await db.schema
    .createIndex('measurements_metric_dedupe')
    .on('measurements')
    .columns(['metric_id', 'dedupe_key'])
    .unique()
    .execute();
  await db.schema.alterTable('objective_progress').addColumn('measurement_id', 'text').execute();
  await db.schema
    .createIndex('objective_progress_measurement')
    .on('objective_progress')
    .column('measurement_id')
    .execute();
}
