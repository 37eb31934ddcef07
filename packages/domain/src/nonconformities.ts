import { z } from 'zod';
import { addDays, calendarDate } from './dates';
import { idRef } from './ids';
import { versionField } from './version';

// Nonconformity and corrective action (10.2), one module whatever found the problem: an internal
// audit now, a certification audit, an incident or monitoring later (the `source`). The record
// carries the correction (containment), the root cause (5 whys or cause categories), the check for
// similar cases, the actions (tasks in the one actions module), the effectiveness review after a set
// time, and closure by someone who neither owns nor raised it. The improvement log (10.1) collects
// these and other improvements.

export const NONCONFORMITY_SOURCES = [
  'internal_audit',
  'certification_audit',
  'incident',
  'monitoring',
  'complaint',
  'other',
] as const;
export type NonconformitySource = (typeof NONCONFORMITY_SOURCES)[number];
export const NONCONFORMITY_SOURCE_LABELS: Record<NonconformitySource, string> = {
  internal_audit: 'Internal audit',
  certification_audit: 'Certification audit',
  incident: 'Incident',
  monitoring: 'Monitoring',
  complaint: 'Complaint',
  other: 'Other',
};

export const NONCONFORMITY_GRADES_ALL = ['major', 'minor'] as const;
export type NonconformityGrade = (typeof NONCONFORMITY_GRADES_ALL)[number];

/**
 * open: raised, correction and cause being worked on;
 * actions_planned: correction, root cause and dated, owned actions recorded;
 * effectiveness_review: the actions are done, the review is due after the set time;
 * verified: the review found the actions effective; closed: closed by someone independent.
 */
export const NONCONFORMITY_STATUSES = [
  'open',
  'actions_planned',
  'effectiveness_review',
  'verified',
  'closed',
] as const;
export type NonconformityStatus = (typeof NONCONFORMITY_STATUSES)[number];
export const NONCONFORMITY_STATUS_LABELS: Record<NonconformityStatus, string> = {
  open: 'Open',
  actions_planned: 'Actions planned',
  effectiveness_review: 'Effectiveness review',
  verified: 'Verified effective',
  closed: 'Closed',
};

export const ROOT_CAUSE_METHODS = ['five_whys', 'categories'] as const;
export type RootCauseMethod = (typeof ROOT_CAUSE_METHODS)[number];
export const CAUSE_CATEGORIES = [
  'people',
  'process',
  'technology',
  'data',
  'documentation',
  'supplier',
  'governance',
] as const;
export type CauseCategory = (typeof CAUSE_CATEGORIES)[number];

/** Days given to respond with a correction and plan, from the grade (certification bodies' usual practice). */
export const RESPONSE_DAYS: Record<NonconformityGrade, number> = { major: 30, minor: 90 };
export const DEFAULT_REVIEW_AFTER_DAYS = 60;

export type NcFacts = {
  status: NonconformityStatus;
  correction: string;
  rootCause: string;
  ownerId: string | null;
  raisedBy: string | null;
  actions: { ownerId: string | null; dueDate: string | null; status: string }[];
  effectiveness: 'effective' | 'not_effective' | null;
};

export type NcStep = 'plan' | 'start_review' | 'review' | 'close';

/** Why a step cannot be taken now; empty when it can. `actorId` matters for closing. */
export function nonconformityBlockers(nc: NcFacts, step: NcStep, actorId: string | null): string[] {
  const out: string[] = [];
  const need = (ok: boolean, why: string) => {
    if (!ok) out.push(why);
  };
  if (step === 'plan') {
    need(nc.status === 'open', `Only an open nonconformity can have its actions planned (it is ${nc.status}).`);
    need(!!nc.correction.trim(), 'Record the correction (what was done to contain the problem).');
    need(!!nc.rootCause.trim(), 'Record the root cause (5 whys or cause categories).');
    need(nc.actions.length > 0, 'Add at least one corrective action.');
    need(
      nc.actions.every((a) => a.ownerId && a.dueDate),
      'Every corrective action needs an owner and a due date.',
    );
    need(!!nc.ownerId, 'Name the owner of the nonconformity.');
  } else if (step === 'start_review') {
    need(nc.status === 'actions_planned', 'The actions must be planned first.');
    need(
      nc.actions.every((a) => a.status === 'done'),
      'Every corrective action must be done before its effectiveness is reviewed.',
    );
  } else if (step === 'review') {
    need(nc.status === 'effectiveness_review', 'The effectiveness review comes after the corrective actions are done.');
  } else {
    need(nc.status === 'verified', 'Only a nonconformity whose actions were verified effective can be closed.');
    need(actorId !== null, 'A person must close a nonconformity.');
    need(actorId !== nc.ownerId, 'Nobody closes their own nonconformity: the owner cannot close it.');
    need(actorId !== nc.raisedBy, 'Nobody closes their own nonconformity: whoever raised it cannot close it.');
  }
  return out;
}

