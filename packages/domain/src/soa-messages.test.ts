import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DEFAULT_RISK_CRITERIA } from './risk';
import {
  attentionMessage,
  deriveSoa,
  riskNeedsAttention,
  soaWarnings,
  ZSoaDecision,
  type RiskForWarnings,
  type SoaControl,
} from './soa';

// What the SoA says to the person approving it, word for word, and what a decision accepts.

const problems = (schema: z.ZodType, input: unknown) =>
  (schema.safeParse(input).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

const controls: SoaControl[] = [
  { ref: 'A.6.2.4', title: 'Verification and validation', kind: 'annex_a', group: 'A.6' },
  { ref: 'A.7.4', title: 'Quality of data', kind: 'annex_a', group: 'A.7' },
  { ref: 'A.10.3', title: 'Suppliers', kind: 'annex_a', group: 'A.10' },
];
const decision = (ref: string, included: boolean | null, justification = '') => ({
  ref,
  included,
  justification,
  implementationStatus: null,
  version: 1,
});
const risk: RiskForWarnings = {
  id: 'r1',
  ref: 'R-1',
  title: 'Drift',
  kind: 'risk',
  status: 'open',
  level: 'high',
  residualLevel: null,
  treated: false,
  acceptedUntil: null,
};
const TODAY = '2026-11-28';

describe('an SoA decision', () => {
  it('needs the version read, and takes inclusion, reason and status', () => {
    expect(ZSoaDecision.parse({ version: 0, included: null, implementationStatus: null })).toEqual({
      version: 0,
      included: null,
      implementationStatus: null,
    });
    expect(ZSoaDecision.parse({ version: 2, included: true, justification: ' Core ' }).justification).toBe('Core');
    expect(problems(ZSoaDecision, {})).toEqual([
      'version: version is required: send the version of the item you read (0 before its first decision)',
    ]);
  });

  it('names what is wrong with each field', () => {
    expect(
      problems(ZSoaDecision, {
        version: 1,
        included: 'yes',
        justification: 'x'.repeat(5001),
        implementationStatus: 'done',
      }),
    ).toEqual([
      'included: included must be true, false or null',
      'justification: Justification must be at most 5000 characters',
      'implementationStatus: implementationStatus must be one of: not_started, planned, in_progress, implemented',
    ]);
    expect(problems(ZSoaDecision, { version: 1, justification: 'x'.repeat(5000) })).toEqual([]);
  });
});

describe('SoA warnings, word for word', () => {
  it('names the risks whose treatment relies on an excluded control, and asks for a reason for an exclusion', () => {
    const items = deriveSoa(
      controls,
      [
        decision('A.6.2.4', false, 'Not ours'),
        { ...decision('A.7.4', true, 'Data is core'), implementationStatus: 'planned' as const },
        decision('A.10.3', false),
      ],
      [
        { id: 'r1', ref: 'R-1', title: 'Drift', controlRefs: ['A.6.2.4'] },
        { id: 'r2', ref: 'R-2', title: 'Bias', controlRefs: ['A.6.2.4'] },
      ],
      [],
    );
    expect(soaWarnings(items, [], DEFAULT_RISK_CRITERIA, TODAY).map((w) => [w.code, w.ref, w.message])).toEqual([
      [
        'EXCLUDED_BUT_TREATING',
        'A.6.2.4',
        'A.6.2.4 is excluded, but the treatment of R-1, R-2 relies on it. Include it or change the treatment.',
      ],
      ['EXCLUSION_UNJUSTIFIED', 'A.10.3', 'A.10.3 is excluded without a justification. Say why it is not needed.'],
    ]);
  });

  it('counts the undecided controls: "is" for one, "are" for more', () => {
    const one = deriveSoa(controls, [decision('A.6.2.4', true, 'x'), decision('A.7.4', true, 'y')], [], []);
    expect(soaWarnings(one, [], DEFAULT_RISK_CRITERIA, TODAY).find((w) => w.code === 'UNDECIDED')?.message).toBe(
      '1 control is neither included nor excluded: A.10.3',
    );
    const two = deriveSoa(controls, [decision('A.6.2.4', true, 'x')], [], []);
    expect(soaWarnings(two, [], DEFAULT_RISK_CRITERIA, TODAY).find((w) => w.code === 'UNDECIDED')?.message).toBe(
      '2 controls are neither included nor excluded: A.7.4, A.10.3',
    );
  });

  it('asks for a status and a reason for included controls: "has" for one, "have" for more, without blocking', () => {
    const items = deriveSoa(
      controls,
      [decision('A.6.2.4', true), decision('A.7.4', true, 'Data is core'), decision('A.10.3', true)],
      [],
      [],
    );
    const warnings = soaWarnings(items, [], DEFAULT_RISK_CRITERIA, TODAY);
    expect(warnings).toEqual([
      {
        code: 'STATUS_MISSING',
        refs: ['A.6.2.4', 'A.7.4', 'A.10.3'],
        message:
          '3 included controls have no implementation status: A.6.2.4, A.7.4, A.10.3. Say whether each is planned, in progress or implemented.',
        blocking: false,
      },
      {
        code: 'JUSTIFICATION_WEAK',
        refs: ['A.6.2.4', 'A.10.3'],
        message:
          '2 included controls have no reason an auditor can follow (no risk it treats, no requirement that names it, and an empty or generic justification): A.6.2.4, A.10.3. Link a risk or requirement, or say what the control does for you.',
        blocking: false,
      },
    ]);
    const single = deriveSoa(controls.slice(0, 1), [decision('A.6.2.4', true)], [], []);
    expect(soaWarnings(single, [], DEFAULT_RISK_CRITERIA, TODAY).map((w) => w.message.split(':')[0])).toEqual([
      '1 included control has no implementation status',
      '1 included control has no reason an auditor can follow (no risk it treats, no requirement that names it, and an empty or generic justification)',
    ]);
  });

  it('does not count a reason as weak when a risk or a requirement stands behind the control', () => {
    const items = deriveSoa(
      controls.slice(0, 2),
      [decision('A.6.2.4', true), decision('A.7.4', true)],
      [{ id: 'r1', ref: 'R-1', title: 'Drift', controlRefs: ['A.6.2.4'] }],
      [{ partyName: 'Regulator', description: 'Data quality', refs: ['A.7.4'] }],
    );
    expect(soaWarnings(items, [], DEFAULT_RISK_CRITERIA, TODAY).map((w) => w.code)).toEqual(['STATUS_MISSING']);
  });

  it('says the plan and the criteria must be approved first, and blocks on them only with a context', () => {
    const items = deriveSoa(
      controls.slice(0, 1),
      [
        {
          ...decision('A.6.2.4', true, 'Each model release is checked against its acceptance tests by QA'),
          implementationStatus: 'planned',
        },
      ],
      [],
      [],
    );
    const context = { declaredRoles: [], planApproved: false, criteriaApproved: false };
    expect(soaWarnings(items, [], DEFAULT_RISK_CRITERIA, TODAY, context)).toEqual([
      {
        code: 'CRITERIA_UNAPPROVED',
        message:
          'The risk criteria in force have not been approved: the ratings behind this SoA rest on a draft. Have top management approve the criteria first.',
        blocking: true,
      },
      {
        code: 'PLAN_UNAPPROVED',
        message:
          'The risk treatment plan as it stands is not approved: the controls chosen to treat risks are not agreed yet. Approve the treatment plan first.',
        blocking: true,
      },
    ]);
    expect(
      soaWarnings(items, [], DEFAULT_RISK_CRITERIA, TODAY, { ...context, planApproved: true, criteriaApproved: true }),
    ).toEqual([]);
    expect(soaWarnings(items, [risk], DEFAULT_RISK_CRITERIA, TODAY)).toEqual([
      { code: 'RISK_UNTREATED', riskId: 'r1', message: attentionMessage(risk), blocking: false },
    ]);
  });

  it('blocks, with a context, on an untreated high or critical risk, not on a treated or medium one', () => {
    const context = { declaredRoles: [], planApproved: true, criteriaApproved: true };
    const blocking = (r: RiskForWarnings, criteria = DEFAULT_RISK_CRITERIA) =>
      soaWarnings([], [r], criteria, TODAY, context).map((w) => w.blocking);
    expect(blocking(risk)).toEqual([true]);
    expect(blocking({ ...risk, level: 'critical' })).toEqual([true]);
    expect(blocking({ ...risk, treated: true, residualLevel: 'high' })).toEqual([false]);
    expect(blocking({ ...risk, level: 'medium' }, { ...DEFAULT_RISK_CRITERIA, acceptanceLevel: 'low' })).toEqual([
      false,
    ]);
  });
});

describe('a risk that needs attention', () => {
  it('counts a treated risk with no residual rating yet as settled, and one still above the level as not', () => {
    expect(riskNeedsAttention({ ...risk, treated: true, residualLevel: null }, DEFAULT_RISK_CRITERIA, TODAY)).toBe(
      false,
    );
    expect(riskNeedsAttention({ ...risk, treated: true, residualLevel: 'high' }, DEFAULT_RISK_CRITERIA, TODAY)).toBe(
      true,
    );
    expect(riskNeedsAttention({ ...risk, treated: true, residualLevel: 'low' }, DEFAULT_RISK_CRITERIA, TODAY)).toBe(
      false,
    );
    expect(riskNeedsAttention(risk, DEFAULT_RISK_CRITERIA, TODAY)).toBe(true);
  });

  it('says what is wrong: unrated, untreated, or still above the level, and when an acceptance lapsed', () => {
    expect(attentionMessage({ ...risk, level: null })).toBe(
      'Risk R-1 (Drift) is not rated yet. Rate its likelihood and consequence so it can be judged against the acceptance level.',
    );
    expect(attentionMessage(risk)).toBe(
      'Risk R-1 (Drift) is high and untreated, above the acceptance level, with no acceptance in force. Treat it further or have an approver accept it.',
    );
    expect(attentionMessage({ ...risk, treated: true, residualLevel: 'critical', acceptedUntil: '2026-10-01' })).toBe(
      'Risk R-1 (Drift) is still critical after treatment, above the acceptance level, with no acceptance in force. Its acceptance lapsed on 2026-10-01. Treat it further or have an approver accept it.',
    );
  });
});

describe('what the warnings leave out', () => {
  it('counts a blank reason as no reason for an exclusion', () => {
    const items = deriveSoa(controls.slice(2), [decision('A.10.3', false, '   ')], [], []);
    expect(soaWarnings(items, [], DEFAULT_RISK_CRITERIA, TODAY).map((w) => w.code)).toEqual(['EXCLUSION_UNJUSTIFIED']);
  });

  it('names only the risks that need attention', () => {
    const settled = { ...risk, id: 'r2', level: 'low' as const };
    expect(soaWarnings([], [settled, risk], DEFAULT_RISK_CRITERIA, TODAY).map((w) => w.riskId)).toEqual(['r1']);
  });
});
