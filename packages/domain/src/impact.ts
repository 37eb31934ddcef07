import { z } from 'zod';
import { versionField } from './version';
import { calendarDate } from './dates';
import { DEFAULT_RISK_CRITERIA, riskLevel, type RiskLevel } from './risk';

// The AI system impact assessment (6.1.4, 8.4, A.5): per AI system, what it could do to people and
// to society, how bad and how likely, what mitigates it, and a signed conclusion kept for a period.

export const IMPACT_TRIGGERS = ['new_system', 'significant_change', 'periodic'] as const;
export type ImpactTrigger = (typeof IMPACT_TRIGGERS)[number];
export const IMPACT_TRIGGER_LABELS: Record<ImpactTrigger, string> = {
  new_system: 'New AI system',
  significant_change: 'Significant change',
  periodic: 'Periodic review',
};

/** Effects on individuals and groups (A.5.4). */
export const INDIVIDUAL_EFFECT_AREAS = [
  'fairness',
  'transparency',
  'privacy',
  'safety',
  'accessibility',
  'human_rights',
] as const;
export type IndividualEffectArea = (typeof INDIVIDUAL_EFFECT_AREAS)[number];
export const INDIVIDUAL_EFFECT_LABELS: Record<IndividualEffectArea, string> = {
  fairness: 'Fairness',
  transparency: 'Transparency',
  privacy: 'Privacy and security',
  safety: 'Safety and health',
  accessibility: 'Accessibility',
  human_rights: 'Human rights',
};

/** Effects on society (A.5.5). */
export const SOCIETAL_EFFECT_AREAS = ['environment', 'economy', 'democratic_processes', 'health', 'culture'] as const;
export type SocietalEffectArea = (typeof SOCIETAL_EFFECT_AREAS)[number];
export const SOCIETAL_EFFECT_LABELS: Record<SocietalEffectArea, string> = {
  environment: 'Environment and sustainability',
  economy: 'Economy and employment',
  democratic_processes: 'Government and democratic processes',
  health: 'Health and safety',
  culture: 'Culture, norms and values',
};

export const IMPACT_STATUSES = ['draft', 'signed_off'] as const;
export type ImpactStatus = (typeof IMPACT_STATUSES)[number];

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);
const rating = (what: string) =>
  z
    .number()
    .int(`${what} must be a whole number`)
    .min(1, `${what} must be at least 1`)
    .max(5, `${what} must be at most 5`);

/**
 * The level of an impact rating: severity and likelihood use the 5 × 5 scales of the default risk
 * criteria (same step names), so its score bands give the level. A "4 × 3 = 12" with no word for how
 * bad that is left the reader to guess (issue 18). Null until both are rated.
 */
export function impactLevel(severity: number | null, likelihood: number | null): RiskLevel | null {
  if (severity === null || likelihood === null) return null;
  return riskLevel(DEFAULT_RISK_CRITERIA, severity * likelihood);
}

/** The title of an assessment created without one: what it is about, not "Untitled assessment". */
export const defaultImpactTitle = (aiSystemName: string, trigger: ImpactTrigger) =>
  `Impact of ${aiSystemName} (${IMPACT_TRIGGER_LABELS[trigger].toLowerCase()})`;

export const ZAffectedGroup = z.strictObject({
  group: z
    .string({ error: 'Name the affected individuals or group' })
    .trim()
    .min(1, 'Name the affected individuals or group')
    .max(200),
  vulnerable: z.boolean().default(false),
  effects: z
    .partialRecord(
      z.enum(INDIVIDUAL_EFFECT_AREAS, { error: `effect areas are: ${INDIVIDUAL_EFFECT_AREAS.join(', ')}` }),
      text(3000),
    )
    .default({}),
});

export const ZImpactFields = z.strictObject({
  aiSystemId: z.string({ error: 'aiSystemId is required: an impact assessment is about one AI system' }).min(1).max(64),
  title: text(200).default(''),
  trigger: z.enum(IMPACT_TRIGGERS, { error: `trigger must be one of: ${IMPACT_TRIGGERS.join(', ')}` }),
  intendedUse: text(5000).default(''),
  foreseeableMisuse: text(5000).default(''),
  affectedGroups: z.array(ZAffectedGroup).max(50).default([]),
  societalEffects: z
    .partialRecord(
      z.enum(SOCIETAL_EFFECT_AREAS, { error: `societal areas are: ${SOCIETAL_EFFECT_AREAS.join(', ')}` }),
      text(3000),
    )
    .default({}),
  societalNotApplicable: text(2000)
    .default('')
    .describe('why the societal section does not apply to this AI system; empty when it is answered'),
  severity: rating('severity').nullable().default(null),
  likelihood: rating('likelihood').nullable().default(null),
  mitigations: text(5000).default(''),
  conclusion: text(5000).default(''),
  retentionUntil: calendarDate('Keep until', '2032-12-31').nullable().default(null),
});

