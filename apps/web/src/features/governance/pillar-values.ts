import { ZUpdatePillar } from '@fortytwo/domain';
import type { KeyOf } from '../scope/use-path-form';
import type { GovernancePillar, PillarSaved } from './types';

export type PillarFormValues = { ownerId: string | null; objectives: string[]; policyStatements: string[] };
export const PILLAR_FIELDS = ['ownerId', 'objectives', 'policyStatements'] as const;
export type PillarField = (typeof PILLAR_FIELDS)[number];

export const savedOf = (p: GovernancePillar): PillarSaved => ({
  ownerId: p.ownerId,
  objectives: p.objectives,
  policyStatements: p.policyStatements,
  version: p.version,
});
export const valuesOf = (s: PillarSaved): PillarFormValues => ({
  ownerId: s.ownerId,
  objectives: [...s.objectives],
  policyStatements: [...s.policyStatements],
});

/** A blank entry (an "Add" clicked and left) is no entry: it is dropped rather than refused. */
const filled = (xs: string[]) => xs.filter((x) => x.trim() !== '');

export const schema = ZUpdatePillar;
export const toInput = (v: PillarFormValues): unknown => ({
  version: 0,
  ownerId: v.ownerId,
  objectives: filled(v.objectives),
  policyStatements: filled(v.policyStatements),
});

/** The schema numbers the filled entries; the form shows the message on the same entry among all of them. */
const entryIndex = (xs: string[], nth: number) =>
  xs.map((x, i) => (x.trim() ? i : -1)).filter((i) => i >= 0)[nth] ?? nth;
export const keyOf: KeyOf<PillarFormValues> = (path, v) => {
  const [field, index] = path;
  if ((field === 'objectives' || field === 'policyStatements') && index !== undefined)
    return `${field}.${entryIndex(v[field], Number(index))}`;
  return field ?? '';
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const comparable = (f: PillarField, v: PillarFormValues): unknown =>
  f === 'ownerId' ? v.ownerId : filled(v[f]).map((x) => x.trim());

export function differingFields(a: PillarFormValues, b: PillarFormValues): PillarField[] {
  return PILLAR_FIELDS.filter((f) => !same(comparable(f, a), comparable(f, b)));
}

/** The body of the PATCH besides the version: only what changed. */
export function changedFields(parsed: PillarFormValues, saved: PillarSaved): Partial<PillarFormValues> {
  const base = valuesOf(saved);
  return Object.fromEntries(differingFields(base, parsed).map((f) => [f, parsed[f]]));
}

export function display(field: PillarField, v: PillarFormValues, memberName: (id: string) => string): string {
  switch (field) {
    case 'ownerId':
      return v.ownerId ? memberName(v.ownerId) : '—';
    case 'objectives':
    case 'policyStatements':
      return filled(v[field]).join('\n') || '—';
  }
}
