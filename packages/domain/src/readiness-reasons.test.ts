import { describe, expect, it } from 'vitest';
import {
  inScopeSystems,
  READINESS_RULES,
  runReadiness,
  type ReadinessRule,
  type ReadinessSnapshot,
  type SnapshotAiSystem,
} from './readiness';

// The exact words and links each rule answers with: what the user reads on the readiness page. Each
// case starts from an organization that recorded nothing and adds only what the rule reads, so the
// expected answer follows from the rule alone (readiness.test.ts checks the statuses on a full one).

function empty(): ReadinessSnapshot {
  return {
    today: '2026-12-01',
    scope: null,
    context: null,
    aiSystems: [],
    roles: null,
    riskCriteria: null,
    risks: null,
    treatmentPlan: null,
    impactAssessments: null,
    soa: null,
    objectives: null,
    people: null,
    documents: null,
    controls: null,
    evidence: null,
    metrics: null,
    trainings: null,
  };
}
const scope = (
  over: Partial<NonNullable<ReadinessSnapshot['scope']>> = {},
): NonNullable<ReadinessSnapshot['scope']> => ({
  approved: { revision: 3, approvedAt: '2026-06-01' },
  changedSinceApproval: false,
  aiSystemIds: [],
  units: ['Claims'],
  sites: [],
  exclusions: [],
  outOfScope: [],
  ...over,
});
const sys = (id: string, name: string, over: Partial<SnapshotAiSystem> = {}): SnapshotAiSystem => ({
  id,
  name,
  aiRoles: [],
  lifecycleStage: 'operation',
  status: 'active',
  ...over,
});
const risk = (id: string, over: Partial<NonNullable<ReadinessSnapshot['risks']>[number]> = {}) => ({
  id,
  ref: `RISK-${id}`,
  title: `Risk ${id}`,
  aiSystemId: null,
  rated: true,
  criteriaNumber: 1,
  needsAttention: false,
  acceptanceExpiresOn: null,
  treatmentControlRefs: [],
  ...over,
});
const doc = (key: string, over: Partial<NonNullable<ReadinessSnapshot['documents']>[number]> = {}) => ({
  key,
  title: key,
  mandatory: true,
  state: 'approved',
  approvedAt: '2026-05-01',
  nextReviewAt: null,
  ...over,
});
const rule = (id: string): ReadinessRule => READINESS_RULES.find((x) => x.id === id)!;
const check = (id: string, edit: (s: ReadinessSnapshot) => void) => {
  const s = empty();
  edit(s);
  return rule(id).check(s);
};
const lacks = (message: string, href: string) => ({ status: 'lacks_data', reason: { message, href } });
const failed = (...reasons: [string, string][]) => ({
  status: 'failed',
  reasons: reasons.map(([message, href]) => ({ message, href })),
});
const PASSED = { status: 'passed' };

describe('rule metadata', () => {
  it('gives each rule its stage, reference, checklist item and grade', () => {
    expect(READINESS_RULES.map((x) => [x.id, x.stage, x.ref, x.checklist, x.grade])).toEqual([
      ['scope-approved', 1, '4.3', 'S1', 'blocking'],
      ['scope-current', 1, '4.3, 7.5', 'S1', 'concern'],
      ['scope-names-ai-systems', 1, '4.3, A.4.2', 'S1', 'blocking'],
      ['scope-exclusions-justified', 1, '4.3', 'S1', 'concern'],
      ['ai-roles-declared', 1, '4.1', 'S2', 'blocking'],
      ['ai-roles-consistent', 1, '4.1', 'S2', 'blocking'],
      ['roles-assigned', 1, '5.3, A.3.2', 'S4', 'blocking'],
      ['ai-policy-approved', 1, '5.2, A.2.2', 'S3', 'blocking'],
      ['ai-policy-communicated', 1, '5.2, A.2.3', 'S3', 'concern'],
      ['risk-criteria-approved', 1, '6.1.1, 6.1.2', 'S5', 'blocking'],
      ['risk-assessment-per-system', 1, '6.1.2, 8.2', 'S6', 'blocking'],
      ['impact-assessment-per-system', 1, '6.1.4, 8.4, A.5.2', 'S9', 'blocking'],
      ['reassessed-after-change', 1, '8.2, 8.4, A.5.2', 'S6, S9', 'blocking'],
      ['treatment-plan-approved', 1, '6.1.3, 8.3', 'S7', 'blocking'],
      ['residual-risks-accepted', 1, '6.1.3, 8.3', 'S7', 'blocking'],
      ['risk-acceptance-valid', 1, '6.1.3, 8.3', 'S7', 'concern'],
      ['soa-approved', 1, '6.1.3 d', 'S8', 'blocking'],
      ['soa-covers-annex-a', 1, '6.1.3 d', 'S8', 'blocking'],
      ['soa-exclusions-justified', 1, '6.1.3 d', 'S8', 'concern'],
      ['soa-includes-treatment-controls', 1, '6.1.3 c–d', 'S8', 'concern'],
      ['objectives-measurable', 1, '6.2', 'S10', 'concern'],
      ['competence-per-ai-role', 1, '7.2, 7.3', 'S11', 'concern'],
      ['mandatory-documents-approved', 1, '7.5', 'S12', 'concern'],
      ['documents-reviewed', 1, '7.5.2', 'S12', 'concern'],
      ['operating-evidence', 1, '8.1, 9.1', 'S13', 'blocking'],
      ['internal-audit-done', 1, '9.2', 'S14', 'blocking'],
      ['management-review-held', 1, '9.3', 'S15', 'blocking'],
      ['management-review-inputs', 1, '9.3.2', 'S15', 'concern'],
      ['nonconformities-handled', 1, '10.2', 'S16', 'concern'],
      ['monitoring-over-period', 2, '9.1', 'O1', 'concern'],
      ['controls-operating', 2, '8.1, 6.1.3', 'O2', 'concern'],
      ['evidence-current', 2, '7.5.3', 'O3', 'concern'],
      ['training-complete', 2, '7.2, 7.3', 'O4', 'concern'],
      ['corrective-actions-on-time', 2, '10.2', 'O5', 'concern'],
    ]);
  });
  it('titles the operating-period rule with its number of months', () => {
    expect(rule('monitoring-over-period').title).toBe(
      'Monitoring records span the operating period (at least 3 months)',
    );
  });
});

