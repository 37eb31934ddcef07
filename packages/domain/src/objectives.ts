import { z } from 'zod';
import { calendarDate } from './dates';
import { ZOwnerRef } from './ids';
import { versionField } from './version';

// AI objectives (6.2): what the organization wants to achieve with its AI management system, how it
// is measured, by whom and by when, and how the result is judged. Progress is recorded as dated
// values of the measure, so "are we getting there" is a chart of facts rather than a status word.

export const OBJECTIVE_STATUSES = ['planned', 'in_progress', 'achieved', 'not_achieved', 'cancelled'] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];
export const OBJECTIVE_STATUS_LABELS: Record<ObjectiveStatus, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  achieved: 'Achieved',
  not_achieved: 'Not achieved',
  cancelled: 'Cancelled',
};
/** An objective in one of these states is no longer due: nobody is reminded of it. */
export const CLOSED_OBJECTIVE_STATUSES: readonly ObjectiveStatus[] = ['achieved', 'not_achieved', 'cancelled'];

/** Annex C.2 refs (informative list of candidate objectives); the titles live in the catalogue. */
export const ANNEX_C_OBJECTIVE_REFS = Array.from({ length: 11 }, (_, i) => `C.2.${i + 1}`);

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`);
/** Any finite number a measure can take; the message names the field as the form labels it. */
export const measureValue = (label: string) =>
  z
    .number({ error: `${label} must be a number, such as 95 or 0.2` })
    .refine(Number.isFinite, `${label} must be a finite number`)
    .refine((n) => Math.abs(n) <= 1e15, `${label} must be between -10^15 and 10^15`);

const title = z
  .string({ error: 'Objective is required' })
  .trim()
  .min(1, 'Objective is required: say what you want to achieve')
  .max(300, 'Objective must be at most 300 characters');
const annexC = z.enum(ANNEX_C_OBJECTIVE_REFS as [string, ...string[]], {
  error: 'Annex C objective must be one of C.2.1 … C.2.11, or null for none',
});

const FIELDS = {
  title,
  description: text('Description', 5000),
  measure: text('Measure', 1000),
  unit: text('Unit', 40),
  baseline: measureValue('Baseline').nullable(),
  target: measureValue('Target').nullable(),
  ownerId: ZOwnerRef.nullable(),
  resources: text('Resources', 5000),
  dueDate: calendarDate('Due date').nullable(),
  evaluation: text('How results are evaluated', 5000),
  annexCRef: annexC.nullable(),
  status: z.enum(OBJECTIVE_STATUSES, { error: `Status must be one of: ${OBJECTIVE_STATUSES.join(', ')}` }),
};

export const ZObjectiveFields = z.strictObject({
  ...FIELDS,
  description: FIELDS.description.default(''),
  measure: FIELDS.measure.default(''),
  unit: FIELDS.unit.default(''),
  baseline: FIELDS.baseline.default(null),
  target: FIELDS.target.default(null),
  ownerId: FIELDS.ownerId.default(null),
  resources: FIELDS.resources.default(''),
  dueDate: FIELDS.dueDate.default(null),
  evaluation: FIELDS.evaluation.default(''),
  annexCRef: FIELDS.annexCRef.default(null),
  status: FIELDS.status.default('planned'),
});
export type ObjectiveFields = z.output<typeof ZObjectiveFields>;

export const ZUpdateObjective = z
  .strictObject({ ...FIELDS })
  .partial()
  // `.extend`, not `.required({ version: true })`: required() wraps the field, so a missing version was
  // answered "expected nonoptional" instead of the field's own message.
  .extend({ version: versionField() });
export type UpdateObjective = z.output<typeof ZUpdateObjective>;

export const ZProgressEntry = z.strictObject({
  onDate: calendarDate('Date'),
  value: measureValue('Value'),
  note: text('Note', 2000).default(''),
});

/**
 * How far an objective has come from its baseline to its target, 0–100, from the latest value.
 * Works whichever way the target lies (raise accuracy, lower complaints); without a baseline the
 * distance is counted from zero. Null when there is nothing to compare (no target, no value, or a
 * target equal to its baseline that the value has not reached).
 */
export function progressPercent(
  o: { baseline: number | null; target: number | null },
  latest: number | null,
): number | null {
  if (o.target === null || latest === null) return null;
  const from = o.baseline ?? 0;
  const span = o.target - from;
  if (span === 0) return latest === o.target ? 100 : null;
  const pct = ((latest - from) / span) * 100;
  return Math.round(Math.min(100, Math.max(0, pct)));
}
