import type { z } from 'zod';
import type { DocumentType } from '@fortytwo/catalog';
import {
  generateDraft,
  nextVersionNumber,
  type DocumentAnswers,
  type ZCreateDocument,
  type ZUpdateDraft,
} from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Tx } from '../../platform/db/connect';
import { nextNumber } from '../../platform/db/record-numbers';
import { writeOne } from '../../platform/db/versioned';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { isActiveMember } from '../orgs/members';
import { gatherFacts } from './facts';
import { readDocument, readVersion } from './read';
import { findDocument, findVersion, parseContent, stateOf, versionsOf, type VersionContent } from './repository';
import { readSettings } from './settings';
import { documentType } from './types';

// Writing documents: a new document starts as draft 1.0, generated from the organization's records
// and the wizard's answers; a published document is changed through a new draft beside it; only a
// draft is ever edited. Documents are never deleted: a version is withdrawn instead.

export const ENTITY = 'document';

async function checkPeople(
  tx: Tx,
  orgId: string,
  people: { ownerId?: string | null | undefined; approverId?: string | null | undefined },
) {
  for (const field of ['ownerId', 'approverId'] as const) {
    const id = people[field];
    if (id && !(await isActiveMember(tx, orgId, id)))
      throw ruleViolation(
        `The ${field === 'ownerId' ? 'owner' : 'approver'} must be a current member of this organization`,
        { field },
      );
  }
}

/** The first content of a version of this type: generated sections for a narrative, a live register otherwise. */
async function firstContent(
  tx: Tx,
  orgId: string,
  type: DocumentType,
  answers: DocumentAnswers,
  people: { ownerId: string | null; approverId: string | null },
): Promise<VersionContent> {
  if (type.kind !== 'narrative') return { kind: 'register', frozen: null };
  return { kind: 'narrative', sections: generateDraft(type, await gatherFacts(tx, orgId, people), answers) };
}

export function createDocument(deps: Deps, actor: Actor, orgId: string, input: z.output<typeof ZCreateDocument>) {
  const type = documentType(input.typeId);
  if (type.kind === 'record')
    throw ruleViolation(
      `${type.title} is a record: it is created from its own page (an impact assessment sign-off, an audit report), not here.`,
      { field: 'typeId' },
    );
  return inTransaction(deps, async (tx, audit) => {
    const settings = await readSettings(tx, orgId);
    const people = {
      ownerId: input.ownerId ?? settings.defaultOwnerId,
      approverId: input.approverId ?? settings.defaultApproverId,
    };
    await checkPeople(tx, orgId, people);
    const number = await nextNumber(tx, orgId, `document:${type.prefix}`);
    const now = nowIso();
    const id = newId();
    const title = input.title ?? type.title;
    await tx
      .insertInto('documents')
      .values({
        id,
        orgId,
        typeId: type.id,
        prefix: type.prefix,
        number,
        title,
        ownerId: people.ownerId,
        approverId: people.approverId,
        answers: JSON.stringify(input.answers),
        createdAt: now,
        createdBy: actor.userId,
      })
      .execute();
    const content = await firstContent(tx, orgId, type, input.answers, people);
    await insertVersion(tx, actor, orgId, id, {
      major: 1,
      minor: 0,
      material: true,
      title,
      content,
      changeSummary: 'First version',
    });
    const created = await readDocument(tx, orgId, id);
    await audit({
      orgId,
      actor,
      action: 'document.created',
      entityType: ENTITY,
      entityId: id,
      after: { code: created.code, title, typeId: type.id, version: '1.0' },
    });
    return created;
  });
}

