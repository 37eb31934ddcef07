import { describe, expect, it } from 'vitest';
import { ACTIONS, can, grantableRoles, PERMISSIONS } from './permissions';
import { ROLES } from './enums';

describe('permission table', () => {
  it('names only known actions and gives owners everything', () => {
    for (const role of ROLES) for (const a of PERMISSIONS[role]) expect(ACTIONS).toContain(a);
    for (const a of ACTIONS) expect(can('owner', a)).toBe(true);
  });

  it('keeps read-only roles read-only, apart from audit work', () => {
    const writes = ACTIONS.filter((a) => !a.endsWith('.read'));
    // Approving is an approver's power (scope, risk criteria, treatment plan, acceptance, SoA, audit programme) and
    // closing a nonconformity; it edits no register. Auditors plan audits and write findings, no other register.
    const allowed: Record<string, string[]> = {
      viewer: [],
      approver: ['nonconformity.close'],
      internal_auditor: ['audit.write', 'finding.write', 'nonconformity.close'],
      external_auditor: ['finding.write'],
    };
    for (const role of ['viewer', 'external_auditor', 'internal_auditor', 'approver'] as const) {
      for (const a of writes)
        expect(can(role, a), `${role} ${a}`).toBe(
          (role === 'approver' && a.endsWith('.approve')) || allowed[role]!.includes(a),
        );
    }
  });

  it('lets auditors write findings but keeps the audit programme approval and NC edits apart', () => {
    expect(ROLES.filter((r) => can(r, 'finding.write'))).toEqual([
      'owner',
      'manager',
      'internal_auditor',
      'external_auditor',
    ]);
    expect(ROLES.filter((r) => can(r, 'audit.approve'))).toEqual(['owner', 'approver']);
    expect(can('external_auditor', 'nonconformity.close')).toBe(false);
    expect(can('contributor', 'nonconformity.write')).toBe(true);
    expect(can('contributor', 'nonconformity.close')).toBe(false);
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
