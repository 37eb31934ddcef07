import type { z } from 'zod';
import { type ZReviewDecision, type ZSubmitForReview, type ZVersionDecision } from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import { writeOne } from '../../platform/db/versioned';
import { forbidden, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, within, type Deps } from '../../platform/transaction';
import { completeActionsInTx, createActionsInTx } from '../actions/service';
import { isActiveMember } from '../orgs/members';
import { readVersion } from './read';
import { liveRegister } from './render';
import { labelOf, parseContent } from './repository';
import { readSettings } from './settings';
import {
  assertApprover,
  currentRound,
  eventOf,
  load,
  lockOf,
  move,
  openReviewTasks,
  type Caller,
} from './lifecycle-steps';

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