async function insertVersion(
  tx: Tx,
  actor: Actor,
  orgId: string,
  documentId: string,
  v: { major: number; minor: number; material: boolean; title: string; content: VersionContent; changeSummary: string },
) {
  const now = nowIso();
  const id = newId();
  await tx
    .insertInto('documentVersions')
    .values({
      id,
      orgId,
      documentId,
      major: v.major,
      minor: v.minor,
      state: 'draft',
      material: v.material ? 1 : 0,
      title: v.title,
      content: JSON.stringify(v.content),
      changeSummary: v.changeSummary,
      version: 1,
      createdAt: now,
      createdBy: actor.userId,
      updatedAt: now,
      updatedBy: actor.userId,
      submittedAt: null,
      submittedByName: null,
      reviewDue: null,
      approvedAt: null,
      approvedBy: null,
      approvedByName: null,
      approvalComment: null,
      docxSha256: null,
      pdfSha256: null,
      publishedAt: null,
      publishedByName: null,
      nextReviewAt: null,
      endedAt: null,
      endReason: null,
    })
    .execute();
  return id;
}

/** One draft at a time, and only once nothing is waiting: the new draft starts from the version in force. */
export function startNewDraft(
  deps: Deps,
  actor: Actor,
  orgId: string,
  documentId: string,
  input: { material: boolean },
) {
  return inTransaction(
    deps,
    async (tx, audit) => {
      const d = await findDocument(tx, orgId, documentId);
      if (!d) throw notFound('Document');
      if (documentType(d.typeId).kind === 'record')
        throw ruleViolation('This is a record, frozen when it was signed off: it has no new versions.');
      const versions = await versionsOf(tx, orgId, [documentId]);
      const open = versions.find((v) => ['draft', 'in_review', 'approved'].includes(v.state));
      if (open)
        throw ruleViolation(
          `Version ${open.major}.${open.minor} is still ${stateOf(open).replace('_', ' ')}: finish or withdraw it before starting another.`,
        );
      const base = versions.find((v) => v.state === 'published');
      if (!base)
        throw ruleViolation(
          'There is no published version to change. Withdrawn documents stay as they are; create a new document instead.',
        );
      const number = nextVersionNumber({ major: base.major, minor: base.minor }, input.material);
      const content = parseContent(base);
      // A register's next version renders live again; a narrative starts from the text in force.
      const next: VersionContent = content.kind === 'register' ? { kind: 'register', frozen: null } : content;
      const id = await insertVersion(tx, actor, orgId, documentId, {
        ...number,
        material: input.material,
        title: base.title,
        content: next,
        changeSummary: '',
      });
      await audit({
        orgId,
        actor,
        action: 'document_version.created',
        entityType: ENTITY,
        entityId: documentId,
        after: { version: `${number.major}.${number.minor}`, material: input.material },
      });
      return readVersion(tx, orgId, documentId, id);
    },
    { lock: `document:${documentId}` },
  );
}

