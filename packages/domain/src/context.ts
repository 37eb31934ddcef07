import { z } from 'zod';
import { versionField } from './version';
import { calendarDate } from './dates';
import { AI_ROLES, type AiRole } from './enums';

// Step 2, clauses 4.1 and 4.2: the organization's context (issues, climate decision, AI roles) and
// its interested parties with their requirements. Our own wording throughout.

export const CONTEXT_ISSUE_KINDS = ['internal', 'external'] as const;
export type ContextIssueKind = (typeof CONTEXT_ISSUE_KINDS)[number];

export const CONTEXT_CATEGORIES = [
  'legal_regulatory',
  'technological',
  'economic',
  'social_cultural',
  'environmental',
  'ethical',
  'competitive',
  'organizational',
  'other',
] as const;
export type ContextCategory = (typeof CONTEXT_CATEGORIES)[number];
export const CONTEXT_CATEGORY_LABELS: Record<ContextCategory, string> = {
  legal_regulatory: 'Legal and regulatory',
  technological: 'Technological',
  economic: 'Economic',
  social_cultural: 'Social and cultural',
  environmental: 'Environmental',
  ethical: 'Ethical',
  competitive: 'Competitive',
  organizational: 'Organizational',
  other: 'Other',
};

/** Sub-roles of each AI role (ISO/IEC 42001 4.1 note; ISO/IEC 22989 5.19), as stable ids. */
export const AI_SUB_ROLES: Record<AiRole, readonly string[]> = {
  provider: ['ai_platform_provider', 'ai_product_or_service_provider'],
  producer: [
    'ai_developer',
    'ai_designer',
    'ai_operator',
    'ai_tester_evaluator',
    'ai_deployer',
    'human_factors_professional',
    'domain_expert',
    'impact_assessor',
    'procurer',
    'governance_oversight_professional',
  ],
  customer: ['ai_user'],
  partner: ['ai_system_integrator', 'data_provider', 'ai_evaluator', 'ai_auditor'],
  subject: ['data_subject', 'other_subject'],
  relevant_authority: ['policymaker', 'regulator'],
};
export const AI_SUB_ROLE_LABELS: Record<string, string> = {
  ai_platform_provider: 'AI platform provider',
  ai_product_or_service_provider: 'AI product or service provider',
  ai_developer: 'AI developer',
  ai_designer: 'AI designer',
  ai_operator: 'AI operator',
  ai_tester_evaluator: 'AI tester and evaluator',
  ai_deployer: 'AI deployer',
  human_factors_professional: 'Human-factors professional',
  domain_expert: 'Domain expert',
  impact_assessor: 'AI impact assessor',
  procurer: 'Procurer',
  governance_oversight_professional: 'AI governance and oversight professional',
  ai_user: 'AI user',
  ai_system_integrator: 'AI system integrator',
  data_provider: 'Data provider',
  ai_evaluator: 'AI evaluator',
  ai_auditor: 'AI auditor',
  data_subject: 'Data subject',
  other_subject: 'Other affected subject',
  policymaker: 'Policymaker',
  regulator: 'Regulator',
};

const text = (what: string, max: number) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(max, `${what} must be at most ${max} characters`);
const optionalText = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .max(max, `${what} must be at most ${max} characters`);
const reviewDate = calendarDate('Review date', '2027-06-30');

export const ZContextIssueFields = z.strictObject({
  kind: z.enum(CONTEXT_ISSUE_KINDS, { error: 'Choose whether the issue is internal or external' }),
  category: z.enum(CONTEXT_CATEGORIES, { error: `Category must be one of: ${CONTEXT_CATEGORIES.join(', ')}` }),
  description: text('Description', 2000),
  effect: optionalText('Effect on the AIMS', 2000).default(''),
  source: optionalText('Source', 500).default(''),
  reviewDate: reviewDate.nullable().default(null),
});
export const ZUpdateContextIssue = z
  .strictObject({
    kind: ZContextIssueFields.shape.kind,
    category: ZContextIssueFields.shape.category,
    description: text('Description', 2000),
    effect: optionalText('Effect on the AIMS', 2000),
    source: optionalText('Source', 500),
    reviewDate: reviewDate.nullable(),
  })
  .partial()
  .extend({ version: versionField('version is required: send the version you read') });

