import { describe, expect, it } from 'vitest';
import { nextSupplierReview, reviewStateOf, supplierWarnings, ZSupplierFields } from './suppliers';

// The AI-specific due-diligence gaps, word for word and in the order they are shown.
const TRAINS = 'The supplier trains on our inputs and no contract clause stops it.';
const UNKNOWN_TRAINING = 'Find out whether the supplier uses our inputs for training.';
const MODEL_CHANGE = 'No notice before model changes: a vendor model update could go unnoticed (8.2, 8.4).';
const INCIDENT = 'No commitment to tell us about incidents.';
const LOCATION = 'Where our data is processed is not recorded.';
const RETENTION = 'How long the supplier keeps our inputs is not recorded.';

const answered = ZSupplierFields.parse({
  name: 'Model Co',
  trainsOnInputs: 'no',
  modelChangeNotice: 'yes',
  incidentNotice: 'yes',
  dataLocation: 'EU (Frankfurt)',
  inputRetention: '30 days',
});

describe('supplier due diligence', () => {
  it('lists every gap of a supplier nobody has asked yet', () => {
    expect(supplierWarnings(ZSupplierFields.parse({ name: 'Model Co' }))).toEqual([
      UNKNOWN_TRAINING,
      MODEL_CHANGE,
      INCIDENT,
      LOCATION,
      RETENTION,
    ]);
  });

  it('has nothing to say once everything is answered', () => {
    expect(supplierWarnings(answered)).toEqual([]);
  });

  it('accepts training on our inputs only with the clause that stops it', () => {
    expect(supplierWarnings({ ...answered, trainsOnInputs: 'yes' })).toEqual([TRAINS]);
    expect(
      supplierWarnings({ ...answered, trainsOnInputs: 'yes', contractClauses: ['no_training_on_inputs'] }),
    ).toEqual([]);
    // Another clause does not stop it.
    expect(supplierWarnings({ ...answered, trainsOnInputs: 'yes', contractClauses: ['retention_limit'] })).toEqual([
      TRAINS,
    ]);
  });

  it('takes a clause in place of a notice the supplier has not promised', () => {
    expect(supplierWarnings({ ...answered, modelChangeNotice: 'no', incidentNotice: 'unknown' })).toEqual([
      MODEL_CHANGE,
      INCIDENT,
    ]);
    expect(
      supplierWarnings({
        ...answered,
        modelChangeNotice: 'no',
        incidentNotice: 'no',
        contractClauses: ['model_change_notice', 'incident_notice'],
      }),
    ).toEqual([]);
  });

  it('counts blank text as not recorded', () => {
    expect(supplierWarnings({ ...answered, dataLocation: ' ', inputRetention: '  ' })).toEqual([LOCATION, RETENTION]);
  });
});

describe('supplier reviews', () => {
  it('are due one cadence after the last review, or from the day the supplier was entered', () => {
    expect(nextSupplierReview({ lastReviewedOn: '2026-03-15', reviewCadenceMonths: 6, createdOn: '2025-01-01' })).toBe(
      '2026-09-15',
    );
    expect(nextSupplierReview({ lastReviewedOn: null, reviewCadenceMonths: 6, createdOn: '2025-01-01' })).toBe(
      '2025-01-01',
    );
  });

  it('are overdue only after the day they were due', () => {
    expect(reviewStateOf('2026-05-01', '2026-04-30')).toBe('current');
    expect(reviewStateOf('2026-05-01', '2026-05-01')).toBe('current');
    expect(reviewStateOf('2026-05-01', '2026-05-02')).toBe('overdue');
  });
});

describe('a supplier', () => {
  const messages = (input: unknown) => {
    const r = ZSupplierFields.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('takes defaults and drops repeated systems and clauses', () => {
    expect(
      ZSupplierFields.parse({
        name: ' Model Co ',
        aiSystemIds: ['a', 'a'],
        contractClauses: ['audit_rights', 'audit_rights', 'data_location'],
      }),
    ).toEqual({
      name: 'Model Co',
      supplies: '',
      kind: 'model_api',
      aiSystemIds: ['a'],
      trainsOnInputs: 'unknown',
      inputRetention: '',
      modelChangeNotice: 'unknown',
      incidentNotice: 'unknown',
      dataLocation: '',
      contractClauses: ['audit_rights', 'data_location'],
      reviewCadenceMonths: 12,
      lastReviewedOn: null,
      ownerId: null,
      notes: '',
    });
  });

  it('reviews at least every 60 months and at most monthly', () => {
    expect(messages({ name: 'X', reviewCadenceMonths: 1 })).toEqual([]);
    expect(messages({ name: 'X', reviewCadenceMonths: 60 })).toEqual([]);
    expect(messages({ name: 'X', reviewCadenceMonths: 0 })).toEqual([
      'reviewCadenceMonths: Review every (months) must be at least 1',
    ]);
    expect(messages({ name: 'X', reviewCadenceMonths: 61 })).toEqual([
      'reviewCadenceMonths: Review every (months) must be at most 60',
    ]);
    expect(messages({ name: 'X', reviewCadenceMonths: 1.5 })).toEqual([
      'reviewCadenceMonths: Review every (months) must be a whole number of months, such as 12',
    ]);
  });

  it('needs a name', () => {
    expect(messages({ name: '  ' })).toEqual(['name: Name is required: say who the supplier is']);
    expect(messages({})).toEqual(['name: Name is required']);
  });
});
