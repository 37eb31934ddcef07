import { describe, expect, it } from 'vitest';
import { roleFromGroups, safeReturnTo, ZOrgSsoSettings } from './sso';

const settings = { allowedDomains: [], defaultRole: 'viewer', groupRoles: [], localSignIn: true, version: 0 };
const messages = (input: unknown) => {
  const r = ZOrgSsoSettings.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('single sign-on settings', () => {
  it('strips only a leading @ from a domain', () => {
    expect(ZOrgSsoSettings.parse({ ...settings, allowedDomains: ['@Example.com'] }).allowedDomains).toEqual([
      'example.com',
    ]);
    expect(messages({ ...settings, allowedDomains: ['ex@mple.com'] })).toEqual([
      'Email domains: "ex@mple.com" is not a domain like example.com',
    ]);
  });

  it('takes each domain once', () => {
    expect(messages({ ...settings, allowedDomains: ['example.com', '@example.com'] })).toEqual([
      'Email domains: each domain once',
    ]);
  });

  it('takes several different groups', () => {
    const groupRoles = [
      { group: 'ai-team', role: 'contributor' },
      { group: 'ai-leads', role: 'manager' },
    ];
    expect(ZOrgSsoSettings.parse({ ...settings, groupRoles }).groupRoles).toEqual(groupRoles);
  });
});

describe('the role from provider groups', () => {
  it('is the highest mapped, whatever the order of the mappings', () => {
    const mappings = [
      { group: 'leads', role: 'manager' as const },
      { group: 'staff', role: 'viewer' as const },
    ];
    expect(roleFromGroups(['staff', 'leads'], mappings)).toBe('manager');
  });
});

describe('where to go after signing in', () => {
  it('keeps a path of up to 500 characters, and one with spaces', () => {
    const path = '/' + 'a'.repeat(499);
    expect(safeReturnTo(path)).toBe(path);
    expect(safeReturnTo(path + 'a')).toBe('/');
    expect(safeReturnTo('/documents?q=ai policy')).toBe('/documents?q=ai policy');
  });

  it('never goes to the API', () => {
    expect(safeReturnTo('/api')).toBe('/');
    expect(safeReturnTo('/apis')).toBe('/apis');
  });
});
