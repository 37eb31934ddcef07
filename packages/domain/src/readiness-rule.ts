import type { ReadinessSnapshot, SnapshotAiSystem } from './readiness-snapshot';

// What a readiness rule is and answers, and the few helpers every group of rules writes its answers
// with (readiness-rules-*.ts), so each rule stays a short function over the snapshot.

export const READINESS_GRADES = ['blocking', 'concern', 'note'] as const;
export type ReadinessGrade = (typeof READINESS_GRADES)[number];
export const READINESS_GRADE_LABELS: Record<ReadinessGrade, string> = {
  blocking: 'Blocking (major or stage-2 gate)',
  concern: 'Concern (minor)',
  note: 'Note (opportunity for improvement)',
};
export const READINESS_STATUSES = ['passed', 'failed', 'lacks_data'] as const;
export type ReadinessStatus = (typeof READINESS_STATUSES)[number];
export type ReadinessStage = 1 | 2;

export type ReadinessReason = { message: string; href: string };
export type RuleCheck =
  | { status: 'passed' }
  | { status: 'lacks_data'; reason: ReadinessReason }
  | { status: 'failed'; reasons: ReadinessReason[] };
export type ReadinessRule = {
  id: string;
  /** 1: checked at stage 1 and stage 2; 2: only for stage 2 (operation over time). */
  stage: ReadinessStage;
  ref: string; // clause or control, e.g. "4.3, A.4.2"
  checklist: string; // CERTIFICATION.md §1.3 item, e.g. S1, or O1… for stage 2
  title: string;
  grade: ReadinessGrade;
  check: (s: ReadinessSnapshot) => RuleCheck;
};

export const PASS: RuleCheck = { status: 'passed' };
export const lacks = (message: string, href: string): RuleCheck => ({
  status: 'lacks_data',
  reason: { message, href },
});
export const verdictOf = (reasons: ReadinessReason[]): RuleCheck =>
  reasons.length ? { status: 'failed', reasons } : PASS;
export const r = (message: string, href: string): ReadinessReason => ({ message, href });

/** AI systems the scope covers: named in the approved scope and not retired or archived. */
export function inScopeSystems(s: ReadinessSnapshot): SnapshotAiSystem[] {
  const ids = new Set(s.scope?.aiSystemIds ?? []);
  return s.aiSystems.filter((a) => ids.has(a.id) && a.status !== 'archived' && a.lifecycleStage !== 'retired');
}
export const nameOf = (s: ReadinessSnapshot, id: string | null) =>
  s.aiSystems.find((a) => a.id === id)?.name ?? 'an AI system';
