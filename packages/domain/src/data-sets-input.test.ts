import { describe, expect, it } from 'vitest';
import {
  BASES_NEEDING_EVIDENCE,
  DATA_SET_PURPOSES,
  DATA_SET_PURPOSE_LABELS,
  DATA_SOURCE_KINDS,
  DATA_SOURCE_KIND_LABELS,
  LEGAL_BASES,
  LEGAL_BASIS_LABELS,
  QUALITY_RESULTS,
  QUALITY_RESULT_LABELS,
  SPECIAL_CATEGORIES,
  SPECIAL_CATEGORY_LABELS,
  ZDataSetFields,
  ZQualityCheck,
  ZUpdateDataSet,
} from './data-sets';

// What the data set register accepts (a data set, an update, a quality check), the words of each
// refusal, one bad field per case, the defaults and the labels a user reads; the all-mutant Stryker
// run of data-sets.ts left them untested.
const messages = (r: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => [i.path.join('.'), i.message]);
const TEXTS: Record<string, [string, number]> = {
  description: ['Description', 5000],
  source: ['Source', 1000],
  provenance: ['Provenance', 5000],
  legalBasisDetail: ['Licence or consent details', 3000],
  preparation: ['Preparation', 5000],
  retention: ['Retention', 2000],
};

describe('the labels of the register', () => {
  it('names each purpose, source, basis, category and result', () => {
    expect(DATA_SET_PURPOSES.map((p) => DATA_SET_PURPOSE_LABELS[p])).toEqual([
      'Training',
      'Validation',
      'Test',
      'Fine-tuning',
      'Production input',
      'Reference / retrieval',
    ]);
    expect(DATA_SOURCE_KINDS.map((k) => DATA_SOURCE_KIND_LABELS[k])).toEqual([
      'Own / internal',
      'Customer data',
      'Public data set',
      'Licensed from a third party',
      'Collected from the web',
      'Synthetic',
      'From a supplier',
    ]);
    expect(LEGAL_BASES.map((b) => LEGAL_BASIS_LABELS[b])).toEqual([
      'Licence',
      'Consent',
      'Contract',
      'Legitimate interest',
      'Legal obligation',
      'Public domain / open data',
      'Own data',
      'Other',
    ]);
    expect(BASES_NEEDING_EVIDENCE).toEqual(['licence', 'consent', 'contract']);
    expect(SPECIAL_CATEGORIES.map((c) => SPECIAL_CATEGORY_LABELS[c])).toEqual([
      'Racial or ethnic origin',
      'Political opinions',
      'Religious or philosophical beliefs',
      'Trade union membership',
      'Genetic data',
      'Biometric data for identification',
      'Health',
      'Sex life or sexual orientation',
      'Criminal convictions and offences',
    ]);
    expect(QUALITY_RESULTS.map((r) => QUALITY_RESULT_LABELS[r])).toEqual(['Passed', 'Failed', 'Not run yet']);
  });
});

describe('a quality check', () => {
  it('has no date and no note by default', () => {
    expect(ZQualityCheck.parse({ check: ' Labels sampled ', result: 'passed' })).toEqual({
      check: 'Labels sampled',
      result: 'passed',
      checkedOn: null,
      note: '',
    });
    expect(ZQualityCheck.parse({ check: 'c'.repeat(300), result: 'not_run', note: ` ${'n'.repeat(1000)} ` })).toMatchObject(
      { check: 'c'.repeat(300), note: 'n'.repeat(1000) },
    );
  });

  it('refuses each bad field in its own words', () => {
    expect(messages(ZQualityCheck.safeParse({ result: 'passed' }))).toEqual([['check', 'Quality check: say what was checked']]);
    expect(messages(ZQualityCheck.safeParse({ check: ' ', result: 'passed' }))).toEqual([
      ['check', 'Quality check: say what was checked, such as "label accuracy sampled"'],
    ]);
    expect(messages(ZQualityCheck.safeParse({ check: 'c'.repeat(301), result: 'passed' }))).toEqual([
      ['check', 'Quality check must be at most 300 characters'],
    ]);
    expect(messages(ZQualityCheck.safeParse({ check: 'c', result: 'ok' }))).toEqual([
      ['result', 'Quality check result must be one of: passed, failed, not_run'],
    ]);
    expect(messages(ZQualityCheck.safeParse({ check: 'c', result: 'passed', checkedOn: '2026-02-30' }))).toEqual([
      ['checkedOn', 'Quality check date must be a real date written year-month-day, such as 2027-03-31'],
    ]);
    expect(messages(ZQualityCheck.safeParse({ check: 'c', result: 'passed', note: 'n'.repeat(1001) }))).toEqual([
      ['note', 'Quality check note must be at most 1000 characters'],
    ]);
    expect(messages(ZQualityCheck.safeParse({ check: 'c', result: 'passed', note: 5 }))).toEqual([
      ['note', 'Quality check note must be text'],
    ]);
  });
});

