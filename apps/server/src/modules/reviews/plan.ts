import { reviewEditable, type ReviewFields, type ReviewStatus, type UpdateReview } from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Tx } from '../../platform/db/connect';
import { nextNumber } from '../../platform/db/record-numbers';
import { writeOne } from '../../platform/db/versioned';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { listActions } from '../actions/service';
import { isActiveMember } from '../orgs/members';
import { ENTITY, REVIEW_SOURCE, audited, mustRow, present, row, type ReviewOut } from './read';

/** Chair and attendees must be current members; the chair always attends. */
async function checkPeople(tx: Tx, orgId: string, chairId: string | null, attendeeIds: string[]): Promise<string[]> {
  const ids = [...new Set([...(chairId ? [chairId] : []), ...attendeeIds])];
  for (const id of ids)
    if (!(await isActiveMember(tx, orgId, id)))
      throw ruleViolation(
        id === chairId
          ? 'The chair must be a current member of this organization'
          : `Attendee ${id} is not a current member of this organization`,
        { field: id === chairId ? 'chairId' : 'attendeeIds' },
      );
  return ids;
}

export function createReview(deps: Deps, actor: Actor, orgId: string, input: ReviewFields): Promise<ReviewOut> {
  return inTransaction(deps, async (tx, audit) => {
    const attendeeIds = await checkPeople(tx, orgId, input.chairId, input.attendeeIds);
    const number = await nextNumber(tx, orgId, 'management_review');
    const now = nowIso();
    const id = newId();
    await tx
      .insertInto('managementReviews')
      .values({
        id,
        orgId,
        number,
        title: input.title,
        meetingDate: input.meetingDate,
        chairId: input.chairId,
        attendeeIds: JSON.stringify(attendeeIds),
        status: 'planned',
        pack: null,
        attendance: null,
        packSince: null,
        heldAt: null,
        heldBy: null,
        improvementDecisions: '',
        changeDecisions: '',
        resourceNeeds: '',
        conclusion: '',
        notes: '',
        signedOffAt: null,
        signedOffBy: null,
        signedOffByName: null,
        minutesDocumentId: null,
        version: 1,
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
        updatedBy: actor.userId,
      })
      .execute();
    const created = (await row(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'management_review.created',
      entityType: ENTITY,
      entityId: id,
      after: audited(created),
    });
    return present(tx, created);
  });
}

const MEETING_FIELDS = ['title', 'meetingDate', 'chairId', 'attendeeIds'] as const;

export function updateReview(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  patch: UpdateReview,
): Promise<ReviewOut> {
  return inTransaction(deps, async (tx, audit) => {
    const before = await mustRow(tx, orgId, id);
    if (before.version !== patch.version) throw staleVersion('management review', await present(tx, before));
    const editable = reviewEditable(before.status as ReviewStatus);
    if (!editable.outputs) throw ruleViolation('These minutes are signed off: they are a record and no longer change');
    const { version, ...changes } = patch;
    const touched = MEETING_FIELDS.filter((f) => changes[f] !== undefined);
    if (!editable.meeting && touched.length)
      throw ruleViolation(
        `The review was held: its ${touched.join(', ')} are part of the record and no longer change; edit the decisions, conclusion and notes`,
        { fields: touched },
      );
    const chairId = changes.chairId !== undefined ? changes.chairId : before.chairId;
    const attendeeIds =
      changes.chairId !== undefined || changes.attendeeIds !== undefined
        ? await checkPeople(
            tx,
            orgId,
            chairId,
            changes.attendeeIds ?? (JSON.parse(before.attendeeIds) as string[]).filter((a) => a !== before.chairId),
          )
        : (JSON.parse(before.attendeeIds) as string[]);
    const set = {
      ...Object.fromEntries(
        Object.entries(changes).filter(([k, v]) => v !== undefined && k !== 'attendeeIds' && k !== 'chairId'),
      ),
      chairId,
      attendeeIds: JSON.stringify(attendeeIds),
    };
    await writeOne(
      tx
        .updateTable('managementReviews')
        .set({ ...set, version: version + 1, updatedAt: nowIso(), updatedBy: actor.userId })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', version),
      () => staleVersion('management review', before),
    );
    const after = (await row(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'management_review.updated',
      entityType: ENTITY,
      entityId: id,
      before: audited(before),
      after: audited(after),
    });
    return present(tx, after);
  });
}

export function removeReview(deps: Deps, actor: Actor, orgId: string, id: string): Promise<void> {
  return inTransaction(deps, async (tx, audit) => {
    const before = await mustRow(tx, orgId, id);
    if (before.status !== 'planned') throw ruleViolation('A held review is a record: it cannot be deleted');
    if ((await listActions(tx, orgId, { sourceType: REVIEW_SOURCE, sourceId: id })).length)
      throw ruleViolation('This review has actions: delete or reassign them first');
    await writeOne(tx.deleteFrom('managementReviews').where('orgId', '=', orgId).where('id', '=', id), () =>
      notFound('Management review'),
    );
    await audit({
      orgId,
      actor,
      action: 'management_review.deleted',
      entityType: ENTITY,
      entityId: id,
      before: audited(before),
    });
  });
}
