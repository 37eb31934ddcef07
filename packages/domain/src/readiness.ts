import { SCOPE_AND_CONTEXT_RULES } from './readiness-rules-context';
import { LEADERSHIP_RULES } from './readiness-rules-leadership';
import { PERFORMANCE_RULES } from './readiness-rules-performance';
import { RISK_RULES } from './readiness-rules-risk';
import { SOA_RULES } from './readiness-rules-soa';
import { STAGE_2_RULES } from './readiness-rules-stage-2';
import { OBJECTIVES_AND_SUPPORT_RULES } from './readiness-rules-support';
import type { ReadinessGrade, ReadinessReason, ReadinessRule, ReadinessStage, ReadinessStatus } from './readiness-rule';
import type { ReadinessSnapshot } from './readiness-snapshot';

// The readiness check of step 6: the organization's live data read as a stage-1 (and stage-2)
// certification auditor would. One small pure function per rule over a typed snapshot the server
// builds from live data. Each rule has an id, the clause or control, the grade it would draw
// (blocking: a major or a stage-2 gate; concern: a minor; note: an opportunity for improvement), and
// per failure a reason that names the exact record and a link to fix it. A rule whose data is absent
// (a step not yet used) says "lacks data" and counts as failing at its grade: it never passes silently.
// Sources: shared/iso42001/CERTIFICATION.md §1.3 (S1–S16) and §3 (operating period).
//
// The rules are grouped by area in readiness-rules-*.ts; this file composes them in checklist order (the
// order findings of equal status and grade keep) and runs them.

export * from './readiness-snapshot';
export {
  inScopeSystems,
  READINESS_GRADE_LABELS,
  READINESS_GRADES,
  READINESS_STATUSES,
  type ReadinessGrade,
  type ReadinessReason,
  type ReadinessRule,
  type ReadinessStage,
  type ReadinessStatus,
  type RuleCheck,
} from './readiness-rule';
export { NO_CHANGE_CONFIRMATION_MONTHS } from './readiness-rules-risk';
export { OPERATING_PERIOD_MONTHS } from './readiness-rules-stage-2';

export const READINESS_VERDICTS = ['ready', 'ready_with_concerns', 'not_ready'] as const;
export type ReadinessVerdict = (typeof READINESS_VERDICTS)[number];
export const READINESS_VERDICT_LABELS: Record<ReadinessVerdict, string> = {
  ready: 'Ready',
  ready_with_concerns: 'Ready with concerns',
  not_ready: 'Not ready',
};

export const READINESS_RULES: ReadinessRule[] = [
  ...SCOPE_AND_CONTEXT_RULES,
  ...LEADERSHIP_RULES,
  ...RISK_RULES,
  ...SOA_RULES,
  ...OBJECTIVES_AND_SUPPORT_RULES,
  ...PERFORMANCE_RULES,
  ...STAGE_2_RULES,
];

// ---- the check ---------------------------------------------------------------------------------

export type ReadinessFinding = {
  id: string;
  ref: string;
  checklist: string;
  title: string;
  grade: ReadinessGrade;
  status: ReadinessStatus;
  reasons: ReadinessReason[];
};
export type ReadinessResult = {
  stage: ReadinessStage;
  verdict: ReadinessVerdict;
  /** Why, in one sentence. */
  summary: string;
  counts: { passed: number; blocking: number; concern: number; note: number; lacksData: number };
  findings: ReadinessFinding[];
};

const GRADE_ORDER: Record<ReadinessGrade, number> = { blocking: 0, concern: 1, note: 2 };
const STATUS_ORDER: Record<ReadinessStatus, number> = { failed: 0, lacks_data: 1, passed: 2 };

/** Runs the rules of a stage (stage 2 runs stage 1's too). Findings: failing first, blocking first. */
export function runReadiness(
  snapshot: ReadinessSnapshot,
  stage: ReadinessStage,
  rules: ReadinessRule[] = READINESS_RULES,
): ReadinessResult {
  const findings: ReadinessFinding[] = rules
    .filter((rule) => rule.stage <= stage)
    .map((rule) => {
      const c = rule.check(snapshot);
      return {
        id: rule.id,
        ref: rule.ref,
        checklist: rule.checklist,
        title: rule.title,
        grade: rule.grade,
        status: c.status,
        reasons: c.status === 'passed' ? [] : c.status === 'lacks_data' ? [c.reason] : c.reasons,
      };
    })
    .sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        (a.status === 'passed' ? 0 : GRADE_ORDER[a.grade] - GRADE_ORDER[b.grade]),
    );
  const open = findings.filter((f) => f.status !== 'passed');
  const counts = {
    passed: findings.length - open.length,
    blocking: open.filter((f) => f.grade === 'blocking').length,
    concern: open.filter((f) => f.grade === 'concern').length,
    note: open.filter((f) => f.grade === 'note').length,
    lacksData: open.filter((f) => f.status === 'lacks_data').length,
  };
  const verdict: ReadinessVerdict = counts.blocking
    ? 'not_ready'
    : counts.concern || counts.note
      ? 'ready_with_concerns'
      : 'ready';
  const blockers = open.filter((f) => f.grade === 'blocking');
  const summary =
    verdict === 'not_ready'
      ? `Not ready for stage ${stage}: ${blockers.length} blocking finding${blockers.length === 1 ? '' : 's'} (${blockers
          .slice(0, 3)
          .map((f) => `${f.title}${f.status === 'lacks_data' ? ' — lacks data' : ''}`)
          .join('; ')}${blockers.length > 3 ? '; …' : ''})`
      : verdict === 'ready_with_concerns'
        ? `Ready for stage ${stage} with ${counts.concern + counts.note} concern${counts.concern + counts.note === 1 ? '' : 's'} an auditor would likely raise`
        : `Ready for stage ${stage}: every rule passes`;
  return { stage, verdict, summary, counts, findings };
}
