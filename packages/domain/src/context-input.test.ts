import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AI_SUB_ROLES,
  AI_SUB_ROLE_LABELS,
  CONTEXT_CATEGORIES,
  CONTEXT_CATEGORY_LABELS,
  CONTEXT_ISSUE_KINDS,
  PARTY_CATEGORIES,
  PARTY_CATEGORY_LABELS,
  REQUIREMENT_KINDS,
  ZAiRoleDetermination,
  ZContextIssueFields,
  ZPartyFields,
  ZPartyRequirement,
  ZUpdateContextIssue,
  ZUpdateOrgContext,
  ZUpdateParty,
} from './context';

// What the context pages accept (issues, the organization's context and AI roles, interested
// parties and their requirements), the words of each refusal, one bad field per case, the defaults,
// the labels and the API description a user reads; the all-mutant Stryker run of context.ts left
// them untested.
const messages = (r: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => [i.path.join('.'), i.message]);

describe('the labels of the context', () => {
  it('names each category, sub-role and party category', () => {
    expect(CONTEXT_ISSUE_KINDS).toEqual(['internal', 'external']);
    expect(CONTEXT_CATEGORIES.map((c) => CONTEXT_CATEGORY_LABELS[c])).toEqual([
      'Legal and regulatory',
      'Technological',
      'Economic',
      'Social and cultural',
      'Environmental',
      'Ethical',
      'Competitive',
      'Organizational',
      'Other',
    ]);
    expect(
      Object.fromEntries(Object.entries(AI_SUB_ROLES).map(([r, subs]) => [r, subs.map((s) => AI_SUB_ROLE_LABELS[s])])),
    ).toEqual({
      provider: ['AI platform provider', 'AI product or service provider'],
      producer: [
        'AI developer',
        'AI designer',
        'AI operator',
        'AI tester and evaluator',
        'AI deployer',
        'Human-factors professional',
        'Domain expert',
        'AI impact assessor',
        'Procurer',
        'AI governance and oversight professional',
      ],
      customer: ['AI user'],
      partner: ['AI system integrator', 'Data provider', 'AI evaluator', 'AI auditor'],
      subject: ['Data subject', 'Other affected subject'],
      relevant_authority: ['Policymaker', 'Regulator'],
    });
    expect(Object.keys(AI_SUB_ROLE_LABELS)).toEqual(Object.values(AI_SUB_ROLES).flat());
    expect(PARTY_CATEGORIES.map((c) => PARTY_CATEGORY_LABELS[c])).toEqual([
      'Customers and users',
      'Regulators and authorities',
      'Employees',
      'Owners and investors',
      'Suppliers',
      'Partners',
      'People affected by AI systems',
      'Civil society and the public',
      'Certification body',
      'Other',
    ]);
    expect(REQUIREMENT_KINDS).toEqual(['legal', 'contractual', 'ethical', 'other']);
  });

  it("tells an API client how to keep a requirement's id", () => {
    const schema = z.toJSONSchema(ZPartyRequirement, { io: 'input' }) as {
      properties: Record<string, { description?: string }>;
    };
    expect(schema.properties.id?.description).toBe(
      "to keep a requirement on update: the id of one of this party's requirements. Ids are given by the server: leave it out for a new requirement (an id the party does not have is ignored)",
    );
  });
});

