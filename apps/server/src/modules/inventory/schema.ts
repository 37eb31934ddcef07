import { z } from 'zod';
import { AI_ROLES, AI_SYSTEM_SORTS, AI_SYSTEM_STATUSES, LIFECYCLE_STAGES, RISK_TIERS } from '@fortytwo/domain';
import { ZListQuery } from '../../platform/pagination';
import { ZPeople, type Owned } from '../../platform/people';

export const ZAiSystem = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  intendedPurpose: z.string(),
  aiRoles: z.array(z.enum(AI_ROLES)),
  lifecycleStage: z.enum(LIFECYCLE_STAGES),
  ownerId: z.string().nullable().describe('the owner: a key of the answer’s `people`'),
  jurisdictions: z.array(z.string()),
  thirdParties: z.array(z.string()),
  riskTier: z.enum(RISK_TIERS),
  status: z.enum(AI_SYSTEM_STATUSES),
  tags: z.array(z.string()),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** An AI system as the services build it: its owner embedded (the CSV export prints it); answers carry `people` instead. */
export type TAiSystem = z.infer<typeof ZAiSystem> & Owned;

/** One AI system's answer: the system and the people it names (issue 19). */
export const ZAiSystemAnswer = ZAiSystem.extend({ people: ZPeople });

const oneOf = <T extends readonly [string, ...string[]]>(values: T, name: string) =>
  z.enum(values, { error: `${name} must be one of: ${values.join(', ')}` }).optional();

export const ZAiSystemFilter = z.object({
  q: z.string().trim().max(200, 'q must be at most 200 characters').optional(),
  lifecycleStage: oneOf(LIFECYCLE_STAGES, 'lifecycleStage'),
  aiRole: oneOf(AI_ROLES, 'aiRole'),
  riskTier: oneOf(RISK_TIERS, 'riskTier'),
  status: oneOf(AI_SYSTEM_STATUSES, 'status'),
  ownerId: z.string().max(64).optional(),
  tag: z.string().max(50).optional(),
});
export type TAiSystemFilter = z.infer<typeof ZAiSystemFilter>;

export const ZAiSystemListQuery = ZListQuery.extend(ZAiSystemFilter.shape).extend({
  sort: z.enum(AI_SYSTEM_SORTS, { error: `sort must be one of: ${AI_SYSTEM_SORTS.join(', ')}` }).default('name'),
  order: z.enum(['asc', 'desc'], { error: 'order must be asc or desc' }).default('asc'),
});
export type TAiSystemListQuery = z.infer<typeof ZAiSystemListQuery>;
