import { describe, expect, it } from 'vitest';
import { READINESS_RULES, runReadiness, type ReadinessSnapshot } from './readiness';

// One organization where every rule passes; each rule's case breaks it one way (fails) and takes its
// data away another (lacks data). Then whole fictional organizations whose expected stage-1 findings
// were written down before the rules ran on them.

function good(): ReadinessSnapshot {
  return {
    today: '2026-12-01',
    scope: {
      approved: { revision: 2, approvedAt: '2026-06-01T10:00:00Z' },
      changedSinceApproval: false,
      aiSystemIds: ['sys-1', 'sys-2'],
      units: ['Claims'],
      sites: ['Lyon'],
      exclusions: [{ item: 'Research lab', justification: 'No AI in production there' }],
      outOfScope: [{ aiSystemId: 'sys-3', reason: 'Pilot only, no users' }],
    },
    context: {
      aiRoles: [
        { role: 'customer', reason: 'We buy a chatbot' },
        { role: 'provider', reason: 'We sell scoring' },
      ],
    },
    aiSystems: [
      { id: 'sys-1', name: 'Claim scorer', aiRoles: ['provider'], lifecycleStage: 'operation', status: 'active' },
      { id: 'sys-2', name: 'Support bot', aiRoles: ['customer'], lifecycleStage: 'operation', status: 'active' },
      { id: 'sys-3', name: 'Pilot', aiRoles: ['customer'], lifecycleStage: 'design', status: 'active' },
    ],
    roles: { topManagement: 1, pillarOwners: 3, raciAssigned: 8 },
    riskCriteria: { approvedNumbers: [1], firstApprovedAt: '2026-05-01T00:00:00Z' },
    risks: [
      {
        id: 'r1',
        ref: 'RISK-1',
        title: 'Biased scores',
        aiSystemId: 'sys-1',
        rated: true,
        criteriaNumber: 1,
        needsAttention: false,
        acceptanceExpiresOn: '2027-06-01',
        treatmentControlRefs: ['A.6.2.4'],
      },
      {
        id: 'r2',
        ref: 'RISK-2',
        title: 'Wrong answers',
        aiSystemId: 'sys-2',
        rated: true,
        criteriaNumber: 1,
        needsAttention: false,
        acceptanceExpiresOn: null,
        treatmentControlRefs: [],
      },
    ],
    treatmentPlan: { number: 1, approvedAt: '2026-06-10T00:00:00Z', changedSinceApproval: false },
    impactAssessments: [
      {
        id: 'i1',
        ref: 'AIIA-1',
        title: 'Scorer',
        aiSystemId: 'sys-1',
        status: 'signed_off',
        signedOffAt: '2026-06-05T00:00:00Z',
      },
      { id: 'i2', ref: 'AIIA-2', title: 'Bot', aiSystemId: 'sys-2', status: 'signed_off', signedOffAt: '2026-06-05' },
    ],
    soa: {
      approvedVersion: 1,
      changedSinceApproval: false,
      items: [
        { ref: 'A.6.2.4', kind: 'annex_a', included: true, justification: 'RISK-1' },
        { ref: 'A.10.4', kind: 'annex_a', included: false, justification: 'We supply no customers with AI services' },
      ],
    },
    objectives: [
      { id: 'o1', ref: 'OBJ-1', title: 'Fewer biased scores', measurable: true, ownerId: 'u1', status: 'in_progress' },
    ],
    people: [{ id: 'p1', name: 'Ana', aiRoles: ['provider'], active: true, validCompletions: 2 }],
    documents: [
      {
        key: 'ai-policy',
        title: 'AI policy',
        mandatory: true,
        state: 'published',
        approvedAt: '2026-05-01',
        nextReviewAt: '2027-05-01',
        approvedByTopManagement: true,
      },
      {
        key: 'scope',
        title: 'AIMS scope',
        mandatory: true,
        state: 'records',
        approvedAt: null,
        nextReviewAt: null,
      },
    ],
    controls: [{ ref: 'A.6.2.4', status: 'operating', occurrences: 4, lastOccurrenceOn: '2026-11-20' }],
    evidence: [{ id: 'e1', ref: 'EV-1', title: 'Bias test', expiresOn: '2027-01-01' }],
    metrics: [
      { id: 'm1', ref: 'MET-1', name: 'Bias gap', measurements: 20, firstAt: '2026-06-15', lastAt: '2026-11-30' },
    ],
    trainings: [{ id: 't1', personName: 'Ana', title: 'AI ethics', dueOn: '2026-12-20', status: 'open' }],
    internalAudits: [
      { id: 'ia1', ref: 'AUD-1', completedOn: '2026-10-01', auditorIndependent: true, coversAims: true },
    ],
    managementReviews: [{ id: 'mr1', ref: 'MR-1', heldOn: '2026-10-20', byTopManagement: true, missingInputs: [] }],
    nonconformities: [
      {
        id: 'nc1',
        ref: 'NC-1',
        status: 'open',
        rootCause: 'No checklist',
        ownerId: 'u1',
        dueDate: '2027-01-10',
        correctiveActionOverdue: false,
      },
    ],
    pendingReassessments: [
      {
        aiSystemId: 'sys-1',
        changeRef: 'CHG-1',
        changedOn: '2026-09-01',
        riskAssessmentRerun: true,
        impactAssessmentRerun: true,
      },
    ],
  };
}

