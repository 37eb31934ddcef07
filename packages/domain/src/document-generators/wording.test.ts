import { DEFAULT_RISK_CRITERIA } from '../risk';
import { describe, expect, it } from 'vitest';
import { plainText, type RichBlock, type RichDoc, type RichInline } from '../rich-text';
import type { DocumentAnswers, DocumentFacts } from './facts';
import { GENERATORS, generateDraft } from './index';

// Fixed inputs for the generators' wording tests: no clock, no ids, so the same facts always give
// the same documents. RICH is a fictional insurer with complete records and answers (as in
// packages/catalog's document-generators.test.ts, with three document types written here instead
// of the shipped catalogue); SPARSE takes the other branch wherever a generator has two (one system,
// one member, draft criteria, climate relevant, answers a generator keeps as written); VARIED the branches neither takes; EMPTY is a
// new organization with no records and no answers.

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
  documentTypes: [
    { prefix: 'POL', title: 'AI policy', reviewMonths: 12, retention: 'Ten years after it is superseded' },
    { prefix: 'PRC', title: 'Internal audit procedure', reviewMonths: 24, retention: 'Five years' },
    { prefix: 'REC', title: 'Impact assessment record', reviewMonths: 1, retention: 'Life of the AI system' },
  ],
};

/** A complete answer to every question the shipped types ask. */
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

const SPARSE: DocumentFacts = {
  organization: {
    name: 'Kestrel Labs',
    codePrefix: 'KL',
    classification: 'Confidential',
    topManagement: 'Our founders',
  },
  documentOwner: 'Noor Aziz',
  approver: null,
  aiRoles: [{ role: 'customer', subRoles: [] }],
  climate: { relevant: true, reason: 'Our training runs use a large share of our energy.' },
  issues: [{ kind: 'internal', title: 'One engineer maintains every model' }],
  parties: [{ name: 'Customers', category: 'customers', requirements: [] }],
  scope: {
    revision: 1,
    approvedAt: null,
    statement: null,
    units: ['Engineering'],
    sites: [],
    processes: [],
  },
  aiSystems: [
    {
      name: 'Support reply drafter',
      intendedPurpose: 'Draft replies to support tickets for an agent to edit.',
      lifecycleStage: 'idea',
      riskTier: 'prohibited',
      owner: null,
      inScope: true,
      thirdParties: ['Parlance LLM API'],
    },
  ],
  members: [{ name: 'Noor Aziz', role: 'owner' }],
  impactAssessments: [],
  pillars: [{ label: 'Transparency', owner: null, policyStatements: [], objectives: [] }],
  raci: [{ activity: 'Internal audit', accountable: [], responsible: ['Noor Aziz', 'Ivo Petrov', 'Mei Chen'] }],
  criteria: { ...DEFAULT_RISK_CRITERIA, number: 1, approved: false },
  documentTypes: [{ prefix: 'POL', title: 'AI policy', reviewMonths: 12, retention: 'Three years' }],
};

/** Answers a generator cannot turn into a number or period, or the singular ones. */
const SPARSE_ANSWERS: DocumentAnswers = {
  ambition: 'AI helps our support team answer faster.',
  prohibitedUses: [],
  restrictedUses: '',
  thirdPartyStance: '  ',
  relatedPolicies: ['Acceptable use policy'],
  cycleMonths: '1',
  reassessMonths: 'Every two years',
  retention: 'Until the contract ends',
  channels: 'Slack',
  reviewMonths: '1',
  assessmentTime: 'Same day',
  reviewsPerYear: '1',
  causeMethod: 'Fishbone diagram;',
};

