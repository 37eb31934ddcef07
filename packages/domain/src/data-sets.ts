import { z } from 'zod';
import { calendarDate } from './dates';
import { ZAiSystemRef, ZOwnerRef } from './ids';
import { versionField } from './version';

// Data for AI systems (A.7): each data set is a record with where it came from (A.7.5 provenance),
// on what basis the organization may use it (licence, consent, …: the evidence sits in the evidence
// library, linked to the data set), the quality checks run on it (A.7.4), how it was prepared
// (A.7.6), whether it holds personal data or special categories, and how long it is kept.

export const DATA_SET_PURPOSES = ['training', 'validation', 'test', 'fine_tuning', 'production_input', 'reference'] as const;
export type DataSetPurpose = (typeof DATA_SET_PURPOSES)[number];
export const DATA_SET_PURPOSE_LABELS: Record<DataSetPurpose, string> = {
  training: 'Training',
  validation: 'Validation',
  test: 'Test',
  fine_tuning: 'Fine-tuning',
  production_input: 'Production input',
  reference: 'Reference / retrieval',
};

export const DATA_SOURCE_KINDS = ['internal', 'customer', 'public', 'licensed', 'scraped', 'synthetic', 'supplier'] as const;
export type DataSourceKind = (typeof DATA_SOURCE_KINDS)[number];
export const DATA_SOURCE_KIND_LABELS: Record<DataSourceKind, string> = {
  internal: 'Own / internal',
  customer: 'Customer data',
  public: 'Public data set',
  licensed: 'Licensed from a third party',
  scraped: 'Collected from the web',
  synthetic: 'Synthetic',
  supplier: 'From a supplier',
};

export const LEGAL_BASES = [
  'licence',
  'consent',
  'contract',
  'legitimate_interest',
  'legal_obligation',
  'public_domain',
  'own_data',
  'other',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];
export const LEGAL_BASIS_LABELS: Record<LegalBasis, string> = {
  licence: 'Licence',
  consent: 'Consent',
  contract: 'Contract',
  legitimate_interest: 'Legitimate interest',
  legal_obligation: 'Legal obligation',
  public_domain: 'Public domain / open data',
  own_data: 'Own data',
  other: 'Other',
};
/** Bases that rest on a document someone can show: without linked evidence they are flagged. */
export const BASES_NEEDING_EVIDENCE: readonly LegalBasis[] = ['licence', 'consent', 'contract'];

/** Special categories of personal data (GDPR Art. 9, plus criminal data of Art. 10). */
export const SPECIAL_CATEGORIES = [
  'racial_ethnic_origin',
  'political_opinions',
  'religious_beliefs',
  'trade_union',
  'genetic',
  'biometric',
  'health',
  'sex_life_orientation',
  'criminal_records',
] as const;
export type SpecialCategory = (typeof SPECIAL_CATEGORIES)[number];
export const SPECIAL_CATEGORY_LABELS: Record<SpecialCategory, string> = {
  racial_ethnic_origin: 'Racial or ethnic origin',
  political_opinions: 'Political opinions',
  religious_beliefs: 'Religious or philosophical beliefs',
  trade_union: 'Trade union membership',
  genetic: 'Genetic data',
  biometric: 'Biometric data for identification',
  health: 'Health',
  sex_life_orientation: 'Sex life or sexual orientation',
  criminal_records: 'Criminal convictions and offences',
};

