import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RISK_CRITERIA,
  GENERATORS,
  generateDraft,
  midSentence,
  monthsOf,
  placeholdersIn,
  plainText,
  timesAYear,
  type DocumentAnswers,
  type DocumentFacts,
} from '@fortytwo/domain';
import { loadBuiltinCatalog } from './builtin';
import { loadDocumentTypes, type DocumentType } from './document-types';

// Every shipped narrative document type, written by its generator for a fictional insurer with
// complete records and answers (nothing left to fill, every clause or control it cites exists,
// the organization and its AI systems named), and for a new organization with no records at all
// (no crash; placeholders where only the organization can decide). Then each generator's key facts.

const types = loadDocumentTypes();
const narrative = types.filter((t) => t.kind === 'narrative');
const iso = loadBuiltinCatalog().frameworks.find((f) => f.id === 'iso42001')!;
const REFS = new Set(iso.items.map((i) => i.ref));

/** Everything in the text that looks like a clause (4.1, 6.1.3, 10.2) or an Annex A ref (A.6.2.4). */
export function refsIn(text: string): string[] {
  return [...text.matchAll(/(?<![\w.])(?:A\.\d+(?:\.\d+)*|(?:[4-9]|10)(?:\.\d+)+)(?![\w])/g)].map((m) =>
    m[0].replace(/\.$/, ''),
  );
}
const unknownRefs = (text: string) => [...new Set(refsIn(text))].filter((r) => !REFS.has(r));

