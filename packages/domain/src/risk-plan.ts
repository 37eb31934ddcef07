import { addDays } from './dates';
import { RISK_LEVELS, type RiskLevel, type TreatmentOption } from './risk-vocabulary';
import { isAcceptable, type RiskCriteriaContent } from './risk-criteria';

// The state of a residual-risk acceptance and what the treatment plan needs before approval (6.1.3,
// 8.3).

/** Days before expiry at which an acceptance counts as "expiring soon" on the dashboard. */
export const ACCEPTANCE_WARNING_DAYS = 30;

export type AcceptanceState = 'none' | 'in_force' | 'expiring' | 'expired';

/**
 * Where a risk's acceptance stands on `today` (YYYY-MM-DD). It holds through its last day
 * (`expiresAt` itself) and lapses the day after; it covers the level it accepted or a better one,
 * so a worse re-assessment needs a new acceptance. "Expiring" is the last ACCEPTANCE_WARNING_DAYS
 * days, the last day included.
 */
export function acceptanceState(
  acceptance: { level: RiskLevel; expiresAt: string } | null,
  currentLevel: RiskLevel | null,
  today: string,
): AcceptanceState {
  if (!acceptance) return 'none';
  const covers = currentLevel !== null && RISK_LEVELS.indexOf(acceptance.level) >= RISK_LEVELS.indexOf(currentLevel);
  if (acceptance.expiresAt < today || !covers) return 'expired';
  return acceptance.expiresAt <= addDays(today, ACCEPTANCE_WARNING_DAYS) ? 'expiring' : 'in_force';
}

export const PLAN_FINDING_CODES = [
  'RISK_UNTREATED',
  'TREATMENT_NO_ACTIONS',
  'ACTION_INCOMPLETE',
  'RISK_NO_OWNER',
  'RESIDUAL_MISSING',
  'ACCEPTED_ABOVE_LEVEL',
] as const;
export type PlanFinding = {
  code: (typeof PLAN_FINDING_CODES)[number];
  riskId: string;
  message: string;
  blocking: boolean;
};
export type PlanRiskInput = {
  id: string;
  ref: string;
  title: string;
  needsAttention: boolean;
  attentionMessage: string;
  /** Null while the risk is not rated yet (it then needs attention and cannot be accepted). */
  inherentLevel: RiskLevel | null;
  ownerId: string | null;
  treatments: {
    option: TreatmentOption;
    residualLevel: RiskLevel | null;
    actions: { title: string; ownerId: string | null; dueDate: string | null }[];
  }[];
  acceptance: { level: RiskLevel } | null;
  acceptanceInForce: boolean;
};

/**
 * What an auditor checks before the treatment plan is approved (6.1.3, 8.3). Blocking: a risk above
 * the acceptance level left untreated and unaccepted; a treatment (other than retaining) with no
 * action, or an action with no owner or due date. Warnings to acknowledge: a risk with no owner, a
 * treatment with no residual rating, and a risk accepted above the acceptance level with no treatment.
 */
export function planFindings(
  risks: PlanRiskInput[],
  criteria: Pick<RiskCriteriaContent, 'acceptanceLevel'>,
): PlanFinding[] {
  const out: PlanFinding[] = [];
  for (const r of risks) {
    if (r.needsAttention)
      out.push({ code: 'RISK_UNTREATED', riskId: r.id, message: r.attentionMessage, blocking: true });
    const acting = r.treatments.filter((t) => t.option !== 'retain');
    if (acting.some((t) => t.actions.length === 0))
      out.push({
        code: 'TREATMENT_NO_ACTIONS',
        riskId: r.id,
        message: `Risk ${r.ref} (${r.title}) has a treatment with no action, so nobody owns it and nothing is due. Add actions with an owner and a due date.`,
        blocking: true,
      });
    const incomplete = acting.flatMap((t) => t.actions).filter((a) => !a.ownerId || !a.dueDate);
    if (incomplete.length)
      out.push({
        code: 'ACTION_INCOMPLETE',
        riskId: r.id,
        message: `Risk ${r.ref}: ${incomplete.map((a) => `"${a.title}"`).join(', ')} ${incomplete.length === 1 ? 'has' : 'have'} no owner or no due date. Give each action both.`,
        blocking: true,
      });
    if (!r.ownerId)
      out.push({
        code: 'RISK_NO_OWNER',
        riskId: r.id,
        message: `Risk ${r.ref} (${r.title}) has no risk owner.`,
        blocking: false,
      });
    if (acting.some((t) => t.residualLevel === null))
      out.push({
        code: 'RESIDUAL_MISSING',
        riskId: r.id,
        message: `Risk ${r.ref} has a treatment with no residual rating: the plan cannot show what is left after it.`,
        blocking: false,
      });
    if (
      r.treatments.length === 0 &&
      r.acceptance &&
      r.acceptanceInForce &&
      r.inherentLevel !== null &&
      !isAcceptable(criteria, r.inherentLevel)
    )
      out.push({
        code: 'ACCEPTED_ABOVE_LEVEL',
        riskId: r.id,
        message: `Risk ${r.ref} (${r.title}) is accepted at ${r.acceptance.level}, above the acceptance level (${criteria.acceptanceLevel}), with no treatment.`,
        blocking: false,
      });
  }
  return out;
}
