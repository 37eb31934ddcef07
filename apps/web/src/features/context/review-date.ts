// Review dates of the issues register are calendar days (YYYY-MM-DD), compared as the user's local day.

export type ReviewState = 'none' | 'overdue' | 'soon' | 'later';

/** Due within this many days counts as "soon". */
export const SOON_DAYS = 30;

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

export function reviewState(reviewDate: string | null, now = new Date()): ReviewState {
  if (!reviewDate) return 'none';
  const today = dayOf(now);
  if (reviewDate < today) return 'overdue';
  const soon = new Date(now);
  soon.setDate(soon.getDate() + SOON_DAYS);
  return reviewDate <= dayOf(soon) ? 'soon' : 'later';
}

/** A calendar day as people read it, without a time zone shifting it to the day before. */
export const formatDay = (day: string) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(`${day}T12:00:00`));
