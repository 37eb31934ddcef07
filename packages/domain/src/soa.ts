import { z } from 'zod';
import { versionField } from './version';
import { isAcceptable, type RiskCriteriaContent, type RiskLevel } from './risk';
import type { ControlStatus } from './controls';
import { justificationGap, roleConflictMessage, roleConflicts, type DeclaredRole } from './soa-rules';

// The Statement of Applicability (6.1.3): every Annex A control and every custom control, included
// or excluded with a reason. Inclusion reasons come from the data (the risks a control treats, the
// interested-party requirements that name it); people add their own words and the status.

export const IMPLEMENTATION_STATUSES = ['not_started', 'planned', 'in_progress', 'implemented'] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];
export const IMPLEMENTATION_STATUS_LABELS: Record<ImplementationStatus, string> = {
  not_started: 'Not started',
  planned: 'Planned',
  in_progress: 'In progress',
  implemented: 'Implemented',
};

export const ZSoaDecision = z.strictObject({
  version: versionField('version is required: send the version of the item you read (0 before its first decision)'),
  included: z.boolean({ error: 'included must be true, false or null' }).nullable().optional(),
  justification: z.string().trim().max(5000, 'Justification must be at most 5000 characters').optional(),
  implementationStatus: z
    .enum(IMPLEMENTATION_STATUSES, {
      error: `implementationStatus must be one of: ${IMPLEMENTATION_STATUSES.join(', ')}`,
    })
    .nullable()
    .optional(),
});

export type SoaControl = { ref: string; title: string; kind: 'annex_a' | 'custom'; group: string };
export type SoaDecisionRecord = {
  ref: string;
  included: boolean | null;
  justification: string;
  implementationStatus: ImplementationStatus | null;
  version: number;
};
export type SoaRiskInput = { id: string; ref: string; title: string; controlRefs: string[] };
export type SoaRequirementInput = { partyName: string; description: string; refs: string[] };

export type SoaItem = {
  ref: string;
  title: string;
  kind: 'annex_a' | 'custom';
  group: string;
  /** true/false once decided (or implied by a treatment), null while nobody has decided. */
  included: boolean | null;
  /** Everything an auditor reads as the reason: the stated words, then the risks and requirements. */
  justification: string;
  statedJustification: string;
  implementationStatus: ImplementationStatus | null;
  /** The control implementation's own status, which `implementationStatus` is read from. */
  controlStatus?: ControlStatus | null;
  riskIds: string[];
  risks: { id: string; ref: string; title: string }[];
  requirements: { partyName: string; description: string }[];
  /** The decision's own version (0 before anyone decided), for optimistic locking. */
  version: number;
};

export const SOA_WARNING_CODES = [
  'EXCLUDED_BUT_TREATING',
  'EXCLUSION_UNJUSTIFIED',
  'RISK_UNTREATED',
  'UNDECIDED',
  'ROLE_INCONSISTENT',
  'STATUS_MISSING',
  'JUSTIFICATION_WEAK',
  'PLAN_UNAPPROVED',
  'CRITERIA_UNAPPROVED',
] as const;
export type SoaWarningCode = (typeof SOA_WARNING_CODES)[number];
/**
 * One finding on the SoA. Blocking ones stop approval with their message; the others may be
 * approved past, with an acknowledgement recorded beside the approval.
 */
export type SoaWarning = {
  code: SoaWarningCode;
  ref?: string;
  refs?: string[];
  riskId?: string;
  message: string;
  blocking: boolean;
};

/** What the SoA rules need beyond the items: declared roles, and whether the plan and criteria are approved. */
export type SoaApprovalContext = { declaredRoles: DeclaredRole[]; planApproved: boolean; criteriaApproved: boolean };

/** Derives the SoA items from the controls, the decisions people made, treatments and requirements. */
export function deriveSoa(
  controls: SoaControl[],
  decisions: SoaDecisionRecord[],
  risks: SoaRiskInput[],
  requirements: SoaRequirementInput[],
): SoaItem[] {
  const byRef = new Map(decisions.map((d) => [d.ref, d]));
  return controls.map((c) => {
    const d = byRef.get(c.ref);
    const treating = risks.filter((r) => r.controlRefs.includes(c.ref));
    const reqs = requirements
      .filter((r) => r.refs.includes(c.ref))
      .map((r) => ({ partyName: r.partyName, description: r.description }));
    const stated = d?.justification ?? '';
    // A control chosen to treat a risk is in the SoA unless someone decided otherwise (then a warning says so).
    const included = d && d.included !== null ? d.included : treating.length > 0 ? true : null;
    const lines = [
      stated,
      ...treating.map((r) => `Treats risk ${r.ref}: ${r.title}`),
      ...reqs.map((r) => `Required by ${r.partyName}: ${r.description}`),
    ].filter((l) => l.trim());
    return {
      ref: c.ref,
      title: c.title,
      kind: c.kind,
      group: c.group,
      included,
      justification: included === false ? stated : lines.join('\n'),
      statedJustification: stated,
      implementationStatus: d?.implementationStatus ?? null,
      riskIds: treating.map((r) => r.id),
      risks: treating.map((r) => ({ id: r.id, ref: r.ref, title: r.title })),
      requirements: reqs,
      version: d?.version ?? 0,
    };
  });
}

export type RiskForWarnings = {
  id: string;
  ref: string;
  title: string;
  kind: 'risk' | 'opportunity';
  status: string;
  level: RiskLevel | null;
  residualLevel: RiskLevel | null;
  treated: boolean;
  acceptedUntil: string | null;
};

