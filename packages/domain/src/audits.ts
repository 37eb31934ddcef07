import { z } from 'zod';
import { addMonths, calendarDate } from './dates';
import { idRef } from './ids';
import { versionField } from './version';

// Internal audit (9.2): a programme that plans audits over a cycle so that every clause 4–10 and
// every included Annex A control is audited, audit plans with an independence check, checklists
// generated from the scope, and findings graded as certification bodies grade them.

export const AUDIT_STATUSES = ['planned', 'in_progress', 'completed', 'cancelled'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];
export const AUDIT_STATUS_LABELS: Record<AuditStatus, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const AUDIT_METHODS = ['on_site', 'remote', 'document_review'] as const;
export type AuditMethod = (typeof AUDIT_METHODS)[number];
export const AUDIT_METHOD_LABELS: Record<AuditMethod, string> = {
  on_site: 'On site',
  remote: 'Remote',
  document_review: 'Document review',
};

export const CHECKLIST_RESULTS = ['open', 'conforms', 'finding', 'not_sampled'] as const;
export type ChecklistResult = (typeof CHECKLIST_RESULTS)[number];
export const CHECKLIST_RESULT_LABELS: Record<ChecklistResult, string> = {
  open: 'Not yet checked',
  conforms: 'Conforms',
  finding: 'Finding',
  not_sampled: 'Not sampled',
};

export const FINDING_GRADES = ['major', 'minor', 'observation', 'ofi'] as const;
export type FindingGrade = (typeof FINDING_GRADES)[number];
export const FINDING_GRADE_LABELS: Record<FindingGrade, string> = {
  major: 'Major nonconformity',
  minor: 'Minor nonconformity',
  observation: 'Observation',
  ofi: 'Opportunity for improvement',
};
/** Grades that are nonconformities: each opens a nonconformity record for correction and corrective action (10.2). */
export const NONCONFORMITY_GRADES: readonly FindingGrade[] = ['major', 'minor'];

/** The management-system clauses an audit programme must cover within its cycle. */
export const AIMS_CLAUSES = ['4', '5', '6', '7', '8', '9', '10'] as const;

/**
 * An audit "covers" a coverage unit when its scope names it, a part of it (6.1.2 covers clause 6), or
 * a group containing it (A.6 covers A.6.2.4). Refs match by whole segments: 1 never covers 10.
 */
export function covers(scopeRefs: readonly string[], unit: string): boolean {
  return scopeRefs.some((r) => r === unit || r.startsWith(`${unit}.`) || unit.startsWith(`${r}.`));
}

export type CoverageAudit = { ref: string; refs: readonly string[]; status: AuditStatus; date: string };
export type CoverageState = 'covered' | 'stale' | 'planned' | 'never';
export const COVERAGE_STATE_LABELS: Record<CoverageState, string> = {
  covered: 'Audited in the last 12 months',
  stale: 'Not audited for 12 months',
  planned: 'Planned, never audited yet',
  never: 'Never audited and not planned',
};
export type CoverageRow = {
  unit: string;
  /** Completed audits covering it, latest last. */
  audited: string[];
  /** Planned or running audits covering it. */
  planned: string[];
  lastAuditedOn: string | null;
  state: CoverageState;
};

/**
 * The coverage view (9.2.2): for each unit (clause or included control), which audits covered it
 * and whether it was audited in the 12 months before `today`. A unit with no completed audit is
 * "never" audited (or only "planned"); one whose latest completed audit is older than 12 months is
 * "stale". Cancelled audits count for nothing.
 */
export function auditCoverage(
  units: readonly string[],
  audits: readonly CoverageAudit[],
  today: string,
): CoverageRow[] {
  const yearAgo = addMonths(today, -12);
  const sorted = [...audits].sort((a, b) => a.date.localeCompare(b.date));
  return units.map((unit) => {
    const touching = sorted.filter((a) => covers(a.refs, unit));
    const done = touching.filter((a) => a.status === 'completed');
    const planned = touching.filter((a) => a.status === 'planned' || a.status === 'in_progress').map((a) => a.ref);
    const last = done.at(-1)?.date ?? null;
    const state: CoverageState = last ? (last > yearAgo ? 'covered' : 'stale') : planned.length ? 'planned' : 'never';
    return { unit, audited: done.map((a) => a.ref), planned, lastAuditedOn: last, state };
  });
}

