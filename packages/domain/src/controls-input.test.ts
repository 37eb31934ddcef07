import { describe, expect, it } from 'vitest';
import {
  CADENCE_PRESETS,
  CONTROL_STATUSES,
  CONTROL_STATUS_LABELS,
  MAX_CADENCE_MONTHS,
  OCCURRENCE_OUTCOMES,
  OCCURRENCE_OUTCOME_LABELS,
  ZControlImplementationInput,
  ZOccurrenceInput,
  cadenceLabel,
} from './controls';

// What a control's implementation and its occurrences accept, the words of each refusal, one bad
// field per case, the defaults and the labels a user reads; the all-mutant Stryker run of
// controls.ts left them untested.
const messages = (r: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => [i.path.join('.'), i.message]);

describe('the labels of a control', () => {
  it('names each status, outcome and cadence', () => {
    expect(CONTROL_STATUSES.map((s) => CONTROL_STATUS_LABELS[s])).toEqual([
      'Planned',
      'Implementing',
      'Operating',
      'Needs rework',
    ]);
    expect(OCCURRENCE_OUTCOMES.map((o) => OCCURRENCE_OUTCOME_LABELS[o])).toEqual(['OK', 'Issues found']);
    expect(CADENCE_PRESETS).toEqual([
      { months: 1, label: 'Monthly' },
      { months: 3, label: 'Quarterly' },
      { months: 6, label: 'Half-yearly' },
      { months: 12, label: 'Yearly' },
    ]);
    expect([1, 3, 6, 12, 2, 60, null].map(cadenceLabel)).toEqual([
      'Monthly',
      'Quarterly',
      'Half-yearly',
      'Yearly',
      'Every 2 months',
      'Every 60 months',
      'None',
    ]);
    expect(MAX_CADENCE_MONTHS).toBe(60);
  });
});

describe("a control's implementation", () => {
  it('takes only the fields sent, with the version read', () => {
    expect(ZControlImplementationInput.parse({ version: 0 })).toEqual({ version: 0 });
    expect(
      ZControlImplementationInput.parse({
        version: 1,
        status: 'needs_rework',
        ownerId: null,
        description: ` ${'d'.repeat(20_000)} `,
        documentIds: Array(50).fill('doc'),
        dueOn: '2027-03-31',
        cadenceMonths: 60,
      }),
    ).toEqual({
      version: 1,
      status: 'needs_rework',
      ownerId: null,
      description: 'd'.repeat(20_000),
      documentIds: Array(50).fill('doc'),
      dueOn: '2027-03-31',
      cadenceMonths: 60,
    });
    expect(ZControlImplementationInput.parse({ version: 1, cadenceMonths: 1 }).cadenceMonths).toBe(1);
    expect(ZControlImplementationInput.parse({ version: 1, cadenceMonths: null }).cadenceMonths).toBeNull();
  });

  it('refuses each bad field in its own words', () => {
    const bad = (field: string, value: unknown) =>
      messages(ZControlImplementationInput.safeParse({ version: 1, [field]: value }));
    expect(messages(ZControlImplementationInput.safeParse({}))).toEqual([
      ['version', 'version is required: send the version of the implementation you read (0 before it exists)'],
    ]);
    expect(bad('status', 'done')).toEqual([
      [
        'status',
        'Status must be one of: Planned, Implementing, Operating, Needs rework (planned, implementing, operating, needs_rework)',
      ],
    ]);
    expect(bad('description', 'd'.repeat(20_001))).toEqual([
      ['description', 'How it is implemented must be at most 20000 characters'],
    ]);
    expect(bad('description', 3)).toEqual([['description', 'How it is implemented must be text']]);
    expect(bad('documentIds', 'doc')).toEqual([['documentIds', 'Linked documents must be a list of document ids']]);
    expect(bad('documentIds', [''])).toEqual([
      ['documentIds.0', 'Linked document: send the id of a document of this organization'],
    ]);
    expect(bad('documentIds', Array(51).fill('doc'))).toEqual([['documentIds', 'Link at most 50 documents']]);
    expect(bad('dueOn', '2027-02-29')).toEqual([
      ['dueOn', 'Due date must be a real date written year-month-day, such as 2027-03-31'],
    ]);
    expect(bad('cadenceMonths', 'monthly')).toEqual([
      [
        'cadenceMonths',
        'Cadence must be a number of months (1 monthly, 3 quarterly, 6 half-yearly, 12 yearly), or null for none',
      ],
    ]);
    expect(bad('cadenceMonths', 1.5)).toEqual([['cadenceMonths', 'Cadence must be a whole number of months']]);
    expect(bad('cadenceMonths', 0)).toEqual([['cadenceMonths', 'Cadence must be at least 1 month, or null for none']]);
    expect(bad('cadenceMonths', 61)).toEqual([['cadenceMonths', 'Cadence must be at most 60 months']]);
    expect(bad('ownerId', '')).toEqual([
      ['ownerId', 'Owner: send the id of a member of this organization, or null for none'],
    ]);
  });
});

describe('an occurrence of a control', () => {
  it('has no notes by default, and trims them', () => {
    expect(ZOccurrenceInput.parse({ performedOn: '2026-06-30', outcome: 'ok' })).toEqual({
      performedOn: '2026-06-30',
      outcome: 'ok',
      notes: '',
    });
    expect(
      ZOccurrenceInput.parse({
        performedOn: '2026-06-30',
        performedById: 'u1',
        outcome: 'issues_found',
        notes: ` ${'n'.repeat(5000)} `,
      }),
    ).toEqual({ performedOn: '2026-06-30', performedById: 'u1', outcome: 'issues_found', notes: 'n'.repeat(5000) });
  });

  it('refuses each bad field in its own words', () => {
    const ok = { performedOn: '2026-06-30', outcome: 'ok' };
    expect(messages(ZOccurrenceInput.safeParse({ ...ok, performedOn: 'yesterday' }))).toEqual([
      ['performedOn', 'Date performed must be a real date written year-month-day, such as 2027-03-31'],
    ]);
    expect(messages(ZOccurrenceInput.safeParse({ ...ok, performedById: '' }))).toEqual([
      ['performedById', 'Performed by: send the id of a member of this organization'],
    ]);
    expect(messages(ZOccurrenceInput.safeParse({ ...ok, outcome: 'fine' }))).toEqual([
      ['outcome', 'Outcome must be OK or Issues found (ok, issues_found)'],
    ]);
    expect(messages(ZOccurrenceInput.safeParse({ ...ok, notes: 'n'.repeat(5001) }))).toEqual([
      ['notes', 'Notes must be at most 5000 characters'],
    ]);
  });
});
