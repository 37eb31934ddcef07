import { z } from 'zod';
import { addDays, addMonths, calendarDate } from './dates';
import { idRef } from './ids';
import { versionField } from './version';

// The certification body's own audits and the three-year cycle (step 6, items 4 and 5). Sources:
// shared/iso42001/CERTIFICATION.md §3 (timing: majors verified closed before the certification
// decision, minors need an accepted plan, first surveillance within 12 months of the decision,
// surveillance in year 2, recertification before expiry) and §3.1 (what a CB expects of a plan).

export const CERT_AUDIT_KINDS = ['stage1', 'stage2', 'surveillance1', 'surveillance2', 'recertification'] as const;
export type CertAuditKind = (typeof CERT_AUDIT_KINDS)[number];
export const CERT_AUDIT_KIND_LABELS: Record<CertAuditKind, string> = {
  stage1: 'Stage 1',
  stage2: 'Stage 2',
  surveillance1: 'Surveillance 1',
  surveillance2: 'Surveillance 2',
  recertification: 'Recertification',
};

export const CERT_AUDIT_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type CertAuditStatus = (typeof CERT_AUDIT_STATUSES)[number];
export const CERT_AUDIT_STATUS_LABELS: Record<CertAuditStatus, string> = {
  planned: 'Planned',
  done: 'Done',
  cancelled: 'Cancelled',
};

/** major and minor become nonconformities; an OFI (opportunity for improvement) goes to the improvement log. */
export const CERT_FINDING_GRADES = ['major', 'minor', 'ofi'] as const;
export type CertFindingGrade = (typeof CERT_FINDING_GRADES)[number];
export const CERT_FINDING_GRADE_LABELS: Record<CertFindingGrade, string> = {
  major: 'Major nonconformity',
  minor: 'Minor nonconformity',
  ofi: 'Opportunity for improvement',
};

/**
 * Default CB deadlines from the last audit day, when the CB gave none. Major: verified closed
 * (CBs follow majors up within about 90 days; after 6 months a new stage 2 is needed). Minor: the
 * corrective action plan accepted (90 days is the usual response time). CERTIFICATION.md §3 [U].
 */
