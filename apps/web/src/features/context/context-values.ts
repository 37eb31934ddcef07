import { z } from 'zod';
import {
  AI_ROLES,
  AI_SUB_ROLE_LABELS,
  AI_SUB_ROLES,
  climateProblem,
  ZAiRoleDetermination,
  ZUpdateOrgContext,
  type AiRole,
} from '@fortytwo/domain';
import type { FieldOf } from '../../ui/use-zod-form';
import { CONTEXT_TEXT as T, ROLE_TEXT } from './text';
import type { AiRoleDetermination, OrgContext } from './types';

/** One role card: chosen or not; sub-roles and reason stay typed while unchosen, but are not saved. */
export type RoleChoice = { chosen: boolean; subRoles: string[]; reason: string };
export type ClimateDecision = 'relevant' | 'not_relevant' | 'undecided';

/** What the form edits: a card per AI role, the climate decision and the summary. */
export type ContextFormValues = Record<AiRole, RoleChoice> & {
  climate: ClimateDecision;
  climateReason: string;
  summary: string;
};

export const FORM_FIELDS = [...AI_ROLES, 'climate', 'climateReason', 'summary'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

const climateOf = (relevant: boolean | null): ClimateDecision =>
  relevant === null ? 'undecided' : relevant ? 'relevant' : 'not_relevant';
const relevantOf = (c: ClimateDecision): boolean | null => (c === 'undecided' ? null : c === 'relevant');

export function valuesOf(ctx: OrgContext): ContextFormValues {
  const roles = Object.fromEntries(
    AI_ROLES.map((role) => {
      const d = ctx.aiRoles.find((r) => r.role === role);
      return [role, { chosen: !!d, subRoles: d ? [...d.subRoles] : [], reason: d?.reason ?? '' }];
    }),
  ) as Record<AiRole, RoleChoice>;
  return { ...roles, climate: climateOf(ctx.climateRelevant), climateReason: ctx.climateReason, summary: ctx.summary };
}

/** Sub-roles in the order the domain lists them, so the saved list does not depend on click order. */
const orderedSubRoles = (role: AiRole, picked: string[]) => AI_SUB_ROLES[role].filter((s) => picked.includes(s));

/**
 * The form's schema, built from the server's pieces: each chosen role is an AI role determination
 * (a reason is required), the climate fields are those of the context update, and the climate rule
 * is the one the server applies. Issues land on the role's card (provider.reason → provider).
 */
export const schema = z
  .object({
    ...(Object.fromEntries(AI_ROLES.map((r) => [r, ZAiRoleDetermination.nullable()])) as Record<
      AiRole,
      z.ZodNullable<typeof ZAiRoleDetermination>
    >),
    climateRelevant: z.boolean().nullable(),
    climateReason: ZUpdateOrgContext.shape.climateReason.unwrap(),
    summary: ZUpdateOrgContext.shape.summary.unwrap(),
  })
  .superRefine((v, ctx) => {
    const problem = climateProblem(v.climateRelevant, v.climateReason);
    if (problem) ctx.addIssue({ code: 'custom', path: ['climateReason'], message: problem });
  });
export type ParsedContext = z.output<typeof schema>;

export const toInput = (v: ContextFormValues): unknown => ({
  ...Object.fromEntries(
    AI_ROLES.map((role) => [
      role,
      v[role].chosen ? { role, subRoles: orderedSubRoles(role, v[role].subRoles), reason: v[role].reason } : null,
    ]),
  ),
  climateRelevant: relevantOf(v.climate),
  climateReason: v.climateReason,
  summary: v.summary,
});

/**
 * Server issues name the API's fields: aiRoles.1.reason is the second chosen role (in the order
 * the body lists them), climateRelevant is the climate decision.
 */
export const fieldOfFor =
  (sent: () => ContextFormValues | null): FieldOf =>
  (path) => {
    if (path[0] === 'aiRoles') {
      const v = sent();
      const chosen = v ? AI_ROLES.filter((r) => v[r].chosen) : [];
      return chosen[Number(path[1])] ?? 'aiRoles';
    }
    if (path[0] === 'climateRelevant') return 'climate';
    return path[0] ?? '';
  };

type Body = Omit<OrgContext, 'version' | 'updatedAt'>;

export function bodyOf(parsed: ParsedContext): Body {
  return {
    climateRelevant: parsed.climateRelevant,
    climateReason: parsed.climateReason,
    aiRoles: AI_ROLES.flatMap((r) => {
      const d = parsed[r];
      return d ? [{ role: d.role, subRoles: d.subRoles, reason: d.reason }] : [];
    }),
    summary: parsed.summary,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const normalizedRoles = (roles: AiRoleDetermination[]) =>
  AI_ROLES.flatMap((role) => {
    const d = roles.find((r) => r.role === role);
    return d ? [{ role, subRoles: orderedSubRoles(role, d.subRoles), reason: d.reason }] : [];
  });

/** The PATCH body (besides version): only what differs from the record read. */
export function changedFields(body: Body, base: OrgContext): Partial<Body> {
  const out: Partial<Body> = {};
  if (body.climateRelevant !== base.climateRelevant) out.climateRelevant = body.climateRelevant;
  if (body.climateReason !== base.climateReason) out.climateReason = body.climateReason;
  if (!same(normalizedRoles(body.aiRoles), normalizedRoles(base.aiRoles))) out.aiRoles = body.aiRoles;
  if (body.summary !== base.summary) out.summary = body.summary;
  return out;
}

/** What an unchosen card holds is not part of the record. */
const comparable = (v: ContextFormValues, f: FormField): unknown => {
  const value = v[f];
  if (typeof value === 'object' && !value.chosen) return { chosen: false };
  if (typeof value === 'object') return { ...value, subRoles: [...value.subRoles].sort(), reason: value.reason.trim() };
  return typeof value === 'string' ? value.trim() : value;
};

/** Fields where two versions of the form values differ. */
export function differingFields(a: ContextFormValues, b: ContextFormValues): FormField[] {
  return FORM_FIELDS.filter((f) => !same(comparable(a, f), comparable(b, f)));
}

export const CLIMATE_LABELS: Record<ClimateDecision, string> = {
  relevant: T.climateRelevant,
  not_relevant: T.climateNotRelevant,
  undecided: T.climateUndecided,
};

export const subRoleLabel = (s: string) => AI_SUB_ROLE_LABELS[s] ?? s;

/** A role as a person reads it in a table cell. */
export const roleSummary = (d: { subRoles: string[]; reason: string } | null | undefined) =>
  d
    ? [d.subRoles.length ? d.subRoles.map(subRoleLabel).join(', ') : null, d.reason || null]
        .filter(Boolean)
        .join(' — ') || '—'
    : T.notChosen;

const OTHER_LABELS = { climate: T.climateDecision, climateReason: T.climateReason, summary: T.summary } as const;
const isRole = (f: FormField): f is AiRole => (AI_ROLES as readonly string[]).includes(f);

export const fieldLabel = (f: FormField): string => (isRole(f) ? ROLE_TEXT[f].title : OTHER_LABELS[f]);

/** A form value as a person reads it in the conflict table. */
export function display(f: FormField, v: ContextFormValues): string {
  if (isRole(f)) return roleSummary(v[f].chosen ? v[f] : null);
  if (f === 'climate') return CLIMATE_LABELS[v.climate];
  return v[f].trim() || '—';
}
