import { z } from 'zod';
import { calendarDate } from './dates';
import { idRef, ZOwnerRef } from './ids';
import { versionField } from './version';

// Management review (9.3): top management meets, looks at an input pack compiled from the live
// registers (one entry per 9.3.2 input), decides, and records actions that become tasks. The pack is
// frozen when the review is held; the minutes are frozen when the chair signs them off. A missing
// input is a classic stage-1 finding, so every input is checked here and flagged while it is missing.

export const REVIEW_INPUTS = [
  'previous_actions',
  'context_changes',
  'nonconformities',
  'monitoring',
  'audit_results',
  'objectives',
  'risks',
  'improvement',
] as const;
export type ReviewInputKey = (typeof REVIEW_INPUTS)[number];

/** Clause pointer and our own short title for each input (no ISO text). */
export const REVIEW_INPUT_INFO: Record<ReviewInputKey, { clause: string; title: string }> = {
  previous_actions: { clause: '9.3.2 a', title: 'Status of actions from previous reviews' },
  context_changes: { clause: '9.3.2 b–c', title: 'Changes in internal and external issues and interested parties' },
  nonconformities: { clause: '9.3.2 d', title: 'Nonconformities and corrective actions (trends)' },
  monitoring: { clause: '9.3.2 d', title: 'Monitoring and measurement results' },
  audit_results: { clause: '9.3.2 d', title: 'Audit results' },
  objectives: { clause: '9.3.2 d, 6.2', title: 'Status of AI objectives' },
  risks: { clause: '6.1', title: 'Risks and opportunities and their treatment' },
  improvement: { clause: '9.3.2 e', title: 'Opportunities for continual improvement' },
};

/**
 * present: there is something to review; empty: the source exists but had nothing to report
 * (reviewed, with a note to say so); missing: no data the review could use, a finding waiting to happen.
 */
export const INPUT_STATES = ['present', 'empty', 'missing'] as const;
export type InputState = (typeof INPUT_STATES)[number];

export const ZReviewInput = z.object({
  key: z.enum(REVIEW_INPUTS),
  state: z.enum(INPUT_STATES),
  summary: z.string().describe('one sentence: what the figures say'),
  figures: z.array(z.object({ label: z.string(), value: z.string() })).describe('label and value, as printed'),
  items: z.array(z.string()).describe('notable lines: one open action, one breached metric …'),
  reason: z.string().nullable().describe('why the input is missing or empty'),
});
export type ReviewInput = z.infer<typeof ZReviewInput>;

export type InputCheck = {
  key: ReviewInputKey;
  clause: string;
  title: string;
  state: InputState;
  /** null when the input is present. */
  warning: string | null;
};

/**
 * Every required input, in the 9.3.2 order, with its state in the pack and a warning for each one
 * that is missing (absent from the pack, or reported missing by its provider) or empty.
 */
export function checkInputPack(pack: readonly ReviewInput[]): InputCheck[] {
  return REVIEW_INPUTS.map((key) => {
    const { clause, title } = REVIEW_INPUT_INFO[key];
    const input = pack.find((i) => i.key === key);
    if (!input)
      return { key, clause, title, state: 'missing', warning: `${title} (${clause}) is missing from the input pack` };
    if (input.state === 'missing')
      return {
        key,
        clause,
        title,
        state: 'missing',
        warning: `${title} (${clause}) is missing${input.reason ? `: ${input.reason}` : ''}`,
      };
    if (input.state === 'empty')
      return {
        key,
        clause,
        title,
        state: 'empty',
        warning: `${title} (${clause}) has nothing to report${input.reason ? `: ${input.reason}` : ''}; say so in the minutes`,
      };
    return { key, clause, title, state: 'present', warning: null };
  });
}

/** The inputs a review still lacks: what an auditor would raise at stage 1. */
export const missingInputs = (pack: readonly ReviewInput[]) =>
  checkInputPack(pack).filter((c) => c.state === 'missing');

/** Attendance rule: top management must attend (9.3.1); the warning says what to fix. */
export function attendanceWarnings(attendees: readonly { topManagement: boolean }[]): string[] {
  if (!attendees.length) return ['No attendees recorded: add who took part'];
  if (!attendees.some((a) => a.topManagement))
    return [
      'No member of top management attends: a management review is held by top management (9.3.1). Add one, or mark a member as top management.',
    ];
  return [];
}

export const REVIEW_STATUSES = ['planned', 'held', 'signed_off'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  planned: 'Planned',
  held: 'Held (pack frozen)',
  signed_off: 'Signed off (record)',
};

/** What may still change in each state: the meeting while planned, the outputs until sign-off, nothing after. */
export function reviewEditable(status: ReviewStatus): { meeting: boolean; outputs: boolean } {
  return { meeting: status === 'planned', outputs: status !== 'signed_off' };
}

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`);

const MEETING = {
  title: z
    .string({ error: 'Title is required' })
    .trim()
    .min(1, 'Title is required, such as "Management review 2027"')
    .max(200, 'Title must be at most 200 characters'),
  meetingDate: calendarDate('Meeting date'),
  chairId: idRef('Chair', 'a member of this organization (top management)').nullable(),
  attendeeIds: z
    .array(idRef('Attendee', 'a member of this organization'), { error: 'attendeeIds must be a list of member ids' })
    .max(100, 'At most 100 attendees'),
};
const OUTPUTS = {
  improvementDecisions: text('Decisions on improvement', 20000),
  changeDecisions: text('Decisions on changes to the AIMS', 20000),
  resourceNeeds: text('Resource needs', 20000),
  conclusion: text('Conclusion on suitability, adequacy and effectiveness', 20000),
  notes: text('Notes', 20000),
};

export const ZReviewFields = z.strictObject({
  ...MEETING,
  chairId: MEETING.chairId.default(null),
  attendeeIds: MEETING.attendeeIds.default([]),
});
export type ReviewFields = z.output<typeof ZReviewFields>;

export const ZUpdateReview = z
  .strictObject({ ...MEETING, ...OUTPUTS })
  .partial()
  // `.extend`, not `.required({ version: true })`: required() wraps the field, so a missing version was
  // answered "expected nonoptional" instead of the field's own message.
  .extend({ version: versionField() });
export type UpdateReview = z.output<typeof ZUpdateReview>;

export const ZReviewAction = z.strictObject({
  title: z
    .string({ error: 'Action is required' })
    .trim()
    .min(1, 'Action is required: say what is to be done')
    .max(300, 'Action must be at most 300 characters'),
  description: text('Description', 5000).default(''),
  ownerId: ZOwnerRef.nullable().default(null),
  dueDate: calendarDate('Due date').nullable().default(null),
});
export type ReviewActionInput = z.output<typeof ZReviewAction>;
