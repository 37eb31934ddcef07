import { describe, expect, it } from 'vitest';
import { AI_ROLES } from './enums';
import { DEFAULT_RISK_CRITERIA } from './risk';
import { approvalGate, justificationGap, ROLE_CONTROL_RULES, roleConflictMessage, roleConflicts } from './soa-rules';
import { deriveSoa, soaWarnings, type RiskForWarnings, type SoaControl } from './soa';

describe('role-consistency table', () => {
  it('names known roles, Annex A refs and a reason in every row', () => {
    for (const rule of ROLE_CONTROL_RULES) {
      if (rule.roles !== 'any') for (const r of rule.roles) expect(AI_ROLES).toContain(r);
      for (const ref of rule.refs) expect(ref).toMatch(/^A\.\d+\.\d+(\.\d+)?$/);
      expect(rule.why.length).toBeGreaterThan(20);
    }
  });

  it('refuses a producer excluding life-cycle controls, and says where the role was declared', () => {
    const [c] = roleConflicts(['A.6.2.4'], [{ role: 'producer', source: 'the organization context' }]);
    expect(c).toMatchObject({ ref: 'A.6.2.4', role: 'producer', sources: ['the organization context'] });
    expect(roleConflictMessage(c!)).toContain(
      'A.6.2.4 is excluded, but the organization is an AI producer (declared in the organization context)',
    );
  });

  it('refuses a provider excluding A.10.4, with every source that declares it', () => {
    const conflicts = roleConflicts(
      ['A.10.4'],
      [
        { role: 'provider', source: 'AI system "A"' },
        { role: 'provider', source: 'AI system "B"' },
      ],
    );
    expect(conflicts).toEqual([
      expect.objectContaining({ ref: 'A.10.4', role: 'provider', sources: ['AI system "A"', 'AI system "B"'] }),
    ]);
  });

  it('accepts the same exclusions from an organization that does not hold the role', () => {
    expect(roleConflicts(['A.6.2.4', 'A.10.4', 'A.7.3'], [{ role: 'customer', source: 'ctx' }])).toEqual([]);
    expect(roleConflicts(['A.9.2'], [{ role: 'customer', source: 'ctx' }])).toHaveLength(1);
  });

  it('never lets anyone exclude the controls behind mandatory clauses (policy, impact assessment process)', () => {
    expect(roleConflicts(['A.2.2', 'A.5.2'], []).map((c) => [c.ref, c.role])).toEqual([
      ['A.2.2', 'any'],
      ['A.5.2', 'any'],
    ]);
  });
});

describe('justification gaps', () => {
  it('flags an empty reason with nothing behind it, and a placeholder even beside a risk', () => {
    expect(justificationGap('', false)).toBe('empty');
    expect(justificationGap('', true)).toBeNull();
    expect(justificationGap('no justification yet', true)).toBe('generic');
    expect(justificationGap('TBD', false)).toBe('generic');
  });
  it('flags a line that would fit any control, unless a risk or requirement stands behind it', () => {
    expect(justificationGap('Needed for our AI systems', false)).toBe('generic');
    expect(justificationGap('Needed for our AI systems', true)).toBeNull();
    expect(justificationGap('Release gate', false)).toBe('generic');
    expect(justificationGap('Bias testing by age band before each scoring model release', false)).toBeNull();
  });
});

