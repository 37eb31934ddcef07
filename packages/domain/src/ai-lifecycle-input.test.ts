import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  CHANGE_KIND_LABELS,
  CHANGE_KINDS,
  REASSESSMENT_DUE_DAYS,
  REASSESSMENT_KIND_LABELS,
  REASSESSMENT_KINDS,
  REASSESSMENT_STATUSES,
  RELEASE_FLAG_LABELS,
  RELEASE_FLAGS,
  SIGNIFICANCE_RULES,
  significanceOf,
  VV_AREA_LABELS,
  VV_AREAS,
  VV_DECISION_LABELS,
  VV_DECISIONS,
  ZChangeFields,
  ZCompleteReassessment,
  ZCreateRelease,
  ZDeployment,
  ZLogRetentionRule,
  ZOperationPlan,
  ZPutVerification,
  ZReleaseFields,
  ZSignificanceDecision,
  ZUpdateReleaseBody,
  ZVerification,
  ZVvTest,
} from './ai-lifecycle';
import { RISK_TIERS } from './enums';

// What the life-cycle inputs (releases, V&V, deployment, changes, re-assessments, operation plans and
// the retention rule) accept, and the words of each refusal: one bad field per case, so the answer
// names exactly that field. Then the significance table, the value lists and their labels.

const issues = (schema: z.ZodType, input: unknown) =>
  (schema.safeParse(input).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);
const long = (n: number) => 'x'.repeat(n);
const date = (label: string) => `${label} must be a real date written year-month-day, such as 2027-03-31`;
const vv = { area: 'fairness', criterion: 'parity ≥ 0.8', result: '0.84', passed: true };
const verification = { tests: [vv], decision: 'deploy', decidedOn: '2026-05-01' };
const release = { version: '2.1.0', releasedOn: '2026-05-02' };
const change = { kind: 'retraining', title: 'Monthly retrain', occurredOn: '2026-05-03' };
const override = 'The reason for overriding the significance rule is required';

describe('a V&V test and record', () => {
  it('trim the texts, and leave the note and who decided empty unless sent', () => {
    expect(ZVvTest.parse({ ...vv, criterion: ' c ', result: ' r ' })).toEqual({ ...vv, criterion: 'c', result: 'r' });
    expect(ZVerification.parse(verification)).toEqual({
      ...verification,
      decisionNote: '',
      decidedById: null,
      decidedByName: '',
    });
    expect(ZVerification.parse({ ...verification, decisionNote: ' n ', decidedByName: ' Ada ' })).toMatchObject({
      decisionNote: 'n',
      decidedByName: 'Ada',
    });
    expect(
      ZVerification.safeParse({
        ...verification,
        tests: Array(200).fill({ ...vv, criterion: long(500), result: long(500) }),
        decisionNote: long(3000),
        decidedById: long(64),
        decidedByName: long(200),
      }).success,
    ).toBe(true);
  });
  it.each([
    [{ area: 'speed' }, 'area', 'area must be one of: performance, fairness, robustness, security'],
    [{ criterion: undefined }, 'criterion', 'The acceptance criterion is required'],
    [{ criterion: ' ' }, 'criterion', 'The acceptance criterion is required'],
    [{ criterion: long(501) }, 'criterion', 'At most 500 characters'],
    [{ result: ' ' }, 'result', 'The result is required'],
    [{ result: long(501) }, 'result', 'At most 500 characters'],
    [{ passed: 'yes' }, 'passed', 'passed must be true or false'],
  ])('refuses the test %j', (bad, path, message) => {
    expect(issues(ZVvTest, { ...vv, ...bad })).toEqual([[path, message]]);
  });
  it.each([
    [{ tests: [] }, 'tests', 'Record at least one test against an acceptance criterion'],
    [{ decision: 'ship' }, 'decision', 'decision must be one of: deploy, deploy_with_conditions, do_not_deploy'],
    [{ decisionNote: long(3001) }, 'decisionNote', 'At most 3000 characters'],
    [{ decidedOn: '2026-02-30' }, 'decidedOn', date('Decided on')],
    [{ decidedByName: long(201) }, 'decidedByName', 'At most 200 characters'],
  ])('refuses the record %j', (bad, path, message) => {
    expect(issues(ZVerification, { ...verification, ...bad })).toEqual([[path, message]]);
  });
  it('refuses more than 200 tests and a decider id longer than 64 characters', () => {
    expect(issues(ZVerification, { ...verification, tests: Array(201).fill(vv) }).map(([p]) => p)).toEqual(['tests']);
    expect(issues(ZVerification, { ...verification, decidedById: long(65) }).map(([p]) => p)).toEqual(['decidedById']);
  });
  it('is sent again with the version read', () => {
    expect(issues(ZPutVerification, verification)).toEqual([
      ['version', 'version is required: send the version you read'],
    ]);
    expect(ZPutVerification.safeParse({ ...verification, version: 0 }).success).toBe(true);
  });
});

