import type { Actor, AuditInput } from '../../platform/audit';
import type { Tx } from '../../platform/db/connect';
import type { DocumentFormat } from '../../platform/documents/send';
import { nextNumber } from '../../platform/db/record-numbers';
import { writeOne } from '../../platform/db/versioned';
import type { FileStore } from '../../platform/files';
import { newId, nowIso } from '../../platform/ids';
import type { Deps } from '../../platform/transaction';
import { downloadVersion, type VersionFile } from './downloads';
import { ENTITY } from './drafts';
import { freezeFiles } from './lifecycle';
import { findDocument, findVersion, type FrozenRegister, type RecordContent } from './repository';
import { documentType } from './types';

// Records (document kind "record"): documented information retained as evidence, such as an
// internal audit report. A record is made from its live object when that object is signed off: one
// document with one version, published at once, its sections frozen in the version and its .docx
// and .pdf kept by SHA-256, so it reads the same for as long as it is kept. It has no drafts, no
// new versions and is never withdrawn (drafts.ts and lifecycle.ts refuse), and it is listed with
// the organization's documents and in the master list of documented information.

export type NewRecord = {
  typeId: string;
  title: string;
  ownerId: string | null;
  /** The rendering to keep, and what it was rendered from (such as "AUD-3, signed off 2026-12-11"). */
  frozen: FrozenRegister;
};

/** Creates and freezes the record inside the caller's transaction; returns the document's id. */
export async function freezeRecordInTx(
  deps: Deps,
  tx: Tx,
  store: FileStore,
  audit: (e: AuditInput) => Promise<void>,
  actor: Actor,
  orgId: string,
  input: NewRecord,
): Promise<string> {
  const type = documentType(input.typeId);
  if (type.kind !== 'record') throw new Error(`${type.id} is not a record type`);
  const number = await nextNumber(tx, orgId, `document:${type.prefix}`);
  const now = nowIso();
  const id = newId();
  await tx
    .insertInto('documents')
    .values({
      id,
      orgId,
      typeId: type.id,
      prefix: type.prefix,
      number,
      title: input.title,
      ownerId: input.ownerId,
      approverId: actor.userId,
      answers: '{}',
      createdAt: now,
      createdBy: actor.userId,
    })
    .execute();
  const content: RecordContent = { kind: 'record', frozen: input.frozen };
  const versionId = newId();
  // Signed off and in force at once: the sign-off is its approval.
  const stamp = {
    approvedAt: now,
    approvedBy: actor.userId,
    approvedByName: actor.name,
    approvalComment: 'Signed off',
    publishedAt: now,
    publishedByName: actor.name,
  };
  await tx
    .insertInto('documentVersions')
    .values({
      id: versionId,
      orgId,
      documentId: id,
      major: 1,
      minor: 0,
      state: 'published',
      material: 1,
      title: input.title,
      content: JSON.stringify(content),
      changeSummary: 'Signed off and frozen as a record',
      version: 1,
      createdAt: now,
      createdBy: actor.userId,
      updatedAt: now,
      updatedBy: actor.userId,
      submittedAt: null,
      submittedByName: null,
      reviewDue: null,
      ...stamp,
      docxSha256: null,
      pdfSha256: null,
      nextReviewAt: null,
      endedAt: null,
      endReason: null,
    })
    .execute();
  const d = (await findDocument(tx, orgId, id))!;
  const v = (await findVersion(tx, orgId, id, versionId))!;
  const files = await freezeFiles(deps, tx, store, actor, orgId, d, v, {});
  await writeOne(
    tx.updateTable('documentVersions').set(files).where('orgId', '=', orgId).where('id', '=', versionId),
    () => new Error('The record version just written is gone'),
  );
  await audit({
    orgId,
    actor,
    action: 'document.record_frozen',
    entityType: ENTITY,
    entityId: id,
    after: { title: input.title, typeId: type.id, version: '1.0', basis: input.frozen.basis, ...files },
  });
  return id;
}

/** The file of a record (its one version), for the routes that serve a signed-off object's report or minutes. */
export async function recordFile(
  deps: Deps,
  store: FileStore,
  orgId: string,
  documentId: string,
  format: DocumentFormat,
): Promise<VersionFile> {
  const v = await deps.db
    .selectFrom('documentVersions')
    .select('id')
    .where('orgId', '=', orgId)
    .where('documentId', '=', documentId)
    .executeTakeFirstOrThrow();
  return downloadVersion(deps, store, orgId, documentId, v.id, format);
}
