import { describe, expect, it } from 'vitest';
import {
  ANNEX_C_OBJECTIVE_REFS,
  CLOSED_OBJECTIVE_STATUSES,
  OBJECTIVE_STATUSES,
  OBJECTIVE_STATUS_LABELS,
  ZObjectiveFields,
  ZProgressEntry,
  ZUpdateObjective,
  measureValue,
} from './objectives';

// What an AI objective and its progress entries accept, the words of each refusal, one bad field per
// case, the defaults and the labels a user reads; the all-mutant Stryker run of objectives.ts left
// them untested.
const messages = (r: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => [i.path.join('.'), i.message]);
const TEXTS: Record<string, [string, number]> = {
  description: ['Description', 5000],
  measure: ['Measure', 1000],
  unit: ['Unit', 40],
  resources: ['Resources', 5000],
  evaluation: ['How results are evaluated', 5000],
};

describe('the labels of an objective', () => {
  it('names each status; the closed ones are not due', () => {
    expect(OBJECTIVE_STATUSES.map((s) => OBJECTIVE_STATUS_LABELS[s])).toEqual([
      'Planned',
      'In progress',
      'Achieved',
      'Not achieved',
      'Cancelled',
    ]);
    expect(CLOSED_OBJECTIVE_STATUSES).toEqual(['achieved', 'not_achieved', 'cancelled']);
    expect(ANNEX_C_OBJECTIVE_REFS).toEqual([
      'C.2.1',
      'C.2.2',
      'C.2.3',
      'C.2.4',
      'C.2.5',
      'C.2.6',
      'C.2.7',
      'C.2.8',
      'C.2.9',
      'C.2.10',
      'C.2.11',
    ]);
  });
});

describe('a new objective', () => {
  it('starts planned, with nothing but its title', () => {
    expect(ZObjectiveFields.parse({ title: ' Fewer complaints ' })).toEqual({
      title: 'Fewer complaints',
      description: '',
      measure: '',
      unit: '',
      baseline: null,
      target: null,
      ownerId: null,
      resources: '',
      dueDate: null,
      evaluation: '',
      annexCRef: null,
      status: 'planned',
    });
  });

  it('takes each field up to its limit, trimmed, and any number up to 10^15', () => {
    const full = Object.fromEntries(Object.entries(TEXTS).map(([k, [, n]]) => [k, ` ${'x'.repeat(n)} `]));
    const out = ZObjectiveFields.parse({
      title: 't'.repeat(300),
      ...full,
      baseline: -1e15,
      target: 1e15,
      annexCRef: 'C.2.11',
      status: 'achieved',
      dueDate: '2027-03-31',
    });
    for (const [k, [, n]] of Object.entries(TEXTS)) expect(out[k as keyof typeof out]).toBe('x'.repeat(n));
    expect(out).toMatchObject({ baseline: -1e15, target: 1e15, annexCRef: 'C.2.11', status: 'achieved' });
  });

  it('refuses each bad field in its own words', () => {
    const bad = (field: string, value: unknown) => messages(ZObjectiveFields.safeParse({ title: 'o', [field]: value }));
    expect(messages(ZObjectiveFields.safeParse({}))).toEqual([['title', 'Objective is required']]);
    expect(bad('title', ' ')).toEqual([['title', 'Objective is required: say what you want to achieve']]);
    expect(bad('title', 't'.repeat(301))).toEqual([['title', 'Objective must be at most 300 characters']]);
    for (const [k, [label, n]] of Object.entries(TEXTS)) {
      expect(bad(k, 'x'.repeat(n + 1))).toEqual([[k, `${label} must be at most ${n} characters`]]);
      expect(bad(k, 1)).toEqual([[k, `${label} must be text`]]);
    }
    expect(bad('baseline', '5')).toEqual([['baseline', 'Baseline must be a number, such as 95 or 0.2']]);
    expect(bad('target', 1e15 + 2)).toEqual([['target', 'Target must be between -10^15 and 10^15']]);
    expect(bad('baseline', -1e15 - 2)).toEqual([['baseline', 'Baseline must be between -10^15 and 10^15']]);
    expect(bad('annexCRef', 'C.2.12')).toEqual([
      ['annexCRef', 'Annex C objective must be one of C.2.1 … C.2.11, or null for none'],
    ]);
    expect(bad('status', 'done')).toEqual([
      ['status', 'Status must be one of: planned, in_progress, achieved, not_achieved, cancelled'],
    ]);
    expect(bad('dueDate', '2027-02-29')).toEqual([
      ['dueDate', 'Due date must be a real date written year-month-day, such as 2027-03-31'],
    ]);
    expect(bad('ownerId', '')).toEqual([
      ['ownerId', 'Owner: send the id of a member of this organization, or null for none'],
    ]);
  });

  it('refuses a number that is not finite in its own words', () => {
    // JSON cannot carry Infinity, but a caller of the domain can.
    expect(messages(measureValue('Value').safeParse(Infinity))).toEqual([
      ['', 'Value must be a number, such as 95 or 0.2'],
    ]);
    expect(messages(measureValue('Value').safeParse(NaN))).toEqual([['', 'Value must be a number, such as 95 or 0.2']]);
  });
});

describe('an update and a progress entry', () => {
  it('updates any field with the version read, without defaults', () => {
    expect(ZUpdateObjective.parse({ version: 1, unit: ' % ' })).toEqual({ version: 1, unit: '%' });
    expect(messages(ZUpdateObjective.safeParse({ unit: '%' }))).toEqual([
      ['version', 'version is required: send the version you read'],
    ]);
    expect(messages(ZUpdateObjective.safeParse({ version: 1, title: '' }))).toEqual([
      ['title', 'Objective is required: say what you want to achieve'],
    ]);
  });

  it('records a value on a date, with an optional note', () => {
    expect(ZProgressEntry.parse({ onDate: '2026-06-30', value: 0.2 })).toEqual({
      onDate: '2026-06-30',
      value: 0.2,
      note: '',
    });
    expect(ZProgressEntry.parse({ onDate: '2026-06-30', value: 1, note: ` ${'n'.repeat(2000)} ` }).note).toBe(
      'n'.repeat(2000),
    );
    expect(messages(ZProgressEntry.safeParse({ onDate: '30.06.2026', value: 1 }))).toEqual([
      ['onDate', 'Date must be a real date written year-month-day, such as 2027-03-31'],
    ]);
    expect(messages(ZProgressEntry.safeParse({ onDate: '2026-06-30', value: 'high' }))).toEqual([
      ['value', 'Value must be a number, such as 95 or 0.2'],
    ]);
    expect(messages(ZProgressEntry.safeParse({ onDate: '2026-06-30', value: 1, note: 'n'.repeat(2001) }))).toEqual([
      ['note', 'Note must be at most 2000 characters'],
    ]);
  });
});