describe('a release', () => {
  it('is recorded without notes, versions or approver unless sent; texts are trimmed', () => {
    expect(ZReleaseFields.parse({ ...release, version: ' 2.1.0 ' })).toEqual({
      ...release,
      whatChanged: '',
      modelVersion: '',
      dataVersion: '',
      approvedById: null,
      approvedByName: '',
    });
    expect(
      ZReleaseFields.parse({
        ...release,
        whatChanged: ' w ',
        modelVersion: ' m ',
        dataVersion: ' d ',
        approvedByName: ' A ',
      }),
    ).toMatchObject({ whatChanged: 'w', modelVersion: 'm', dataVersion: 'd', approvedByName: 'A' });
    expect(
      ZReleaseFields.safeParse({
        version: long(100),
        releasedOn: '2026-05-02',
        whatChanged: long(5000),
        modelVersion: long(200),
        dataVersion: long(200),
        approvedById: long(64),
        approvedByName: long(200),
      }).success,
    ).toBe(true);
    expect(ZCreateRelease.parse({ ...release, verification }).verification).toMatchObject(verification);
  });
  it.each([
    [{ version: ' ' }, 'version', 'The release version (such as 2.1.0) is required'],
    [{ version: long(101) }, 'version', 'At most 100 characters'],
    [{ releasedOn: '2026-13-01' }, 'releasedOn', date('Release date')],
    [{ whatChanged: long(5001) }, 'whatChanged', 'At most 5000 characters'],
    [{ modelVersion: long(201) }, 'modelVersion', 'At most 200 characters'],
    [{ dataVersion: long(201) }, 'dataVersion', 'At most 200 characters'],
    [{ approvedByName: long(201) }, 'approvedByName', 'At most 200 characters'],
    [
      { verification: { ...verification, tests: [] } },
      'verification.tests',
      'Record at least one test against an acceptance criterion',
    ],
  ])('refuses %j', (bad, path, message) => {
    expect(issues(ZCreateRelease, { ...release, ...bad })).toEqual([[path, message]]);
  });
  it('refuses an approver id longer than 64 characters', () => {
    expect(issues(ZReleaseFields, { ...release, approvedById: long(65) }).map(([p]) => p)).toEqual(['approvedById']);
    expect(issues(ZUpdateReleaseBody, { version: 0, approvedById: long(65) }).map(([p]) => p)).toEqual([
      'approvedById',
    ]);
  });
  it.each([
    [{ releaseVersion: ' ' }, 'releaseVersion', 'The release version is required'],
    [{ releaseVersion: long(101) }, 'releaseVersion', 'At most 100 characters'],
    [{ releasedOn: '2026-13-01' }, 'releasedOn', date('Release date')],
    [{ whatChanged: long(5001) }, 'whatChanged', 'At most 5000 characters'],
    [{ modelVersion: long(201) }, 'modelVersion', 'At most 200 characters'],
    [{ dataVersion: long(201) }, 'dataVersion', 'At most 200 characters'],
    [{ approvedByName: long(201) }, 'approvedByName', 'At most 200 characters'],
  ])('refuses %j on an update', (bad, path, message) => {
    expect(issues(ZUpdateReleaseBody, { version: 0, ...bad })).toEqual([[path, message]]);
  });
  it('changes only what an update sends, trimmed', () => {
    expect(ZUpdateReleaseBody.parse({ version: 0 })).toEqual({ version: 0 });
    expect(ZUpdateReleaseBody.parse({ version: 0, releaseVersion: ' 2.2 ', modelVersion: ' m ' })).toEqual({
      version: 0,
      releaseVersion: '2.2',
      modelVersion: 'm',
    });
  });
});

describe('a deployment', () => {
  const d = { version: 0, deployedOn: '2026-05-04', environment: 'production' };
  it('has no note unless sent; texts are trimmed', () => {
    expect(ZDeployment.parse({ ...d, environment: ' production ' })).toEqual({ ...d, note: '' });
    expect(ZDeployment.parse({ ...d, note: ' n ' }).note).toBe('n');
    expect(ZDeployment.safeParse({ ...d, environment: long(200), note: long(3000) }).success).toBe(true);
  });
  it.each([
    [{ deployedOn: '2026-02-30' }, 'deployedOn', date('Deployed on')],
    [{ environment: ' ' }, 'environment', 'The environment (such as production) is required'],
    [{ environment: long(201) }, 'environment', 'At most 200 characters'],
    [{ note: long(3001) }, 'note', 'At most 3000 characters'],
  ])('refuses %j', (bad, path, message) => {
    expect(issues(ZDeployment, { ...d, ...bad })).toEqual([[path, message]]);
  });
});