/**
 * What stands between this SoA and a sound approval. Blocking: an undecided control, an exclusion
 * without a reason, a control excluded while a treatment relies on it or while a declared role makes
 * it apply, a high or critical risk left untreated, and a treatment plan or risk criteria not yet
 * approved (the SoA is derived from them). Warnings needing an acknowledgement: included controls
 * with no implementation status, or with no reason behind them.
 */
export function soaWarnings(
  items: SoaItem[],
  risks: RiskForWarnings[],
  criteria: Pick<RiskCriteriaContent, 'acceptanceLevel'>,
  today: string,
  context?: SoaApprovalContext,
): SoaWarning[] {
  const out: SoaWarning[] = [];
  for (const i of items) {
    if (i.included === false && i.riskIds.length)
      out.push({
        code: 'EXCLUDED_BUT_TREATING',
        ref: i.ref,
        message: `${i.ref} is excluded, but the treatment of ${i.risks.map((r) => r.ref).join(', ')} relies on it. Include it or change the treatment.`,
        blocking: true,
      });
    if (i.included === false && !i.statedJustification.trim())
      out.push({
        code: 'EXCLUSION_UNJUSTIFIED',
        ref: i.ref,
        message: `${i.ref} is excluded without a justification. Say why it is not needed.`,
        blocking: true,
      });
  }
  if (context) {
    const excluded = items.filter((i) => i.included === false).map((i) => i.ref);
    for (const c of roleConflicts(excluded, context.declaredRoles))
      out.push({ code: 'ROLE_INCONSISTENT', ref: c.ref, message: roleConflictMessage(c), blocking: true });
  }
  const undecided = items.filter((i) => i.included === null);
  if (undecided.length)
    out.push({
      code: 'UNDECIDED',
      message: `${undecided.length} control${undecided.length === 1 ? ' is' : 's are'} neither included nor excluded: ${undecided.map((i) => i.ref).join(', ')}`,
      blocking: true,
    });
  for (const r of risks.filter((x) => riskNeedsAttention(x, criteria, today))) {
    // A high or critical risk with no treatment at all leaves the SoA without its basis (6.1.3 b).
    const severeUntreated = !r.treated && (r.level === 'high' || r.level === 'critical');
    out.push({
      code: 'RISK_UNTREATED',
      riskId: r.id,
      message: attentionMessage(r),
      blocking: context !== undefined && severeUntreated,
    });
  }
  if (context && !context.criteriaApproved)
    out.push({
      code: 'CRITERIA_UNAPPROVED',
      message:
        'The risk criteria in force have not been approved: the ratings behind this SoA rest on a draft. Have top management approve the criteria first.',
      blocking: true,
    });
  if (context && !context.planApproved)
    out.push({
      code: 'PLAN_UNAPPROVED',
      message:
        'The risk treatment plan as it stands is not approved: the controls chosen to treat risks are not agreed yet. Approve the treatment plan first.',
      blocking: true,
    });
  const decided = items.filter((i) => i.included === true);
  const noStatus = decided.filter((i) => i.implementationStatus === null);
  if (noStatus.length)
    out.push({
      code: 'STATUS_MISSING',
      refs: noStatus.map((i) => i.ref),
      message: `${noStatus.length} included control${noStatus.length === 1 ? ' has' : 's have'} no implementation status: ${noStatus.map((i) => i.ref).join(', ')}. Say whether each is planned, in progress or implemented.`,
      blocking: false,
    });
  const weak = decided.filter(
    (i) => justificationGap(i.statedJustification, i.riskIds.length > 0 || i.requirements.length > 0) !== null,
  );
  if (weak.length)
    out.push({
      code: 'JUSTIFICATION_WEAK',
      refs: weak.map((i) => i.ref),
      message: `${weak.length} included control${weak.length === 1 ? ' has' : 's have'} no reason an auditor can follow (no risk it treats, no requirement that names it, and an empty or generic justification): ${weak.map((i) => i.ref).join(', ')}. Link a risk or requirement, or say what the control does for you.`,
      blocking: false,
    });
  return out;
}

/** The warnings an approver must acknowledge (the non-blocking ones). */
export const needsAcknowledgement = (warnings: { blocking: boolean }[]) => warnings.some((w) => !w.blocking);

/**
 * An open risk not rated yet (level null: nobody has judged it, so it cannot count as acceptable),
 * or one above the acceptance level that has neither a treatment nor an acceptance still in force.
 */
export function riskNeedsAttention(
  r: RiskForWarnings,
  criteria: Pick<RiskCriteriaContent, 'acceptanceLevel'>,
  today: string,
): boolean {
  if (r.kind !== 'risk' || r.status === 'closed') return false;
  if (r.level === null) return true;
  const level = r.residualLevel ?? r.level;
  if (isAcceptable(criteria, level)) return false;
  const accepted = r.acceptedUntil !== null && r.acceptedUntil >= today;
  if (accepted) return false;
  // A treatment that brings the residual level within the criteria settles it; one that does not
  // (or has no residual rating yet) still counts as "treated" only when no residual is known.
  return !r.treated || r.residualLevel !== null;
}

export function attentionMessage(r: RiskForWarnings): string {
  if (r.level === null)
    return `Risk ${r.ref} (${r.title}) is not rated yet. Rate its likelihood and consequence so it can be judged against the acceptance level.`;
  const what = r.treated ? `still ${r.residualLevel} after treatment` : `${r.level} and untreated`;
  const lapsed = r.acceptedUntil ? ` Its acceptance lapsed on ${r.acceptedUntil}.` : '';
  return `Risk ${r.ref} (${r.title}) is ${what}, above the acceptance level, with no acceptance in force.${lapsed} Treat it further or have an approver accept it.`;
}