type Case = { fail: (s: ReadinessSnapshot) => void; lack: (s: ReadinessSnapshot) => void };
const CASES: Record<string, Case> = {
  'scope-approved': { fail: (s) => (s.scope!.approved = null), lack: (s) => (s.scope = null) },
  'scope-current': {
    fail: (s) => (s.scope!.changedSinceApproval = true),
    lack: (s) => (s.scope!.approved = null),
  },
  'scope-names-ai-systems': {
    fail: (s) => (s.scope!.outOfScope = []),
    lack: (s) => (s.aiSystems = []),
  },
  'scope-exclusions-justified': {
    fail: (s) => (s.scope!.exclusions[0]!.justification = ' '),
    lack: (s) => (s.scope = null),
  },
  'ai-roles-declared': { fail: (s) => (s.context!.aiRoles = []), lack: (s) => (s.context = null) },
  'ai-roles-consistent': {
    fail: (s) => (s.context!.aiRoles = [{ role: 'customer', reason: 'we only buy AI' }]),
    lack: (s) => (s.context = null),
  },
  'roles-assigned': { fail: (s) => (s.roles!.topManagement = 0), lack: (s) => (s.roles = null) },
  'ai-policy-approved': {
    fail: (s) => (s.documents![0]!.approvedByTopManagement = false),
    lack: (s) => (s.documents = null),
  },
  'ai-policy-communicated': {
    fail: (s) => (s.documents![0]!.state = 'approved'),
    lack: (s) => (s.documents![0]!.state = 'draft'),
  },
  'risk-criteria-approved': {
    fail: (s) => (s.risks![1]!.criteriaNumber = 2),
    lack: (s) => (s.riskCriteria = null),
  },
  'risk-assessment-per-system': {
    fail: (s) => (s.risks![1]!.aiSystemId = 'sys-1'),
    lack: (s) => (s.risks = null),
  },
  'impact-assessment-per-system': {
    fail: (s) => (s.impactAssessments![1]!.status = 'draft'),
    lack: (s) => (s.impactAssessments = null),
  },
  'reassessed-after-change': {
    fail: (s) => (s.pendingReassessments![0]!.impactAssessmentRerun = false),
    lack: (s) => delete s.pendingReassessments,
  },
  'treatment-plan-approved': {
    fail: (s) => (s.treatmentPlan!.approvedAt = null),
    lack: (s) => (s.risks = []),
  },
  'residual-risks-accepted': {
    fail: (s) => (s.risks![0]!.needsAttention = true),
    lack: (s) => (s.risks = null),
  },
  'risk-acceptance-valid': {
    fail: (s) => (s.risks![0]!.acceptanceExpiresOn = '2026-11-30'),
    lack: (s) => (s.risks![0]!.acceptanceExpiresOn = null),
  },
  'soa-approved': { fail: (s) => (s.soa!.approvedVersion = null), lack: (s) => (s.soa = null) },
  'soa-covers-annex-a': { fail: (s) => (s.soa!.items[1]!.included = null), lack: (s) => (s.soa = null) },
  'soa-exclusions-justified': {
    fail: (s) => (s.soa!.items[1]!.justification = ''),
    lack: (s) => (s.soa = null),
  },
  'soa-includes-treatment-controls': {
    fail: (s) => (s.risks![1]!.treatmentControlRefs = ['A.10.4']),
    lack: (s) => (s.risks![0]!.treatmentControlRefs = []),
  },
  'objectives-measurable': {
    fail: (s) => (s.objectives![0]!.ownerId = null),
    lack: (s) => (s.objectives = []),
  },
  'competence-per-ai-role': {
    fail: (s) => (s.people![0]!.validCompletions = 0),
    lack: (s) => (s.people = null),
  },
  'mandatory-documents-approved': {
    fail: (s) => (s.documents![1]!.state = 'missing'),
    lack: (s) => (s.documents = []),
  },
  'documents-reviewed': {
    fail: (s) => (s.documents![0]!.nextReviewAt = '2026-11-01'),
    lack: (s) => (s.documents![0]!.nextReviewAt = null),
  },
  'operating-evidence': {
    fail: (s) => {
      s.metrics![0]!.measurements = 0;
      s.controls![0]!.occurrences = 0;
    },
    lack: (s) => {
      s.metrics = null;
      s.controls = null;
    },
  },
  'internal-audit-done': {
    fail: (s) => (s.internalAudits![0]!.auditorIndependent = false),
    lack: (s) => delete s.internalAudits,
  },
  'management-review-held': {
    fail: (s) => (s.managementReviews = []),
    lack: (s) => delete s.managementReviews,
  },
  'management-review-inputs': {
    fail: (s) => (s.managementReviews![0]!.missingInputs = ['changes in external and internal issues']),
    lack: (s) => delete s.managementReviews,
  },
  'nonconformities-handled': {
    fail: (s) => (s.nonconformities![0]!.rootCause = ''),
    lack: (s) => delete s.nonconformities,
  },
  'monitoring-over-period': {
    fail: (s) => (s.metrics![0]!.firstAt = '2026-10-01'),
    lack: (s) => (s.metrics = []),
  },
  'controls-operating': {
    fail: (s) => (s.controls![0]!.status = 'implementing'),
    lack: (s) => (s.controls = null),
  },
  'evidence-current': {
    fail: (s) => (s.evidence![0]!.expiresOn = '2026-11-30'),
    lack: (s) => (s.evidence = []),
  },
  'training-complete': {
    fail: (s) => (s.trainings![0]!.dueOn = '2026-11-01'),
    lack: (s) => (s.trainings = null),
  },
  'corrective-actions-on-time': {
    fail: (s) => (s.nonconformities![0]!.correctiveActionOverdue = true),
    lack: (s) => delete s.nonconformities,
  },
};

