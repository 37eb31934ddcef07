import type { Actor } from '../../platform/audit';
import { AppError, notFound } from '../../platform/errors';
import { servedType, type FileStore } from '../../platform/files';
import { inTransaction, type Deps } from '../../platform/transaction';
import { evidenceReference, linkEvidence, unlinkEvidence } from '../evidence/links';
import { insertEvidenceIn, storeEvidenceFile } from '../evidence/service';
import { findAssessment, findItem, REQUIREMENT } from './repository';
import { assertWorking } from './service';
import type { GapItem } from './schema';

// Evidence files uploaded on a requirement of a gap assessment. Since 0016 they live in the
// organization's evidence library: an upload here adds a piece of evidence (same checks as the
// library: size, type, name) attached to the requirement; removing it here detaches it, and the
// evidence stays in the library, where it can serve other records or be deleted.

export { MAX_EVIDENCE_FILE_BYTES as MAX_EVIDENCE_BYTES } from '@fortytwo/domain';
export const MAX_FILES_PER_ITEM = 20;

async function itemOrThrow(deps: Deps, orgId: string, assessmentId: string, ref: string) {
  const a = await findAssessment(deps.db, orgId, assessmentId);
  if (!a) throw notFound('Gap assessment');
  const item = await findItem(deps.db, orgId, assessmentId, ref);
  if (!item) throw notFound(`Requirement "${ref}" in this assessment`);
  return { a, item };
}

export async function addEvidenceFile(
  deps: Deps,
  store: FileStore,
  actor: Actor,
  orgId: string,
  assessmentId: string,
  ref: string,
  upload: { name: string; mediaType: string; bytes: Buffer },
): Promise<GapItem> {
  const { a, item } = await itemOrThrow(deps, orgId, assessmentId, ref);
  assertWorking(a);
  if (upload.bytes.length === 0) throw new AppError('VALIDATION', 'The file is empty: choose the evidence file again.');
  if (item.files.length >= MAX_FILES_PER_ITEM)
    throw new AppError(
      'RULE_VIOLATION',
      `A requirement holds at most ${MAX_FILES_PER_ITEM} files; remove one first or link a folder instead.`,
    );
  // Bytes first (content-addressed, so a retry or a rollback leaves at worst an unreferenced copy).
  const content = await storeEvidenceFile(store, upload);
  return inTransaction(deps, async (tx, audit) => {
    const id = await insertEvidenceIn(
      tx,
      audit,
      actor,
      orgId,
      { title: content.fileName!, description: '', ownerId: actor.userId, effectiveOn: null, expiresOn: null },
      content,
    );
    await linkEvidence(tx, { orgId, evidenceId: id, subjectType: REQUIREMENT, subjectId: item.id, by: actor, audit });
    await audit({
      orgId,
      actor,
      action: 'gap_item.file_added',
      entityType: 'gap_assessment_item',
      entityId: item.id,
      after: { ref, file: { id, name: content.fileName, size: content.size, sha256: content.sha256 } },
    });
    return (await findItem(tx, orgId, assessmentId, ref))!;
  });
}

/** A file attached to this item (the evidence's current revision). */
async function attachedFile(db: Deps['db'], orgId: string, itemId: string, fileId: string) {
  return db
    .selectFrom('evidence')
    .innerJoin('evidenceLinks', 'evidenceLinks.evidenceId', 'evidence.id')
    .select([
      'evidence.id',
      'evidence.number',
      'evidence.kind',
      'evidence.sha256',
      'evidence.fileName',
      'evidence.size',
      'evidence.mediaType',
    ])
    .where('evidence.orgId', '=', orgId)
    .where('evidence.id', '=', fileId)
    .where('evidenceLinks.subjectType', '=', REQUIREMENT)
    .where('evidenceLinks.subjectId', '=', itemId)
    .executeTakeFirst();
}

export async function readEvidenceFile(
  deps: Deps,
  store: FileStore,
  orgId: string,
  assessmentId: string,
  ref: string,
  fileId: string,
) {
  const { item } = await itemOrThrow(deps, orgId, assessmentId, ref);
  const row = await attachedFile(deps.db, orgId, item.id, fileId);
  if (!row || row.kind !== 'file' || !row.sha256) throw notFound('File');
  return {
    name: row.fileName ?? 'evidence',
    contentType: servedType(row.mediaType ?? ''),
    bytes: await store.read(row.sha256),
  };
}

export async function removeEvidenceFile(
  deps: Deps,
  actor: Actor,
  orgId: string,
  assessmentId: string,
  ref: string,
  fileId: string,
): Promise<void> {
  const { a, item } = await itemOrThrow(deps, orgId, assessmentId, ref);
  assertWorking(a);
  await inTransaction(deps, async (tx, audit) => {
    const row = await attachedFile(tx, orgId, item.id, fileId);
    if (!row) throw notFound('File');
    // Detached, not deleted: a snapshot or another record may still rely on it.
    await unlinkEvidence(tx, {
      orgId,
      evidenceId: row.id,
      subjectType: REQUIREMENT,
      subjectId: item.id,
      by: actor,
      audit,
    });
    await audit({
      orgId,
      actor,
      action: 'gap_item.file_removed',
      entityType: 'gap_assessment_item',
      entityId: item.id,
      before: {
        ref,
        file: {
          id: row.id,
          reference: evidenceReference(row.number),
          name: row.fileName,
          size: row.size,
          sha256: row.sha256,
        },
      },
    });
  });
}
