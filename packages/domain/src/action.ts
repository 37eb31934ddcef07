import { z } from 'zod';
import { ZOwnerRef } from './ids';
import { versionField } from './version';
import { calendarDate } from './dates';

// Actions: the work that closes a gap (and later a finding or a nonconformity), with an owner and
// a due date. They appear on their owner's task list.

export const ACTION_STATUSES = ['open', 'in_progress', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
};

const dueDate = calendarDate('Due date');
const title = z
  .string({ error: 'Title is required' })
  .trim()
  .min(1, 'Title is required')
  .max(300, 'Title must be at most 300 characters');
const description = z.string().trim().max(8000, 'Description must be at most 8000 characters');

export const ZCreateAction = z.strictObject({
  title,
  description: description.default(''),
  ownerId: ZOwnerRef.nullable().default(null),
  dueDate: dueDate.nullable().default(null),
  status: z.enum(ACTION_STATUSES, { error: `status must be one of: ${ACTION_STATUSES.join(', ')}` }).default('open'),
});

export const ZUpdateAction = z.strictObject({
  version: versionField('version is required: send the version you read'),
  title: title.optional(),
  description: description.optional(),
  ownerId: ZOwnerRef.nullable().optional(),
  dueDate: dueDate.nullable().optional(),
  status: z.enum(ACTION_STATUSES, { error: `status must be one of: ${ACTION_STATUSES.join(', ')}` }).optional(),
});
export type UpdateAction = z.output<typeof ZUpdateAction>;

/** Turning gaps into actions in one step: which refs, and who does them by when. */
export const ZGapsToActions = z.strictObject({
  refs: z.array(z.string().max(40)).min(1, 'Choose at least one gap').max(200),
  ownerId: ZOwnerRef.nullable().default(null),
  dueDate: dueDate.nullable().default(null),
});