describe('readiness rules', () => {
  it('has one case per rule, and unique rule ids', () => {
    const ids = READINESS_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(CASES).sort()).toEqual([...ids].sort());
  });

  it('passes every rule on a ready organization, and says ready for stage 1 and 2', () => {
    const s = good();
    for (const rule of READINESS_RULES) expect(rule.check(s), rule.id).toEqual({ status: 'passed' });
    expect(runReadiness(s, 1).verdict).toBe('ready');
    expect(runReadiness(s, 2).verdict).toBe('ready');
  });

  for (const rule of READINESS_RULES) {
    describe(rule.id, () => {
      it('fails, naming the record and a link to fix it', () => {
        const s = good();
        CASES[rule.id]!.fail(s);
        const c = rule.check(s);
        expect(c.status).toBe('failed');
        if (c.status !== 'failed') return;
        expect(c.reasons.length).toBeGreaterThan(0);
        for (const reason of c.reasons) {
          expect(reason.message.length).toBeGreaterThan(10);
          expect(reason.href).toMatch(/^\//);
        }
      });
      it('says it lacks data, never passes', () => {
        const s = good();
        CASES[rule.id]!.lack(s);
        const c = rule.check(s);
        expect(c.status).toBe('lacks_data');
      });
    });
  }

  it('is never ready while a blocking rule fails or lacks data, and says why', () => {
    for (const rule of READINESS_RULES.filter((r) => r.grade === 'blocking')) {
      for (const how of ['fail', 'lack'] as const) {
        const s = good();
        CASES[rule.id]![how](s);
        const result = runReadiness(s, 2);
        expect(result.verdict, `${rule.id} ${how}`).toBe('not_ready');
        expect(result.summary).toContain(rule.title);
        expect(result.findings[0]!.grade).toBe('blocking');
      }
    }
  });

  it('says ready with concerns when only a concern fails', () => {
    const s = good();
    CASES['documents-reviewed']!.fail(s);
    const result = runReadiness(s, 1);
    expect(result.verdict).toBe('ready_with_concerns');
    expect(result.findings[0]).toMatchObject({ id: 'documents-reviewed', status: 'failed' });
  });

  describe('re-assessment after change, for an organization that recorded no change', () => {
    const unchanged = () => {
      const s = good();
      delete s.pendingReassessments;
      return s;
    };
    const rule = READINESS_RULES.find((x) => x.id === 'reassessed-after-change')!;
    it('passes when every in-scope AI system was confirmed unchanged in the last 12 months', () => {
      const s = unchanged();
      s.noChangeConfirmations = [
        { aiSystemId: 'sys-1', confirmedOn: '2026-11-20' },
        { aiSystemId: 'sys-2', confirmedOn: '2025-12-01' },
      ];
      expect(rule.check(s)).toEqual({ status: 'passed' });
      expect(runReadiness(s, 1).verdict).toBe('ready');
    });
    it('lacks data naming the AI system whose confirmation is missing or older than 12 months', () => {
      const s = unchanged();
      s.noChangeConfirmations = [
        { aiSystemId: 'sys-1', confirmedOn: '2026-11-20' },
        { aiSystemId: 'sys-2', confirmedOn: '2025-11-30' },
      ];
      const c = rule.check(s);
      expect(c).toMatchObject({ status: 'lacks_data', reason: { href: '/ai-systems/sys-2' } });
      if (c.status === 'lacks_data') {
        expect(c.reason.message).toContain('Support bot');
        expect(c.reason.message).not.toContain('Claim scorer');
      }
    });
    it('ignores confirmations of AI systems outside the scope', () => {
      const s = unchanged();
      s.noChangeConfirmations = [{ aiSystemId: 'sys-3', confirmedOn: '2026-11-20' }];
      expect(rule.check(s).status).toBe('lacks_data');
    });
    it('passes an AI system without a change once changes are recorded for others', () => {
      const s = good();
      s.pendingReassessments = [];
      expect(rule.check(s)).toEqual({ status: 'passed' });
    });
  });

  it('runs stage-2 rules only for stage 2', () => {
    const s = good();
    CASES['evidence-current']!.fail(s);
    expect(runReadiness(s, 1).verdict).toBe('ready');
    expect(runReadiness(s, 2).verdict).toBe('ready_with_concerns');
    expect(runReadiness(s, 1).findings.map((f) => f.id)).not.toContain('evidence-current');
  });
});

