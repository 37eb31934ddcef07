import { describe, expect, it } from 'vitest';
import {
  operationPlanProblems,
  reassessmentPlan,
  releaseFlags,
  ruleFor,
  significanceOf,
  verificationProblems,
  ZLogRetentionRule,
  type VvTest,
} from './ai-lifecycle';

// The edges of the life-cycle rules and the exact words shown, beside ai-lifecycle.test.ts.

const vv = (area: VvTest['area'], passed = true): VvTest => ({ area, criterion: 'c', result: 'r', passed });
const allAreas = [vv('performance'), vv('fairness'), vv('robustness'), vv('security')];

describe('significance: the rule found and the override', () => {
  it('answers a kind no rule covers: not significant, a person decides', () => {
    expect(ruleFor('new_purpose', 'minimal', [])).toEqual({
      kind: 'new_purpose',
      significant: false,
      because: 'No rule applies: a person decides whether it is significant',
    });
  });
  it('treats a prohibited system like a high-risk one for retraining, and says why for a limited one', () => {
    expect(significanceOf('retraining', 'prohibited', null)).toEqual({
      significant: true,
      bySignificanceRule: true,
      because: 'Retraining a high-risk system is always re-assessed',
      overridden: false,
    });
    expect(significanceOf('retraining', 'limited', null)).toEqual({
      significant: false,
      bySignificanceRule: false,
      because: 'Retraining on the same kind of data, with the release verified before deployment',
      overridden: false,
    });
  });
  it('records an override agreeing with the rule as not overridden, with the person and reason', () => {
    expect(significanceOf('new_purpose', 'minimal', { significant: true, reason: 'confirmed', byName: 'Ada' })).toEqual(
      { significant: true, bySignificanceRule: true, because: 'Ada: confirmed', overridden: false },
    );
  });
});

describe('verification problems and release flags', () => {
  it('counts failed criteria in the plural, and names a missing area once tested areas are set aside', () => {
    const tests = [vv('performance', false), vv('fairness', false), vv('robustness')];
    expect(verificationProblems({ tests, decision: 'deploy' })).toEqual([
      'Not tested: security',
      'Decided to deploy with 2 failed criteria and no conditions',
    ]);
    expect(verificationProblems({ tests: allAreas, decision: 'deploy' })).toEqual([]);
    expect(verificationProblems({ tests: [...allAreas, vv('security', false)], decision: 'do_not_deploy' })).toEqual(
      [],
    );
  });
  it('flags V&V gaps with or without a deployment, and every flag that applies', () => {
    const gaps = { tests: [vv('performance')], decision: 'do_not_deploy' as const };
    expect(releaseFlags({ deployedOn: null, verification: gaps })).toEqual(['verification_gaps']);
    expect(releaseFlags({ deployedOn: '2026-12-01', verification: gaps })).toEqual([
      'deployed_against_decision',
      'verification_gaps',
    ]);
    expect(releaseFlags({ deployedOn: null, verification: { tests: allAreas, decision: 'do_not_deploy' } })).toEqual(
      [],
    );
  });
});

describe('operation plan against the retention rule', () => {
  const plan = { monitoringPlan: 'Weekly drift review', loggedEvents: 'inputs', logRetentionMonths: 12 };
  it('names each missing part in words', () => {
    expect(operationPlanProblems({ monitoringPlan: ' ', loggedEvents: '', logRetentionMonths: null }, null)).toEqual([
      'No operation and monitoring plan (A.6.2.6)',
      'No event-log specification: say which events are logged (A.6.2.8)',
      'No retention period for the event logs',
    ]);
    expect(operationPlanProblems({ ...plan, logRetentionMonths: null }, { minMonths: 6, maxMonths: 24 })).toEqual([
      'No retention period for the event logs',
    ]);
  });
  it('accepts a retention equal to the minimum or to the maximum', () => {
    expect(operationPlanProblems(plan, { minMonths: 12, maxMonths: 12 })).toEqual([]);
  });
  it('refuses a maximum below the minimum on the maximum, and accepts equal or no maximum', () => {
    const r = ZLogRetentionRule.safeParse({ version: 0, minMonths: 12, maxMonths: 11 });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['maxMonths', 'Maximum retention must not be below the minimum retention'],
    ]);
    expect(ZLogRetentionRule.safeParse({ version: 0, minMonths: 12, maxMonths: 12 }).success).toBe(true);
    expect(ZLogRetentionRule.parse({ version: 0, minMonths: 12 })).toEqual({
      version: 0,
      minMonths: 12,
      maxMonths: null,
    });
  });
});

describe('a change no longer significant', () => {
  it('cancels the re-assessments still due even when another is done, and has nothing to cancel without any', () => {
    expect(
      reassessmentPlan(false, [
        { kind: 'risk_assessment', status: 'done' },
        { kind: 'impact_assessment', status: 'due' },
      ]),
    ).toEqual({ open: [], cancelDue: true });
    expect(reassessmentPlan(false, [])).toEqual({ open: [], cancelDue: false });
  });
});
