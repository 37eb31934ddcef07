import {
  COMPUTE_LOCATION_LABELS,
  type COMPUTE_LOCATIONS,
  type DATA_USES,
  ZAiSystemProfile,
  type AiSystemProfile,
} from '@fortytwo/domain';
import type { FieldOf } from '../../ui/use-zod-form';
import type { AiSystemProfileRecord } from './api';
import { DATA_USE_LABELS } from './profile-text';

export type DataUse = (typeof DATA_USES)[number];
export type ComputeLocation = (typeof COMPUTE_LOCATIONS)[number];

// What the profile form edits. Repeatable rows carry a `key` of their own, so React keeps each
// row's inputs (and its messages) when a row above it is removed; the key never reaches the server.
export type DatasetRow = {
  key: string;
  name: string;
  origin: string;
  uses: DataUse[];
  labelling: string;
  quality: string;
  retention: string;
  knownBias: string;
  personalData: boolean;
};
export type ToolRow = { key: string; name: string; purpose: string };
export type PersonRow = { key: string; role: string; skills: string };
export type ProfileFormValues = {
  dataResources: DatasetRow[];
  tooling: ToolRow[];
  computeLocation: ComputeLocation | null;
  computeDetails: string;
  environmentalNotes: string;
  humanResources: PersonRow[];
  intendedUse: string;
  foreseeableMisuse: string;
  affectedGroups: string[];
  humanOversight: string;
};

export type RowList = 'dataResources' | 'tooling' | 'humanResources';
const ROW_LISTS: readonly string[] = ['dataResources', 'tooling', 'humanResources'] satisfies RowList[];

let lastKey = 0;
const newKey = () => `row-${++lastKey}`;

export const emptyDataset = (): DatasetRow => ({
  key: newKey(),
  name: '',
  origin: '',
  uses: [],
  labelling: '',
  quality: '',
  retention: '',
  knownBias: '',
  personalData: false,
});
export const emptyTool = (): ToolRow => ({ key: newKey(), name: '', purpose: '' });
export const emptyPerson = (): PersonRow => ({ key: newKey(), role: '', skills: '' });

export const valuesOf = (p: AiSystemProfile): ProfileFormValues => ({
  dataResources: p.dataResources.map((d) => ({ key: newKey(), ...d, uses: [...d.uses] })),
  tooling: p.tooling.map((t) => ({ key: newKey(), ...t })),
  computeLocation: p.compute.location,
  computeDetails: p.compute.details,
  environmentalNotes: p.compute.environmentalNotes,
  humanResources: p.humanResources.map((h) => ({ key: newKey(), ...h })),
  intendedUse: p.intendedUse,
  foreseeableMisuse: p.foreseeableMisuse,
  affectedGroups: [...p.affectedGroups],
  humanOversight: p.humanOversight,
});

/** The value given to the domain schema: the profile's own shape, without the row keys. */
export const toInput = (v: ProfileFormValues): unknown => ({
  dataResources: v.dataResources.map(({ key: _key, ...d }) => d),
  tooling: v.tooling.map(({ key: _key, ...t }) => t),
  compute: { location: v.computeLocation, details: v.computeDetails, environmentalNotes: v.environmentalNotes },
  humanResources: v.humanResources.map(({ key: _key, ...h }) => h),
  intendedUse: v.intendedUse,
  foreseeableMisuse: v.foreseeableMisuse,
  affectedGroups: v.affectedGroups,
  humanOversight: v.humanOversight,
});

export const schema = ZAiSystemProfile;

/** Which flat form field shows an issue: compute's parts have their own fields; a row's issue goes to its list. */
export const fieldOf: FieldOf = (path) => {
  const [top = '', part] = path;
  if (top !== 'compute') return top;
  if (part === 'location') return 'computeLocation';
  if (part === 'environmentalNotes') return 'environmentalNotes';
  return 'computeDetails';
};

type Issue = { path: readonly PropertyKey[] | string; message: string };
export type RowMessages = Record<string, Partial<Record<string, string>>>;

