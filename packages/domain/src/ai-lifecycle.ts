import { z } from 'zod';
import { calendarDate, addDays } from './dates';
import type { RiskTier } from './enums';
import { versionField } from './version';

// The AI system life cycle (issue 16 items 1 and 2; 8.2, 8.4, A.6.2.4–A.6.2.8): releases of a
// system, the changes made to it, which changes are significant (rules as data, with a person's
// override and reason), the re-assessments a significant change opens, the verification and
// validation of a release before it is deployed, and the deployment record.

// ---------------------------------------------------------------- changes and significance

export const CHANGE_KINDS = [
  'retraining',
  'new_data_source',
  'vendor_model_update',
  'new_purpose',
  'new_user_group',
  'new_jurisdiction',
  'other',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  retraining: 'Retraining',
  new_data_source: 'New data source',
  vendor_model_update: 'Vendor model update',
  new_purpose: 'New purpose',
  new_user_group: 'New user group',
  new_jurisdiction: 'New jurisdiction',
  other: 'Other change',
};

/**
 * One significance rule: a change of `kind` (on a system of one of `riskTiers`, when given) is
 * significant or not, and why. The first rule that matches decides; a person may override it.
 */
export type SignificanceRule = {
  kind: ChangeKind;
  riskTiers?: readonly RiskTier[];
  significant: boolean;
  because: string;
};

/** The rules, in order. Data, not code: a change of the table is a change of the policy. */
export const SIGNIFICANCE_RULES: readonly SignificanceRule[] = [
  {
    kind: 'vendor_model_update',
    significant: true,
    because: 'The model behind the system changed outside the organization’s control',
  },
  { kind: 'new_purpose', significant: true, because: 'The intended purpose changed (8.4: re-assess the impacts)' },
  { kind: 'new_user_group', significant: true, because: 'New people are affected by the system' },
  { kind: 'new_jurisdiction', significant: true, because: 'New legal requirements may apply' },
  { kind: 'new_data_source', significant: true, because: 'Data from a new source can change the system’s behaviour' },
  {
    kind: 'retraining',
    riskTiers: ['high', 'prohibited'],
    significant: true,
    because: 'Retraining a high-risk system is always re-assessed',
  },
  {
    kind: 'retraining',
    significant: false,
    because: 'Retraining on the same kind of data, with the release verified before deployment',
  },
  { kind: 'other', significant: false, because: 'No rule applies: a person decides whether it is significant' },
];

export type SignificanceOverride = { significant: boolean; reason: string; byName: string };

export type Significance = {
  significant: boolean;
  /** What the rules say, before any override. */
  bySignificanceRule: boolean;
  because: string;
  overridden: boolean;
};

/** What the rules say about a change of `kind` on a system of `riskTier`. */
export function ruleFor(
  kind: ChangeKind,
  riskTier: RiskTier,
  rules: readonly SignificanceRule[] = SIGNIFICANCE_RULES,
): SignificanceRule {
  const found = rules.find((r) => r.kind === kind && (!r.riskTiers || r.riskTiers.includes(riskTier)));
  return found ?? { kind, significant: false, because: 'No rule applies: a person decides whether it is significant' };
}

/**
 * Whether a change is significant: the rule's answer, unless a person overrode it with a reason.
 * An override without a reason is refused (it is the record of a decision).
 */
export function significanceOf(
  kind: ChangeKind,
  riskTier: RiskTier,
  override: SignificanceOverride | null,
  rules: readonly SignificanceRule[] = SIGNIFICANCE_RULES,
): Significance {
  const rule = ruleFor(kind, riskTier, rules);
  if (override) {
    if (!override.reason.trim()) throw new Error('An override of the significance rule needs a reason');
    return {
      significant: override.significant,
      bySignificanceRule: rule.significant,
      because: `${override.byName}: ${override.reason.trim()}`,
      overridden: override.significant !== rule.significant,
    };
  }
  return {
    significant: rule.significant,
    bySignificanceRule: rule.significant,
    because: rule.because,
    overridden: false,
  };
}

// ---------------------------------------------------------------- re-assessments

export const REASSESSMENT_KINDS = ['risk_assessment', 'impact_assessment'] as const;
export type ReassessmentKind = (typeof REASSESSMENT_KINDS)[number];
export const REASSESSMENT_KIND_LABELS: Record<ReassessmentKind, string> = {
  risk_assessment: 'Risk assessment',
  impact_assessment: 'Impact assessment',
};
export const REASSESSMENT_STATUSES = ['due', 'done', 'cancelled'] as const;
export type ReassessmentStatus = (typeof REASSESSMENT_STATUSES)[number];

/** Days from a significant change to its re-assessments' due date. */
export const REASSESSMENT_DUE_DAYS = 30;

/**
 * What a change reopens, given its significance now and the re-assessments it already has: a
 * significant change opens a risk and an impact re-assessment (8.2, 8.4) unless one of that kind
 * is already open or done for it; a change no longer significant cancels the ones still due.
 */
