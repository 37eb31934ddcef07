import { z } from 'zod';
import { addMonths, calendarDate } from './dates';
import { ZAiSystemRef, ZOwnerRef } from './ids';
import { versionField } from './version';

// Suppliers of AI components and services (A.10.2, A.10.3): what they supply, which AI systems use
// it, the AI-specific due diligence (do they train on our inputs, how long they keep them, do they
// tell us before changing the model or after an incident, where the data is processed), which
// contract clauses are in place, and a review cadence whose overdue reviews land in "my tasks".
// For systems the organization provides, the split of responsibilities with customers (A.10.4).

export const SUPPLY_KINDS = [
  'model_api',
  'foundation_model',
  'ai_platform',
  'data_provider',
  'labelling_service',
  'ai_component',
  'consulting',
  'other',
] as const;
export type SupplyKind = (typeof SUPPLY_KINDS)[number];
export const SUPPLY_KIND_LABELS: Record<SupplyKind, string> = {
  model_api: 'Model API / hosted model',
  foundation_model: 'Foundation model (weights)',
  ai_platform: 'AI / ML platform',
  data_provider: 'Data provider',
  labelling_service: 'Labelling service',
  ai_component: 'AI component or library',
  consulting: 'AI development or consulting',
  other: 'Other',
};

/** A due-diligence answer: what the supplier commits to, as far as we found out. */
export const DILIGENCE_ANSWERS = ['yes', 'no', 'unknown'] as const;
export type DiligenceAnswer = (typeof DILIGENCE_ANSWERS)[number];
export const DILIGENCE_ANSWER_LABELS: Record<DiligenceAnswer, string> = { yes: 'Yes', no: 'No', unknown: 'Unknown' };

