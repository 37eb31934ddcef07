import type { Kysely } from 'kysely';
import type { Dialect } from '../connect';

// Accountability (5.3, issue 15): a member is inside the organization or external to it (a
// consultant, a contractor), and may be named as top management, so approvals that must come from
// top management can say so and be checked. Existing members are internal and not top management
// until someone says otherwise.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('memberships').addColumn('affiliation', 'text', (c) => c.notNull().defaultTo('internal')).execute();
  await db.schema.alterTable('memberships').addColumn('top_management', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
