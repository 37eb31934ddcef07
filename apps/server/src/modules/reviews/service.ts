import { z } from 'zod';
import {
  attendanceWarnings,
  checkInputPack,
  INPUT_STATES,
  REVIEW_INPUTS,
  REVIEW_STATUSES,
  reviewEditable,
  ZReviewInput,
  type ReviewActionInput,
  type ReviewFields,
  type ReviewInput,
  type ReviewStatus,
  type UpdateReview,
} from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { nextNumber } from '../../platform/db/record-numbers';
import type { ManagementReviewTable } from '../../platform/db/schema';
import { writeOne } from '../../platform/db/versioned';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import type { FileStore } from '../../platform/files';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { createActionsInTx, listActions, ZActionOut } from '../actions/service';
import { isActiveMember } from '../orgs/members';
import { compilePack } from './inputs';
import { freezeMinutesInTx, organizationName } from './minutes-record';

// Management review (9.3). A review is planned (meeting, attendees; the input pack is compiled live
// on every read), then held (the pack and the attendance are stored as they stood: the figures no
// longer move), then signed off by its chair (the minutes are a record and nothing changes).
// Decisions that need work become actions (modules/actions), so they reach the one task list.

const ENTITY = 'management_review';
export const REVIEW_SOURCE = 'management_review';

const ZPerson = z.object({ id: z.string(), name: z.string(), email: z.string(), topManagement: z.boolean() });
type Person = z.infer<typeof ZPerson>;