describe('which AI systems are in scope', () => {
  it('keeps systems named in the scope, neither archived nor retired', () => {
    const s = empty();
    s.scope = scope({ aiSystemIds: ['a', 'b', 'c'] });
    s.aiSystems = [
      sys('a', 'A'),
      sys('b', 'B', { status: 'archived' }),
      sys('c', 'C', { lifecycleStage: 'retired' }),
      sys('d', 'D'),
    ];
    expect(inScopeSystems(s).map((a) => a.id)).toEqual(['a']);
    s.scope = null;
    expect(inScopeSystems(s)).toEqual([]);
  });
});

describe('scope rules', () => {
  it('scope-approved', () => {
    expect(check('scope-approved', () => {})).toEqual(lacks('No scope written yet', '/scope'));
    expect(check('scope-approved', (s) => (s.scope = scope({ approved: null })))).toEqual(
      failed(['The scope was written but never approved', '/scope']),
    );
    expect(check('scope-approved', (s) => (s.scope = scope()))).toEqual(PASSED);
  });

  it('scope-current', () => {
    expect(check('scope-current', () => {})).toEqual(lacks('No approved scope yet', '/scope'));
    expect(check('scope-current', (s) => (s.scope = scope({ approved: null })))).toEqual(
      lacks('No approved scope yet', '/scope'),
    );
    expect(check('scope-current', (s) => (s.scope = scope({ changedSinceApproval: true })))).toEqual(
      failed(['The scope changed since revision 3 was approved', '/scope']),
    );
    expect(check('scope-current', (s) => (s.scope = scope()))).toEqual(PASSED);
  });

  it('scope-names-ai-systems', () => {
    expect(check('scope-names-ai-systems', (s) => (s.aiSystems = [sys('a', 'A')]))).toEqual(
      lacks('No scope written yet', '/scope'),
    );
    expect(check('scope-names-ai-systems', (s) => (s.scope = scope()))).toEqual(
      lacks('The AI system inventory is empty', '/ai-systems/new'),
    );
    // Only active systems must be placed: a draft or archived one is not in use.
    expect(
      check('scope-names-ai-systems', (s) => {
        s.scope = scope();
        s.aiSystems = [sys('a', 'Alpha'), sys('b', 'Beta', { status: 'draft' }), sys('c', 'Gamma')];
      }),
    ).toEqual(
      failed(
        ['The scope names no AI system', '/scope'],
        ['AI system "Alpha" is in use but neither in the scope nor excluded from it', '/scope'],
        ['AI system "Gamma" is in use but neither in the scope nor excluded from it', '/scope'],
      ),
    );
    expect(
      check('scope-names-ai-systems', (s) => {
        s.scope = scope({ aiSystemIds: ['a'], outOfScope: [{ aiSystemId: 'c', reason: 'pilot' }] });
        s.aiSystems = [sys('a', 'Alpha'), sys('c', 'Gamma')];
      }),
    ).toEqual(PASSED);
  });

  it('scope-exclusions-justified', () => {
    expect(check('scope-exclusions-justified', () => {})).toEqual(lacks('No scope written yet', '/scope'));
    expect(
      check('scope-exclusions-justified', (s) => {
        s.scope = scope({
          units: [],
          sites: [],
          exclusions: [
            { item: 'Lab', justification: '  ' },
            { item: 'Shop', justification: 'No AI there' },
          ],
          outOfScope: [
            { aiSystemId: 'a', reason: '' },
            { aiSystemId: 'zz', reason: ' ' },
            { aiSystemId: 'a', reason: 'pilot only' },
          ],
        });
        s.aiSystems = [sys('a', 'Alpha')];
      }),
    ).toEqual(
      failed(
        ['Exclusion "Lab" has no justification', '/scope'],
        ['AI system "Alpha" is out of scope without a reason', '/scope'],
        ['AI system "an AI system" is out of scope without a reason', '/scope'],
        ['The scope names no organizational unit or site', '/scope'],
      ),
    );
    // A site alone, or a unit alone, names where the AIMS applies.
    expect(check('scope-exclusions-justified', (s) => (s.scope = scope({ units: [], sites: ['Lyon'] })))).toEqual(
      PASSED,
    );
    expect(check('scope-exclusions-justified', (s) => (s.scope = scope({ units: ['HR'], sites: [] })))).toEqual(PASSED);
  });
});

