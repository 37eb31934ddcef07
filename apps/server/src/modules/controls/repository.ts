import type { ControlStatus, ImplementationFacts, OccurrenceFact, OccurrenceOutcome } from '@fortytwo/domain';
import type { Db, Tx } from '../../platform/db/connect';
import type { ControlImplementationTable, ControlOccurrenceTable } from '../../platform/db/schema';
import type { PersonRef } from '../../platform/people';

// The stored rows of control implementations and their occurrences, and the one reading of them
// other modules use (the SoA takes its implementation status from `implementationStatuses`).

export type ImplementationRow = ControlImplementationTable;
export type OccurrenceRow = ControlOccurrenceTable;

export const factsOf = (r: ImplementationRow): ImplementationFacts => ({
  status: r.status as ControlStatus,
  statusSince: r.statusSince,
  interruptedOn: r.interruptedOn,
  cadenceMonths: r.cadenceMonths === null ? null : Number(r.cadenceMonths),
  dueOn: r.dueOn,
});
export const occurrenceFact = (o: Pick<OccurrenceRow, 'performedOn' | 'outcome'>): OccurrenceFact => ({
  performedOn: o.performedOn,
  outcome: o.outcome as OccurrenceOutcome,
});

export async function findImplementation(db: Db | Tx, orgId: string, ref: string) {
  return db
    .selectFrom('controlImplementations')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('ref', '=', ref)
    .executeTakeFirst();
}

export async function listImplementations(db: Db | Tx, orgId: string, ownerId?: string) {
  let q = db.selectFrom('controlImplementations').selectAll().where('orgId', '=', orgId);
  if (ownerId !== undefined) q = q.where('ownerId', '=', ownerId);
  return q.execute();
}

/** The SoA's source: each implemented control's status by ref. */
export async function implementationStatuses(db: Db | Tx, orgId: string): Promise<Map<string, ControlStatus>> {
  const rows = await db
    .selectFrom('controlImplementations')
    .select(['ref', 'status'])
    .where('orgId', '=', orgId)
    .execute();
  return new Map(rows.map((r) => [r.ref, r.status as ControlStatus]));
}

export async function occurrencesOf(db: Db | Tx, orgId: string, ref?: string) {
  let q = db.selectFrom('controlOccurrences').selectAll().where('orgId', '=', orgId);
  if (ref !== undefined) q = q.where('ref', '=', ref);
  return q.orderBy('performedOn', 'desc').orderBy('createdAt', 'desc').execute();
}

/** Every occurrence's date and outcome by ref: what the computed facts need for the whole register. */
export async function occurrenceFactsByRef(db: Db | Tx, orgId: string): Promise<Map<string, OccurrenceFact[]>> {
  const rows = await db
    .selectFrom('controlOccurrences')
    .select(['ref', 'performedOn', 'outcome'])
    .where('orgId', '=', orgId)
    .execute();
  const out = new Map<string, OccurrenceFact[]>();
  for (const r of rows) out.set(r.ref, [...(out.get(r.ref) ?? []), occurrenceFact(r)]);
  return out;
}

export async function userNames(db: Db | Tx, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The people `ids` name, with their emails: a control's owner as the answers' `people` carry them. */
export async function peopleOf(db: Db | Tx, ids: (string | null)[]): Promise<Map<string, PersonRef>> {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function documentTitles(db: Db | Tx, orgId: string, ids: string[]) {
  if (!ids.length) return new Map<string, { id: string; title: string }>();
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'title'])
    .where('orgId', '=', orgId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, title: r.title }]));
}