/** What an auditor has to do with the audited area: an owned control, a RACI R/A, an authored document. */
export type Involvement = { userId: string; what: string; ref: string | null };
export type IndependenceWarning = { code: 'independence'; message: string; blocking: false; userId: string };

/**
 * Independence (9.2.2: auditors are chosen for objectivity and impartiality): an auditor may not
 * audit work they own or did. Involvements with a ref count when the scope covers that ref;
 * involvements without one (a RACI activity) count whenever the scope reaches into clauses 4–10.
 * Each conflict is a warning: the plan proceeds only with a written justification.
 */
export function independenceWarnings(
  auditors: readonly { id: string; name: string }[],
  scopeRefs: readonly string[],
  involvements: readonly Involvement[],
): IndependenceWarning[] {
  const managementSystem = scopeRefs.some((r) => /^(4|5|6|7|8|9|10)(\.|$)/.test(r));
  const out: IndependenceWarning[] = [];
  for (const a of auditors) {
    const mine = involvements.filter(
      (i) => i.userId === a.id && (i.ref === null ? managementSystem : covers(scopeRefs, i.ref)),
    );
    for (const i of mine)
      out.push({ code: 'independence', blocking: false, userId: a.id, message: `${a.name} ${i.what}.` });
  }
  return out;
}

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`);
const ref = z
  .string({ error: 'Each ref must be text, such as 6.1.2 or A.6.2.4' })
  .trim()
  .min(1, 'A ref must not be empty')
  .max(40, 'A ref must be at most 40 characters');
const member = (label: string) => idRef(label, 'a member of this organization');

export const ZAuditScope = z.strictObject({
  refs: z.array(ref).max(200, 'At most 200 clauses and controls').default([]),
  aiSystemIds: z.array(idRef('AI system', 'an AI system of this organization')).max(100).default([]),
  units: z.array(text('Unit', 200)).max(50).default([]),
  sites: z.array(text('Site', 200)).max(50).default([]),
});
export type AuditScope = z.output<typeof ZAuditScope>;

const PLAN = {
  title: z
    .string({ error: 'Title is required' })
    .trim()
    .min(1, 'Title is required: name the audit, such as "Risk management and Annex A.6"')
    .max(200, 'Title must be at most 200 characters'),
  objectives: text('Objectives', 5000),
  criteria: text('Criteria', 5000),
  scope: ZAuditScope,
  leadId: member('Lead auditor').nullable(),
  teamIds: z.array(member('Team member')).max(20, 'At most 20 team members'),
  auditees: z.array(text('Auditee', 200)).max(50),
  method: z.enum(AUDIT_METHODS, { error: `Method must be one of: ${AUDIT_METHODS.join(', ')}` }),
  plannedStart: calendarDate('Planned start').nullable(),
  plannedEnd: calendarDate('Planned end').nullable(),
  /** Written justification for proceeding despite independence warnings. */
  independenceJustification: text('Independence justification', 2000),
};

export const ZCreateAudit = z
  .strictObject({
    ...PLAN,
    objectives: PLAN.objectives.default(''),
    criteria: PLAN.criteria.default('ISO/IEC 42001:2023 and the AIMS documentation'),
    scope: PLAN.scope.default({ refs: [], aiSystemIds: [], units: [], sites: [] }),
    leadId: PLAN.leadId.default(null),
    teamIds: PLAN.teamIds.default([]),
    auditees: PLAN.auditees.default([]),
    method: PLAN.method.default('on_site'),
    plannedStart: PLAN.plannedStart.default(null),
    plannedEnd: PLAN.plannedEnd.default(null),
    independenceJustification: PLAN.independenceJustification.default(''),
  })
  .refine((a) => !a.plannedStart || !a.plannedEnd || a.plannedStart <= a.plannedEnd, {
    message: 'Planned end must be on or after the planned start',
    path: ['plannedEnd'],
  });
export type CreateAudit = z.output<typeof ZCreateAudit>;

export const ZUpdateAudit = z
  .strictObject({
    version: versionField(),
    ...PLAN,
    status: z.enum(AUDIT_STATUSES, { error: `Status must be one of: ${AUDIT_STATUSES.join(', ')}` }),
    conclusion: text('Conclusion', 10000),
  })
  .partial()
  // `.extend`, not `.required({ version: true })`: required() wraps the field, so a missing version was
  // answered "expected nonoptional" instead of the field's own message (the same below).
  .extend({ version: versionField() });
export type UpdateAudit = z.output<typeof ZUpdateAudit>;

export const ZUpdateChecklistItem = z
  .strictObject({
    version: versionField(),
    result: z.enum(CHECKLIST_RESULTS, { error: `Result must be one of: ${CHECKLIST_RESULTS.join(', ')}` }),
    notes: text('Notes', 5000),
    sampled: text('What was sampled', 2000),
    sampleSize: z
      .number({ error: 'Sample size must be a whole number' })
      .int('Sample size must be a whole number')
      .min(0, 'Sample size cannot be negative')
      .max(1_000_000)
      .nullable(),
    population: text('Population', 2000),
    evidenceIds: z.array(idRef('Evidence', 'an evidence record of this organization')).max(50),
  })
  .partial()
  .extend({ version: versionField() });
export type UpdateChecklistItem = z.output<typeof ZUpdateChecklistItem>;

export const ZCreateFinding = z.strictObject({
  grade: z.enum(FINDING_GRADES, {
    error: `Grade must be one of: ${FINDING_GRADES.join(', ')} (major, minor nonconformity, observation, opportunity for improvement)`,
  }),
  ref: ref.nullable().default(null),
  checklistItemId: z.string().max(64).nullable().default(null),
  requirement: text('Requirement', 5000).default(''),
  evidence: text('Objective evidence', 5000).default(''),
  statement: z
    .string({ error: 'Statement is required' })
    .trim()
    .min(1, 'Statement is required: say what was found')
    .max(5000, 'Statement must be at most 5000 characters'),
  /** Who answers a nonconformity: owner of its corrective action. */
  ownerId: member('Owner').nullable().default(null),
});
export type CreateFinding = z.output<typeof ZCreateFinding>;

/** A programme: the cycle it plans and the reasoning of frequency (importance, risk, past results). */
export const ZUpdateProgramme = z
  .strictObject({
    version: versionField('version is required: send the version you read (0 before the first save)'),
    title: text('Title', 200),
    cycleStart: calendarDate('Cycle start'),
    cycleYears: z
      .number({ error: 'Cycle must be a number of years' })
      .int('Cycle must be a whole number of years')
      .min(1, 'Cycle must be 1 to 5 years')
      .max(5, 'Cycle must be 1 to 5 years'),
    approach: text('Approach', 10000),
  })
  .partial()
  .extend({ version: versionField('version is required: send the version you read (0 before the first save)') });
export type UpdateProgramme = z.output<typeof ZUpdateProgramme>;

/** Checks a programme's completeness before approval: every unit at least planned within the cycle. */
export function programmeWarnings(
  rows: readonly CoverageRow[],
): { code: string; message: string; blocking: boolean }[] {
  const never = rows.filter((r) => r.state === 'never').map((r) => r.unit);
  return never.length
    ? [
        {
          code: 'uncovered',
          blocking: false,
          message: `No audit covers ${never.length} clause(s) or control(s): ${never.slice(0, 12).join(', ')}${never.length > 12 ? ', …' : ''}.`,
        },
      ]
    : [];
}
