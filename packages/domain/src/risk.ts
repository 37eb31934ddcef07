import { z } from 'zod';
import { idRef, ZAiSystemRef, ZOwnerRef } from './ids';
import { versionField } from './version';
import { addDays, calendarDate } from './dates';

// AI risk assessment and treatment (ISO/IEC 42001 6.1.1–6.1.3, 8.2, 8.3): the criteria that turn a
// likelihood and a consequence into a level, the register's fields, and treatment. Values here are
// part of the public API: add, never rename.

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

export const RISK_KINDS = ['risk', 'opportunity'] as const;
export type RiskKind = (typeof RISK_KINDS)[number];

export const TREATMENT_OPTIONS = ['modify', 'avoid', 'share', 'retain'] as const;
export type TreatmentOption = (typeof TREATMENT_OPTIONS)[number];
export const TREATMENT_OPTION_LABELS: Record<TreatmentOption, string> = {
  modify: 'Modify (reduce with controls)',
  avoid: 'Avoid (stop the activity)',
  share: 'Share (transfer, e.g. contract or insurance)',
  retain: 'Retain (accept as it is)',
};

export const EFFECTIVENESS = ['effective', 'partly_effective', 'not_effective'] as const;
export type Effectiveness = (typeof EFFECTIVENESS)[number];

/** Risk sources of Annex C.3 (informative): numbers and short names only. Custom sources are free text. */
export const ANNEX_C_RISK_SOURCES = [
  { ref: 'C.3.1', title: 'Complexity of environment' },
  { ref: 'C.3.2', title: 'Lack of transparency and explainability' },
  { ref: 'C.3.3', title: 'Level of automation' },
  { ref: 'C.3.4', title: 'Machine learning (data quality, data collection, training approach)' },
  { ref: 'C.3.5', title: 'System hardware issues' },
  { ref: 'C.3.6', title: 'System life cycle issues' },
  { ref: 'C.3.7', title: 'Technology readiness' },
] as const;

export const riskSourceLabel = (source: string) => {
  const known = ANNEX_C_RISK_SOURCES.find((s) => s.ref === source);
  return known ? `${known.ref} ${known.title}` : source;
};

/**
 * The criteria a risk is scored with. Score = likelihood × consequence; each level covers the
 * scores up to its `maxScore` (the previous level's maxScore + 1 onwards); the last level reaches the
 * top of the matrix. Risks at or below `acceptanceLevel` may be retained without treatment.
 */
export type RiskCriteriaContent = {
  likelihoodLabels: string[];
  consequenceLabels: string[];
  /** What each step means, beside its label (same order; '' when none). Criteria saved before these existed have none. */
  likelihoodDescriptions?: string[];
  consequenceDescriptions?: string[];
  levels: { level: RiskLevel; maxScore: number }[];
  acceptanceLevel: RiskLevel;
  method: string;
};

export const DEFAULT_RISK_CRITERIA: RiskCriteriaContent = {
  likelihoodLabels: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'],
  consequenceLabels: ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'],
  levels: [
    { level: 'low', maxScore: 4 },
    { level: 'medium', maxScore: 9 },
    { level: 'high', maxScore: 16 },
    { level: 'critical', maxScore: 25 },
  ],
  acceptanceLevel: 'medium',
  method:
    'Each risk is rated for likelihood and consequence on the scales below. The score is likelihood × consequence; the level follows from the score bands. Consequences are considered for the organization, for individuals and groups, and for society; the highest of them sets the consequence rating. Risks above the acceptance level need a treatment or a recorded acceptance by top management.',
};

/** How many steps a scale may have: fewer cannot tell risks apart, more is false precision. */
export const SCALE_STEPS = { min: 3, max: 10 } as const;
export const SCALE_LABEL_MAX = 60;
export const SCALE_DESCRIPTION_MAX = 300;

// A scale is one label per step, lowest first; the step's number is its position. Each message names
// the scale and the step as the form shows them ("Likelihood level 3: label is required"), on the
// step's own path (likelihoodLabels.2) so the form places it on that row.
const scale = (name: string) =>
  z
    .array(z.string({ error: `${name}: each level's label must be text` }).trim())
    .min(SCALE_STEPS.min, `${name} scale: give at least ${SCALE_STEPS.min} levels`)
    .max(SCALE_STEPS.max, `${name} scale: give at most ${SCALE_STEPS.max} levels`)
    .superRefine((labels, ctx) =>
      labels.forEach((l, i) => {
        if (!l) ctx.addIssue({ code: 'custom', path: [i], message: `${name} level ${i + 1}: label is required` });
        else if (l.length > SCALE_LABEL_MAX)
          ctx.addIssue({
            code: 'custom',
            path: [i],
            message: `${name} level ${i + 1}: label must be at most ${SCALE_LABEL_MAX} characters`,
          });
      }),
    );
