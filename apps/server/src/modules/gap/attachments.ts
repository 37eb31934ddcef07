import type { Actor } from '../../platform/audit';
import { AppError, notFound } from '../../platform/errors';
import { safeFileName, servedType, type FileStore } from '../../platform/files';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { FILE_ENTITY, findAssessment, findItem } from './repository';
import { assertWorking } from './service';
import type { GapItem } from './schema';

// Evidence files uploaded on a requirement of a gap assessment.

export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;
export const MAX_FILES_PER_ITEM = 20;

async function itemOrThrow(deps: Deps, orgId: string, assessmentId: string, ref: string) {
  const a = await findAssessment(deps.db, orgId, assessmentId);
  if (!a) throw notFound('Gap assessment');
  const item = await findItem(deps.db, orgId, assessmentId, ref);
  if (!item) throw notFound(`Requirement "${ref}" in this assessment`);
  return { a, item };
}

export async function addEvidenceFile(deps: Deps, store: FileStore, actor: Actor, orgId: string, assessmentId: string, ref: string, upload: { name: string; mediaType: string; bytes: Buffer }): Promise<GapItem> {
  const { a, item } = await itemOrThrow(deps, orgId, assessmentId, ref);
  assertWorking(a);
  if (upload.bytes.length === 0) throw new AppError('VALIDATION', 'The file is empty: choose the evidence file again.');
  if (item.files.length >= MAX_FILES_PER_ITEM) throw new AppError('RULE_VIOLATION', `A requirement holds at most ${MAX_FILES_PER_ITEM} files; remove one first or link a folder instead.`);
  // Bytes first (content-addressed, so a retry or a rollback leaves at worst an unreferenced copy).
  const sha256 = await store.put(upload.bytes);
  return inTransaction(deps, async (tx, audit) => {
    const file = { id: newId(), orgId, entityType: FILE_ENTITY, entityId: item.id, sha256, name: safeFileName(upload.name), size: upload.bytes.length, mediaType: upload.mediaType || 'application/octet-stream', createdAt: nowIso(), createdBy: actor.userId };
    await tx.insertInto('files').values(file).execute();
    await audit({ orgId, actor, action: 'gap_item.file_added', entityType: 'gap_assessment_item', entityId: item.id, after: { ref, file: { id: file.id, name: file.name, size: file.size, sha256 } } });
    return (await findItem(tx, orgId, assessmentId, ref))!;
  });
}

export async function readEvidenceFile(deps: Deps, store: FileStore, orgId: string, assessmentId: string, ref: string, fileId: string) {
  const { item } = await itemOrThrow(deps, orgId, assessmentId, ref);
  const row = await deps.db.selectFrom('files').selectAll().where('orgId', '=', orgId).where('entityType', '=', FILE_ENTITY).where('entityId', '=', item.id).where('id', '=', fileId).executeTakeFirst();
  if (!row) throw notFound('File');
  return { name: row.name, contentType: servedType(row.mediaType), bytes: await store.read(row.sha256) };
}

export async function removeEvidenceFile(deps: Deps, actor: Actor, orgId: string, assessmentId: string, ref: string, fileId: string): Promise<void> {
  const { a, item } = await itemOrThrow(deps, orgId, assessmentId, ref);
  assertWorking(a);
  await inTransaction(deps, async (tx, audit) => {
    const row = await tx.selectFrom('files').selectAll().where('orgId', '=', orgId).where('entityType', '=', FILE_ENTITY).where('entityId', '=', item.id).where('id', '=', fileId).executeTakeFirst();
    if (!row) throw notFound('File');
    // The row goes; the bytes stay, since a snapshot or another record may share them.
    await tx.deleteFrom('files').where('id', '=', fileId).execute();
    await audit({ orgId, actor, action: 'gap_item.file_removed', entityType: 'gap_assessment_item', entityId: item.id, before: { ref, file: { id: row.id, name: row.name, size: row.size, sha256: row.sha256 } } });
  });
}