export const ZUpdateImpact = z.strictObject({
  version: versionField('version is required: send the version you read'),
  title: text(200).optional(),
  trigger: ZImpactFields.shape.trigger.optional(),
  intendedUse: text(5000).optional(),
  foreseeableMisuse: text(5000).optional(),
  affectedGroups: z.array(ZAffectedGroup).max(50).optional(),
  societalEffects: ZImpactFields.shape.societalEffects.unwrap().optional(),
  societalNotApplicable: text(2000).optional(),
  severity: rating('severity').nullable().optional(),
  likelihood: rating('likelihood').nullable().optional(),
  mitigations: text(5000).optional(),
  conclusion: text(5000).optional(),
  retentionUntil: calendarDate('Keep until', '2032-12-31').nullable().optional(),
});

/**
 * What must be filled before an assessment can be signed off; empty when it is complete. Every effect
 * area is answered for every affected group (A.5.4: "none expected, because …" is an answer), and
 * every societal area too (A.5.5), unless the societal section is declared not applicable with a reason.
 */
export function impactSignOffProblems(a: {
  intendedUse: string;
  affectedGroups: { group: string; effects: Partial<Record<IndividualEffectArea, string>> }[];
  societalEffects?: Partial<Record<SocietalEffectArea, string>>;
  societalNotApplicable?: string;
  severity: number | null;
  likelihood: number | null;
  conclusion: string;
  retentionUntil: string | null;
}): string[] {
  const out: string[] = [];
  if (!a.intendedUse.trim()) out.push('Describe the intended use');
  if (a.affectedGroups.length === 0) out.push('Name at least one affected individual or group');
  for (const g of a.affectedGroups) {
    const missing = INDIVIDUAL_EFFECT_AREAS.filter((k) => !g.effects[k]?.trim());
    if (missing.length)
      out.push(
        `Answer every effect area for ${g.group} (write "none expected" with the reason where it does not apply): ${missing.map((k) => INDIVIDUAL_EFFECT_LABELS[k].toLowerCase()).join(', ')}`,
      );
  }
  const societal = a.societalEffects ?? {};
  const missingSocietal = SOCIETAL_EFFECT_AREAS.filter((k) => !societal[k]?.trim());
  if (missingSocietal.length && !a.societalNotApplicable?.trim())
    out.push(
      `Answer every societal effect area (A.5.5), or say why the societal section does not apply: ${missingSocietal.map((k) => SOCIETAL_EFFECT_LABELS[k].toLowerCase()).join(', ')}`,
    );
  if (a.severity === null || a.likelihood === null) out.push('Rate severity and likelihood');
  if (!a.conclusion.trim()) out.push('Write the conclusion');
  if (!a.retentionUntil) out.push('Set how long the assessment is kept (A.5.3)');
  return out;
}

/** An AI system in scope with no signed-off impact assessment: a gap to close, not a passive note. */
export type ImpactGap = {
  aiSystemId: string;
  aiSystemName: string;
  reason: 'never_assessed' | 'draft_only';
  message: string;
};

export function impactGaps(
  systems: { id: string; name: string }[],
  assessments: { aiSystemId: string; status: string }[],
): ImpactGap[] {
  return systems.flatMap((s): ImpactGap[] => {
    const mine = assessments.filter((a) => a.aiSystemId === s.id);
    if (mine.some((a) => a.status === 'signed_off')) return [];
    return mine.length
      ? [
          {
            aiSystemId: s.id,
            aiSystemName: s.name,
            reason: 'draft_only',
            message: `${s.name} has an impact assessment in draft but none signed off (6.1.4, A.5.2): complete it and have it signed off.`,
          },
        ]
      : [
          {
            aiSystemId: s.id,
            aiSystemName: s.name,
            reason: 'never_assessed',
            message: `${s.name} is in scope but has no impact assessment (6.1.4, A.5.2): start one.`,
          },
        ];
  });
}
