import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  ZAuditScope,
  ZCreateAudit,
  ZCreateFinding,
  ZUpdateAudit,
  ZUpdateChecklistItem,
  ZUpdateProgramme,
} from './audits';

// What the internal audit (9.2) accepts and answers: each message names the field as the form labels it.

const problems = (schema: z.ZodType, input: unknown) =>
  (schema.safeParse(input).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
const chars = (n: number) => 'x'.repeat(n);

describe('an audit plan', () => {
  it('starts from a title, with the standard and the AIMS as criteria, on site, scoped to nothing yet', () => {
    expect(ZCreateAudit.parse({ title: ' Risk management ' })).toEqual({
      title: 'Risk management',
      objectives: '',
      criteria: 'ISO/IEC 42001:2023 and the AIMS documentation',
      scope: { refs: [], aiSystemIds: [], units: [], sites: [] },
      leadId: null,
      teamIds: [],
      auditees: [],
      method: 'on_site',
      plannedStart: null,
      plannedEnd: null,
      independenceJustification: '',
    });
  });

  it('names a missing or blank title, and one that is too long', () => {
    expect(problems(ZCreateAudit, {})).toEqual(['title: Title is required']);
    expect(problems(ZCreateAudit, { title: ' ' })).toEqual([
      'title: Title is required: name the audit, such as "Risk management and Annex A.6"',
    ]);
    expect(problems(ZCreateAudit, { title: chars(201) })).toEqual(['title: Title must be at most 200 characters']);
  });

  it('ends on or after its start', () => {
    expect(problems(ZCreateAudit, { title: 'A', plannedStart: '2027-03-02', plannedEnd: '2027-03-01' })).toEqual([
      'plannedEnd: Planned end must be on or after the planned start',
    ]);
    expect(problems(ZCreateAudit, { title: 'A', plannedStart: '2027-03-01', plannedEnd: '2027-03-01' })).toEqual([]);
    expect(problems(ZCreateAudit, { title: 'A', plannedEnd: '2027-03-01' })).toEqual([]);
  });

  it('names each field it refuses', () => {
    expect(
      problems(ZCreateAudit, {
        title: 'A',
        objectives: chars(5001),
        criteria: 7,
        method: 'by_phone',
        teamIds: Array(21).fill('u'),
        independenceJustification: chars(2001),
        plannedStart: '2027-13-01',
      }),
    ).toEqual([
      'objectives: Objectives must be at most 5000 characters',
      'criteria: Criteria must be text',
      'teamIds: At most 20 team members',
      'method: Method must be one of: on_site, remote, document_review',
      'plannedStart: Planned start must be a real date written year-month-day, such as 2027-03-31',
      'independenceJustification: Independence justification must be at most 2000 characters',
    ]);
    expect(problems(ZCreateAudit, { title: 'A', leadId: '' })).toEqual([
      'leadId: Lead auditor: send the id of a member of this organization',
    ]);
  });
});

describe('an audit scope', () => {
  it('takes refs of 1 to 40 characters, at most 200 of them', () => {
    expect(ZAuditScope.parse({ refs: [' 6.1.2 ', 'A.6.2.4'] }).refs).toEqual(['6.1.2', 'A.6.2.4']);
    expect(problems(ZAuditScope, { refs: [' ', chars(41), 3] })).toEqual([
      'refs.0: A ref must not be empty',
      'refs.1: A ref must be at most 40 characters',
      'refs.2: Each ref must be text, such as 6.1.2 or A.6.2.4',
    ]);
    expect(problems(ZAuditScope, { refs: Array(200).fill('4.1') })).toEqual([]);
    expect(problems(ZAuditScope, { refs: Array(201).fill('4.1') })).toEqual(['refs: At most 200 clauses and controls']);
    expect(problems(ZAuditScope, { units: [chars(201)], sites: [chars(201)] })).toEqual([
      'units.0: Unit must be at most 200 characters',
      'sites.0: Site must be at most 200 characters',
    ]);
  });
});

describe('an update of an audit', () => {
  it('needs only the version, and names a status it does not know', () => {
    expect(ZUpdateAudit.parse({ version: 2 })).toEqual({ version: 2 });
    expect(problems(ZUpdateAudit, { version: 2, status: 'closed', conclusion: chars(10001) })).toEqual([
      'status: Status must be one of: planned, in_progress, completed, cancelled',
      'conclusion: Conclusion must be at most 10000 characters',
    ]);
  });
});

describe('a checklist item', () => {
  it('records a result, notes and a sample, naming what it refuses', () => {
    expect(ZUpdateChecklistItem.parse({ version: 1, sampleSize: 0 })).toEqual({ version: 1, sampleSize: 0 });
    expect(problems(ZUpdateChecklistItem, { version: 1, result: 'fine' })[0]).toMatch(
      /^result: Result must be one of: /,
    );
    expect(problems(ZUpdateChecklistItem, { version: 1, sampleSize: -1 })).toEqual([
      'sampleSize: Sample size cannot be negative',
    ]);
    expect(problems(ZUpdateChecklistItem, { version: 1, sampleSize: 1.5 })).toEqual([
      'sampleSize: Sample size must be a whole number',
    ]);
    expect(
      problems(ZUpdateChecklistItem, {
        version: 1,
        notes: chars(5001),
        sampled: chars(2001),
        population: chars(2001),
      }),
    ).toEqual([
      'notes: Notes must be at most 5000 characters',
      'sampled: What was sampled must be at most 2000 characters',
      'population: Population must be at most 2000 characters',
    ]);
  });
});

describe('a finding', () => {
  it('needs a grade and a statement of what was found', () => {
    expect(ZCreateFinding.parse({ grade: 'minor', statement: ' Two risks have no owner ' })).toEqual({
      grade: 'minor',
      ref: null,
      checklistItemId: null,
      requirement: '',
      evidence: '',
      statement: 'Two risks have no owner',
      ownerId: null,
    });
    expect(problems(ZCreateFinding, { grade: 'minor' })).toEqual(['statement: Statement is required']);
    expect(problems(ZCreateFinding, { grade: 'minor', statement: ' ' })).toEqual([
      'statement: Statement is required: say what was found',
    ]);
    expect(problems(ZCreateFinding, { grade: 'minor', statement: chars(5001) })).toEqual([
      'statement: Statement must be at most 5000 characters',
    ]);
    expect(problems(ZCreateFinding, { grade: 'bad', statement: 'x' })[0]).toMatch(
      /\(major, minor nonconformity, observation, opportunity for improvement\)$/,
    );
  });
});

describe('the audit programme', () => {
  it('plans a cycle of 1 to 5 whole years', () => {
    expect(ZUpdateProgramme.parse({ version: 0, cycleYears: 3 })).toEqual({ version: 0, cycleYears: 3 });
    // The version stays required, with its own words (update-version.test.ts checks every update schema).
    expect(problems(ZUpdateProgramme, {})).toEqual([
      'version: version is required: send the version you read (0 before the first save)',
    ]);
    expect(problems(ZUpdateProgramme, { version: 0, cycleYears: 0 })).toEqual([
      'cycleYears: Cycle must be 1 to 5 years',
    ]);
    expect(problems(ZUpdateProgramme, { version: 0, cycleYears: 6 })).toEqual([
      'cycleYears: Cycle must be 1 to 5 years',
    ]);
    expect(problems(ZUpdateProgramme, { version: 0, cycleYears: 2.5 })).toEqual([
      'cycleYears: Cycle must be a whole number of years',
    ]);
    expect(problems(ZUpdateProgramme, { version: 0, cycleYears: '3' })).toEqual([
      'cycleYears: Cycle must be a number of years',
    ]);
    expect(problems(ZUpdateProgramme, { version: 0, title: chars(201), approach: chars(10001) })).toEqual([
      'title: Title must be at most 200 characters',
      'approach: Approach must be at most 10000 characters',
    ]);
  });
});