// ---- whole fictional organizations ----------------------------------------------------------------
// Each fixture's expected blocking findings at stage 1 were written down from the organization's
// description, before the rules were run on it.

/** Small (6 people) legal-tech start-up that says it only uses AI, but fine-tunes and sells a contract-review model. */
function startup(): ReadinessSnapshot {
  return {
    today: '2026-12-01',
    scope: {
      approved: { revision: 1, approvedAt: '2026-09-01' },
      changedSinceApproval: false,
      aiSystemIds: ['clause'],
      units: ['Whole company'],
      sites: [],
      exclusions: [],
      outOfScope: [],
    },
    context: { aiRoles: [{ role: 'customer', reason: 'We use an LLM API' }] },
    aiSystems: [
      {
        id: 'clause',
        name: 'ClauseCheck',
        aiRoles: ['provider', 'producer'],
        lifecycleStage: 'operation',
        status: 'active',
      },
      {
        id: 'notes',
        name: 'Meeting notes assistant',
        aiRoles: ['customer'],
        lifecycleStage: 'operation',
        status: 'active',
      },
    ],
    roles: { topManagement: 1, pillarOwners: 0, raciAssigned: 2 },
    riskCriteria: { approvedNumbers: [], firstApprovedAt: null },
    risks: [
      {
        id: 'r1',
        ref: 'RISK-1',
        title: 'Missed liability clause',
        aiSystemId: 'clause',
        rated: true,
        criteriaNumber: 1,
        needsAttention: true,
        acceptanceExpiresOn: null,
        treatmentControlRefs: [],
      },
    ],
    treatmentPlan: { number: 1, approvedAt: null, changedSinceApproval: false },
    impactAssessments: [],
    soa: null,
    objectives: null,
    people: [{ id: 'p1', name: 'Founder', aiRoles: ['producer'], active: true, validCompletions: 0 }],
    documents: [
      { key: 'ai-policy', title: 'AI policy', mandatory: true, state: 'draft', approvedAt: null, nextReviewAt: null },
    ],
    controls: null,
    evidence: null,
    metrics: [{ id: 'm1', ref: 'MET-1', name: 'Recall', measurements: 3, firstAt: '2026-11-01', lastAt: '2026-11-28' }],
    trainings: null,
  };
}
const STARTUP_EXPECTED_BLOCKING = [
  'scope-names-ai-systems', // "Meeting notes assistant" is in use but neither in nor out of scope
  'ai-roles-consistent', // declares customer only, yet ClauseCheck is provided and produced
  'ai-policy-approved', // draft
  'risk-criteria-approved', // never approved
  'impact-assessment-per-system', // none for ClauseCheck
  'reassessed-after-change', // lacks data (changes not recorded)
  'treatment-plan-approved', // never approved
  'residual-risks-accepted', // RISK-1 above the level, untreated
  'soa-approved', // no SoA (lacks data)
  'soa-covers-annex-a', // no SoA (lacks data)
  'internal-audit-done', // lacks data
  'management-review-held', // lacks data
];

