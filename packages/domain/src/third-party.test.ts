import { describe, expect, it } from 'vitest';
import { dataSetRuleViolation, dataSetWarnings, ZDataSetFields } from './data-sets';
import { nextSupplierReview, reviewStateOf, supplierWarnings, ZSupplierFields } from './suppliers';

describe('data sets (A.7)', () => {
  it('refuses special categories on a data set without personal data', () => {
    const r = ZDataSetFields.safeParse({ name: 'X', personalData: false, specialCategories: ['health'] });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toMatch(/Special categories are personal data/);
    expect(dataSetRuleViolation({ personalData: true, specialCategories: ['health'] })).toBeNull();
    expect(dataSetRuleViolation({ personalData: false, specialCategories: ['health'] })).toMatch(/personal data/);
  });

  it('flags missing provenance, unevidenced licence, no quality checks, preparation, retention and systems', () => {
    const d = ZDataSetFields.parse({ name: 'Claims 2024', legalBasis: 'licence', personalData: true });
    const w = dataSetWarnings(d, 0).join('\n');
    expect(w).toMatch(/Provenance/);
    expect(w).toMatch(/licence is not evidenced/);
    expect(w).toMatch(/A\.7\.4/);
    expect(w).toMatch(/A\.7\.6/);
    expect(w).toMatch(/retention/);
    expect(w).toMatch(/AI system/);
    const complete = ZDataSetFields.parse({
      name: 'Claims 2024',
      legalBasis: 'licence',
      provenance: 'Bought from X in 2024',
      qualityChecks: [{ check: 'Duplicates removed', result: 'passed' }],
      preparation: 'Deduplicated',
      personalData: true,
      retainUntil: '2030-01-01',
      aiSystemIds: ['s1'],
    });
    expect(dataSetWarnings(complete, 1)).toEqual([]);
    expect(dataSetWarnings(complete, 0)).toHaveLength(1);
    expect(
      dataSetWarnings({ ...complete, qualityChecks: [{ check: 'c', result: 'failed', checkedOn: null, note: '' }] }, 1),
    ).toEqual(['A quality check failed: record what was done about it.']);
  });
});

describe('suppliers (A.10)', () => {
  it('is due one cadence after the last review, or from the day it was entered when never reviewed', () => {
    expect(nextSupplierReview({ lastReviewedOn: '2026-01-31', reviewCadenceMonths: 1, createdOn: '2025-01-01' })).toBe(
      '2026-02-28',
    );
    expect(nextSupplierReview({ lastReviewedOn: null, reviewCadenceMonths: 12, createdOn: '2026-05-01' })).toBe(
      '2026-05-01',
    );
    expect(reviewStateOf('2026-05-01', '2026-05-02')).toBe('overdue');
    expect(reviewStateOf('2026-05-01', '2026-05-01')).toBe('current');
  });

  it('names the AI-specific due-diligence gaps, and none when answered and covered by clauses', () => {
    const s = ZSupplierFields.parse({ name: 'Model Co', trainsOnInputs: 'yes' });
    const w = supplierWarnings(s).join('\n');
    expect(w).toMatch(/trains on our inputs/);
    expect(w).toMatch(/model changes/);
    expect(w).toMatch(/incidents/);
    expect(w).toMatch(/processed/);
    const ok = ZSupplierFields.parse({
      name: 'Model Co',
      trainsOnInputs: 'yes',
      contractClauses: ['no_training_on_inputs', 'model_change_notice'],
      incidentNotice: 'yes',
      dataLocation: 'EU (Frankfurt)',
      inputRetention: '30 days',
    });
    expect(supplierWarnings(ok)).toEqual([]);
  });

  it('refuses a cadence that is not a whole number of months', () => {
    const r = ZSupplierFields.safeParse({ name: 'X', reviewCadenceMonths: 1.5 });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toMatch(/whole number of months/);
  });
});
