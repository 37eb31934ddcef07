import { describe, expect, it } from 'vitest';
import {
  compareResult,
  computeScores,
  gapList,
  notApplicableProblem,
  sectionOf,
  type GapResult,
  type ScoreInput,
} from './gap';

const item = (ref: string, result: GapResult | null, opts: Partial<ScoreInput> = {}): ScoreInput => ({
  ref,
  result,
  maturity: null,
  documentation: false,
  ...opts,
});
const CLAUSE_REFS = [
  '4.1',
  '4.2',
  '4.3',
  '4.4',
  '5.1',
  '5.2',
  '5.3',
  '6.1.1',
  '6.1.2',
  '6.1.3',
  '6.1.4',
  '6.2',
  '6.3',
  '7.1',
  '7.2',
  '7.3',
  '7.4',
  '7.5.1',
  '7.5.2',
  '7.5.3',
  '8.1',
  '8.2',
  '8.3',
  '8.4',
  '9.1',
  '9.2.1',
  '9.2.2',
  '9.3.1',
  '9.3.2',
  '9.3.3',
  '10.1',
  '10.2',
];
const CONTROL_REFS = [
  'A.2.2',
  'A.2.3',
  'A.2.4',
  'A.3.2',
  'A.3.3',
  'A.4.2',
  'A.4.3',
  'A.4.4',
  'A.4.5',
  'A.4.6',
  'A.5.2',
  'A.5.3',
  'A.5.4',
  'A.5.5',
  'A.6.1.2',
  'A.6.1.3',
  'A.6.2.2',
  'A.6.2.3',
  'A.6.2.4',
  'A.6.2.5',
  'A.6.2.6',
  'A.6.2.7',
  'A.6.2.8',
  'A.7.2',
  'A.7.3',
  'A.7.4',
  'A.7.5',
  'A.7.6',
  'A.8.2',
  'A.8.3',
  'A.8.4',
  'A.8.5',
  'A.9.2',
  'A.9.3',
  'A.9.4',
  'A.10.2',
  'A.10.3',
  'A.10.4',
];
const ALL = [...CLAUSE_REFS, ...CONTROL_REFS];

