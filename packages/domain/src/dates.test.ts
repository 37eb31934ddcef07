import { describe, expect, it } from 'vitest';
import { calendarDate } from './dates';

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
