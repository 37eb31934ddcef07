import { z } from 'zod';
import { AI_SUB_ROLE_LABELS } from './context';
import { calendarDate, addMonths } from './dates';
import { expiryState } from './evidence';
import { idRef } from './ids';
import { versionField } from './version';

// Competence, training and awareness (ISO/IEC 42001 7.2, 7.3, A.4.6), in our own words: the
// organization says which competences each AI role and each RACI responsibility needs, records
// people (members and people without an account) and the development actions that give a
// competence (courses, mentoring, hiring …), assigns them and records their completion with
// evidence. The competence matrix is derived from those records, never typed in.

export const PERSON_KINDS = ['internal', 'external'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];
export const PERSON_KIND_LABELS: Record<PersonKind, string> = {
  internal: 'Internal',
  external: 'External (contractor, partner)',
};

export const DEVELOPMENT_ACTION_KINDS = ['course', 'training', 'mentoring', 'hiring', 'reassignment', 'other'] as const;
export type DevelopmentActionKind = (typeof DEVELOPMENT_ACTION_KINDS)[number];
export const DEVELOPMENT_ACTION_KIND_LABELS: Record<DevelopmentActionKind, string> = {
  course: 'Course',
  training: 'Training',
  mentoring: 'Mentoring',
  hiring: 'Hiring',
  reassignment: 'Reassignment',
  other: 'Other action',
};

export const COMPLETION_RESULTS = ['passed', 'attended', 'failed'] as const;
export type CompletionResult = (typeof COMPLETION_RESULTS)[number];
export const COMPLETION_RESULT_LABELS: Record<CompletionResult, string> = {
  passed: 'Passed',
  attended: 'Attended',
  failed: 'Not passed',
};
/** Only these results give the action's competences; a failed attempt is kept as a record. */
export const GIVES_COMPETENCE: readonly CompletionResult[] = ['passed', 'attended'];

export const COMPLETION_EVIDENCE_KINDS = ['certificate', 'attestation'] as const;
export type CompletionEvidenceKind = (typeof COMPLETION_EVIDENCE_KINDS)[number];