describe('context and leadership rules', () => {
  it('ai-roles-declared', () => {
    expect(check('ai-roles-declared', () => {})).toEqual(
      lacks('The context of the organization was never recorded', '/context'),
    );
    expect(check('ai-roles-declared', (s) => (s.context = { aiRoles: [] }))).toEqual(
      failed(['No AI role is declared in the context', '/context']),
    );
    expect(check('ai-roles-declared', (s) => (s.context = { aiRoles: [{ role: 'customer', reason: 'x' }] }))).toEqual(
      PASSED,
    );
  });

  it('ai-roles-consistent', () => {
    expect(check('ai-roles-consistent', () => {})).toEqual(lacks('No AI role is declared in the context', '/context'));
    expect(check('ai-roles-consistent', (s) => (s.context = { aiRoles: [] }))).toEqual(
      lacks('No AI role is declared in the context', '/context'),
    );
    expect(check('ai-roles-consistent', (s) => (s.context = { aiRoles: [{ role: 'customer', reason: 'x' }] }))).toEqual(
      lacks('The AI system inventory is empty', '/ai-systems/new'),
    );
    expect(
      check('ai-roles-consistent', (s) => {
        s.context = { aiRoles: [{ role: 'customer', reason: 'x' }] };
        s.aiSystems = [
          sys('a', 'Alpha', { aiRoles: ['customer', 'ai_producer_x', 'partner'] }),
          sys('b', 'Beta', { aiRoles: ['provider'], status: 'archived' }),
          sys('c', 'Gamma', { aiRoles: ['producer', 'data_subject_role'] }),
          sys('d', 'Delta', { aiRoles: ['provider'], status: 'draft' }),
        ];
      }),
    ).toEqual(
      failed(
        ['AI system "Alpha" acts as ai producer x, a role the context does not declare', '/context'],
        [
          'AI system "Alpha" acts as partner (it builds or offers AI, not only uses it), a role the context does not declare',
          '/context',
        ],
        [
          'AI system "Gamma" acts as producer (it builds or offers AI, not only uses it), a role the context does not declare',
          '/context',
        ],
        ['AI system "Gamma" acts as data subject role, a role the context does not declare', '/context'],
        [
          'AI system "Delta" acts as provider (it builds or offers AI, not only uses it), a role the context does not declare',
          '/context',
        ],
      ),
    );
  });

  it('roles-assigned', () => {
    expect(check('roles-assigned', () => {})).toEqual(lacks('No governance roles recorded', '/governance'));
    expect(check('roles-assigned', (s) => (s.roles = { topManagement: 0, pillarOwners: 0, raciAssigned: 0 }))).toEqual(
      failed(
        ['No member is marked as top management', '/members'],
        ['No governance pillar has an owner and no RACI activity is assigned', '/governance'],
      ),
    );
    // Either pillar owners or RACI assignments show the responsibilities are assigned.
    expect(check('roles-assigned', (s) => (s.roles = { topManagement: 1, pillarOwners: 0, raciAssigned: 2 }))).toEqual(
      PASSED,
    );
    expect(check('roles-assigned', (s) => (s.roles = { topManagement: 1, pillarOwners: 2, raciAssigned: 0 }))).toEqual(
      PASSED,
    );
  });

  it('ai-policy-approved', () => {
    expect(check('ai-policy-approved', () => {})).toEqual(lacks('No documented information yet', '/documentation'));
    expect(check('ai-policy-approved', (s) => (s.documents = [doc('scope')]))).toEqual(
      failed(['The AI policy does not exist', '/documentation']),
    );
    expect(check('ai-policy-approved', (s) => (s.documents = [doc('ai-policy', { state: 'missing' })]))).toEqual(
      failed(['The AI policy does not exist', '/documentation']),
    );
    expect(check('ai-policy-approved', (s) => (s.documents = [doc('ai-policy', { state: 'in_review' })]))).toEqual(
      failed(['The AI policy is in review, not approved', '/documentation']),
    );
    expect(
      check('ai-policy-approved', (s) => (s.documents = [doc('ai-policy', { approvedByTopManagement: false })])),
    ).toEqual(failed(['The AI policy was approved by someone who is not top management', '/documentation']));
    // Not known who approved (older records): not held against the organization.
    expect(check('ai-policy-approved', (s) => (s.documents = [doc('ai-policy')]))).toEqual(PASSED);
    expect(check('ai-policy-approved', (s) => (s.documents = [doc('ai-policy', { state: 'published' })]))).toEqual(
      PASSED,
    );
  });

  it('ai-policy-communicated', () => {
    const none = lacks('No approved AI policy to communicate', '/documentation');
    expect(check('ai-policy-communicated', () => {})).toEqual(none);
    expect(check('ai-policy-communicated', (s) => (s.documents = [doc('scope')]))).toEqual(none);
    expect(check('ai-policy-communicated', (s) => (s.documents = [doc('ai-policy', { state: 'draft' })]))).toEqual(
      none,
    );
    expect(check('ai-policy-communicated', (s) => (s.documents = [doc('ai-policy')]))).toEqual(
      failed(['The AI policy is approved but not published', '/documentation']),
    );
    expect(check('ai-policy-communicated', (s) => (s.documents = [doc('ai-policy', { state: 'published' })]))).toEqual(
      PASSED,
    );
  });
});

