import { ZCustomControlFields, type CustomControlFields } from '@fortytwo/catalog/browser';
import type { CustomControl } from '../../api/types';
import type { FieldOf } from '../../ui/use-zod-form';

/** What the form edits: the guidance flattened into three fields, its evidence one entry per line. */
export type CustomControlFormValues = {
  ref: string;
  title: string;
  description: string;
  withGuidance: boolean;
  asks: string;
  auditorLooksFor: string;
  evidence: string;
  relatedRefs: string[];
  pillars: string[];
};

export const FORM_FIELDS = [
  'ref',
  'title',
  'description',
  'withGuidance',
  'asks',
  'auditorLooksFor',
  'evidence',
  'relatedRefs',
  'pillars',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export const EMPTY_VALUES: CustomControlFormValues = {
  ref: '',
  title: '',
  description: '',
  withGuidance: false,
  asks: '',
  auditorLooksFor: '',
  evidence: '',
  relatedRefs: [],
  pillars: [],
};

export const valuesOf = (c: CustomControl): CustomControlFormValues => ({
  ref: c.ref,
  title: c.title,
  description: c.description,
  withGuidance: c.guidance !== null,
  asks: c.guidance?.asks ?? '',
  auditorLooksFor: c.guidance?.auditorLooksFor ?? '',
  evidence: c.guidance?.evidence.join('\n') ?? '',
  relatedRefs: [...c.relatedRefs],
  pillars: [...c.pillars],
});

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The body the server reads: guidance only when the user chose to give it. */
export const toInput = (v: CustomControlFormValues): unknown => ({
  ref: v.ref,
  title: v.title,
  description: v.description,
  guidance: v.withGuidance ? { asks: v.asks, auditorLooksFor: v.auditorLooksFor, evidence: lines(v.evidence) } : null,
  relatedRefs: v.relatedRefs,
  pillars: v.pillars,
});

/** guidance.asks → asks: the schema's nested paths to the form's flat fields. */
export const fieldOf: FieldOf = (path) => (path[0] === 'guidance' ? (path[1] ?? 'asks') : (path[0] ?? ''));

export const schema = ZCustomControlFields;

const API_FIELDS = ['ref', 'title', 'description', 'guidance', 'relatedRefs', 'pillars'] as const;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Fields whose parsed value differs from the record: the body of a PATCH (besides version). */
export function changedFields(parsed: CustomControlFields, base: CustomControl): Partial<CustomControlFields> {
  const out: Record<string, unknown> = {};
  for (const f of API_FIELDS) if (!same(parsed[f], base[f])) out[f] = parsed[f];
  return out;
}

/** Guidance text typed and then switched off is not part of the control. */
const comparable = (v: CustomControlFormValues): CustomControlFormValues =>
  v.withGuidance ? v : { ...v, asks: '', auditorLooksFor: '', evidence: '' };

/** Fields where two versions of the form values differ. */
export function differingFields(a: CustomControlFormValues, b: CustomControlFormValues): FormField[] {
  const [x, y] = [comparable(a), comparable(b)];
  return FORM_FIELDS.filter((f) => !same(x[f], y[f]));
}
