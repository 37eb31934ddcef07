import { z } from 'zod';
import { calendarDate } from './dates';
import { idRef, ZAiSystemRef, ZOwnerRef } from './ids';
import { RISK_KINDS, TREATMENT_OPTIONS, EFFECTIVENESS } from './risk-vocabulary';
import { versionField } from './version';

// What the risk register accepts (6.1.2, 8.2, 6.1.3, 8.3): a risk, its re-assessment, a treatment and
// the acceptance of a residual risk, with the messages a person reads.

const rating = (what: string) =>
  z
    .number({ error: `${what} is required: a whole number from 1 on the criteria's scale` })
    .int(`${what} must be a whole number`)
    .min(1, `${what} must be at least 1`)
    .max(10, `${what} must be at most 10`);
const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);
const reviewDate = calendarDate('Review date');

export const ZRiskFields = z.strictObject({
  title: z
    .string({ error: 'title is required' })
    .trim()
    .min(1, 'Give the risk a title')
    .max(200, 'Title must be at most 200 characters'),
  kind: z.enum(RISK_KINDS, { error: 'kind must be risk or opportunity' }).default('risk'),
  description: text(5000).default(''),
  aiSystemId: ZAiSystemRef.nullable().default(null),
  source: z
    .string({ error: 'source is required: an Annex C.3 ref such as C.3.4, or your own words' })
    .trim()
    .min(1, 'Give the risk source: an Annex C.3 ref such as C.3.4, or your own words')
    .max(300),
  consequencesOrganization: text(5000).default(''),
  consequencesIndividuals: text(5000).default(''),
  consequencesSociety: text(5000).default(''),
  // No rating until someone rates: a default would look like a judgement nobody made. An unrated
  // risk is flagged until it is rated (see riskNeedsAttention).
  likelihood: rating('Likelihood').nullable().default(null),
  consequence: rating('Consequence').nullable().default(null),
  ownerId: ZOwnerRef.nullable().default(null),
  reviewDate: reviewDate.nullable().default(null),
  impactAssessmentId: idRef('Impact assessment', 'an impact assessment of this organization').nullable().default(null),
});

/** A first rating is both likelihood and consequence, or neither (the risk stays unrated). */
export function halfRatedProblem(r: {
  likelihood: number | null;
  consequence: number | null;
}): { field: 'likelihood' | 'consequence'; message: string } | null {
  if (r.likelihood === null && r.consequence !== null)
    return {
      field: 'likelihood',
      message: 'Likelihood: rate it too, or leave both likelihood and consequence unrated',
    };
  if (r.likelihood !== null && r.consequence === null)
    return {
      field: 'consequence',
      message: 'Consequence: rate it too, or leave both likelihood and consequence unrated',
    };
  return null;
}

export const ZUpdateRisk = z.strictObject({
  version: versionField('version is required: send the version you read'),
  title: ZRiskFields.shape.title.optional(),
  description: text(5000).optional(),
  aiSystemId: ZAiSystemRef.nullable().optional(),
  source: ZRiskFields.shape.source.optional(),
  consequencesOrganization: text(5000).optional(),
  consequencesIndividuals: text(5000).optional(),
  consequencesSociety: text(5000).optional(),
  ownerId: ZOwnerRef.nullable().optional(),
  reviewDate: reviewDate.nullable().optional(),
  status: z.enum(['open', 'closed'], { error: 'status must be open or closed' }).optional(),
});

export const ZReassessRisk = z.strictObject({
  likelihood: rating('likelihood'),
  consequence: rating('consequence'),
  note: text(2000).default(''),
});

export const ZTreatmentFields = z
  .strictObject({
    option: z.enum(TREATMENT_OPTIONS, { error: `option must be one of: ${TREATMENT_OPTIONS.join(', ')}` }),
    description: text(5000).default(''),
    resources: text(2000).default('').describe('people, budget and tools the treatment needs'),
    controlRefs: z.array(z.string().trim().min(1).max(40)).max(100).default([]),
    residualLikelihood: rating('residualLikelihood').nullable().default(null),
    residualConsequence: rating('residualConsequence').nullable().default(null),
    actions: z
      .array(
        z.strictObject({
          title: z.string().trim().min(1, 'Each action needs a title').max(200),
          ownerId: ZOwnerRef.nullable().default(null),
          dueDate: calendarDate("Each action's due date").nullable().default(null),
        }),
      )
      .max(50)
      .default([]),
  })
  .superRefine((t, ctx) => {
    if ((t.residualLikelihood === null) !== (t.residualConsequence === null))
      ctx.addIssue({
        code: 'custom',
        message: 'Give both residualLikelihood and residualConsequence, or neither',
        path: ['residualLikelihood'],
      });
    if (t.option === 'modify' && t.controlRefs.length === 0)
      ctx.addIssue({
        code: 'custom',
        message: 'A "modify" treatment needs at least one control: pick Annex A or custom controls in controlRefs',
        path: ['controlRefs'],
      });
  });

export const ZUpdateTreatment = z
  .strictObject({
    version: versionField('version is required: send the version you read'),
    option: z.enum(TREATMENT_OPTIONS, { error: `option must be one of: ${TREATMENT_OPTIONS.join(', ')}` }).optional(),
    description: text(5000).optional(),
    resources: text(2000).optional(),
    controlRefs: z.array(z.string().trim().min(1).max(40)).max(100).optional(),
    residualLikelihood: rating('residualLikelihood').nullable().optional(),
    residualConsequence: rating('residualConsequence').nullable().optional(),
    verification: text(5000).optional(),
    effectiveness: z
      .enum(EFFECTIVENESS, { error: `effectiveness must be one of: ${EFFECTIVENESS.join(', ')}` })
      .nullable()
      .optional(),
  })
  .superRefine((t, ctx) => {
    if (
      (t.residualLikelihood === undefined) !== (t.residualConsequence === undefined) ||
      (t.residualLikelihood === null) !== (t.residualConsequence === null)
    )
      ctx.addIssue({
        code: 'custom',
        message: 'Change residualLikelihood and residualConsequence together',
        path: ['residualLikelihood'],
      });
  });

export const ZAcceptRisk = z.strictObject({
  rationale: z
    .string({ error: 'rationale is required' })
    .trim()
    .min(1, 'Say why the residual risk is acceptable')
    .max(5000),
  expiresAt: calendarDate('Accepted until').describe(
    'The acceptance lapses after this date and the risk is flagged again',
  ),
});