const RICH: DocumentFacts = {
  organization: {
    name: 'Harbourline Mutual',
    codePrefix: 'HLM',
    classification: 'Internal',
    topManagement: 'The executive committee of Harbourline Mutual',
  },
  documentOwner: 'Amira Haddad',
  approver: 'Sofia Lindqvist',
  aiRoles: [
    { role: 'provider', subRoles: ['ai_product_or_service_provider'] },
    { role: 'producer', subRoles: ['ai_developer', 'ai_tester_evaluator'] },
    { role: 'customer', subRoles: ['ai_user'] },
  ],
  climate: {
    relevant: false,
    reason:
      'Our models run in a small cloud footprint and our products carry no physical climate exposure that the AI systems change.',
  },
  issues: [
    { kind: 'external', title: 'The insurance supervisor expects explainable claim decisions' },
    { kind: 'internal', title: 'A three-person data science team' },
  ],
  parties: [
    {
      name: 'Insurance supervisor',
      category: 'regulators',
      requirements: [
        'Notify material AI incidents affecting policyholders within 72 hours',
        'Explain automated claim decisions on request',
      ],
    },
    { name: 'Policyholders', category: 'customers', requirements: ['Be told when a claim decision used AI'] },
    { name: 'Claimants', category: 'affected_individuals', requirements: ['A human review of any refused claim'] },
    { name: 'Cirrus Cloud', category: 'suppliers', requirements: ['Thirty days of notice before platform changes'] },
    { name: 'Group board', category: 'owners_investors', requirements: ['A quarterly report on the AIMS'] },
  ],
  scope: {
    revision: 2,
    approvedAt: '2026-10-01T09:00:00.000Z',
    statement:
      'The AIMS of Harbourline Mutual covers the claims triage model and the motor damage photo estimator, operated from Leeds.',
    units: ['Claims', 'Data science'],
    sites: ['Leeds head office'],
    processes: ['Claims handling'],
  },
  aiSystems: [
    {
      name: 'Claims triage model',
      intendedPurpose: 'Route incoming claims to fast-track or expert handling.',
      lifecycleStage: 'operation',
      riskTier: 'high',
      owner: 'Amira Haddad',
      inScope: true,
      thirdParties: ['Cirrus Cloud ML platform'],
    },
    {
      name: 'Motor damage photo estimator',
      intendedPurpose: 'Estimate repair costs from photos sent by policyholders.',
      lifecycleStage: 'deployment',
      riskTier: 'limited',
      owner: 'Lucas Moreau',
      inScope: true,
      thirdParties: ['Visiotech image AI (API)', 'Cirrus Cloud ML platform'],
    },
    {
      name: 'Policyholder chat assistant',
      intendedPurpose: 'Answer routine questions about policies and claims.',
      lifecycleStage: 'verification',
      riskTier: 'limited',
      owner: null,
      inScope: false,
      thirdParties: ['Parlance LLM API'],
    },
    {
      name: 'Underwriting pricing assistant',
      intendedPurpose: 'Suggest premiums for small commercial policies.',
      lifecycleStage: 'design',
      riskTier: 'unclassified',
      owner: 'Amira Haddad',
      inScope: false,
      thirdParties: [],
    },
    {
      name: 'Lapse prediction model',
      intendedPurpose: 'Predicted which policies would lapse.',
      lifecycleStage: 'retired',
      riskTier: 'minimal',
      owner: 'Lucas Moreau',
      inScope: false,
      thirdParties: ['Old Analytics Ltd'],
    },
  ],
  members: [
    { name: 'Amira Haddad', role: 'manager' },
    { name: 'Ben Okafor', role: 'internal_auditor' },
    { name: 'Helen Carter', role: 'owner' },
    { name: 'Lucas Moreau', role: 'contributor' },
    { name: 'Sofia Lindqvist', role: 'approver' },
  ],
  impactAssessments: [
    { aiSystem: 'Claims triage model', status: 'signed_off' },
    { aiSystem: 'Motor damage photo estimator', status: 'draft' },
  ],
  pillars: [
    {
      label: 'Risk management',
      owner: 'Amira Haddad',
      policyStatements: ['High residual risks are accepted only by the executive committee.'],
      objectives: ['Every live AI system has a current risk assessment'],
    },
    {
      label: 'Data governance',
      owner: 'Lucas Moreau',
      policyStatements: [],
      objectives: ['A data sheet for every training data set'],
    },
  ],
  raci: [
    { activity: 'AI risk assessment', accountable: ['Amira Haddad'], responsible: ['Lucas Moreau'] },
    { activity: 'AI risk treatment and acceptance', accountable: ['Sofia Lindqvist'], responsible: ['Amira Haddad'] },
    { activity: 'AI system impact assessment', accountable: ['Amira Haddad'], responsible: ['Lucas Moreau'] },
    { activity: 'Data quality and provenance', accountable: ['Lucas Moreau'], responsible: ['Lucas Moreau'] },
    { activity: 'Human oversight', accountable: ['Amira Haddad'], responsible: ['the Contributor role'] },
    { activity: 'Supplier management', accountable: ['Helen Carter'], responsible: ['Amira Haddad'] },
    { activity: 'Internal audit', accountable: ['Ben Okafor'], responsible: ['Ben Okafor'] },
    { activity: 'Management review', accountable: ['Helen Carter'], responsible: ['Amira Haddad'] },
    { activity: 'Document control', accountable: ['Amira Haddad'], responsible: ['Lucas Moreau'] },
    { activity: 'Incident and concern handling', accountable: ['Amira Haddad'], responsible: ['Lucas Moreau'] },
  ],
  criteria: { ...DEFAULT_RISK_CRITERIA, number: 2, approved: true },
  documentTypes: types.map((t) => ({
    prefix: t.prefix,
    title: t.title,
    reviewMonths: t.reviewMonths,
    retention: t.retention,
  })),
};

