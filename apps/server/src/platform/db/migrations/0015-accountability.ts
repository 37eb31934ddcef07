import type { Kysely } from 'kysely';
import type { Dialect } from '../connect';

// Accountability (5.3, issue 15): a member is inside the organization or external to it (a
// consultant, a contractor), and may be named as top management, so approvals that must come from
// top management can say so and be checked. Existing members are internal and not top management
// until someone says otherwise. A risk treatment names the resources it needs (6.1.3, 8.3), printed
// in the treatment plan.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable('memberships')
    .addColumn('affiliation', 'text', (c) => c.notNull().defaultTo('internal'))
    .execute();
  await db.schema
    .alterTable('memberships')
    .addColumn('top_management', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('risk_treatments')
    .addColumn('resources', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}
