import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CRITERIA, isAcceptable, RISK_LEVELS, riskLevel, type RiskCriteriaContent } from './risk';
import { estimateAuditTime, HEADCOUNT_FACTORS } from './certification';

// Every band edge, on both sides: a rule written `<` where it should be `<=` moves exactly one of
// these values into the neighbouring band.

const THREE_BY_FOUR: Pick<RiskCriteriaContent, 'levels'> = {
  levels: [
    { level: 'low', maxScore: 3 },
    { level: 'medium', maxScore: 6 },
    { level: 'high', maxScore: 12 },
  ],
};

describe.each([
  ['the default 5 × 5 criteria', DEFAULT_RISK_CRITERIA],
  ['a 3 × 4 matrix with three levels', THREE_BY_FOUR],
])('risk score bands of %s', (_, criteria) => {
  const levels = criteria.levels;
  it.each(levels.map((band, i) => [band.level, band.maxScore, i] as const))(
    'scores up to and including the %s band end (%i) in that band, one more in the next',
    (level, maxScore, i) => {
      expect(riskLevel(criteria, maxScore)).toBe(level);
      if (i > 0) expect(riskLevel(criteria, levels[i - 1]!.maxScore + 1)).toBe(level);
      const next = levels[i + 1];
      // Past the top of the matrix stays the top level (a rating made under wider criteria).
      expect(riskLevel(criteria, maxScore + 1)).toBe(next ? next.level : level);
    },
  );
  it('puts the lowest score in the lowest band', () => {
    expect(riskLevel(criteria, 1)).toBe(levels[0]!.level);
  });
});

describe('acceptance level edges', () => {
  it.each(RISK_LEVELS.map((l, i) => [l, i] as const))(
    'accepts %s itself and everything below it, nothing above',
    (acceptanceLevel, i) => {
      expect(RISK_LEVELS.map((level) => isAcceptable({ acceptanceLevel }, level))).toEqual(
        RISK_LEVELS.map((_, j) => j <= i),
      );
    },
  );
});

describe('audit-time headcount bands', () => {
  const factorFor = (headcount: number) => {
    const line = estimateAuditTime({ headcount, aiRoles: ['customer'], aiSystems: 1, highRiskAiSystems: 0, sites: 1 })
      .basis[1]!;
    return Number(/^× ([\d.]+) for /.exec(line)![1]);
  };
  const finite = HEADCOUNT_FACTORS.filter(([max]) => Number.isFinite(max));
  it.each(finite.map(([max, factor], i) => [max, factor, HEADCOUNT_FACTORS[i + 1]![1]] as const))(
    'counts %i people in the band ending there (× %d), one more in the next (× %d)',
    (max, factor, next) => {
      expect(factorFor(max)).toBe(factor);
      expect(factorFor(max + 1)).toBe(next);
    },
  );
  it('counts nobody as one person, and any headcount past the last edge in the last band', () => {
    expect(factorFor(0)).toBe(1);
    expect(factorFor(1_000_000)).toBe(HEADCOUNT_FACTORS.at(-1)![1]);
  });
});
