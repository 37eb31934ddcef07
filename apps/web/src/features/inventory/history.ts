import type { AuditEvent } from '../../api/types';
import { FORM_FIELDS } from './form-values';

export type FieldChange = { field: string; before: unknown; after: unknown };

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};

/** The fields an update event changed, before → after (bookkeeping fields left out). */
export function fieldChanges(event: AuditEvent, fields: readonly string[] = FORM_FIELDS): FieldChange[] {
  const before = asRecord(event.before);
  const after = asRecord(event.after);
  return fields
    .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

/** "ai_system.updated" → "updated"; the entity is implied by the page. */
export const verbOf = (action: string) => action.split('.').at(-1) ?? action;
