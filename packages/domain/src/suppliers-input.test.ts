import { describe, expect, it } from 'vitest';
import {
  CONTRACT_CLAUSES,
  CONTRACT_CLAUSE_LABELS,
  DILIGENCE_ANSWERS,
  DILIGENCE_ANSWER_LABELS,
  REVIEW_STATES,
  SUPPLY_KINDS,
  SUPPLY_KIND_LABELS,
  ZCustomerResponsibilities,
  ZResponsibility,
  ZSupplierFields,
  ZSupplierReview,
  ZUpdateSupplier,
} from './suppliers';

// What the supplier register accepts (a supplier, an update, a review, the customer
// responsibilities), the words of each refusal, one bad field per case, the defaults and the labels
// a user reads; the all-mutant Stryker run of suppliers.ts left them untested.
const messages = (r: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => [i.path.join('.'), i.message]);

describe('the labels of the register', () => {
  it('names each kind, answer and contract clause', () => {
    expect(SUPPLY_KINDS.map((k) => SUPPLY_KIND_LABELS[k])).toEqual([
      'Model API / hosted model',
      'Foundation model (weights)',
      'AI / ML platform',
      'Data provider',
      'Labelling service',
      'AI component or library',
      'AI development or consulting',
      'Other',
    ]);
    expect(DILIGENCE_ANSWERS.map((a) => DILIGENCE_ANSWER_LABELS[a])).toEqual(['Yes', 'No', 'Unknown']);
    expect(CONTRACT_CLAUSES.map((c) => CONTRACT_CLAUSE_LABELS[c])).toEqual([
      'No training on our inputs or outputs',
      'Limit on retention of our data',
      'Notice before model changes',
      'Incident notification',
      'Data location',
      'Sub-processor approval',
      'Audit or assessment rights',
      'Security measures',
      'IP indemnity for outputs',
      'Exit and data return',
    ]);
    expect(REVIEW_STATES).toEqual(['current', 'overdue']);
  });
});