describe('SoA approval findings', () => {
  const controls: SoaControl[] = [
    { ref: 'A.2.2', title: 'AI policy', kind: 'annex_a', group: 'A.2' },
    { ref: 'A.6.2.4', title: 'V&V', kind: 'annex_a', group: 'A.6' },
    { ref: 'A.3.3', title: 'Concerns', kind: 'annex_a', group: 'A.3' },
  ];
  const good = 'Written and reviewed by the board each year';
  const base = {
    declaredRoles: [{ role: 'producer' as const, source: 'the organization context' }],
    planApproved: true,
    criteriaApproved: true,
  };
  const severe: RiskForWarnings = {
    id: 'r1',
    ref: 'R-1',
    title: 'Drift',
    kind: 'risk',
    status: 'open',
    level: 'critical',
    residualLevel: null,
    treated: false,
    acceptedUntil: null,
  };

  it('blocks a role contradiction, an untreated high risk, and an unapproved plan or criteria', () => {
    const items = deriveSoa(
      controls,
      [
        { ref: 'A.2.2', included: true, justification: good, implementationStatus: 'implemented', version: 1 },
        {
          ref: 'A.6.2.4',
          included: false,
          justification: 'We do not develop AI',
          implementationStatus: null,
          version: 1,
        },
        { ref: 'A.3.3', included: true, justification: good, implementationStatus: 'planned', version: 1 },
      ],
      [],
      [],
    );
    const found = soaWarnings(items, [severe], DEFAULT_RISK_CRITERIA, '2026-12-01', {
      ...base,
      planApproved: false,
      criteriaApproved: false,
    });
    expect(
      found
        .filter((w) => w.blocking)
        .map((w) => w.code)
        .sort(),
    ).toEqual(['CRITERIA_UNAPPROVED', 'PLAN_UNAPPROVED', 'RISK_UNTREATED', 'ROLE_INCONSISTENT']);
  });

  it('keeps a medium risk above a low acceptance level a warning, not a block', () => {
    const items = deriveSoa(
      controls,
      controls.map((c) => ({
        ref: c.ref,
        included: true,
        justification: good,
        implementationStatus: 'planned' as const,
        version: 1,
      })),
      [],
      [],
    );
    const medium = { ...severe, level: 'medium' as const };
    const found = soaWarnings(items, [medium], { acceptanceLevel: 'low' }, '2026-12-01', base);
    expect(found.map((w) => [w.code, w.blocking])).toEqual([['RISK_UNTREATED', false]]);
  });

  it('warns (without blocking) on a blank implementation status and on reasons with nothing behind them', () => {
    const items = deriveSoa(
      controls,
      [
        {
          ref: 'A.2.2',
          included: true,
          justification: 'no justification yet',
          implementationStatus: 'implemented',
          version: 1,
        },
        { ref: 'A.6.2.4', included: true, justification: good, implementationStatus: null, version: 1 },
        { ref: 'A.3.3', included: true, justification: '', implementationStatus: 'planned', version: 1 },
      ],
      [],
      [],
    );
    const found = soaWarnings(items, [], DEFAULT_RISK_CRITERIA, '2026-12-01', base);
    expect(found.map((w) => [w.code, w.refs, w.blocking])).toEqual([
      ['STATUS_MISSING', ['A.6.2.4'], false],
      ['JUSTIFICATION_WEAK', ['A.2.2', 'A.3.3'], false],
    ]);
  });
});

describe('approval gate', () => {
  const warn = { code: 'W', message: 'Check this', blocking: false };
  const block = { code: 'B', message: 'Fix this', blocking: true };
  it('refuses while anything blocks, even with an acknowledgement', () => {
    expect(approvalGate([warn, block], 'fine')).toEqual({ ok: false, kind: 'blocked', warnings: [block] });
  });
  it('asks for an acknowledgement while warnings stand, and records it with them', () => {
    expect(approvalGate([warn], undefined)).toMatchObject({ ok: false, kind: 'unacknowledged' });
    expect(approvalGate([warn], '  ')).toMatchObject({ ok: false, kind: 'unacknowledged' });
    expect(approvalGate([warn], ' Accepted for Q1 ')).toEqual({
      ok: true,
      acknowledgement: { text: 'Accepted for Q1', warnings: [{ code: 'W', message: 'Check this' }] },
    });
  });
  it('records nothing when there is nothing to acknowledge', () => {
    expect(approvalGate([], 'ignored')).toEqual({ ok: true, acknowledgement: null });
  });
});
