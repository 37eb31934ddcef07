import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connect';

// The two assignments clause 5.3 names (issue 15): a new organization's RACI carries them since
// the accountability check was built, but organizations created before lack them, so the check
// warned about activities nobody could have added knowingly. Each such organization gets the one(s)
// it lacks, appended unassigned after its own activities, with an audit event in its chain. An
// organization that already has one by that name, or deleted one by that name on purpose, is left
// as it is for that activity.
//
// Self-contained (no runtime imports): the names and descriptions, the id format and the audit
// hash are copied as they are at this migration, so a later change of the app cannot change what
// an older database's upgrade does.

/** packages/domain/src/governance.ts ACCOUNTABILITY_ACTIVITIES, as of this migration. */
const ACTIVITIES = [
  {
    name: 'AIMS conformity to ISO/IEC 42001',
    description: 'Make sure the AI management system meets the requirements of the standard (5.3).',
  },
  {
    name: 'Reporting AIMS performance to top management',
    description: 'Tell top management how the AI management system is performing (5.3).',
  },
];

const GENESIS_HASH = '0'.repeat(64);

/** UUIDv7, as platform/ids.ts newId. */
function newId(now = Date.now()): string {
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** platform/audit.ts eventHash: every stored field but the hash, in a fixed order. */
const eventHash = (e: (string | number | null)[]) => createHash('sha256').update(JSON.stringify(e)).digest('hex');

const key = (name: string) => name.trim().toLowerCase();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const orgs = (await db.selectFrom('organizations').select('id').orderBy('id').execute()) as { id: string }[];
  for (const { id: orgId } of orgs) {
    // PostgreSQL runs the whole migration in one transaction; SQLite does not, so each organization gets its own.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const add = (tx: Kysely<any>) => addMissing(tx, dialect, orgId);
    await (db.isTransaction ? add(db) : db.transaction().execute(add));
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function addMissing(tx: Kysely<any>, dialect: Dialect, orgId: string) {
  const existing = (await tx
    .selectFrom('raci_activities')
    .select(['name', 'position'])
    .where('org_id', '=', orgId)
    .execute()) as { name: string; position: number }[];
  const deleted = (await tx
    .selectFrom('audit_events')
    .select('before')
    .where('org_id', '=', orgId)
    .where('action', '=', 'raci_activity.deleted')
    .execute()) as { before: string | null }[];
  const deletedNames = new Set(
    deleted.flatMap((e) => {
      try {
        const name = (JSON.parse(e.before ?? 'null') as { name?: unknown } | null)?.name;
        return typeof name === 'string' ? [key(name)] : [];
      } catch {
        return [];
      }
    }),
  );
  const have = new Set(existing.map((a) => key(a.name)));
  const missing = ACTIVITIES.filter((a) => !have.has(key(a.name)) && !deletedNames.has(key(a.name)));
  if (!missing.length) return;

  const now = new Date().toISOString();
  let position = existing.reduce((max, a) => Math.max(max, Number(a.position)), -1);
  const rows = missing.map((a) => ({
    id: newId(),
    org_id: orgId,
    position: ++position,
    name: a.name,
    description: a.description,
    assignments: '[]',
    version: 1,
    created_at: now,
    updated_at: now,
    updated_by: null,
  }));
  await tx.insertInto('raci_activities').values(rows).execute();

  // The event the app writes when it seeds a RACI (modules/context/governance.ts), appended to the chain.
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
    org_id: orgId,
    at: now,
    actor_id: null,
    actor_name: 'system',
    action: 'raci.seeded',
    entity_type: 'raci_activity',
    entity_id: orgId,
    before: null,
    after: JSON.stringify({ activities: rows.map((r) => r.name), reason: 'clause 5.3 assignments (issue 15)' }),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  await tx
    .insertInto('audit_events')
    .values({
      ...event,
      hash: eventHash([
        event.id,
        event.chain,
        event.seq,
        event.org_id,
        event.at,
        event.actor_id,
        event.actor_name,
        event.action,
        event.entity_type,
        event.entity_id,
        event.before,
        event.after,
        event.prev_hash,
      ]),
    })
    .execute();
}
