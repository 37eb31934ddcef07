import { describe, expect, it } from 'vitest';
import { addDays, addMonths, calendarDate } from './dates';

describe('calendarDate', () => {
  const reviewDate = calendarDate('Review date', '2027-06-30');

  it.each(['2027-03-31', '2028-02-29', '2000-02-29', '1900-01-01', '2999-12-31'])('accepts the real date %s', (d) => {
    expect(reviewDate.parse(d)).toBe(d);
  });

  it.each([
    '2027-02-30',
    '2027-02-29',
    '1900-02-29',
    '2027-04-31',
    '2027-99-99',
    '2027-13-01',
    '2027-00-10',
    '2027-01-00',
    '0000-00-00',
    '2027-1-1',
    ' 2027-01-01',
    '2027-01-01T00:00:00Z',
    '+02027-01-01',
    '',
    'tomorrow',
  ])('refuses %j with one message naming the field', (d) => {
    const r = reviewDate.safeParse(d);
    expect(r.success).toBe(false);
    expect(r.error!.issues).toHaveLength(1);
    expect(r.error!.issues[0]!.message).toBe(
      'Review date must be a real date written year-month-day, such as 2027-06-30',
    );
  });

  it.each(['0001-01-01', '1899-12-31', '3000-01-01', '9999-12-31'])('refuses the year of %s', (d) => {
    expect(reviewDate.safeParse(d).error?.issues.map((i) => i.message)).toEqual([
      'Review date must be a date between the years 1900 and 2999',
    ]);
  });

  it('refuses what is not text with the same message', () => {
    for (const v of [20270331, null, {}, ['2027-03-31']])
      expect(reviewDate.safeParse(v).error?.issues[0]?.message).toMatch(/^Review date must be a real date/);
  });
});

describe('calendarDate without an example', () => {
  it('shows 2027-03-31 as the example', () => {
    expect(calendarDate('Due date').safeParse('soon').error?.issues[0]?.message).toBe(
      'Due date must be a real date written year-month-day, such as 2027-03-31',
    );
  });
});

describe('addMonths', () => {
  it('moves by whole months, across the end of a year both ways', () => {
    expect(addMonths('2026-11-15', 1)).toBe('2026-12-15');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-03-01', 36)).toBe('2029-03-01');
    expect(addMonths('2026-03-01', 0)).toBe('2026-03-01');
  });

  it('gives the last day of a shorter month: 31 January + 1 is 28 or 29 February', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-05-31', -1)).toBe('2026-04-30');
    expect(addMonths('2026-01-30', 1)).toBe('2026-02-28');
  });

  it('pads the year, month and day', () => {
    expect(addMonths('0999-09-05', 1)).toBe('0999-10-05');
  });
});

describe('addDays', () => {
  it('moves by whole days, across months, years and a leap day, both ways', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2026-06-15', 0)).toBe('2026-06-15');
    expect(addDays('2026-06-15', 30)).toBe('2026-07-15');
  });
});
