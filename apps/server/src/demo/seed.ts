import { randomBytes, randomInt } from 'node:crypto';
import { ZCreateAiSystem, ZInvitationInput, ZSetup, type Role, type TAiSystemInput } from '@fortytwo/domain';
import type { FileStore } from '../platform/files';
import type { Deps } from '../platform/transaction';
import { isSetUp, setUp } from '../modules/identity/setup';
import { acceptInvitation, inviteMember } from '../modules/orgs/invitations';
import { createAiSystem, updateAiSystemFields } from '../modules/inventory/service';
import { seedDemoGap } from './gap';
import { seedDemoContext } from './context';
import { seedDemoDocuments } from './documents';
import { seedDemoRisk } from './risk';
import { seedDemoControls } from './controls';
import { seedDemoCompetence } from './competence';
import { seedDemoObjectivesAndMetrics } from './objectives-metrics';
import { seedDemoThirdParties } from './third-parties';
import { seedDemoCertification } from './certification';
import { seedDemoAudits } from './audits';
import { seedDemoManagementReview } from './management-review';
import { seedDemoAiLifecycle } from './ai-lifecycle';
import { spreadDemoHistory } from './history';

// `npm run demo`: a fictional consumer lender with a realistic AI inventory. Every name, company
// and e-mail address below is invented (the .example domain is reserved for examples).

export const DEMO_EMAIL = 'demo@example.com';
export const DEMO_ORGANIZATION = 'Northwind Lending';

const DEMO_USER = { email: DEMO_EMAIL, name: 'Dana Whitfield' };
const domain = 'northwind-lending.example';

type PersonKey = 'dana' | 'priya' | 'tomas' | 'grace' | 'jonas';

/** Colleagues who accepted their invitation (their passwords are random and thrown away: nobody signs in as them). */
const COLLEAGUES: { key: Exclude<PersonKey, 'dana'>; name: string; email: string; role: Role }[] = [
  { key: 'priya', name: 'Priya Raman', email: `priya.raman@${domain}`, role: 'manager' },
  { key: 'tomas', name: 'Tomás Ortega', email: `tomas.ortega@${domain}`, role: 'contributor' },
  { key: 'grace', name: 'Grace Mensah', email: `grace.mensah@${domain}`, role: 'contributor' },
  { key: 'jonas', name: 'Jonas Berg', email: `jonas.berg@${domain}`, role: 'internal_auditor' },
];

/** Invitations still waiting for an answer. */
const PENDING_INVITATIONS: { email: string; role: Role; accessDays?: number }[] = [
  { email: 'lena.fischer@certify-assurance.example', role: 'external_auditor', accessDays: 120 },
  { email: `marco.bianchi@${domain}`, role: 'approver' },
];

type DemoSystem = Omit<TAiSystemInput, 'ownerId'> & { owner: PersonKey };

