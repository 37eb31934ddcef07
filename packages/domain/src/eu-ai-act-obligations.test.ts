import { describe, expect, it } from 'vitest';
import {
  classificationWarnings,
  classify,
  friaState,
  obligations,
  ZAiActClassificationInput,
  type AiActAnswers,
} from './eu-ai-act';

// Why each article applies, in the words shown, and what the classification still asks for.

const answers = (over: Record<string, unknown> = {}): AiActAnswers => {
  const {
    version: _v,
    notes: _n,
    friaImpactAssessmentId: _f,
    ...rest
  } = ZAiActClassificationInput.parse({
    version: 0,
    prohibitedScreened: true,
    ...over,
  });
  return rest;
};

describe('obligations: each article once, with the first reason, in article order', () => {
  it('for every role of a high-risk public-service system with a transparency duty', () => {
    const provider = 'Provider of a high-risk AI system';
    expect(
      obligations(
        answers({
          roles: ['distributor', 'importer', 'deployer', 'provider'],
          annexIIICategory: 'employment',
          publicService: true,
          transparencyTriggers: ['interacts_with_people'],
        }),
      ),
    ).toEqual([
      { ref: 'Art. 4', because: 'Providers and deployers of any AI system' },
      ...['Art. 9', 'Art. 10', 'Art. 11', 'Art. 12', 'Art. 13', 'Art. 14', 'Art. 15', 'Art. 17'].map((ref) => ({
        ref,
        because: provider,
      })),
      { ref: 'Art. 23', because: 'Importer of a high-risk AI system' },
      { ref: 'Art. 24', because: 'Distributor of a high-risk AI system' },
      { ref: 'Art. 26', because: 'Deployer of a high-risk AI system' },
      { ref: 'Art. 27', because: 'Deployer within Art. 27 (public service, credit or insurance)' },
      { ref: 'Art. 50', because: 'Transparency: the system interacts with people or generates content' },
      { ref: 'Art. 72', because: provider },
      { ref: 'Art. 73', because: provider },
    ]);
  });

  it('for a prohibited practice: only Art. 5, whatever else applies', () => {
    expect(
      obligations(answers({ roles: ['provider'], prohibitedPractices: ['social_scoring'], annexIProduct: true })),
    ).toEqual([
      {
        ref: 'Art. 5',
        because: 'A prohibited practice: the system may not be placed on the market, put into service or used',
      },
    ]);
  });

  it('gives transparency duties to providers and deployers only, and none without a trigger', () => {
    expect(obligations(answers({ roles: ['importer'], transparencyTriggers: ['deep_fake'] }))).toEqual([]);
    expect(
      obligations(answers({ roles: ['provider'], transparencyTriggers: ['deep_fake'] })).map((o) => o.ref),
    ).toEqual(['Art. 4', 'Art. 50']);
    expect(obligations(answers({ roles: ['provider'] })).map((o) => o.ref)).toEqual(['Art. 4']);
  });
});

describe('classification details', () => {
  it('needs a derogation reason that is more than blanks, even from a caller that did not trim it', () => {
    expect(classify(answers({ annexIIICategory: 'employment', derogationReason: '   ' }))).toBe('high_risk');
    expect(classify({ ...answers({ annexIIICategory: 'employment' }), derogationReason: '   ' })).toBe('high_risk');
  });
  it('requires the Art. 27 assessment of a deployer of life or health insurance pricing', () => {
    expect(friaState(answers({ roles: ['deployer'], annexIIICategory: 'life_health_insurance' }))).toBe('required');
  });
  it('keeps each role, practice and trigger once', () => {
    const a = answers({ roles: ['deployer', 'deployer'], transparencyTriggers: ['deep_fake', 'deep_fake'] });
    expect(a.roles).toEqual(['deployer']);
    expect(a.transparencyTriggers).toEqual(['deep_fake']);
  });
});

describe('classification warnings, word for word', () => {
  const warnings = (over: Record<string, unknown>, fria: string | null = null) =>
    classificationWarnings({ ...answers(over), friaImpactAssessmentId: fria });
  it('asks for the screen and the role first', () => {
    expect(warnings({ prohibitedScreened: false })).toEqual([
      'Screen the system against the prohibited practices (Art. 5) first.',
      'Say which role the organization has under the Act for this system.',
    ]);
  });
  it('asks for the impact assessment a deployer is required or recommended to link', () => {
    expect(warnings({ roles: ['deployer'], annexIIICategory: 'creditworthiness' })).toEqual([
      'A fundamental-rights impact assessment (Art. 27) is required: link the impact assessment that covers it.',
    ]);
    expect(warnings({ roles: ['deployer'], annexIIICategory: 'employment' })).toEqual([
      'A high-risk system used as deployer: an impact assessment covering fundamental rights is recommended.',
    ]);
    expect(warnings({ roles: ['deployer'], annexIIICategory: 'employment' }, 'ia-1')).toEqual([]);
  });
  it('says a profiling system cannot use the derogation, only for an Annex III system with a reason', () => {
    expect(
      warnings({
        roles: ['provider'],
        annexIIICategory: 'education',
        derogationReason: 'narrow',
        profilesPeople: true,
      }),
    ).toEqual(['A system that profiles people stays high-risk: the Art. 6(3) derogation cannot apply.']);
    expect(warnings({ roles: ['provider'], derogationReason: 'narrow', profilesPeople: true })).toEqual([]);
    expect(
      warnings({ roles: ['provider'], annexIIICategory: 'education', derogationReason: ' ', profilesPeople: true }),
    ).toEqual([]);
    // A blank reason is no derogation, even from a caller that did not trim it.
    expect(
      classificationWarnings({
        ...answers({ roles: ['provider'], annexIIICategory: 'education', profilesPeople: true }),
        derogationReason: '  ',
        friaImpactAssessmentId: null,
      }),
    ).toEqual([]);
  });
});