describe('a new supplier', () => {
  it('starts as a model API with unknown answers, a yearly review and nothing else', () => {
    expect(ZSupplierFields.parse({ name: ' Acme AI ' })).toEqual({
      name: 'Acme AI',
      supplies: '',
      kind: 'model_api',
      aiSystemIds: [],
      trainsOnInputs: 'unknown',
      inputRetention: '',
      modelChangeNotice: 'unknown',
      incidentNotice: 'unknown',
      dataLocation: '',
      contractClauses: [],
      reviewCadenceMonths: 12,
      lastReviewedOn: null,
      ownerId: null,
      notes: '',
    });
  });

  it('takes each field up to its limit, trimmed, each system and clause once', () => {
    const systems = Array.from({ length: 200 }, (_, i) => `s${i}`);
    expect(
      ZSupplierFields.parse({
        name: ` ${'n'.repeat(200)} `,
        supplies: ` ${'s'.repeat(2000)} `,
        kind: 'other',
        aiSystemIds: systems,
        trainsOnInputs: 'yes',
        inputRetention: 'r'.repeat(1000),
        modelChangeNotice: 'no',
        incidentNotice: 'yes',
        dataLocation: 'd'.repeat(500),
        contractClauses: [...CONTRACT_CLAUSES],
        reviewCadenceMonths: 60,
        lastReviewedOn: '2026-06-30',
        ownerId: 'u1',
        notes: 'x'.repeat(5000),
      }),
    ).toMatchObject({
      name: 'n'.repeat(200),
      supplies: 's'.repeat(2000),
      aiSystemIds: systems,
      contractClauses: [...CONTRACT_CLAUSES],
      reviewCadenceMonths: 60,
    });
    expect(
      ZSupplierFields.parse({
        name: 'a',
        aiSystemIds: ['s1', 's2', 's1'],
        contractClauses: ['audit_rights', 'audit_rights'],
        reviewCadenceMonths: 1,
      }),
    ).toMatchObject({ aiSystemIds: ['s1', 's2'], contractClauses: ['audit_rights'], reviewCadenceMonths: 1 });
  });

  it('refuses each bad field in its own words', () => {
    const bad = (field: string, value: unknown) => messages(ZSupplierFields.safeParse({ name: 'a', [field]: value }));
    expect(messages(ZSupplierFields.safeParse({}))).toEqual([['name', 'Name is required']]);
    expect(bad('name', '  ')).toEqual([['name', 'Name is required: say who the supplier is']]);
    expect(bad('name', 'n'.repeat(201))).toEqual([['name', 'Name must be at most 200 characters']]);
    expect(bad('supplies', 1)).toEqual([['supplies', 'What they supply must be text']]);
    expect(bad('supplies', 's'.repeat(2001))).toEqual([
      ['supplies', 'What they supply must be at most 2000 characters'],
    ]);
    expect(bad('kind', 'cloud')).toEqual([
      [
        'kind',
        'Kind must be one of: model_api, foundation_model, ai_platform, data_provider, labelling_service, ai_component, consulting, other',
      ],
    ]);
    expect(bad('aiSystemIds', 's1')).toEqual([['aiSystemIds', 'AI systems must be a list of ids']]);
    expect(bad('aiSystemIds', [''])).toEqual([
      ['aiSystemIds.0', 'AI system: send the id of an AI system of this organization'],
    ]);
    expect(ZSupplierFields.safeParse({ name: 'a', aiSystemIds: Array(201).fill('s') }).success).toBe(false);
    expect(bad('trainsOnInputs', 'maybe')).toEqual([
      ['trainsOnInputs', 'Uses our inputs for training must be one of: yes, no, unknown'],
    ]);
    expect(bad('modelChangeNotice', 'maybe')).toEqual([
      ['modelChangeNotice', 'Notice before model changes must be one of: yes, no, unknown'],
    ]);
    expect(bad('incidentNotice', 'maybe')).toEqual([
      ['incidentNotice', 'Incident notice must be one of: yes, no, unknown'],
    ]);
    expect(bad('inputRetention', 'r'.repeat(1001))).toEqual([
      ['inputRetention', 'Retention of our inputs must be at most 1000 characters'],
    ]);
    expect(bad('dataLocation', 'd'.repeat(501))).toEqual([
      ['dataLocation', 'Where data is processed must be at most 500 characters'],
    ]);
    expect(bad('contractClauses', 'all')).toEqual([['contractClauses', 'Contract clauses must be a list']]);
    expect(bad('contractClauses', ['nda'])).toEqual([
      [
        'contractClauses.0',
        'Contract clauses: each must be one of no_training_on_inputs, retention_limit, model_change_notice, incident_notice, data_location, subprocessors, audit_rights, security_measures, ip_indemnity, exit_portability',
      ],
    ]);
    expect(
      ZSupplierFields.safeParse({ name: 'a', contractClauses: [...CONTRACT_CLAUSES, 'audit_rights'] }).success,
    ).toBe(false);
    const months = 'Review every (months) must be a whole number of months, such as 12';
    expect(bad('reviewCadenceMonths', '12')).toEqual([['reviewCadenceMonths', months]]);
    expect(bad('reviewCadenceMonths', 1.5)).toEqual([['reviewCadenceMonths', months]]);
    expect(bad('reviewCadenceMonths', 0)).toEqual([
      ['reviewCadenceMonths', 'Review every (months) must be at least 1'],
    ]);
    expect(bad('reviewCadenceMonths', 61)).toEqual([
      ['reviewCadenceMonths', 'Review every (months) must be at most 60'],
    ]);
    expect(bad('lastReviewedOn', '2026-02-30')).toEqual([
      ['lastReviewedOn', 'Last reviewed on must be a real date written year-month-day, such as 2027-03-31'],
    ]);
    expect(bad('ownerId', '')).toEqual([
      ['ownerId', 'Owner: send the id of a member of this organization, or null for none'],
    ]);
    expect(bad('notes', 'x'.repeat(5001))).toEqual([['notes', 'Notes must be at most 5000 characters']]);
  });
});

