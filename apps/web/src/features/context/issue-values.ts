import { ZContextIssueFields, type ContextCategory, type ContextIssueKind } from '@fortytwo/domain';
import type { z } from 'zod';
import { ISSUE_FIELD_LABELS } from './text';
import type { ContextIssue } from './types';

/** What the issue form edits: selects are null until picked, the review date '' when none. */
export type IssueFormValues = {
  kind: string | null;
  category: string | null;
  description: string;
  effect: string;
  source: string;
  reviewDate: string;
};
export type IssueFields = z.output<typeof ZContextIssueFields>;

export const FORM_FIELDS = ['kind', 'category', 'description', 'effect', 'source', 'reviewDate'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export const emptyValues = (
  kind: ContextIssueKind | null = null,
  category: ContextCategory | null = null,
): IssueFormValues => ({
  kind,
  category,
  description: '',
  effect: '',
  source: '',
  reviewDate: '',
});

export const valuesOf = (i: ContextIssue): IssueFormValues => ({
  kind: i.kind,
  category: i.category,
  description: i.description,
  effect: i.effect,
  source: i.source,
  reviewDate: i.reviewDate ?? '',
});

export const schema = ZContextIssueFields;

/** The body the server reads: an unpicked select is "missing", an empty date is "no date". */
export const toInput = (v: IssueFormValues): unknown => ({
  ...v,
  kind: v.kind ?? undefined,
  category: v.category ?? undefined,
  reviewDate: v.reviewDate || null,
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Fields whose parsed value differs from the record: the body of a PATCH (besides version). */
export function changedFields(parsed: IssueFields, base: ContextIssue): Partial<IssueFields> {
  const out: Record<string, unknown> = {};
  for (const f of FORM_FIELDS) if (!same(parsed[f], base[f])) out[f] = parsed[f];
  return out;
}

export function differingFields(a: IssueFormValues, b: IssueFormValues): FormField[] {
  return FORM_FIELDS.filter(
    (f) => !same(typeof a[f] === 'string' ? a[f].trim() : a[f], typeof b[f] === 'string' ? b[f].trim() : b[f]),
  );
}

export const fieldLabel = (f: FormField) => ISSUE_FIELD_LABELS[f];
