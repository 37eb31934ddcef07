import { sql, type Kysely } from 'kysely';
import { DEFAULT_RACI_ACTIVITIES } from '@fortytwo/domain';
import { eventHash, GENESIS_HASH } from '../../audit';
import { newId, nowIso } from '../../ids';
import type { Dialect } from '../connect';

// The RACI matrix's columns become organization data (they were kept in each browser), and the
// default activities are seeded when an organization is created instead of on the first read of
// the RACI. Organizations created before this never-read RACI get them here, with the same
// audit event; one whose RACI was already used (even emptied on purpose) is left as it is.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('raci_columns')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('columns', 'text', (c) => c.notNull()) // JSON: [{ userId } | { role }]
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  const orgs = await db
    .selectFrom('organizations as o')
    .select('o.id')
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('raci_activities as r').select('r.id').whereRef('r.org_id', '=', 'o.id'))),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('audit_events as e')
            .select('e.id')
            .whereRef('e.org_id', '=', 'o.id')
            .where('e.entity_type', '=', 'raci_activity'),
        ),
      ),
    )
    .execute();
  for (const { id: orgId } of orgs as { id: string }[]) {
    // PostgreSQL runs the whole migration in one transaction; SQLite does not, so each organization gets its own.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const seed = (tx: Kysely<any>) => seedOrganization(tx, dialect, orgId);
    await (db.isTransaction ? seed(db) : db.transaction().execute(seed));
  }
}

// Written against the tables as they are at this migration (not the app's current code), so a
// later schema change cannot break an old database's upgrade.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function seedOrganization(tx: Kysely<any>, dialect: Dialect, orgId: string) {
  const now = nowIso();
  const activities = DEFAULT_RACI_ACTIVITIES.map((a, position) => ({
    id: newId(),
    org_id: orgId,
    position,
    name: a.name,
    description: a.description,
    assignments: '[]',
    version: 1,
    created_at: now,
    updated_at: now,
    updated_by: null,
  }));
  await tx.insertInto('raci_activities').values(activities).execute();

  // The same event the app writes (platform/audit.ts), appended to the organization's chain.
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${orgId}))`.execute(tx);
  const last: { seq: number; hash: string } | undefined = await tx
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .where('chain', '=', orgId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const event = {
    id: newId(),
    chain: orgId,
    seq: Number(last?.seq ?? 0) + 1,
    orgId,
    at: now,
    actorId: null,
    actorName: 'system',
    action: 'raci.seeded',
    entityType: 'raci_activity',
    entityId: orgId,
    before: null,
    after: JSON.stringify({ activities: activities.map((a) => a.name) }),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx
    .insertInto('audit_events')
    .values({
      id: event.id,
      chain: event.chain,
      seq: event.seq,
      org_id: event.orgId,
      at: event.at,
      actor_id: event.actorId,
      actor_name: event.actorName,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId,
      before: event.before,
      after: event.after,
      prev_hash: event.prevHash,
      hash: eventHash(event),
    })
    .execute();
}