describe('risk rules', () => {
  it('risk-criteria-approved', () => {
    expect(check('risk-criteria-approved', () => {})).toEqual(lacks('No risk criteria yet', '/risk-criteria'));
    expect(
      check('risk-criteria-approved', (s) => (s.riskCriteria = { approvedNumbers: [], firstApprovedAt: null })),
    ).toEqual(failed(['The risk criteria were never approved (the defaults apply)', '/risk-criteria']));
    expect(
      check('risk-criteria-approved', (s) => {
        s.riskCriteria = { approvedNumbers: [1, 3], firstApprovedAt: '2026-01-01' };
        s.risks = [
          risk('1', { criteriaNumber: 2, title: 'Bias' }),
          risk('2', { criteriaNumber: 2, rated: false }),
          risk('3', { criteriaNumber: null }),
          risk('4', { criteriaNumber: 3 }),
        ];
      }),
    ).toEqual(failed(['RISK-1 "Bias" is rated with criteria No. 2, never approved', '/risks/1']));
    expect(
      check('risk-criteria-approved', (s) => (s.riskCriteria = { approvedNumbers: [1], firstApprovedAt: null })),
    ).toEqual(PASSED);
  });

  it('risk-assessment-per-system', () => {
    expect(check('risk-assessment-per-system', () => {})).toEqual(
      lacks('No AI system in the approved scope', '/scope'),
    );
    const withSystems = (s: ReadinessSnapshot) => {
      s.scope = scope({ aiSystemIds: ['a', 'b'] });
      s.aiSystems = [sys('a', 'Alpha'), sys('b', 'Beta')];
    };
    expect(check('risk-assessment-per-system', withSystems)).toEqual(lacks('No risk assessed yet', '/risks/new'));
    expect(
      check('risk-assessment-per-system', (s) => {
        withSystems(s);
        s.risks = [risk('1', { aiSystemId: 'a' }), risk('2', { aiSystemId: 'b', rated: false })];
      }),
    ).toEqual(failed(['AI system "Beta" has no rated risk', '/risks/new']));
  });

  it('impact-assessment-per-system', () => {
    expect(check('impact-assessment-per-system', () => {})).toEqual(
      lacks('No AI system in the approved scope', '/scope'),
    );
    const withSystems = (s: ReadinessSnapshot) => {
      s.scope = scope({ aiSystemIds: ['a', 'b', 'c'] });
      s.aiSystems = [sys('a', 'Alpha'), sys('b', 'Beta'), sys('c', 'Gamma')];
    };
    expect(check('impact-assessment-per-system', withSystems)).toEqual(
      lacks('No impact assessment yet', '/impact-assessments/new'),
    );
    const ia = (id: string, aiSystemId: string, status: string) => ({
      id,
      ref: `AIIA-${id}`,
      title: id,
      aiSystemId,
      status,
      signedOffAt: null,
    });
    expect(
      check('impact-assessment-per-system', (s) => {
        withSystems(s);
        s.impactAssessments = [
          ia('1', 'b', 'draft'),
          ia('2', 'b', 'in_review'),
          ia('3', 'c', 'draft'),
          ia('4', 'c', 'signed_off'),
        ];
      }),
    ).toEqual(
      failed(
        ['AI system "Alpha" has no impact assessment', '/impact-assessments/new'],
        ['AIIA-1 for "Beta" is not signed off', '/impact-assessments/1'],
      ),
    );
  });

  describe('reassessed-after-change', () => {
    const withSystems = (s: ReadinessSnapshot) => {
      s.scope = scope({ aiSystemIds: ['a', 'b'] });
      s.aiSystems = [sys('a', 'Alpha'), sys('b', 'Beta')];
    };
    it('without recorded changes, needs a confirmation from the last 12 months for each in-scope system', () => {
      expect(check('reassessed-after-change', () => {})).toEqual(lacks('No AI system in the approved scope', '/scope'));
      expect(check('reassessed-after-change', withSystems)).toEqual(
        lacks(
          'No change recorded and no "no significant change" confirmed in the last 12 months for "Alpha", "Beta": record its changes, or confirm it did not change',
          '/ai-systems/a',
        ),
      );
      // 2025-12-01 is exactly 12 months before today: still within the year.
      expect(
        check('reassessed-after-change', (s) => {
          withSystems(s);
          s.noChangeConfirmations = [
            { aiSystemId: 'b', confirmedOn: '2025-12-01' },
            { aiSystemId: 'a', confirmedOn: '2025-11-30' },
          ];
        }),
      ).toEqual(
        lacks(
          'No change recorded and no "no significant change" confirmed in the last 12 months for "Alpha": record its changes, or confirm it did not change',
          '/ai-systems/a',
        ),
      );
    });
    it('with recorded changes, names each assessment not re-run', () => {
      expect(
        check('reassessed-after-change', (s) => {
          withSystems(s);
          s.pendingReassessments = [
            {
              aiSystemId: 'a',
              changeRef: 'CHG-1',
              changedOn: '2026-11-02',
              riskAssessmentRerun: false,
              impactAssessmentRerun: false,
            },
            {
              aiSystemId: 'zz',
              changeRef: 'CHG-2',
              changedOn: '2026-11-03',
              riskAssessmentRerun: true,
              impactAssessmentRerun: false,
            },
            {
              aiSystemId: 'b',
              changeRef: 'CHG-3',
              changedOn: '2026-11-04',
              riskAssessmentRerun: true,
              impactAssessmentRerun: true,
            },
          ];
        }),
      ).toEqual(
        failed(
          ['Risks of "Alpha" not re-assessed after change CHG-1 (2026-11-02)', '/risks'],
          ['Impact of "Alpha" not re-assessed after change CHG-1 (2026-11-02)', '/impact-assessments/new'],
          ['Impact of "an AI system" not re-assessed after change CHG-2 (2026-11-03)', '/impact-assessments/new'],
        ),
      );
    });
  });

  it('treatment-plan-approved', () => {
    const none = lacks('No risk to treat yet', '/risks/new');
    expect(check('treatment-plan-approved', (s) => (s.risks = [risk('1')]))).toEqual(none);
    expect(
      check(
        'treatment-plan-approved',
        (s) => (s.treatmentPlan = { number: 2, approvedAt: null, changedSinceApproval: false }),
      ),
    ).toEqual(none);
    expect(
      check('treatment-plan-approved', (s) => {
        s.treatmentPlan = { number: 2, approvedAt: null, changedSinceApproval: false };
        s.risks = [];
      }),
    ).toEqual(none);
    expect(
      check('treatment-plan-approved', (s) => {
        s.treatmentPlan = { number: 2, approvedAt: null, changedSinceApproval: false };
        s.risks = [risk('1')];
      }),
    ).toEqual(failed(['Treatment plan version 2 was never approved', '/risk-treatment-plan']));
  });

  it('residual-risks-accepted', () => {
    expect(check('residual-risks-accepted', () => {})).toEqual(lacks('No risk assessed yet', '/risks/new'));
    expect(check('residual-risks-accepted', (s) => (s.risks = []))).toEqual(
      lacks('No risk assessed yet', '/risks/new'),
    );
    expect(
      check(
        'residual-risks-accepted',
        (s) => (s.risks = [risk('1', { needsAttention: true, title: 'Bias' }), risk('2')]),
      ),
    ).toEqual(failed(['RISK-1 "Bias" is above the acceptance level with no treatment or acceptance', '/risks/1']));
  });

  it('risk-acceptance-valid', () => {
    expect(check('risk-acceptance-valid', () => {})).toEqual(lacks('No residual risk accepted yet', '/risks'));
    expect(check('risk-acceptance-valid', (s) => (s.risks = [risk('1')]))).toEqual(
      lacks('No residual risk accepted yet', '/risks'),
    );
    // Valid through its expiry day; expired from the next.
    expect(
      check('risk-acceptance-valid', (s) => {
        s.risks = [
          risk('1', { acceptanceExpiresOn: '2026-11-30', title: 'Bias' }),
          risk('2', { acceptanceExpiresOn: '2026-12-01' }),
        ];
      }),
    ).toEqual(failed(['The acceptance of RISK-1 "Bias" expired on 2026-11-30', '/risks/1']));
  });
});