describe('a new data set', () => {
  it('starts as own training data without personal data, and nothing else', () => {
    expect(ZDataSetFields.parse({ name: ' Claims 2025 ' })).toEqual({
      name: 'Claims 2025',
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
      personalData: false,
      specialCategories: [],
      retention: '',
      retainUntil: null,
      ownerId: null,
      aiSystemIds: [],
    });
  });

  it('takes each field up to its limit, trimmed, each category and system once', () => {
    const full = Object.fromEntries(Object.entries(TEXTS).map(([k, [, n]]) => [k, ` ${'x'.repeat(n)} `]));
    const out = ZDataSetFields.parse({
      name: 'n'.repeat(200),
      ...full,
      personalData: true,
      specialCategories: [...SPECIAL_CATEGORIES],
      qualityChecks: Array(50).fill({ check: 'c', result: 'passed' }),
      aiSystemIds: [...Array.from({ length: 200 }, (_, i) => `s${i}`)],
    });
    for (const [k, [, n]] of Object.entries(TEXTS)) expect(out[k as keyof typeof out]).toBe('x'.repeat(n));
    expect(out.specialCategories).toEqual([...SPECIAL_CATEGORIES]);
    expect(out.qualityChecks).toHaveLength(50);
    expect(out.aiSystemIds).toHaveLength(200);
    expect(ZDataSetFields.parse({ name: 'a', aiSystemIds: ['s1', 's1'] }).aiSystemIds).toEqual(['s1']);
    expect(
      ZDataSetFields.parse({ name: 'a', personalData: true, specialCategories: ['health', 'genetic', 'health'] })
        .specialCategories,
    ).toEqual(['health', 'genetic']);
  });

  it('refuses each bad field in its own words', () => {
    const bad = (field: string, value: unknown) => messages(ZDataSetFields.safeParse({ name: 'a', [field]: value }));
    expect(messages(ZDataSetFields.safeParse({}))).toEqual([['name', 'Name is required']]);
    expect(bad('name', '  ')).toEqual([['name', 'Name is required: say which data set this is']]);
    expect(bad('name', 'n'.repeat(201))).toEqual([['name', 'Name must be at most 200 characters']]);
    for (const [k, [label, n]] of Object.entries(TEXTS)) {
      expect(bad(k, 'x'.repeat(n + 1))).toEqual([[k, `${label} must be at most ${n} characters`]]);
      expect(bad(k, 1)).toEqual([[k, `${label} must be text`]]);
    }
    expect(bad('purpose', 'x')).toEqual([
      ['purpose', 'Purpose must be one of: training, validation, test, fine_tuning, production_input, reference'],
    ]);
    expect(bad('sourceKind', 'x')).toEqual([
      ['sourceKind', 'Source must be one of: internal, customer, public, licensed, scraped, synthetic, supplier'],
    ]);
    expect(bad('legalBasis', 'x')).toEqual([
      [
        'legalBasis',
        'Licence or consent basis must be one of: licence, consent, contract, legitimate_interest, legal_obligation, public_domain, own_data, other',
      ],
    ]);
    expect(bad('acquiredOn', '2026-02-30')).toEqual([
      ['acquiredOn', 'Acquired on must be a real date written year-month-day, such as 2027-03-31'],
    ]);
    expect(bad('retainUntil', '2026-02-30')).toEqual([
      ['retainUntil', 'Keep until must be a real date written year-month-day, such as 2027-03-31'],
    ]);
    expect(bad('qualityChecks', 'none')).toEqual([['qualityChecks', 'Quality checks must be a list']]);
    expect(bad('qualityChecks', Array(51).fill({ check: 'c', result: 'passed' }))).toEqual([
      ['qualityChecks', 'At most 50 quality checks'],
    ]);
    expect(bad('personalData', 'yes')).toEqual([['personalData', 'Contains personal data must be true or false']]);
    expect(messages(ZDataSetFields.safeParse({ name: 'a', personalData: true, specialCategories: 'health' }))).toEqual([
      ['specialCategories', 'Special categories must be a list'],
    ]);
    expect(messages(ZDataSetFields.safeParse({ name: 'a', personalData: true, specialCategories: ['age'] }))).toEqual([
      [
        'specialCategories.0',
        'Special categories: each must be one of racial_ethnic_origin, political_opinions, religious_beliefs, trade_union, genetic, biometric, health, sex_life_orientation, criminal_records',
      ],
    ]);
    // At most as many entries as there are categories, counted before repeats are dropped.
    expect(
      ZDataSetFields.safeParse({ name: 'a', personalData: true, specialCategories: Array(10).fill('health') }).success,
    ).toBe(false);
    expect(bad('specialCategories', ['health'])).toEqual([
      [
        'specialCategories',
        'Special categories are personal data: tick "contains personal data" or clear the special categories',
      ],
    ]);
    expect(bad('ownerId', '')).toEqual([['ownerId', 'Owner: send the id of a member of this organization, or null for none']]);
    expect(bad('aiSystemIds', 's1')).toEqual([['aiSystemIds', 'AI systems must be a list of ids']]);
    expect(ZDataSetFields.safeParse({ name: 'a', aiSystemIds: Array(201).fill('s') }).success).toBe(false);
  });
});

describe('an update', () => {
  it('changes any field with the version read, without defaults', () => {
    expect(ZUpdateDataSet.parse({ version: 2 })).toEqual({ version: 2 });
    expect(ZUpdateDataSet.parse({ version: 2, source: ' s ', specialCategories: ['health', 'health'] })).toEqual({
      version: 2,
      source: 's',
      specialCategories: ['health'],
    });
    expect(messages(ZUpdateDataSet.safeParse({ source: 's' }))).toEqual([
      ['version', 'version is required: send the version you read'],
    ]);
    expect(messages(ZUpdateDataSet.safeParse({ version: 2, name: '' }))).toEqual([
      ['name', 'Name is required: say which data set this is'],
    ]);
  });
});
