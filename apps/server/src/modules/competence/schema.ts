import { z } from 'zod';
import {
  ASSIGNMENT_STATUSES,
  COMPLETION_RESULTS,
  DEVELOPMENT_ACTION_KINDS,
  COMPLETION_EVIDENCE_KINDS,
  MATRIX_STATES,
  PERSON_KINDS,
  ROLES,
} from '@fortytwo/domain';

// What the competence routes answer (7.2, 7.3, A.4.6).

const ZRef = z.object({ id: z.string(), name: z.string() });

export const ZCompetenceOut = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  aiRoles: z
    .array(z.string())
    .describe("AI sub-role ids (as in the context's AI roles) whose holders need this competence"),
  raciActivities: z
    .array(ZRef)
    .describe('RACI activities whose Responsible and Accountable people need this competence'),
  givenBy: z.array(z.object({ id: z.string(), title: z.string() })).describe('the development actions that give it'),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CompetenceOut = z.infer<typeof ZCompetenceOut>;

export const ZPersonOut = z.object({
  id: z.string().describe('for a member, their user id'),
  userId: z.string().nullable(),
  member: z.boolean().describe('a current member of the organization (has an account here)'),
  memberRole: z.enum(ROLES).nullable(),
  name: z.string(),
  email: z.string(),
  organization: z.string(),
  kind: z.enum(PERSON_KINDS),
  aiRoles: z.array(z.string()),
  raciResponsibilities: z
    .array(z.object({ id: z.string(), name: z.string(), letter: z.enum(['R', 'A']) }))
    .describe('RACI activities where the person (or their role) is Responsible or Accountable'),
  active: z.boolean().describe('false for someone who left, or a former member'),
  version: z.number().describe('0 for a member whose competence record was never edited'),
});
export type PersonOut = z.infer<typeof ZPersonOut>;

export const ZDevelopmentActionOut = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(DEVELOPMENT_ACTION_KINDS),
  description: z.string(),
  provider: z.string(),
  competences: z.array(ZRef),
  validityMonths: z.number().nullable().describe('months a completion counts for; null when it does not expire'),
  openAssignments: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DevelopmentActionOut = z.infer<typeof ZDevelopmentActionOut>;

export const ZCompletionOut = z.object({
  id: z.string(),
  assignmentId: z.string(),
  completedOn: z.string(),
  result: z.enum(COMPLETION_RESULTS),
  evidenceKind: z.enum(COMPLETION_EVIDENCE_KINDS),
  attestation: z.string(),
  expiresOn: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.object({ id: z.string().nullable(), name: z.string() }),
  evidence: z
    .array(
      z.object({
        id: z.string(),
        number: z.number(),
        reference: z.string(),
        title: z.string(),
        kind: z.enum(['file', 'link']),
        fileName: z.string().nullable(),
        url: z.string().nullable(),
        expiresOn: z.string().nullable(),
        expiryState: z.string(),
      }),
    )
    .describe('the certificate(s) in the evidence library'),
});
export type CompletionOut = z.infer<typeof ZCompletionOut>;

export const ZAssignmentOut = z.object({
  id: z.string(),
  person: z.object({ id: z.string(), name: z.string(), userId: z.string().nullable() }),
  action: z.object({ id: z.string(), title: z.string(), kind: z.enum(DEVELOPMENT_ACTION_KINDS) }),
  dueOn: z.string().nullable(),
  status: z.enum(ASSIGNMENT_STATUSES),
  overdue: z.boolean(),
  assignedAt: z.string(),
  assignedBy: z.object({ id: z.string().nullable(), name: z.string() }),
  completions: z.array(ZCompletionOut).describe('every recorded attempt, newest first'),
  version: z.number(),
});
export type AssignmentOut = z.infer<typeof ZAssignmentOut>;

export const ZAwarenessOut = z
  .object({
    state: z.enum(['acknowledged', 'pending', 'no_account', 'no_policy']),
    at: z.string().nullable(),
    versionLabel: z.string().nullable(),
  })
  .describe("awareness of the AI policy in force, from the documents module's acknowledgements (7.3)");
export type AwarenessOut = z.infer<typeof ZAwarenessOut>;

export const ZMatrixCellOut = z.object({
  competenceId: z.string(),
  required: z.boolean(),
  because: z.array(z.string()).describe('the AI roles and RACI activities, by name, that make it required'),
  state: z.enum(MATRIX_STATES),
  expiresOn: z.string().nullable(),
  completionId: z.string().nullable(),
});

export const ZMatrixOut = z.object({
  today: z.string(),
  policy: z.object({ documentId: z.string(), title: z.string(), versionLabel: z.string() }).nullable(),
  competences: z.array(z.object({ id: z.string(), name: z.string() })),
  rows: z.array(
    z.object({
      person: z.object({ id: z.string(), name: z.string(), kind: z.enum(PERSON_KINDS), member: z.boolean() }),
      cells: z.array(ZMatrixCellOut),
      summary: z.object({
        required: z.number(),
        met: z.number(),
        expiring: z.number(),
        expired: z.number(),
        gap: z.number(),
      }),
      awareness: ZAwarenessOut,
    }),
  ),
});
export type MatrixOut = z.infer<typeof ZMatrixOut>;

export const ZPersonDetail = ZPersonOut.extend({
  assignments: z.array(ZAssignmentOut),
  matrix: z.array(ZMatrixCellOut.extend({ competence: z.string() })),
  awareness: ZAwarenessOut,
});