export const ASSIGNMENT_STATUSES = ['open', 'completed', 'cancelled'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const MATRIX_STATES = ['met', 'expiring', 'expired', 'gap', 'not_required'] as const;
export type MatrixState = (typeof MATRIX_STATES)[number];
export const MATRIX_STATE_LABELS: Record<MatrixState, string> = {
  met: 'Met',
  expiring: 'Expiring',
  expired: 'Expired',
  gap: 'Gap',
  not_required: 'Not required',
};
// A competence whose evidence ends within EXPIRING_WITHIN_DAYS (evidence.ts, 30 days) shows as
// expiring and becomes a due item: one rule with the evidence library's expiry flags.

const line = (what: string, max: number) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(max, `${what} must be at most ${max} characters`);
const optional = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .max(max, `${what} must be at most ${max} characters`);
const idList = (label: string, what: string, max: number) =>
  z.array(idRef(label, what), { error: `${label}: send a list of ids` }).max(max, `${label}: at most ${max}`);
const aiSubRoles = z
  .array(z.string().max(60), { error: 'AI roles: send a list of AI role ids' })
  .max(30, 'AI roles: at most 30')
  .refine((l) => l.every((r) => r in AI_SUB_ROLE_LABELS), {
    message: `AI roles: each must be one of ${Object.keys(AI_SUB_ROLE_LABELS).join(', ')}`,
  });

export const ZCompetenceFields = z.strictObject({
  name: line('Name', 200),
  description: optional('Description', 2000).default(''),
  aiRoles: aiSubRoles.default([]),
  raciActivityIds: idList('RACI responsibilities', 'an activity of the RACI', 50).default([]),
});
export const ZUpdateCompetence = z
  .strictObject({
    name: line('Name', 200),
    description: optional('Description', 2000),
    aiRoles: aiSubRoles,
    raciActivityIds: idList('RACI responsibilities', 'an activity of the RACI', 50),
  })
  .partial()
  .extend({ version: versionField() });

/** A person without an account (a contractor); members are people already and only gain AI roles. */
export const ZPersonFields = z.strictObject({
  name: line('Name', 200),
  email: z
    .union([z.literal(''), z.email({ error: 'Email must be an email address such as ana@example.com' }).max(320)])
    .default(''),
  organization: optional('Organization', 200).default(''),
  kind: z.enum(PERSON_KINDS, { error: 'Internal or external: choose internal or external' }).default('external'),
  aiRoles: aiSubRoles.default([]),
});
export const ZUpdatePerson = z
  .strictObject({
    name: line('Name', 200),
    email: z.union([
      z.literal(''),
      z.email({ error: 'Email must be an email address such as ana@example.com' }).max(320),
    ]),
    organization: optional('Organization', 200),
    kind: z.enum(PERSON_KINDS, { error: 'Internal or external: choose internal or external' }),
    aiRoles: aiSubRoles,
    active: z.boolean({ error: 'Active must be true or false' }),
  })
  .partial()
  .extend({ version: versionField('version is required: send the version you read (0 for a member not yet edited)') });

const validity = z
  .number({ error: 'Valid for (months) must be a whole number of months, or null when it does not expire' })
  .int('Valid for (months) must be a whole number of months')
  .min(1, 'Valid for (months) must be at least 1')
  .max(600, 'Valid for (months) must be at most 600');
export const ZDevelopmentActionFields = z.strictObject({
  title: line('Title', 200),
  kind: z.enum(DEVELOPMENT_ACTION_KINDS, { error: `Kind must be one of: ${DEVELOPMENT_ACTION_KINDS.join(', ')}` }),
  description: optional('Description', 2000).default(''),
  provider: optional('Provider', 200).default(''),
  competenceIds: idList('Competences given', 'a competence of this organization', 50).default([]),
  validityMonths: validity.nullable().default(null),
});
export const ZUpdateDevelopmentAction = z
  .strictObject({
    title: line('Title', 200),
    kind: ZDevelopmentActionFields.shape.kind,
    description: optional('Description', 2000),
    provider: optional('Provider', 200),
    competenceIds: idList('Competences given', 'a competence of this organization', 50),
    validityMonths: validity.nullable(),
  })
  .partial()
  .extend({ version: versionField() });

export const ZAssignmentFields = z.strictObject({
  personId: idRef('Person', 'a person of this organization'),
  actionId: idRef('Development action', 'a course, training or other action of this organization'),
  dueOn: calendarDate('Due date').nullable().default(null),
});
export const ZUpdateAssignment = z
  .strictObject({
    dueOn: calendarDate('Due date').nullable(),
    status: z.enum(['open', 'cancelled'], {
      error: 'Status must be open or cancelled (a completion closes an assignment)',
    }),
  })
  .partial()
  .extend({ version: versionField() });

export const ZCompletionFields = z
  .strictObject({
    version: versionField(),
    completedOn: calendarDate('Completed on'),
    result: z.enum(COMPLETION_RESULTS, { error: 'Result must be passed, attended or failed' }),
    evidenceKind: z.enum(COMPLETION_EVIDENCE_KINDS, { error: 'Evidence must be a certificate or an attestation' }),
    attestation: optional('Attestation', 2000).default(''),
    expiresOn: calendarDate('Expires on')
      .nullable()
      .optional()
      .describe("the date the certificate states; by default the completion date plus the action's validity"),
    evidenceId: idRef('Certificate', 'a piece of evidence in the evidence library').nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.evidenceKind === 'certificate' && !v.evidenceId)
      ctx.addIssue({
        code: 'custom',
        path: ['evidenceId'],
        message: 'Certificate: upload the certificate to the evidence library, or record a signed attestation instead',
      });
    if (v.evidenceKind === 'attestation' && !v.attestation)
      ctx.addIssue({
        code: 'custom',
        path: ['attestation'],
        message:
          'Attestation: write what the person or their manager attests (e.g. "Completed the course and applied it on project X")',
      });
    if (v.expiresOn && v.expiresOn < v.completedOn)
      ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'Expires on must be on or after Completed on' });
  });

