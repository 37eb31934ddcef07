import { describe, expect, it } from 'vitest';
import { auditCoverage, covers, independenceWarnings, programmeWarnings, ZCreateAudit } from './audits';

describe('audit programme coverage (9.2.2)', () => {
  const audits = [
    { ref: 'AUD-1', refs: ['4', '5'], status: 'completed' as const, date: '2025-06-01' },
    { ref: 'AUD-2', refs: ['6.1.2', 'A.6.2.4'], status: 'completed' as const, date: '2026-09-01' },
    { ref: 'AUD-3', refs: ['7'], status: 'planned' as const, date: '2027-02-01' },
    { ref: 'AUD-4', refs: ['8'], status: 'cancelled' as const, date: '2026-10-01' },
  ];
  const rows = auditCoverage(['4', '6', '7', '8', 'A.6.2.4', 'A.2.2'], audits, '2026-12-03');
  const state = (u: string) => rows.find((r) => r.unit === u)!.state;

  it('finds what was never audited, what is only planned, and what was audited more than 12 months ago', () => {
    expect(state('4')).toBe('stale');
    expect(rows.find((r) => r.unit === '4')!.lastAuditedOn).toBe('2025-06-01');
    expect(state('6')).toBe('covered'); // a subclause covers its clause
    expect(state('A.6.2.4')).toBe('covered');
    expect(state('7')).toBe('planned');
    expect(state('8')).toBe('never'); // a cancelled audit counts for nothing
    expect(state('A.2.2')).toBe('never');
  });

  it('treats exactly 12 months ago as stale and a day later as covered', () => {
    const at = (date: string) =>
      auditCoverage(['9'], [{ ref: 'AUD-9', refs: ['9'], status: 'completed', date }], '2026-12-03')[0]!.state;
    expect(at('2025-12-03')).toBe('stale');
    expect(at('2025-12-04')).toBe('covered');
  });

  it('matches refs by whole segments: 10 is not covered by 1, A.6.2 covers A.6.2.4', () => {
    expect(covers(['1'], '10')).toBe(false);
    expect(covers(['10.2'], '10')).toBe(true);
    expect(covers(['A.6.2.4'], 'A.6.2')).toBe(true);
    expect(covers(['A.6'], 'A.6.2.4')).toBe(true);
    expect(covers(['A.6'], 'A.7.2')).toBe(false);
  });

  it('warns before approval while a unit is neither audited nor planned', () => {
    expect(programmeWarnings(rows)[0]!.message).toMatch(/2 clause\(s\) or control\(s\): 8, A.2.2/);
    expect(programmeWarnings(rows.filter((r) => r.state !== 'never'))).toEqual([]);
  });
});

describe('auditor independence', () => {
  const ann = { id: 'u1', name: 'Ann' };
  const bob = { id: 'u2', name: 'Bob' };
  const involvements = [
    { userId: 'u1', what: 'owns control A.6.2.4', ref: 'A.6.2.4' },
    { userId: 'u1', what: 'is Accountable for "Risk assessment" in the RACI', ref: null },
    { userId: 'u2', what: 'wrote AIMS-POL-001', ref: '5.2' },
  ];

  it('warns when an auditor audits a control they own, or work they did', () => {
    const w = independenceWarnings([ann, bob], ['A.6.2'], involvements);
    expect(w.map((x) => x.message)).toEqual(['Ann owns control A.6.2.4.']);
    expect(w.every((x) => !x.blocking)).toBe(true);
  });

  it('counts RACI involvements whenever the scope reaches clauses 4–10, and documents by their refs', () => {
    const w = independenceWarnings([ann, bob], ['5'], involvements);
    expect(w.map((x) => x.userId).sort()).toEqual(['u1', 'u2']);
  });

  it('stays quiet for independent auditors', () => {
    expect(independenceWarnings([bob], ['A.6.2.4', '8'], involvements)).toEqual([]);
  });
});

describe('audit plan input', () => {
  it('refuses an end before the start, naming the field', () => {
    const r = ZCreateAudit.safeParse({ title: 'X', plannedStart: '2027-03-02', plannedEnd: '2027-03-01' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toMatch(/Planned end must be on or after/);
  });
});
