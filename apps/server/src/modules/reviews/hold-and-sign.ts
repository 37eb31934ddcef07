import { type ReviewActionInput } from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import { writeOne } from '../../platform/db/versioned';
import { ruleViolation, staleVersion } from '../../platform/errors';
import type { FileStore } from '../../platform/files';
import { nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { createActionsInTx } from '../actions/service';
import { freezeMinutesInTx, organizationName } from './minutes-record';
import { ENTITY, REVIEW_SOURCE, audited, mustRow, present, ref, row } from './read';

/**
 * Holds the review: the input pack and the attendance are compiled as they stand and stored, so the
 * figures the meeting looked at stay the figures of the record. Missing inputs do not block (the
 * warnings stay on the record, as an auditor would see them).
 */
export function holdReview(deps: Deps, actor: Actor, orgId: string, id: string, input: { version: number }) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await mustRow(tx, orgId, id);
    if (before.version !== input.version) throw staleVersion('management review', await present(tx, before));
    if (before.status !== 'planned') throw ruleViolation('This review was already held');
    const today = nowIso().slice(0, 10);
    if (before.meetingDate > today)
      throw ruleViolation(
        `The meeting date ${before.meetingDate} is in the future: hold the review on or after that day, or change its date`,
        { field: 'meetingDate' },
      );
    const attendeeIds = JSON.parse(before.attendeeIds) as string[];
    if (!attendeeIds.length)
      throw ruleViolation('Add the attendees before holding the review', { field: 'attendeeIds' });
    const live = await present(tx, before);
    const now = nowIso();
    await writeOne(
      tx
        .updateTable('managementReviews')
        .set({
          status: 'held',
          pack: JSON.stringify(live.pack),
          attendance: JSON.stringify(live.attendees),
          packSince: live.packSince,
          heldAt: now,
          heldBy: actor.userId,
          version: before.version + 1,
          updatedAt: now,
          updatedBy: actor.userId,
        })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', before.version),
      () => staleVersion('management review', live),
    );
    const after = (await row(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'management_review.held',
      entityType: ENTITY,
      entityId: id,
      before: audited(before),
      after: { ...audited(after), pack: live.pack, attendees: live.attendees, warnings: live.warnings },
    });
    return present(tx, after);
  });
}

/** The chair signs the minutes off; from then on the review is a record. */
export function signOffReview(
  deps: Deps,
  store: FileStore,
  actor: Actor,
  orgId: string,
  id: string,
  input: { version: number },
) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await mustRow(tx, orgId, id);
    if (before.version !== input.version) throw staleVersion('management review', await present(tx, before));
    if (before.status === 'planned') throw ruleViolation('Hold the review before signing its minutes off');
    if (before.status === 'signed_off') throw ruleViolation('These minutes are already signed off');
    if (!before.chairId) throw ruleViolation('Name the chair: the chair signs the minutes off', { field: 'chairId' });
    if (before.chairId !== actor.userId) throw ruleViolation('Only the chair of the review signs its minutes off');
    if (!before.conclusion.trim())
      throw ruleViolation(
        'Write the conclusion on the suitability, adequacy and effectiveness of the AIMS before signing off',
        { field: 'conclusion' },
      );
    const now = nowIso();
    await writeOne(
      tx
        .updateTable('managementReviews')
        .set({
          status: 'signed_off',
          signedOffAt: now,
          signedOffBy: actor.userId,
          signedOffByName: actor.name,
          version: before.version + 1,
          updatedAt: now,
          updatedBy: actor.userId,
        })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', before.version),
      () => staleVersion('management review', before),
    );
    // Signed off: the minutes become a record of the document model, frozen with their files.
    const minutesDocumentId = await freezeMinutesInTx(deps, tx, store, audit, actor, orgId, {
      organizationName: await organizationName(tx, orgId),
      review: await present(tx, (await row(tx, orgId, id))!),
    });
    await writeOne(
      tx
        .updateTable('managementReviews')
        .set({ minutesDocumentId })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', before.version + 1),
      () => staleVersion('management review', before),
    );
    const after = (await row(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'management_review.signed_off',
      entityType: ENTITY,
      entityId: id,
      before: audited(before),
      after: audited(after),
    });
    return present(tx, after);
  });
}

/** A decision that needs work: an action with an owner and a due date, in the one task list. */
export function addReviewAction(deps: Deps, actor: Actor, orgId: string, id: string, input: ReviewActionInput) {
  return inTransaction(deps, async (tx, audit) => {
    const review = await mustRow(tx, orgId, id);
    if (review.status === 'signed_off')
      throw ruleViolation('These minutes are signed off: record new work as an action of the next review');
    const [created] = await createActionsInTx(tx, audit, actor, orgId, [
      { ...input, status: 'open', sourceType: REVIEW_SOURCE, sourceId: id, sourceRef: ref(review) },
    ]);
    return created!;
  });
}