const descriptions = (name: string) =>
  z
    .array(z.string({ error: `${name}: each level's description must be text` }).trim())
    .max(SCALE_STEPS.max)
    .superRefine((ds, ctx) =>
      ds.forEach((d, i) => {
        if (d.length > SCALE_DESCRIPTION_MAX)
          ctx.addIssue({
            code: 'custom',
            path: [i],
            message: `${name} level ${i + 1}: description must be at most ${SCALE_DESCRIPTION_MAX} characters`,
          });
      }),
    )
    .default([]);

const criteriaFields = {
  likelihoodLabels: scale('Likelihood'),
  consequenceLabels: scale('Consequence'),
  likelihoodDescriptions: descriptions('Likelihood'),
  consequenceDescriptions: descriptions('Consequence'),
  levels: z
    .array(
      z.strictObject({
        level: z.enum(RISK_LEVELS, { error: `level must be one of: ${RISK_LEVELS.join(', ')}` }),
        maxScore: z.number().int().min(1),
      }),
    )
    .min(2, 'Give at least two levels')
    .max(4),
  acceptanceLevel: z.enum(RISK_LEVELS, { error: `acceptanceLevel must be one of: ${RISK_LEVELS.join(', ')}` }),
  method: z.string().trim().max(10000).default(''),
};
const checkCriteria = (c: Omit<RiskCriteriaContent, 'method'>, ctx: z.RefinementCtx) => {
  for (const [name, labels, field] of [
    ['Likelihood', c.likelihoodLabels, 'likelihoodDescriptions'],
    ['Consequence', c.consequenceLabels, 'consequenceDescriptions'],
  ] as const)
    if ((c[field]?.length ?? 0) > labels.length)
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `${name} scale: there are more descriptions than levels (${labels.length})`,
      });
  const problem = criteriaProblem(c);
  if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: [problem.field] });
};

export const ZRiskCriteriaContent = z.strictObject(criteriaFields).superRefine(checkCriteria);
/** The draft criteria as sent to the server: the content and the draft's version (0 starts a new draft). */
export const ZUpdateRiskCriteria = z
  .strictObject({
    version: versionField('version is required: send the version of the draft you read (0 to start a new draft)'),
    ...criteriaFields,
  })
  .superRefine(checkCriteria);

/** Why a set of criteria cannot score every cell of its matrix, or null. */
export function criteriaProblem(c: Omit<RiskCriteriaContent, 'method'>): { field: string; message: string } | null {
  const top = c.likelihoodLabels.length * c.consequenceLabels.length;
  const order = c.levels.map((l) => RISK_LEVELS.indexOf(l.level));
  if (order.some((o, i) => i > 0 && o <= order[i - 1]!))
    return { field: 'levels', message: 'Levels must be listed from lowest to highest, each once' };
  if (c.levels.some((l, i) => i > 0 && l.maxScore <= c.levels[i - 1]!.maxScore))
    return { field: 'levels', message: 'Each level must end at a higher score than the one before' };
  if (c.levels.at(-1)!.maxScore !== top)
    return {
      field: 'levels',
      message: `The highest level must end at ${top}, the top score of a ${c.likelihoodLabels.length} × ${c.consequenceLabels.length} matrix`,
    };
  if (!c.levels.some((l) => l.level === c.acceptanceLevel))
    return { field: 'acceptanceLevel', message: 'The acceptance level must be one of the levels defined' };
  return null;
}

/** One description per step of a scale, '' where none was written (criteria saved before descriptions had none). */
export const scaleDescriptions = (labels: readonly string[], descriptions: readonly string[] | undefined) =>
  labels.map((_, i) => descriptions?.[i] ?? '');

export const riskScore = (likelihood: number, consequence: number) => likelihood * consequence;

/** The level of a score under the criteria: the first band whose maxScore reaches it. */
export function riskLevel(criteria: Pick<RiskCriteriaContent, 'levels'>, score: number): RiskLevel {
  const band = criteria.levels.find((l) => score <= l.maxScore) ?? criteria.levels.at(-1)!;
  return band.level;
}

export function rate(criteria: Pick<RiskCriteriaContent, 'levels'>, likelihood: number, consequence: number) {
  const score = riskScore(likelihood, consequence);
  return { likelihood, consequence, score, level: riskLevel(criteria, score) };
}

export const isAcceptable = (criteria: Pick<RiskCriteriaContent, 'acceptanceLevel'>, level: RiskLevel) =>
  RISK_LEVELS.indexOf(level) <= RISK_LEVELS.indexOf(criteria.acceptanceLevel);

/** A rating must fit the scales of the criteria it is made with: checked where the criteria are known. */
export function ratingProblem(
  criteria: Pick<RiskCriteriaContent, 'likelihoodLabels' | 'consequenceLabels'>,
  likelihood: number,
  consequence: number,
): string | null {
  if (likelihood > criteria.likelihoodLabels.length)
    return `Likelihood must be between 1 and ${criteria.likelihoodLabels.length} under the risk criteria in force`;
  if (consequence > criteria.consequenceLabels.length)
    return `Consequence must be between 1 and ${criteria.consequenceLabels.length} under the risk criteria in force`;
  return null;
}

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