export const ZReviewOut = z.object({
  id: z.string(),
  ref: z.string().describe('MR-1, MR-2, …'),
  title: z.string(),
  meetingDate: z.string(),
  status: z.enum(REVIEW_STATUSES),
  chairId: z.string().nullable(),
  chair: ZPerson.nullable(),
  attendees: z.array(ZPerson).describe('live while planned; as they were at the meeting once held'),
  pack: z.array(ZReviewInput).describe('one entry per 9.3.2 input; compiled live while planned, frozen once held'),
  packFrozen: z.boolean(),
  packSince: z.string().nullable().describe('the previous review the pack compares with (its meeting date)'),
  inputs: z
    .array(
      z.object({
        key: z.enum(REVIEW_INPUTS),
        clause: z.string(),
        title: z.string(),
        state: z.enum(INPUT_STATES),
        warning: z.string().nullable(),
      }),
    )
    .describe('every required input with its state: a missing one is a stage-1 finding'),
  warnings: z.array(z.string()).describe('attendance and missing inputs, in words'),
  improvementDecisions: z.string(),
  changeDecisions: z.string(),
  resourceNeeds: z.string(),
  conclusion: z.string(),
  notes: z.string(),
  heldAt: z.string().nullable(),
  signedOffAt: z.string().nullable(),
  signedOffBy: z.object({ id: z.string().nullable(), name: z.string() }).nullable(),
  minutesDocumentId: z
    .string()
    .nullable()
    .describe('signed off: the record (documents of type management-review-minutes) that keeps the minutes'),
  actions: z.array(ZActionOut),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReviewOut = z.infer<typeof ZReviewOut>;

export const ZReviewSummary = ZReviewOut.pick({
  id: true,
  ref: true,
  title: true,
  meetingDate: true,
  status: true,
  chair: true,
  heldAt: true,
  signedOffAt: true,
  version: true,
}).extend({
  attendeeCount: z.number(),
  missingInputs: z.number().nullable().describe('inputs missing from the frozen pack; null while planned'),
});
export type ReviewSummary = z.infer<typeof ZReviewSummary>;

const ref = (r: { number: number }) => `MR-${r.number}`;

async function people(db: Db | Tx, orgId: string, ids: string[]): Promise<Person[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(['users.id', 'users.name', 'users.email', 'memberships.topManagement'])
    .where('memberships.orgId', '=', orgId)
    .where('users.id', 'in', ids)
    .execute();
  // Keep the order the attendees were given in; a member who left is shown by id only.
  return ids.map((id) => {
    const r = rows.find((p) => p.id === id);
    return r
      ? { id, name: r.name, email: r.email, topManagement: Number(r.topManagement) === 1 }
      : { id, name: '(former member)', email: '', topManagement: false };
  });
}

/** The meeting date of the latest review held before this one: the start of the period the pack covers. */
async function previousMeeting(db: Db | Tx, orgId: string, review: ManagementReviewTable): Promise<string | null> {
  const row = await db
    .selectFrom('managementReviews')
    .select('meetingDate')
    .where('orgId', '=', orgId)
    .where('id', '!=', review.id)
    .where('status', '!=', 'planned')
    .where('meetingDate', '<=', review.meetingDate)
    .orderBy('meetingDate', 'desc')
    .executeTakeFirst();
  return row?.meetingDate ?? null;
}

async function present(db: Db | Tx, r: ManagementReviewTable): Promise<ReviewOut> {
  const attendeeIds = JSON.parse(r.attendeeIds) as string[];
  const frozen = r.status !== 'planned' && r.pack !== null;
  const attendees =
    frozen && r.attendance ? (JSON.parse(r.attendance) as Person[]) : await people(db, r.orgId, attendeeIds);
  const chair = r.chairId
    ? (attendees.find((a) => a.id === r.chairId) ?? (await people(db, r.orgId, [r.chairId]))[0]!)
    : null;
  const since = frozen ? r.packSince : await previousMeeting(db, r.orgId, r);
  const pack: ReviewInput[] = frozen
    ? (JSON.parse(r.pack!) as ReviewInput[])
    : await compilePack({ db, orgId: r.orgId, reviewId: r.id, since, asOf: r.meetingDate });
  const inputs = checkInputPack(pack);
  const warnings = [
    ...attendanceWarnings(attendees),
    ...(r.chairId ? [] : ['No chair named: top management chairs the review and signs the minutes off']),
    ...(chair && !chair.topManagement ? [`The chair, ${chair.name}, is not marked as top management`] : []),
    ...inputs.filter((i) => i.state === 'missing').map((i) => i.warning!),
  ];
  return {
    id: r.id,
    ref: ref(r),
    title: r.title,
    meetingDate: r.meetingDate,
    status: r.status as ReviewStatus,
    chairId: r.chairId,
    chair,
    attendees,
    pack,
    packFrozen: frozen,
    packSince: since,
    inputs,
    warnings,
    improvementDecisions: r.improvementDecisions,
    changeDecisions: r.changeDecisions,
    resourceNeeds: r.resourceNeeds,
    conclusion: r.conclusion,
    notes: r.notes,
    heldAt: r.heldAt,
    signedOffAt: r.signedOffAt,
    signedOffBy: r.signedOffAt ? { id: r.signedOffBy, name: r.signedOffByName ?? '' } : null,
    minutesDocumentId: r.minutesDocumentId,
    actions: await listActions(db, r.orgId, { sourceType: REVIEW_SOURCE, sourceId: r.id }),
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

const row = (db: Db | Tx, orgId: string, id: string) =>
  db.selectFrom('managementReviews').selectAll().where('orgId', '=', orgId).where('id', '=', id).executeTakeFirst();

async function mustRow(db: Db | Tx, orgId: string, id: string) {
  const r = await row(db, orgId, id);
  if (!r) throw notFound('Management review');
  return r;
}

/** The record without what is derived on read: what the audit trail compares. */
const audited = (r: ManagementReviewTable) => {
  const { pack: _p, attendance: _a, ...rest } = r;
  return { ...rest, ref: ref(r), attendeeIds: JSON.parse(r.attendeeIds) as string[] };
};

export async function listReviews(db: Db, orgId: string): Promise<ReviewSummary[]> {
  const rows = await db
    .selectFrom('managementReviews')
    .leftJoin('users', 'users.id', 'managementReviews.chairId')
    .selectAll('managementReviews')
    .select(['users.name as chairName', 'users.email as chairEmail'])
    .where('managementReviews.orgId', '=', orgId)
    .orderBy('managementReviews.meetingDate', 'desc')
    .orderBy('managementReviews.number', 'desc')
    .execute();
  return rows.map((r) => {
    const frozen = r.status !== 'planned' && r.pack !== null;
    const attendance = frozen && r.attendance ? (JSON.parse(r.attendance) as Person[]) : null;
    const frozenChair = attendance?.find((a) => a.id === r.chairId);
    return {
      id: r.id,
      ref: ref(r),
      title: r.title,
      meetingDate: r.meetingDate,
      status: r.status as ReviewStatus,
      chair:
        frozenChair ??
        (r.chairId && r.chairName !== null
          ? { id: r.chairId, name: r.chairName, email: r.chairEmail ?? '', topManagement: false }
          : null),
      heldAt: r.heldAt,
      signedOffAt: r.signedOffAt,
      version: r.version,
      attendeeCount: (JSON.parse(r.attendeeIds) as string[]).length,
      missingInputs: frozen
        ? checkInputPack(JSON.parse(r.pack!) as ReviewInput[]).filter((i) => i.state === 'missing').length
        : null,
    };
  });
}

export async function getReview(deps: Deps, orgId: string, id: string): Promise<ReviewOut> {
  return present(deps.db, await mustRow(deps.db, orgId, id));
}

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
