import { z } from 'zod';
import {
  attendanceWarnings,
  checkInputPack,
  INPUT_STATES,
  REVIEW_INPUTS,
  REVIEW_STATUSES,
  ZReviewInput,
  type ReviewInput,
  type ReviewStatus,
} from '@fortytwo/domain';
import type { Db, Tx } from '../../platform/db/connect';
import type { ManagementReviewTable } from '../../platform/db/schema';
import { notFound } from '../../platform/errors';
import { type Deps } from '../../platform/transaction';
import { listActions, ZActionOut, type ActionOut } from '../actions/service';
import { compilePack } from './inputs';

// Reading a management review: its people, its input pack (live until held) and its actions.

export const ENTITY = 'management_review';
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
  actions: z.array(ZActionOut).describe('each names its owner by `ownerId`: a key of the answer’s `people`'),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A review as the services build it: each action's owner embedded (the minutes print it); answers carry `people`. */
export type ReviewOut = Omit<z.infer<typeof ZReviewOut>, 'actions'> & { actions: ActionOut[] };

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

export const ref = (r: { number: number }) => `MR-${r.number}`;

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

export async function present(db: Db | Tx, r: ManagementReviewTable): Promise<ReviewOut> {
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

export const row = (db: Db | Tx, orgId: string, id: string) =>
  db.selectFrom('managementReviews').selectAll().where('orgId', '=', orgId).where('id', '=', id).executeTakeFirst();

export async function mustRow(db: Db | Tx, orgId: string, id: string) {
  const r = await row(db, orgId, id);
  if (!r) throw notFound('Management review');
  return r;
}

/** The record without what is derived on read: what the audit trail compares. */
export const audited = (r: ManagementReviewTable) => {
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
