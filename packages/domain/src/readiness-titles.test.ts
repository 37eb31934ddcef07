import { describe, expect, it } from 'vitest';
import { READINESS_RULES } from './readiness';

// The title of each readiness rule is what the readiness page and its checklist show as the line an
// auditor ticks; readiness-reasons.test.ts checks each rule's answer, stage, reference and grade, and
// this file its words (found missing by the all-mutant Stryker run: every title → "" survived).
const TITLES: [id: string, title: string][] = [
  ['scope-approved', 'The AIMS scope is approved'],
  ['scope-current', 'The scope in force matches the draft'],
  [
    'scope-names-ai-systems',
    'The scope names the AI systems, and every AI system in use is in it or excluded with a reason',
  ],
  ['scope-exclusions-justified', 'Every exclusion from the scope has its reason'],
  ['ai-roles-declared', "The organization's AI roles are determined"],
  ['ai-roles-consistent', 'The declared AI roles match what the AI systems do'],
  ['roles-assigned', 'Top management and AIMS responsibilities are assigned'],
  ['ai-policy-approved', 'The AI policy is approved by top management'],
  ['ai-policy-communicated', 'The AI policy is published to the people it concerns'],
  ['risk-criteria-approved', 'Risk criteria were approved before risks were rated with them'],
  ['risk-assessment-per-system', 'Every in-scope AI system has a rated risk assessment'],
  ['impact-assessment-per-system', 'Every in-scope AI system has a signed-off impact assessment'],
  ['reassessed-after-change', 'Risk and impact assessments were re-run after significant changes'],
  ['treatment-plan-approved', 'The risk treatment plan is approved'],
  ['residual-risks-accepted', 'Every risk above the acceptance level is treated or its residual risk accepted'],
  ['risk-acceptance-valid', 'No residual-risk acceptance has expired'],
  ['soa-approved', 'The Statement of Applicability is approved'],
  ['soa-covers-annex-a', 'The SoA decides every Annex A control'],
  ['soa-exclusions-justified', 'Every excluded control has a justification'],
  ['soa-includes-treatment-controls', 'Every control a risk treatment uses is included in the SoA'],
  ['objectives-measurable', 'AI objectives are measurable and owned'],
  ['competence-per-ai-role', 'Everyone in an AI role has evidence of competence'],
  ['mandatory-documents-approved', 'Every mandatory documented-information item exists and is approved'],
  ['documents-reviewed', 'No document is overdue for review'],
  ['operating-evidence', 'The AIMS has operated: monitoring results or control records exist'],
  ['internal-audit-done', 'At least one internal audit, by an independent auditor, covering the AIMS'],
  ['management-review-held', 'At least one management review held by top management'],
  ['management-review-inputs', 'The latest management review considered every required input'],
  ['nonconformities-handled', 'Nonconformities have a root cause, an owner and a due date'],
  ['monitoring-over-period', 'Monitoring records span the operating period (at least 3 months)'],
  ['controls-operating', 'Every included control operates and has recorded occurrences'],
  ['evidence-current', 'No evidence has expired'],
  ['training-complete', 'No assigned training is overdue'],
  ['corrective-actions-on-time', 'No corrective action is overdue'],
];

describe('the titles of the readiness rules', () => {
  it('gives each rule, in order, its own title word for word', () => {
    expect(READINESS_RULES.map((r) => [r.id, r.title])).toEqual(TITLES);
  });

  it('gives no two rules the same title', () => {
    expect(new Set(READINESS_RULES.map((r) => r.title)).size).toBe(READINESS_RULES.length);
  });
});