export function reassessmentPlan(
  significant: boolean,
  existing: readonly { kind: ReassessmentKind; status: ReassessmentStatus }[],
): { open: ReassessmentKind[]; cancelDue: boolean } {
  if (!significant) return { open: [], cancelDue: existing.some((e) => e.status === 'due') };
  const open = REASSESSMENT_KINDS.filter((k) => !existing.some((e) => e.kind === k && e.status !== 'cancelled'));
  return { open, cancelDue: false };
}

export function reassessmentDueOn(openedOn: string): string {
  return addDays(openedOn, REASSESSMENT_DUE_DAYS);
}

/** The words both assessments show while a re-assessment is due. */
export function reassessmentDueText(change: { kind: ChangeKind; title: string; occurredOn: string }): string {
  return `Re-assessment due because of change “${change.title}” (${CHANGE_KIND_LABELS[change.kind]}, ${change.occurredOn})`;
}

// ---------------------------------------------------------------- verification and validation

export const VV_AREAS = ['performance', 'fairness', 'robustness', 'security'] as const;
export type VvArea = (typeof VV_AREAS)[number];
export const VV_AREA_LABELS: Record<VvArea, string> = {
  performance: 'Performance',
  fairness: 'Fairness',
  robustness: 'Robustness',
  security: 'Security',
};
export const VV_DECISIONS = ['deploy', 'deploy_with_conditions', 'do_not_deploy'] as const;
export type VvDecision = (typeof VV_DECISIONS)[number];
export const VV_DECISION_LABELS: Record<VvDecision, string> = {
  deploy: 'Deploy',
  deploy_with_conditions: 'Deploy with conditions',
  do_not_deploy: 'Do not deploy',
};

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);
const required = (what: string, max: number) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(max, `At most ${max} characters`);

export const ZVvTest = z.strictObject({
  area: z.enum(VV_AREAS, { error: `area must be one of: ${VV_AREAS.join(', ')}` }),
  criterion: required('The acceptance criterion', 500),
  result: required('The result', 500),
  passed: z.boolean({ error: 'passed must be true or false' }),
});
export type VvTest = z.infer<typeof ZVvTest>;

export const ZVerification = z.strictObject({
  tests: z.array(ZVvTest).min(1, 'Record at least one test against an acceptance criterion').max(200),
  decision: z.enum(VV_DECISIONS, { error: `decision must be one of: ${VV_DECISIONS.join(', ')}` }),
  decisionNote: text(3000).default(''),
  decidedOn: calendarDate('Decided on'),
  /** Who decided: a member's id, or else a name (a CI job records the name of the person who approved). */
  decidedById: z.string().max(64).nullable().default(null),
  decidedByName: text(200).default(''),
});
export type Verification = z.infer<typeof ZVerification>;

/** What a V&V record leaves open: areas not tested, failed criteria under a decision to deploy. */
export function verificationProblems(v: Pick<Verification, 'tests' | 'decision'>): string[] {
  const problems: string[] = [];
  const missing = VV_AREAS.filter((a) => !v.tests.some((t) => t.area === a));
  if (missing.length) problems.push(`Not tested: ${missing.map((a) => VV_AREA_LABELS[a].toLowerCase()).join(', ')}`);
  const failed = v.tests.filter((t) => !t.passed);
  if (failed.length && v.decision === 'deploy')
    problems.push(
      `Decided to deploy with ${failed.length} failed criteri${failed.length === 1 ? 'on' : 'a'} and no conditions`,
    );
  return problems;
}

// ---------------------------------------------------------------- releases and deployment

export const ZReleaseFields = z.strictObject({
  version: required('The release version (such as 2.1.0)', 100),
  releasedOn: calendarDate('Release date'),
  whatChanged: text(5000).default(''),
  modelVersion: text(200).default(''),
  dataVersion: text(200).default(''),
  approvedById: z.string().max(64).nullable().default(null),
  approvedByName: text(200).default(''),
});
export const ZCreateRelease = ZReleaseFields.extend({
  verification: ZVerification.optional(),
});
export type CreateRelease = z.infer<typeof ZCreateRelease>;
// The release's own version string travels as `releaseVersion` in updates, since `version` is the record's.
export const ZUpdateReleaseBody = z.strictObject({
  version: versionField(),
  releaseVersion: required('The release version', 100).optional(),
  releasedOn: calendarDate('Release date').optional(),
  whatChanged: text(5000).optional(),
  modelVersion: text(200).optional(),
  dataVersion: text(200).optional(),
  approvedById: z.string().max(64).nullable().optional(),
  approvedByName: text(200).optional(),
});
export type UpdateReleaseBody = z.infer<typeof ZUpdateReleaseBody>;

export const ZPutVerification = ZVerification.extend({ version: versionField() });

