import { describe, expect, it } from 'vitest';
import { auditCoverage, covers, independenceWarnings, programmeWarnings, type CoverageAudit } from './audits';

// The coverage view row by row (9.2.2): which completed audits covered a unit, latest last, which are
// planned or running, and the programme's warning word for word.

describe('a coverage row', () => {
  const audits: CoverageAudit[] = [
    { ref: 'AUD-3', refs: ['6'], status: 'completed', date: '2026-06-01' },
    { ref: 'AUD-1', refs: ['6.1.2', 'A.6'], status: 'completed', date: '2025-03-01' },
    { ref: 'AUD-4', refs: ['6.1'], status: 'in_progress', date: '2026-11-20' },
    { ref: 'AUD-5', refs: ['6'], status: 'planned', date: '2027-02-01' },
    { ref: 'AUD-2', refs: ['6'], status: 'cancelled', date: '2026-01-01' },
    { ref: 'AUD-6', refs: ['7'], status: 'completed', date: '2026-09-01' },
  ];

  it('lists the completed audits oldest first, the planned and running ones, and the last audit date', () => {
    expect(auditCoverage(['6', 'A.6.2.4', '8'], audits, '2026-12-03')).toEqual([
      {
        unit: '6',
        audited: ['AUD-1', 'AUD-3'],
        planned: ['AUD-4', 'AUD-5'],
        lastAuditedOn: '2026-06-01',
        state: 'covered',
      },
      { unit: 'A.6.2.4', audited: ['AUD-1'], planned: [], lastAuditedOn: '2025-03-01', state: 'stale' },
      { unit: '8', audited: [], planned: [], lastAuditedOn: null, state: 'never' },
    ]);
  });

  it('counts a unit only planned as planned, and a cancelled audit for nothing', () => {
    expect(
      auditCoverage(
        ['9'],
        [
          { ref: 'AUD-7', refs: ['9.2'], status: 'planned', date: '2027-01-10' },
          { ref: 'AUD-8', refs: ['9'], status: 'cancelled', date: '2026-05-01' },
        ],
        '2026-12-03',
      ),
    ).toEqual([{ unit: '9', audited: [], planned: ['AUD-7'], lastAuditedOn: null, state: 'planned' }]);
  });
});

describe('covers', () => {
  it('needs one scope ref to reach the unit, not all of them', () => {
    expect(covers(['8', 'A.6'], 'A.6.2.4')).toBe(true);
    expect(covers(['8', '10'], '1')).toBe(false);
    expect(covers([], '6')).toBe(false);
  });
});

describe('independence', () => {
  it('counts an involvement without a ref when any part of the scope is in clauses 4–10', () => {
    const w = independenceWarnings(
      [{ id: 'u1', name: 'Ann' }],
      ['A.6.2.4', '5.3'],
      [{ userId: 'u1', what: 'is accountable for the AI policy', ref: null }],
    );
    expect(w).toEqual([
      { code: 'independence', blocking: false, userId: 'u1', message: 'Ann is accountable for the AI policy.' },
    ]);
  });
});

describe('the programme warning', () => {
  const never = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      unit: `A.${i + 2}`,
      audited: [],
      planned: [],
      lastAuditedOn: null,
      state: 'never' as const,
    }));

  it('names up to twelve units, then an ellipsis, without blocking', () => {
    expect(programmeWarnings(never(12))).toEqual([
      {
        code: 'uncovered',
        blocking: false,
        message:
          'No audit covers 12 clause(s) or control(s): A.2, A.3, A.4, A.5, A.6, A.7, A.8, A.9, A.10, A.11, A.12, A.13.',
      },
    ]);
    expect(programmeWarnings(never(13))[0]!.message).toBe(
      'No audit covers 13 clause(s) or control(s): A.2, A.3, A.4, A.5, A.6, A.7, A.8, A.9, A.10, A.11, A.12, A.13, ….',
    );
  });
});