/** Due date of the effectiveness review: the set time after the actions were done. */
export const reviewDueOn = (actionsDoneOn: string, reviewAfterDays: number) => addDays(actionsDoneOn, reviewAfterDays);

/** Whether an NC is late on `today`: past its response date while open, or past its review date. */
export function nonconformityOverdue(
  nc: { status: NonconformityStatus; responseDue: string | null; reviewDue: string | null },
  today: string,
): boolean {
  if (nc.status === 'open') return !!nc.responseDue && nc.responseDue < today;
  if (nc.status === 'effectiveness_review') return !!nc.reviewDue && nc.reviewDue < today;
  return false;
}

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`);

export const ZCreateNonconformity = z.strictObject({
  source: z.enum(NONCONFORMITY_SOURCES, { error: `Source must be one of: ${NONCONFORMITY_SOURCES.join(', ')}` }),
  sourceId: z.string().max(64).nullable().default(null),
  sourceRef: z.string().trim().max(60).nullable().default(null),
  grade: z.enum(NONCONFORMITY_GRADES_ALL, { error: 'Grade must be major or minor' }),
  ref: z.string().trim().max(40).nullable().default(null),
  title: z
    .string({ error: 'Title is required' })
    .trim()
    .min(1, 'Title is required: say in a line what is wrong')
    .max(300, 'Title must be at most 300 characters'),
  statement: text('Statement of nonconformity', 5000).default(''),
  ownerId: idRef('Owner', 'a member of this organization').nullable().default(null),
  responseDue: calendarDate('Response due').nullable().default(null),
  reviewAfterDays: z.number().int().min(1).max(730).default(DEFAULT_REVIEW_AFTER_DAYS),
});
export type CreateNonconformity = z.output<typeof ZCreateNonconformity>;

export const ZUpdateNonconformity = z
  .strictObject({
    title: ZCreateNonconformity.shape.title,
    statement: text('Statement of nonconformity', 5000),
    ownerId: idRef('Owner', 'a member of this organization').nullable(),
    responseDue: calendarDate('Response due').nullable(),
    reviewAfterDays: z
      .number({ error: 'Review after must be a number of days' })
      .int('Review after must be whole days')
      .min(1, 'Review after must be 1 to 730 days')
      .max(730, 'Review after must be 1 to 730 days'),
    correction: text('Correction', 5000),
    rootCauseMethod: z.enum(ROOT_CAUSE_METHODS, { error: 'Root cause method must be five_whys or categories' }),
    whys: z.array(text('Each why', 1000)).max(7, 'At most 7 whys'),
    causeCategories: z
      .array(z.enum(CAUSE_CATEGORIES, { error: `Cause categories must be among: ${CAUSE_CATEGORIES.join(', ')}` }))
      .max(CAUSE_CATEGORIES.length),
    rootCause: text('Root cause', 5000),
    similarCases: text('Similar cases checked', 5000),
  })
  .partial()
  .extend({ version: versionField() });
export type UpdateNonconformity = z.output<typeof ZUpdateNonconformity>;

export const ZNonconformityAction = z.strictObject({
  title: z
    .string({ error: 'Action is required' })
    .trim()
    .min(1, 'Action is required: say what will be done')
    .max(300, 'Action must be at most 300 characters'),
  description: text('Description', 5000).default(''),
  ownerId: idRef('Owner', 'a member of this organization'),
  dueDate: calendarDate('Due date'),
});

export const ZEffectivenessReview = z.strictObject({
  version: versionField(),
  effective: z.boolean({ error: 'effective must be true or false' }),
  notes: z
    .string({ error: 'Notes are required' })
    .trim()
    .min(1, 'Notes are required: say what you checked to judge effectiveness')
    .max(5000),
});

export const IMPROVEMENT_STATUSES = ['proposed', 'in_progress', 'done', 'rejected'] as const;
export type ImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];
export const IMPROVEMENT_SOURCES = [
  'audit_finding',
  'nonconformity',
  'management_review',
  'suggestion',
  'other',
] as const;
export type ImprovementSource = (typeof IMPROVEMENT_SOURCES)[number];

export const ZCreateImprovement = z.strictObject({
  title: z
    .string({ error: 'Title is required' })
    .trim()
    .min(1, 'Title is required: say what could be better')
    .max(300, 'Title must be at most 300 characters'),
  description: text('Description', 5000).default(''),
  source: z.enum(IMPROVEMENT_SOURCES).default('suggestion'),
  ownerId: idRef('Owner', 'a member of this organization').nullable().default(null),
  status: z.enum(IMPROVEMENT_STATUSES).default('proposed'),
});
export const ZUpdateImprovement = z
  .strictObject({
    title: ZCreateImprovement.shape.title,
    description: text('Description', 5000),
    ownerId: idRef('Owner', 'a member of this organization').nullable(),
    status: z.enum(IMPROVEMENT_STATUSES, { error: `Status must be one of: ${IMPROVEMENT_STATUSES.join(', ')}` }),
  })
  .partial()
  .extend({ version: versionField() });
