import { z } from 'zod';
import { idRef, ZAiSystemRef, ZOwnerRef } from './ids';
import { measureValue } from './objectives';
import { versionField } from './version';

// Monitoring and measurement (9.1): a metric says what is measured, how, how often, by whom and
// what values are acceptable (lower and upper thresholds); measurements arrive by hand, from a CSV
// file or from a monitoring pipeline. A measurement outside the thresholds opens a *breach
// episode*, which opens one action; the episode ends when a measurement is back within them.

export const METRIC_FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const;
export type MetricFrequency = (typeof METRIC_FREQUENCIES)[number];
export const METRIC_FREQUENCY_LABELS: Record<MetricFrequency, string> = {
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  yearly: 'Yearly',
};

export const MEASUREMENT_SOURCES = ['manual', 'import', 'api'] as const;
export type MeasurementSource = (typeof MEASUREMENT_SOURCES)[number];

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`);

const FIELDS = {
  name: z
    .string({ error: 'Metric is required' })
    .trim()
    .min(1, 'Metric is required: say what is measured')
    .max(200, 'Metric must be at most 200 characters'),
  description: text('Description', 5000),
  method: text('Method', 5000),
  frequency: z.enum(METRIC_FREQUENCIES, { error: `Frequency must be one of: ${METRIC_FREQUENCIES.join(', ')}` }),
  ownerId: ZOwnerRef.nullable(),
  unit: text('Unit', 40),
  target: measureValue('Target').nullable(),
  lowerThreshold: measureValue('Lower threshold').nullable(),
  upperThreshold: measureValue('Upper threshold').nullable(),
  aiSystemId: ZAiSystemRef.nullable(),
  controlRef: z
    .string({ error: 'Control must be a control ref such as A.6.2.6' })
    .trim()
    .min(1, 'Control must be a control ref such as A.6.2.6, or null for none')
    .max(40, 'Control must be at most 40 characters')
    .nullable(),
  objectiveId: idRef('Objective', 'an AI objective of this organization').nullable(),
};

const thresholdsInOrder = (
  m: { lowerThreshold?: number | null | undefined; upperThreshold?: number | null | undefined },
  ctx: z.RefinementCtx,
) => {
  if (m.lowerThreshold != null && m.upperThreshold != null && m.lowerThreshold > m.upperThreshold)
    ctx.addIssue({
      code: 'custom',
      message: 'Lower threshold must not be above the upper threshold',
      path: ['lowerThreshold'],
    });
};

export const ZMetricFields = z
  .strictObject({
    ...FIELDS,
    description: FIELDS.description.default(''),
    method: FIELDS.method.default(''),
    frequency: FIELDS.frequency.default('monthly'),
    ownerId: FIELDS.ownerId.default(null),
    unit: FIELDS.unit.default(''),
    target: FIELDS.target.default(null),
    lowerThreshold: FIELDS.lowerThreshold.default(null),
    upperThreshold: FIELDS.upperThreshold.default(null),
    aiSystemId: FIELDS.aiSystemId.default(null),
    controlRef: FIELDS.controlRef.default(null),
    objectiveId: FIELDS.objectiveId.default(null),
  })
  .superRefine(thresholdsInOrder);
export type MetricFields = z.output<typeof ZMetricFields>;

/** Thresholds are checked against each other again on the merged record, where both are known. */
export const ZUpdateMetric = z
  .strictObject(FIELDS)
  .partial()
  .extend({ version: versionField() })
  .superRefine(thresholdsInOrder);
export type UpdateMetric = z.output<typeof ZUpdateMetric>;

/** A measurement's time: ISO 8601 with a zone (2027-03-31T09:00:00Z), or a day (taken as midnight UTC). */
export const measuredAt = (label = 'Measured at') =>
  z
    .string({ error: `${label} must be a date or a time, such as 2027-03-31 or 2027-03-31T09:00:00Z` })
    .trim()
    .transform((s, ctx) => {
      const iso = normalizeMeasuredAt(s);
      if (!iso) {
        ctx.addIssue({
          code: 'custom',
          message: `${label} must be a date or a time, such as 2027-03-31 or 2027-03-31T09:00:00Z`,
        });
        return z.NEVER;
      }
      return iso;
    });

/** The UTC ISO string of a day or a zoned time, or null when it is neither (or outside 1900–2999). */
export function normalizeMeasuredAt(s: string): string | null {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(s);
  if (!day && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.test(s)) return null;
  const ms = Date.parse(day ? `${s}T00:00:00Z` : s);
  if (Number.isNaN(ms)) return null;
  const iso = new Date(ms).toISOString();
  // Date.parse rolls 2027-02-30 over into March: a day that does not exist is refused, not moved.
  if (day && iso.slice(0, 10) !== s) return null;
  const year = Number(iso.slice(0, 4));
  return year >= 1900 && year <= 2999 ? iso : null;
}

export const ZMeasurementInput = z.strictObject({
  value: measureValue('Value'),
  at: measuredAt().optional().describe('When it was measured; default: now'),
  note: text('Note', 2000).default(''),
  idempotencyKey: z
    .string({ error: 'Idempotency key must be text' })
    .trim()
    .min(1, 'Idempotency key must not be empty')
    .max(200, 'Idempotency key must be at most 200 characters')
    .optional()
    .describe(
      'Any text unique to this measurement (a run id): sending it again records nothing and answers the first measurement. The Idempotency-Key header does the same',
    ),
});

/**
 * What makes two pushes of a measurement the same one, so a retried push counts once: the
 * sender's idempotency key, or else the time it says it measured (one value per metric and time).
 * A measurement taken "now" without a key has none: each such push is new.
 */
export function measurementDedupeKey(input: { at?: string | undefined; idempotencyKey?: string | undefined }) {
  if (input.idempotencyKey) return `key:${input.idempotencyKey}`;
  return input.at ? `at:${input.at}` : null;
}

// ---- Pure rules --------------------------------------------------------------------------------

export type Thresholds = { lowerThreshold: number | null; upperThreshold: number | null };
export type ThresholdState = 'below' | 'within' | 'above';

/** Where a value lies against the thresholds; a missing threshold never trips. Equal to a threshold is within. */
export function thresholdState(t: Thresholds, value: number): ThresholdState {
  if (t.lowerThreshold !== null && value < t.lowerThreshold) return 'below';
  if (t.upperThreshold !== null && value > t.upperThreshold) return 'above';
  return 'within';
}

export type BreachStep = 'open' | 'close' | 'none';

/**
 * What a new measurement does to the metric's breach episode. Only the newest measurement speaks
 * for the present: a back-filled older value (an import, a pipeline catching up) is recorded and
 * charted but neither opens nor closes an episode. Out of threshold with no episode open opens one
 * (and its action); back within closes it; anything else changes nothing, so a metric that stays out
 * of bounds for weeks has one action, not one per measurement.
 */
export function breachStep(input: { episodeOpen: boolean; isNewest: boolean; state: ThresholdState }): BreachStep {
  if (!input.isNewest) return 'none';
  if (input.state !== 'within') return input.episodeOpen ? 'none' : 'open';
  return input.episodeOpen ? 'close' : 'none';
}

export type Episode = { from: string; to: string | null; worst: number; state: Exclude<ThresholdState, 'within'> };

/** The breach episodes of a series (sorted by time), as the chart and the history show them. */
export function breachEpisodes(t: Thresholds, series: readonly { at: string; value: number }[]): Episode[] {
  const out: Episode[] = [];
  let open: Episode | null = null;
  for (const m of series) {
    const state = thresholdState(t, m.value);
    if (state === 'within') {
      if (open) open.to = m.at;
      open = null;
      continue;
    }
    if (!open) {
      open = { from: m.at, to: null, worst: m.value, state };
      out.push(open);
    } else if (state === 'above' ? m.value > open.worst : m.value < open.worst) open.worst = m.value;
  }
  return out;
}

const addMonths = (d: Date, n: number) => {
  const r = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  // The last day of a shorter month: a monthly metric measured on 31 January is due on 28/29 February.
  const last = new Date(Date.UTC(r.getUTCFullYear(), r.getUTCMonth() + 1, 0)).getUTCDate();
  r.setUTCDate(Math.min(d.getUTCDate(), last));
  return r;
};

/** The day (YYYY-MM-DD) the next measurement is due: one period after the last one, or after the metric was set up. */
export function nextMeasurementDue(frequency: MetricFrequency, lastAt: string | null, createdAt: string): string {
  const from = new Date(lastAt ?? createdAt);
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  let next: Date;
  switch (frequency) {
    case 'daily':
      next = new Date(day.getTime() + 86_400_000);
      break;
    case 'weekly':
      next = new Date(day.getTime() + 7 * 86_400_000);
      break;
    case 'monthly':
      next = addMonths(day, 1);
      break;
    case 'quarterly':
      next = addMonths(day, 3);
      break;
    case 'yearly':
      next = addMonths(day, 12);
      break;
  }
  return next.toISOString().slice(0, 10);
}

/** The columns a measurement CSV has (header names, any order, any case); note is optional. */
export const MEASUREMENT_CSV_COLUMNS = ['at', 'value', 'note'] as const;

export type CsvRowError = { line: number; field: string; message: string };
export type ParsedMeasurement = { line: number; at: string; value: number; note: string };

/**
 * Reads measurement rows from parsed CSV cells (first row: the header). Every problem is named by
 * its line and column, so a person can fix the file and try again; valid rows are returned only
 * when there is no problem at all (the import is all or nothing).
 */
export function readMeasurementRows(
  rows: readonly { line: number; cells: string[] }[],
  maxRows = 10_000,
): { rows: ParsedMeasurement[]; errors: CsvRowError[] } {
  const errors: CsvRowError[] = [];
  const [head, ...body] = rows;
  if (!head)
    return {
      rows: [],
      errors: [
        {
          line: 1,
          field: 'file',
          message: 'The file is empty: the first line names the columns at, value and (optionally) note',
        },
      ],
    };
  const names = head.cells.map((c) => c.trim().toLowerCase());
  const col = (n: string) => names.indexOf(n);
  for (const need of ['at', 'value'])
    if (col(need) < 0)
      errors.push({
        line: head.line,
        field: need,
        message: `The header has no "${need}" column: the first line must name the columns at, value and (optionally) note`,
      });
  const unknown = names.filter((n) => n && !(MEASUREMENT_CSV_COLUMNS as readonly string[]).includes(n));
  if (unknown.length)
    errors.push({
      line: head.line,
      field: unknown[0]!,
      message: `Unknown column "${unknown[0]}": the columns are at, value and note`,
    });
  if (errors.length) return { rows: [], errors };
  if (body.length === 0)
    return {
      rows: [],
      errors: [{ line: head.line, field: 'file', message: 'The file has a header but no measurements' }],
    };
  if (body.length > maxRows)
    return {
      rows: [],
      errors: [
        { line: body[maxRows]!.line, field: 'file', message: `At most ${maxRows} measurements per file: split it` },
      ],
    };
  const out: ParsedMeasurement[] = [];
  for (const r of body) {
    const cell = (n: string) => (col(n) >= 0 ? (r.cells[col(n)] ?? '').trim() : '');
    const at = normalizeMeasuredAt(cell('at'));
    if (!at)
      errors.push({
        line: r.line,
        field: 'at',
        message: `"${cell('at').slice(0, 40)}" is not a date or time: write 2027-03-31 or 2027-03-31T09:00:00Z`,
      });
    const raw = cell('value');
    const value = raw === '' ? NaN : Number(raw);
    const parsed = measureValue('Value').safeParse(value);
    if (!parsed.success)
      errors.push({
        line: r.line,
        field: 'value',
        message:
          raw === ''
            ? 'The value is empty: write a number such as 0.93'
            : `"${raw.slice(0, 40)}" is not a number: write it with a dot for decimals, such as 0.93`,
      });
    const note = cell('note');
    if (note.length > 2000)
      errors.push({ line: r.line, field: 'note', message: 'The note must be at most 2000 characters' });
    if (at && parsed.success && note.length <= 2000) out.push({ line: r.line, at, value: parsed.data, note });
  }
  return errors.length ? { rows: [], errors } : { rows: out, errors };
}
