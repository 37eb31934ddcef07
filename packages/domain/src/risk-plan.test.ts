import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CRITERIA, planFindings, riskSourceLabel, type PlanRiskInput } from './risk';

// What an auditor checks before the treatment plan is approved (6.1.3, 8.3): each finding, its
// message as the approver reads it, and whether it blocks the approval.

const complete: PlanRiskInput = {
  id: 'r1',
  ref: 'R-1',
  title: 'Biased scores',
  needsAttention: false,
  attentionMessage: '',
  inherentLevel: 'high',
  ownerId: 'u1',
  treatments: [
    {
      option: 'modify',
      residualLevel: 'low',
      actions: [{ title: 'Retrain on balanced data', ownerId: 'u2', dueDate: '2026-12-01' }],
    },
  ],
  acceptance: null,
  acceptanceInForce: false,
};
const findings = (r: Partial<PlanRiskInput>) => planFindings([{ ...complete, ...r }], DEFAULT_RISK_CRITERIA);

describe('treatment plan findings', () => {
  it('finds nothing in a risk with an owner and a treatment whose actions have owners and due dates', () => {
    expect(findings({})).toEqual([]);
  });

  it('blocks on a risk that needs attention, with the attention message as it stands', () => {
    expect(findings({ needsAttention: true, attentionMessage: 'R-1 is above the acceptance level' })).toEqual([
      { code: 'RISK_UNTREATED', riskId: 'r1', message: 'R-1 is above the acceptance level', blocking: true },
    ]);
  });

  it('blocks on a treatment with no action, but not on retaining the risk', () => {
    expect(findings({ treatments: [{ option: 'avoid', residualLevel: 'low', actions: [] }] })).toEqual([
      {
        code: 'TREATMENT_NO_ACTIONS',
        riskId: 'r1',
        message:
          'Risk R-1 (Biased scores) has a treatment with no action, so nobody owns it and nothing is due. Add actions with an owner and a due date.',
        blocking: true,
      },
    ]);
    expect(findings({ treatments: [{ option: 'retain', residualLevel: null, actions: [] }] })).toEqual([]);
  });

  it('blocks on actions with no owner or no due date, naming each, and says "has" for one and "have" for more', () => {
    const one = findings({
      treatments: [
        {
          option: 'modify',
          residualLevel: 'low',
          actions: [
            { title: 'Audit data', ownerId: null, dueDate: '2026-12-01' },
            { title: 'Done right', ownerId: 'u2', dueDate: '2026-12-01' },
          ],
        },
      ],
    });
    expect(one).toEqual([
      {
        code: 'ACTION_INCOMPLETE',
        riskId: 'r1',
        message: 'Risk R-1: "Audit data" has no owner or no due date. Give each action both.',
        blocking: true,
      },
    ]);
    const two = findings({
      treatments: [
        { option: 'modify', residualLevel: 'low', actions: [{ title: 'Audit data', ownerId: null, dueDate: null }] },
        { option: 'share', residualLevel: 'low', actions: [{ title: 'Insure', ownerId: 'u2', dueDate: null }] },
      ],
    });
    expect(two.map((f) => f.message)).toEqual([
      'Risk R-1: "Audit data", "Insure" have no owner or no due date. Give each action both.',
    ]);
  });

  it("leaves a retained risk's actions out of the incomplete ones", () => {
    expect(
      findings({
        treatments: [
          { option: 'retain', residualLevel: 'low', actions: [{ title: 'x', ownerId: null, dueDate: null }] },
        ],
      }),
    ).toEqual([]);
  });

  it('warns, without blocking, of a risk with no owner and of a treatment with no residual rating', () => {
    expect(findings({ ownerId: null })).toEqual([
      { code: 'RISK_NO_OWNER', riskId: 'r1', message: 'Risk R-1 (Biased scores) has no risk owner.', blocking: false },
    ]);
    expect(findings({ treatments: [{ ...complete.treatments[0]!, residualLevel: null }] })).toEqual([
      {
        code: 'RESIDUAL_MISSING',
        riskId: 'r1',
        message: 'Risk R-1 has a treatment with no residual rating: the plan cannot show what is left after it.',
        blocking: false,
      },
    ]);
  });

  it('warns of a risk accepted above the acceptance level with no treatment, only while the acceptance is in force', () => {
    const accepted = { treatments: [], acceptance: { level: 'high' as const }, acceptanceInForce: true };
    expect(findings(accepted)).toEqual([
      {
        code: 'ACCEPTED_ABOVE_LEVEL',
        riskId: 'r1',
        message:
          'Risk R-1 (Biased scores) is accepted at high, above the acceptance level (medium), with no treatment.',
        blocking: false,
      },
    ]);
    expect(findings({ ...accepted, acceptanceInForce: false })).toEqual([]);
    expect(findings({ ...accepted, inherentLevel: 'medium' })).toEqual([]);
    expect(findings({ ...accepted, inherentLevel: null })).toEqual([]);
    expect(findings({ ...accepted, acceptance: null })).toEqual([]);
    expect(findings({ ...accepted, treatments: complete.treatments })).toEqual([]);
  });

  it('lists the findings of each risk in turn, in the order an approver works through them', () => {
    const codes = planFindings(
      [
        { ...complete, id: 'a', needsAttention: true, ownerId: null, treatments: [] },
        { ...complete, id: 'b', treatments: [{ option: 'modify', residualLevel: null, actions: [] }] },
      ],
      DEFAULT_RISK_CRITERIA,
    ).map((f) => `${f.riskId} ${f.code}`);
    expect(codes).toEqual(['a RISK_UNTREATED', 'a RISK_NO_OWNER', 'b TREATMENT_NO_ACTIONS', 'b RESIDUAL_MISSING']);
  });
});

describe('risk source label', () => {
  it('names an Annex C.3 source by its ref and title, and keeps a custom source as written', () => {
    expect(riskSourceLabel('C.3.4')).toBe('C.3.4 Machine learning (data quality, data collection, training approach)');
    expect(riskSourceLabel('Vendor lock-in')).toBe('Vendor lock-in');
  });
});
