import { describe, expect, it } from 'vitest';
import { emailDomain, roleFromGroups, safeReturnTo, ZOrgSsoSettings } from './sso';

describe('roleFromGroups', () => {
  const mappings = [
    { group: 'aims-viewers', role: 'viewer' as const },
    { group: 'ai-board', role: 'approver' as const },
    { group: 'aims-team', role: 'manager' as const },
  ];
  it('gives the highest mapped role among the groups held', () => {
    expect(roleFromGroups(['aims-viewers', 'ai-board'], mappings)).toBe('approver');
    expect(roleFromGroups(['ai-board', 'aims-team'], mappings)).toBe('manager');
  });
  it('gives null when no group is mapped', () => {
    expect(roleFromGroups(['finance'], mappings)).toBeNull();
    expect(roleFromGroups([], mappings)).toBeNull();
  });
});

describe('safeReturnTo', () => {
  it('keeps a path of the app', () => {
    expect(safeReturnTo('/orgs/abc/soa?tab=2')).toBe('/orgs/abc/soa?tab=2');
  });
  it.each([
    '//evil.example/x',
    'https://evil.example',
    '/\\evil.example',
    '/api/me',
    'orgs',
    '',
    undefined,
    42,
    '/x\u0000',
  ])('turns %j into /', (v) => {
    expect(safeReturnTo(v)).toBe('/');
  });
});

describe('ZOrgSsoSettings', () => {
  const base = { allowedDomains: [], defaultRole: 'viewer', groupRoles: [], localSignIn: true, version: 0 };
  it('normalizes domains and refuses what is not one', () => {
    expect(ZOrgSsoSettings.parse({ ...base, allowedDomains: ['@Example.COM '] }).allowedDomains).toEqual([
      'example.com',
    ]);
    const bad = ZOrgSsoSettings.safeParse({ ...base, allowedDomains: ['not a domain'] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('Email domains: "not a domain" is not a domain like example.com');
  });
  it('never lets single sign-on grant owner or external auditor', () => {
    const owner = ZOrgSsoSettings.safeParse({ ...base, groupRoles: [{ group: 'admins', role: 'owner' }] });
    expect(owner.error?.issues[0]?.message).toMatch(/owners and external auditors are never granted/);
    expect(ZOrgSsoSettings.safeParse({ ...base, defaultRole: 'external_auditor' }).success).toBe(false);
  });
  it('refuses a group mapped twice', () => {
    const twice = ZOrgSsoSettings.safeParse({
      ...base,
      groupRoles: [
        { group: 'a', role: 'viewer' },
        { group: 'a', role: 'manager' },
      ],
    });
    expect(twice.error?.issues[0]?.message).toBe('Group mappings: each group once');
  });
  it('reads the domain of an email', () => {
    expect(emailDomain('Ada@Example.com')).toBe('example.com');
  });
});
