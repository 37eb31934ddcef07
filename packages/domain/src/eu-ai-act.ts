import { z } from 'zod';
import { idRef } from './ids';
import { versionField } from './version';

// EU AI Act classification of one AI system (issue 16 item 5). The organization answers a few
// questions (prohibited-practice screen, Annex I product, Annex III category, its role under the
// Act, transparency triggers); the class, the articles that apply to it and whether a fundamental-
// rights impact assessment (Art. 27) is due are derived here, so the page, the API and the exports
// agree. The obligations name articles of the catalogue's eu-ai-act framework, whose crosswalk to
// ISO/IEC 42001 says which 42001 items give evidence for each. Our own words throughout; this is a
// screening aid, not legal advice.

/** Art. 5 practices, screened one by one. */
export const PROHIBITED_PRACTICES = [
  'manipulation',
  'exploiting_vulnerabilities',
  'social_scoring',
  'crime_prediction_profiling',
  'facial_image_scraping',
  'emotion_recognition_work_education',
  'biometric_categorisation_sensitive',
  'realtime_remote_biometric_identification',
] as const;
export type ProhibitedPractice = (typeof PROHIBITED_PRACTICES)[number];
export const PROHIBITED_PRACTICE_LABELS: Record<ProhibitedPractice, string> = {
  manipulation: 'Subliminal, manipulative or deceptive techniques that distort behaviour and cause significant harm',
  exploiting_vulnerabilities: 'Exploiting vulnerabilities of age, disability or social or economic situation',
  social_scoring: 'Social scoring leading to detrimental or unjustified treatment',
  crime_prediction_profiling: 'Predicting a person’s risk of offending based solely on profiling or personality traits',
  facial_image_scraping: 'Untargeted scraping of facial images to build facial recognition databases',
  emotion_recognition_work_education:
    'Inferring emotions in the workplace or in education (outside medical or safety use)',
  biometric_categorisation_sensitive:
    'Biometric categorisation to infer race, political opinions, religion, sex life …',
  realtime_remote_biometric_identification:
    'Real-time remote biometric identification in public spaces for law enforcement',
};

/** Annex III areas; point 5 is split because Art. 27 names two of its items. */
export const ANNEX_III_CATEGORIES = [
  'biometrics',
  'critical_infrastructure',
  'education',
  'employment',
  'essential_public_services',
  'creditworthiness',
  'life_health_insurance',
  'emergency_services',
  'law_enforcement',
  'migration_border',
  'justice_democracy',
] as const;
export type AnnexIIICategory = (typeof ANNEX_III_CATEGORIES)[number];
export const ANNEX_III_LABELS: Record<AnnexIIICategory, string> = {
  biometrics: '1 Biometrics',
  critical_infrastructure: '2 Critical infrastructure',
  education: '3 Education and vocational training',
  employment: '4 Employment and workers management',
  essential_public_services: '5(a) Eligibility for public assistance benefits and services',
  creditworthiness: '5(b) Creditworthiness and credit scoring',
  life_health_insurance: '5(c) Risk assessment and pricing in life and health insurance',
  emergency_services: '5(d) Emergency calls and dispatch',
  law_enforcement: '6 Law enforcement',
  migration_border: '7 Migration, asylum and border control',
  justice_democracy: '8 Administration of justice and democratic processes',
};

export const AI_ACT_ROLES = ['provider', 'deployer', 'importer', 'distributor'] as const;
export type AiActRole = (typeof AI_ACT_ROLES)[number];
export const AI_ACT_ROLE_LABELS: Record<AiActRole, string> = {
  provider: 'Provider',
  deployer: 'Deployer',
  importer: 'Importer',
  distributor: 'Distributor',
};

/** Art. 50 situations that bring transparency duties whatever the risk class. */
export const TRANSPARENCY_TRIGGERS = [
  'interacts_with_people',
  'synthetic_content',
  'emotion_or_biometric_categorisation',
  'deep_fake',
] as const;
export type TransparencyTrigger = (typeof TRANSPARENCY_TRIGGERS)[number];
export const TRANSPARENCY_TRIGGER_LABELS: Record<TransparencyTrigger, string> = {
  interacts_with_people: 'Interacts directly with people',
  synthetic_content: 'Generates synthetic audio, image, video or text',
  emotion_or_biometric_categorisation: 'Recognises emotions or categorises people biometrically',
  deep_fake: 'Produces deep fakes or text published to inform the public',
};

