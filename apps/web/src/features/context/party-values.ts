import type { z } from 'zod';
import {
  PARTY_CATEGORY_LABELS,
  requirementProblem,
  ZPartyFields,
  type PartyCategory,
  type RequirementKind,
} from '@fortytwo/domain';
import { requirementLine } from './history';
import { COMMON_TEXT, PARTY_FIELD_LABELS } from './text';
import type { InterestedParty, PartyRequirement } from './types';

/** One row of the requirements editor; `key` is the row's identity in the page, `id` the saved one. */
export type RequirementValues = {
  key: string;
  id: string | null;
  kind: string | null;
  description: string;
  addressed: boolean;
  how: string;
  refs: string[];
};

/** What the party form edits: selects are null until picked. */
export type PartyFormValues = {
  name: string;
  category: string | null;
  description: string;
  requirements: RequirementValues[];
};
export type RequirementField = 'kind' | 'description' | 'addressed' | 'how' | 'refs';

export const FORM_FIELDS = ['name', 'category', 'description', 'requirements'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

let nextKey = 0;
export const newRowKey = () => `row-${++nextKey}`;

export const emptyRequirement = (): RequirementValues => ({
  key: newRowKey(),
  id: null,
  kind: null,
  description: '',
  addressed: false,
  how: '',
  refs: [],
});

export const EMPTY_VALUES = (): PartyFormValues => ({ name: '', category: null, description: '', requirements: [] });

const requirementValues = (r: PartyRequirement): RequirementValues => ({
  key: r.id,
  id: r.id,
  kind: r.kind,
  description: r.description,
  addressed: r.addressed,
  how: r.how,
  refs: [...r.refs],
});

export const valuesOf = (p: InterestedParty): PartyFormValues => ({
  name: p.name,
  category: p.category,
  description: p.description,
  requirements: p.requirements.map(requirementValues),
});

/** The server's schema for a party, with its rule that an addressed requirement says how. */
export const schema = ZPartyFields.superRefine((v, ctx) => {
  v.requirements.forEach((r, i) => {
    const problem = requirementProblem(r);
    if (problem) ctx.addIssue({ code: 'custom', path: ['requirements', i, 'how'], message: problem });
  });
});
export type PartyFields = z.output<typeof schema>;

/** How and refs belong to an addressed requirement only: switched off, they are not saved. */
const requirementInput = (r: RequirementValues) => ({
  ...(r.id ? { id: r.id } : {}),
  kind: r.kind ?? undefined,
  description: r.description,
  addressed: r.addressed,
  how: r.addressed ? r.how : '',
  refs: r.addressed ? r.refs : [],
});

export const toInput = (v: PartyFormValues): unknown => ({
  name: v.name,
  category: v.category ?? undefined,
  description: v.description,
  requirements: v.requirements.map(requirementInput),
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const comparableRequirement = (r: {
  id?: string | null | undefined;
  kind: string | null | undefined;
  description: string;
  addressed: boolean;
  how: string;
  refs: string[];
}) => ({
  id: r.id ?? null,
  kind: r.kind ?? null,
  description: r.description.trim(),
  addressed: r.addressed,
  how: r.addressed ? r.how.trim() : '',
  refs: r.addressed ? r.refs : [],
});

/** Fields whose parsed value differs from the record: the body of a PATCH (besides version). */
export function changedFields(parsed: PartyFields, base: InterestedParty): Partial<PartyFields> {
  const out: Partial<PartyFields> = {};
  if (parsed.name !== base.name) out.name = parsed.name;
  if (parsed.category !== base.category) out.category = parsed.category;
  if (parsed.description !== base.description) out.description = parsed.description;
  if (!same(parsed.requirements.map(comparableRequirement), base.requirements.map(comparableRequirement)))
    out.requirements = parsed.requirements;
  return out;
}

const comparable = (v: PartyFormValues, f: FormField): unknown => {
  if (f === 'requirements') return v.requirements.map(comparableRequirement);
  return typeof v[f] === 'string' ? v[f].trim() : v[f];
};

/** Fields where two versions of the form values differ. */
export function differingFields(a: PartyFormValues, b: PartyFormValues): FormField[] {
  return FORM_FIELDS.filter((f) => !same(comparable(a, f), comparable(b, f)));
}

export const fieldLabel = (f: FormField) => PARTY_FIELD_LABELS[f];

/** A form value as a person reads it in the conflict table. */
export function display(f: FormField, v: PartyFormValues): string {
  switch (f) {
    case 'category':
      return v.category ? (PARTY_CATEGORY_LABELS[v.category as PartyCategory] ?? v.category) : '—';
    case 'requirements':
      return (
        v.requirements
          .map((r) =>
            requirementLine({
              id: r.id ?? r.key,
              kind: (r.kind ?? 'other') as RequirementKind,
              description: r.description,
              addressed: r.addressed,
              how: r.addressed ? r.how : '',
              refs: r.addressed ? r.refs : [],
            }),
          )
          .join('\n') || '—'
      );
    case 'name':
    case 'description':
      return v[f].trim() || '—';
  }
}

/** Messages per requirement row and field, from a parse of the whole form. */
export function requirementErrors(v: PartyFormValues): Record<string, Partial<Record<RequirementField, string>>> {
  const parsed = schema.safeParse(toInput(v));
  const out: Record<string, Partial<Record<RequirementField, string>>> = {};
  if (parsed.success) return out;
  for (const issue of parsed.error.issues) {
    const [top, index, field] = issue.path;
    if (top !== 'requirements' || typeof index !== 'number') continue;
    const row = v.requirements[index];
    if (!row) continue;
    const f = (typeof field === 'string' ? field : 'description') as RequirementField;
    const errors = (out[row.key] ??= {});
    errors[f] ??= f === 'kind' && row.kind === null ? COMMON_TEXT.chooseKindError : issue.message;
  }
  return out;
}