/** When a completion stops counting: the date the certificate states, else completion + validity, else never. */
export function expiryOf(completedOn: string, validityMonths: number | null, stated?: string | null): string | null {
  if (stated) return stated;
  return validityMonths === null ? null : addMonths(completedOn, validityMonths);
}

// ---- The matrix --------------------------------------------------------------------------------

export type MatrixPerson = { id: string; aiRoles: readonly string[]; raciActivityIds: readonly string[] };
export type MatrixCompetence = { id: string; aiRoles: readonly string[]; raciActivityIds: readonly string[] };
export type MatrixAction = { id: string; competenceIds: readonly string[] };
export type MatrixCompletion = {
  id: string;
  personId: string;
  actionId: string;
  completedOn: string;
  result: CompletionResult;
  expiresOn: string | null;
};

export type MatrixCell = {
  personId: string;
  competenceId: string;
  required: boolean;
  /** Why it is required: the AI role ids and RACI activity ids of the person that ask for it. */
  because: { aiRoles: string[]; raciActivityIds: string[] };
  state: MatrixState;
  /** The completion that counts (the one lasting longest), when the person holds the competence at all. */
  completionId: string | null;
  expiresOn: string | null;
};

const laterExpiry = (a: string | null, b: string | null) => (a === null || b === null ? null : a > b ? a : b);

/**
 * One cell: required when the person holds an AI role or a RACI responsibility the competence asks
 * for. Held through completions that give it; the longest-lasting one counts (no expiry beats any
 * date). Expired before today, expiring when it ends within `EXPIRING_WITHIN_DAYS` days (today included).
 */
export function matrixCell(
  person: MatrixPerson,
  competence: MatrixCompetence,
  actions: readonly MatrixAction[],
  completions: readonly MatrixCompletion[],
  today: string,
): MatrixCell {
  const aiRoles = competence.aiRoles.filter((r) => person.aiRoles.includes(r));
  const raciActivityIds = competence.raciActivityIds.filter((a) => person.raciActivityIds.includes(a));
  const required = aiRoles.length + raciActivityIds.length > 0;
  const giving = new Set(actions.filter((a) => a.competenceIds.includes(competence.id)).map((a) => a.id));
  let best: MatrixCompletion | null = null;
  for (const c of completions) {
    if (c.personId !== person.id || !giving.has(c.actionId) || !GIVES_COMPETENCE.includes(c.result)) continue;
    if (
      !best ||
      laterExpiry(best.expiresOn, c.expiresOn) !== best.expiresOn ||
      (c.expiresOn === best.expiresOn && c.completedOn > best.completedOn)
    )
      best = c;
  }
  const held = best ? heldState(best.expiresOn, today) : 'gap';
  return {
    personId: person.id,
    competenceId: competence.id,
    required,
    because: { aiRoles, raciActivityIds },
    // A competence nobody asks of the person is shown as held or not, never as a gap.
    state: required || held !== 'gap' ? held : 'not_required',
    completionId: best?.id ?? null,
    expiresOn: best?.expiresOn ?? null,
  };
}

function heldState(expiresOn: string | null, today: string): MatrixState {
  const state = expiryState(expiresOn, today);
  return state === 'current' ? 'met' : state;
}

export type MatrixRowSummary = {
  personId: string;
  required: number;
  met: number;
  expiring: number;
  expired: number;
  gap: number;
};

/** The whole matrix: a cell per person and competence, and per person the counts of required cells. */
export function competenceMatrix(
  people: readonly MatrixPerson[],
  competences: readonly MatrixCompetence[],
  actions: readonly MatrixAction[],
  completions: readonly MatrixCompletion[],
  today: string,
) {
  const cells = people.flatMap((p) => competences.map((c) => matrixCell(p, c, actions, completions, today)));
  const summaries: MatrixRowSummary[] = people.map((p) => {
    const mine = cells.filter((c) => c.personId === p.id && c.required);
    const count = (s: MatrixState) => mine.filter((c) => c.state === s).length;
    return {
      personId: p.id,
      required: mine.length,
      met: count('met'),
      expiring: count('expiring'),
      expired: count('expired'),
      gap: count('gap'),
    };
  });
  return { cells, summaries };
}