export const CB_DEADLINE_DAYS: Record<Exclude<CertFindingGrade, 'ofi'>, number> = { major: 90, minor: 90 };
/** A major not verified within 6 months of stage 2's last day means another stage 2 (§3 [V]). */
export const MAJOR_VERIFICATION_LIMIT_MONTHS = 6;
export const CYCLE_YEARS = 3;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`);

const ZTeam = z
  .array(
    z.strictObject({
      name: z.string().trim().min(1, 'Each auditor needs a name').max(200),
      role: text('Auditor role', 100),
    }),
  )
  .max(50, 'At most 50 auditors');

const AUDIT_FIELDS = {
  kind: z.enum(CERT_AUDIT_KINDS, { error: `Audit must be one of: ${CERT_AUDIT_KINDS.join(', ')}` }),
  status: z.enum(CERT_AUDIT_STATUSES, { error: `Status must be one of: ${CERT_AUDIT_STATUSES.join(', ')}` }),
  startDate: calendarDate('First audit day').nullable(),
  endDate: calendarDate('Last audit day').nullable(),
  dueBy: calendarDate('Due by').nullable(),
  team: ZTeam,
  conclusion: text('Conclusion', 20_000),
};
const dayOrder = (a: { startDate?: string | null; endDate?: string | null }) =>
  !a.startDate || !a.endDate || a.endDate >= a.startDate;
const DAY_ORDER = { message: 'Last audit day must not be before the first audit day', path: ['endDate'] };

export const ZCertAuditFields = z
  .strictObject({
    ...AUDIT_FIELDS,
    status: AUDIT_FIELDS.status.default('planned'),
    startDate: AUDIT_FIELDS.startDate.default(null),
    endDate: AUDIT_FIELDS.endDate.default(null),
    dueBy: AUDIT_FIELDS.dueBy.default(null),
    team: AUDIT_FIELDS.team.default([]),
    conclusion: AUDIT_FIELDS.conclusion.default(''),
  })
  .refine(dayOrder, DAY_ORDER);
export type CertAuditFields = z.output<typeof ZCertAuditFields>;
export const ZUpdateCertAudit = z
  .strictObject(AUDIT_FIELDS)
  .omit({ kind: true })
  .partial()
  .extend({ version: versionField() })
  .refine(dayOrder, DAY_ORDER);

export const ZCertFindingFields = z.strictObject({
  grade: z.enum(CERT_FINDING_GRADES, { error: 'Grade must be major, minor or ofi' }),
  clauseRef: z
    .string({ error: 'Clause or control is required' })
    .trim()
    .min(1, 'Clause or control is required, such as 6.1.4 or A.5.2')
    .max(40, 'Clause or control must be at most 40 characters'),
  title: z
    .string({ error: 'Title is required' })
    .trim()
    .min(1, 'Title is required: say in a line what the auditor found')
    .max(300, 'Title must be at most 300 characters'),
  statement: text('Statement', 5000).default(''),
  evidence: text('Evidence', 5000).default(''),
  ownerId: idRef('Owner', 'a member of this organization').nullable().default(null),
  cbDeadline: calendarDate('CB deadline').nullable().default(null),
});
export type CertFindingFields = z.output<typeof ZCertFindingFields>;
export const ZUpdateCertFinding = z
  .strictObject({
    clauseRef: ZCertFindingFields.shape.clauseRef,
    title: ZCertFindingFields.shape.title,
    statement: text('Statement', 5000),
    evidence: text('Evidence', 5000),
    cbDeadline: calendarDate('CB deadline').nullable(),
    cbAcceptedOn: calendarDate('Accepted by the CB on').nullable(),
  })
  .partial()
  .extend({ version: versionField() });

const CERT_FIELDS = {
  certificateNumber: z
    .string({ error: 'Certificate number is required' })
    .trim()
    .min(1, 'Certificate number is required')
    .max(100, 'Certificate number must be at most 100 characters'),
  decisionDate: calendarDate('Certification decision date'),
  issueDate: calendarDate('Issue date'),
  expiryDate: calendarDate('Expiry date').nullable(),
  scope: text('Scope on the certificate', 20_000),
  cbName: text('Certification body', 200),
  accredited: z.boolean({ error: 'Accredited must be true or false' }),
};
export const ZCertificateFields = z
  .strictObject({
    ...CERT_FIELDS,
    expiryDate: CERT_FIELDS.expiryDate.default(null).describe('default: 3 years after the decision, less a day'),
    scope: CERT_FIELDS.scope.default(''),
    cbName: CERT_FIELDS.cbName.default('').describe("default: the engagement's certification body"),
    accredited: CERT_FIELDS.accredited.optional().describe("default: the engagement's accreditation"),
  })
  .refine((c) => c.issueDate >= c.decisionDate, {
    message: 'Issue date must not be before the certification decision date',
    path: ['issueDate'],
  })
  .refine((c) => !c.expiryDate || c.expiryDate > c.issueDate, {
    message: 'Expiry date must be after the issue date',
    path: ['expiryDate'],
  });
export type CertificateFields = z.output<typeof ZCertificateFields>;
export const ZUpdateCertificate = z
  .strictObject({
    certificateNumber: CERT_FIELDS.certificateNumber,
    scope: CERT_FIELDS.scope,
    status: z.enum(['active', 'suspended', 'withdrawn'], { error: 'Status must be active, suspended or withdrawn' }),
  })
  .partial()
  .extend({ version: versionField() });

// ---- the cycle -----------------------------------------------------------------------------------

/** Expiry of a certificate: three years after the certification decision, less a day. */
export const certificateExpiry = (decisionDate: string) => addDays(addMonths(decisionDate, CYCLE_YEARS * 12), -1);

export type PlannedCycleAudit = { kind: CertAuditKind; startDate: string; dueBy: string };

/**
 * The audits a certificate schedules: surveillance 1 due within 12 months of the decision,
 * surveillance 2 within 24, recertification before expiry. Each is planned a month before its
 * latest date so the CB has room; recertification three months before expiry, so that the CB's
 * decision (and any major closed) also falls before it.
 */
export function cycleAudits(decisionDate: string, expiryDate: string): PlannedCycleAudit[] {
  const s1Due = addMonths(decisionDate, 12);
  const s2Due = addMonths(decisionDate, 24);
  return [
    { kind: 'surveillance1', startDate: addMonths(s1Due, -1), dueBy: s1Due },
    { kind: 'surveillance2', startDate: addMonths(s2Due, -1), dueBy: s2Due },
    { kind: 'recertification', startDate: addMonths(expiryDate, -3), dueBy: addDays(expiryDate, -1) },
  ];
}

/** The default CB deadline of a finding: 90 days after the last audit day (or the day it was recorded). */
export const defaultCbDeadline = (grade: CertFindingGrade, lastAuditDay: string): string | null =>
  grade === 'ofi' ? null : addDays(lastAuditDay, CB_DEADLINE_DAYS[grade]);

export type FindingFacts = {
  ref: string;
  grade: CertFindingGrade;
  auditKind: CertAuditKind;
  ncRef: string | null;
  ncStatus: string | null;
  cbAcceptedOn: string | null;
};

/** Where a finding stands for the CB: a major is closed once its NC is; a minor once the CB accepted the plan. */
export function findingState(f: FindingFacts): 'open' | 'plan_accepted' | 'closed' | 'noted' {
  if (f.grade === 'ofi') return 'noted';
  if (f.ncStatus === 'closed') return 'closed';
  if (f.grade === 'minor' && f.cbAcceptedOn) return 'plan_accepted';
  return 'open';
}
export const FINDING_STATE_LABELS = {
  open: 'Open',
  plan_accepted: 'Plan accepted by the CB',
  closed: 'Closed',
  noted: 'Noted',
} as const;

/**
 * Why the CB cannot take the certification decision yet (empty: it can): the stage-2 audit is
 * not done, a major of stage 1 or 2 is not closed, or a minor has no plan the CB accepted.
 */
export function certificationDecisionBlockers(
  audits: { kind: CertAuditKind; status: CertAuditStatus }[],
  findings: FindingFacts[],
): string[] {
  const out: string[] = [];
  if (!audits.some((a) => a.kind === 'stage2' && a.status === 'done'))
    out.push('The stage 2 audit must be recorded as done first.');
  for (const f of findings) {
    if (f.auditKind !== 'stage1' && f.auditKind !== 'stage2') continue;
    const state = findingState(f);
    const nc = f.ncRef ?? f.ref;
    if (f.grade === 'major' && state !== 'closed')
      out.push(`Major ${nc} (${CERT_AUDIT_KIND_LABELS[f.auditKind]}) must be verified closed first.`);
    if (f.grade === 'minor' && state === 'open')
      out.push(`Minor ${nc} (${CERT_AUDIT_KIND_LABELS[f.auditKind]}) needs a corrective action plan the CB accepted.`);
  }
  return out;
}
