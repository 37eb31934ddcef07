import { describe, expect, it } from 'vitest';
import {
  engagementWarnings,
  estimateAuditTime,
  sortPortfolio,
  ZEngagementFields,
  type PortfolioEntry,
} from './certification';

describe('audit-time estimate (CERTIFICATION.md §4)', () => {
  const base = { headcount: 8, aiRoles: [], aiSystems: 2, highRiskAiSystems: 0, sites: 1 };
  it('uses the published 1–10 person figures per AI role', () => {
    expect(estimateAuditTime({ ...base, aiRoles: ['customer'] }).initialDays).toBe(3.5);
    expect(estimateAuditTime({ ...base, aiRoles: ['producer'] }).initialDays).toBe(5);
    expect(estimateAuditTime({ ...base, aiRoles: ['producer', 'customer'] }).initialDays).toBe(6.5);
  });
  it('grows with headcount, AI systems, high-risk systems and sampled sites, and is marked an estimate', () => {
    const small = estimateAuditTime({ ...base, aiRoles: ['provider'] });
    const big = estimateAuditTime({
      headcount: 500,
      aiRoles: ['provider'],
      aiSystems: 12,
      highRiskAiSystems: 2,
      sites: 9,
    });
    expect(big.initialDays).toBeGreaterThan(small.initialDays * 3);
    expect(big.sampledSites).toBe(3);
    expect(big.estimate).toBe(true);
    expect(big.basis.join(' ')).toContain('not public');
    expect(big.stage1Days + big.stage2Days).toBeCloseTo(big.initialDays, 0);
    expect(big.surveillanceDays).toBeLessThan(big.recertificationDays);
  });
});

describe('engagement date warnings (CERTIFICATION.md §3)', () => {
  it('warns when stage 2 is under 4 weeks after stage 1, or past 6 months', () => {
    const codes = (s1: string, s2: string) =>
      engagementWarnings({ stage1Date: s1, stage2Date: s2 }, '2026-01-01').map((w) => w.code);
    expect(codes('2026-09-01', '2026-09-15')).toEqual(['stage2_too_soon']);
    expect(codes('2026-09-01', '2026-10-15')).toEqual([]);
    expect(codes('2026-01-01', '2026-08-01')).toEqual(['stage2_too_late']);
  });
  it('warns when stage 2 comes before 3 months of operating records, or with none', () => {
    const w = (since: string | null) =>
      engagementWarnings({ stage1Date: null, stage2Date: '2026-12-15' }, since).map((x) => x.code);
    expect(w('2026-11-01')).toEqual(['operating_period_short']);
    expect(w('2026-08-01')).toEqual([]);
    expect(w(null)).toEqual(['no_operating_period']);
  });
  it('refuses a stage 2 before stage 1', () => {
    const r = ZEngagementFields.safeParse({ cbName: 'CB', stage1Date: '2026-10-01', stage2Date: '2026-09-01' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain('Stage 2 date must not be before');
  });
});

describe('portfolio order', () => {
  const e = (o: Partial<PortfolioEntry> & { name: string }): PortfolioEntry => ({
    orgId: o.name,
    verdict: 'ready',
    blocking: 0,
    nextAuditDate: null,
    overdueTasks: 0,
    ...o,
  });
  it('puts a not-ready organization with an audit within 30 days first, then overdue tasks, then blockers', () => {
    const sorted = sortPortfolio(
      [
        e({ name: 'Calm' }),
        e({ name: 'Blocked', verdict: 'not_ready', blocking: 3 }),
        e({ name: 'Late', overdueTasks: 4 }),
        e({ name: 'Audit soon', verdict: 'not_ready', blocking: 1, nextAuditDate: '2026-12-10' }),
      ],
      '2026-12-01',
    );
    expect(sorted.map((x) => x.name)).toEqual(['Audit soon', 'Late', 'Blocked', 'Calm']);
  });
});
