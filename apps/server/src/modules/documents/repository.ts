import { versionLabel, type RichDoc, type VersionState } from '@fortytwo/domain';
import type { Db, Tx } from '../../platform/db/connect';
import type { DocumentTable, DocumentVersionTable } from '../../platform/db/schema';
import type { DocSection } from '../../platform/documents/model';
import type { PersonRef } from '../../platform/people';

// SQL of the documents module: documents, their versions and reviews. Everything is filtered by
// organization; versions are read newest first (major, minor descending).

export type NarrativeContent = { kind: 'narrative'; sections: { key: string; title: string; body: RichDoc }[] };
/** A register document's content: nothing while a draft (it renders live), the frozen rendering once submitted. */
export type FrozenRegister = { sections: DocSection[]; orientation: 'portrait' | 'landscape'; basis: string };
export type RegisterContent = { kind: 'register'; frozen: FrozenRegister | null };
/** A record's content: frozen from its live object when signed off (an audit report), never changed. */
export type RecordContent = { kind: 'record'; frozen: FrozenRegister };
export type VersionContent = NarrativeContent | RegisterContent | RecordContent;

export type VersionRow = DocumentVersionTable;
export type DocumentRow = DocumentTable;

export const parseContent = (v: VersionRow): VersionContent => JSON.parse(v.content) as VersionContent;
export const labelOf = (v: Pick<VersionRow, 'major' | 'minor'>) => versionLabel(v);
export const stateOf = (v: Pick<VersionRow, 'state'>) => v.state as VersionState;

export function findDocument(db: Db | Tx, orgId: string, id: string) {
  return db.selectFrom('documents').selectAll().where('orgId', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export function listDocumentRows(db: Db | Tx, orgId: string) {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('orgId', '=', orgId)
    .orderBy('prefix')
    .orderBy('number')
    .execute();
}

export function versionsOf(db: Db | Tx, orgId: string, documentIds: string[]) {
  if (!documentIds.length) return Promise.resolve([] as VersionRow[]);
  return db
    .selectFrom('documentVersions')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('documentId', 'in', documentIds)
    .orderBy('major', 'desc')
    .orderBy('minor', 'desc')
    .execute();
}

export function findVersion(db: Db | Tx, orgId: string, documentId: string, versionId: string) {
  return db
    .selectFrom('documentVersions')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('documentId', '=', documentId)
    .where('id', '=', versionId)
    .executeTakeFirst();
}

export function reviewsOf(db: Db | Tx, orgId: string, versionId: string) {
  return db
    .selectFrom('documentReviews')
    .leftJoin('users', 'users.id', 'documentReviews.reviewerId')
    .selectAll('documentReviews')
    .select('users.name as reviewerName')
    .where('documentReviews.orgId', '=', orgId)
    .where('documentReviews.versionId', '=', versionId)
    .orderBy('documentReviews.round')
    .orderBy('users.name')
    .execute();
}

/** The organization's members with their emails: a document's owner and approver as the answers' `people` carry them. */
export async function memberPeople(db: Db | Tx, orgId: string): Promise<Map<string, PersonRef>> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(['users.id', 'users.name', 'users.email'])
    .where('memberships.orgId', '=', orgId)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function memberNames(db: Db | Tx, orgId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(['users.id', 'users.name'])
    .where('memberships.orgId', '=', orgId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