export const CONTRACT_CLAUSES = [
  'no_training_on_inputs',
  'retention_limit',
  'model_change_notice',
  'incident_notice',
  'data_location',
  'subprocessors',
  'audit_rights',
  'security_measures',
  'ip_indemnity',
  'exit_portability',
] as const;
export type ContractClause = (typeof CONTRACT_CLAUSES)[number];
export const CONTRACT_CLAUSE_LABELS: Record<ContractClause, string> = {
  no_training_on_inputs: 'No training on our inputs or outputs',
  retention_limit: 'Limit on retention of our data',
  model_change_notice: 'Notice before model changes',
  incident_notice: 'Incident notification',
  data_location: 'Data location',
  subprocessors: 'Sub-processor approval',
  audit_rights: 'Audit or assessment rights',
  security_measures: 'Security measures',
  ip_indemnity: 'IP indemnity for outputs',
  exit_portability: 'Exit and data return',
};

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`);
const answer = (label: string) =>
  z.enum(DILIGENCE_ANSWERS, { error: `${label} must be one of: ${DILIGENCE_ANSWERS.join(', ')}` });

const FIELDS = {
  name: z
    .string({ error: 'Name is required' })
    .trim()
    .min(1, 'Name is required: say who the supplier is')
    .max(200, 'Name must be at most 200 characters'),
  supplies: text('What they supply', 2000),
  kind: z.enum(SUPPLY_KINDS, { error: `Kind must be one of: ${SUPPLY_KINDS.join(', ')}` }),
  aiSystemIds: z
    .array(ZAiSystemRef, { error: 'AI systems must be a list of ids' })
    .max(200)
    .transform((v) => [...new Set(v)]),
  /** "yes" is the risk here: the supplier uses our inputs to train its models. */
  trainsOnInputs: answer('Uses our inputs for training'),
  inputRetention: text('Retention of our inputs', 1000),
  modelChangeNotice: answer('Notice before model changes'),
  incidentNotice: answer('Incident notice'),
  dataLocation: text('Where data is processed', 500),
  contractClauses: z
    .array(
      z.enum(CONTRACT_CLAUSES, { error: `Contract clauses: each must be one of ${CONTRACT_CLAUSES.join(', ')}` }),
      {
        error: 'Contract clauses must be a list',
      },
    )
    .max(CONTRACT_CLAUSES.length)
    .transform((v) => [...new Set(v)]),
  reviewCadenceMonths: z
    .number({ error: 'Review every (months) must be a whole number of months, such as 12' })
    .int('Review every (months) must be a whole number of months, such as 12')
    .min(1, 'Review every (months) must be at least 1')
    .max(60, 'Review every (months) must be at most 60'),
  lastReviewedOn: calendarDate('Last reviewed on').nullable(),
  ownerId: ZOwnerRef.nullable(),
  notes: text('Notes', 5000),
};

export const ZSupplierFields = z.strictObject({
  ...FIELDS,
  supplies: FIELDS.supplies.default(''),
  kind: FIELDS.kind.default('model_api'),
  aiSystemIds: FIELDS.aiSystemIds.default([]),
  trainsOnInputs: FIELDS.trainsOnInputs.default('unknown'),
  inputRetention: FIELDS.inputRetention.default(''),
  modelChangeNotice: FIELDS.modelChangeNotice.default('unknown'),
  incidentNotice: FIELDS.incidentNotice.default('unknown'),
  dataLocation: FIELDS.dataLocation.default(''),
  contractClauses: FIELDS.contractClauses.default([]),
  reviewCadenceMonths: FIELDS.reviewCadenceMonths.default(12),
  lastReviewedOn: FIELDS.lastReviewedOn.default(null),
  ownerId: FIELDS.ownerId.default(null),
  notes: FIELDS.notes.default(''),
});
export type SupplierFields = z.output<typeof ZSupplierFields>;

export const ZUpdateSupplier = z
  .strictObject({ ...FIELDS })
  .partial()
  // `.extend`, not `.required({ version: true })`: required() wraps the field, so a missing version was
  // answered "expected nonoptional" instead of the field's own message.
  .extend({ version: versionField() });
export type UpdateSupplier = z.output<typeof ZUpdateSupplier>;

/** A review done: the date, and what was found (kept in the audit trail). */
export const ZSupplierReview = z.strictObject({
  version: versionField(),
  reviewedOn: calendarDate('Reviewed on'),
  note: text('Review note', 2000).default(''),
});

/**
 * When the next review is due: one cadence after the last review. A supplier never reviewed is due
 * from the day it was entered, so due diligence is done before anyone relies on it.
 */
export function nextSupplierReview(s: {
  lastReviewedOn: string | null;
  reviewCadenceMonths: number;
  createdOn: string;
}): string {
  return s.lastReviewedOn ? addMonths(s.lastReviewedOn, s.reviewCadenceMonths) : s.createdOn;
}

export const REVIEW_STATES = ['current', 'overdue'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const reviewStateOf = (nextReviewOn: string, today: string): ReviewState =>
  nextReviewOn < today ? 'overdue' : 'current';

/** The AI-specific gaps of one supplier's due diligence, each in words to act on. */
export function supplierWarnings(
  s: Pick<
    SupplierFields,
    'trainsOnInputs' | 'modelChangeNotice' | 'incidentNotice' | 'dataLocation' | 'contractClauses' | 'inputRetention'
  >,
): string[] {
  const w: string[] = [];
  const has = (c: ContractClause) => s.contractClauses.includes(c);
  if (s.trainsOnInputs === 'yes' && !has('no_training_on_inputs'))
    w.push('The supplier trains on our inputs and no contract clause stops it.');
  if (s.trainsOnInputs === 'unknown') w.push('Find out whether the supplier uses our inputs for training.');
  if (s.modelChangeNotice !== 'yes' && !has('model_change_notice'))
    w.push('No notice before model changes: a vendor model update could go unnoticed (8.2, 8.4).');
  if (s.incidentNotice !== 'yes' && !has('incident_notice')) w.push('No commitment to tell us about incidents.');
  if (!s.dataLocation.trim()) w.push('Where our data is processed is not recorded.');
  if (!s.inputRetention.trim()) w.push('How long the supplier keeps our inputs is not recorded.');
  return w;
}

// A.10.4: for a system the organization provides, who does what — us or the customer.
export const ZResponsibility = z.strictObject({
  topic: z
    .string({ error: 'Responsibility: say what it is about' })
    .trim()
    .min(1, 'Responsibility: say what it is about, such as "human oversight of outputs"')
    .max(300, 'Responsibility topic must be at most 300 characters'),
  ours: text('Our part', 2000).default(''),
  customers: text('The customer’s part', 2000).default(''),
});
export const ZCustomerResponsibilities = z.strictObject({
  version: versionField(),
  items: z.array(ZResponsibility, { error: 'Responsibilities must be a list' }).max(100, 'At most 100 rows'),
});
export type CustomerResponsibilities = z.output<typeof ZCustomerResponsibilities>;
