import type { Kysely } from 'kysely';

// Management review (9.3): one row per meeting. The input pack is compiled from the live registers
// while the review is planned and stored as JSON when it is held (the figures as they stood at the
// meeting); the outputs stay editable until the chair signs the minutes off, then the row is a record.
// Attendees are member ids (JSON); their top-management flag is read from memberships.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('management_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('meeting_date', 'text', (c) => c.notNull())
    .addColumn('chair_id', 'text')
    .addColumn('attendee_ids', 'text', (c) => c.notNull()) // JSON: string[]
    .addColumn('status', 'text', (c) => c.notNull()) // planned | held | signed_off
    .addColumn('pack', 'text') // JSON: the frozen input pack, null while planned
    .addColumn('attendance', 'text') // JSON: attendees as they were at the meeting, null while planned
    .addColumn('pack_since', 'text') // the previous review's meeting date the pack compared against
    .addColumn('held_at', 'text')
    .addColumn('held_by', 'text')
    .addColumn('improvement_decisions', 'text', (c) => c.notNull())
    .addColumn('change_decisions', 'text', (c) => c.notNull())
    .addColumn('resource_needs', 'text', (c) => c.notNull())
    .addColumn('conclusion', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('signed_off_at', 'text')
    .addColumn('signed_off_by', 'text')
    .addColumn('signed_off_by_name', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addUniqueConstraint('management_reviews_org_number', ['org_id', 'number'])
    .execute();
  await db.schema
    .createIndex('management_reviews_org_date')
    .on('management_reviews')
    .columns(['org_id', 'meeting_date'])
    .execute();
}