describe('computeScores, worked by hand', () => {
  it('gives 100 everywhere when all 70 items are conformant', () => {
    const s = computeScores(ALL.map((r) => item(r, 'conformant')));
    expect([s.overall, s.clauses, s.annexA]).toEqual([100, 100, 100]);
    expect(Object.values(s.byClause)).toEqual(Array(7).fill(100));
    expect(Object.values(s.byGroup)).toEqual(Array(9).fill(100));
    expect(s.counts).toMatchObject({ total: 70, applicable: 70, answered: 70, conformant: 70, unanswered: 0 });
  });

  it('gives 0 with nothing answered: unanswered counts as 0, never as missing', () => {
    const s = computeScores(ALL.map((r) => item(r, null)));
    expect([s.overall, s.clauses, s.annexA]).toEqual([0, 0, 0]);
    expect(s.counts).toMatchObject({ applicable: 70, answered: 0, unanswered: 70 });
    expect(s.maturity.overall).toBeNull();
  });

  it('scores only the applicable item when every control but one is not applicable', () => {
    const items = CONTROL_REFS.map((r) => item(r, r === 'A.7.4' ? 'partially_conformant' : 'not_applicable'));
    const s = computeScores(items);
    expect(s.annexA).toBe(50); // 0.5 / 1
    expect(s.byGroup['A.7']).toBe(50);
    expect(s.byGroup['A.2']).toBeNull(); // nothing applies: no number to show
    expect(s.clauses).toBeNull();
    expect(s.overall).toBe(50);
    expect(s.counts).toMatchObject({ applicable: 1, notApplicable: 37 });
  });

  it('mixes results: 100 × (1 + 0.5 + 0 + 0) ÷ 4, N/A left out', () => {
    const s = computeScores([
      item('4.1', 'conformant', { maturity: 4 }),
      item('4.2', 'partially_conformant', { maturity: 2 }),
      item('4.3', 'nonconformant', { maturity: 1, documentation: true }),
      item('5.1', null),
      item('A.2.2', 'not_applicable', { maturity: 5 }),
    ]);
    expect(s.overall).toBe(37.5);
    expect(s.clauses).toBe(37.5);
    expect(s.byClause['4']).toBe(50); // (1 + 0.5 + 0) / 3
    expect(s.byClause['5']).toBe(0);
    expect(s.byClause['6']).toBeNull();
    expect(s.annexA).toBeNull();
    expect(s.maturity.overall).toBe(2.3); // (4 + 2 + 1) / 3; the N/A control's maturity is left out
    expect(s.documentationGaps).toBe(1);
  });

  it('counts documentation gaps: documented, applicable and not conformant (unanswered included, N/A left out)', () => {
    const doc = { documentation: true };
    const s = computeScores([
      item('7.5.1', 'conformant', doc),
      item('7.5.2', 'partially_conformant', doc),
      item('7.5.3', 'nonconformant', doc),
      item('6.1.3', null, doc),
      item('A.2.2', 'not_applicable', doc),
      item('A.6.2.7', 'not_applicable', doc),
      item('4.1', 'nonconformant'), // asks for no documented information
    ]);
    expect(s.documentationGaps).toBe(3);
    expect(s.counts).toMatchObject({ total: 7, applicable: 5, notApplicable: 2, unanswered: 1 });
  });

  it('counts no documentation gap when every documented item is conformant or not applicable', () => {
    const doc = { documentation: true };
    const s = computeScores([item('A.2.2', 'not_applicable', doc), item('7.5.1', 'conformant', doc)]);
    expect(s.documentationGaps).toBe(0);
  });

  it('puts A.10 controls in group A.10 and clause 10 in clause 10, never in A.1 or 1, read after read', () => {
    const items = [
      item('A.10.2', 'conformant'),
      item('A.2.2', 'nonconformant'),
      item('10.1', 'conformant'),
      item('4.1', 'nonconformant'),
    ];
    for (let read = 0; read < 2; read++) {
      const s = computeScores(items);
      expect(s.byGroup).toMatchObject({ 'A.10': 100, 'A.2': 0, 'A.3': null });
      expect(s.byClause).toMatchObject({ '10': 100, '4': 0, '5': null });
      expect(s.counts).toMatchObject({ total: 4, conformant: 2, nonconformant: 2, unanswered: 0 });
    }
  });

  it('rounds to one decimal: 2 of 3 conformant is 66.7', () => {
    expect(
      computeScores([item('7.1', 'conformant'), item('7.2', 'conformant'), item('7.3', 'nonconformant')]).overall,
    ).toBe(66.7);
  });
});

describe('gapList', () => {
  it('lists applicable non-conformant items: documented information first, then clauses, then Annex A', () => {
    const items = [
      item('4.1', 'nonconformant'),
      item('4.3', null, { documentation: true }),
      item('5.1', 'conformant'),
      item('6.1.3', 'partially_conformant', { documentation: true }),
      item('A.2.2', null, { documentation: true }),
      item('A.3.2', 'nonconformant'),
      item('A.4.2', 'not_applicable'),
      item('10.1', 'partially_conformant'),
    ];
    expect(gapList(items).map((i) => i.ref)).toEqual(['4.3', '6.1.3', 'A.2.2', '4.1', '10.1', 'A.3.2']);
  });
});

describe('rules', () => {
  it('allows not applicable only for Annex A controls, and only with a justification', () => {
    expect(notApplicableProblem('6.1.2', 'not_applicable', 'we do not do AI')).toContain(
      'cannot be marked not applicable',
    );
    expect(notApplicableProblem('A.10.4', 'not_applicable', '  ')).toContain('Give a justification');
    expect(notApplicableProblem('A.10.4', 'not_applicable', 'We have no customers: internal use only.')).toBeNull();
    expect(notApplicableProblem('6.1.2', 'conformant', '')).toBeNull();
  });

  it('knows the section of a ref', () => {
    expect(['4.1', '6.1.3', '10.2', 'A.6.2.4', 'A.10.3'].map(sectionOf)).toEqual(['4', '6', '10', 'A.6', 'A.10']);
  });

  it('compares results: better, worse, same, or a scope change', () => {
    expect(compareResult(null, 'partially_conformant')).toBe('improved');
    expect(compareResult('conformant', 'nonconformant')).toBe('regressed');
    expect(compareResult('nonconformant', null)).toBe('unchanged');
    expect(compareResult('conformant', 'not_applicable')).toBe('changed');
    expect(compareResult('conformant', 'conformant')).toBe('unchanged');
  });
});
