import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  RESPONSE_DAYS,
  ZCreateImprovement,
  ZCreateNonconformity,
  ZEffectivenessReview,
  ZNonconformityAction,
  ZUpdateImprovement,
  ZUpdateNonconformity,
} from './nonconformities';

// What the nonconformity and improvement forms and API accept, and the words of each refusal: one bad
// field per case, so the answer names exactly that field.

const issues = (schema: z.ZodType, input: unknown) =>
  (schema.safeParse(input).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);
const long = (n: number) => 'x'.repeat(n);
const OWNER = 'Owner: send the id of a member of this organization';

describe('raising a nonconformity', () => {
  const nc = { source: 'incident', grade: 'minor', title: 'Logs missing' };
  it('fills what is not sent', () => {
    expect(ZCreateNonconformity.parse(nc)).toEqual({
      ...nc,
      sourceId: null,
      sourceRef: null,
      ref: null,
      statement: '',
      ownerId: null,
      responseDue: null,
      reviewAfterDays: 60,
    });
  });
  it('gives 30 days to answer a major, 90 a minor', () => {
    expect(RESPONSE_DAYS).toEqual({ major: 30, minor: 90 });
  });
  it('keeps references within their length, trimmed, and review times from 1 to 730 days', () => {
    const ok = ZCreateNonconformity.parse({
      ...nc,
      sourceId: 'abc',
      sourceRef: ' AUD-3 ',
      ref: ' NC-7 ',
      reviewAfterDays: 60,
    });
    expect(ok).toMatchObject({ sourceId: 'abc', sourceRef: 'AUD-3', ref: 'NC-7', reviewAfterDays: 60 });
    expect(
      ZCreateNonconformity.safeParse({ ...nc, sourceId: long(64), sourceRef: long(60), ref: long(40) }).success,
    ).toBe(true);
    for (const bad of [
      { sourceId: long(65) },
      { sourceRef: long(61) },
      { ref: long(41) },
      { reviewAfterDays: 0 },
      { reviewAfterDays: 731 },
    ])
      expect(ZCreateNonconformity.safeParse({ ...nc, ...bad }).success, JSON.stringify(bad).slice(0, 30)).toBe(false);
  });
  it.each([
    [
      { source: 'audit' },
      'source',
      'Source must be one of: internal_audit, certification_audit, incident, monitoring, complaint, other',
    ],
    [{ grade: 'critical' }, 'grade', 'Grade must be major or minor'],
    [{ title: undefined }, 'title', 'Title is required'],
    [{ title: '  ' }, 'title', 'Title is required: say in a line what is wrong'],
    [{ title: long(301) }, 'title', 'Title must be at most 300 characters'],
    [{ statement: 5 }, 'statement', 'Statement of nonconformity must be text'],
    [{ statement: long(5001) }, 'statement', 'Statement of nonconformity must be at most 5000 characters'],
    [{ ownerId: '' }, 'ownerId', OWNER],
    [
      { responseDue: '2027-02-30' },
      'responseDue',
      'Response due must be a real date written year-month-day, such as 2027-03-31',
    ],
  ])('refuses %j', (bad, path, message) => {
    expect(issues(ZCreateNonconformity, { ...nc, ...bad })).toEqual([[path, message]]);
  });
});

describe('updating a nonconformity', () => {
  it('accepts up to 7 whys and the cause categories', () => {
    const ok = { version: 1, whys: ['a', 'b'], causeCategories: ['people', 'data'], rootCauseMethod: 'five_whys' };
    expect(ZUpdateNonconformity.parse(ok)).toEqual(ok);
    expect(ZUpdateNonconformity.safeParse({ version: 1, whys: Array(7).fill('w') }).success).toBe(true);
  });
  it.each([
    [{ title: '' }, 'title', 'Title is required: say in a line what is wrong'],
    [{ statement: 5 }, 'statement', 'Statement of nonconformity must be text'],
    [{ ownerId: '' }, 'ownerId', OWNER],
    [
      { responseDue: '31/03/2027' },
      'responseDue',
      'Response due must be a real date written year-month-day, such as 2027-03-31',
    ],
    [{ reviewAfterDays: 'soon' }, 'reviewAfterDays', 'Review after must be a number of days'],
    [{ reviewAfterDays: 1.5 }, 'reviewAfterDays', 'Review after must be whole days'],
    [{ reviewAfterDays: 0 }, 'reviewAfterDays', 'Review after must be 1 to 730 days'],
    [{ reviewAfterDays: 731 }, 'reviewAfterDays', 'Review after must be 1 to 730 days'],
    [{ correction: 5 }, 'correction', 'Correction must be text'],
    [{ rootCauseMethod: 'fishbone' }, 'rootCauseMethod', 'Root cause method must be five_whys or categories'],
    [{ whys: Array(8).fill('w') }, 'whys', 'At most 7 whys'],
    [{ whys: [5] }, 'whys.0', 'Each why must be text'],
    [
      { causeCategories: ['weather'] },
      'causeCategories.0',
      'Cause categories must be among: people, process, technology, data, documentation, supplier, governance',
    ],
    [{ rootCause: 5 }, 'rootCause', 'Root cause must be text'],
    [{ similarCases: 5 }, 'similarCases', 'Similar cases checked must be text'],
  ])('refuses %j', (bad, path, message) => {
    expect(issues(ZUpdateNonconformity, { version: 1, ...bad })).toEqual([[path, message]]);
  });
});