describe('an update, a review and the customer responsibilities', () => {
  it('updates any field with the version read, without defaults', () => {
    expect(ZUpdateSupplier.parse({ version: 2, notes: ' n ' })).toEqual({ version: 2, notes: 'n' });
    expect(messages(ZUpdateSupplier.safeParse({ notes: 'n' }))).toEqual([
      ['version', 'version is required: send the version you read'],
    ]);
    expect(messages(ZUpdateSupplier.safeParse({ version: 2, name: '' }))).toEqual([
      ['name', 'Name is required: say who the supplier is'],
    ]);
  });

  it('records a review with a date and a note', () => {
    expect(ZSupplierReview.parse({ version: 1, reviewedOn: '2026-06-30' })).toEqual({
      version: 1,
      reviewedOn: '2026-06-30',
      note: '',
    });
    expect(ZSupplierReview.parse({ version: 1, reviewedOn: '2026-06-30', note: ` ${'n'.repeat(2000)} ` }).note).toBe(
      'n'.repeat(2000),
    );
    expect(messages(ZSupplierReview.safeParse({ version: 1, reviewedOn: '30/06/2026' }))).toEqual([
      ['reviewedOn', 'Reviewed on must be a real date written year-month-day, such as 2027-03-31'],
    ]);
    expect(
      messages(ZSupplierReview.safeParse({ version: 1, reviewedOn: '2026-06-30', note: 'n'.repeat(2001) })),
    ).toEqual([['note', 'Review note must be at most 2000 characters']]);
  });

  it('takes up to 100 responsibilities, each with a topic and two parts', () => {
    expect(ZResponsibility.parse({ topic: ' Oversight ' })).toEqual({ topic: 'Oversight', ours: '', customers: '' });
    expect(
      ZResponsibility.parse({ topic: 't'.repeat(300), ours: 'o'.repeat(2000), customers: 'c'.repeat(2000) }),
    ).toEqual({ topic: 't'.repeat(300), ours: 'o'.repeat(2000), customers: 'c'.repeat(2000) });
    const items = Array.from({ length: 100 }, () => ({ topic: 't' }));
    expect(ZCustomerResponsibilities.parse({ version: 0, items }).items).toHaveLength(100);
  });

  it('refuses each bad responsibility in its own words', () => {
    expect(messages(ZResponsibility.safeParse({}))).toEqual([['topic', 'Responsibility: say what it is about']]);
    expect(messages(ZResponsibility.safeParse({ topic: ' ' }))).toEqual([
      ['topic', 'Responsibility: say what it is about, such as "human oversight of outputs"'],
    ]);
    expect(messages(ZResponsibility.safeParse({ topic: 't'.repeat(301) }))).toEqual([
      ['topic', 'Responsibility topic must be at most 300 characters'],
    ]);
    expect(messages(ZResponsibility.safeParse({ topic: 't', ours: 'o'.repeat(2001) }))).toEqual([
      ['ours', 'Our part must be at most 2000 characters'],
    ]);
    expect(messages(ZResponsibility.safeParse({ topic: 't', customers: 'c'.repeat(2001) }))).toEqual([
      ['customers', 'The customer’s part must be at most 2000 characters'],
    ]);
    expect(messages(ZCustomerResponsibilities.safeParse({ version: 0, items: 'x' }))).toEqual([
      ['items', 'Responsibilities must be a list'],
    ]);
    expect(
      messages(ZCustomerResponsibilities.safeParse({ version: 0, items: Array(101).fill({ topic: 't' }) })),
    ).toEqual([['items', 'At most 100 rows']]);
  });
});
