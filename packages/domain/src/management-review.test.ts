import { describe, expect, it } from 'vitest';
import {
  attendanceWarnings,
  checkInputPack,
  missingInputs,
  REVIEW_INPUTS,
  reviewEditable,
  ZReviewFields,
  ZUpdateReview,
  type ReviewInput,
} from './management-review';

const input = (key: ReviewInput['key'], state: ReviewInput['state'], reason: string | null = null): ReviewInput => ({
  key,
  state,
  summary: '',
  figures: [],
  items: [],
  reason,
});
const full = REVIEW_INPUTS.map((k) => input(k, 'present'));

describe('management review input pack', () => {
  it('lists every 9.3.2 input in order and passes a complete pack without warnings', () => {
    const checks = checkInputPack(full);
    expect(checks.map((c) => c.key)).toEqual([...REVIEW_INPUTS]);
    expect(checks.every((c) => c.state === 'present' && c.warning === null)).toBe(true);
    expect(missingInputs(full)).toEqual([]);
  });

  it('flags an input absent from the pack as missing', () => {
    const pack = full.filter((i) => i.key !== 'monitoring');
    const checks = checkInputPack(pack);
    const monitoring = checks.find((c) => c.key === 'monitoring')!;
    expect(monitoring.state).toBe('missing');
    expect(monitoring.warning).toMatch(
      /Monitoring and measurement results \(9\.3\.2 d\) is missing from the input pack/,
    );
    expect(missingInputs(pack).map((c) => c.key)).toEqual(['monitoring']);
  });

  it('carries the provider reason for a missing input, and asks for a note on an empty one', () => {
    const pack = full.map((i) =>
      i.key === 'audit_results'
        ? input('audit_results', 'missing', 'no internal audit recorded yet')
        : i.key === 'improvement'
          ? input('improvement', 'empty', 'no opportunity recorded')
          : i,
    );
    const checks = checkInputPack(pack);
    expect(checks.find((c) => c.key === 'audit_results')!.warning).toMatch(/missing: no internal audit recorded yet/);
    const improvement = checks.find((c) => c.key === 'improvement')!;
    expect(improvement.state).toBe('empty');
    expect(improvement.warning).toMatch(/nothing to report: no opportunity recorded; say so in the minutes/);
    expect(missingInputs(pack).map((c) => c.key)).toEqual(['audit_results']);
  });

  it('flags everything in an empty pack', () => {
    expect(missingInputs([])).toHaveLength(REVIEW_INPUTS.length);
  });
});

describe('management review meeting', () => {
  it('warns when no member of top management attends', () => {
    expect(attendanceWarnings([])).toEqual([expect.stringMatching(/No attendees/)]);
    expect(attendanceWarnings([{ topManagement: false }])).toEqual([expect.stringMatching(/top management/)]);
    expect(attendanceWarnings([{ topManagement: false }, { topManagement: true }])).toEqual([]);
  });

  it('freezes the meeting once held and everything once signed off', () => {
    expect(reviewEditable('planned')).toEqual({ meeting: true, outputs: true });
    expect(reviewEditable('held')).toEqual({ meeting: false, outputs: true });
    expect(reviewEditable('signed_off')).toEqual({ meeting: false, outputs: false });
  });

  it('says what to fix in bad input', () => {
    const bad = ZReviewFields.safeParse({ title: '', meetingDate: '2027-02-30', attendeeIds: [''] });
    expect(bad.success).toBe(false);
    const text = JSON.stringify(bad.error!.issues.map((i) => i.message));
    expect(text).toMatch(/Title is required/);
    expect(text).toMatch(/Meeting date must be a real date/);
    expect(text).toMatch(/Attendee: send the id/);
    expect(ZUpdateReview.safeParse({ conclusion: 'x' }).success).toBe(false);
  });
});
