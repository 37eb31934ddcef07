import { z } from 'zod';
import { GAP_RESULTS, GAP_STATUSES } from '@fortytwo/domain';
import { ZPeople, type Owned } from '../../platform/people';

const ZScoreMap = z.record(z.string(), z.number().nullable());

export const ZScores = z.object({
  overall: z.number().nullable(),
  clauses: z.number().nullable(),
  annexA: z.number().nullable(),
  byClause: ZScoreMap,
  byGroup: ZScoreMap,
  maturity: z.object({
    overall: z.number().nullable(),
    clauses: z.number().nullable(),
    annexA: z.number().nullable(),
    byClause: ZScoreMap,
    byGroup: ZScoreMap,
  }),
  counts: z.object({
    total: z.number(),
    applicable: z.number(),
    answered: z.number(),
    conformant: z.number(),
    partiallyConformant: z.number(),
    nonconformant: z.number(),
    notApplicable: z.number(),
    unanswered: z.number(),
  }),
  documentationGaps: z.number(),
  formula: z.string(),
});

export const ZGapItem = z.object({
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  kind: z.string(),
  section: z.string().describe('clause ("6") or Annex A group ("A.6")'),
  documentation: z.boolean().describe('the requirement asks for documented information'),
  status: z.enum(GAP_STATUSES),
  result: z.enum(GAP_RESULTS).nullable(),
  maturity: z.number().nullable(),
  justification: z.string(),
  notes: z.string(),
  ownerId: z.string().nullable().describe('who closes the gap: a key of the answer’s `people`'),
  targetDate: z.string().nullable(),
  evidenceLinks: z.array(z.string()),
  aiSystemIds: z.array(z.string()),
  files: z
    .array(
      z.object({ id: z.string(), name: z.string(), size: z.number(), mediaType: z.string(), createdAt: z.string() }),
    )
    .describe('uploaded evidence'),
  version: z.number(),
  updatedAt: z.string(),
});
/** An item as the services build it: its owner embedded (the exports print it); answers carry `people` instead. */
export type GapItem = z.infer<typeof ZGapItem> & Owned;

/** One item's answer: the item and the people it names. */
export const ZGapItemAnswer = ZGapItem.extend({ people: ZPeople });

export const ZGapAssessmentSummary = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['working', 'snapshot']),
  sourceId: z.string().nullable(),
  frozenAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  overall: z.number().nullable(),
  answered: z.number(),
  total: z.number(),
});
export type GapAssessmentSummary = z.infer<typeof ZGapAssessmentSummary>;

export const ZGapAssessment = ZGapAssessmentSummary.extend({ items: z.array(ZGapItem), people: ZPeople });
