import type { z } from 'zod';
import {
  can,
  nextReviewDate,
  placeholdersIn,
  transition,
  versionLabel,
  type Role,
  type VersionAction,
  type ZReviewDecision,
  type ZSubmitForReview,
  type ZVersionDecision,
} from '@fortytwo/domain';
import type { Actor, AuditInput } from '../../platform/audit';
import type { Tx } from '../../platform/db/connect';
import { writeOne } from '../../platform/db/versioned';
import { renderDocx } from '../../platform/documents/docx';
import { renderPdf } from '../../platform/documents/pdf';
import { forbidden, notFound, ruleViolation, staleVersion } from '../../platform/errors';
import type { FileStore } from '../../platform/files';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, within, type Deps } from '../../platform/transaction';
import { completeActionsInTx, createActionsInTx } from '../actions/service';
import { isActiveMember } from '../orgs/members';
import { ENTITY } from './drafts';
import { readVersion } from './read';
import { liveRegister, renderVersion } from './render';
import {
  findDocument,
  findVersion,
  labelOf,
  parseContent,
  stateOf,
  versionsOf,
  type DocumentRow,
  type VersionRow,
} from './repository';
import { readSettings } from './settings';
import { documentType } from './types';

// Moving a version through its life cycle (packages/domain/src/documents.ts says which moves are
// allowed). Reviews are tasks on the reviewers' lists; the approver's decision is final. Approval
// renders the .docx and .pdf once and keeps them by SHA-256, so the files an auditor downloads
// are the ones approved. Publishing puts a version in force and supersedes the one before.

type Caller = { actor: Actor; role: Role };
const lockOf = (documentId: string) => ({ lock: `document:${documentId}` });

async function load(tx: Tx, orgId: string, documentId: string, versionId: string, expectedVersion: number) {
  const d = await findDocument(tx, orgId, documentId);
  const v = await findVersion(tx, orgId, documentId, versionId);
  if (!d || !v) throw notFound('Document version');
  if (v.version !== expectedVersion)
    throw staleVersion('document version', await readVersion(tx, orgId, documentId, versionId));
  return { d, v, type: documentType(d.typeId) };
}

/** The state `action` moves the version to, or a 422 saying why it cannot: checked before any work. */
async function target(tx: Tx, orgId: string, d: DocumentRow, v: VersionRow, action: VersionAction) {
  const versions = await versionsOf(tx, orgId, [d.id]);
  const hasApprovedMajor = versions.some((x) => x.id !== v.id && x.approvedAt !== null && x.major === v.major);
  const t = transition(stateOf(v), action, {
    material: v.material === 1,
    hasApprovedMajor,
    first: versions.length === 1,
  });
  if ('problem' in t) throw ruleViolation(t.problem);
  return t.to;
}

async function move(
  tx: Tx,
  orgId: string,
  d: DocumentRow,
  v: VersionRow,
  action: VersionAction,
  set: Record<string, unknown>,
  actor: Actor,
) {
  const to = await target(tx, orgId, d, v, action);
  await writeOne(
    tx
      .updateTable('documentVersions')
      .set({ ...set, state: to, version: v.version + 1, updatedAt: nowIso(), updatedBy: actor.userId })
      .where('orgId', '=', orgId)
      .where('id', '=', v.id)
      .where('version', '=', v.version),
    () => staleVersion('document version', v),
  );
  return to;
}

async function openReviewTasks(tx: Tx, orgId: string, versionId: string) {
  return (
    await tx
      .selectFrom('documentReviews')
      .select('actionId')
      .where('orgId', '=', orgId)
      .where('versionId', '=', versionId)
      .where('decision', 'is', null)
      .execute()
  )
    .map((r) => r.actionId)
    .filter((x): x is string => !!x);
}