describe('an issue', () => {
  const ok = { kind: 'external', category: 'economic', description: ' Rates rise ' };

  it('has no effect, source or review date by default', () => {
    expect(ZContextIssueFields.parse(ok)).toEqual({
      kind: 'external',
      category: 'economic',
      description: 'Rates rise',
      effect: '',
      source: '',
      reviewDate: null,
    });
    expect(
      ZContextIssueFields.parse({
        ...ok,
        description: 'd'.repeat(2000),
        effect: ` ${'e'.repeat(2000)} `,
        source: 's'.repeat(500),
      }),
    ).toMatchObject({ description: 'd'.repeat(2000), effect: 'e'.repeat(2000), source: 's'.repeat(500) });
  });

  it('refuses each bad field in its own words', () => {
    const bad = (field: string, value: unknown) => messages(ZContextIssueFields.safeParse({ ...ok, [field]: value }));
    expect(bad('kind', 'both')).toEqual([['kind', 'Choose whether the issue is internal or external']]);
    expect(bad('category', 'weather')).toEqual([
      [
        'category',
        'Category must be one of: legal_regulatory, technological, economic, social_cultural, environmental, ethical, competitive, organizational, other',
      ],
    ]);
    expect(bad('description', undefined)).toEqual([['description', 'Description is required']]);
    expect(bad('description', ' ')).toEqual([['description', 'Description is required']]);
    expect(bad('description', 'd'.repeat(2001))).toEqual([
      ['description', 'Description must be at most 2000 characters'],
    ]);
    expect(bad('effect', 1)).toEqual([['effect', 'Effect on the AIMS must be text']]);
    expect(bad('effect', 'e'.repeat(2001))).toEqual([['effect', 'Effect on the AIMS must be at most 2000 characters']]);
    expect(bad('source', 's'.repeat(501))).toEqual([['source', 'Source must be at most 500 characters']]);
    expect(bad('reviewDate', '2027-06-31')).toEqual([
      ['reviewDate', 'Review date must be a real date written year-month-day, such as 2027-06-30'],
    ]);
  });

  it('updates any field with the version read', () => {
    expect(ZUpdateContextIssue.parse({ version: 1, source: ' s ' })).toEqual({ version: 1, source: 's' });
    expect(messages(ZUpdateContextIssue.safeParse({ source: 's' }))).toEqual([
      ['version', 'version is required: send the version you read'],
    ]);
    expect(messages(ZUpdateContextIssue.safeParse({ version: 1, description: '' }))).toEqual([
      ['description', 'Description is required'],
    ]);
    expect(messages(ZUpdateContextIssue.safeParse({ version: 1, description: 'd'.repeat(2001) }))).toEqual([
      ['description', 'Description must be at most 2000 characters'],
    ]);
    expect(messages(ZUpdateContextIssue.safeParse({ version: 1, effect: 'e'.repeat(2001) }))).toEqual([
      ['effect', 'Effect on the AIMS must be at most 2000 characters'],
    ]);
    expect(messages(ZUpdateContextIssue.safeParse({ version: 1, source: 's'.repeat(501) }))).toEqual([
      ['source', 'Source must be at most 500 characters'],
    ]);
  });
});

describe("the organization's context and AI roles", () => {
  it('takes a role with its own sub-roles and a reason', () => {
    expect(ZAiRoleDetermination.parse({ role: 'customer', reason: ' We use it ' })).toEqual({
      role: 'customer',
      subRoles: [],
      reason: 'We use it',
    });
    expect(
      ZUpdateOrgContext.parse({
        version: 0,
        climateRelevant: null,
        climateReason: ` ${'c'.repeat(2000)} `,
        summary: 's'.repeat(4000),
        aiRoles: [
          { role: 'provider', subRoles: ['ai_platform_provider'], reason: 'r' },
          { role: 'partner', subRoles: ['ai_auditor', 'data_provider'], reason: 'r' },
        ],
      }),
    ).toMatchObject({ climateReason: 'c'.repeat(2000), summary: 's'.repeat(4000) });
  });

  it('refuses each bad field in its own words', () => {
    expect(messages(ZAiRoleDetermination.safeParse({ role: 'owner', reason: 'r' }))).toEqual([
      ['role', 'role must be one of: provider, producer, customer, partner, subject, relevant_authority'],
    ]);
    expect(messages(ZAiRoleDetermination.safeParse({ role: 'subject', subRoles: ['regulator'], reason: 'r' }))).toEqual(
      [['subRoles', '"regulator" is not a sub-role of subject; choose from: data_subject, other_subject']],
    );
    expect(messages(ZAiRoleDetermination.safeParse({ role: 'subject' }))).toEqual([['reason', 'Reason is required']]);
    expect(messages(ZAiRoleDetermination.safeParse({ role: 'subject', reason: 'r'.repeat(2001) }))).toEqual([
      ['reason', 'Reason must be at most 2000 characters'],
    ]);
    expect(ZAiRoleDetermination.safeParse({ role: 'subject', reason: 'r', subRoles: ['s'.repeat(61)] }).success).toBe(
      false,
    );
    expect(
      ZAiRoleDetermination.safeParse({ role: 'subject', reason: 'r', subRoles: Array(21).fill('data_subject') })
        .success,
    ).toBe(false);
    expect(messages(ZUpdateOrgContext.safeParse({}))).toEqual([
      ['version', 'version is required: send the version you read'],
    ]);
    expect(messages(ZUpdateOrgContext.safeParse({ version: 0, climateRelevant: 'no' }))).toEqual([
      ['climateRelevant', 'climateRelevant must be true, false or null (not decided yet)'],
    ]);
    expect(messages(ZUpdateOrgContext.safeParse({ version: 0, climateReason: 'c'.repeat(2001) }))).toEqual([
      ['climateReason', 'Reason for the climate decision must be at most 2000 characters'],
    ]);
    expect(messages(ZUpdateOrgContext.safeParse({ version: 0, summary: 's'.repeat(4001) }))).toEqual([
      ['summary', 'Summary must be at most 4000 characters'],
    ]);
    expect(
      messages(
        ZUpdateOrgContext.safeParse({
          version: 0,
          aiRoles: [
            { role: 'customer', reason: 'r' },
            { role: 'customer', reason: 'r' },
          ],
        }),
      ),
    ).toEqual([['aiRoles.1.role', 'The role customer is listed twice']]);
    expect(
      ZUpdateOrgContext.safeParse({ version: 0, aiRoles: Array(7).fill({ role: 'customer', reason: 'r' }) }).success,
    ).toBe(false);
  });
});

