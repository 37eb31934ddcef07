import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  INPUT_STATES,
  REVIEW_INPUTS,
  REVIEW_INPUT_INFO,
  REVIEW_STATUSES,
  REVIEW_STATUS_LABELS,
  ZReviewAction,
  ZReviewFields,
  ZReviewInput,
  ZUpdateReview,
} from './management-review';

// What the management review's forms accept (the meeting, the outputs, an action), the words of each
// refusal, one bad field per case, and the titles and descriptions a user reads; the all-mutant
// Stryker run of management-review.ts left them untested.
const messages = (r: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => [i.path.join('.'), i.message]);

describe('the inputs of a review (9.3.2)', () => {
  it('names each input with its clause, in order', () => {
    expect(REVIEW_INPUTS.map((k) => [REVIEW_INPUT_INFO[k].clause, REVIEW_INPUT_INFO[k].title])).toEqual([
      ['9.3.2 a', 'Status of actions from previous reviews'],
      ['9.3.2 b–c', 'Changes in internal and external issues and interested parties'],
      ['9.3.2 d', 'Nonconformities and corrective actions (trends)'],
      ['9.3.2 d', 'Monitoring and measurement results'],
      ['9.3.2 d', 'Audit results'],
      ['9.3.2 d, 6.2', 'Status of AI objectives'],
      ['6.1', 'Risks and opportunities and their treatment'],
      ['9.3.2 e', 'Opportunities for continual improvement'],
    ]);
    expect(INPUT_STATES).toEqual(['present', 'empty', 'missing']);
  });

  it('describes each field of an input in the API document', () => {
    const props = (z.toJSONSchema(ZReviewInput) as { properties: Record<string, { description?: string }> }).properties;
    expect(
      Object.fromEntries(
        Object.entries(props)
          .map(([k, v]) => [k, v.description])
          .filter(([, d]) => d),
      ),
    ).toEqual({
      summary: 'one sentence: what the figures say',
      figures: 'label and value, as printed',
      items: 'notable lines: one open action, one breached metric …',
      reason: 'why the input is missing or empty',
    });
  });

  it('keeps the label and value of each figure', () => {
    const input = {
      key: 'audit_results',
      state: 'present',
      summary: 'Two audits',
      figures: [{ label: 'Findings', value: '3' }],
      items: ['One major finding'],
      reason: null,
    };
    expect(ZReviewInput.parse(input)).toEqual(input);
  });

  it('shows each status under its label', () => {
    expect(REVIEW_STATUSES.map((s) => REVIEW_STATUS_LABELS[s])).toEqual([
      'Planned',
      'Held (pack frozen)',
      'Signed off (record)',
    ]);
  });
});

describe('a new review', () => {
  it('has no chair and no attendees by default, and trims the title', () => {
    expect(ZReviewFields.parse({ title: ' Review 2027 ', meetingDate: '2027-03-31' })).toEqual({
      title: 'Review 2027',
      meetingDate: '2027-03-31',
      chairId: null,
      attendeeIds: [],
    });
    const attendeeIds = Array.from({ length: 100 }, (_, i) => `u${i}`);
    expect(
      ZReviewFields.parse({ title: 't'.repeat(200), meetingDate: '2027-03-31', chairId: 'c', attendeeIds }),
    ).toEqual({ title: 't'.repeat(200), meetingDate: '2027-03-31', chairId: 'c', attendeeIds });
  });

  it('refuses each bad field in its own words', () => {
    const ok = { title: 'R', meetingDate: '2027-03-31' };
    expect(messages(ZReviewFields.safeParse({ meetingDate: '2027-03-31' }))).toEqual([['title', 'Title is required']]);
    expect(messages(ZReviewFields.safeParse({ ...ok, title: '  ' }))).toEqual([
      ['title', 'Title is required, such as "Management review 2027"'],
    ]);
    expect(messages(ZReviewFields.safeParse({ ...ok, title: 't'.repeat(201) }))).toEqual([
      ['title', 'Title must be at most 200 characters'],
    ]);
    expect(messages(ZReviewFields.safeParse({ ...ok, meetingDate: '2027-02-29' }))).toEqual([
      ['meetingDate', 'Meeting date must be a real date written year-month-day, such as 2027-03-31'],
    ]);
    expect(messages(ZReviewFields.safeParse({ ...ok, chairId: '' }))).toEqual([
      ['chairId', 'Chair: send the id of a member of this organization (top management)'],
    ]);
    expect(messages(ZReviewFields.safeParse({ ...ok, attendeeIds: 'u1' }))).toEqual([
      ['attendeeIds', 'attendeeIds must be a list of member ids'],
    ]);
    expect(messages(ZReviewFields.safeParse({ ...ok, attendeeIds: [''] }))).toEqual([
      ['attendeeIds.0', 'Attendee: send the id of a member of this organization'],
    ]);
    expect(messages(ZReviewFields.safeParse({ ...ok, attendeeIds: Array(101).fill('u') }))).toEqual([
      ['attendeeIds', 'At most 100 attendees'],
    ]);
  });
});