const AI_SYSTEMS: DemoSystem[] = [
  {
    name: 'Applicant credit scoring (PD model)',
    description:
      'Gradient-boosted model estimating the 12-month probability of default of personal-loan applicants from application data and credit bureau records. ' +
      'Scores feed the decision engine; applications near the cut-off are referred to an underwriter.',
    intendedPurpose: 'Support the creditworthiness assessment and approval of personal loans up to EUR 50,000.',
    aiRoles: ['provider', 'producer'],
    lifecycleStage: 'operation',
    owner: 'tomas',
    jurisdictions: ['EU', 'UK'],
    thirdParties: ['Calloway Credit Reference (bureau data)', 'Stratus Cloud ML platform'],
    riskTier: 'high',
    tags: ['credit', 'annex-iii', 'automated-decision'],
  },
  {
    name: 'Payment fraud detection',
    description:
      'Real-time scoring of card payments and instant transfers combining anomaly detection with a supervised model. ' +
      'Flagged payments are held for review by the fraud team; fraud signals are shared with an industry consortium.',
    intendedPurpose: 'Detect and hold potentially fraudulent payments and account takeovers for human review.',
    aiRoles: ['provider', 'partner'],
    lifecycleStage: 'operation',
    owner: 'priya',
    jurisdictions: ['EU', 'UK'],
    thirdParties: ['SafePay Alliance (fraud data exchange)'],
    riskTier: 'minimal',
    tags: ['fraud', 'payments', 'real-time'],
  },
  {
    name: 'Ask Northwind customer assistant',
    description:
      'Chat assistant in the website and mobile app answering questions on loans, repayments and account access. ' +
      'Built on a third-party large language model with retrieval over help-centre articles; hands over to a human agent on request or when unsure. ' +
      'Users are told they are talking to an AI.',
    intendedPurpose: 'Answer routine customer questions and route complex or sensitive cases to human agents.',
    aiRoles: ['customer', 'provider'],
    lifecycleStage: 'verification',
    owner: 'grace',
    jurisdictions: ['EU', 'UK'],
    thirdParties: ['Meridian AI (LLM API, EU region)', 'Deskly help-centre platform'],
    riskTier: 'limited',
    tags: ['genai', 'llm', 'customer-service'],
  },
  {
    name: 'Loan document OCR and extraction',
    description:
      'Reads payslips, bank statements and identity documents uploaded with applications and extracts the fields underwriting needs. ' +
      'Fields below the confidence threshold go to manual keying.',
    intendedPurpose: 'Speed up application processing by reading applicant documents.',
    aiRoles: ['customer'],
    lifecycleStage: 'operation',
    owner: 'grace',
    jurisdictions: ['EU'],
    thirdParties: ['Papyrus Vision document AI service'],
    riskTier: 'minimal',
    tags: ['ocr', 'documents', 'back-office'],
  },
  {
    name: 'Next-best-offer recommender',
    description:
      'Recommends which offer (top-up loan, savings account or none) to show existing customers in the app and in e-mail campaigns. ' +
      'Customers in arrears or flagged as vulnerable are excluded.',
    intendedPurpose: 'Personalise marketing offers for existing customers who consented to marketing.',
    aiRoles: ['provider', 'producer'],
    lifecycleStage: 'development',
    owner: 'tomas',
    jurisdictions: ['EU', 'UK'],
    thirdParties: ['Segmently customer data platform'],
    riskTier: 'minimal',
    tags: ['marketing', 'personalisation', 'consent'],
  },
  {
    name: 'CV screening assistant',
    description:
      'Vendor tool ranking applications for customer-service and operations vacancies against the job profile. ' +
      'Recruiters see the ranking and its reasons; every rejection is decided by a person. Pilot on two vacancies.',
    intendedPurpose: 'Help recruiters prioritise job applications for review.',
    aiRoles: ['customer'],
    lifecycleStage: 'verification',
    owner: 'priya',
    jurisdictions: ['EU', 'UK'],
    thirdParties: ['TalentSift recruiting platform'],
    riskTier: 'high',
    status: 'draft',
    tags: ['hr', 'annex-iii', 'pilot'],
  },
  {
    name: 'Collections propensity model (v1)',
    description:
      'Predicted whether a customer in early arrears would pay after a reminder. Replaced by rules agreed with the conduct-risk team; kept for the record.',
    intendedPurpose: 'Prioritise outreach to customers in early arrears.',
    aiRoles: ['provider', 'producer'],
    lifecycleStage: 'retired',
    owner: 'tomas',
    jurisdictions: ['UK'],
    riskTier: 'minimal',
    status: 'archived',
    tags: ['collections', 'legacy'],
  },
  {
    name: 'Affordability assistant for underwriters',
    description:
      "Idea: summarise an applicant's income and spending from open-banking data for the underwriter. Under evaluation; no personal data processed yet.",
    intendedPurpose: 'Help underwriters assess affordability faster and more consistently.',
    aiRoles: ['provider', 'customer'],
    lifecycleStage: 'idea',
    owner: 'dana',
    jurisdictions: ['UK'],
    thirdParties: ['Open-banking aggregator (to be selected)'],
    riskTier: 'unclassified',
    status: 'draft',
    tags: ['genai', 'open-banking', 'underwriting'],
  },
];

