import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connect';

// A migration is frozen history: it carries what it needs instead of importing runtime code, so a
// later change to the app (the default activities, the audit hash, the id format) cannot change
// what this migration does to an older database.

/** The default activities as they were when this migration was written. */
const DEFAULT_RACI_ACTIVITIES: { name: string; description: string }[] = [
  {
    name: 'AI risk assessment',
    description: 'Identify, analyse and evaluate AI risks against the criteria (6.1.2, 8.2).',
  },
  {
    name: 'AI risk treatment and acceptance',
    description: 'Choose controls, keep the treatment plan, accept residual risk (6.1.3, 8.3).',
  },
  {
    name: 'AI system impact assessment',
    description: 'Assess effects on people and society for each AI system (6.1.4, 8.4, A.5).',
  },
  {
    name: 'Data quality and provenance',
    description: 'Data requirements, acquisition, quality and lineage for AI systems (A.7).',
  },
  { name: 'Human oversight', description: 'Design and run oversight of AI systems in use (A.9.3).' },
  { name: 'AI security', description: 'Protect AI systems against AI-specific threats, with the security team.' },
  { name: 'Privacy', description: 'Personal data in AI systems, with the data protection officer.' },
  {
    name: 'Supplier management',
    description: 'AI suppliers and third parties: due diligence, contracts, monitoring (A.10).',
  },
  { name: 'Internal audit', description: 'Plan and run the AIMS audit programme (9.2).' },
  { name: 'Management review', description: 'Prepare inputs and record decisions of top management (9.3).' },
  { name: 'Document control', description: 'Approve, publish, version and retain documented information (7.5).' },
  {
    name: 'Incident and concern handling',
    description: 'AI incidents, external reports and staff concerns (A.3.3, A.8.3, A.8.4).',
  },
];

const GENESIS_HASH = '0'.repeat(64);

/** The audit chain's hash of one event, as platform/audit.ts computed it at this migration. */
function eventHash(e: Record<string, string | number | null>): string {
  const fields = [
    'id',
    'chain',
    'seq',
    'orgId',
    'at',
    'actorId',
    'actorName',
    'action',
    'entityType',
    'entityId',
    'before',
    'after',
    'prevHash',
  ];
  return createHash('sha256')
    .update(JSON.stringify(fields.map((f) => e[f])))
    .digest('hex');
}

/** A UUIDv7, as platform/ids.ts made them at this migration. */
function newId(now = Date.now()): string {
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const nowIso = () => new Date().toISOString();

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
