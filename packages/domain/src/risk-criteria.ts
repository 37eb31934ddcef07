import { z } from 'zod';
import { RISK_LEVELS, type RiskLevel } from './risk-vocabulary';
import { versionField } from './version';

// The risk criteria (6.1.1, 6.1.2): the scales and score bands that turn a likelihood and a consequence
// into a level, how they are checked when a draft is saved, and the rating of a risk under them.

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
