import { describe, expect, it } from 'vitest';
import { ACTIONS, can, grantableRoles, PERMISSIONS } from './permissions';
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

  it('lets the chair sign management review minutes off as top management, apart from preparing them', () => {
    expect(ROLES.filter((r) => can(r, 'review.read'))).toEqual([...ROLES]);
    expect(ROLES.filter((r) => can(r, 'review.write'))).toEqual(['owner', 'manager', 'contributor']);
    expect(ROLES.filter((r) => can(r, 'review.approve'))).toEqual(['owner', 'approver']);
  });

  it('lets only owners grant the owner role', () => {
    expect(grantableRoles('owner')).toContain('owner');
    expect(grantableRoles('manager')).not.toContain('owner');
    expect(grantableRoles('contributor')).toEqual([]);
  });
});