/** Days before expiry at which an acceptance counts as "expiring soon" on the dashboard. */
export const ACCEPTANCE_WARNING_DAYS = 30;

export type AcceptanceState = 'none' | 'in_force' | 'expiring' | 'expired';

/**
 * Where a risk's acceptance stands on `today` (YYYY-MM-DD). It holds through its last day
 * (`expiresAt` itself) and lapses the day after; it covers the level it accepted or a better one,
 * so a worse re-assessment needs a new acceptance. "Expiring" is the last ACCEPTANCE_WARNING_DAYS
 * days, the last day included.
 */
export function acceptanceState(
  acceptance: { level: RiskLevel; expiresAt: string } | null,
  currentLevel: RiskLevel | null,
  today: string,
): AcceptanceState {
  if (!acceptance) return 'none';
  const covers = currentLevel !== null && RISK_LEVELS.indexOf(acceptance.level) >= RISK_LEVELS.indexOf(currentLevel);
  if (acceptance.expiresAt < today || !covers) return 'expired';
  return acceptance.expiresAt <= addDays(today, ACCEPTANCE_WARNING_DAYS) ? 'expiring' : 'in_force';
}

export const PLAN_FINDING_CODES = [
  'RISK_UNTREATED',
  'TREATMENT_NO_ACTIONS',
  'ACTION_INCOMPLETE',
  'RISK_NO_OWNER',
  'RESIDUAL_MISSING',
  'ACCEPTED_ABOVE_LEVEL',
] as const;
export type PlanFinding = {
  code: (typeof PLAN_FINDING_CODES)[number];
  riskId: string;
  message: string;
  blocking: boolean;
};
export type PlanRiskInput = {
  id: string;
  ref: string;
  title: string;
  needsAttention: boolean;
  attentionMessage: string;
  /** Null while the risk is not rated yet (it then needs attention and cannot be accepted). */
  inherentLevel: RiskLevel | null;
  ownerId: string | null;
  treatments: {
    option: TreatmentOption;
    residualLevel: RiskLevel | null;
    actions: { title: string; ownerId: string | null; dueDate: string | null }[];
  }[];
  acceptance: { level: RiskLevel } | null;
  acceptanceInForce: boolean;
};

/**
 * What an auditor checks before the treatment plan is approved (6.1.3, 8.3). Blocking: a risk above
 * the acceptance level left untreated and unaccepted; a treatment (other than retaining) with no
 * action, or an action with no owner or due date. Warnings to acknowledge: a risk with no owner, a
 * treatment with no residual rating, and a risk accepted above the acceptance level with no treatment.
 */
export function planFindings(
  risks: PlanRiskInput[],
  criteria: Pick<RiskCriteriaContent, 'acceptanceLevel'>,
): PlanFinding[] {
  const out: PlanFinding[] = [];
  for (const r of risks) {
    if (r.needsAttention)
      out.push({ code: 'RISK_UNTREATED', riskId: r.id, message: r.attentionMessage, blocking: true });
    const acting = r.treatments.filter((t) => t.option !== 'retain');
    if (acting.some((t) => t.actions.length === 0))
      out.push({
        code: 'TREATMENT_NO_ACTIONS',
        riskId: r.id,
        message: `Risk ${r.ref} (${r.title}) has a treatment with no action, so nobody owns it and nothing is due. Add actions with an owner and a due date.`,
        blocking: true,
      });
    const incomplete = acting.flatMap((t) => t.actions).filter((a) => !a.ownerId || !a.dueDate);
    if (incomplete.length)
      out.push({
        code: 'ACTION_INCOMPLETE',
        riskId: r.id,
        message: `Risk ${r.ref}: ${incomplete.map((a) => `"${a.title}"`).join(', ')} ${incomplete.length === 1 ? 'has' : 'have'} no owner or no due date. Give each action both.`,
        blocking: true,
      });
    if (!r.ownerId)
      out.push({
        code: 'RISK_NO_OWNER',
        riskId: r.id,
        message: `Risk ${r.ref} (${r.title}) has no risk owner.`,
        blocking: false,
      });
    if (acting.some((t) => t.residualLevel === null))
      out.push({
        code: 'RESIDUAL_MISSING',
        riskId: r.id,
        message: `Risk ${r.ref} has a treatment with no residual rating: the plan cannot show what is left after it.`,
        blocking: false,
      });
    if (
      r.treatments.length === 0 &&
      r.acceptance &&
      r.acceptanceInForce &&
      r.inherentLevel !== null &&
      !isAcceptable(criteria, r.inherentLevel)
    )
      out.push({
        code: 'ACCEPTED_ABOVE_LEVEL',
        riskId: r.id,
        message: `Risk ${r.ref} (${r.title}) is accepted at ${r.acceptance.level}, above the acceptance level (${criteria.acceptanceLevel}), with no treatment.`,
        blocking: false,
      });
  }
  return out;
}