export const ZAiRoleDetermination = z
  .strictObject({
    role: z.enum(AI_ROLES, { error: `role must be one of: ${AI_ROLES.join(', ')}` }),
    subRoles: z.array(z.string().max(60)).max(20).default([]),
    reason: text('Reason', 2000),
  })
  .superRefine((v, ctx) => {
    const allowed = AI_SUB_ROLES[v.role];
    for (const s of v.subRoles)
      if (!allowed.includes(s))
        ctx.addIssue({
          code: 'custom',
          path: ['subRoles'],
          message: `"${s}" is not a sub-role of ${v.role}; choose from: ${allowed.join(', ')}`,
        });
  });

/** The one-per-organization context record: the climate decision and the AI roles with reasons. */
export const ZUpdateOrgContext = z
  .strictObject({
    version: versionField('version is required: send the version you read'),
    climateRelevant: z
      .boolean({ error: 'climateRelevant must be true, false or null (not decided yet)' })
      .nullable()
      .optional(),
    climateReason: optionalText('Reason for the climate decision', 2000).optional(),
    aiRoles: z.array(ZAiRoleDetermination).max(AI_ROLES.length).optional(),
    summary: optionalText('Summary', 4000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.aiRoles) {
      const seen = new Set<string>();
      for (const [i, r] of v.aiRoles.entries()) {
        if (seen.has(r.role))
          ctx.addIssue({ code: 'custom', path: ['aiRoles', i, 'role'], message: `The role ${r.role} is listed twice` });
        seen.add(r.role);
      }
    }
  });

/** Deciding on climate change needs a reason either way, so an auditor can see it was considered. */
export function climateProblem(relevant: boolean | null, reason: string): string | null {
  return relevant !== null && !reason.trim()
    ? 'Give the reason for the climate-change decision: auditors look for why it is (or is not) relevant'
    : null;
}

export const PARTY_CATEGORIES = [
  'customers',
  'regulators',
  'employees',
  'owners_investors',
  'suppliers',
  'partners',
  'affected_individuals',
  'civil_society',
  'certification_body',
  'other',
] as const;
export type PartyCategory = (typeof PARTY_CATEGORIES)[number];
export const PARTY_CATEGORY_LABELS: Record<PartyCategory, string> = {
  customers: 'Customers and users',
  regulators: 'Regulators and authorities',
  employees: 'Employees',
  owners_investors: 'Owners and investors',
  suppliers: 'Suppliers',
  partners: 'Partners',
  affected_individuals: 'People affected by AI systems',
  civil_society: 'Civil society and the public',
  certification_body: 'Certification body',
  other: 'Other',
};

export const REQUIREMENT_KINDS = ['legal', 'contractual', 'ethical', 'other'] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];

export const ZPartyRequirement = z.strictObject({
  id: z
    .string()
    .max(64)
    .optional()
    .describe(
      "to keep a requirement on update: the id of one of this party's requirements. Ids are given by the server: leave it out for a new requirement (an id the party does not have is ignored)",
    ),
  kind: z.enum(REQUIREMENT_KINDS, { error: `kind must be one of: ${REQUIREMENT_KINDS.join(', ')}` }),
  description: text('Requirement', 2000),
  addressed: z.boolean({ error: 'addressed must be true or false: does the AIMS address this requirement?' }),
  how: optionalText('How it is addressed', 2000).default(''),
  refs: z.array(z.string().max(40)).max(50).default([]),
});

export const ZPartyFields = z.strictObject({
  name: text('Name', 200),
  category: z.enum(PARTY_CATEGORIES, { error: `Category must be one of: ${PARTY_CATEGORIES.join(', ')}` }),
  description: optionalText('Description', 2000).default(''),
  requirements: z.array(ZPartyRequirement).max(100).default([]),
});
export const ZUpdateParty = z
  .strictObject({
    name: text('Name', 200),
    category: ZPartyFields.shape.category,
    description: optionalText('Description', 2000),
    requirements: z.array(ZPartyRequirement).max(100),
  })
  .partial()
  .extend({ version: versionField('version is required: send the version you read') });

/** A requirement the AIMS addresses should say through which clauses or controls. */
export function requirementProblem(r: { addressed: boolean; refs: string[]; how: string }): string | null {
  return r.addressed && r.refs.length === 0 && !r.how.trim()
    ? 'Say how the AIMS addresses this requirement: name clauses or controls, or describe it'
    : null;
}