describe('SoA rules', () => {
  const item = (ref: string, included: boolean | null, justification = '') => ({
    ref,
    kind: 'annex_a' as const,
    included,
    justification,
  });
  it('soa-approved', () => {
    expect(check('soa-approved', () => {})).toEqual(lacks('No SoA yet', '/soa'));
    expect(
      check('soa-approved', (s) => (s.soa = { approvedVersion: null, changedSinceApproval: false, items: [] })),
    ).toEqual(failed(['The SoA was never approved', '/soa']));
    expect(
      check('soa-approved', (s) => (s.soa = { approvedVersion: 4, changedSinceApproval: true, items: [] })),
    ).toEqual(failed(['The SoA changed since version 4 was approved', '/soa']));
    // Version 0 is an approved version, not "never approved".
    expect(
      check('soa-approved', (s) => (s.soa = { approvedVersion: 0, changedSinceApproval: false, items: [] })),
    ).toEqual(PASSED);
  });

  it('soa-covers-annex-a: counts the undecided controls and names the first five', () => {
    expect(check('soa-covers-annex-a', () => {})).toEqual(lacks('No SoA yet', '/soa'));
    expect(
      check('soa-covers-annex-a', (s) => (s.soa = { approvedVersion: 1, changedSinceApproval: false, items: [] })),
    ).toEqual(lacks('No SoA yet', '/soa'));
    const refs = ['A.2.2', 'A.2.3', 'A.2.4', 'A.3.2', 'A.3.3', 'A.4.2'];
    expect(
      check('soa-covers-annex-a', (s) => {
        s.soa = {
          approvedVersion: 1,
          changedSinceApproval: false,
          items: [item('A.1', true), ...refs.map((r) => item(r, null))],
        };
      }),
    ).toEqual(failed(['6 controls undecided in the SoA: A.2.2, A.2.3, A.2.4, A.3.2, A.3.3…', '/soa']));
    expect(
      check('soa-covers-annex-a', (s) => {
        s.soa = { approvedVersion: 1, changedSinceApproval: false, items: refs.slice(0, 5).map((r) => item(r, null)) };
      }),
    ).toEqual(failed(['5 controls undecided in the SoA: A.2.2, A.2.3, A.2.4, A.3.2, A.3.3', '/soa']));
    expect(
      check('soa-covers-annex-a', (s) => {
        s.soa = { approvedVersion: 1, changedSinceApproval: false, items: [item('A.1', true), item('A.2', false)] };
      }),
    ).toEqual(PASSED);
  });

  it('soa-exclusions-justified', () => {
    expect(check('soa-exclusions-justified', () => {})).toEqual(lacks('No SoA yet', '/soa'));
    expect(
      check('soa-exclusions-justified', (s) => {
        s.soa = {
          approvedVersion: 1,
          changedSinceApproval: false,
          items: [item('A.1', false, ' '), item('A.2', true), item('A.3', null), item('A.4', false, 'No suppliers')],
        };
      }),
    ).toEqual(failed(['Control A.1 is excluded without a justification', '/soa']));
  });

  it('soa-includes-treatment-controls', () => {
    const soa = {
      approvedVersion: 1,
      changedSinceApproval: false,
      items: [item('A.1', false, 'n/a'), item('A.2', true)],
    };
    expect(check('soa-includes-treatment-controls', () => {})).toEqual(lacks('No SoA yet', '/soa'));
    expect(check('soa-includes-treatment-controls', (s) => (s.soa = soa))).toEqual(
      lacks('No risk treatment names a control yet', '/risks'),
    );
    expect(
      check('soa-includes-treatment-controls', (s) => {
        s.soa = soa;
        s.risks = [risk('1')];
      }),
    ).toEqual(lacks('No risk treatment names a control yet', '/risks'));
    // A control the SoA does not list yet is not "excluded".
    expect(
      check('soa-includes-treatment-controls', (s) => {
        s.soa = soa;
        s.risks = [
          risk('1', { treatmentControlRefs: ['A.2', 'A.1', 'A.9'] }),
          risk('2', { treatmentControlRefs: ['A.1'] }),
        ];
      }),
    ).toEqual(
      failed(
        ['RISK-1 is treated with control A.1, which the SoA excludes', '/soa'],
        ['RISK-2 is treated with control A.1, which the SoA excludes', '/soa'],
      ),
    );
  });
});

