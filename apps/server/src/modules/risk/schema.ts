import { z } from 'zod';
import { EFFECTIVENESS, RISK_KINDS, RISK_LEVELS, TREATMENT_OPTIONS } from '@fortytwo/domain';
import { ZActionOut, type ActionOut } from '../actions/service';
import { ZPeople, type Owned } from '../../platform/people';

// What the risk routes answer: the register's row, its treatments, acceptances and dated ratings.

const ZPerson = z.object({ id: z.string().nullable(), name: z.string() });

export const ZTreatmentOut = z.object({
  id: z.string(),
  riskId: z.string(),
  option: z.enum(TREATMENT_OPTIONS),
  description: z.string(),
  resources: z.string().describe('people, budget and tools the treatment needs'),
  controlRefs: z.array(z.string()),
  controls: z.array(z.object({ ref: z.string(), title: z.string() })),
  residualLikelihood: z.number().nullable(),
  residualConsequence: z.number().nullable(),
  residualScore: z.number().nullable(),
  residualLevel: z.enum(RISK_LEVELS).nullable(),
  verification: z.string(),
  effectiveness: z.enum(EFFECTIVENESS).nullable(),
  verifiedAt: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  actions: z.array(ZActionOut).describe('each action names its owner by `ownerId`: a key of the answer’s `people`'),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A treatment as the services build it: each action with its owner embedded. */
export type TreatmentOut = Omit<z.infer<typeof ZTreatmentOut>, 'actions'> & { actions: ActionOut[] };
export const ZTreatmentAnswer = ZTreatmentOut.extend({ people: ZPeople });

export const ZAcceptanceOut = z.object({
  id: z.string(),
  riskId: z.string(),
  level: z.enum(RISK_LEVELS),
  rationale: z.string(),
  acceptedAt: z.string(),
  acceptedBy: ZPerson,
  expiresAt: z.string(),
});
export type AcceptanceOut = z.infer<typeof ZAcceptanceOut>;

export const ZAssessmentOut = z.object({
  id: z.string(),
  kind: z.enum(['inherent', 'residual']),
  treatmentId: z.string().nullable(),
  likelihood: z.number(),
  consequence: z.number(),
  score: z.number(),
  level: z.enum(RISK_LEVELS),
  criteriaNumber: z.number(),
  note: z.string(),
  assessedAt: z.string(),
  assessedBy: ZPerson,
});
export type AssessmentOut = z.infer<typeof ZAssessmentOut>;

export const ACCEPTANCE_STATES = ['none', 'in_force', 'expiring', 'expired'] as const;

export const ZRiskOut = z.object({
  id: z.string(),
  ref: z.string().describe('R-1, R-2, … in the order risks were recorded'),
  number: z.number(),
  title: z.string(),
  kind: z.enum(RISK_KINDS),
  description: z.string(),
  aiSystemId: z.string().nullable(),
  aiSystem: z.object({ id: z.string(), name: z.string() }).nullable(),
  source: z.string(),
  sourceLabel: z.string(),
  consequencesOrganization: z.string(),
  consequencesIndividuals: z.string(),
  consequencesSociety: z.string(),
  likelihood: z.number().nullable().describe('null until the risk is rated'),
  consequence: z.number().nullable(),
  inherentScore: z.number().nullable(),
  inherentLevel: z.enum(RISK_LEVELS).nullable(),
  rated: z
    .boolean()
    .describe('false until someone rates likelihood and consequence; an open unrated risk needs attention'),
  residualLikelihood: z.number().nullable(),
  residualConsequence: z.number().nullable(),
  residualScore: z.number().nullable(),
  residualLevel: z.enum(RISK_LEVELS).nullable(),
  criteriaNumber: z.number().nullable().describe('the criteria the latest inherent rating used (null while unrated)'),
  ownerId: z.string().nullable().describe('the risk owner: a key of the answer’s `people`'),
  reviewDate: z.string().nullable(),
  reviewOverdue: z.boolean(),
  status: z.enum(['open', 'closed']),
  impactAssessmentId: z.string().nullable(),
  treatments: z.array(ZTreatmentOut),
  acceptance: ZAcceptanceOut.nullable().describe('the latest acceptance of the residual risk'),
  acceptanceState: z.enum(ACCEPTANCE_STATES),
  needsAttention: z
    .boolean()
    .describe('not rated yet, or above the acceptance level with no treatment and no acceptance in force'),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A risk as the services build it: its owner embedded (the exports print it); answers carry `people` instead. */
export type RiskOut = Omit<z.infer<typeof ZRiskOut>, 'treatments'> & Owned & { treatments: TreatmentOut[] };

export const ZRiskDetail = ZRiskOut.extend({
  assessments: z.array(ZAssessmentOut).describe('every rating, newest first'),
});

/** One risk's answer: the risk and the people it names. */
export const ZRiskAnswer = ZRiskOut.extend({ people: ZPeople });
export const ZRiskDetailAnswer = ZRiskDetail.extend({ people: ZPeople });
