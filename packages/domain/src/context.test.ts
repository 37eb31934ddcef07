import { describe, expect, it } from 'vitest';
import {
  AI_SUB_ROLE_LABELS,
  AI_SUB_ROLES,
  climateProblem,
  requirementProblem,
  ZAiRoleDetermination,
  ZContextIssueFields,
  ZPartyFields,
  ZUpdateContextIssue,
  ZUpdateOrgContext,
} from './context';
import { AI_ROLES } from './enums';

const messages = (r: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('context issues (4.1)', () => {
  it('fills the optional fields and trims the description', () => {
    expect(ZContextIssueFields.parse({ kind: 'external', category: 'ethical', description: '  EU AI Act  ' })).toEqual({
      kind: 'external',
      category: 'ethical',
      description: 'EU AI Act',
      effect: '',
      source: '',
      reviewDate: null,
    });
  });

  it('names the field in each refusal, with its limit exactly at the edge', () => {
    const issue = { kind: 'internal', category: 'other' };
    expect(ZContextIssueFields.safeParse({ ...issue, description: 'x'.repeat(2000) }).success).toBe(true);
    expect(messages(ZContextIssueFields.safeParse({ ...issue, description: 'x'.repeat(2001) }))).toEqual([
      'description: Description must be at most 2000 characters',
    ]);
    expect(messages(ZContextIssueFields.safeParse({ ...issue, description: '   ' }))).toEqual([
      'description: Description is required',
    ]);
    expect(messages(ZContextIssueFields.safeParse({ ...issue, kind: 'both', description: 'x' }))).toEqual([
      'kind: Choose whether the issue is internal or external',
    ]);
    expect(messages(ZContextIssueFields.safeParse({ ...issue, description: 'x', reviewDate: '30.06.2027' }))).toEqual([
      'reviewDate: Review date must be a real date written year-month-day, such as 2027-06-30',
    ]);
  });

  it('updates only what is sent, and always asks for the version read', () => {
    expect(ZUpdateContextIssue.parse({ version: 2, effect: 'More audits' })).toEqual({
      version: 2,
      effect: 'More audits',
    });
    expect(messages(ZUpdateContextIssue.safeParse({ effect: 'x' }))).toEqual([
      'version: version is required: send the version you read',
    ]);
  });
});

describe('AI roles (4.1)', () => {
  it('has a label for every sub-role of every role', () => {
    expect(Object.keys(AI_SUB_ROLES).sort()).toEqual([...AI_ROLES].sort());
    for (const subRole of Object.values(AI_SUB_ROLES).flat()) expect(AI_SUB_ROLE_LABELS[subRole], subRole).toBeTruthy();
  });

  it('accepts the sub-roles of the role, refuses those of another role by name', () => {
    const ok = { role: 'producer', subRoles: ['ai_developer', 'impact_assessor'], reason: 'We train our models' };
    expect(ZAiRoleDetermination.parse(ok)).toEqual(ok);
    expect(messages(ZAiRoleDetermination.safeParse({ ...ok, role: 'customer' }))).toEqual([
      'subRoles: "ai_developer" is not a sub-role of customer; choose from: ai_user',
      'subRoles: "impact_assessor" is not a sub-role of customer; choose from: ai_user',
    ]);
    expect(messages(ZAiRoleDetermination.safeParse({ role: 'customer', reason: ' ' }))).toEqual([
      'reason: Reason is required',
    ]);
  });

  it('refuses a role listed twice, pointing at the second', () => {
    const role = { role: 'provider', reason: 'We sell it' };
    expect(
      messages(ZUpdateOrgContext.safeParse({ version: 1, aiRoles: [role, { ...role, reason: 'again' }] })),
    ).toEqual(['aiRoles.1.role: The role provider is listed twice']);
    expect(
      ZUpdateOrgContext.safeParse({ version: 1, aiRoles: [role, { role: 'customer', reason: 'We use it' }] }).success,
    ).toBe(true);
  });
});

describe('climate decision and requirements', () => {
  it('asks a reason for the climate decision either way, and none while undecided', () => {
    expect(climateProblem(null, '')).toBeNull();
    expect(climateProblem(true, 'Data centres run on our power')).toBeNull();
    expect(climateProblem(false, '  ')).toContain('Give the reason for the climate-change decision');
    expect(climateProblem(true, '')).toContain('Give the reason for the climate-change decision');
  });

  it('asks an addressed requirement to say how: refs or words, either is enough', () => {
    expect(requirementProblem({ addressed: true, refs: [], how: ' ' })).toBe(
      'Say how the AIMS addresses this requirement: name clauses or controls, or describe it',
    );
    expect(requirementProblem({ addressed: true, refs: ['A.7.4'], how: '' })).toBeNull();
    expect(requirementProblem({ addressed: true, refs: [], how: 'Quarterly report' })).toBeNull();
    expect(requirementProblem({ addressed: false, refs: [], how: '' })).toBeNull();
  });

  it('fills a party and its requirements with defaults', () => {
    expect(
      ZPartyFields.parse({
        name: 'Regulator',
        category: 'regulators',
        requirements: [{ kind: 'legal', description: 'Register high-risk systems', addressed: false }],
      }),
    ).toEqual({
      name: 'Regulator',
      category: 'regulators',
      description: '',
      requirements: [{ kind: 'legal', description: 'Register high-risk systems', addressed: false, how: '', refs: [] }],
    });
    expect(messages(ZPartyFields.safeParse({ name: 'x'.repeat(201), category: 'other' }))).toEqual([
      'name: Name must be at most 200 characters',
    ]);
  });
});
