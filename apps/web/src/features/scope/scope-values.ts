import { ZUpdateScope, type ScopeContent } from '@fortytwo/domain';
import type { KeyOf } from './use-path-form';

/** What the builder edits. Exclusion rows carry a key for React; reasons are kept for systems put back in scope, so unticking by mistake loses nothing. */
export type ExclusionRow = { key: string; item: string; justification: string };
export type ScopeFormValues = Omit<ScopeContent, 'exclusions'> & { exclusions: ExclusionRow[] };

export const LIST_FIELDS = ['units', 'sites', 'processes', 'productsServices', 'interfaces'] as const;
export type ListField = (typeof LIST_FIELDS)[number];
export const CONTENT_FIELDS = [
  'units',
  'sites',
  'aiSystemIds',
  'processes',
  'productsServices',
  'interfaces',
  'exclusions',
  'outOfScope',
] as const;
export type ContentField = (typeof CONTENT_FIELDS)[number];

let rowSeq = 0;
export const newRowKey = () => `row-${++rowSeq}`;

/**
 * The form values of a saved scope. `known` (the inventory's ids, when the whole inventory was read)
 * drops AI systems deleted since: the server refuses a scope naming an unknown system.
 */
export function valuesOf(s: ScopeContent, known?: ReadonlySet<string>): ScopeFormValues {
  const keep = (id: string) => !known || known.has(id);
  return {
    units: [...s.units],
    sites: [...s.sites],
    aiSystemIds: s.aiSystemIds.filter(keep),
    processes: [...s.processes],
    productsServices: [...s.productsServices],
    interfaces: [...s.interfaces],
    exclusions: s.exclusions.map((e) => ({ key: newRowKey(), item: e.item, justification: e.justification })),
    outOfScope: s.outOfScope.filter((o) => keep(o.aiSystemId)).map((o) => ({ ...o })),
  };
}

/** The scope the values describe: a reason counts only for a system left out, and a blank reason is none. */
export function contentOf(v: ScopeFormValues): ScopeContent {
  return {
    units: v.units,
    sites: v.sites,
    aiSystemIds: v.aiSystemIds,
    processes: v.processes,
    productsServices: v.productsServices,
    interfaces: v.interfaces,
    exclusions: v.exclusions.map(({ item, justification }) => ({ item, justification })),
    outOfScope: v.outOfScope.filter((o) => !v.aiSystemIds.includes(o.aiSystemId) && o.reason.trim() !== ''),
  };
}

/** The schema the server reads; the version is added when saving. */
export const schema = ZUpdateScope;
export const toInput = (v: ScopeFormValues): unknown => ({ version: 0, ...contentOf(v) });

/** Rows of exclusions show their own messages; a reason's message goes to its AI system. */
export const keyOf: KeyOf<ScopeFormValues> = (path, v) => {
  const [field, index, sub] = path;
  if (field === 'exclusions' && index !== undefined) return `exclusions.${index}.${sub ?? 'item'}`;
  if (field === 'outOfScope' && index !== undefined) {
    const entry = contentOf(v).outOfScope[Number(index)];
    return entry ? `reason.${entry.aiSystemId}` : 'outOfScope';
  }
  return field ?? '';
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** The order systems were ticked in does not matter; the order of list entries does (the statement reads them so). */
const comparable = (f: ContentField, s: ScopeContent): unknown =>
  f === 'aiSystemIds'
    ? [...s.aiSystemIds].sort()
    : f === 'outOfScope'
      ? [...s.outOfScope].sort((x, y) => x.aiSystemId.localeCompare(y.aiSystemId))
      : s[f];

/** Fields whose parsed value differs from the saved scope: the body of the PATCH (besides version). */
export function changedFields(parsed: ScopeContent, saved: ScopeContent): Partial<ScopeContent> {
  const out: Record<string, unknown> = {};
  for (const f of CONTENT_FIELDS) if (!same(comparable(f, parsed), comparable(f, saved))) out[f] = parsed[f];
  return out;
}

/** Fields where two versions of the scope differ (what someone else changed, what I changed). */
export function differingFields(a: ScopeContent, b: ScopeContent): ContentField[] {
  return CONTENT_FIELDS.filter((f) => !same(comparable(f, a), comparable(f, b)));
}

/** A field of the scope as a person reads it in the conflict table. */
export function display(field: ContentField, s: ScopeContent, systemName: (id: string) => string): string {
  switch (field) {
    case 'units':
    case 'sites':
    case 'processes':
    case 'productsServices':
    case 'interfaces':
      return s[field].join(', ') || '—';
    case 'aiSystemIds':
      return s.aiSystemIds.map(systemName).join(', ') || '—';
    case 'exclusions':
      return s.exclusions.map((e) => `${e.item}: ${e.justification}`).join('\n') || '—';
    case 'outOfScope':
      return s.outOfScope.map((o) => `${systemName(o.aiSystemId)}: ${o.reason}`).join('\n') || '—';
  }
}

/** Their saved scope with the fields I changed (from where I started) put back on top. */
export function reapply(theirs: ScopeContent, startedFrom: ScopeContent, mine: ScopeFormValues): ScopeFormValues {
  const next = valuesOf(theirs);
  const mineContent = contentOf(mine);
  for (const f of differingFields(startedFrom, mineContent)) {
    if (f === 'exclusions') next.exclusions = mine.exclusions.map((e) => ({ ...e }));
    else if (f === 'outOfScope') next.outOfScope = mine.outOfScope.map((o) => ({ ...o }));
    else next[f] = [...mine[f]];
  }
  return next;
}
