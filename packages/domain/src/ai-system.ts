import { z } from 'zod';
import { ZOwnerRef } from './ids';
import { versionField } from './version';
import { AI_ROLES, AI_SYSTEM_STATUSES, LIFECYCLE_STAGES, RISK_TIERS } from './enums';

// One schema for the server's validation, the OpenAPI document and the web form's messages.

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`);

const requiredText = (label: string, max: number) => text(label, max).min(1, `${label} is required`);

const uniqueList = <T extends z.ZodType<string>>(item: T, label: string, max: number) =>
  z
    .array(item, { error: `${label} must be a list` })
    .max(max, `${label} can hold at most ${max} entries`)
    .refine((xs) => new Set(xs).size === xs.length, `${label} lists an entry twice`);

export const AI_SYSTEM_LIMITS = {
  name: 200,
  description: 5000,
  intendedPurpose: 2000,
  listEntry: 200,
  tag: 50,
} as const;

export const ZAiSystemFields = z.strictObject({
  name: requiredText('Name', AI_SYSTEM_LIMITS.name),
  description: text('Description', AI_SYSTEM_LIMITS.description).default(''),
  intendedPurpose: requiredText('Intended purpose', AI_SYSTEM_LIMITS.intendedPurpose),
  aiRoles: uniqueList(
    z.enum(AI_ROLES, { error: `AI role must be one of: ${AI_ROLES.join(', ')}` }),
    'AI roles',
    AI_ROLES.length,
  ).min(1, 'Choose at least one AI role the organization has for this system'),
  // An empty stage is a missing answer, not a wrong one: say so in the field's words (issue 18).
  lifecycleStage: z.enum(LIFECYCLE_STAGES, {
    error: (iss) =>
      iss.input === undefined || iss.input === null || iss.input === ''
        ? 'Lifecycle stage is required: choose the stage the system is in'
        : `Lifecycle stage must be one of: ${LIFECYCLE_STAGES.join(', ')}`,
  }),
  ownerId: ZOwnerRef.nullable().default(null),
  jurisdictions: uniqueList(requiredText('Jurisdiction', 100), 'Jurisdictions', 50).default([]),
  thirdParties: uniqueList(requiredText('Third party', AI_SYSTEM_LIMITS.listEntry), 'Third parties', 50).default([]),
  riskTier: z.enum(RISK_TIERS, { error: `Risk tier must be one of: ${RISK_TIERS.join(', ')}` }).default('unclassified'),
  status: z
    .enum(AI_SYSTEM_STATUSES, { error: `Status must be one of: ${AI_SYSTEM_STATUSES.join(', ')}` })
    .default('active'),
  tags: uniqueList(requiredText('Tag', AI_SYSTEM_LIMITS.tag), 'Tags', 30).default([]),
});
export type TAiSystemFields = z.output<typeof ZAiSystemFields>;
export type TAiSystemInput = z.input<typeof ZAiSystemFields>;

export const ZCreateAiSystem = ZAiSystemFields;

/** A partial update: only the fields sent change; `version` must be the one the client read. */
export const ZUpdateAiSystem = z.strictObject({
  version: versionField('version is required: send the version you read').min(1),
  name: ZAiSystemFields.shape.name.optional(),
  description: text('Description', AI_SYSTEM_LIMITS.description).optional(),
  intendedPurpose: ZAiSystemFields.shape.intendedPurpose.optional(),
  aiRoles: ZAiSystemFields.shape.aiRoles.optional(),
  lifecycleStage: ZAiSystemFields.shape.lifecycleStage.optional(),
  ownerId: ZOwnerRef.nullable().optional(),
  jurisdictions: uniqueList(requiredText('Jurisdiction', 100), 'Jurisdictions', 50).optional(),
  thirdParties: uniqueList(requiredText('Third party', AI_SYSTEM_LIMITS.listEntry), 'Third parties', 50).optional(),
  riskTier: z.enum(RISK_TIERS).optional(),
  status: z.enum(AI_SYSTEM_STATUSES).optional(),
  tags: uniqueList(requiredText('Tag', AI_SYSTEM_LIMITS.tag), 'Tags', 30).optional(),
});
export type TUpdateAiSystem = z.infer<typeof ZUpdateAiSystem>;

export const AI_SYSTEM_SORTS = ['name', 'createdAt', 'updatedAt', 'lifecycleStage', 'riskTier'] as const;
export type AiSystemSort = (typeof AI_SYSTEM_SORTS)[number];

/** Columns of the CSV export and of `fortytwo ai-systems import`; lists are joined with "; ". */
export const AI_SYSTEM_CSV_COLUMNS = [
  'name',
  'description',
  'intendedPurpose',
  'aiRoles',
  'lifecycleStage',
  'ownerEmail',
  'jurisdictions',
  'thirdParties',
  'riskTier',
  'status',
  'tags',
] as const;
export const CSV_LIST_SEPARATOR = ';';

export function splitCsvList(value: string): string[] {
  return value
    .split(CSV_LIST_SEPARATOR)
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}