describe('a corrective action and the effectiveness review', () => {
  const action = { title: 'Add a review step', ownerId: 'u1', dueDate: '2027-01-31' };
  it('fills an empty description', () => {
    expect(ZNonconformityAction.parse(action)).toEqual({ ...action, description: '' });
  });
  it.each([
    [{ title: undefined }, 'title', 'Action is required'],
    [{ title: ' ' }, 'title', 'Action is required: say what will be done'],
    [{ title: long(301) }, 'title', 'Action must be at most 300 characters'],
    [{ description: 5 }, 'description', 'Description must be text'],
    [{ ownerId: undefined }, 'ownerId', OWNER],
    [{ dueDate: '2027-13-01' }, 'dueDate', 'Due date must be a real date written year-month-day, such as 2027-03-31'],
  ])('refuses the action %j', (bad, path, message) => {
    expect(issues(ZNonconformityAction, { ...action, ...bad })).toEqual([[path, message]]);
  });
  it('needs a yes or no and notes on what was checked', () => {
    expect(issues(ZEffectivenessReview, { version: 1, effective: 'yes', notes: 'ok' })).toEqual([
      ['effective', 'effective must be true or false'],
    ]);
    expect(issues(ZEffectivenessReview, { version: 1, effective: true })).toEqual([['notes', 'Notes are required']]);
    expect(issues(ZEffectivenessReview, { version: 1, effective: true, notes: ' ' })).toEqual([
      ['notes', 'Notes are required: say what you checked to judge effectiveness'],
    ]);
  });
});

describe('improvements', () => {
  it('trims the title and the texts', () => {
    expect(ZCreateImprovement.parse({ title: ' Faster reviews ', description: ' weekly ' })).toMatchObject({
      title: 'Faster reviews',
      description: 'weekly',
    });
    expect(ZUpdateNonconformity.parse({ version: 1, correction: ' Rolled back ', whys: [' why '] })).toEqual({
      version: 1,
      correction: 'Rolled back',
      whys: ['why'],
    });
  });
  it('are proposed suggestions unless said otherwise', () => {
    expect(ZCreateImprovement.parse({ title: 'Faster reviews' })).toEqual({
      title: 'Faster reviews',
      description: '',
      source: 'suggestion',
      ownerId: null,
      status: 'proposed',
    });
  });
  it.each([
    [{ title: undefined }, 'title', 'Title is required'],
    [{ title: '' }, 'title', 'Title is required: say what could be better'],
    [{ title: long(301) }, 'title', 'Title must be at most 300 characters'],
    [{ description: 5 }, 'description', 'Description must be text'],
    [{ ownerId: '' }, 'ownerId', OWNER],
  ])('refuses the improvement %j', (bad, path, message) => {
    expect(issues(ZCreateImprovement, { title: 'Faster reviews', ...bad })).toEqual([[path, message]]);
  });
  it.each([
    [{ title: '' }, 'title', 'Title is required: say what could be better'],
    [{ description: 5 }, 'description', 'Description must be text'],
    [{ ownerId: '' }, 'ownerId', OWNER],
    [{ status: 'maybe' }, 'status', 'Status must be one of: proposed, in_progress, done, rejected'],
  ])('refuses the update %j', (bad, path, message) => {
    expect(issues(ZUpdateImprovement, { version: 1, ...bad })).toEqual([[path, message]]);
  });
});