/** A complete answer to every question any shipped type asks (a new question fails the first test until it is answered here). */
const ANSWERS: DocumentAnswers = {
  ambition: 'We use AI to settle honest claims faster, and never to refuse one without a person deciding.',
  prohibitedUses: ['Refusing a claim without human review'],
  restrictedUses: ['Generative AI on claim files: approval by the AIMS manager'],
  thirdPartyStance: 'Every AI service is approved by the AIMS manager after a supplier assessment.',
  relatedPolicies: ['Information security policy', 'Privacy policy'],
  cycleMonths: '12',
  reassessMonths: '18',
  retention: 'Ten years after the AI system is retired.',
  evidenceLocation: "In the HR system, visible to HR and the person's line manager.",
  channels: ['The AI page on the intranet', 'Monthly team briefings'],
  spokesperson: 'The head of communications.',
  externalDocuments:
    "Standards and regulators' guidance are listed in the compliance library on the intranet, kept current by the compliance officer.",
  deploymentApproval: 'The system owner and the AIMS manager; the executive committee too for a high-risk system.',
  logRetention: 'Two years.',
  qualityChecks: ['Completeness against the requirement', 'Representativeness of claimant age groups'],
  reviewMonths: '6',
  reportingChannel: "Through the complaints form, the app's feedback button or the AI concerns mailbox.",
  assessmentTime: 'Within one working day',
  reviewsPerYear: '2',
  causeMethod: 'Five whys',
};

const EMPTY: DocumentFacts = {
  organization: { name: 'Newco', codePrefix: 'AIMS', classification: 'Internal', topManagement: 'Top management' },
  documentOwner: null,
  approver: null,
  aiRoles: [],
  climate: { relevant: null, reason: '' },
  issues: [],
  parties: [],
  scope: { revision: null, approvedAt: null, statement: null, units: [], sites: [], processes: [] },
  aiSystems: [],
  members: [],
  impactAssessments: [],
  pillars: [],
  raci: [],
  criteria: null,
  documentTypes: [],
};

const draftText = (t: DocumentType, facts: DocumentFacts, answers: DocumentAnswers = ANSWERS) =>
  generateDraft(t, facts, answers)
    .map((s) => `${s.title}\n${plainText(s.body)}`)
    .join('\n');
const section = (typeId: string, key: string, facts: DocumentFacts = RICH, answers: DocumentAnswers = ANSWERS) => {
  const t = types.find((x) => x.id === typeId)!;
  return plainText(generateDraft(t, facts, answers).find((s) => s.key === key)!.body);
};
const with_ = (patch: Partial<DocumentFacts>): DocumentFacts => ({ ...RICH, ...patch });