describe('support rules', () => {
  it('objectives-measurable', () => {
    const obj = (id: string, over: Partial<NonNullable<ReadinessSnapshot['objectives']>[number]>) => ({
      id,
      ref: `OBJ-${id}`,
      title: `Goal ${id}`,
      measurable: true,
      ownerId: 'u',
      status: 'in_progress',
      ...over,
    });
    expect(check('objectives-measurable', () => {})).toEqual(lacks('No AI objective yet', '/objectives'));
    expect(check('objectives-measurable', (s) => (s.objectives = []))).toEqual(
      lacks('No AI objective yet', '/objectives'),
    );
    expect(
      check('objectives-measurable', (s) => {
        s.objectives = [
          obj('1', { measurable: false, ownerId: null }),
          obj('2', { measurable: false, ownerId: null, status: 'cancelled' }),
          obj('3', {}),
        ];
      }),
    ).toEqual(
      failed(
        ['OBJ-1 "Goal 1" has no target to measure against', '/objectives/1'],
        ['OBJ-1 "Goal 1" has no owner', '/objectives/1'],
      ),
    );
  });

  it('competence-per-ai-role', () => {
    const person = (id: string, over: Partial<NonNullable<ReadinessSnapshot['people']>[number]>) => ({
      id,
      name: `P${id}`,
      aiRoles: ['provider'],
      active: true,
      validCompletions: 0,
      ...over,
    });
    const none = lacks('No person with an AI role recorded', '/people');
    expect(check('competence-per-ai-role', () => {})).toEqual(none);
    expect(
      check(
        'competence-per-ai-role',
        (s) => (s.people = [person('1', { active: false }), person('2', { aiRoles: [] })]),
      ),
    ).toEqual(none);
    expect(
      check('competence-per-ai-role', (s) => {
        s.people = [
          person('1', { aiRoles: ['provider', 'developer'] }),
          person('2', { validCompletions: 1 }),
          person('3', { active: false }),
        ];
      }),
    ).toEqual(failed(['P1 (provider, developer) has no valid training or competence record', '/people/1']));
  });

  it('mandatory-documents-approved', () => {
    const none = lacks('No documented information yet', '/documentation');
    expect(check('mandatory-documents-approved', () => {})).toEqual(none);
    expect(check('mandatory-documents-approved', (s) => (s.documents = [doc('x', { mandatory: false })]))).toEqual(
      none,
    );
    expect(
      check('mandatory-documents-approved', (s) => {
        s.documents = [
          doc('a', { title: 'AI policy', state: 'missing' }),
          doc('b', { title: 'Scope', state: 'in_review' }),
          doc('c', { state: 'published' }),
          doc('d', { state: 'records' }),
          doc('e'),
          doc('f', { mandatory: false, state: 'missing' }),
        ];
      }),
    ).toEqual(failed(['"AI policy" is missing', '/documentation'], ['"Scope" is in review', '/documentation']));
  });

  it('documents-reviewed: due on or after today is not overdue', () => {
    expect(check('documents-reviewed', () => {})).toEqual(
      lacks('No approved document with a review date yet', '/documentation'),
    );
    expect(
      check('documents-reviewed', (s) => {
        s.documents = [
          doc('a', { title: 'Policy', nextReviewAt: '2026-11-30T23:00:00Z' }),
          doc('b', { nextReviewAt: '2026-12-01T08:00:00Z' }),
          doc('c', { nextReviewAt: null }),
        ];
      }),
    ).toEqual(failed(['"Policy" was due for review on 2026-11-30', '/documentation']));
  });
});