describe('a change', () => {
  it('has no description, release or override unless sent; texts are trimmed', () => {
    expect(ZChangeFields.parse({ ...change, title: ' Monthly retrain ' })).toEqual({
      ...change,
      description: '',
      releaseId: null,
      override: null,
    });
    expect(
      ZChangeFields.parse({ ...change, description: ' d ', override: { significant: true, reason: ' r ' } }),
    ).toMatchObject({ description: 'd', override: { significant: true, reason: 'r' } });
    expect(
      ZChangeFields.safeParse({
        ...change,
        title: long(200),
        description: long(5000),
        releaseId: long(64),
        override: { significant: false, reason: long(2000) },
      }).success,
    ).toBe(true);
  });
  it.each([
    [
      { kind: 'patch' },
      'kind',
      'kind must be one of: retraining, new_data_source, vendor_model_update, new_purpose, new_user_group, new_jurisdiction, other',
    ],
    [{ title: ' ' }, 'title', 'A short title of the change is required'],
    [{ title: long(201) }, 'title', 'At most 200 characters'],
    [{ description: long(5001) }, 'description', 'At most 5000 characters'],
    [{ occurredOn: '2026-02-30' }, 'occurredOn', date('Date of the change')],
    [{ releaseId: '' }, 'releaseId', 'releaseId must name a release of this AI system, or be null'],
    [
      { override: { significant: 'yes', reason: 'r' } },
      'override.significant',
      'override.significant must be true or false',
    ],
    [{ override: { significant: true, reason: ' ' } }, 'override.reason', override],
    [{ override: { significant: true, reason: long(2001) } }, 'override.reason', 'At most 2000 characters'],
  ])('refuses %j', (bad, path, message) => {
    expect(issues(ZChangeFields, { ...change, ...bad })).toEqual([[path, message]]);
  });
  it('refuses a release id longer than 64 characters', () => {
    expect(issues(ZChangeFields, { ...change, releaseId: long(65) }).map(([p]) => p)).toEqual(['releaseId']);
  });
  it('takes a significance decision, or null to return to the rule', () => {
    expect(ZSignificanceDecision.parse({ version: 1, override: null })).toEqual({ version: 1, override: null });
    expect(ZSignificanceDecision.parse({ version: 1, override: { significant: false, reason: ' r ' } })).toEqual({
      version: 1,
      override: { significant: false, reason: 'r' },
    });
    expect(issues(ZSignificanceDecision, { version: 1, override: { significant: 1, reason: 'r' } })).toEqual([
      ['override.significant', 'override.significant must be true or false'],
    ]);
    expect(issues(ZSignificanceDecision, { version: 1, override: { significant: true, reason: '' } })).toEqual([
      ['override.reason', override],
    ]);
    expect(issues(ZSignificanceDecision, { version: 1, override: { significant: true, reason: long(2001) } })).toEqual([
      ['override.reason', 'At most 2000 characters'],
    ]);
  });
  it('closes a re-assessment only with what it concluded', () => {
    expect(ZCompleteReassessment.parse({ version: 0, note: ' fine ' })).toEqual({ version: 0, note: 'fine' });
    expect(issues(ZCompleteReassessment, { version: 0, note: ' ' })).toEqual([
      ['note', 'What the re-assessment concluded is required'],
    ]);
    expect(issues(ZCompleteReassessment, { version: 0, note: long(3001) })).toEqual([
      ['note', 'At most 3000 characters'],
    ]);
    expect(ZCompleteReassessment.safeParse({ version: 0, note: long(3000) }).success).toBe(true);
  });
});

