import { AI_SYSTEM_LIMITS, ZCreateAiSystem, type TAiSystemFields } from '@fortytwo/domain';
import type { AiSystem } from '../../api/types';

/** What the form edits: every field, with empty selects as null until the user picks. */
export type AiSystemFormValues = {
  name: string;
  description: string;
  intendedPurpose: string;
  aiRoles: string[];
  lifecycleStage: string | null;
  ownerId: string | null;
  jurisdictions: string[];
  thirdParties: string[];
  riskTier: string;
  status: string;
  tags: string[];
};

export const FORM_FIELDS = [
  'name',
  'description',
  'intendedPurpose',
  'aiRoles',
  'lifecycleStage',
  'ownerId',
  'jurisdictions',
  'thirdParties',
  'riskTier',
  'status',
  'tags',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export const EMPTY_VALUES: AiSystemFormValues = {
  name: '',
  description: '',
  intendedPurpose: '',
  aiRoles: [],
  lifecycleStage: null,
  ownerId: null,
  jurisdictions: [],
  thirdParties: [],
  riskTier: 'unclassified',
  status: 'active',
  tags: [],
};

export const valuesOf = (s: AiSystem): AiSystemFormValues => ({
  name: s.name,
  description: s.description,
  intendedPurpose: s.intendedPurpose,
  aiRoles: [...s.aiRoles],
  lifecycleStage: s.lifecycleStage,
  ownerId: s.ownerId,
  jurisdictions: [...s.jurisdictions],
  thirdParties: [...s.thirdParties],
  riskTier: s.riskTier,
  status: s.status,
  tags: [...s.tags],
});

/** The value given to the domain schema: an unpicked select is "missing", as the server sees it. */
export const toInput = (v: AiSystemFormValues): unknown => ({ ...v, lifecycleStage: v.lifecycleStage ?? undefined });

export const schema = ZCreateAiSystem;
export const LIMITS = AI_SYSTEM_LIMITS;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Fields whose parsed value differs from the record: the body of a PATCH (besides version). */
export function changedFields(parsed: TAiSystemFields, base: AiSystem): Partial<TAiSystemFields> {
  const out: Record<string, unknown> = {};
  for (const f of FORM_FIELDS) if (!same(parsed[f], base[f])) out[f] = parsed[f];
  return out;
}

/** Fields where two versions of the form values differ. */
export function differingFields(a: AiSystemFormValues, b: AiSystemFormValues): FormField[] {
  return FORM_FIELDS.filter((f) => !same(a[f], b[f]));
}
