import { describe, expect, it } from 'vitest';
import { ACTIONS, can, grantableRoles, PERMISSIONS, tokenAllows } from './permissions';
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
      external_auditor: ['finding.write', 'evidence_request.write'],
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

  it('lets every role read the readiness check; only owners and managers record the certification body engagement', () => {
    for (const role of ROLES) expect(can(role, 'certification.read'), role).toBe(true);
    expect(ROLES.filter((r) => can(r, 'certification.write'))).toEqual(['owner', 'manager']);
  });

  it('lets the chair sign management review minutes off as top management, apart from preparing them', () => {
    expect(ROLES.filter((r) => can(r, 'review.read'))).toEqual([...ROLES]);
    expect(ROLES.filter((r) => can(r, 'review.write'))).toEqual(['owner', 'manager', 'contributor']);
    expect(ROLES.filter((r) => can(r, 'review.approve'))).toEqual(['owner', 'approver']);
  });

  it('shows external auditors documents and evidence only through the workspace, where they may only ask', () => {
    expect(can('external_auditor', 'document.read')).toBe(false);
    expect(can('external_auditor', 'evidence.read')).toBe(false);
    expect(ROLES.filter((r) => can(r, 'auditor_workspace.read'))).toEqual(['owner', 'manager', 'external_auditor']);
    expect(ROLES.filter((r) => can(r, 'auditor_workspace.manage'))).toEqual(['owner', 'manager']);
    expect(ROLES.filter((r) => can(r, 'evidence_request.write'))).toEqual(['owner', 'external_auditor']);
  });

  it('lets only owners grant the owner role', () => {
    expect(grantableRoles('owner')).toContain('owner');
    expect(grantableRoles('manager')).not.toContain('owner');
    expect(grantableRoles('contributor')).toEqual([]);
  });

  it('lets owners grant every role, members who manage members every role but owner, and nobody else any', () => {
    expect(grantableRoles('owner')).toEqual([...ROLES]);
    for (const role of ROLES.filter((r) => r !== 'owner'))
      expect(grantableRoles(role), role).toEqual(can(role, 'member.manage') ? ROLES.filter((r) => r !== 'owner') : []);
    expect(grantableRoles('manager')).toHaveLength(ROLES.length - 1);
  });

  it('lets every role read data sets and suppliers, and the editing roles change them', () => {
    for (const role of ROLES)
      for (const a of ['data_set.read', 'supplier.read'] as const) expect(can(role, a)).toBe(true);
    for (const a of ['data_set.write', 'supplier.write'] as const)
      expect(ROLES.filter((r) => can(r, a))).toEqual(['owner', 'manager', 'contributor']);
  });
});

// The expectation a person reviews, written out by hand (issue 22): never read from the code under
// test. A new action must get its row here, and a change to a role's powers shows as a changed row.
//                         owner manager contributor approver internal_auditor external_auditor viewer
const EXPECTED = `
  org.read               x  x  x  x  x  x  x
  org.update             x  x  .  .  .  .  .
  member.read            x  x  x  x  x  x  x
  member.manage          x  x  .  .  .  .  .
  member.reset_password  x  .  .  .  .  .  .
  sso.manage             x  .  .  .  .  .  .
  ai_system.read         x  x  x  x  x  x  x
  ai_system.write        x  x  x  .  .  .  .
  ai_system.delete       x  x  .  .  .  .  .
  audit_event.read       x  x  .  x  x  x  .
  catalog.read           x  x  x  x  x  x  x
  catalog.manage         x  x  .  .  .  .  .
  gap.read               x  x  x  x  x  x  x
  gap.write              x  x  x  .  .  .  .
  action.read            x  x  x  x  x  x  x
  action.write           x  x  x  .  .  .  .
  context.read           x  x  x  x  x  x  x
  context.write          x  x  x  .  .  .  .
  scope.approve          x  .  .  x  .  .  .
  risk.read              x  x  x  x  x  x  x
  risk.write             x  x  x  .  .  .  .
  risk.approve           x  .  .  x  .  .  .
  document.read          x  x  x  x  x  .  x
  document.write         x  x  x  .  .  .  .
  document.approve       x  .  .  x  .  .  .
  document.publish       x  x  .  .  .  .  .
  control.read           x  x  x  x  x  x  x
  control.write          x  x  x  .  .  .  .
  evidence.read          x  x  x  x  x  .  x
  evidence.write         x  x  x  .  .  .  .
  competence.read        x  x  x  x  x  x  x
  competence.write       x  x  x  .  .  .  .
  objective.read         x  x  x  x  x  x  x
  objective.write        x  x  x  .  .  .  .
  metric.read            x  x  x  x  x  x  x
  metric.write           x  x  x  .  .  .  .
  measurement.write      x  x  x  .  .  .  .
  data_set.read          x  x  x  x  x  x  x
  data_set.write         x  x  x  .  .  .  .
  supplier.read          x  x  x  x  x  x  x
  supplier.write         x  x  x  .  .  .  .
  certification.read     x  x  x  x  x  x  x
  certification.write    x  x  .  .  .  .  .
  audit.read             x  x  x  x  x  x  x
  audit.write            x  x  .  .  x  .  .
  audit.approve          x  .  .  x  .  .  .
  finding.write          x  x  .  .  x  x  .
  nonconformity.read     x  x  x  x  x  x  x
  nonconformity.write    x  x  x  .  .  .  .
  nonconformity.close    x  x  .  x  x  .  .
  review.read            x  x  x  x  x  x  x
  review.write           x  x  x  .  .  .  .
  review.approve         x  .  .  x  .  .  .
  ai_release.write       x  x  x  .  .  .  .
  auditor_workspace.read    x  x  .  .  .  x  .
  auditor_workspace.manage  x  x  .  .  .  .  .
  evidence_request.write    x  .  .  .  .  x  .
`;
const ORACLE_ROLES = [
  'owner',
  'manager',
  'contributor',
  'approver',
  'internal_auditor',
  'external_auditor',
  'viewer',
] as const;
const oracle = new Map(
  EXPECTED.trim()
    .split('\n')
    .map((line) => {
      const [action, ...cells] = line.trim().split(/\s+/);
      return [action!, cells.map((c) => c === 'x')] as const;
    }),
);

describe('permission table against the hand-written expectation', () => {
  it('has a row for every action, and an action for every row', () => {
    expect([...oracle.keys()].sort()).toEqual([...ACTIONS].sort());
    expect([...ROLES].sort()).toEqual([...ORACLE_ROLES].sort());
  });

  it.each([...ACTIONS])('%s is granted to exactly the expected roles', (action) => {
    const expected = ORACLE_ROLES.filter((_, i) => oracle.get(action)?.[i]);
    expect(ROLES.filter((r) => can(r, action)).sort()).toEqual([...expected].sort());
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