describe('an operation plan and the retention rule', () => {
  it('leave the plan empty and the retention unset unless sent; texts are trimmed', () => {
    expect(ZOperationPlan.parse({ version: 0 })).toEqual({
      version: 0,
      monitoringPlan: '',
      loggedEvents: '',
      logRetentionMonths: null,
    });
    expect(ZOperationPlan.parse({ version: 0, monitoringPlan: ' m ', loggedEvents: ' e ' })).toMatchObject({
      monitoringPlan: 'm',
      loggedEvents: 'e',
    });
    expect(
      ZOperationPlan.safeParse({
        version: 0,
        monitoringPlan: long(10000),
        loggedEvents: long(5000),
        logRetentionMonths: 1200,
      }).success,
    ).toBe(true);
    expect(ZOperationPlan.parse({ version: 0, logRetentionMonths: 1 }).logRetentionMonths).toBe(1);
  });
  it.each([
    [{ monitoringPlan: long(10001) }, 'monitoringPlan', 'At most 10000 characters'],
    [{ loggedEvents: long(5001) }, 'loggedEvents', 'At most 5000 characters'],
    [{ logRetentionMonths: '12' }, 'logRetentionMonths', 'Log retention must be a number of months'],
    [{ logRetentionMonths: 1.5 }, 'logRetentionMonths', 'Log retention must be a whole number of months'],
    [{ logRetentionMonths: 0 }, 'logRetentionMonths', 'Log retention must be at least 1 month'],
    [{ logRetentionMonths: 1201 }, 'logRetentionMonths', 'Log retention must be at most 1200 months'],
  ])('refuses the plan %j', (bad, path, message) => {
    expect(issues(ZOperationPlan, { version: 0, ...bad })).toEqual([[path, message]]);
  });
  it.each([
    [{ minMonths: undefined }, 'minMonths', 'Minimum retention must be a number of months'],
    [{ minMonths: 0 }, 'minMonths', 'Minimum retention must be at least 1 month'],
    [{ maxMonths: 1201 }, 'maxMonths', 'Maximum retention must be at most 1200 months'],
    [{ maxMonths: 12.5 }, 'maxMonths', 'Maximum retention must be a whole number of months'],
  ])('refuses the rule %j', (bad, path, message) => {
    expect(issues(ZLogRetentionRule, { version: 0, minMonths: 12, ...bad })).toEqual([[path, message]]);
  });
});

describe('the significance table', () => {
  it('says why for every kind of change, in words of its own', () => {
    const reasons = SIGNIFICANCE_RULES.map((r) => r.because);
    expect(reasons.every((b) => b.trim().length > 0)).toBe(true);
    expect(new Set(reasons).size).toBe(SIGNIFICANCE_RULES.length);
  });
  it('re-assesses retraining on a high-risk or prohibited system only', () => {
    const significant = RISK_TIERS.filter((tier) => significanceOf('retraining', tier, null).significant);
    expect(significant).toEqual(['high', 'prohibited']);
  });
  it('leaves other changes to a person, saying so', () => {
    expect(significanceOf('other', 'high', null)).toEqual({
      significant: false,
      bySignificanceRule: false,
      because: 'No rule applies: a person decides whether it is significant',
      overridden: false,
    });
  });
});

describe('the value lists', () => {
  it('are the ones the API accepts', () => {
    expect(CHANGE_KINDS).toEqual([
      'retraining',
      'new_data_source',
      'vendor_model_update',
      'new_purpose',
      'new_user_group',
      'new_jurisdiction',
      'other',
    ]);
    expect(REASSESSMENT_KINDS).toEqual(['risk_assessment', 'impact_assessment']);
    expect(REASSESSMENT_STATUSES).toEqual(['due', 'done', 'cancelled']);
    expect(VV_AREAS).toEqual(['performance', 'fairness', 'robustness', 'security']);
    expect(VV_DECISIONS).toEqual(['deploy', 'deploy_with_conditions', 'do_not_deploy']);
    expect(RELEASE_FLAGS).toEqual(['deployed_without_verification', 'deployed_against_decision', 'verification_gaps']);
    expect(REASSESSMENT_DUE_DAYS).toBe(30);
  });
  it('are shown in the words of the pages', () => {
    expect(CHANGE_KIND_LABELS).toEqual({
      retraining: 'Retraining',
      new_data_source: 'New data source',
      vendor_model_update: 'Vendor model update',
      new_purpose: 'New purpose',
      new_user_group: 'New user group',
      new_jurisdiction: 'New jurisdiction',
      other: 'Other change',
    });
    expect(REASSESSMENT_KIND_LABELS).toEqual({
      risk_assessment: 'Risk assessment',
      impact_assessment: 'Impact assessment',
    });
    expect(VV_AREA_LABELS).toEqual({
      performance: 'Performance',
      fairness: 'Fairness',
      robustness: 'Robustness',
      security: 'Security',
    });
    expect(VV_DECISION_LABELS).toEqual({
      deploy: 'Deploy',
      deploy_with_conditions: 'Deploy with conditions',
      do_not_deploy: 'Do not deploy',
    });
  });
  it('name the clause a release without V&V misses', () => {
    expect(Object.keys(RELEASE_FLAG_LABELS)).toEqual([...RELEASE_FLAGS]);
    expect(RELEASE_FLAG_LABELS.deployed_without_verification).toMatch(/\(A\.6\.2\.4\)$/);
    const labels = Object.values(RELEASE_FLAG_LABELS);
    expect(labels.every((l) => l.length > 0) && new Set(labels).size === 3).toBe(true);
  });
});
