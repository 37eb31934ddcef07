// Numbers and calendar days as the gap analysis shows them.

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const shortDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** A calendar day (YYYY-MM-DD, as target and due dates are stored) in local words; never shifted by the time zone. */
export function formatDay(date: string | null | undefined): string {
  if (!date) return '—';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00`) : new Date(date);
  return Number.isNaN(d.getTime()) ? date : day.format(d);
}

export const formatShortDay = (iso: string) => shortDay.format(new Date(iso));

/** Readiness as people read it: "18.1%", "n/a" when nothing in that part applies. */
export const formatPercent = (n: number | null | undefined) =>
  n === null || n === undefined ? 'n/a' : `${Number.isInteger(n) ? n : n.toFixed(1)}%`;

/** A change in points: "+6.0", "−2.5", "±0", "—" when one side has nothing applicable. */
export function formatDelta(n: number | null): string {
  if (n === null) return '—';
  if (n === 0) return '±0';
  return `${n > 0 ? '+' : '−'}${Math.abs(n).toFixed(1)}`;
}

/** Readiness bands of the heatmap and the cards; the number is always printed beside the colour. */
export type Band = 'none' | 'low' | 'some' | 'half' | 'most' | 'full';
export function bandOf(n: number | null | undefined): Band {
  if (n === null || n === undefined) return 'none';
  if (n >= 100) return 'full';
  if (n >= 75) return 'most';
  if (n >= 50) return 'half';
  if (n >= 25) return 'some';
  return 'low';
}
export const BAND_COLORS: Record<Band, string> = {
  none: 'gray',
  low: 'red',
  some: 'orange',
  half: 'yellow',
  most: 'lime',
  full: 'teal',
};
