import { addDays } from './dates';
// One task list for every due thing (issue 12 item 6): each module says what is due in an
// organization as DueItems; "my tasks", the reminders and the digest read those. The rules that
// place an item in time (overdue, due soon, later) live here so the page, the reminders and the
// digest agree on them.

export const DUE_KINDS = [
  'action',
  'document_review',
  'approval',
  'control_occurrence',
  'control_implementation',
  'evidence_review',
  'training',
  'objective',
  'metric',
  'supplier_review',
  'nonconformity',
  'reassessment',
  'certification_audit',
  'certification_finding',
  'evidence_request',
] as const;
export type DueKind = (typeof DUE_KINDS)[number];

export const DUE_KIND_LABELS: Record<DueKind, string> = {
  action: 'Action',
  document_review: 'Document review',
  approval: 'Approval',
  control_occurrence: 'Control to perform',
  control_implementation: 'Control to implement',
  evidence_review: 'Evidence to renew',
  training: 'Training',
  objective: 'Objective',
  metric: 'Measurement',
  supplier_review: 'Supplier review',
  nonconformity: 'Nonconformity',
  reassessment: 'Re-assessment',
  certification_audit: 'Certification audit',
  certification_finding: 'CB deadline',
  evidence_request: 'Evidence requested by the auditor',
};

/** What a module contributes to the task list: one thing due, for one person (or nobody yet). */
export interface DueItem {
  kind: string;
  id: string;
  title: string;
  /** YYYY-MM-DD, or null when it has no date. */
  dueOn: string | null;
  assigneeUserId: string | null;
  /** Where in the web app the item is handled. */
  href: string;
}

export const DUE_STATES = ['overdue', 'due_soon', 'later'] as const;
export type DueState = (typeof DUE_STATES)[number];
export const DUE_STATE_LABELS: Record<DueState, string> = { overdue: 'Overdue', due_soon: 'Due soon', later: 'Later' };

/** "Due soon" is the coming week: today and the six days after it. */
export const DUE_SOON_DAYS = 7;

/**
 * Where an item stands on `today` (YYYY-MM-DD in the organization's time zone): overdue once its
 * day has passed (due today is not yet late), due soon within `soonDays` days counting today,
 * later after that; undated items are later, since nothing makes them urgent.
 */
export function dueStateOf(dueOn: string | null, today: string, soonDays = DUE_SOON_DAYS): DueState {
  if (!dueOn) return 'later';
  if (dueOn < today) return 'overdue';
  if (dueOn < addDays(today, soonDays)) return 'due_soon';
  return 'later';
}

/**
 * The calendar day at `now` in `timeZone` (an IANA name such as Europe/Berlin), or in UTC when the
 * organization has none or names one this runtime does not know.
 */
export function todayIn(timeZone: string | null | undefined, now: Date = new Date()): string {
  if (timeZone) {
    try {
      // en-CA writes dates as YYYY-MM-DD.
      return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
        now,
      );
    } catch {
      // An unknown zone falls through to UTC rather than hiding every task.
    }
  }
  return now.toISOString().slice(0, 10);
}

/**
 * The list order: overdue first, then by date (undated last), then kind and id so that every item
 * has one place and a page boundary (keyset cursor) never skips or repeats one.
 */
export function compareDue(
  a: Pick<DueItem, 'dueOn' | 'kind' | 'id'>,
  b: Pick<DueItem, 'dueOn' | 'kind' | 'id'>,
): number {
  const ad = a.dueOn ?? '9999-99-99';
  const bd = b.dueOn ?? '9999-99-99';
  if (ad !== bd) return ad < bd ? -1 : 1;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
