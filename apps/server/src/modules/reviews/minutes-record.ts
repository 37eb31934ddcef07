import type { AuditInput, Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import type { DocumentFormat } from '../../platform/documents/send';
import { notFound } from '../../platform/errors';
import type { FileStore } from '../../platform/files';
import type { Deps } from '../../platform/transaction';
import type { VersionFile } from '../documents/downloads';
import { freezeRecordInTx, recordFile } from '../documents/records';
import { minutesDocument } from './minutes';
import type { ReviewOut } from './service';

// The minutes of a signed-off management review are a record (9.3.3: the results of management
// reviews are retained as documented information), kept the way an internal audit report is
// (documents/records.ts): one published version whose sections and .docx/.pdf are frozen when the
// chair signs off, listed with the organization's documents and in the master list.

export async function organizationName(db: Db | Tx, orgId: string): Promise<string> {
  const org = await db.selectFrom('organizations').select('name').where('id', '=', orgId).executeTakeFirstOrThrow();
  return org.name;
}

/** Freezes the minutes as signed off, inside the sign-off's transaction; returns the record's id. */
export function freezeMinutesInTx(
  deps: Deps,
  tx: Tx,
  store: FileStore,
  audit: (e: AuditInput) => Promise<void>,
  actor: Actor,
  orgId: string,
  input: { organizationName: string; review: ReviewOut },
): Promise<string> {
  const r = input.review;
  const minutes = minutesDocument(input.organizationName, r);
  return freezeRecordInTx(deps, tx, store, audit, actor, orgId, {
    typeId: 'management-review-minutes',
    title: `Management review minutes ${r.ref}: ${r.title}`,
    ownerId: r.chairId ?? actor.userId,
    frozen: {
      sections: [{ heading: 'The review', bullets: minutes.meta.map(([k, v]) => `${k}: ${v}`) }, ...minutes.sections],
      orientation: 'portrait',
      basis: `${r.ref}, signed off ${r.signedOffAt?.slice(0, 10) ?? ''}`,
    },
  });
}

/** A signed-off review's minutes are its record's stored file; null before sign-off. */
export async function minutesRecordFile(
  deps: Deps,
  store: FileStore,
  orgId: string,
  id: string,
  format: DocumentFormat,
): Promise<VersionFile | null> {
  const r = await deps.db
    .selectFrom('managementReviews')
    .select('minutesDocumentId')
    .where('orgId', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound('Management review');
  return r.minutesDocumentId ? recordFile(deps, store, orgId, r.minutesDocumentId, format) : null;
}
