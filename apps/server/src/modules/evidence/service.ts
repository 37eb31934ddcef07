import {
  evidenceFileType,
  MAX_EVIDENCE_FILE_BYTES,
  ZEvidenceFields,
  ZEvidenceLinkTarget,
  type CreateEvidenceLink,
  type EvidenceSubjectType,
  type UpdateEvidence,
} from '@fortytwo/domain';
import type { z } from 'zod';
import type { Actor } from '../../platform/audit';
import type { Tx } from '../../platform/db/connect';
import { nextNumber } from '../../platform/db/record-numbers';
import { writeOne } from '../../platform/db/versioned';
import { AppError, notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { safeFileName, servedType, type FileStore } from '../../platform/files';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, within, type Deps } from '../../platform/transaction';
import { isActiveMember } from '../orgs/members';
import { assertSubject, evidenceReference, linkCounts, linkEvidence, unlinkEvidence, type AuditFn } from './links';
import { findEvidence, findRevision, getEvidenceDetail } from './read';
import type { EvidenceOut } from './schema';

// Use cases of the evidence library: add a file or a link, change its details, add a revision,
// attach and detach, delete. Each write is one transaction with its audit event.

export type NewFile = { name: string; bytes: Buffer };
export type Target = { subjectType: EvidenceSubjectType; subjectId: string };
type Fields = z.output<typeof ZEvidenceFields>;