async function currentRound(tx: Tx, orgId: string, versionId: string) {
  const r = await tx
    .selectFrom('documentReviews')
    .select((eb) => eb.fn.max<number>('round').as('round'))
    .where('orgId', '=', orgId)
    .where('versionId', '=', versionId)
    .executeTakeFirst();
  return Number(r?.round ?? 0);
}

const eventOf = (
  orgId: string,
  actor: Actor,
  d: DocumentRow,
  v: VersionRow,
  action: string,
  after: Record<string, unknown>,
): AuditInput => ({
  orgId,
  actor,
  action,
  entityType: ENTITY,
  entityId: d.id,
  after: { version: labelOf(v), ...after },
});

export function submitForReview(
  deps: Deps,
  actor: Actor,
  orgId: string,
  documentId: string,
  versionId: string,
  input: z.output<typeof ZSubmitForReview>,
) {
  return inTransaction(
    deps,
    async (tx, audit) => {
      const { d, v, type } = await load(tx, orgId, documentId, versionId, input.version);
      const reviewers = [...new Set(input.reviewerIds)];
      for (const id of reviewers)
        if (!(await isActiveMember(tx, orgId, id)))
          throw ruleViolation('Each reviewer must be a current member of this organization', { field: 'reviewerIds' });
      if (input.dueDate && input.dueDate < nowIso().slice(0, 10))
        throw ruleViolation('Choose a review deadline that has not passed', { field: 'dueDate' });
      const content = parseContent(v);
      // What reviewers see is what will be approved: a register's rendering is frozen now.
      const frozen =
        content.kind === 'register'
          ? JSON.stringify({ kind: 'register', frozen: await liveRegister(within(deps, tx), orgId, type) })
          : undefined;
      await move(
        tx,
        orgId,
        d,
        v,
        'submit',
        {
          submittedAt: nowIso(),
          submittedByName: actor.name,
          reviewDue: input.dueDate,
          changeSummary: input.changeSummary,
          ...(frozen ? { content: frozen } : {}),
        },
        actor,
      );
      const round = (await currentRound(tx, orgId, versionId)) + 1;
      const settings = await readSettings(tx, orgId);
      const code = `${settings.codePrefix}-${d.prefix}-${String(d.number).padStart(3, '0')}`;
      const tasks = await createActionsInTx(
        tx,
        audit,
        actor,
        orgId,
        reviewers.map((ownerId) => ({
          title: `Review ${code} version ${labelOf(v)}: ${v.title}`,
          description: input.changeSummary,
          ownerId,
          dueDate: input.dueDate,
          status: 'open' as const,
          sourceType: 'document_review',
          sourceId: versionId,
          sourceRef: code,
        })),
      );
      for (const [i, reviewerId] of reviewers.entries())
        await tx
          .insertInto('documentReviews')
          .values({
            id: newId(),
            orgId,
            versionId,
            reviewerId,
            actionId: tasks[i]!.id,
            round,
            decision: null,
            comment: '',
            decidedAt: null,
          })
          .execute();
      await audit(
        eventOf(orgId, actor, d, v, 'document_version.submitted', {
          reviewers: reviewers.length,
          dueDate: input.dueDate,
          changeSummary: input.changeSummary,
        }),
      );
      return readVersion(tx, orgId, documentId, versionId);
    },
    lockOf(documentId),
  );
}

/** The author takes a version back from review to change it; waiting reviews are closed. */
export function recallFromReview(
  deps: Deps,
  actor: Actor,
  orgId: string,
  documentId: string,
  versionId: string,
  input: { version: number },
) {
  return backToDraft(deps, actor, orgId, documentId, versionId, { version: input.version, comment: '' }, 'recall');
}

/** The approver returns a version in review to its author, with what to change. */
export function sendBack(
  deps: Deps,
  caller: Caller,
  orgId: string,
  documentId: string,
  versionId: string,
  input: z.output<typeof ZVersionDecision>,
) {
  if (!input.comment)
    throw ruleViolation('Say what should change before sending the version back', { field: 'comment' });
  return backToDraft(deps, caller.actor, orgId, documentId, versionId, input, 'send_back', caller);
}

