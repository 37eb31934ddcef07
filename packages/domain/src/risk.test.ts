import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import {
  acceptanceState,
  ACCEPTANCE_WARNING_DAYS,
  criteriaProblem,
  scaleDescriptions,
  DEFAULT_RISK_CRITERIA,
  isAcceptable,
  rate,
  ratingProblem,
  riskLevel,
  ZRiskCriteriaContent,
  ZRiskFields,
  ZTreatmentFields,
  halfRatedProblem,
  type RiskLevel,
} from './risk';
import {
  attentionMessage,
  deriveSoa,
  riskNeedsAttention,
  soaWarnings,
  type RiskForWarnings,
  type SoaControl,
} from './soa';
import { impactGaps, impactSignOffProblems, INDIVIDUAL_EFFECT_AREAS, SOCIETAL_EFFECT_AREAS } from './impact';

// The default 5 × 5 matrix, written out by hand: row = likelihood 1..5, column = consequence 1..5.
const L = 'low',
  M = 'medium',
  H = 'high',
  C = 'critical';
const EXPECTED: RiskLevel[][] = [
  [L, L, L, L, M],
  [L, L, M, M, H],
  [L, M, M, H, H],
  [L, M, H, H, C],
  [M, H, H, C, C],
];

describe('default risk criteria', () => {
  for (let l = 1; l <= 5; l++)
    for (let c = 1; c <= 5; c++)
      it(`likelihood ${l} × consequence ${c} = ${l * c} is ${EXPECTED[l - 1]![c - 1]}`, () => {
        expect(rate(DEFAULT_RISK_CRITERIA, l, c)).toEqual({
          likelihood: l,
          consequence: c,
          score: l * c,
          level: EXPECTED[l - 1]![c - 1],
        });
      });

  it('bands scores at 4, 9, 16 and 25', () => {
    expect([1, 4, 5, 9, 10, 16, 20, 25].map((s) => riskLevel(DEFAULT_RISK_CRITERIA, s))).toEqual([
      L,
      L,
      M,
      M,
      H,
      H,
      C,
      C,
    ]);
  });

  it('accepts medium and below by default', () => {
    expect(([L, M, H, C] as RiskLevel[]).map((l) => isAcceptable(DEFAULT_RISK_CRITERIA, l))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('is valid criteria itself', () => {
    expect(ZRiskCriteriaContent.safeParse(DEFAULT_RISK_CRITERIA).success).toBe(true);
    expect(criteriaProblem(DEFAULT_RISK_CRITERIA)).toBeNull();
  });
});

describe('criteria checks', () => {
  const base = { ...DEFAULT_RISK_CRITERIA };
  it('names the scale and level of a blank or long label, on that level (issue 18)', () => {
    const issues = ZRiskCriteriaContent.safeParse({
      ...base,
      likelihoodLabels: ['Rare', 'Unlikely', '  ', 'Likely', 'x'.repeat(61)],
    }).error!.issues;
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['likelihoodLabels.2', 'Likelihood level 3: label is required'],
      ['likelihoodLabels.4', 'Likelihood level 5: label must be at most 60 characters'],
    ]);
    expect(
      ZRiskCriteriaContent.safeParse({ ...base, consequenceLabels: ['a', 'b'] }).error!.issues.find(
        (i) => i.path.join('.') === 'consequenceLabels',
      )?.message,
    ).toBe('Consequence scale: give at least 3 levels');
    expect(
      ZRiskCriteriaContent.safeParse({ ...base, likelihoodDescriptions: ['a', 'b', 'c', 'd', 'e', 'f'] }).error!
        .issues[0],
    ).toMatchObject({ path: ['likelihoodDescriptions'], message: expect.stringContaining('more descriptions') });
  });
  it('keeps descriptions per level, and reads criteria saved without them as blank', () => {
    const parsed = ZRiskCriteriaContent.parse({ ...base, consequenceDescriptions: ['', ' Cosmetic '] });
    expect(parsed.consequenceDescriptions).toEqual(['', 'Cosmetic']);
    expect(parsed.likelihoodDescriptions).toEqual([]);
    expect(scaleDescriptions(['a', 'b', 'c'], undefined)).toEqual(['', '', '']);
    expect(scaleDescriptions(['a', 'b', 'c'], ['x'])).toEqual(['x', '', '']);
  });
  it('refuses bands that do not reach the top of the matrix', () => {
    expect(
      criteriaProblem({
        ...base,
        levels: [
          { level: 'low', maxScore: 4 },
          { level: 'high', maxScore: 20 },
        ],
      })?.message,
    ).toBe('The highest level must end at 25, the top score of a 5 × 5 matrix');
  });
  it('refuses levels out of order or bands that do not grow', () => {
    expect(
      criteriaProblem({
        ...base,
        levels: [
          { level: 'high', maxScore: 4 },
          { level: 'low', maxScore: 25 },
        ],
      })?.field,
    ).toBe('levels');
    expect(
      criteriaProblem({
        ...base,
        levels: [
          { level: 'low', maxScore: 9 },
          { level: 'medium', maxScore: 9 },
          { level: 'high', maxScore: 25 },
        ],
      })?.message,
    ).toContain('higher score');
  });
  it('refuses an acceptance level that is not among the levels', () => {
    expect(
      criteriaProblem({
        ...base,
        levels: [
          { level: 'low', maxScore: 9 },
          { level: 'high', maxScore: 25 },
        ],
        acceptanceLevel: 'medium',
      })?.field,
    ).toBe('acceptanceLevel');
  });
  it('scores a 3 × 4 matrix with its own bands, and refuses ratings off its scales', () => {
    const small = {
      likelihoodLabels: ['a', 'b', 'c'],
      consequenceLabels: ['w', 'x', 'y', 'z'],
      levels: [
        { level: 'low' as const, maxScore: 3 },
        { level: 'medium' as const, maxScore: 6 },
        { level: 'high' as const, maxScore: 12 },
      ],
      acceptanceLevel: 'low' as const,
      method: '',
    };
    expect(criteriaProblem(small)).toBeNull();
    expect(rate(small, 3, 4).level).toBe('high');
    expect(ratingProblem(small, 4, 1)).toBe('Likelihood must be between 1 and 3 under the risk criteria in force');
    expect(ratingProblem(small, 3, 4)).toBeNull();
  });
  it('asks a modify treatment for controls, and for both residual ratings or neither', () => {
    expect(ZTreatmentFields.safeParse({ option: 'modify' }).error?.issues[0]?.message).toContain(
      'needs at least one control',
    );
    expect(ZTreatmentFields.safeParse({ option: 'retain', residualLikelihood: 2 }).error?.issues[0]?.message).toBe(
      'Give both residualLikelihood and residualConsequence, or neither',
    );
    expect(ZTreatmentFields.safeParse({ option: 'avoid' }).success).toBe(true);
  });
});

describe('Statement of Applicability', () => {
  const controls: SoaControl[] = [
    { ref: 'A.6.2.4', title: 'Verification and validation', kind: 'annex_a', group: 'A.6' },
    { ref: 'A.7.4', title: 'Quality of data', kind: 'annex_a', group: 'A.7' },
    { ref: 'A.10.3', title: 'Suppliers', kind: 'annex_a', group: 'A.10' },
    { ref: 'CC-1', title: 'Model cards', kind: 'custom', group: 'Custom' },
  ];
  const risk = { id: 'r1', ref: 'R-1', title: 'Biased scores', controlRefs: ['A.6.2.4'] };

  it('includes a control a treatment uses, with the risk as its justification', () => {
    const [v] = deriveSoa(controls, [], [risk], []);
    expect(v).toMatchObject({
      ref: 'A.6.2.4',
      included: true,
      riskIds: ['r1'],
      justification: 'Treats risk R-1: Biased scores',
      version: 0,
    });
  });
  it('lists requirements that name a control, and leaves the rest undecided', () => {
    const items = deriveSoa(
      controls,
      [],
      [],
      [{ partyName: 'Regulator', description: 'Data quality evidence', refs: ['A.7.4'] }],
    );
    expect(items.map((i) => i.included)).toEqual([null, null, null, null]);
    expect(items[1]!.justification).toBe('Required by Regulator: Data quality evidence');
  });
  it('warns: excluded but treating, exclusion without reason, undecided, untreated risk above the acceptance level', () => {
    const items = deriveSoa(
      controls,
      [
        { ref: 'A.6.2.4', included: false, justification: '', implementationStatus: null, version: 1 },
        {
          ref: 'A.7.4',
          included: true,
          justification: 'Data is core',
          implementationStatus: 'in_progress',
          version: 1,
        },
        {
          ref: 'A.10.3',
          included: false,
          justification: 'No suppliers of AI components',
          implementationStatus: null,
          version: 1,
        },
      ],
      [risk],
      [],
    );
    const untreated: RiskForWarnings = {
      id: 'r2',
      ref: 'R-2',
      title: 'Drift',
      kind: 'risk',
      status: 'open',
      level: 'high',
      residualLevel: null,
      treated: false,
      acceptedUntil: null,
    };
    const codes = soaWarnings(items, [untreated], DEFAULT_RISK_CRITERIA, '2026-11-28').map((w) => [
      w.code,
      w.ref ?? w.riskId,
      w.blocking,
    ]);
    expect(codes).toEqual([
      ['EXCLUDED_BUT_TREATING', 'A.6.2.4', true],
      ['EXCLUSION_UNJUSTIFIED', 'A.6.2.4', true],
      ['UNDECIDED', undefined, true],
      ['RISK_UNTREATED', 'r2', false],
    ]);
  });
  it('flags a risk again when its acceptance lapses, and never an acceptable or closed one', () => {
    const r: RiskForWarnings = {
      id: 'r',
      ref: 'R-9',
      title: 't',
      kind: 'risk',
      status: 'open',
      level: 'critical',
      residualLevel: 'high',
      treated: true,
      acceptedUntil: '2026-12-31',
    };
    expect(riskNeedsAttention(r, DEFAULT_RISK_CRITERIA, '2026-11-28')).toBe(false);
    expect(riskNeedsAttention(r, DEFAULT_RISK_CRITERIA, '2027-01-01')).toBe(true);
    expect(
      riskNeedsAttention({ ...r, acceptedUntil: null, residualLevel: 'medium' }, DEFAULT_RISK_CRITERIA, '2027-01-01'),
    ).toBe(false);
    expect(
      riskNeedsAttention({ ...r, acceptedUntil: null, status: 'closed' }, DEFAULT_RISK_CRITERIA, '2027-01-01'),
    ).toBe(false);
    expect(
      riskNeedsAttention({ ...r, acceptedUntil: null, kind: 'opportunity' }, DEFAULT_RISK_CRITERIA, '2027-01-01'),
    ).toBe(false);
  });
  it('flags an open risk nobody has rated yet, and says so (issue 18)', () => {
    const r: RiskForWarnings = {
      id: 'r',
      ref: 'R-3',
      title: 't',
      kind: 'risk',
      status: 'open',
      level: null,
      residualLevel: null,
      treated: false,
      acceptedUntil: null,
    };
    expect(riskNeedsAttention(r, DEFAULT_RISK_CRITERIA, '2026-11-28')).toBe(true);
    expect(attentionMessage(r)).toMatch(/not rated yet/);
    expect(riskNeedsAttention({ ...r, status: 'closed' }, DEFAULT_RISK_CRITERIA, '2026-11-28')).toBe(false);
  });
  it('takes no default rating: a new risk is unrated until both scales are given (issue 18)', () => {
    const parsed = ZRiskFields.parse({ title: 'Drift', source: 'C.3.6' });
    expect([parsed.likelihood, parsed.consequence]).toEqual([null, null]);
    expect(halfRatedProblem({ likelihood: 3, consequence: null })?.field).toBe('consequence');
    expect(halfRatedProblem({ likelihood: null, consequence: null })).toBeNull();
  });
});

describe('impact assessment sign-off', () => {
  const allIndividual = Object.fromEntries(
    INDIVIDUAL_EFFECT_AREAS.map((k) => [k, 'None expected: no personal data beyond the application']),
  );
  const allSocietal = Object.fromEntries(SOCIETAL_EFFECT_AREAS.map((k) => [k, 'None expected at this scale']));
  const complete = {
    intendedUse: 'Scoring',
    affectedGroups: [{ group: 'Applicants', effects: allIndividual }],
    societalEffects: allSocietal,
    severity: 3,
    likelihood: 2,
    conclusion: 'Acceptable with mitigations',
    retentionUntil: '2032-12-31',
  };
  it('lists what is missing, and nothing once complete', () => {
    expect(
      impactSignOffProblems({
        intendedUse: '',
        affectedGroups: [],
        severity: null,
        likelihood: 2,
        conclusion: '',
        retentionUntil: null,
      }),
    ).toHaveLength(6);
    expect(impactSignOffProblems(complete)).toEqual([]);
  });
  it('needs every effect area answered for every group', () => {
    const [problem] = impactSignOffProblems({
      ...complete,
      affectedGroups: [{ group: 'Applicants over 70', effects: { fairness: 'Thin files' } }],
    });
    expect(problem).toContain('Answer every effect area for Applicants over 70');
    expect(problem).toContain('transparency, privacy and security, safety and health, accessibility, human rights');
  });
  it('needs the societal section answered, or declared not applicable with a reason', () => {
    expect(impactSignOffProblems({ ...complete, societalEffects: { economy: 'Access to credit' } })).toEqual([
      expect.stringContaining('Answer every societal effect area (A.5.5)'),
    ]);
    expect(
      impactSignOffProblems({
        ...complete,
        societalEffects: {},
        societalNotApplicable: 'An internal OCR tool with no effect beyond our back office',
      }),
    ).toEqual([]);
  });
});

describe('impact gaps', () => {
  it('lists systems never assessed or with drafts only, not those with a signed-off assessment', () => {
    const gaps = impactGaps(
      [
        { id: 'a', name: 'Scoring' },
        { id: 'b', name: 'Chatbot' },
        { id: 'c', name: 'OCR' },
      ],
      [
        { aiSystemId: 'a', status: 'signed_off' },
        { aiSystemId: 'a', status: 'draft' },
        { aiSystemId: 'b', status: 'draft' },
      ],
    );
    expect(gaps.map((g) => [g.aiSystemId, g.reason])).toEqual([
      ['b', 'draft_only'],
      ['c', 'never_assessed'],
    ]);
  });
});

describe('acceptanceState: the boundaries (issue 22)', () => {
  const accepted = (expiresAt: string, level: RiskLevel = 'high') => ({ level, expiresAt });
  it('holds on its last day and lapses the day after', () => {
    expect(acceptanceState(accepted('2026-12-03'), 'high', '2026-12-03')).toBe('expiring');
    expect(acceptanceState(accepted('2026-12-03'), 'high', '2026-12-04')).toBe('expired');
  });
  it('is expiring from ACCEPTANCE_WARNING_DAYS before its last day, in force the day before that', () => {
    expect(acceptanceState(accepted(addDays('2026-01-01', ACCEPTANCE_WARNING_DAYS)), 'high', '2026-01-01')).toBe(
      'expiring',
    );
    expect(acceptanceState(accepted(addDays('2026-01-01', ACCEPTANCE_WARNING_DAYS + 1)), 'high', '2026-01-01')).toBe(
      'in_force',
    );
  });
  it('covers the level it accepted and better ones, not a worse re-assessment, nor an unrated risk', () => {
    expect(acceptanceState(accepted('2099-01-01', 'high'), 'high', '2026-01-01')).toBe('in_force');
    expect(acceptanceState(accepted('2099-01-01', 'high'), 'low', '2026-01-01')).toBe('in_force');
    expect(acceptanceState(accepted('2099-01-01', 'medium'), 'high', '2026-01-01')).toBe('expired');
    expect(acceptanceState(accepted('2099-01-01', 'medium'), null, '2026-01-01')).toBe('expired');
  });
  it('is none without an acceptance', () => {
    expect(acceptanceState(null, 'high', '2026-01-01')).toBe('none');
  });
});