/** Messages on repeatable rows by row key, then field: the first message per field. */
export function rowMessages(values: ProfileFormValues, issues: readonly Issue[]): RowMessages {
  const out: RowMessages = {};
  for (const issue of issues) {
    const parts =
      typeof issue.path === 'string'
        ? issue.path.split('.').slice(issue.path.startsWith('body.') ? 1 : 0)
        : issue.path.map(String);
    const [list, index, field] = parts;
    if (!list || !ROW_LISTS.includes(list) || field === undefined) continue;
    const row = values[list as RowList][Number(index)];
    if (!row) continue;
    const messages = (out[row.key] ??= {});
    messages[field] ??= issue.message;
  }
  return out;
}

// The parts of a profile, in the order they are shown: conflicts and history compare these.
export const PROFILE_FIELDS = [
  'dataResources',
  'tooling',
  'compute',
  'humanResources',
  'intendedUse',
  'foreseeableMisuse',
  'affectedGroups',
  'humanOversight',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** The profile alone, without what the server adds around it (id, version, gaps, dates). */
export const profileOfRecord = (r: AiSystemProfileRecord): AiSystemProfile => {
  const out: Record<string, unknown> = {};
  for (const f of PROFILE_FIELDS) out[f] = r[f];
  return out as AiSystemProfile;
};

/** The form values as a profile: parsed (trimmed, defaults filled) when valid, as typed otherwise. */
export function profileOfValues(v: ProfileFormValues): AiSystemProfile {
  const parsed = schema.safeParse(toInput(v));
  return parsed.success ? parsed.data : (toInput(v) as AiSystemProfile);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Parts where two profiles differ. */
export const differingParts = (a: AiSystemProfile, b: AiSystemProfile): ProfileField[] =>
  PROFILE_FIELDS.filter((f) => !same(a[f], b[f]));

const lines = (xs: string[]) => (xs.length ? xs.join('\n') : '—');
const withDetail = (head: string, details: (string | false)[]) => {
  const shown = details.filter((d): d is string => !!d);
  return shown.length ? `${head} (${shown.join('; ')})` : head;
};

/** A part of a profile as a person reads it (conflicts, history): one line per row. */
export function displayPart(field: string, value: unknown): string {
  if (!(PROFILE_FIELDS as readonly string[]).includes(field))
    return value === undefined || value === null ? '—' : JSON.stringify(value);
  const parsed = ZAiSystemProfile.shape[field as ProfileField].safeParse(value);
  if (!parsed.success) return value === undefined || value === null ? '—' : JSON.stringify(value);
  const p = { [field]: parsed.data } as Partial<AiSystemProfile>;
  switch (field as ProfileField) {
    case 'dataResources':
      return lines(
        (p.dataResources ?? []).map((d) =>
          withDetail(d.name, [
            !!d.origin && `origin: ${d.origin}`,
            d.uses.length > 0 && `used for ${d.uses.map((u) => DATA_USE_LABELS[u].toLowerCase()).join(', ')}`,
            d.personalData && 'personal data',
            !!d.labelling && `labelling: ${d.labelling}`,
            !!d.quality && `quality: ${d.quality}`,
            !!d.retention && `retention: ${d.retention}`,
            !!d.knownBias && `known bias: ${d.knownBias}`,
          ]),
        ),
      );
    case 'tooling':
      return lines((p.tooling ?? []).map((t) => (t.purpose ? `${t.name}: ${t.purpose}` : t.name)));
    case 'humanResources':
      return lines((p.humanResources ?? []).map((h) => (h.skills ? `${h.role}: ${h.skills}` : h.role)));
    case 'compute': {
      const c = p.compute;
      if (!c) return '—';
      return lines(
        [
          c.location ? COMPUTE_LOCATION_LABELS[c.location] : '',
          c.details,
          c.environmentalNotes ? `Environmental notes: ${c.environmentalNotes}` : '',
        ].filter(Boolean),
      );
    }
    case 'affectedGroups':
      return (p.affectedGroups ?? []).join(', ') || '—';
    case 'intendedUse':
    case 'foreseeableMisuse':
    case 'humanOversight':
      return p[field as 'intendedUse'] || '—';
  }
}

/** "No data resources recorded (A.4.3)" → the catalogue ref it names, for a chip. */
export const refOfGap = (gap: string): string | null => /\((A\.\d+(?:\.\d+)*)\)\s*$/.exec(gap)?.[1] ?? null;
/** The sentence without its trailing ref, which the chip shows. */
export const textOfGap = (gap: string): string => gap.replace(/\s*\(A\.\d+(?:\.\d+)*\)\s*$/, '');
