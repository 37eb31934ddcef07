import { describe, expect, it } from 'vitest';
import { dataSetRuleViolation, dataSetWarnings, ZDataSetFields, ZUpdateDataSet } from './data-sets';

// The gaps an A.7 auditor asks about first, word for word and in the order they are shown.
const PROVENANCE = 'Provenance (A.7.5): record where the data came from and how it was obtained.';
const NO_CHECK = 'Data quality (A.7.4): no quality check is recorded.';
const FAILED = 'A quality check failed: record what was done about it.';
const PREPARATION = 'Preparation (A.7.6): say how the data were cleaned, labelled or transformed.';
const RETENTION = 'Personal data without a retention rule: say how long it is kept.';
const SPECIAL = 'Special categories usually need explicit consent or a legal obligation: check the basis.';
const NO_SYSTEM = 'Not linked to any AI system.';

const complete = ZDataSetFields.parse({
  name: 'Claims 2024',
  provenance: 'Exported from the claims system in 2024',
  legalBasis: 'consent',
  qualityChecks: [{ check: 'Duplicates removed', result: 'passed' }],
  preparation: 'Deduplicated and labelled',
  personalData: true,
  specialCategories: ['health'],
  retention: 'Five years after the claim closes',
  aiSystemIds: ['sys-1'],
});

describe('data set warnings', () => {
  it('lists every gap of an empty record, in order', () => {
    const empty = ZDataSetFields.parse({ name: 'X', legalBasis: 'licence', personalData: true, specialCategories: ['health'] });
    expect(dataSetWarnings(empty, 0)).toEqual([
      PROVENANCE,
      'The licence is not evidenced: attach it from the evidence library.',
      NO_CHECK,
      PREPARATION,
      RETENTION,
      SPECIAL,
      NO_SYSTEM,
    ]);
  });

  it('has nothing to say about a complete record with its consent evidenced', () => {
    expect(dataSetWarnings(complete, 1)).toEqual([]);
  });

  it('asks for evidence of a licence, consent or contract only', () => {
    expect(dataSetWarnings(complete, 0)).toEqual(['The consent is not evidenced: attach it from the evidence library.']);
    expect(dataSetWarnings({ ...complete, legalBasis: 'contract' }, 0)).toEqual([
      'The contract is not evidenced: attach it from the evidence library.',
      SPECIAL,
    ]);
    expect(dataSetWarnings({ ...complete, legalBasis: 'legal_obligation' }, 0)).toEqual([]);
    expect(dataSetWarnings({ ...complete, legalBasis: 'own_data', specialCategories: [] }, 0)).toEqual([]);
  });

  it('counts blank text as missing', () => {
    expect(dataSetWarnings({ ...complete, provenance: '  ', preparation: ' ' }, 1)).toEqual([PROVENANCE, PREPARATION]);
  });

  it('flags a failed quality check, even beside a passed one', () => {
    const checks = [
      { check: 'Label accuracy sampled', result: 'passed' as const, checkedOn: null, note: '' },
      { check: 'Bias review', result: 'failed' as const, checkedOn: null, note: '' },
    ];
    expect(dataSetWarnings({ ...complete, qualityChecks: checks }, 1)).toEqual([FAILED]);
    expect(dataSetWarnings({ ...complete, qualityChecks: [checks[0]!, { ...checks[1]!, result: 'not_run' }] }, 1)).toEqual([]);
  });

  it('asks for a retention rule for personal data only, a keep-until date being enough', () => {
    expect(dataSetWarnings({ ...complete, retention: ' ' }, 1)).toEqual([RETENTION]);
    expect(dataSetWarnings({ ...complete, retention: '', retainUntil: '2030-01-01' }, 1)).toEqual([]);
    expect(
      dataSetWarnings({ ...complete, retention: '', personalData: false, specialCategories: [] }, 1),
    ).toEqual([]);
  });
});

describe('the personal-data rule', () => {
  const MESSAGE =
    'Special categories are personal data: tick "contains personal data" or clear the special categories';

  it('refuses special categories without personal data, on create and after an update', () => {
    const r = ZDataSetFields.safeParse({ name: 'X', personalData: false, specialCategories: ['health'] });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['specialCategories', MESSAGE]]);
    expect(dataSetRuleViolation({ personalData: false, specialCategories: ['health'] })).toBe(MESSAGE);
    expect(dataSetRuleViolation({ personalData: false, specialCategories: [] })).toBeNull();
    expect(dataSetRuleViolation({ personalData: true, specialCategories: ['health'] })).toBeNull();
  });

  it('is not applied to an update alone, which may send one field of the pair', () => {
    expect(ZUpdateDataSet.safeParse({ version: 2, personalData: false }).success).toBe(true);
  });
});

describe('a data set', () => {
  it('takes defaults and drops repeated categories and systems', () => {
    const d = ZDataSetFields.parse({
      name: '  Claims  ',
      personalData: true,
      specialCategories: ['health', 'health', 'genetic'],
      aiSystemIds: ['a', 'b', 'a'],
    });
    expect(d).toEqual({
      name: 'Claims',
      description: '',
      purpose: 'training',
      sourceKind: 'internal',
      source: '',
      provenance: '',
      acquiredOn: null,
      legalBasis: 'own_data',
      legalBasisDetail: '',
      qualityChecks: [],
      preparation: '',
      personalData: true,
      specialCategories: ['health', 'genetic'],
      retention: '',
      retainUntil: null,
      ownerId: null,
      aiSystemIds: ['a', 'b'],
    });
  });
});