/** A random sign-in password for the demo user: 4 groups of 5 unambiguous characters (about 99 bits). */
export function generateDemoPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const group = () => Array.from({ length: 5 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

export type DemoSeed = {
  user: { id: string; email: string; name: string };
  organization: { id: string; name: string };
  /** Shown once on the console; only its Argon2 hash is stored. */
  password: string;
  aiSystems: number;
  members: number;
};

/** Whether the demo user exists (a database with other users only was not seeded by the demo). */
export async function hasDemoUser(deps: Deps): Promise<boolean> {
  return (
    (await deps.db.selectFrom('users').select('id').where('email', '=', DEMO_EMAIL).executeTakeFirst()) !== undefined
  );
}

/**
 * Seeds the demo through the same service functions the API uses (so the audit trail is the real
 * one), unless the database already has a user: then it returns null and changes nothing. The
 * store keeps the files of the documents it approves (the server's DATA_DIR store).
 */
export async function seedDemo(deps: Deps, store: FileStore): Promise<DemoSeed | null> {
  if (await isSetUp(deps)) return null;
  const password = generateDemoPassword();
  const { user, organization } = await setUp(
    deps,
    ZSetup.parse({ ...DEMO_USER, password, organizationName: DEMO_ORGANIZATION }),
  );
  const actor = { userId: user.id, name: user.name };
  const asOwner = { orgId: organization.id, role: 'owner' as const, expiresAt: null };

  const people: Record<PersonKey, string> = { dana: user.id, priya: '', tomas: '', grace: '', jonas: '' };
  for (const c of COLLEAGUES) {
    const { token } = await inviteMember(
      deps,
      actor,
      asOwner,
      ZInvitationInput.parse({ email: c.email, role: c.role }),
    );
    const accepted = await acceptInvitation(deps, token, null, {
      name: c.name,
      password: randomBytes(24).toString('base64url'),
    });
    people[c.key] = accepted.user.id;
  }
  for (const i of PENDING_INVITATIONS) {
    const expiresAt = i.accessDays ? new Date(Date.now() + i.accessDays * 86_400_000).toISOString() : undefined;
    await inviteMember(deps, actor, asOwner, ZInvitationInput.parse({ email: i.email, role: i.role, expiresAt }));
  }

  const systems: { id: string; name: string; lifecycleStage: string }[] = [];
  for (const { owner, ...fields } of AI_SYSTEMS) {
    const created = await createAiSystem(
      deps,
      actor,
      organization.id,
      ZCreateAiSystem.parse({ ...fields, ownerId: people[owner] }),
    );
    // One system with a history: it passed verification and went live.
    if (created.name === 'Ask Northwind customer assistant') {
      await updateAiSystemFields(deps, actor, organization.id, created.id, {
        version: created.version,
        lifecycleStage: 'deployment',
        tags: [...created.tags, 'transparency'],
      });
      systems.push({ id: created.id, name: created.name, lifecycleStage: 'deployment' });
    } else systems.push({ id: created.id, name: created.name, lifecycleStage: created.lifecycleStage });
  }
  await seedDemoGap(deps, actor, organization.id, { manager: people.priya, contributor: people.tomas });
  await seedDemoContext(
    deps,
    actor,
    organization.id,
    { manager: people.priya, contributor: people.tomas, auditor: people.jonas },
    systems,
  );
  await seedDemoRisk(deps, actor, organization.id, { manager: people.priya, contributor: people.tomas }, systems);
  await seedDemoObjectivesAndMetrics(
    deps,
    actor,
    organization.id,
    { manager: people.priya, contributor: people.tomas },
    systems,
  );
  await seedDemoThirdParties(
    deps,
    actor,
    organization.id,
    { manager: people.priya, contributor: people.tomas },
    systems,
  );
  await seedDemoAiLifecycle(deps, actor, organization.id, systems);
  const as = (key: Exclude<PersonKey, 'dana'>) => ({
    userId: people[key],
    name: COLLEAGUES.find((c) => c.key === key)!.name,
  });
  await seedDemoDocuments(deps, store, organization.id, {
    owner: actor,
    manager: as('priya'),
    contributor: as('tomas'),
    auditor: as('jonas'),
  });
  await seedDemoControls(deps, actor, organization.id, { manager: people.priya, contributor: people.tomas });
  await seedDemoCompetence(deps, store, organization.id, {
    owner: actor,
    manager: as('priya'),
    contributor: as('tomas'),
    colleague: as('grace'),
  });
  await seedDemoCertification(deps, actor, organization.id);
  await seedDemoAudits(deps, store, organization.id, { owner: actor, auditor: as('jonas'), contributor: as('tomas') });
  await seedDemoManagementReview(deps, store, { ...actor, userId: user.id }, organization.id, {
    manager: people.priya,
    auditor: people.jonas,
  });
  await spreadDemoHistory(deps, organization.id);
  return {
    user,
    organization: { id: organization.id, name: organization.name },
    password,
    aiSystems: AI_SYSTEMS.length,
    members: COLLEAGUES.length + 1,
  };
}
