import { z } from 'zod';

// Every date-only field (a due date, a review date, "keep until") is one schema: YYYY-MM-DD that is
// a day of the calendar (no 2027-02-30) in a range of years a register can mean. The databases keep
// such dates as text, so an impossible one would be stored as it came and sort and compare wrongly.

export const DATE_YEARS = { min: 1900, max: 2999 } as const;

/** A date-only field, e.g. `calendarDate('Review date')`; the messages name the field as the form labels it. */
export function calendarDate(label: string, example = '2027-03-31') {
  return z.iso
    .date({ error: `${label} must be a real date written year-month-day, such as ${example}`, abort: true })
    .refine(
      (s) => Number(s.slice(0, 4)) >= DATE_YEARS.min && Number(s.slice(0, 4)) <= DATE_YEARS.max,
      `${label} must be a date between the years ${DATE_YEARS.min} and ${DATE_YEARS.max}`,
    );
}

/** YYYY-MM-DD plus whole months; a day the target month lacks becomes its last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** YYYY-MM-DD plus (or minus) whole days, in UTC. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
