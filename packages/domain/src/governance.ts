import { z } from 'zod';
import { idRef, ZOwnerRef } from './ids';
import { versionField } from './version';

// The governance framework of step 2: six pillars Fortytwo groups the AIMS by (our own grouping,
// not the standard's), and the RACI of AIMS activities (clause 5.3, control A.3.2).

export const PILLARS = [
  'ethics_accountability',
  'risk_management',
  'transparency_explainability',
  'human_oversight',
  'data_governance',
  'continuous_monitoring',
] as const;
export type Pillar = (typeof PILLARS)[number];
export const PILLAR_LABELS: Record<Pillar, string> = {
  ethics_accountability: 'Ethics & accountability',
  risk_management: 'Risk management',
  transparency_explainability: 'Transparency & explainability',
  human_oversight: 'Human oversight',
  data_governance: 'Data governance',
  continuous_monitoring: 'Continuous monitoring',
};

const line = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${max} characters`);

export const ZUpdatePillar = z.strictObject({
  version: versionField('version is required: send the version you read (0 before the first save)'),
  ownerId: ZOwnerRef.nullable().optional(),
  objectives: z.array(line('Each objective', 500)).max(30, 'At most 30 objectives').optional(),
  policyStatements: z.array(line('Each policy statement', 1000)).max(30, 'At most 30 policy statements').optional(),
});

export const RACI_LETTERS = ['R', 'A', 'C', 'I'] as const;
export type RaciLetter = (typeof RACI_LETTERS)[number];
export const RACI_LABELS: Record<RaciLetter, string> = {
  R: 'Responsible',
  A: 'Accountable',
  C: 'Consulted',
  I: 'Informed',
};

/** Who an assignment names: a member, or everyone holding a role in the organization. */
export const ZRaciAssignee = z.union([
  z.strictObject({ userId: idRef('Person', 'a member of this organization') }),
  z.strictObject({ role: z.string().max(40) }),
]);
export const ZRaciAssignment = z.strictObject({
  assignee: ZRaciAssignee,
  letter: z.enum(RACI_LETTERS, { error: 'letter must be R, A, C or I' }),
});
export type RaciAssignment = z.output<typeof ZRaciAssignment>;

export const ZRaciActivityFields = z.strictObject({
  name: line('Activity', 200),
  description: z.string().trim().max(2000, 'Description must be at most 2000 characters').default(''),
  assignments: z.array(ZRaciAssignment).max(100).default([]),
});
export const ZUpdateRaciActivity = z
  .strictObject({
    name: line('Activity', 200),
    description: z.string().trim().max(2000, 'Description must be at most 2000 characters'),
    assignments: z.array(ZRaciAssignment).max(100),
  })
  .partial()
  .extend({ version: versionField('version is required: send the version you read') });

/**
 * The columns the RACI matrix shows, chosen for the whole organization (people and roles); anyone
 * already assigned somewhere is shown as well. The list replaces the saved one.
 */
export const ZUpdateRaciColumns = z.strictObject({
  version: versionField('version is required: send the version you read (0 before the first save)'),
  columns: z
    .array(
      z.union(
        [
          z.strictObject({ userId: idRef('Person', 'a member of this organization') }),
          z.strictObject({ role: z.string().max(40) }),
        ],
        { error: 'Each column is a person { "userId": "…" } or a role { "role": "…" }' },
      ),
      { error: 'columns must be a list' },
    )
    .max(100, 'At most 100 columns'),
});
/** Until someone chooses the columns, the first current members (by name) are shown; a large team adds the rest. */
export const DEFAULT_RACI_MEMBER_COLUMNS = 8;

/** The AIMS activities a new organization starts its RACI with (it can rename, add and remove). */
export const DEFAULT_RACI_ACTIVITIES: { name: string; description: string }[] = [
  {
    name: 'AI risk assessment',
    description: 'Identify, analyse and evaluate AI risks against the criteria (6.1.2, 8.2).',
  },
  {
    name: 'AI risk treatment and acceptance',
    description: 'Choose controls, keep the treatment plan, accept residual risk (6.1.3, 8.3).',
  },
  {
    name: 'AI system impact assessment',
    description: 'Assess effects on people and society for each AI system (6.1.4, 8.4, A.5).',
  },
  {
    name: 'Data quality and provenance',
    description: 'Data requirements, acquisition, quality and lineage for AI systems (A.7).',
  },
  { name: 'Human oversight', description: 'Design and run oversight of AI systems in use (A.9.3).' },
  { name: 'AI security', description: 'Protect AI systems against AI-specific threats, with the security team.' },
  { name: 'Privacy', description: 'Personal data in AI systems, with the data protection officer.' },
  {
    name: 'Supplier management',
    description: 'AI suppliers and third parties: due diligence, contracts, monitoring (A.10).',
  },
  { name: 'Internal audit', description: 'Plan and run the AIMS audit programme (9.2).' },
  { name: 'Management review', description: 'Prepare inputs and record decisions of top management (9.3).' },
  { name: 'Document control', description: 'Approve, publish, version and retain documented information (7.5).' },
  {
    name: 'Incident and concern handling',
    description: 'AI incidents, external reports and staff concerns (A.3.3, A.8.3, A.8.4).',
  },
];

/**
 * The two responsibilities clause 5.3 asks top management to assign (our wording). A new
 * organization's RACI carries them after the usual activities; the accountability check looks them
 * up by name, so a renamed one reads as missing.
 */
export const ACCOUNTABILITY_ACTIVITIES: {
  key: 'aims_conformity' | 'aims_performance_reporting';
  name: string;
  description: string;
}[] = [
  {
    key: 'aims_conformity',
    name: 'AIMS conformity to ISO/IEC 42001',
    description: 'Make sure the AI management system meets the requirements of the standard (5.3).',
  },
  {
    key: 'aims_performance_reporting',
    name: 'Reporting AIMS performance to top management',
    description: 'Tell top management how the AI management system is performing (5.3).',
  },
];
/** What a new organization's RACI starts with (migration 0010 seeded the first list only). */
export const NEW_ORGANIZATION_RACI: { name: string; description: string }[] = [
  ...DEFAULT_RACI_ACTIVITIES,
  ...ACCOUNTABILITY_ACTIVITIES.map(({ name, description }) => ({ name, description })),
];

export type AccountabilityWarning = {
  code: 'ACCOUNTABILITY_MISSING' | 'ACCOUNTABILITY_NO_ACCOUNTABLE';
  activity: string;
  message: string;
};

/** Warns when either 5.3 responsibility is missing from the RACI or has no one Accountable. */
export function accountabilityWarnings(
  activities: { name: string; assignments: { letter: string }[] }[],
): AccountabilityWarning[] {
  const out: AccountabilityWarning[] = [];
  for (const a of ACCOUNTABILITY_ACTIVITIES) {
    const found = activities.find((x) => x.name.trim().toLowerCase() === a.name.toLowerCase());
    if (!found)
      out.push({
        code: 'ACCOUNTABILITY_MISSING',
        activity: a.name,
        message: `The RACI has no activity "${a.name}": clause 5.3 asks top management to assign it. Add it and name one Accountable.`,
      });
    else if (!found.assignments.some((x) => x.letter === 'A'))
      out.push({
        code: 'ACCOUNTABILITY_NO_ACCOUNTABLE',
        activity: a.name,
        message: `Nobody is Accountable for "${a.name}" (5.3): top management must assign it to someone.`,
      });
  }
  return out;
}

/** Whether a member is part of the organization or works for it from outside (consultant, contractor). */
export const MEMBER_AFFILIATIONS = ['internal', 'external'] as const;
export type MemberAffiliation = (typeof MEMBER_AFFILIATIONS)[number];

export type RaciProblem = 'no_accountable' | 'several_accountable' | 'no_responsible';

/** What is wrong with one activity's assignments: exactly one Accountable, at least one Responsible. */
export function raciProblems(assignments: RaciAssignment[]): RaciProblem[] {
  const count = (l: RaciLetter) => assignments.filter((a) => a.letter === l).length;
  const problems: RaciProblem[] = [];
  if (count('A') === 0) problems.push('no_accountable');
  if (count('A') > 1) problems.push('several_accountable');
  if (count('R') === 0) problems.push('no_responsible');
  return problems;
}
export const RACI_PROBLEM_MESSAGES: Record<RaciProblem, string> = {
  no_accountable: 'Nobody is accountable: name exactly one Accountable.',
  several_accountable: 'More than one Accountable: keep exactly one, so a decision has one owner.',
  no_responsible: 'Nobody is responsible for doing the work: name at least one Responsible.',
};