describe('operation and evaluation rules', () => {
  const metric = (id: string, measurements: number, firstAt: string | null) => ({
    id,
    ref: `MET-${id}`,
    name: id,
    measurements,
    firstAt,
    lastAt: firstAt,
  });
  const control = (ref: string, status: string, occurrences: number) => ({
    ref,
    status,
    occurrences,
    lastOccurrenceOn: null,
  });

  it('operating-evidence: a measurement or a control occurrence is enough', () => {
    expect(check('operating-evidence', () => {})).toEqual(
      lacks('No metric and no control implementation yet', '/metrics'),
    );
    const nothing = failed([
      'No measurement and no recorded control occurrence: nothing shows the AIMS operating',
      '/metrics',
    ]);
    expect(check('operating-evidence', (s) => (s.metrics = [metric('1', 0, null)]))).toEqual(nothing);
    expect(check('operating-evidence', (s) => (s.controls = [control('A.1', 'operating', 0)]))).toEqual(nothing);
    expect(check('operating-evidence', (s) => (s.metrics = [metric('1', 1, '2026-01-01')]))).toEqual(PASSED);
    expect(check('operating-evidence', (s) => (s.controls = [control('A.1', 'operating', 1)]))).toEqual(PASSED);
  });

  it('internal-audit-done', () => {
    const audit = (id: string, completedOn: string | null, auditorIndependent: boolean, coversAims: boolean) => ({
      id,
      ref: `AUD-${id}`,
      completedOn,
      auditorIndependent,
      coversAims,
    });
    expect(check('internal-audit-done', () => {})).toEqual(
      lacks('Internal audits are not recorded in Fortytwo yet', '/internal-audit'),
    );
    expect(check('internal-audit-done', (s) => (s.internalAudits = [audit('1', null, true, true)]))).toEqual(
      failed(['No internal audit completed', '/internal-audit']),
    );
    expect(
      check('internal-audit-done', (s) => {
        s.internalAudits = [
          audit('1', '2026-10-01', false, true),
          audit('2', '2026-10-02', true, false),
          audit('3', '2026-10-03', false, false),
          audit('4', null, true, true),
        ];
      }),
    ).toEqual(
      failed(
        ['AUD-1 was done by an auditor auditing their own work', '/audits/1'],
        ['AUD-2 does not cover the whole AIMS', '/audits/2'],
        ['AUD-3 was done by an auditor auditing their own work', '/audits/3'],
      ),
    );
    expect(
      check(
        'internal-audit-done',
        (s) => (s.internalAudits = [audit('1', '2026-10-01', false, true), audit('2', '2026-10-02', true, true)]),
      ),
    ).toEqual(PASSED);
  });

  it('management-review-held', () => {
    const mr = (id: string, heldOn: string | null, byTopManagement: boolean) => ({
      id,
      ref: `MR-${id}`,
      heldOn,
      byTopManagement,
      missingInputs: [],
    });
    expect(check('management-review-held', () => {})).toEqual(
      lacks('Management reviews are not recorded in Fortytwo yet', '/management-reviews'),
    );
    expect(check('management-review-held', (s) => (s.managementReviews = [mr('1', null, true)]))).toEqual(
      failed(['No management review held', '/management-reviews']),
    );
    expect(
      check(
        'management-review-held',
        (s) => (s.managementReviews = [mr('1', '2026-01-01', false), mr('2', null, true)]),
      ),
    ).toEqual(failed(['MR-1 was held without top management', '/management-reviews/1']));
    expect(
      check(
        'management-review-held',
        (s) => (s.managementReviews = [mr('1', '2026-01-01', false), mr('2', '2026-02-01', true)]),
      ),
    ).toEqual(PASSED);
  });

  it('management-review-inputs: reads the latest review held', () => {
    const mr = (id: string, heldOn: string | null, missingInputs: string[]) => ({
      id,
      ref: `MR-${id}`,
      heldOn,
      byTopManagement: true,
      missingInputs,
    });
    expect(check('management-review-inputs', () => {})).toEqual(
      lacks('No management review held yet', '/management-reviews'),
    );
    expect(check('management-review-inputs', (s) => (s.managementReviews = [mr('1', null, ['x'])]))).toEqual(
      lacks('No management review held yet', '/management-reviews'),
    );
    expect(
      check('management-review-inputs', (s) => {
        s.managementReviews = [
          mr('1', '2026-03-01', ['a']),
          mr('2', '2026-09-01', ['audit results', 'risk results']),
          mr('3', '2026-05-01', []),
          mr('4', null, ['b']),
        ];
      }),
    ).toEqual(
      failed(
        ['MR-2 did not consider: audit results', '/management-reviews/2'],
        ['MR-2 did not consider: risk results', '/management-reviews/2'],
      ),
    );
    expect(
      check(
        'management-review-inputs',
        (s) => (s.managementReviews = [mr('1', '2026-03-01', ['a']), mr('2', '2026-09-01', [])]),
      ),
    ).toEqual(PASSED);
  });

  it('nonconformities-handled: lists what each open one lacks', () => {
    const nc = (id: string, over: Partial<NonNullable<ReadinessSnapshot['nonconformities']>[number]>) => ({
      id,
      ref: `NC-${id}`,
      status: 'open',
      rootCause: 'cause',
      ownerId: 'u',
      dueDate: '2027-01-01',
      correctiveActionOverdue: false,
      ...over,
    });
    expect(check('nonconformities-handled', () => {})).toEqual(
      lacks('Nonconformities are not recorded in Fortytwo yet', '/nonconformities'),
    );
    expect(
      check('nonconformities-handled', (s) => {
        s.nonconformities = [
          nc('1', { rootCause: ' ', ownerId: null, dueDate: null }),
          nc('2', { dueDate: null }),
          nc('3', { ownerId: null }),
          nc('4', { rootCause: '', ownerId: null, dueDate: null, status: 'closed' }),
          nc('5', {}),
        ];
      }),
    ).toEqual(
      failed(
        ['NC-1 has no a root cause, an owner, a due date', '/nonconformities/1'],
        ['NC-2 has no a due date', '/nonconformities/2'],
        ['NC-3 has no an owner', '/nonconformities/3'],
      ),
    );
  });

  it('monitoring-over-period: three months from the first measurement', () => {
    expect(check('monitoring-over-period', () => {})).toEqual(lacks('No metric has measurements yet', '/metrics'));
    expect(
      check('monitoring-over-period', (s) => (s.metrics = [metric('1', 0, '2026-01-01'), metric('2', 3, null)])),
    ).toEqual(lacks('No metric has measurements yet', '/metrics'));
    // The earliest first measurement counts: 2026-09-01 + 3 months = 2026-12-01, today: enough.
    expect(
      check(
        'monitoring-over-period',
        (s) => (s.metrics = [metric('1', 2, '2026-10-15T09:00:00Z'), metric('2', 1, '2026-09-01T10:00:00Z')]),
      ),
    ).toEqual(PASSED);
    expect(check('monitoring-over-period', (s) => (s.metrics = [metric('1', 2, '2026-09-02T09:00:00Z')]))).toEqual(
      failed(['Monitoring records start on 2026-09-02: less than 3 months of operation', '/metrics']),
    );
  });

  it('controls-operating', () => {
    const soa = {
      approvedVersion: 1,
      changedSinceApproval: false,
      items: ['A.1', 'A.2', 'A.3', 'A.4'].map((ref) => ({
        ref,
        kind: 'annex_a' as const,
        included: true,
        justification: '',
      })),
    };
    soa.items.push({ ref: 'A.9', kind: 'annex_a', included: false, justification: 'n/a' });
    expect(check('controls-operating', () => {})).toEqual(lacks('No control included in the SoA yet', '/soa'));
    expect(check('controls-operating', (s) => (s.soa = soa))).toEqual(
      lacks('No control implementation recorded yet', '/controls'),
    );
    expect(
      check('controls-operating', (s) => {
        s.soa = soa;
        s.controls = [
          control('A.1', 'needs_rework', 3),
          control('A.3', 'operating', 0),
          control('A.4', 'operating', 2),
        ];
      }),
    ).toEqual(
      failed(
        ['Control A.1 is included but needs rework', '/controls/A.1'],
        ['Control A.2 is included but not implemented', '/controls/A.2'],
        ['Control A.3 operates but no occurrence is recorded', '/controls/A.3'],
      ),
    );
  });

  it('evidence-current: valid through its expiry day', () => {
    expect(check('evidence-current', () => {})).toEqual(lacks('No evidence in the library yet', '/evidence'));
    expect(check('evidence-current', (s) => (s.evidence = []))).toEqual(
      lacks('No evidence in the library yet', '/evidence'),
    );
    expect(
      check('evidence-current', (s) => {
        s.evidence = [
          { id: '1', ref: 'EV-1', title: 'Bias test', expiresOn: '2026-11-30' },
          { id: '2', ref: 'EV-2', title: 'Log', expiresOn: '2026-12-01' },
          { id: '3', ref: 'EV-3', title: 'Policy', expiresOn: null },
        ];
      }),
    ).toEqual(failed(['EV-1 "Bias test" expired on 2026-11-30', '/evidence/1']));
  });

  it('training-complete: only open trainings past their due day', () => {
    expect(check('training-complete', () => {})).toEqual(lacks('No training assigned yet', '/trainings'));
    expect(check('training-complete', (s) => (s.trainings = []))).toEqual(
      lacks('No training assigned yet', '/trainings'),
    );
    expect(
      check('training-complete', (s) => {
        s.trainings = [
          { id: '1', personName: 'Ana', title: 'Ethics', dueOn: '2026-11-30', status: 'open' },
          { id: '2', personName: 'Ben', title: 'Ethics', dueOn: '2026-12-01', status: 'open' },
          { id: '3', personName: 'Cy', title: 'Ethics', dueOn: '2026-01-01', status: 'done' },
          { id: '4', personName: 'Di', title: 'Ethics', dueOn: null, status: 'open' },
        ];
      }),
    ).toEqual(failed(['Ana: "Ethics" was due on 2026-11-30', '/trainings']));
  });

  it('corrective-actions-on-time', () => {
    const nc = (id: string, status: string, correctiveActionOverdue: boolean) => ({
      id,
      ref: `NC-${id}`,
      status,
      rootCause: 'c',
      ownerId: 'u',
      dueDate: null,
      correctiveActionOverdue,
    });
    expect(check('corrective-actions-on-time', () => {})).toEqual(
      lacks('Nonconformities are not recorded in Fortytwo yet', '/nonconformities'),
    );
    expect(
      check('corrective-actions-on-time', (s) => {
        s.nonconformities = [nc('1', 'open', true), nc('2', 'closed', true), nc('3', 'open', false)];
      }),
    ).toEqual(failed(['NC-1 has an overdue corrective action', '/nonconformities/1']));
  });
});