/** The branches neither of the others takes: statements without their full stop, a multi-paragraph scope with its exclusions, padded answers, partners, viewers, more than three systems, no RACI where another source names someone. */
const VARIED: DocumentFacts = {
  organization: {
    name: 'Orchard Health',
    codePrefix: 'OH',
    classification: 'Restricted',
    topManagement: 'The board of Orchard Health',
  },
  documentOwner: null,
  approver: 'Tomás Ortega',
  aiRoles: [
    { role: 'partner', subRoles: [] },
    { role: 'provider', subRoles: ['ai_platform_provider'] },
  ],
  climate: { relevant: true, reason: '' },
  issues: [{ kind: 'external', title: 'Hospitals ask for clinical evidence' }],
  parties: [
    { name: 'Staff', category: 'employees', requirements: ['Training before using AI'] },
    { name: 'Research partner', category: 'partners', requirements: [] },
    { name: 'Model vendor', category: 'suppliers', requirements: ['Usage reports each month', 'No resale'] },
    { name: 'Patients', category: 'affected_individuals', requirements: [] },
    { name: 'Hospitals', category: 'customers', requirements: ['A named contact'] },
    { name: 'Patient association', category: 'civil_society', requirements: ['Plain-language notices'] },
  ],
  scope: {
    revision: 3,
    approvedAt: '2026-11-15T08:30:00.000Z',
    statement:
      'The AIMS covers the triage assistant and the scheduling model.\n\nExcluded:\n- Research prototypes: not used on patients\n- *Legacy* tools without a reason line\nNot a list line\n\nOne more paragraph\nover two lines.',
    units: ['Clinical AI', 'Operations'],
    sites: ['London', 'Bristol'],
    processes: ['Triage', 'Scheduling'],
  },
  aiSystems: [
    {
      name: 'Triage assistant',
      intendedPurpose: 'Suggest an urgency level.',
      lifecycleStage: 'operation',
      riskTier: 'high',
      owner: 'Tomás Ortega',
      inScope: true,
      thirdParties: ['Model vendor'],
    },
    {
      name: 'Scheduling model',
      intendedPurpose: 'Plan clinic slots.',
      lifecycleStage: 'development',
      riskTier: 'minimal',
      owner: null,
      inScope: true,
      thirdParties: [],
    },
    {
      name: 'Note summarizer',
      intendedPurpose: 'Summarize consultation notes.',
      lifecycleStage: 'design',
      riskTier: 'limited',
      owner: 'Priya Raman',
      inScope: false,
      thirdParties: ['Model vendor', 'Research partner'],
    },
    {
      name: 'Imaging prototype',
      intendedPurpose: 'Flag scans for review.',
      lifecycleStage: 'idea',
      riskTier: 'unclassified',
      owner: null,
      inScope: false,
      thirdParties: ['Research partner'],
    },
    {
      name: 'Bed forecaster',
      intendedPurpose: 'Forecast bed use.',
      lifecycleStage: 'deployment',
      riskTier: 'limited',
      owner: 'Priya Raman',
      inScope: false,
      thirdParties: [],
    },
    {
      name: 'Old chatbot',
      intendedPurpose: 'Answered questions.',
      lifecycleStage: 'retired',
      riskTier: 'limited',
      owner: null,
      inScope: true,
      thirdParties: ['Old vendor'],
    },
  ],
  members: [
    { name: 'Tomás Ortega', role: 'manager' },
    { name: 'Priya Raman', role: 'manager' },
    { name: 'Gil Stern', role: 'viewer' },
    { name: 'Ada Brook', role: 'internal_auditor' },
    { name: 'Cy Lane', role: 'external_auditor' },
  ],
  impactAssessments: [
    { aiSystem: 'Triage assistant', status: 'draft' },
    { aiSystem: 'Scheduling model', status: 'signed_off' },
    { aiSystem: 'Note summarizer', status: 'draft' },
  ],
  pillars: [
    {
      label: 'Safety',
      owner: null,
      policyStatements: [' Every output is reviewed by a clinician ', 'Stop when unsure!'],
      objectives: [],
    },
    {
      label: 'Fairness',
      owner: 'Priya Raman',
      policyStatements: [],
      objectives: ['Equal error rates across age groups'],
    },
  ],
  raci: [
    { activity: 'Security of AI systems', accountable: ['Tomás Ortega'], responsible: [] },
    { activity: 'Customer communication', accountable: [], responsible: [] },
    { activity: 'Procurement of models', accountable: [], responsible: ['Priya Raman'] },
    { activity: 'Internal audit programme', accountable: ['Tomás Ortega'], responsible: ['Ada Brook', 'Priya Raman'] },
  ],
  criteria: { ...DEFAULT_RISK_CRITERIA, number: 4, approved: true },
  documentTypes: [{ prefix: 'MAN', title: 'AIMS manual', reviewMonths: 36, retention: 'Permanent' }],
};