function backToDraft(
  deps: Deps,
  actor: Actor,
  orgId: string,
  documentId: string,
  versionId: string,
  input: { version: number; comment: string },
  action: 'recall' | 'send_back',
  caller?: Caller,
) {
  return inTransaction(
    deps,
    async (tx, audit) => {
      const { d, v } = await load(tx, orgId, documentId, versionId, input.version);
      if (caller) assertApprover(d, caller);
      const content = parseContent(v);
      await move(
        tx,
        orgId,
        d,
        v,
        action,
        content.kind === 'register' ? { content: JSON.stringify({ kind: 'register', frozen: null }) } : {},
        actor,
      );
      await completeActionsInTx(tx, audit, actor, orgId, await openReviewTasks(tx, orgId, versionId));
      await tx
        .updateTable('documentReviews')
        .set({
          decision: 'changes_requested',
          comment: '(closed: the version went back to draft)',
          decidedAt: nowIso(),
        })
        .where('orgId', '=', orgId)
        .where('versionId', '=', versionId)
        .where('decision', 'is', null)
        .execute();
      await audit(
        eventOf(orgId, actor, d, v, action === 'recall' ? 'document_version.recalled' : 'document_version.sent_back', {
          comment: input.comment,
        }),
      );
      return readVersion(tx, orgId, documentId, versionId);
    },
    lockOf(documentId),
  );
}

/** An assigned reviewer records their view; the task on their list is done. */
export function recordReview(
  deps: Deps,
  actor: Actor,
  orgId: string,
  documentId: string,
  versionId: string,
  input: z.output<typeof ZReviewDecision>,
) {
  return inTransaction(
    deps,
    async (tx, audit) => {
      const { d, v } = await load(tx, orgId, documentId, versionId, input.version);
      if (v.state !== 'in_review') throw ruleViolation(`Version ${labelOf(v)} is not in review.`);
      if (input.decision === 'changes_requested' && !input.comment)
        throw ruleViolation('Say what should change', { field: 'comment' });
      const round = await currentRound(tx, orgId, versionId);
      const mine = await tx
        .selectFrom('documentReviews')
        .selectAll()
        .where('orgId', '=', orgId)
        .where('versionId', '=', versionId)
        .where('round', '=', round)
        .where('reviewerId', '=', actor.userId ?? '')
        .executeTakeFirst();
      if (!mine) throw forbidden('You are not a reviewer of this version.');
      if (mine.decision) throw ruleViolation('You have already given your review of this version.');
      await writeOne(
        tx
          .updateTable('documentReviews')
          .set({ decision: input.decision, comment: input.comment, decidedAt: nowIso() })
          .where('id', '=', mine.id)
          .where('decision', 'is', null),
        () => ruleViolation('You have already given your review of this version.'),
      );
      if (mine.actionId) await completeActionsInTx(tx, audit, actor, orgId, [mine.actionId]);
      // The version changes (its reviews do): a client holding the old version reloads.
      await writeOne(
        tx
          .updateTable('documentVersions')
          .set({ version: v.version + 1 })
          .where('orgId', '=', orgId)
          .where('id', '=', v.id)
          .where('version', '=', v.version),
        () => staleVersion('document version', v),
      );
      await audit(
        eventOf(orgId, actor, d, v, 'document_version.reviewed', { decision: input.decision, comment: input.comment }),
      );
      return readVersion(tx, orgId, documentId, versionId);
    },
    lockOf(documentId),
  );
}

function assertApprover(d: DocumentRow, caller: Caller) {
  if (!can(caller.role, 'document.approve')) throw forbidden('Your role may not approve documents.');
  if (d.approverId && d.approverId !== caller.actor.userId && caller.role !== 'owner')
    throw forbidden('This document names another approver: only they (or an owner) decide on it.');
}

/**
 * The AI policy and the management review are top management's to approve (5.2, 9.3). Once the
 * organization names members as top management, only they approve these types; until then the
 * approver role stands in for them, as before.
 */
