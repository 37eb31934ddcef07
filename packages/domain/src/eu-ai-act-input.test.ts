import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AI_ACT_CLASS_LABELS,
  AI_ACT_CLASSES,
  AI_ACT_ROLE_LABELS,
  AI_ACT_ROLES,
  ANNEX_III_CATEGORIES,
  ANNEX_III_LABELS,
  FRIA_STATE_LABELS,
  FRIA_STATES,
  PROHIBITED_PRACTICE_LABELS,
  PROHIBITED_PRACTICES,
  TRANSPARENCY_TRIGGER_LABELS,
  TRANSPARENCY_TRIGGERS,
  ZAiActClassificationInput,
} from './eu-ai-act';

// What the EU AI Act classification input accepts, and the words of each refusal: one bad field per
// case, so the answer names exactly that field. Then the value lists the API accepts and their labels.

const issues = (schema: z.ZodType, input: unknown) =>
  (schema.safeParse(input).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);
const long = (n: number) => 'x'.repeat(n);
const base = { version: 0, prohibitedScreened: true };
const practices =
  'manipulation, exploiting_vulnerabilities, social_scoring, crime_prediction_profiling, facial_image_scraping, ' +
  'emotion_recognition_work_education, biometric_categorisation_sensitive, realtime_remote_biometric_identification';
const categories =
  'biometrics, critical_infrastructure, education, employment, essential_public_services, creditworthiness, ' +
  'life_health_insurance, emergency_services, law_enforcement, migration_border, justice_democracy';
const triggers = 'interacts_with_people, synthetic_content, emotion_or_biometric_categorisation, deep_fake';
const derogation = 'Reason the Annex III system is not high-risk (Art. 6(3))';
const fria = 'Fundamental-rights impact assessment: send the id of an impact assessment of this AI system';

describe('an EU AI Act classification', () => {
  it('answers no to every question it is not sent; texts are trimmed', () => {
    expect(ZAiActClassificationInput.parse(base)).toEqual({
      ...base,
      prohibitedPractices: [],
      annexIProduct: false,
      annexIIICategory: null,
      derogationReason: '',
      profilesPeople: false,
      roles: [],
      transparencyTriggers: [],
      publicService: false,
      friaImpactAssessmentId: null,
      notes: '',
    });
    expect(ZAiActClassificationInput.parse({ ...base, derogationReason: ' r ', notes: ' n ' })).toMatchObject({
      derogationReason: 'r',
      notes: 'n',
    });
  });
  it('keeps each listed value once', () => {
    expect(
      ZAiActClassificationInput.parse({
        ...base,
        roles: ['deployer', 'deployer'],
        prohibitedPractices: ['social_scoring', 'social_scoring'],
        transparencyTriggers: ['deep_fake', 'deep_fake'],
      }),
    ).toMatchObject({
      roles: ['deployer'],
      prohibitedPractices: ['social_scoring'],
      transparencyTriggers: ['deep_fake'],
    });
  });
  it('accepts every list in full and every text at its longest', () => {
    expect(
      ZAiActClassificationInput.safeParse({
        ...base,
        prohibitedPractices: [...PROHIBITED_PRACTICES],
        roles: [...AI_ACT_ROLES],
        transparencyTriggers: [...TRANSPARENCY_TRIGGERS],
        derogationReason: long(3000),
        notes: long(5000),
        friaImpactAssessmentId: long(64),
      }).success,
    ).toBe(true);
  });
  it.each([
    [{ version: undefined }, 'version', 'version is required: send the version you read'],
    [{ prohibitedScreened: undefined }, 'prohibitedScreened', 'Prohibited-practice screen done must be true or false'],
    [{ prohibitedPractices: 'all' }, 'prohibitedPractices', 'Prohibited practices found must be a list'],
    [
      { prohibitedPractices: ['lying'] },
      'prohibitedPractices.0',
      `Prohibited practices found: each must be one of ${practices}`,
    ],
    [{ annexIProduct: 1 }, 'annexIProduct', 'Safety component of an Annex I product must be true or false'],
    [{ annexIIICategory: 'health' }, 'annexIIICategory', `Annex III category must be one of: ${categories}`],
    [{ derogationReason: 5 }, 'derogationReason', `${derogation} must be text`],
    [{ derogationReason: long(3001) }, 'derogationReason', `${derogation} must be at most 3000 characters`],
    [{ profilesPeople: 'no' }, 'profilesPeople', 'Profiles natural persons must be true or false'],
    [{ roles: 5 }, 'roles', 'Role under the Act must be a list'],
    [
      { roles: ['seller'] },
      'roles.0',
      'Role under the Act: each must be one of provider, deployer, importer, distributor',
    ],
    [
      { transparencyTriggers: ['chat'] },
      'transparencyTriggers.0',
      `Transparency triggers: each must be one of ${triggers}`,
    ],
    [{ publicService: null }, 'publicService', 'Public body or public service must be true or false'],
    [{ friaImpactAssessmentId: '' }, 'friaImpactAssessmentId', fria],
    [{ notes: 5 }, 'notes', 'Notes must be text'],
    [{ notes: long(5001) }, 'notes', 'Notes must be at most 5000 characters'],
  ])('refuses %j', (bad, path, message) => {
    expect(issues(ZAiActClassificationInput, { ...base, ...bad })).toEqual([[path, message]]);
  });
  it('refuses a list longer than the values it may hold', () => {
    const five = ['provider', 'deployer', 'importer', 'distributor', 'provider'];
    expect(issues(ZAiActClassificationInput, { ...base, roles: five }).map(([path]) => path)).toEqual(['roles']);
  });
});