/** Large (2,400 people) hospital group, AI customer and partner, mature risk work, internal audit done. */
function hospital(): ReadinessSnapshot {
  const s = good();
  s.today = '2026-12-01';
  s.context = {
    aiRoles: [
      { role: 'customer', reason: 'Buys radiology triage' },
      { role: 'partner', reason: 'Co-develops with a university' },
    ],
  };
  s.aiSystems = [
    { id: 'rad', name: 'Radiology triage', aiRoles: ['customer'], lifecycleStage: 'operation', status: 'active' },
    {
      id: 'sepsis',
      name: 'Sepsis early warning',
      aiRoles: ['partner'],
      lifecycleStage: 'deployment',
      status: 'active',
    },
    { id: 'old', name: 'Legacy scheduler', aiRoles: ['customer'], lifecycleStage: 'retired', status: 'archived' },
  ];
  s.scope!.aiSystemIds = ['rad', 'sepsis'];
  s.scope!.outOfScope = [];
  s.risks = [
    {
      id: 'r1',
      ref: 'RISK-11',
      title: 'Missed fracture',
      aiSystemId: 'rad',
      rated: true,
      criteriaNumber: 1,
      needsAttention: false,
      acceptanceExpiresOn: '2026-10-31',
      treatmentControlRefs: ['A.6.2.4'],
    },
    {
      id: 'r2',
      ref: 'RISK-12',
      title: 'Alarm fatigue',
      aiSystemId: 'sepsis',
      rated: true,
      criteriaNumber: 1,
      needsAttention: false,
      acceptanceExpiresOn: null,
      treatmentControlRefs: [],
    },
  ];
  s.impactAssessments = [
    { id: 'i1', ref: 'AIIA-4', title: 'Radiology', aiSystemId: 'rad', status: 'signed_off', signedOffAt: '2026-05-01' },
    { id: 'i2', ref: 'AIIA-5', title: 'Sepsis', aiSystemId: 'sepsis', status: 'in_review', signedOffAt: null },
  ];
  s.pendingReassessments = [
    {
      aiSystemId: 'rad',
      changeRef: 'CHG-7',
      changedOn: '2026-11-02',
      riskAssessmentRerun: false,
      impactAssessmentRerun: true,
    },
  ];
  s.managementReviews = [
    {
      id: 'mr1',
      ref: 'MR-1',
      heldOn: '2026-11-15',
      byTopManagement: true,
      missingInputs: ['results of risk assessment'],
    },
  ];
  return s;
}
const HOSPITAL_EXPECTED_BLOCKING = [
  'impact-assessment-per-system', // AIIA-5 for sepsis not signed off
  'reassessed-after-change', // CHG-7 on radiology without a new risk assessment
];
const HOSPITAL_EXPECTED_CONCERNS = ['risk-acceptance-valid', 'management-review-inputs'];