async function assertTopManagement(tx: Tx, orgId: string, d: DocumentRow, caller: Caller) {
  if (!documentType(d.typeId).topManagementApproval) return;
  const named = await tx
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(['users.id', 'users.name'])
    .where('memberships.orgId', '=', orgId)
    .where('memberships.topManagement', '=', 1)
    .orderBy('users.name')
    .execute();
  if (named.length && !named.some((m) => m.id === caller.actor.userId))
    throw ruleViolation(
      `${documentType(d.typeId).title} is approved by top management: ask ${named.map((m) => m.name).join(' or ')}, or have an owner name you as top management on the Members page.`,
    );
}

/** Renders the version's files and keeps them: what is approved (or published) is exactly these bytes. */
export async function freezeFiles(
  deps: Deps,
  tx: Tx,
  store: FileStore,
  actor: Actor,
  orgId: string,
  d: DocumentRow,
  v: VersionRow,
  stamp: Partial<VersionRow>,
) {
  const { report } = await renderVersion(within(deps, tx), orgId, d, { ...v, ...stamp }, documentType(d.typeId));
  const [docx, pdf] = await Promise.all([renderDocx(report), renderPdf(report)]);
  const [docxSha256, pdfSha256] = await Promise.all([store.put(docx), store.put(pdf)]);
  const now = nowIso();
  for (const [sha, bytes, ext, mediaType] of [
    [docxSha256, docx, 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    [pdfSha256, pdf, 'pdf', 'application/pdf'],
  ] as const)
    await tx
      .insertInto('files')
      .values({
        id: newId(),
        orgId,
        entityType: 'document_version',
        entityId: v.id,
        sha256: sha,
        name: `${report.fileName}.${ext}`,
        size: bytes.length,
        mediaType,
        createdAt: now,
        createdBy: actor.userId,
      })
      .execute();
  return { docxSha256, pdfSha256 };
}

export function approveVersion(
  deps: Deps,
  store: FileStore,
  caller: Caller,
  orgId: string,
  documentId: string,
  versionId: string,
  input: z.output<typeof ZVersionDecision>,
) {
  return inTransaction(
    deps,
    async (tx, audit) => {
      const { d, v } = await load(tx, orgId, documentId, versionId, input.version);
      assertApprover(d, caller);
      await assertTopManagement(tx, orgId, d, caller);
      await target(tx, orgId, d, v, 'approve');
      const round = await currentRound(tx, orgId, versionId);
      const objections = await tx
        .selectFrom('documentReviews')
        .innerJoin('users', 'users.id', 'documentReviews.reviewerId')
        .select('users.name')
        .where('documentReviews.orgId', '=', orgId)
        .where('versionId', '=', versionId)
        .where('round', '=', round)
        .where('decision', '=', 'changes_requested')
        .execute();
      if (objections.length)
        throw ruleViolation(
          `${objections.map((o) => o.name).join(', ')} asked for changes in this review. Send the version back, or ask them to agree.`,
        );
      const content = parseContent(v);
      const left =
        content.kind === 'narrative'
          ? content.sections.flatMap((s) => placeholdersIn(s.body).map((p) => `${s.title}: ${p}`))
          : [];
      if (left.length)
        throw ruleViolation(
          `Text is still to be written: ${left.slice(0, 5).join('; ')}${left.length > 5 ? ` and ${left.length - 5} more` : ''}. Send the version back so its author can complete it.`,
          { placeholders: left },
        );
      const now = nowIso();
      const stamp = {
        approvedAt: now,
        approvedBy: caller.actor.userId,
        approvedByName: caller.actor.name,
        approvalComment: input.comment || null,
      };
      const files = await freezeFiles(deps, tx, store, caller.actor, orgId, d, v, { ...stamp, state: 'approved' });
      await move(tx, orgId, d, v, 'approve', { ...stamp, ...files }, caller.actor);
      await completeActionsInTx(tx, audit, caller.actor, orgId, await openReviewTasks(tx, orgId, versionId));
      await audit(
        eventOf(orgId, caller.actor, d, v, 'document_version.approved', {
          comment: input.comment,
          docxSha256: files.docxSha256,
          pdfSha256: files.pdfSha256,
        }),
      );
      return readVersion(tx, orgId, documentId, versionId);
    },
    lockOf(documentId),
  );
}

export function publishVersion(
  deps: Deps,
  store: FileStore,
  actor: Actor,
  orgId: string,
  documentId: string,
  versionId: string,
  input: { version: number },
) {
  return inTransaction(
    deps,
    async (tx, audit) => {
      const { d, v, type } = await load(tx, orgId, documentId, versionId, input.version);
      await target(tx, orgId, d, v, 'publish');
      const now = nowIso();
      const stamp = {
        publishedAt: now,
        publishedByName: actor.name,
        nextReviewAt: nextReviewDate(now, type.reviewMonths),
      };
      // A non-material draft is published without approval: its files are made now instead.
      const files = v.docxSha256
        ? {}
        : await freezeFiles(deps, tx, store, actor, orgId, d, v, { ...stamp, state: 'published' });
      const content = parseContent(v);
      const frozen =
        content.kind === 'register' && !content.frozen
          ? { content: JSON.stringify({ kind: 'register', frozen: await liveRegister(within(deps, tx), orgId, type) }) }
          : {};
      const previous = (await versionsOf(tx, orgId, [documentId])).find((x) => x.state === 'published');
      await move(tx, orgId, d, v, 'publish', { ...stamp, ...files, ...frozen }, actor);
      if (previous)
        await writeOne(
          tx
            .updateTable('documentVersions')
            .set({
              state: 'superseded',
              endedAt: now,
              endReason: `Superseded by version ${versionLabel(v)}`,
              version: previous.version + 1,
              updatedAt: now,
              updatedBy: actor.userId,
            })
            .where('orgId', '=', orgId)
            .where('id', '=', previous.id)
            .where('version', '=', previous.version),
          () => staleVersion('document version', previous),
        );
      await audit(
        eventOf(orgId, actor, d, v, 'document_version.published', {
          nextReviewAt: stamp.nextReviewAt,
          supersedes: previous ? labelOf(previous) : null,
        }),
      );
      return readVersion(tx, orgId, documentId, versionId);
    },
    lockOf(documentId),
  );
}

/** Takes a version out of use, with the reason; nothing is deleted. Withdrawing the version in force leaves the document with none. */
export function withdrawVersion(
  deps: Deps,
  actor: Actor,
  orgId: string,
  documentId: string,
  versionId: string,
  input: z.output<typeof ZVersionDecision>,
) {
  if (!input.comment) throw ruleViolation('Say why the version is withdrawn', { field: 'comment' });
  return inTransaction(
    deps,
    async (tx, audit) => {
      const { d, v, type } = await load(tx, orgId, documentId, versionId, input.version);
      if (type.kind === 'record')
        throw ruleViolation('This is a record, frozen when it was signed off: it is kept as it is, never withdrawn.');
      await move(tx, orgId, d, v, 'withdraw', { endedAt: nowIso(), endReason: input.comment }, actor);
      await completeActionsInTx(tx, audit, actor, orgId, await openReviewTasks(tx, orgId, versionId));
      await tx
        .updateTable('documentReviews')
        .set({ decision: 'changes_requested', comment: '(closed: the version was withdrawn)', decidedAt: nowIso() })
        .where('orgId', '=', orgId)
        .where('versionId', '=', versionId)
        .where('decision', 'is', null)
        .execute();
      await audit(eventOf(orgId, actor, d, v, 'document_version.withdrawn', { reason: input.comment }));
      return readVersion(tx, orgId, documentId, versionId);
    },
    lockOf(documentId),
  );
}