describe('the generators of the shipped narrative documents', () => {
  it('has a generator for every narrative type, writing exactly its sections, and an answer here for every question', () => {
    expect(narrative.length).toBeGreaterThanOrEqual(14);
    for (const t of narrative) {
      expect(GENERATORS[t.id], t.id).toBeTypeOf('function');
      expect(Object.keys(GENERATORS[t.id]!(RICH, ANSWERS)).sort(), t.id).toEqual(t.sections.map((s) => s.key).sort());
      for (const q of t.sections.flatMap((s) => s.questions)) expect(ANSWERS[q.key], `${t.id}: ${q.key}`).toBeDefined();
    }
  });

  describe.each(narrative.map((t) => [t.id, t] as const))('%s', (_id, t) => {
    it('with complete records and answers: no placeholder, the organization and its AI systems named, only refs that exist', () => {
      const sections = generateDraft(t, RICH, ANSWERS);
      expect(sections.flatMap((s) => placeholdersIn(s.body).map((p) => `${s.title}: ${p}`))).toEqual([]);
      const text = sections.map((s) => plainText(s.body)).join('\n');
      expect(text).toContain('Harbourline Mutual');
      expect(RICH.aiSystems.some((s) => text.includes(s.name))).toBe(true);
      expect(unknownRefs(text)).toEqual([]);
      for (const s of sections) expect(s.body.content.length, s.key).toBeGreaterThan(0);
    });

    it('for a new organization: writes every section without failing, with placeholders where the organization must decide', () => {
      const sections = generateDraft(t, EMPTY, {});
      expect(sections.map((s) => s.key)).toEqual(t.sections.map((s) => s.key));
      for (const s of sections) expect(s.body.content.length, s.key).toBeGreaterThan(0);
      expect(sections.flatMap((s) => placeholdersIn(s.body)).length).toBeGreaterThan(0);
      expect(unknownRefs(sections.map((s) => plainText(s.body)).join('\n'))).toEqual([]);
      expect(sections.map((s) => plainText(s.body)).join('\n')).not.toMatch(/undefined|null|NaN|\[object/);
    });
  });

  it('finds clause and control refs in text, and would report one that does not exist', () => {
    expect(
      refsIn('See 4.1, 6.1.3 and A.6.2.4; also A.5.2–A.5.5 and 10.2. Version 2.0, score 1–25, EUR 12.50.'),
    ).toEqual(['4.1', '6.1.3', 'A.6.2.4', 'A.5.2', 'A.5.5', '10.2']);
    expect(unknownRefs('The AISIA (8.5) and control A.11.2, under 6.1.4.')).toEqual(['8.5', 'A.11.2']);
  });
});

describe('what each generator takes from the records', () => {
  it('AI policy: the systems that depend on suppliers, with the suppliers, leaving out retired ones', () => {
    const text = section('ai-policy', 'thirdParty');
    expect(text).toContain('Motor damage photo estimator: Visiotech image AI (API); Cirrus Cloud ML platform');
    expect(text).toContain('Policyholder chat assistant: Parlance LLM API');
    expect(text).not.toContain('Old Analytics');
    const principles = section('ai-policy', 'principles');
    expect(principles).toContain('Fairness. Outcomes are checked');
    expect(principles).toContain(
      'The owners of our governance framework add:\nRisk management. High residual risks are accepted only by the executive committee.',
    );
  });

  it('AIMS manual: the scope statement with its lists as lists, and the systems in scope it does not name', () => {
    const statement =
      'The AI management system of Harbourline Mutual covers the Claims unit.\n\nIt covers these AI systems:\n- Claims triage model: Route incoming claims.\n\nExcluded from the scope, with the reasons:\n- Marketing: No AI.';
    const manual = generateDraft(
      types.find((t) => t.id === 'aims-manual')!,
      with_({ scope: { ...RICH.scope, statement } }),
      {},
    ).find((s) => s.key === 'scope')!.body;
    expect(manual.content.map((b) => b.type)).toEqual([
      'paragraph',
      'paragraph',
      'bulletList',
      'paragraph',
      'bulletList',
      'paragraph',
      'bulletList',
      'paragraph',
    ]);
    const text = plainText(manual);
    expect(text).toContain(
      'It covers these AI systems:\nClaims triage model: Route incoming claims.\nExcluded from the scope, with the reasons:\nMarketing: No AI.',
    );
    expect(text).toContain('The AI systems within the scope:\nMotor damage photo estimator: Estimate repair costs');
    expect(text).not.toContain(':;');
  });

  it('impact assessment procedure: the systems still to assess, the accountable person, the signers, the cycle and retention', () => {
    const triggers = section('impact-assessment-procedure', 'triggers');
    expect(triggers).toContain('signed-off assessments exist for 1 of the 2 AI systems in scope');
    expect(triggers).toContain('To be assessed first: Motor damage photo estimator (assessment in draft)');
    expect(section('impact-assessment-procedure', 'triggers', with_({ impactAssessments: [] }))).toContain(
      'none of the AI systems in scope has a signed-off assessment yet. To be assessed first: Claims triage model and Motor damage photo estimator.',
    );
    expect(triggers).toContain(
      'due now for Policyholder chat assistant (verification & validation) and Underwriting pricing assistant (design)',
    );
    expect(triggers).toContain('every 18 months');
    const signoff = section('impact-assessment-procedure', 'signoff');
    expect(signoff).toContain(
      'signed off by Helen Carter and Sofia Lindqvist, on behalf of the executive committee of Harbourline Mutual',
    );
    expect(signoff).toContain('Amira Haddad is accountable');
    expect(section('impact-assessment-procedure', 'records')).toContain(
      'Retention: Ten years after the AI system is retired. The date',
    );
    expect(section('impact-assessment-procedure', 'method')).toContain('prepared by Lucas Moreau');
    expect(section('impact-assessment-procedure', 'signoff', with_({ raci: [] }))).toMatch(
      /\[\[Who is accountable for impact assessments/,
    );
    expect(
      section(
        'impact-assessment-procedure',
        'triggers',
        with_({
          impactAssessments: [
            { aiSystem: 'Claims triage model', status: 'signed_off' },
            { aiSystem: 'Motor damage photo estimator', status: 'signed_off' },
          ],
        }),
      ),
    ).toContain('every AI system in scope has a signed-off assessment');
  });

  it('competence procedure: the RACI holders with what each activity needs, suppliers, and where evidence is kept', () => {
    const req = section('competence-procedure', 'requirements');
    expect(req).toContain(
      'AI risk assessment (accountable: Amira Haddad; responsible: Lucas Moreau): the risk criteria',
    );
    expect(req).toContain(
      'Internal audit (accountable: Ben Okafor; responsible: Ben Okafor): the standard, audit technique',
    );
    expect(req).toContain('As AI producer');
    expect(req).not.toContain('As AI partner');
    expect(section('competence-procedure', 'purpose')).toContain('Ben Okafor (internal auditor), Helen Carter (owner)');
    expect(section('competence-procedure', 'purpose')).toContain(
      'Amira Haddad (Claims triage model and Underwriting pricing assistant)',
    );
    expect(section('competence-procedure', 'purpose')).toContain(
      'today: Cirrus Cloud ML platform, Parlance LLM API and Visiotech image AI (API)',
    );
    expect(section('competence-procedure', 'records')).toContain(
      "Where it is kept: In the HR system, visible to HR and the person's line manager.",
    );
    expect(section('competence-procedure', 'records', RICH, {})).toContain(
      '[[Where CVs, certificates and training records are kept',
    );
  });

  it('communication plan: audiences from the party register, the spokesperson, disclosure for limited and high-risk systems in scope', () => {
    const ext = section('communication-plan', 'external');
    expect(ext).toContain(
      'Who speaks for Harbourline Mutual about its AI systems to the media and the public: The head of communications. Everyone',
    );
    expect(ext).toContain('Regulators and authorities (Insurance supervisor)');
    expect(ext).toContain('Suppliers (Cirrus Cloud)');
    expect(ext.indexOf('Customers and users')).toBeLessThan(ext.indexOf('Regulators and authorities'));
    expect(ext).toContain('affected by Claims triage model and Motor damage photo estimator are told');
    expect(ext).not.toContain('Policyholder chat assistant');
    expect(section('communication-plan', 'internal')).toContain(
      'through Fortytwo, the AI page on the intranet and monthly team briefings',
    );
    expect(section('communication-plan', 'reporting')).toContain(
      'Insurance supervisor: Notify material AI incidents affecting policyholders within 72 hours',
    );
    expect(section('communication-plan', 'external', RICH, {})).toContain('[[the role or person who speaks');
  });

  it("document control procedure: codes with the organization's prefix, its types and retention, approvers and publishers", () => {
    expect(section('document-control-procedure', 'identification')).toContain('such as HLM-POL-001 for the AI policy');
    expect(section('document-control-procedure', 'records')).toContain(
      'HLM-SOA Statement of Applicability: kept five years after the version is superseded; reviewed every 12 months.',
    );
    expect(section('document-control-procedure', 'approval')).toContain(
      '(members who may approve: Helen Carter and Sofia Lindqvist)',
    );
    expect(section('document-control-procedure', 'approval')).toContain('which Amira Haddad and Helen Carter may do');
    expect(section('document-control-procedure', 'records')).toContain(
      'HLM-POL AI policy: kept for the life of the AI management system, plus five years; reviewed every 12 months.',
    );
    expect(section('document-control-procedure', 'purpose')).toContain(
      'Accountable for document control: Amira Haddad. Responsible for the day-to-day work: Lucas Moreau.',
    );
  });

  it('life-cycle procedure: each system with its stage and owner, the gates, oversight, approval and log retention', () => {
    const purpose = section('lifecycle-procedure', 'purpose');
    expect(purpose).toContain(
      'Policyholder chat assistant: verification & validation, no owner named yet (not in the scope of the AIMS)',
    );
    expect(purpose).toContain('Claims triage model: operation & monitoring, owned by Amira Haddad');
    expect(purpose).not.toContain('Lapse prediction model');
    const stages = section('lifecycle-procedure', 'stages');
    expect(stages).toContain('Design: the requirements are written');
    expect(stages).toContain('Now at this stage: Motor damage photo estimator.');
    expect(stages).toContain(
      'is approved by: The system owner and the AIMS manager; the executive committee too for a high-risk system.',
    );
    expect(section('lifecycle-procedure', 'objectives')).toContain(
      'designed with Amira Haddad, who is accountable for oversight',
    );
    expect(section('lifecycle-procedure', 'objectives')).toContain(
      'apply to every system as well: every live AI system has a current risk assessment and a data sheet for every training data set.',
    );
    expect(section('lifecycle-procedure', 'documentation')).toContain('Event logs are kept: Two years.');
  });

  it('data management procedure: the systems, their outside sources, the quality checks and who is accountable', () => {
    expect(section('data-management-procedure', 'purpose')).toContain(
      'Accountable for data used by AI systems: Lucas Moreau',
    );
    expect(section('data-management-procedure', 'purpose')).toContain('Underwriting pricing assistant');
    expect(section('data-management-procedure', 'acquisition')).toContain(
      'Motor damage photo estimator: Visiotech image AI (API); Cirrus Cloud ML platform',
    );
    expect(section('data-management-procedure', 'quality')).toContain('Representativeness of claimant age groups');
    expect(section('data-management-procedure', 'quality')).toContain(
      'Objectives for data: A data sheet for every training data set.',
    );
    expect(
      section('data-management-procedure', 'purpose', with_({ aiRoles: [{ role: 'customer', subRoles: [] }] })),
    ).toContain('does not train models itself today');
  });

  it('supplier procedure: each supplier with the systems it serves, the review cycle, and customers only for a provider', () => {
    const purpose = section('third-party-procedure', 'purpose');
    expect(purpose).toContain('Cirrus Cloud ML platform: Claims triage model and Motor damage photo estimator');
    expect(purpose).toContain(
      'Accountable for suppliers and third parties: Helen Carter; responsible for the work: Amira Haddad.',
    );
    expect(section('third-party-procedure', 'suppliers')).toContain('reviewed every 6 months');
    expect(section('third-party-procedure', 'responsibilities')).toContain(
      'Cirrus Cloud: Thirty days of notice before platform changes',
    );
    expect(section('third-party-procedure', 'customers')).toContain(
      'provides AI to customers through Claims triage model and Motor damage photo estimator',
    );
    expect(
      section('third-party-procedure', 'customers', with_({ aiRoles: [{ role: 'customer', subRoles: [] }] })),
    ).toContain('does not provide AI systems to customers today');
  });

  it('incident communication procedure: the channel, the regulators and their reporting duties, the decider', () => {
    expect(section('incident-communication-procedure', 'reporting')).toContain(
      "Where to report: Through the complaints form, the app's feedback button or the AI concerns mailbox.",
    );
    const comm = section('incident-communication-procedure', 'communication');
    expect(comm).toMatch(/^Amira Haddad decides who is told/);
    expect(comm).toContain('regulators (Insurance supervisor) are told');
    expect(comm).toContain(
      'Insurance supervisor: Notify material AI incidents affecting policyholders within 72 hours',
    );
    expect(comm).not.toContain('Be told when a claim decision used AI');
    expect(comm).not.toContain('Group board: A quarterly report');
    expect(section('incident-communication-procedure', 'assessment')).toContain(
      'assessed by Lucas Moreau together with the owner of the AI system, within one working day, and given',
    );
    expect(section('incident-communication-procedure', 'reporting', RICH, {})).toContain('Where to report: [[');
  });

  it('internal audit procedure: the auditors, what each may not audit, the cycle, high-risk systems sampled every cycle', () => {
    expect(section('internal-audit-procedure', 'independence')).toContain('carried out by Ben Okafor.');
    expect(section('internal-audit-procedure', 'independence')).not.toContain('does not audit:');
    const conflicted = with_({
      raci: [...RICH.raci, { activity: 'Privacy', accountable: ['Helen Carter'], responsible: ['Ben Okafor'] }],
    });
    expect(section('internal-audit-procedure', 'independence', conflicted)).toContain(
      'Ben Okafor does not audit: Privacy.',
    );
    const programme = section('internal-audit-procedure', 'programme');
    expect(programme).toContain('over each cycle of 12 months');
    expect(programme).toContain('(Claims triage model and Motor damage photo estimator)');
    expect(programme).toContain('the high-risk AI systems (Claims triage model) are sampled in every cycle');
    expect(section('internal-audit-procedure', 'reporting')).toContain('shared with Group board as agreed');
    expect(section('internal-audit-procedure', 'independence', with_({ members: [], raci: [] }))).toMatch(
      /^\[\[Who carries out internal audits/,
    );
  });

  it('management review procedure: the chair, who prepares, who attends, and how often', () => {
    const purpose = section('management-review-procedure', 'purpose');
    expect(purpose).toContain('The executive committee of Harbourline Mutual chairs the review');
    expect(purpose).toContain('Amira Haddad, to prepare the inputs');
    expect(purpose).toContain('the owners of the governance pillars: Amira Haddad and Lucas Moreau');
    expect(purpose).toContain('Ben Okafor, for the results of internal audits');
    expect(section('management-review-procedure', 'frequency')).toContain('held twice a year');
    expect(section('management-review-procedure', 'inputs')).toContain(
      'They cover the AI systems in scope (Claims triage model and Motor damage photo estimator)',
    );
    expect(['E-mail from the manager', 'AIMS page', 'Within a day'].map(midSentence)).toEqual([
      'e-mail from the manager',
      'AIMS page',
      'within a day',
    ]);
    expect(['12', '1', '6 months', 'every two years', null].map(monthsOf)).toEqual([
      '12 months',
      'month',
      '6 months',
      'two years',
      null,
    ]);
    expect(section('third-party-procedure', 'suppliers', RICH, { reviewMonths: 'Every 2 years' })).toContain(
      'reviewed every 2 years, and sooner',
    );
    expect([timesAYear('1'), timesAYear('4'), timesAYear('every quarter'), timesAYear(null)]).toEqual([
      'once a year',
      '4 times a year',
      'every quarter',
      null,
    ]);
  });

  it('nonconformity procedure: who keeps the register, the cause method, the AI systems as examples', () => {
    expect(section('nonconformity-procedure', 'purpose')).toContain('followed up until it is closed by Amira Haddad.');
    expect(section('nonconformity-procedure', 'purpose')).toContain(
      '(handled by Amira Haddad under the incident communication procedure)',
    );
    expect(section('nonconformity-procedure', 'cause')).toContain('using five whys.');
    expect(section('nonconformity-procedure', 'correction')).toContain(
      '(such as Claims triage model and Motor damage photo estimator)',
    );
    expect(section('nonconformity-procedure', 'purpose', EMPTY, {})).toContain('[[Who records nonconformities');
  });

  it("uses the type's suggested answer where a question is left unanswered", () => {
    const lifecycle = types.find((t) => t.id === 'lifecycle-procedure')!;
    expect(draftText(lifecycle, RICH, {})).toContain(
      'is approved by: the owner of the AI system and the AIMS manager together',
    );
  });
});