/** Mid-size (120 people) bank, AI provider of credit scoring, everything in place but one AI role person untrained. */
function bank(): ReadinessSnapshot {
  const s = good();
  s.context = { aiRoles: [{ role: 'provider', reason: 'Credit scoring for partners' }] };
  s.aiSystems = [
    { id: 'credit', name: 'Credit scorer', aiRoles: ['provider'], lifecycleStage: 'operation', status: 'active' },
  ];
  s.scope!.aiSystemIds = ['credit'];
  s.scope!.outOfScope = [];
  s.risks = s.risks!.map((x) => ({ ...x, aiSystemId: 'credit' }));
  s.impactAssessments = s.impactAssessments!.map((x) => ({ ...x, aiSystemId: 'credit' }));
  s.pendingReassessments = [];
  s.people = [
    { id: 'p1', name: 'Ana', aiRoles: ['provider'], active: true, validCompletions: 1 },
    { id: 'p2', name: 'Ben', aiRoles: ['provider'], active: true, validCompletions: 0 },
  ];
  return s;
}
const BANK_EXPECTED_BLOCKING: string[] = [];
const BANK_EXPECTED_CONCERNS = ['competence-per-ai-role'];

const ids = (s: ReadinessSnapshot, grade: string) =>
  runReadiness(s, 1)
    .findings.filter((f) => f.status !== 'passed' && f.grade === grade)
    .map((f) => f.id)
    .sort();

describe('whole organizations at stage 1', () => {
  it('a small legal-tech start-up "only using AI" that sells a fine-tuned model is not ready', () => {
    expect(ids(startup(), 'blocking')).toEqual([...STARTUP_EXPECTED_BLOCKING].sort());
    const result = runReadiness(startup(), 1);
    expect(result.verdict).toBe('not_ready');
    const roles = result.findings.find((f) => f.id === 'ai-roles-consistent')!;
    expect(roles.reasons.map((x) => x.message).join(' ')).toContain('ClauseCheck');
  });

  it('a large hospital group with one unsigned impact assessment and one change not re-assessed is not ready', () => {
    expect(ids(hospital(), 'blocking')).toEqual([...HOSPITAL_EXPECTED_BLOCKING].sort());
    expect(ids(hospital(), 'concern')).toEqual([...HOSPITAL_EXPECTED_CONCERNS].sort());
    const result = runReadiness(hospital(), 1);
    expect(result.verdict).toBe('not_ready');
    expect(result.findings[0]!.reasons.map((x) => x.href)).toContain('/impact-assessments/i2');
  });

  it('a mid-size bank with one untrained person is ready with concerns', () => {
    expect(ids(bank(), 'blocking')).toEqual(BANK_EXPECTED_BLOCKING);
    expect(ids(bank(), 'concern')).toEqual(BANK_EXPECTED_CONCERNS);
    expect(runReadiness(bank(), 1).verdict).toBe('ready_with_concerns');
  });
});
