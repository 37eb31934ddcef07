import { describe, expect, it } from 'vitest';
import { ACTIONS, can, grantableRoles, PERMISSIONS, tokenAllows } from './permissions';
import { ROLES } from './enums';

describe('permission table', () => {
  it('names only known actions and gives owners everything', () => {
    for (const role of ROLES) for (const a of PERMISSIONS[role]) expect(ACTIONS).toContain(a);
    for (const a of ACTIONS) expect(can('owner', a)).toBe(true);
  });

  it('keeps read-only roles read-only', () => {
    const writes = ACTIONS.filter((a) => !a.endsWith('.read'));
    for (const role of ['viewer', 'external_auditor', 'internal_auditor', 'approver'] as const) {
      // Approving is an approver's one power (scope, risk criteria, treatment plan, acceptance, SoA); it edits no register.
      for (const a of writes) expect(can(role, a), `${role} ${a}`).toBe(role === 'approver' && a.endsWith('.approve'));
    }
  });

  it('lets every role read the inventory; only owners and managers manage members', () => {
    for (const role of ROLES) expect(can(role, 'ai_system.read')).toBe(true);
    expect(ROLES.filter((r) => can(r, 'member.manage'))).toEqual(['owner', 'manager']);
  });

  it('lets only owners and approvers approve, and keeps approval apart from editing risks', () => {
    expect(ROLES.filter((r) => can(r, 'risk.approve'))).toEqual(['owner', 'approver']);
    expect(ROLES.filter((r) => can(r, 'risk.write'))).toEqual(['owner', 'manager', 'contributor']);
  });

  it('lets only owners grant the owner role', () => {
    expect(grantableRoles('owner')).toContain('owner');
    expect(grantableRoles('manager')).not.toContain('owner');
    expect(grantableRoles('contributor')).toEqual([]);
  });
});

describe('the AI system life cycle', () => {
  it('lets owners, managers and contributors record releases and changes', () => {
    expect(ROLES.filter((r) => can(r, 'ai_release.write'))).toEqual(['owner', 'manager', 'contributor']);
  });

  it('gives a releases token only the recording of releases', () => {
    expect(tokenAllows('releases', 'ai_release.write')).toBe(true);
    for (const a of ACTIONS.filter((x) => x !== 'ai_release.write')) expect(tokenAllows('releases', a), a).toBe(false);
    expect(tokenAllows('releases', 'user')).toBe(false);
    expect(tokenAllows('measurements', 'ai_release.write')).toBe(false);
    expect(tokenAllows('full', 'ai_release.write')).toBe(true);
  });
});