describe('runReadiness: order, counts, verdict and summary', () => {
  type Outcome = 'passed' | 'failed' | 'lacks';
  const mk = (id: string, stage: 1 | 2, grade: ReadinessRule['grade'], outcome: Outcome): ReadinessRule => ({
    id,
    stage,
    ref: `ref-${id}`,
    checklist: `S-${id}`,
    title: id.toUpperCase(),
    grade,
    check: () =>
      outcome === 'passed'
        ? { status: 'passed' }
        : outcome === 'lacks'
          ? { status: 'lacks_data', reason: { message: `no ${id}`, href: `/${id}` } }
          : { status: 'failed', reasons: [{ message: `bad ${id}`, href: `/${id}` }] },
  });
  const RULES = [
    mk('p', 1, 'note', 'passed'),
    mk('a', 1, 'concern', 'failed'),
    mk('b', 1, 'blocking', 'lacks'),
    mk('c', 1, 'blocking', 'failed'),
    mk('d', 1, 'note', 'failed'),
    mk('e', 1, 'blocking', 'passed'),
    mk('f', 2, 'blocking', 'failed'),
    mk('g', 1, 'blocking', 'failed'),
    mk('h', 1, 'concern', 'lacks'),
  ];

  it('puts failing before lacking data before passed, blocking first; passed keep their order', () => {
    const result = runReadiness(empty(), 1, RULES);
    expect(result.findings.map((f) => f.id)).toEqual(['c', 'g', 'a', 'd', 'b', 'h', 'p', 'e']);
    expect(result.counts).toEqual({ passed: 2, blocking: 3, concern: 2, note: 1, lacksData: 2 });
    expect(result.verdict).toBe('not_ready');
    expect(result.stage).toBe(1);
    expect(result.summary).toBe('Not ready for stage 1: 3 blocking findings (C; G; B — lacks data)');
  });

  it('carries each finding’s rule, status and reasons', () => {
    const byId = Object.fromEntries(runReadiness(empty(), 1, RULES).findings.map((f) => [f.id, f]));
    expect(byId.c).toEqual({
      id: 'c',
      ref: 'ref-c',
      checklist: 'S-c',
      title: 'C',
      grade: 'blocking',
      status: 'failed',
      reasons: [{ message: 'bad c', href: '/c' }],
    });
    expect(byId.b).toMatchObject({ status: 'lacks_data', reasons: [{ message: 'no b', href: '/b' }] });
    expect(byId.e).toMatchObject({ status: 'passed', reasons: [] });
  });

  it('adds the stage-2 rules for stage 2, and names at most three blockers', () => {
    const result = runReadiness(empty(), 2, RULES);
    expect(result.findings.map((f) => f.id)).toEqual(['c', 'f', 'g', 'a', 'd', 'b', 'h', 'p', 'e']);
    expect(result.summary).toBe('Not ready for stage 2: 4 blocking findings (C; F; G; …)');
  });

  it('says "finding" for one blocker', () => {
    const result = runReadiness(empty(), 1, [mk('c', 1, 'blocking', 'failed'), mk('a', 1, 'concern', 'failed')]);
    expect(result.summary).toBe('Not ready for stage 1: 1 blocking finding (C)');
  });

  it('is ready with concerns when a concern or a note is open, counting both', () => {
    const one = runReadiness(empty(), 1, [mk('d', 1, 'note', 'failed'), mk('e', 1, 'blocking', 'passed')]);
    expect(one.verdict).toBe('ready_with_concerns');
    expect(one.summary).toBe('Ready for stage 1 with 1 concern an auditor would likely raise');
    const two = runReadiness(empty(), 2, [mk('d', 1, 'note', 'failed'), mk('h', 2, 'concern', 'lacks')]);
    expect(two.verdict).toBe('ready_with_concerns');
    expect(two.summary).toBe('Ready for stage 2 with 2 concerns an auditor would likely raise');
  });

  it('is ready when every rule passes', () => {
    const result = runReadiness(empty(), 2, [mk('e', 1, 'blocking', 'passed'), mk('p', 2, 'note', 'passed')]);
    expect(result).toMatchObject({
      verdict: 'ready',
      summary: 'Ready for stage 2: every rule passes',
      counts: { passed: 2, blocking: 0, concern: 0, note: 0, lacksData: 0 },
    });
  });
});