export const ZDeployment = z.strictObject({
  version: versionField(),
  deployedOn: calendarDate('Deployed on'),
  environment: required('The environment (such as production)', 200),
  note: text(3000).default(''),
});

export const RELEASE_FLAGS = [
  'deployed_without_verification',
  'deployed_against_decision',
  'verification_gaps',
] as const;
export type ReleaseFlag = (typeof RELEASE_FLAGS)[number];
export const RELEASE_FLAG_LABELS: Record<ReleaseFlag, string> = {
  deployed_without_verification: 'Deployed without a verification and validation record (A.6.2.4)',
  deployed_against_decision: 'Deployed although the V&V decision was not to deploy',
  verification_gaps: 'The V&V record leaves areas untested or failed criteria unconditioned',
};

/** What is wrong with a release as recorded: deployed without V&V, against its decision, or V&V with gaps. */
export function releaseFlags(r: {
  deployedOn: string | null;
  verification: Pick<Verification, 'tests' | 'decision'> | null;
}): ReleaseFlag[] {
  const flags: ReleaseFlag[] = [];
  if (r.deployedOn && !r.verification) flags.push('deployed_without_verification');
  if (r.deployedOn && r.verification?.decision === 'do_not_deploy') flags.push('deployed_against_decision');
  if (r.verification && verificationProblems(r.verification).length) flags.push('verification_gaps');
  return flags;
}

// ---------------------------------------------------------------- change events (API)

export const ZChangeFields = z.strictObject({
  kind: z.enum(CHANGE_KINDS, { error: `kind must be one of: ${CHANGE_KINDS.join(', ')}` }),
  title: required('A short title of the change', 200),
  description: text(5000).default(''),
  occurredOn: calendarDate('Date of the change'),
  releaseId: z
    .string()
    .min(1, 'releaseId must name a release of this AI system, or be null')
    .max(64)
    .nullable()
    .default(null),
  /** A person's decision against the rule, with its reason; omit to follow the rule. */
  override: z
    .strictObject({
      significant: z.boolean({ error: 'override.significant must be true or false' }),
      reason: required('The reason for overriding the significance rule', 2000),
    })
    .nullable()
    .default(null),
});
export type ChangeFields = z.infer<typeof ZChangeFields>;

export const ZSignificanceDecision = z.strictObject({
  version: versionField(),
  /** null returns the change to what the rule says. */
  override: z
    .strictObject({
      significant: z.boolean({ error: 'override.significant must be true or false' }),
      reason: required('The reason for overriding the significance rule', 2000),
    })
    .nullable(),
});

export const ZCompleteReassessment = z.strictObject({
  version: versionField(),
  note: required('What the re-assessment concluded', 3000),
});

// ---------------------------------------------------------------- operation and event logs (A.6.2.6, A.6.2.8)

const months = (what: string) =>
  z
    .number({ error: `${what} must be a number of months` })
    .int(`${what} must be a whole number of months`)
    .min(1, `${what} must be at least 1 month`)
    .max(1200, `${what} must be at most 1200 months`);

/** How a system is operated and monitored, which events it logs and how long the logs are kept. */
export const ZOperationPlan = z.strictObject({
  version: versionField(),
  monitoringPlan: text(10000).default(''),
  loggedEvents: text(5000).default(''),
  logRetentionMonths: months('Log retention').nullable().default(null),
});

/** The organization's own rule for keeping AI event logs: at least `minMonths`, at most `maxMonths` when set. */
export const ZLogRetentionRule = z
  .strictObject({
    version: versionField(),
    minMonths: months('Minimum retention'),
    maxMonths: months('Maximum retention').nullable().default(null),
  })
  .refine((r) => r.maxMonths === null || r.maxMonths >= r.minMonths, {
    message: 'Maximum retention must not be below the minimum retention',
    path: ['maxMonths'],
  });

/** What an operation plan leaves open against the organization's retention rule (A.6.2.8). */
export function operationPlanProblems(
  plan: { monitoringPlan: string; loggedEvents: string; logRetentionMonths: number | null },
  rule: { minMonths: number; maxMonths: number | null } | null,
): string[] {
  const problems: string[] = [];
  if (!plan.monitoringPlan.trim()) problems.push('No operation and monitoring plan (A.6.2.6)');
  if (!plan.loggedEvents.trim()) problems.push('No event-log specification: say which events are logged (A.6.2.8)');
  if (plan.logRetentionMonths === null) problems.push('No retention period for the event logs');
  else if (rule) {
    if (plan.logRetentionMonths < rule.minMonths)
      problems.push(
        `Logs kept ${plan.logRetentionMonths} months, less than the organization's minimum of ${rule.minMonths}`,
      );
    if (rule.maxMonths !== null && plan.logRetentionMonths > rule.maxMonths)
      problems.push(
        `Logs kept ${plan.logRetentionMonths} months, more than the organization's maximum of ${rule.maxMonths}`,
      );
  }
  return problems;
}
