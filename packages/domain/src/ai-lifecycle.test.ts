import { describe, expect, it } from 'vitest';
import {
  CHANGE_KINDS,
  reassessmentDueOn,
  reassessmentDueText,
  reassessmentPlan,
  releaseFlags,
  ruleFor,
  SIGNIFICANCE_RULES,
  significanceOf,
  operationPlanProblems,
  verificationProblems,
  ZChangeFields,
  ZLogRetentionRule,
  ZCreateRelease,
  type VvTest,
} from './ai-lifecycle';

const test = (area: VvTest['area'], passed = true): VvTest => ({ area, criterion: 'c', result: 'r', passed });
const allAreas = [test('performance'), test('fairness'), test('robustness'), test('security')];

describe('significance rules', () => {
  it('have a rule for every kind of change', () => {
    for (const kind of CHANGE_KINDS)
      expect(
        SIGNIFICANCE_RULES.some((r) => r.kind === kind),
        kind,
      ).toBe(true);
  });

  it('make a vendor model update, a new purpose, user group, jurisdiction or data source significant', () => {
    for (const kind of [
      'vendor_model_update',
      'new_purpose',
      'new_user_group',
      'new_jurisdiction',
      'new_data_source',
    ] as const)
      expect(significanceOf(kind, 'minimal', null).significant, kind).toBe(true);
  });

  it('make retraining significant only for a high-risk system (first matching rule wins)', () => {
    expect(significanceOf('retraining', 'limited', null).significant).toBe(false);
    expect(significanceOf('retraining', 'high', null).significant).toBe(true);
    expect(ruleFor('retraining', 'high').because).toMatch(/high-risk/);
  });

  it('follow a table given as data', () => {
    const rules = [{ kind: 'retraining' as const, significant: true, because: 'always' }];
    expect(significanceOf('retraining', 'minimal', null, rules)).toMatchObject({
      significant: true,
      because: 'always',
    });
    // No rule: not significant until a person says so.
    expect(significanceOf('new_purpose', 'minimal', null, rules).significant).toBe(false);
  });

  it('let a person override the rule with a reason, and keep what the rule said', () => {
    const s = significanceOf('retraining', 'minimal', { significant: true, reason: ' new label set ', byName: 'Ada' });
    expect(s).toEqual({
      significant: true,
      bySignificanceRule: false,
      because: 'Ada: new label set',
      overridden: true,
    });
    const down = significanceOf('vendor_model_update', 'minimal', {
      significant: false,
      reason: 'patch',
      byName: 'Bo',
    });
    expect(down.significant).toBe(false);
    expect(down.bySignificanceRule).toBe(true);
  });

  it('refuse an override without a reason', () => {
    expect(() => significanceOf('other', 'minimal', { significant: true, reason: '  ', byName: 'Ada' })).toThrow(
      /reason/,
    );
    const parsed = ZChangeFields.safeParse({
      kind: 'other',
      title: 'x',
      occurredOn: '2026-12-01',
      override: { significant: true, reason: '' },
    });
    expect(parsed.success).toBe(false);
  });
});

describe('re-assessments a change opens', () => {
  it('opens a risk and an impact re-assessment for a significant change', () => {
    expect(reassessmentPlan(true, [])).toEqual({ open: ['risk_assessment', 'impact_assessment'], cancelDue: false });
  });

  it('does not open twice, but reopens a cancelled one', () => {
    expect(reassessmentPlan(true, [{ kind: 'risk_assessment', status: 'due' }]).open).toEqual(['impact_assessment']);
    expect(reassessmentPlan(true, [{ kind: 'impact_assessment', status: 'done' }]).open).toEqual(['risk_assessment']);
    expect(reassessmentPlan(true, [{ kind: 'impact_assessment', status: 'cancelled' }]).open).toEqual([
      'risk_assessment',
      'impact_assessment',
    ]);
  });

  it('cancels the due ones when the change is no longer significant', () => {
    expect(reassessmentPlan(false, [{ kind: 'risk_assessment', status: 'due' }])).toEqual({
      open: [],
      cancelDue: true,
    });
    expect(reassessmentPlan(false, [{ kind: 'risk_assessment', status: 'done' }])).toEqual({
      open: [],
      cancelDue: false,
    });
  });

  it('is due 30 days after the change and names it', () => {
    expect(reassessmentDueOn('2026-12-03')).toBe('2027-01-02');
    expect(reassessmentDueText({ kind: 'vendor_model_update', title: 'GPT-5', occurredOn: '2026-12-01' })).toBe(
      'Re-assessment due because of change “GPT-5” (Vendor model update, 2026-12-01)',
    );
  });
});

describe('verification, validation and deployment', () => {
  it('flags a release deployed without a V&V record', () => {
    expect(releaseFlags({ deployedOn: '2026-12-01', verification: null })).toEqual(['deployed_without_verification']);
    expect(releaseFlags({ deployedOn: null, verification: null })).toEqual([]);
    expect(releaseFlags({ deployedOn: '2026-12-01', verification: { tests: allAreas, decision: 'deploy' } })).toEqual(
      [],
    );
  });

  it('flags a deployment against the decision', () => {
    expect(
      releaseFlags({ deployedOn: '2026-12-01', verification: { tests: allAreas, decision: 'do_not_deploy' } }),
    ).toEqual(['deployed_against_decision']);
  });

  it('names untested areas and failed criteria under a plain decision to deploy', () => {
    expect(verificationProblems({ tests: [test('performance')], decision: 'deploy' })).toEqual([
      'Not tested: fairness, robustness, security',
    ]);
    const failed = [...allAreas, test('fairness', false)];
    expect(verificationProblems({ tests: failed, decision: 'deploy' })).toEqual([
      'Decided to deploy with 1 failed criterion and no conditions',
    ]);
    expect(verificationProblems({ tests: failed, decision: 'deploy_with_conditions' })).toEqual([]);
  });

  it('validates a release with its test results', () => {
    const ok = ZCreateRelease.safeParse({
      version: '2.1.0',
      releasedOn: '2026-12-01',
      verification: { tests: allAreas, decision: 'deploy', decidedOn: '2026-12-01', decidedByName: 'Ada' },
    });
    expect(ok.success).toBe(true);
    const bad = ZCreateRelease.safeParse({ version: '', releasedOn: '2026-13-01' });
    expect(bad.success).toBe(false);
  });
});

describe('operation plan and event-log retention', () => {
  const plan = {
    monitoringPlan: 'Weekly drift review',
    loggedEvents: 'inputs, outputs, overrides',
    logRetentionMonths: 12,
  };
  it('checks the log retention against the organization rule', () => {
    expect(operationPlanProblems(plan, { minMonths: 6, maxMonths: 24 })).toEqual([]);
    expect(operationPlanProblems(plan, { minMonths: 18, maxMonths: null })).toEqual([
      "Logs kept 12 months, less than the organization's minimum of 18",
    ]);
    expect(operationPlanProblems(plan, { minMonths: 1, maxMonths: 6 })).toEqual([
      "Logs kept 12 months, more than the organization's maximum of 6",
    ]);
    expect(operationPlanProblems(plan, null)).toEqual([]);
  });
  it('names what the plan lacks', () => {
    expect(
      operationPlanProblems({ monitoringPlan: '', loggedEvents: ' ', logRetentionMonths: null }, null),
    ).toHaveLength(3);
  });
  it('refuses a maximum below the minimum', () => {
    expect(ZLogRetentionRule.safeParse({ version: 0, minMonths: 12, maxMonths: 6 }).success).toBe(false);
  });
});
