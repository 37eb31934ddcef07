import { describe, expect, it } from 'vitest';
import {
  classificationWarnings,
  classify,
  friaState,
  obligations,
  ZAiActClassificationInput,
  type AiActAnswers,
} from './eu-ai-act';

const base = (over: Partial<AiActAnswers> = {}): AiActAnswers => {
  const {
    version: _v,
    notes: _n,
    friaImpactAssessmentId: _f,
    ...rest
  } = ZAiActClassificationInput.parse({
    version: 0,
    prohibitedScreened: true,
  });
  return { ...rest, ...over };
};

describe('EU AI Act classification', () => {
  it('is unscreened until the prohibited-practice screen is done, and prohibited when a practice is found', () => {
    expect(classify(base({ prohibitedScreened: false }))).toBe('unscreened');
    expect(classify(base({ prohibitedPractices: ['social_scoring'] }))).toBe('prohibited');
    expect(classify(base({ prohibitedScreened: false, prohibitedPractices: ['manipulation'] }))).toBe('prohibited');
  });

  it('is high-risk for an Annex III use or an Annex I safety component, unless the Art. 6(3) derogation holds', () => {
    expect(classify(base({ annexIIICategory: 'employment' }))).toBe('high_risk');
    expect(classify(base({ annexIProduct: true }))).toBe('high_risk');
    expect(classify(base({ annexIIICategory: 'employment', derogationReason: 'Only sorts CVs by date' }))).toBe(
      'minimal_risk',
    );
    // Profiling people keeps an Annex III system high-risk whatever reason is given.
    expect(
      classify(base({ annexIIICategory: 'employment', derogationReason: 'Narrow task', profilesPeople: true })),
    ).toBe('high_risk');
  });

  it('is limited-risk with a transparency trigger only, minimal otherwise', () => {
    expect(classify(base({ transparencyTriggers: ['interacts_with_people'] }))).toBe('limited_risk');
    expect(classify(base())).toBe('minimal_risk');
  });

  it('requires a fundamental-rights impact assessment of deployers in Art. 27, recommends it to other deployers of high-risk systems', () => {
    expect(friaState(base({ roles: ['deployer'], annexIIICategory: 'creditworthiness' }))).toBe('required');
    expect(friaState(base({ roles: ['deployer'], annexIIICategory: 'employment', publicService: true }))).toBe(
      'required',
    );
    expect(friaState(base({ roles: ['deployer'], annexIIICategory: 'employment' }))).toBe('recommended');
    expect(
      friaState(base({ roles: ['deployer'], annexIIICategory: 'critical_infrastructure', publicService: true })),
    ).toBe('recommended');
    expect(friaState(base({ roles: ['provider'], annexIIICategory: 'creditworthiness' }))).toBe('not_applicable');
    expect(friaState(base({ roles: ['deployer'] }))).toBe('not_applicable');
  });

  it('derives the articles from role and class, in article order', () => {
    const refs = (a: AiActAnswers) => obligations(a).map((o) => o.ref);
    expect(refs(base({ roles: ['provider'], annexIIICategory: 'education' }))).toEqual([
      'Art. 4',
      'Art. 9',
      'Art. 10',
      'Art. 11',
      'Art. 12',
      'Art. 13',
      'Art. 14',
      'Art. 15',
      'Art. 17',
      'Art. 72',
      'Art. 73',
    ]);
    expect(refs(base({ roles: ['deployer'], annexIIICategory: 'creditworthiness' }))).toEqual([
      'Art. 4',
      'Art. 26',
      'Art. 27',
    ]);
    expect(refs(base({ roles: ['importer', 'distributor'], annexIProduct: true }))).toEqual(['Art. 23', 'Art. 24']);
    expect(refs(base({ roles: ['deployer'], transparencyTriggers: ['synthetic_content'] }))).toEqual([
      'Art. 4',
      'Art. 50',
    ]);
    expect(refs(base({ roles: ['provider'], prohibitedPractices: ['social_scoring'] }))).toEqual(['Art. 5']);
  });

  it('warns until the FRIA is linked, and when the derogation is claimed for a profiling system', () => {
    const a = { ...base({ roles: ['deployer'], annexIIICategory: 'creditworthiness' }), friaImpactAssessmentId: null };
    expect(classificationWarnings(a).join(' ')).toMatch(/Art\. 27.*required/);
    expect(classificationWarnings({ ...a, friaImpactAssessmentId: 'x' })).toEqual([]);
    expect(
      classificationWarnings({
        ...base({ roles: ['provider'], annexIIICategory: 'education', derogationReason: 'r', profilesPeople: true }),
        friaImpactAssessmentId: null,
      }).join(' '),
    ).toMatch(/derogation cannot apply/);
  });

  it('refuses unknown roles and categories with the field named', () => {
    const r = ZAiActClassificationInput.safeParse({ version: 0, prohibitedScreened: true, roles: ['seller'] });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toMatch(/Role under the Act/);
  });
});
