import type { Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';

// Control implementation in operation (issue 12): one row per control of the SoA that someone
// implements (owner, how, linked documents, due date, status, operating cadence) and the dated
// occurrences of its operation. The SoA's implementation status moves here: the values people set
// on the SoA become implementation rows, and the SoA's own column is dropped, so the status has one
// home. (Their earlier history stays in the audit trail as the SoA decisions that set them.)

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('control_implementations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('ref', 'text', (c) => c.notNull()) // the control's ref, as the SoA names it (A.6.2.4, or a custom control's)
    .addColumn('status', 'text', (c) => c.notNull()) // planned | implementing | operating | needs_rework
    .addColumn('status_since', 'text', (c) => c.notNull()) // YYYY-MM-DD
    .addColumn('interrupted_on', 'text') // the last day it stopped operating
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('document_ids', 'text', (c) => c.notNull()) // JSON: ids of linked documents
    .addColumn('due_on', 'text')
    .addColumn('cadence_months', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addUniqueConstraint('control_implementations_org_ref', ['org_id', 'ref'])
    .execute();

  await db.schema
    .createTable('control_occurrences')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('performed_on', 'text', (c) => c.notNull())
    .addColumn('performed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('performed_by_name', 'text', (c) => c.notNull()) // kept when the account goes
    .addColumn('outcome', 'text', (c) => c.notNull()) // ok | issues_found
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createIndex('control_occurrences_org_ref')
    .on('control_occurrences')
    .columns(['org_id', 'ref', 'performed_on'])
    .execute();

  // The connection's CamelCasePlugin names the columns of rows it returns in camelCase.
  const rows = (await db
    .selectFrom('soa_decisions')
    .select(['org_id', 'ref', 'implementation_status', 'updated_at', 'updated_by'])
    .where('implementation_status', 'is not', null)
    .execute()) as unknown as {
    orgId: string;
    ref: string;
    implementationStatus: string;
    updatedAt: string;
    updatedBy: string | null;
  }[];
  for (const r of rows) {
    // "Not started" has no word of its own in the implementation: it becomes planned.
    const status = STATUS_FROM_SOA[r.implementationStatus] ?? 'planned';
    await db
      .insertInto('control_implementations')
      .values({
        id: newId(),
        org_id: r.orgId,
        ref: r.ref,
        status,
        status_since: r.updatedAt.slice(0, 10),
        interrupted_on: null,
        owner_id: null,
        description: '',
        document_ids: '[]',
        due_on: null,
        cadence_months: null,
        version: 1,
        created_at: r.updatedAt,
        created_by: r.updatedBy,
        updated_at: r.updatedAt,
        updated_by: r.updatedBy,
      })
      .execute();
  }
  await db.schema.alterTable('soa_decisions').dropColumn('implementation_status').execute();
}

// Frozen copies (a migration does not import runtime code): the SoA status → control status rule
// of packages/domain/src/controls.ts for a control without a record yet, and platform/ids.ts's UUIDv7.
const STATUS_FROM_SOA: Record<string, string> = {
  not_started: 'planned',
  planned: 'planned',
  in_progress: 'implementing',
  implemented: 'operating',
};

function newId(now = Date.now()): string {
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