export function updateDraft(
  deps: Deps,
  actor: Actor,
  orgId: string,
  documentId: string,
  versionId: string,
  patch: z.output<typeof ZUpdateDraft>,
) {
  return inTransaction(deps, async (tx, audit) => {
    const d = await findDocument(tx, orgId, documentId);
    const v = await findVersion(tx, orgId, documentId, versionId);
    if (!d || !v) throw notFound('Document version');
    const before = await readVersion(tx, orgId, documentId, versionId);
    if (v.version !== patch.version) throw staleVersion('document version', before);
    if (v.state !== 'draft')
      throw ruleViolation(
        `Version ${before.label} is ${before.state.replace('_', ' ')} and kept as it is. Only a draft is edited${before.state === 'in_review' ? '; recall it from review to change it' : ''}.`,
      );
    const content = parseContent(v);
    const set: Record<string, unknown> = { version: v.version + 1, updatedAt: nowIso(), updatedBy: actor.userId };
    if (patch.title !== undefined) set.title = patch.title;
    if (patch.changeSummary !== undefined) set.changeSummary = patch.changeSummary;
    if (patch.material !== undefined && patch.material !== (v.material === 1)) {
      // The number follows from the version in force: 1.3 → 1.4 (non-material) or 2.0 (material).
      const base = (await versionsOf(tx, orgId, [documentId])).find((x) => x.state === 'published');
      if (!base)
        throw ruleViolation(
          'The first version of a document is always a material change: it needs review and approval.',
          { field: 'material' },
        );
      const n = nextVersionNumber({ major: base.major, minor: base.minor }, patch.material);
      Object.assign(set, { material: patch.material ? 1 : 0, major: n.major, minor: n.minor });
    }
    if (patch.sections !== undefined) {
      if (content.kind !== 'narrative')
        throw ruleViolation('This document is rendered from its register: change the register, not the text.', {
          field: 'sections',
        });
      const known = new Set(documentType(d.typeId).sections.map((s) => s.key));
      const custom = patch.sections.filter((s) => !known.has(s.key) && !s.key.startsWith('custom'));
      if (custom.length)
        throw ruleViolation(
          `Unknown section "${custom[0]!.key}": use the type's sections, or keys starting with "custom" for sections of your own`,
          { field: 'sections' },
        );
      set.content = JSON.stringify({ kind: 'narrative', sections: patch.sections });
    }
    if (patch.answers !== undefined)
      await writeOne(
        tx
          .updateTable('documents')
          .set({ answers: JSON.stringify(patch.answers) })
          .where('orgId', '=', orgId)
          .where('id', '=', documentId),
        () => notFound('Document'),
      );
    await writeOne(
      tx
        .updateTable('documentVersions')
        .set(set)
        .where('orgId', '=', orgId)
        .where('id', '=', versionId)
        .where('version', '=', patch.version),
      () => staleVersion('document version', before),
    );
    const after = await readVersion(tx, orgId, documentId, versionId);
    await audit({
      orgId,
      actor,
      action: 'document_version.updated',
      entityType: ENTITY,
      entityId: documentId,
      before: { version: before.label, title: before.title, material: before.material },
      after: {
        version: after.label,
        title: after.title,
        material: after.material,
        fields: Object.keys(patch).filter((k) => k !== 'version'),
      },
    });
    return after;
  });
}

/** Writes the chosen sections again from the records as they are now and the saved answers; other sections keep their text. */
export function regenerateSections(
  deps: Deps,
  actor: Actor,
  orgId: string,
  documentId: string,
  versionId: string,
  input: { version: number; sectionKeys: string[] },
) {
  return inTransaction(deps, async (tx, audit) => {
    const d = await findDocument(tx, orgId, documentId);
    const v = await findVersion(tx, orgId, documentId, versionId);
    if (!d || !v) throw notFound('Document version');
    const before = await readVersion(tx, orgId, documentId, versionId);
    if (v.version !== input.version) throw staleVersion('document version', before);
    if (v.state !== 'draft') throw ruleViolation('Only a draft is written again from the records.');
    const content = parseContent(v);
    if (content.kind !== 'narrative')
      throw ruleViolation('A register document always renders from its register; there is nothing to write again.');
    const type = documentType(d.typeId);
    const fresh = generateDraft(
      type,
      await gatherFacts(tx, orgId, { ownerId: d.ownerId, approverId: d.approverId }),
      JSON.parse(d.answers) as DocumentAnswers,
    );
    const keys = new Set(input.sectionKeys.length ? input.sectionKeys : type.sections.map((s) => s.key));
    const unknown = [...keys].filter((k) => !fresh.some((s) => s.key === k));
    if (unknown.length) throw ruleViolation(`Unknown section "${unknown[0]!}"`, { field: 'sectionKeys' });
    const sections = content.sections.map((s) => (keys.has(s.key) ? (fresh.find((f) => f.key === s.key) ?? s) : s));
    for (const f of fresh) if (keys.has(f.key) && !sections.some((s) => s.key === f.key)) sections.push(f);
    await writeOne(
      tx
        .updateTable('documentVersions')
        .set({
          content: JSON.stringify({ kind: 'narrative', sections }),
          version: v.version + 1,
          updatedAt: nowIso(),
          updatedBy: actor.userId,
        })
        .where('orgId', '=', orgId)
        .where('id', '=', versionId)
        .where('version', '=', input.version),
      () => staleVersion('document version', before),
    );
    await audit({
      orgId,
      actor,
      action: 'document_version.regenerated',
      entityType: ENTITY,
      entityId: documentId,
      after: { version: before.label, sections: [...keys] },
    });
    return readVersion(tx, orgId, documentId, versionId);
  });
}
