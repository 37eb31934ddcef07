import type { z } from 'zod';
import { placeholdersIn, type ZVersionDecision } from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Tx } from '../../platform/db/connect';
import { renderDocx } from '../../platform/documents/docx';
import { renderPdf } from '../../platform/documents/pdf';
import { ruleViolation } from '../../platform/errors';
import type { FileStore } from '../../platform/files';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, within, type Deps } from '../../platform/transaction';
import { completeActionsInTx } from '../actions/service';
import { readVersion } from './read';
import { renderVersion } from './render';
import { parseContent, type DocumentRow, type VersionRow } from './repository';
import { documentType } from './types';
import {
  assertApprover,
  currentRound,
  eventOf,
  load,
  lockOf,
  move,
  openReviewTasks,
  target,
  type Caller,
} from './lifecycle-steps';

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
