import { addMonths } from './dates';

// How often the programme audits each clause and control (9.2.2 asks the programme to take into
// account the importance of the processes and the results of previous audits; certification bodies
// also expect the AI risks to weigh in). Everything is audited at least once in the cycle; the
// weight shortens the interval and brings the next audit forward. The reasons are shown in the
// coverage view, so the schedule can be explained to an auditor.

/** What is known about one clause or control when weighing how often to audit it. */
export type FrequencyFacts = {
  unit: string;
  lastAuditedOn: string | null;
  /** Nonconformities against it that are not closed (NC-3, …). */
  openNonconformities: readonly string[];
  /** Major or minor nonconformities found when it was last audited. */
  findingsLastAudit: number;
  /** High or critical open risks treated by this control (R-4, …). */
  highRisks: readonly string[];
};

export type AuditWeight = 'high' | 'raised' | 'normal';
export const AUDIT_WEIGHT_LABELS: Record<AuditWeight, string> = {
  high: 'Every year',
  raised: 'More often',
  normal: 'Once in the cycle',
};

export type AuditFrequency = {
  unit: string;
  weight: AuditWeight;
  /** Months between audits of this unit. */
  intervalMonths: number;
  /** When it should next be audited: today when never audited or overdue. */
  nextDue: string;
  overdue: boolean;
  reasons: string[];
};

/**
 * Clauses whose processes matter most to an AI management system: planning (AI risk and impact
 * assessment, 6) and operation (8). Their importance alone raises the frequency.
 */
export const KEY_CLAUSES = ['6', '8'] as const;

/**
 * Weighs each unit: an open nonconformity or a high risk treated by a control counts 2, findings at
 * the last audit or being a key clause count 1. A score of 2 or more audits it every year, 1 halves
 * the cycle (at least yearly), 0 audits it once in the cycle. Never audited, it is due now.
 */
export function auditFrequency(facts: FrequencyFacts, cycleYears: number, today: string): AuditFrequency {
  const reasons: string[] = [];
  let score = 0;
  if (facts.openNonconformities.length) {
    score += 2;
    reasons.push(`Open nonconformity: ${facts.openNonconformities.join(', ')}`);
  }
  if (facts.highRisks.length) {
    score += 2;
    reasons.push(`Treats high AI risks: ${facts.highRisks.join(', ')}`);
  }
  if (facts.findingsLastAudit > 0) {
    score += 1;
    reasons.push(
      `${facts.findingsLastAudit} nonconformit${facts.findingsLastAudit === 1 ? 'y' : 'ies'} found at its last audit`,
    );
  }
  if ((KEY_CLAUSES as readonly string[]).includes(facts.unit)) {
    score += 1;
    reasons.push('Key process of the AIMS (AI risk and impact assessment, operation)');
  }
  const cycle = Math.max(1, cycleYears) * 12;
  const weight: AuditWeight = score >= 2 ? 'high' : score === 1 ? 'raised' : 'normal';
  const intervalMonths =
    weight === 'high' ? 12 : weight === 'raised' ? Math.max(12, Math.ceil(cycle / 24) * 12) : cycle;
  if (!facts.lastAuditedOn) reasons.unshift('Never audited');
  if (weight === 'normal') reasons.push(`Once in the ${cycleYears}-year cycle`);
  const due = facts.lastAuditedOn ? addMonths(facts.lastAuditedOn, intervalMonths) : today;
  const overdue = due <= today;
  if (facts.lastAuditedOn && overdue) reasons.unshift(`Not audited for ${intervalMonths} months`);
  return { unit: facts.unit, weight, intervalMonths, nextDue: overdue ? today : due, overdue, reasons };
}

/** Orders units for scheduling: the soonest due first, then the heaviest weight. */
export function auditSchedule(rows: readonly AuditFrequency[]): AuditFrequency[] {
  const rank: Record<AuditWeight, number> = { high: 0, raised: 1, normal: 2 };
  return [...rows].sort(
    (a, b) => a.nextDue.localeCompare(b.nextDue) || rank[a.weight] - rank[b.weight] || a.unit.localeCompare(b.unit),
  );
}