/** Checks an uploaded file (size, type by name and content) and names it safely. */
export function checkEvidenceFile(file: NewFile): { name: string; mediaType: string } {
  if (file.bytes.length === 0)
    throw new AppError('VALIDATION', 'The file is empty: choose the evidence file again.', {
      issues: [{ path: 'body.file', message: 'empty file' }],
    });
  if (file.bytes.length > MAX_EVIDENCE_FILE_BYTES)
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Evidence files are at most ${MAX_EVIDENCE_FILE_BYTES / 1024 / 1024} MB. Nothing was changed.`,
    );
  const name = safeFileName(file.name);
  const type = evidenceFileType(name, file.bytes.subarray(0, 8));
  if (!type.ok)
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `${type.message} Nothing was changed.`, {
      issues: [{ path: 'body.file', message: type.message }],
    });
  return { name, mediaType: type.mediaType };
}

async function checkOwner(tx: Tx, orgId: string, ownerId: string | null | undefined) {
  if (ownerId && !(await isActiveMember(tx, orgId, ownerId)))
    throw ruleViolation('Owner must be a current member of this organization: choose another owner.', {
      field: 'ownerId',
    });
}

const noDates = (f: { effectiveOn: string | null; expiresOn: string | null }) => {
  if (f.effectiveOn && f.expiresOn && f.expiresOn < f.effectiveOn)
    throw new AppError('VALIDATION', 'Review or expiry date must be on or after the effective date.', {
      issues: [{ path: 'expiresOn', message: 'before the effective date' }],
    });
};

export type Content =
  | { kind: 'file'; sha256: string; fileName: string; size: number; mediaType: string; url: null }
  | { kind: 'link'; sha256: null; fileName: null; size: null; mediaType: null; url: string };

/** Inserts evidence with its first revision inside the caller's transaction (the gap analysis uploads through here too). */
export async function insertEvidenceIn(
  tx: Tx,
  audit: AuditFn,
  actor: Actor,
  orgId: string,
  fields: Fields & { title: string },
  content: Content,
): Promise<string> {
  noDates(fields);
  await checkOwner(tx, orgId, fields.ownerId);
  const now = nowIso();
  const id = newId();
  const number = await nextNumber(tx, orgId, 'evidence');
  await tx
    .insertInto('evidence')
    .values({
      id,
      orgId,
      number,
      title: fields.title,
      description: fields.description,
      ownerId: fields.ownerId,
      effectiveOn: fields.effectiveOn,
      expiresOn: fields.expiresOn,
      revision: 1,
      ...content,
      version: 1,
      createdAt: now,
      createdBy: actor.userId,
      updatedAt: now,
      updatedBy: actor.userId,
    })
    .execute();
  await tx
    .insertInto('evidenceRevisions')
    .values({
      id: newId(),
      orgId,
      evidenceId: id,
      revision: 1,
      ...content,
      note: '',
      createdAt: now,
      createdBy: actor.userId,
    })
    .execute();
  await audit({
    orgId,
    actor,
    action: 'evidence.created',
    entityType: 'evidence',
    entityId: id,
    after: {
      reference: evidenceReference(number),
      title: fields.title,
      ...content,
      ownerId: fields.ownerId,
      effectiveOn: fields.effectiveOn,
      expiresOn: fields.expiresOn,
    },
  });
  return id;
}

async function insertEvidence(
  deps: Deps,
  actor: Actor,
  orgId: string,
  fields: Fields & { title: string },
  content: Content,
  target: Target | null,
): Promise<EvidenceOut> {
  noDates(fields);
  return inTransaction(deps, async (tx, audit) => {
    if (target) await assertSubject(tx, orgId, target.subjectType, target.subjectId);
    const id = await insertEvidenceIn(tx, audit, actor, orgId, fields, content);
    if (target) await linkEvidence(tx, { orgId, evidenceId: id, ...target, by: actor, audit });
    return (await findEvidence(tx, orgId, id))!;
  });
}

/** Stores an uploaded file's bytes after checking it; the content of its revision. */
export async function storeEvidenceFile(store: FileStore, file: NewFile): Promise<Content> {
  const { name, mediaType } = checkEvidenceFile(file);
  return {
    kind: 'file',
    sha256: await store.put(file.bytes),
    fileName: name,
    size: file.bytes.length,
    mediaType,
    url: null,
  };
}

/** A file into the library (bytes first: content-addressed, so a rollback leaves at worst an unreferenced copy). */
export async function createFileEvidence(
  deps: Deps,
  store: FileStore,
  actor: Actor,
  orgId: string,
  file: NewFile,
  fields: Fields,
  target: Target | null = null,
): Promise<EvidenceOut> {
  noDates(fields);
  const content = await storeEvidenceFile(store, file);
  return insertEvidence(deps, actor, orgId, { ...fields, title: fields.title ?? content.fileName! }, content, target);
}

export function createLinkEvidence(
  deps: Deps,
  actor: Actor,
  orgId: string,
  input: CreateEvidenceLink,
  target: Target | null = null,
): Promise<EvidenceOut> {
  const { url, ...fields } = input;
  return insertEvidence(
    deps,
    actor,
    orgId,
    fields,
    { kind: 'link', sha256: null, fileName: null, size: null, mediaType: null, url },
    target,
  );
}

export function updateEvidence(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  input: UpdateEvidence,
): Promise<EvidenceOut> {
  return inTransaction(deps, async (tx, audit) => {
    const before = await findEvidence(tx, orgId, id);
    if (!before) throw notFound('Evidence');
    if (before.version !== input.version) throw staleVersion('evidence', before);
    const { version: _v, ...changes } = input;
    const merged = {
      effectiveOn: changes.effectiveOn !== undefined ? changes.effectiveOn : before.effectiveOn,
      expiresOn: changes.expiresOn !== undefined ? changes.expiresOn : before.expiresOn,
    };
    noDates(merged);
    if (changes.ownerId !== undefined && changes.ownerId !== before.ownerId)
      await checkOwner(tx, orgId, changes.ownerId);
    await writeOne(
      tx
        .updateTable('evidence')
        .set({ ...changes, version: before.version + 1, updatedAt: nowIso(), updatedBy: actor.userId })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', input.version),
      () => staleVersion('evidence', before),
    );
    const pick = (o: Record<string, unknown>) => Object.fromEntries(Object.keys(changes).map((k) => [k, o[k]]));
    await audit({
      orgId,
      actor,
      action: 'evidence.updated',
      entityType: 'evidence',
      entityId: id,
      before: pick(before),
      after: changes,
    });
    return (await findEvidence(tx, orgId, id))!;
  });
}

/** A new file or URL replaces the current one; the earlier revisions are kept. */
export async function addRevision(
  deps: Deps,
  store: FileStore | null,
  actor: Actor,
  orgId: string,
  id: string,
  input: { version: number; note: string; file?: NewFile; url?: string },
) {
  let content: Content;
  if (input.file) {
    if (!store) throw new Error('a file revision needs the file store');
    content = await storeEvidenceFile(store, input.file);
  } else if (input.url)
    content = { kind: 'link', sha256: null, fileName: null, size: null, mediaType: null, url: input.url };
  else throw new AppError('VALIDATION', 'Send the new file (field "file") or the new link (url).');
  return inTransaction(deps, async (tx, audit) => {
    const before = await findEvidence(tx, orgId, id);
    if (!before) throw notFound('Evidence');
    if (before.version !== input.version) throw staleVersion('evidence', before);
    const revision = before.revision + 1;
    const now = nowIso();
    await writeOne(
      tx
        .updateTable('evidence')
        .set({ ...content, revision, version: before.version + 1, updatedAt: now, updatedBy: actor.userId })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', input.version),
      () => staleVersion('evidence', before),
    );
    await tx
      .insertInto('evidenceRevisions')
      .values({
        id: newId(),
        orgId,
        evidenceId: id,
        revision,
        ...content,
        note: input.note,
        createdAt: now,
        createdBy: actor.userId,
      })
      .execute();
    await audit({
      orgId,
      actor,
      action: 'evidence.revised',
      entityType: 'evidence',
      entityId: id,
      before: { revision: before.revision, file: before.file, url: before.url },
      after: { revision, ...content, note: input.note },
    });
    return getEvidenceDetail(tx, orgId, id);
  });
}

/** Deleting is for evidence added by mistake: refused while it serves any record. */
export function deleteEvidence(deps: Deps, actor: Actor, orgId: string, id: string): Promise<void> {
  return inTransaction(deps, async (tx, audit) => {
    const before = await findEvidence(tx, orgId, id);
    if (!before) throw notFound('Evidence');
    const links = (await linkCounts(tx, orgId, [id])).get(id) ?? 0;
    if (links > 0)
      throw ruleViolation(
        `${before.reference} is attached to ${links} record${links === 1 ? '' : 's'}. Detach it from each of them first (see "Attached to" on its page); evidence in use is never deleted.`,
        { links },
      );
    await tx.deleteFrom('evidenceRevisions').where('orgId', '=', orgId).where('evidenceId', '=', id).execute();
    await tx.deleteFrom('evidence').where('orgId', '=', orgId).where('id', '=', id).execute();
    await audit({
      orgId,
      actor,
      action: 'evidence.deleted',
      entityType: 'evidence',
      entityId: id,
      before: { reference: before.reference, title: before.title, file: before.file, url: before.url },
    });
  });
}

export function attach(
  deps: Deps,
  actor: Actor,
  orgId: string,
  evidenceId: string,
  target: z.output<typeof ZEvidenceLinkTarget>,
) {
  return inTransaction(deps, async (tx, audit) => {
    await assertSubject(tx, orgId, target.subjectType, target.subjectId);
    await linkEvidence(tx, { orgId, evidenceId, ...target, by: actor, audit });
    return getEvidenceDetail(within(deps, tx).db, orgId, evidenceId);
  });
}

export function detach(
  deps: Deps,
  actor: Actor,
  orgId: string,
  evidenceId: string,
  target: z.output<typeof ZEvidenceLinkTarget>,
) {
  return inTransaction(deps, async (tx, audit) => {
    await unlinkEvidence(tx, { orgId, evidenceId, ...target, by: actor, audit });
  });
}

/** The bytes of a file revision (the current one by default), for download. */
export async function evidenceFile(deps: Deps, store: FileStore, orgId: string, id: string, revision?: number) {
  const ev = await findEvidence(deps.db, orgId, id);
  if (!ev) throw notFound('Evidence');
  const rev = await findRevision(deps.db, orgId, id, revision);
  if (!rev) throw notFound(`Revision ${revision ?? ''} of ${ev.reference}`.replace('  ', ' '));
  if (rev.kind !== 'file' || !rev.sha256)
    throw new AppError(
      'NOT_FOUND',
      `${ev.reference} revision ${rev.revision} is a link, not a file: open ${rev.url ?? 'its link'} instead.`,
    );
  return {
    name: rev.fileName ?? 'evidence',
    contentType: servedType(rev.mediaType ?? ''),
    bytes: await store.read(rev.sha256),
  };
}