const VARIED_ANSWERS: DocumentAnswers = {
  ambition: '  Safer, faster triage.  ',
  prohibitedUses: ['  Diagnosing without a clinician  ', '   ', ''],
  restrictedUses: '  Any use on children: approval by the board  ',
  thirdPartyStance: ['Vendor assessment first', '  '],
  relatedPolicies: ['   '],
  cycleMonths: ' 24 months. ',
  reassessMonths: '6 Months',
  retention: 'E-mail archive rules.',
  evidenceLocation: 'AIMS page of the intranet;',
  channels: ['Within the clinical bulletin', 'AIMS page'],
  spokesperson: '  ',
  logRetention: 'Ninety days:',
  qualityChecks: 'Label audits',
  reviewMonths: 'every 3 years',
  reportingChannel: ['The incident form', 'The ethics line'],
  assessmentTime: 'Within a day.',
  reviewsPerYear: '4',
  causeMethod: ['Five whys', 'Fault tree'],
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

// The generated documents are reviewed text: every word of them is pinned, for each input, in one
// file per generator (__snapshots__/<type>.txt: Markdown, in a file Prettier leaves alone), rendered as Markdown so a change reads as a
// sentence, and bold, italic, lists and headings are pinned too. A change of wording fails here
// until the snapshot is updated on purpose (`vitest run -u`) and the new text reviewed in the diff.

const inline = (i: RichInline): string => {
  if (i.type === 'hardBreak') return '\\\n';
  const marks = (i.marks ?? []).map((m) => (m.type === 'bold' ? '**' : '_')).join('');
  return `${marks}${i.text}${[...marks].reverse().join('')}`;
};
const block = (b: RichBlock, indent = ''): string => {
  if (b.type === 'paragraph') return indent + (b.content ?? []).map(inline).join('');
  if (b.type === 'heading') return `${'#'.repeat(b.attrs.level + 2)} ${(b.content ?? []).map(inline).join('')}`;
  return b.content
    .map((item, n) => {
      const bullet = b.type === 'orderedList' ? `${n + 1}. ` : '- ';
      return item.content
        .map((c, k) =>
          c.type === 'paragraph' && k === 0
            ? `${indent}${bullet}${block(c)}`
            : block(c, `${indent}${' '.repeat(bullet.length)}`),
        )
        .join('\n');
    })
    .join('\n');
};
const markdown = (sections: Record<string, RichDoc>) =>
  Object.entries(sections)
    .map(([key, d]) => `### ${key}\n\n${d.content.map((b) => block(b)).join('\n\n')}`)
    .join('\n\n');

const INPUTS = [
  ['complete records and answers (Harbourline Mutual)', RICH, ANSWERS],
  ['sparse records, answers kept as written (Kestrel Labs)', SPARSE, SPARSE_ANSWERS],
  ['other branches: partners, padded answers, a scope with exclusions (Orchard Health)', VARIED, VARIED_ANSWERS],
  ['no records, no answers (Newco)', EMPTY, {}],
] as const;

describe('the wording of each generated document', () => {
  it.each(Object.keys(GENERATORS).sort())('%s, for each organization', async (id) => {
    const text = INPUTS.map(([what, facts, answers]) => `## ${what}\n\n${markdown(GENERATORS[id]!(facts, answers))}`);
    await expect(`# ${id}\n\n${text.join('\n\n')}\n`).toMatchFileSnapshot(`__snapshots__/${id}.txt`);
  });

  it('is a pure function of its input: the same facts give the same document twice', () => {
    for (const [id, generate] of Object.entries(GENERATORS))
      expect(JSON.stringify(generate(RICH, ANSWERS)), id).toBe(JSON.stringify(generate(RICH, ANSWERS)));
  });
});

const text = (id: string, key: string, facts: DocumentFacts = RICH, answers: DocumentAnswers = ANSWERS) =>
  plainText(GENERATORS[id]!(facts, answers)[key]!);

// The parts of the documents that carry a decision or a record, stated here apart from the snapshots
// so that a snapshot updated by mistake still fails on them.
describe('what the generated documents say about the records', () => {
  it('names each supplier with the systems it serves, leaves out a retired system, and says when none is named', () => {
    expect(text('third-party-procedure', 'purpose')).toContain(
      'The suppliers and partners of AI named in the inventory today, and the systems they serve:\n' +
        'Cirrus Cloud ML platform: Claims triage model and Motor damage photo estimator\n' +
        'Parlance LLM API: Policyholder chat assistant\n' +
        'Visiotech image AI (API): Motor damage photo estimator',
    );
    expect(text('third-party-procedure', 'purpose')).not.toContain('Old Analytics Ltd');
    expect(text('third-party-procedure', 'purpose', EMPTY, {})).toContain(
      'No supplier or partner of AI has been named in the AI inventory yet. Record them against each AI system; they then appear here.',
    );
    expect(text('third-party-procedure', 'purpose')).toContain(
      'Accountable for suppliers and third parties: Helen Carter; responsible for the work: Amira Haddad.',
    );
    expect(text('third-party-procedure', 'purpose', EMPTY, {})).toContain(
      '[[Who is accountable for suppliers and third parties of AI (name them in the RACI)]]',
    );
  });

  it('writes every line of the scope statement in order, and says when its revision is not yet approved', () => {
    const scope = (statement: string, approvedAt: string | null = '2026-03-02T10:00:00.000Z') =>
      GENERATORS['aims-manual']!({ ...RICH, scope: { ...RICH.scope, revision: 4, statement, approvedAt } }, ANSWERS)
        .scope!.content;
    const blocks = scope('Covers claims.\n- Claims triage model: in scope\nAlso the pricing team.\n- Pricing: later');
    const read = (content: RichBlock[]) => plainText({ type: 'doc', content });
    expect(blocks.slice(0, 4).map((b) => [b.type, read([b]).trim()])).toEqual([
      ['paragraph', 'Covers claims.'],
      ['bulletList', 'Claims triage model: in scope'],
      ['paragraph', 'Also the pricing team.'],
      ['bulletList', 'Pricing: later'],
    ]);
    expect(read(scope('One line.\nThe same paragraph.'))).toContain('One line. The same paragraph.');
    expect(read(scope('Covers claims.'))).toContain(
      'This is revision 4 of the scope, approved on 2026-03-02. The scope document holds the full detail.',
    );
    expect(read(scope('Covers claims.', null))).toContain(
      'This is revision 4 of the scope, not yet approved. The scope document holds the full detail.',
    );
  });

  it('says whether the criteria in force are approved, and asks for them when there are none', () => {
    expect(text('risk-methodology', 'criteria')).toContain(
      'The criteria in force are number 2, approved by top management.',
    );
    expect(text('risk-methodology', 'criteria', SPARSE, SPARSE_ANSWERS)).toContain(
      'The criteria in force are number 1 (a draft, not yet approved).',
    );
    expect(text('risk-methodology', 'criteria', EMPTY, {})).toBe(
      '[[The risk criteria (approve them in the risk criteria page first)]]',
    );
  });

  it('lists the issues recorded, says when a kind has none, and states the climate decision with its reason', () => {
    const rich = text('aims-manual', 'context');
    expect(rich).toContain('Internal issues\nA three-person data science team\nExternal issues');
    expect(rich).toContain(
      'Climate change has been considered and is not a relevant issue for the AIMS: Our models run in a small cloud footprint',
    );
    const sparse = text('aims-manual', 'context', SPARSE, SPARSE_ANSWERS);
    expect(sparse).toContain('External issues\nNo external issue has been recorded yet.');
    expect(sparse).toContain(
      'Climate change has been considered and is a relevant issue for the AIMS: Our training runs',
    );
    const empty = text('aims-manual', 'context', EMPTY, {});
    expect(empty).toContain('No internal issue has been recorded yet.');
    expect(empty).toContain('[[Whether climate change is a relevant issue for the AIMS, and why]]');
  });

  it('writes the prohibited uses the organization answered, and asks for them when it gave none', () => {
    expect(text('ai-policy', 'limits')).toContain('Refusing a claim without human review');
    expect(text('ai-policy', 'limits', SPARSE, SPARSE_ANSWERS)).toContain(
      '[[The uses of AI that are not allowed at all]]',
    );
    expect(text('ai-policy', 'limits', EMPTY, {})).toContain('[[The uses of AI that are not allowed at all]]');
  });

  it('fills every section from complete records and answers, and leaves a placeholder to a new organization', () => {
    for (const [id, generate] of Object.entries(GENERATORS)) {
      const rich = Object.values(generate(RICH, ANSWERS)).map(plainText).join('\n');
      expect(rich, id).not.toContain('[[');
      expect(rich, id).toContain('Harbourline Mutual');
      const empty = Object.values(generate(EMPTY, {})).map(plainText).join('\n');
      expect(empty, id).toMatch(/\[\[[^\]]+\]\]/);
      expect(empty, id).not.toMatch(/undefined|null|NaN|\[object/);
    }
  });
});

describe('a first draft of a document type', () => {
  const type = {
    id: 'risk-methodology',
    sections: [
      { key: 'purpose', title: 'Purpose', guidance: 'Why this method exists', questions: [] },
      {
        key: 'extra',
        title: 'Extra',
        guidance: 'Something only the organization can write',
        questions: [{ key: 'reassessMonths', suggestion: '24' }],
      },
      { key: 'triggers', title: 'Triggers', guidance: 'When', questions: [{ key: 'cycleMonths', suggestion: ['7'] }] },
    ],
  };

  it("writes the type's sections in its order, with a placeholder of its guidance where the generator writes none", () => {
    const draft = generateDraft(type, RICH, {});
    expect(draft.map((s) => [s.key, s.title])).toEqual([
      ['purpose', 'Purpose'],
      ['extra', 'Extra'],
      ['triggers', 'Triggers'],
    ]);
    expect(plainText(draft[1]!.body)).toBe('[[Something only the organization can write]]');
    expect(plainText(draft[0]!.body)).toBe(plainText(GENERATORS['risk-methodology']!(RICH, {}).purpose!));
  });

  it('takes the suggested answer for a question left blank, and the given one otherwise', () => {
    const triggers = (answers: DocumentAnswers) => plainText(generateDraft(type, RICH, answers)[2]!.body);
    expect(triggers({})).toContain('at least every 7 months for every risk');
    expect(triggers({ cycleMonths: '  ' })).toContain('at least every 7 months for every risk');
    expect(triggers({ cycleMonths: ['', ' '] })).toContain('at least every 7 months for every risk');
    expect(triggers({ cycleMonths: '9' })).toContain('at least every 9 months for every risk');
    expect(triggers({ cycleMonths: ['', '10'] })).toContain('at least every 10 months for every risk');
  });

  it('writes a placeholder for every section of a type no generator knows', () => {
    const draft = generateDraft({ ...type, id: 'no-such-type' }, RICH, {});
    expect(draft.map((s) => plainText(s.body))).toEqual([
      '[[Why this method exists]]',
      '[[Something only the organization can write]]',
      '[[When]]',
    ]);
  });
});