export const AI_ACT_CLASSES = ['unscreened', 'prohibited', 'high_risk', 'limited_risk', 'minimal_risk'] as const;
export type AiActClass = (typeof AI_ACT_CLASSES)[number];
export const AI_ACT_CLASS_LABELS: Record<AiActClass, string> = {
  unscreened: 'Not yet screened',
  prohibited: 'Prohibited practice',
  high_risk: 'High-risk',
  limited_risk: 'Transparency obligations',
  minimal_risk: 'Minimal risk',
};

export const FRIA_STATES = ['not_applicable', 'recommended', 'required'] as const;
export type FriaState = (typeof FRIA_STATES)[number];
export const FRIA_STATE_LABELS: Record<FriaState, string> = {
  not_applicable: 'Not applicable',
  recommended: 'Recommended',
  required: 'Required (Art. 27)',
};

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`);
const list = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z
    .array(z.enum(values, { error: `${label}: each must be one of ${values.join(', ')}` }), {
      error: `${label} must be a list`,
    })
    .max(values.length)
    .transform((v) => [...new Set(v)]);

const FIELDS = {
  /** The Art. 5 screen was done; the practices found (usually none) are listed below. */
  prohibitedScreened: z.boolean({ error: 'Prohibited-practice screen done must be true or false' }),
  prohibitedPractices: list(PROHIBITED_PRACTICES, 'Prohibited practices found'),
  annexIProduct: z.boolean({
    error: 'Safety component of an Annex I product must be true or false',
  }),
  annexIIICategory: z
    .enum(ANNEX_III_CATEGORIES, { error: `Annex III category must be one of: ${ANNEX_III_CATEGORIES.join(', ')}` })
    .nullable(),
  /** Art. 6(3): an Annex III system that is not high-risk (narrow procedural task …), with the reason. */
  derogationReason: text('Reason the Annex III system is not high-risk (Art. 6(3))', 3000),
  profilesPeople: z.boolean({ error: 'Profiles natural persons must be true or false' }),
  roles: list(AI_ACT_ROLES, 'Role under the Act'),
  transparencyTriggers: list(TRANSPARENCY_TRIGGERS, 'Transparency triggers'),
  /** A deployer that is a public body or provides public services (Art. 27 applies to it). */
  publicService: z.boolean({ error: 'Public body or public service must be true or false' }),
  friaImpactAssessmentId: idRef(
    'Fundamental-rights impact assessment',
    'an impact assessment of this AI system',
  ).nullable(),
  notes: text('Notes', 5000),
};

/** The whole classification, sent at once (PUT) with the version read (0 when there is none yet). */
export const ZAiActClassificationInput = z.strictObject({
  version: versionField(),
  prohibitedScreened: FIELDS.prohibitedScreened,
  prohibitedPractices: FIELDS.prohibitedPractices.default([]),
  annexIProduct: FIELDS.annexIProduct.default(false),
  annexIIICategory: FIELDS.annexIIICategory.default(null),
  derogationReason: FIELDS.derogationReason.default(''),
  profilesPeople: FIELDS.profilesPeople.default(false),
  roles: FIELDS.roles.default([]),
  transparencyTriggers: FIELDS.transparencyTriggers.default([]),
  publicService: FIELDS.publicService.default(false),
  friaImpactAssessmentId: FIELDS.friaImpactAssessmentId.default(null),
  notes: FIELDS.notes.default(''),
});
export type AiActClassificationInput = z.output<typeof ZAiActClassificationInput>;
export type AiActAnswers = Omit<AiActClassificationInput, 'version' | 'notes' | 'friaImpactAssessmentId'>;

/**
 * The class the answers lead to. Prohibited wins; then high-risk (an Annex I safety component, or
 * an Annex III use unless the Art. 6(3) derogation is claimed with a reason and the system does not
 * profile people, which always keeps it high-risk); then transparency duties; else minimal.
 */
export function classify(a: AiActAnswers): AiActClass {
  if (a.prohibitedPractices.length) return 'prohibited';
  if (!a.prohibitedScreened) return 'unscreened';
  if (isHighRisk(a)) return 'high_risk';
  if (a.transparencyTriggers.length) return 'limited_risk';
  return 'minimal_risk';
}

export function isHighRisk(a: AiActAnswers): boolean {
  if (a.annexIProduct) return true;
  if (a.annexIIICategory === null) return false;
  const derogated = a.derogationReason.trim() !== '' && !a.profilesPeople;
  return !derogated;
}

/**
 * Whether a fundamental-rights impact assessment is due. Art. 27 binds deployers of high-risk
 * systems that are public bodies or provide public services, and any deployer of a creditworthiness
 * or life/health-insurance system; critical infrastructure (Annex III point 2) is left out. Any
 * other deployer of a high-risk system is prompted to do one anyway: the 42001 impact assessment
 * (6.1.4, A.5) covers the same ground.
 */
export function friaState(a: AiActAnswers): FriaState {
  if (!a.roles.includes('deployer') || classify(a) !== 'high_risk') return 'not_applicable';
  if (a.annexIIICategory === 'critical_infrastructure') return 'recommended';
  if (a.publicService) return 'required';
  if (a.annexIIICategory === 'creditworthiness' || a.annexIIICategory === 'life_health_insurance') return 'required';
  return 'recommended';
}

export type AiActObligation = {
  /** An article ref ("Art. 9"); those in the catalogue's eu-ai-act framework carry its crosswalk. */
  ref: string;
  /** Why it applies: the role and class. */
  because: string;
};

const PROVIDER_HIGH_RISK = ['Art. 9', 'Art. 10', 'Art. 11', 'Art. 12', 'Art. 13', 'Art. 14', 'Art. 15', 'Art. 17'];
const POST_MARKET = ['Art. 72', 'Art. 73'];

/** The articles that apply, in article order, each once with the first reason found. */
export function obligations(a: AiActAnswers): AiActObligation[] {
  const cls = classify(a);
  const out = new Map<string, string>();
  const add = (refs: string[], because: string) => {
    for (const ref of refs) if (!out.has(ref)) out.set(ref, because);
  };
  if (cls === 'prohibited') {
    add(['Art. 5'], 'A prohibited practice: the system may not be placed on the market, put into service or used');
    return [...out].map(([ref, because]) => ({ ref, because }));
  }
  const has = (r: AiActRole) => a.roles.includes(r);
  if (has('provider') || has('deployer')) add(['Art. 4'], 'Providers and deployers of any AI system');
  if (cls === 'high_risk') {
    if (has('provider')) {
      add(PROVIDER_HIGH_RISK, 'Provider of a high-risk AI system');
      add(POST_MARKET, 'Provider of a high-risk AI system');
    }
    if (has('importer')) add(['Art. 23'], 'Importer of a high-risk AI system');
    if (has('distributor')) add(['Art. 24'], 'Distributor of a high-risk AI system');
    if (has('deployer')) add(['Art. 26'], 'Deployer of a high-risk AI system');
    if (friaState(a) === 'required') add(['Art. 27'], 'Deployer within Art. 27 (public service, credit or insurance)');
  }
  if (a.transparencyTriggers.length && (has('provider') || has('deployer')))
    add(['Art. 50'], 'Transparency: the system interacts with people or generates content');
  return [...out]
    .map(([ref, because]) => ({ ref, because }))
    .sort((x, y) => articleNumber(x.ref) - articleNumber(y.ref));
}

const articleNumber = (ref: string) => Number(ref.replace(/^Art\.\s*/, '')) || 0;

/** What still needs an answer or a link before the classification can be relied on. */
export function classificationWarnings(a: AiActAnswers & { friaImpactAssessmentId: string | null }): string[] {
  const w: string[] = [];
  if (!a.prohibitedScreened) w.push('Screen the system against the prohibited practices (Art. 5) first.');
  if (!a.roles.length) w.push('Say which role the organization has under the Act for this system.');
  if (a.annexIIICategory !== null && a.derogationReason.trim() !== '' && a.profilesPeople)
    w.push('A system that profiles people stays high-risk: the Art. 6(3) derogation cannot apply.');
  const fria = friaState(a);
  if (fria === 'required' && !a.friaImpactAssessmentId)
    w.push('A fundamental-rights impact assessment (Art. 27) is required: link the impact assessment that covers it.');
  if (fria === 'recommended' && !a.friaImpactAssessmentId)
    w.push('A high-risk system used as deployer: an impact assessment covering fundamental rights is recommended.');
  return w;
}