describe('an update of a review', () => {
  const outputs = {
    improvementDecisions: 'Decisions on improvement',
    changeDecisions: 'Decisions on changes to the AIMS',
    resourceNeeds: 'Resource needs',
    conclusion: 'Conclusion on suitability, adequacy and effectiveness',
    notes: 'Notes',
  };

  it('takes each output up to 20000 characters, trimmed, with the version read', () => {
    const all = Object.fromEntries(Object.keys(outputs).map((k) => [k, ` ${'o'.repeat(20000)} `]));
    expect(ZUpdateReview.parse({ version: 4, ...all })).toEqual({
      version: 4,
      ...Object.fromEntries(Object.keys(outputs).map((k) => [k, 'o'.repeat(20000)])),
    });
    expect(ZUpdateReview.parse({ version: 4 })).toEqual({ version: 4 });
  });

  it('refuses each bad output in its own words', () => {
    for (const [field, label] of Object.entries(outputs)) {
      expect(messages(ZUpdateReview.safeParse({ version: 0, [field]: 3 }))).toEqual([[field, `${label} must be text`]]);
      expect(messages(ZUpdateReview.safeParse({ version: 0, [field]: 'o'.repeat(20001) }))).toEqual([
        [field, `${label} must be at most 20000 characters`],
      ]);
    }
    expect(messages(ZUpdateReview.safeParse({ notes: 'n' }))).toEqual([
      ['version', 'version is required: send the version you read'],
    ]);
    expect(messages(ZUpdateReview.safeParse({ version: 0, title: '' }))).toEqual([
      ['title', 'Title is required, such as "Management review 2027"'],
    ]);
  });
});

describe('an action from a review', () => {
  it('has no description, owner or due date by default', () => {
    expect(ZReviewAction.parse({ title: ' Hire an auditor ' })).toEqual({
      title: 'Hire an auditor',
      description: '',
      ownerId: null,
      dueDate: null,
    });
    expect(
      ZReviewAction.parse({
        title: 'a'.repeat(300),
        description: ` ${'d'.repeat(5000)} `,
        ownerId: 'u',
        dueDate: '2027-01-31',
      }),
    ).toEqual({ title: 'a'.repeat(300), description: 'd'.repeat(5000), ownerId: 'u', dueDate: '2027-01-31' });
  });

  it('refuses each bad field in its own words', () => {
    expect(messages(ZReviewAction.safeParse({}))).toEqual([['title', 'Action is required']]);
    expect(messages(ZReviewAction.safeParse({ title: ' ' }))).toEqual([
      ['title', 'Action is required: say what is to be done'],
    ]);
    expect(messages(ZReviewAction.safeParse({ title: 'a'.repeat(301) }))).toEqual([
      ['title', 'Action must be at most 300 characters'],
    ]);
    expect(messages(ZReviewAction.safeParse({ title: 'a', description: 'd'.repeat(5001) }))).toEqual([
      ['description', 'Description must be at most 5000 characters'],
    ]);
    expect(messages(ZReviewAction.safeParse({ title: 'a', description: 1 }))).toEqual([
      ['description', 'Description must be text'],
    ]);
    expect(messages(ZReviewAction.safeParse({ title: 'a', dueDate: 'tomorrow' }))).toEqual([
      ['dueDate', 'Due date must be a real date written year-month-day, such as 2027-03-31'],
    ]);
    expect(messages(ZReviewAction.safeParse({ title: 'a', ownerId: '' }))).toEqual([
      ['ownerId', 'Owner: send the id of a member of this organization, or null for none'],
    ]);
  });
});
