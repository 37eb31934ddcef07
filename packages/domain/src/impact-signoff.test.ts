import { describe, expect, it } from 'vitest';
import { impactGaps, impactSignOffProblems } from './impact';

const ALL_INDIVIDUAL = {
  fairness: 'None expected: the score is not used for decisions',
  transparency: 'Applicants are told a model is used',
  privacy: 'Only the fields of the form',
  safety: 'None expected',
  accessibility: 'Screen-reader tested',
  human_rights: 'None expected',
};
const ALL_SOCIETAL = {
  environment: 'Small model, EU region',
  economy: 'No jobs replaced',
  democratic_processes: 'None expected',
  health: 'None expected',
  culture: 'None expected',
};
const complete = {
  intendedUse: 'Rank loan applications for a human reviewer',
  affectedGroups: [{ group: 'Applicants', effects: ALL_INDIVIDUAL }],
  societalEffects: ALL_SOCIETAL,
  societalNotApplicable: '',
  severity: 3,
  likelihood: 2,
  conclusion: 'Acceptable with the mitigations listed',
  retentionUntil: '2030-12-31',
};
const SOCIETAL_ALL_MISSING =
  'Answer every societal effect area (A.5.5), or say why the societal section does not apply: environment and sustainability, economy and employment, government and democratic processes, health and safety, culture, norms and values';

describe('what an impact assessment needs before sign-off', () => {
  it('has nothing to ask of a complete assessment', () => {
    expect(impactSignOffProblems(complete)).toEqual([]);
  });

  it('lists everything missing from an empty one, word for word and in order', () => {
    expect(
      impactSignOffProblems({
        intendedUse: '',
        affectedGroups: [],
        severity: null,
        likelihood: null,
        conclusion: '',
        retentionUntil: null,
      }),
    ).toEqual([
      'Describe the intended use',
      'Name at least one affected individual or group',
      SOCIETAL_ALL_MISSING,
      'Rate severity and likelihood',
      'Write the conclusion',
      'Set how long the assessment is kept (A.5.3)',
    ]);
  });

  it('counts blank answers as missing', () => {
    expect(
      impactSignOffProblems({
        ...complete,
        intendedUse: '  ',
        affectedGroups: [{ group: 'Applicants', effects: { ...ALL_INDIVIDUAL, privacy: ' ', human_rights: '' } }],
        societalEffects: { ...ALL_SOCIETAL, economy: '   ' },
        societalNotApplicable: '  ',
        conclusion: ' ',
      }),
    ).toEqual([
      'Describe the intended use',
      'Answer every effect area for Applicants (write "none expected" with the reason where it does not apply): privacy and security, human rights',
      'Answer every societal effect area (A.5.5), or say why the societal section does not apply: economy and employment',
      'Write the conclusion',
    ]);
  });

  it('needs both ratings', () => {
    expect(impactSignOffProblems({ ...complete, likelihood: null })).toEqual(['Rate severity and likelihood']);
    expect(impactSignOffProblems({ ...complete, severity: null })).toEqual(['Rate severity and likelihood']);
  });

  it('takes a reason why the societal section does not apply instead of its answers', () => {
    expect(
      impactSignOffProblems({ ...complete, societalEffects: undefined, societalNotApplicable: 'Internal tool only' }),
    ).toEqual([]);
    expect(
      impactSignOffProblems({ ...complete, societalEffects: undefined, societalNotApplicable: undefined }),
    ).toEqual([SOCIETAL_ALL_MISSING]);
  });
});

describe('AI systems in scope without a signed-off impact assessment', () => {
  it('says which were never assessed and which have only drafts', () => {
    expect(
      impactGaps(
        [
          { id: 's1', name: 'Scorer' },
          { id: 's2', name: 'Chatbot' },
          { id: 's3', name: 'Triage' },
        ],
        [
          { aiSystemId: 's2', status: 'draft' },
          { aiSystemId: 's3', status: 'draft' },
          { aiSystemId: 's3', status: 'signed_off' },
        ],
      ),
    ).toEqual([
      {
        aiSystemId: 's1',
        aiSystemName: 'Scorer',
        reason: 'never_assessed',
        message: 'Scorer is in scope but has no impact assessment (6.1.4, A.5.2): start one.',
      },
      {
        aiSystemId: 's2',
        aiSystemName: 'Chatbot',
        reason: 'draft_only',
        message:
          'Chatbot has an impact assessment in draft but none signed off (6.1.4, A.5.2): complete it and have it signed off.',
      },
    ]);
  });
});