describe('an interested party', () => {
  it('has no description or requirements by default', () => {
    expect(ZPartyFields.parse({ name: ' Regulator ', category: 'regulators' })).toEqual({
      name: 'Regulator',
      category: 'regulators',
      description: '',
      requirements: [],
    });
    expect(ZPartyRequirement.parse({ kind: 'legal', description: ' GDPR ', addressed: false })).toEqual({
      kind: 'legal',
      description: 'GDPR',
      addressed: false,
      how: '',
      refs: [],
    });
    expect(
      ZPartyRequirement.parse({
        id: 'i'.repeat(64),
        kind: 'other',
        description: 'd'.repeat(2000),
        addressed: true,
        how: 'h'.repeat(2000),
        refs: Array(50).fill('r'.repeat(40)),
      }).refs,
    ).toHaveLength(50);
    expect(
      ZPartyFields.parse({
        name: 'n'.repeat(200),
        category: 'other',
        requirements: Array(100).fill({ kind: 'legal', description: 'd', addressed: true }),
      }).requirements,
    ).toHaveLength(100);
  });

  it('refuses each bad field in its own words', () => {
    const ok = { name: 'P', category: 'other' };
    expect(messages(ZPartyFields.safeParse({ category: 'other' }))).toEqual([['name', 'Name is required']]);
    expect(messages(ZPartyFields.safeParse({ ...ok, name: 'n'.repeat(201) }))).toEqual([
      ['name', 'Name must be at most 200 characters'],
    ]);
    expect(messages(ZPartyFields.safeParse({ ...ok, category: 'press' }))).toEqual([
      [
        'category',
        'Category must be one of: customers, regulators, employees, owners_investors, suppliers, partners, affected_individuals, civil_society, certification_body, other',
      ],
    ]);
    expect(messages(ZPartyFields.safeParse({ ...ok, description: 'd'.repeat(2001) }))).toEqual([
      ['description', 'Description must be at most 2000 characters'],
    ]);
    expect(
      ZPartyFields.safeParse({
        ...ok,
        requirements: Array(101).fill({ kind: 'legal', description: 'd', addressed: true }),
      }).success,
    ).toBe(false);
    const req = { kind: 'legal', description: 'd', addressed: true };
    expect(messages(ZPartyRequirement.safeParse({ ...req, kind: 'moral' }))).toEqual([
      ['kind', 'kind must be one of: legal, contractual, ethical, other'],
    ]);
    expect(messages(ZPartyRequirement.safeParse({ ...req, description: '' }))).toEqual([
      ['description', 'Requirement is required'],
    ]);
    expect(messages(ZPartyRequirement.safeParse({ ...req, description: 'd'.repeat(2001) }))).toEqual([
      ['description', 'Requirement must be at most 2000 characters'],
    ]);
    expect(messages(ZPartyRequirement.safeParse({ ...req, addressed: 'yes' }))).toEqual([
      ['addressed', 'addressed must be true or false: does the AIMS address this requirement?'],
    ]);
    expect(messages(ZPartyRequirement.safeParse({ ...req, how: 'h'.repeat(2001) }))).toEqual([
      ['how', 'How it is addressed must be at most 2000 characters'],
    ]);
    expect(ZPartyRequirement.safeParse({ ...req, id: 'i'.repeat(65) }).success).toBe(false);
    expect(ZPartyRequirement.safeParse({ ...req, refs: ['r'.repeat(41)] }).success).toBe(false);
    expect(ZPartyRequirement.safeParse({ ...req, refs: Array(51).fill('r') }).success).toBe(false);
  });

  it('updates any field with the version read', () => {
    expect(ZUpdateParty.parse({ version: 3, description: ' d ' })).toEqual({ version: 3, description: 'd' });
    expect(messages(ZUpdateParty.safeParse({ name: 'n' }))).toEqual([
      ['version', 'version is required: send the version you read'],
    ]);
    expect(messages(ZUpdateParty.safeParse({ version: 3, name: '' }))).toEqual([['name', 'Name is required']]);
    expect(messages(ZUpdateParty.safeParse({ version: 3, name: 'n'.repeat(201) }))).toEqual([
      ['name', 'Name must be at most 200 characters'],
    ]);
    expect(messages(ZUpdateParty.safeParse({ version: 3, description: 'd'.repeat(2001) }))).toEqual([
      ['description', 'Description must be at most 2000 characters'],
    ]);
    const reqs = Array(100).fill({ kind: 'legal', description: 'd', addressed: true });
    expect(ZUpdateParty.parse({ version: 3, requirements: reqs }).requirements).toHaveLength(100);
    expect(ZUpdateParty.safeParse({ version: 3, requirements: [...reqs, reqs[0]] }).success).toBe(false);
  });
});