export const QUALITY_RESULTS = ['passed', 'failed', 'not_run'] as const;
export type QualityResult = (typeof QUALITY_RESULTS)[number];
export const QUALITY_RESULT_LABELS: Record<QualityResult, string> = {
  passed: 'Passed',
  failed: 'Failed',
  not_run: 'Not run yet',
};

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`);

export const ZQualityCheck = z.strictObject({
  check: z
    .string({ error: 'Quality check: say what was checked' })
    .trim()
    .min(1, 'Quality check: say what was checked, such as "label accuracy sampled"')
    .max(300, 'Quality check must be at most 300 characters'),
  result: z.enum(QUALITY_RESULTS, { error: `Quality check result must be one of: ${QUALITY_RESULTS.join(', ')}` }),
  checkedOn: calendarDate('Quality check date').nullable().default(null),
  note: text('Quality check note', 1000).default(''),
});
export type QualityCheck = z.output<typeof ZQualityCheck>;

const FIELDS = {
  name: z
    .string({ error: 'Name is required' })
    .trim()
    .min(1, 'Name is required: say which data set this is')
    .max(200, 'Name must be at most 200 characters'),
  description: text('Description', 5000),
  purpose: z.enum(DATA_SET_PURPOSES, { error: `Purpose must be one of: ${DATA_SET_PURPOSES.join(', ')}` }),
  sourceKind: z.enum(DATA_SOURCE_KINDS, { error: `Source must be one of: ${DATA_SOURCE_KINDS.join(', ')}` }),
  source: text('Source', 1000),
  provenance: text('Provenance', 5000),
  acquiredOn: calendarDate('Acquired on').nullable(),
  legalBasis: z.enum(LEGAL_BASES, { error: `Licence or consent basis must be one of: ${LEGAL_BASES.join(', ')}` }),
  legalBasisDetail: text('Licence or consent details', 3000),
  qualityChecks: z.array(ZQualityCheck, { error: 'Quality checks must be a list' }).max(50, 'At most 50 quality checks'),
  preparation: text('Preparation', 5000),
  personalData: z.boolean({ error: 'Contains personal data must be true or false' }),
  specialCategories: z
    .array(
      z.enum(SPECIAL_CATEGORIES, { error: `Special categories: each must be one of ${SPECIAL_CATEGORIES.join(', ')}` }),
      { error: 'Special categories must be a list' },
    )
    .max(SPECIAL_CATEGORIES.length)
    .transform((v) => [...new Set(v)]),
  retention: text('Retention', 2000),
  retainUntil: calendarDate('Keep until').nullable(),
  ownerId: ZOwnerRef.nullable(),
  aiSystemIds: z
    .array(ZAiSystemRef, { error: 'AI systems must be a list of ids' })
    .max(200)
    .transform((v) => [...new Set(v)]),
};

const personalDataRule = <T extends { personalData?: boolean; specialCategories?: string[] }>(v: T) =>
  !(v.personalData === false && (v.specialCategories?.length ?? 0) > 0);
const PERSONAL_DATA_MESSAGE =
  'Special categories are personal data: tick "contains personal data" or clear the special categories';

export const ZDataSetFields = z
  .strictObject({
    ...FIELDS,
    description: FIELDS.description.default(''),
    purpose: FIELDS.purpose.default('training'),
    sourceKind: FIELDS.sourceKind.default('internal'),
    source: FIELDS.source.default(''),
    provenance: FIELDS.provenance.default(''),
    acquiredOn: FIELDS.acquiredOn.default(null),
    legalBasis: FIELDS.legalBasis.default('own_data'),
    legalBasisDetail: FIELDS.legalBasisDetail.default(''),
    qualityChecks: FIELDS.qualityChecks.default([]),
    preparation: FIELDS.preparation.default(''),
    personalData: FIELDS.personalData.default(false),
    specialCategories: FIELDS.specialCategories.default([]),
    retention: FIELDS.retention.default(''),
    retainUntil: FIELDS.retainUntil.default(null),
    ownerId: FIELDS.ownerId.default(null),
    aiSystemIds: FIELDS.aiSystemIds.default([]),
  })
  .refine(personalDataRule, { message: PERSONAL_DATA_MESSAGE, path: ['specialCategories'] });
export type DataSetFields = z.output<typeof ZDataSetFields>;

export const ZUpdateDataSet = z
  .strictObject({ ...FIELDS })
  .partial()
  // `.extend`, not `.required({ version: true })`: required() wraps the field, so a missing version was
  // answered "expected nonoptional" instead of the field's own message.
  .extend({ version: versionField() });
export type UpdateDataSet = z.output<typeof ZUpdateDataSet>;

/** After merging an update onto the record: the same rule the create schema enforces. */
export function dataSetRuleViolation(d: { personalData: boolean; specialCategories: string[] }): string | null {
  return personalDataRule(d) ? null : PERSONAL_DATA_MESSAGE;
}

/**
 * What an auditor sampling A.7 would ask about first: the gaps in one data set's record.
 * `evidenceCount` is the number of evidence items linked to the data set.
 */
export function dataSetWarnings(
  d: Pick<
    DataSetFields,
    | 'provenance'
    | 'legalBasis'
    | 'qualityChecks'
    | 'preparation'
    | 'personalData'
    | 'specialCategories'
    | 'retention'
    | 'retainUntil'
    | 'aiSystemIds'
  >,
  evidenceCount: number,
): string[] {
  const w: string[] = [];
  if (!d.provenance.trim()) w.push('Provenance (A.7.5): record where the data came from and how it was obtained.');
  if (BASES_NEEDING_EVIDENCE.includes(d.legalBasis) && evidenceCount === 0)
    w.push(`The ${LEGAL_BASIS_LABELS[d.legalBasis].toLowerCase()} is not evidenced: attach it from the evidence library.`);
  if (!d.qualityChecks.length) w.push('Data quality (A.7.4): no quality check is recorded.');
  else if (d.qualityChecks.some((c) => c.result === 'failed'))
    w.push('A quality check failed: record what was done about it.');
  if (!d.preparation.trim()) w.push('Preparation (A.7.6): say how the data were cleaned, labelled or transformed.');
  if (d.personalData && !d.retention.trim() && !d.retainUntil)
    w.push('Personal data without a retention rule: say how long it is kept.');
  if (d.specialCategories.length && d.legalBasis !== 'consent' && d.legalBasis !== 'legal_obligation')
    w.push('Special categories usually need explicit consent or a legal obligation: check the basis.');
  if (!d.aiSystemIds.length) w.push('Not linked to any AI system.');
  return w;
}
