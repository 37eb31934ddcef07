import { z } from 'zod';
import { calendarDate, addMonths } from './dates';
import { idRef, ZOwnerRef } from './ids';
import { versionField } from './version';
import type { ImplementationStatus } from './soa';

// Control implementation in operation (step 4, 8.1 and Annex A): each control the SoA includes has
// an owner, a description of how it is implemented, a status and, once it runs, an operating cadence
// whose occurrences are recorded. "Operating since", "last performed" and "next due" are computed
// from those recorded occurrences, so they are facts an auditor can sample, never typed-in claims.

export const CONTROL_STATUSES = ['planned', 'implementing', 'operating', 'needs_rework'] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];
export const CONTROL_STATUS_LABELS: Record<ControlStatus, string> = {
  planned: 'Planned',
  implementing: 'Implementing',
  operating: 'Operating',
  needs_rework: 'Needs rework',
};

export const OCCURRENCE_OUTCOMES = ['ok', 'issues_found'] as const;
export type OccurrenceOutcome = (typeof OCCURRENCE_OUTCOMES)[number];
export const OCCURRENCE_OUTCOME_LABELS: Record<OccurrenceOutcome, string> = { ok: 'OK', issues_found: 'Issues found' };

/** The cadences people pick from; any other whole number of months up to five years is "every N months". */
export const CADENCE_PRESETS = [
  { months: 1, label: 'Monthly' },
  { months: 3, label: 'Quarterly' },
  { months: 6, label: 'Half-yearly' },
  { months: 12, label: 'Yearly' },
] as const;
export const MAX_CADENCE_MONTHS = 60;

export function cadenceLabel(months: number | null): string {
  if (months === null) return 'None';
  return CADENCE_PRESETS.find((p) => p.months === months)?.label ?? `Every ${months} months`;
}

/**
 * The SoA shows one implementation status per control, read from the control implementation (one
 * source of truth). Its four words predate the implementation record; this is the one mapping.
 */
export function soaStatusOf(status: ControlStatus | null): ImplementationStatus | null {
  switch (status) {
    case null:
      return null;
    case 'planned':
      return 'planned';
    case 'implementing':
    case 'needs_rework':
      return 'in_progress';
    case 'operating':
      return 'implemented';
  }
}

/**
 * A status written through the SoA (older clients, the API contract) lands on the implementation.
 * A control that needs rework stays so when "in progress" is written: both read as in progress.
 */
export function controlStatusFromSoa(soa: ImplementationStatus, current: ControlStatus | null): ControlStatus {
  switch (soa) {
    case 'not_started':
    case 'planned':
      return 'planned';
    case 'in_progress':
      return current === 'needs_rework' ? 'needs_rework' : 'implementing';
    case 'implemented':
      return 'operating';
  }
}

export type OccurrenceFact = { performedOn: string; outcome: OccurrenceOutcome };
export type ImplementationFacts = {
  status: ControlStatus;
  /** The day the current status was set. */
  statusSince: string;
  /** The last day the control stopped operating (left "operating"); occurrences up to it belong to an earlier stretch. */
  interruptedOn: string | null;
  cadenceMonths: number | null;
  dueOn: string | null;
};
export type OperationFacts = {
  operatingSince: string | null;
  lastPerformed: string | null;
  nextDue: string | null;
  overdue: boolean;
};

const maxDate = (dates: string[]) => dates.reduce<string | null>((m, d) => (m === null || d > m ? d : m), null);
const minDate = (dates: string[]) => dates.reduce<string | null>((m, d) => (m === null || d < m ? d : m), null);

/** Occurrences of the current operating stretch: performed after the control last stopped operating. */
function currentStretch(f: ImplementationFacts, occurrences: OccurrenceFact[]) {
  return occurrences.filter((o) => f.interruptedOn === null || o.performedOn > f.interruptedOn);
}

