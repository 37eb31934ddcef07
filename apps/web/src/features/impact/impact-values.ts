import {
  IMPACT_TRIGGER_LABELS,
  INDIVIDUAL_EFFECT_AREAS,
  INDIVIDUAL_EFFECT_LABELS,
  SOCIETAL_EFFECT_AREAS,
  SOCIETAL_EFFECT_LABELS,
  ZImpactFields,
  type ImpactTrigger,
  type IndividualEffectArea,
  type SocietalEffectArea,
} from '@fortytwo/domain';
import type { z } from 'zod';
import type { ImpactAssessment } from './api';
import { IMPACT_FIELD_LABELS, IMPACT_TEXT as T } from './text';

// The impact assessment form: its values, how they become the API's input, and what differs
// between two versions (for a stale save).

export type GroupValues = {
  key: string;
  group: string;
  vulnerable: boolean;
  effects: Record<IndividualEffectArea, string>;
};
export type ImpactFormValues = {
  aiSystemId: string | null;
  title: string;
  trigger: ImpactTrigger | null;
  intendedUse: string;
  foreseeableMisuse: string;
  affectedGroups: GroupValues[];
  societalEffects: Record<SocietalEffectArea, string>;
  societalNotApplicable: string;
  severity: string | null;
  likelihood: string | null;
  mitigations: string;
  conclusion: string;
  retentionUntil: string;
};
export type ImpactInput = z.output<typeof ZImpactFields>;
export const schema = ZImpactFields;

let counter = 0;
export const newKey = () => `g${++counter}`;

const blankEffects = <K extends string>(areas: readonly K[], from: Partial<Record<K, string>> = {}) =>
  Object.fromEntries(areas.map((a) => [a, from[a] ?? ''])) as Record<K, string>;
const nonEmpty = <K extends string>(r: Record<K, string>) =>
  Object.fromEntries(Object.entries<string>(r).filter(([, v]) => v.trim() !== '')) as Partial<Record<K, string>>;

export const emptyGroup = (): GroupValues => ({
  key: newKey(),
  group: '',
  vulnerable: false,
  effects: blankEffects(INDIVIDUAL_EFFECT_AREAS),
});

export function emptyValues(aiSystemId: string | null): ImpactFormValues {
  return {
    aiSystemId,
    title: '',
    trigger: null,
    intendedUse: '',
    foreseeableMisuse: '',
    affectedGroups: [],
    societalEffects: blankEffects(SOCIETAL_EFFECT_AREAS),
    societalNotApplicable: '',
    severity: null,
    likelihood: null,
    mitigations: '',
    conclusion: '',
    retentionUntil: '',
  };
}

export function valuesOf(a: ImpactAssessment): ImpactFormValues {
  return {
    aiSystemId: a.aiSystemId,
    title: a.title,
    trigger: a.trigger,
    intendedUse: a.intendedUse,
    foreseeableMisuse: a.foreseeableMisuse,
    affectedGroups: a.affectedGroups.map((g) => ({
      key: newKey(),
      group: g.group,
      vulnerable: g.vulnerable,
      effects: blankEffects(INDIVIDUAL_EFFECT_AREAS, g.effects),
    })),
    societalEffects: blankEffects(SOCIETAL_EFFECT_AREAS, a.societalEffects),
    societalNotApplicable: a.societalNotApplicable ?? '',
    severity: a.severity === null ? null : String(a.severity),
    likelihood: a.likelihood === null ? null : String(a.likelihood),
    mitigations: a.mitigations,
    conclusion: a.conclusion,
    retentionUntil: a.retentionUntil ?? '',
  };
}

/** The form as the API's input (validated by the same zod schema the server uses). */
export function toInput(v: ImpactFormValues) {
  return {
    aiSystemId: v.aiSystemId ?? '',
    title: v.title,
    trigger: v.trigger ?? undefined,
    intendedUse: v.intendedUse,
    foreseeableMisuse: v.foreseeableMisuse,
    affectedGroups: v.affectedGroups.map((g) => ({
      group: g.group,
      vulnerable: g.vulnerable,
      effects: nonEmpty(g.effects),
    })),
    societalEffects: nonEmpty(v.societalEffects),
    societalNotApplicable: v.societalNotApplicable,
    severity: v.severity ? Number(v.severity) : null,
    likelihood: v.likelihood ? Number(v.likelihood) : null,
    mitigations: v.mitigations,
    conclusion: v.conclusion,
    retentionUntil: v.retentionUntil || null,
  };
}

/** Nested issues (affectedGroups[0].group) show on their own field; the rest on the top-level field. */
export const fieldOf = (path: string[]) =>
  path[0] === 'affectedGroups' && path.length >= 3 ? `affectedGroups.${path[1]}.${path[2]}` : (path[0] ?? '');

export const EDITABLE = [
  'title',
  'trigger',
  'intendedUse',
  'foreseeableMisuse',
  'affectedGroups',
  'societalEffects',
  'societalNotApplicable',
  'severity',
  'likelihood',
  'mitigations',
  'conclusion',
  'retentionUntil',
] as const;
export type EditableField = (typeof EDITABLE)[number];

const comparable = (i: ReturnType<typeof toInput>, f: EditableField) => JSON.stringify(i[f]);

/** The PATCH body: the parsed values of the fields that differ from the saved assessment. */
export function changedFields(
  parsed: ImpactInput,
  base: ImpactAssessment,
  values: ImpactFormValues,
): Partial<ImpactInput> {
  return Object.fromEntries(differingFields(valuesOf(base), values).map((f) => [f, parsed[f]]));
}

/** The form fields whose values differ between a and b. */
export function differingFields(a: ImpactFormValues, b: ImpactFormValues): EditableField[] {
  const [x, y] = [toInput(a), toInput(b)];
  return EDITABLE.filter((f) => comparable(x, f) !== comparable(y, f));
}

/** A field as one readable text, for the conflict table. */
export function display(f: EditableField, v: ImpactFormValues): string {
  const i = toInput(v);
  switch (f) {
    case 'trigger':
      return v.trigger ? IMPACT_TRIGGER_LABELS[v.trigger] : '—';
    case 'affectedGroups':
      return (
        i.affectedGroups
          .map((g) =>
            [
              `${g.group || '—'}${g.vulnerable ? ` (${T.vulnerableBadge.toLowerCase()})` : ''}`,
              ...Object.entries(g.effects).map(
                ([k, t]) => `  ${INDIVIDUAL_EFFECT_LABELS[k as IndividualEffectArea]}: ${t}`,
              ),
            ].join('\n'),
          )
          .join('\n') || '—'
      );
    case 'societalEffects':
      return (
        Object.entries(i.societalEffects)
          .map(([k, t]) => `${SOCIETAL_EFFECT_LABELS[k as SocietalEffectArea]}: ${t}`)
          .join('\n') || '—'
      );
    case 'severity':
    case 'likelihood':
      return v[f] ?? '—';
    case 'title':
    case 'societalNotApplicable':
    case 'intendedUse':
    case 'foreseeableMisuse':
    case 'mitigations':
    case 'conclusion':
    case 'retentionUntil':
      return v[f].trim() || '—';
  }
}

export const fieldLabel = (f: EditableField) => IMPACT_FIELD_LABELS[f] ?? f;