describe('the value lists', () => {
  it('are the ones the API accepts', () => {
    expect(PROHIBITED_PRACTICES.join(', ')).toBe(practices);
    expect(ANNEX_III_CATEGORIES.join(', ')).toBe(categories);
    expect(TRANSPARENCY_TRIGGERS.join(', ')).toBe(triggers);
    expect(AI_ACT_ROLES).toEqual(['provider', 'deployer', 'importer', 'distributor']);
    expect(AI_ACT_CLASSES).toEqual(['unscreened', 'prohibited', 'high_risk', 'limited_risk', 'minimal_risk']);
    expect(FRIA_STATES).toEqual(['not_applicable', 'recommended', 'required']);
  });
  it.each([
    ['prohibited practice', PROHIBITED_PRACTICES, PROHIBITED_PRACTICE_LABELS],
    ['Annex III category', ANNEX_III_CATEGORIES, ANNEX_III_LABELS],
    ['role', AI_ACT_ROLES, AI_ACT_ROLE_LABELS],
    ['transparency trigger', TRANSPARENCY_TRIGGERS, TRANSPARENCY_TRIGGER_LABELS],
    ['class', AI_ACT_CLASSES, AI_ACT_CLASS_LABELS],
    ['FRIA state', FRIA_STATES, FRIA_STATE_LABELS],
  ] as const)('give each %s a label of its own', (_, values, labels) => {
    const shown = values.map((v) => (labels as Record<string, string>)[v]);
    expect(Object.keys(labels)).toEqual([...values]);
    expect(shown.every((l) => typeof l === 'string' && l.trim().length > 0)).toBe(true);
    expect(new Set(shown).size).toBe(values.length);
  });
  it('say what a class or a FRIA state means in the words the page shows', () => {
    // The words people read on the page; the Act's own article for the FRIA.
    expect(AI_ACT_CLASS_LABELS).toEqual({
      unscreened: 'Not yet screened',
      prohibited: 'Prohibited practice',
      high_risk: 'High-risk',
      limited_risk: 'Transparency obligations',
      minimal_risk: 'Minimal risk',
    });
    expect(FRIA_STATE_LABELS).toEqual({
      not_applicable: 'Not applicable',
      recommended: 'Recommended',
      required: 'Required (Art. 27)',
    });
    expect(AI_ACT_ROLE_LABELS).toEqual({
      provider: 'Provider',
      deployer: 'Deployer',
      importer: 'Importer',
      distributor: 'Distributor',
    });
    expect(Object.values(ANNEX_III_LABELS).map((l) => l.split(' ')[0])).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5(a)',
      '5(b)',
      '5(c)',
      '5(d)',
      '6',
      '7',
      '8',
    ]);
  });
});