/** The first occurrence of the current stretch while the control is operating; null otherwise (operating, but never shown to run). */
export function operatingSince(f: ImplementationFacts, occurrences: OccurrenceFact[]): string | null {
  if (f.status !== 'operating') return null;
  return minDate(currentStretch(f, occurrences).map((o) => o.performedOn));
}

export function lastPerformed(occurrences: OccurrenceFact[]): string | null {
  return maxDate(occurrences.map((o) => o.performedOn));
}

/**
 * When the control must next run: one cadence after its last run in the current stretch, or at once
 * (the day it was declared operating) when it has not run since. Only an operating control with a
 * cadence has one; before that, the implementation's due date is what is due.
 */
export function nextDue(f: ImplementationFacts, occurrences: OccurrenceFact[]): string | null {
  if (f.status !== 'operating' || f.cadenceMonths === null) return null;
  const last = maxDate(currentStretch(f, occurrences).map((o) => o.performedOn));
  return last === null ? f.statusSince : addMonths(last, f.cadenceMonths);
}

/** Everything the register shows as computed; `today` is YYYY-MM-DD. Overdue: the next run, or the implementation's due date before it operates. */
export function operationFacts(f: ImplementationFacts, occurrences: OccurrenceFact[], today: string): OperationFacts {
  const next = nextDue(f, occurrences);
  const due = f.status === 'operating' ? next : f.dueOn;
  return {
    operatingSince: operatingSince(f, occurrences),
    lastPerformed: lastPerformed(occurrences),
    nextDue: next,
    overdue: due !== null && due < today,
  };
}

/** How the status fields change when a new status is set on `today`. */
export function statusTransition(
  f: Pick<ImplementationFacts, 'status' | 'statusSince' | 'interruptedOn'> | null,
  status: ControlStatus,
  today: string,
) {
  if (f && f.status === status) return { status, statusSince: f.statusSince, interruptedOn: f.interruptedOn };
  // Leaving "operating" ends a stretch: runs recorded up to today no longer prove the control operates now.
  const interruptedOn = f && f.status === 'operating' ? today : (f?.interruptedOn ?? null);
  return { status, statusSince: today, interruptedOn };
}

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`);
const ZCadence = z
  .number({
    error: 'Cadence must be a number of months (1 monthly, 3 quarterly, 6 half-yearly, 12 yearly), or null for none',
  })
  .int('Cadence must be a whole number of months')
  .min(1, 'Cadence must be at least 1 month, or null for none')
  .max(MAX_CADENCE_MONTHS, `Cadence must be at most ${MAX_CADENCE_MONTHS} months`);
const ZDocumentRef = idRef('Linked document', 'a document of this organization');

/** PUT of one control's implementation; version 0 creates it. Fields left out keep their value. */
export const ZControlImplementationInput = z.strictObject({
  version: versionField('version is required: send the version of the implementation you read (0 before it exists)'),
  status: z
    .enum(CONTROL_STATUSES, {
      error: `Status must be one of: ${CONTROL_STATUSES.map((s) => CONTROL_STATUS_LABELS[s]).join(', ')} (${CONTROL_STATUSES.join(', ')})`,
    })
    .optional(),
  ownerId: ZOwnerRef.nullable().optional(),
  description: text('How it is implemented', 20_000).optional(),
  documentIds: z
    .array(ZDocumentRef, { error: 'Linked documents must be a list of document ids' })
    .max(50, 'Link at most 50 documents')
    .optional(),
  dueOn: calendarDate('Due date').nullable().optional(),
  cadenceMonths: ZCadence.nullable().optional(),
});
export type ControlImplementationInput = z.output<typeof ZControlImplementationInput>;

export const ZOccurrenceInput = z.strictObject({
  performedOn: calendarDate('Date performed'),
  performedById: idRef('Performed by', 'a member of this organization').nullable().optional(),
  outcome: z.enum(OCCURRENCE_OUTCOMES, { error: 'Outcome must be OK or Issues found (ok, issues_found)' }),
  notes: text('Notes', 5000).default(''),
});
export type OccurrenceInput = z.output<typeof ZOccurrenceInput>;
