import { describe, expect, it } from 'vitest';
import {
  engagementWarnings,
  estimateAuditTime,
  sortPortfolio,
  ZEngagementFields,
  type AuditTimeInputs,
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

describe('audit-time estimate: every figure and the basis shown', () => {
  const stageLine =
    'Stage 1 ≈ 25 % of the initial time; surveillance ≈ 1/3 and recertification ≈ 2/3 of it (IAF MD 5 analogue)';
  it('a small AI user: the published base, nothing added', () => {
    // 3.5 days; stage 1 a quarter (0.875, to the half day: 1); the rest 2.5; a third 1.17 → 1, two thirds 2.33 → 2.5.
    expect(
      estimateAuditTime({ headcount: 8, aiRoles: ['provider'], aiSystems: 3, highRiskAiSystems: 0, sites: 1 }),
    ).toEqual({
      estimate: true,
      initialDays: 3.5,
      stage1Days: 1,
      stage2Days: 2.5,
      surveillanceDays: 1,
      recertificationDays: 2.5,
      sampledSites: 1,
      basis: [
        "Base 3.5 auditor-days for 1–10 people as AI provider or user (Sensiba's published example; the ISO/IEC 42006 table is not public)",
        '× 1 for 8 AI-related people (headcount bands shaped like ISO/IEC 27006-1 Annex C; our assumption)',
        stageLine,
      ],
    });
  });

  it('a large organization with several roles: each uplift at its cap, named in the basis', () => {
    // 6.5 × 3.7 (500 people: band up to 1175) × (1 + 0.30 systems (capped) + 0.20 high-risk + 0.30 sites) = 43.29 → 43.5.
    expect(
      estimateAuditTime({
        headcount: 500,
        aiRoles: ['provider', 'customer', 'subject'],
        aiSystems: 12,
        highRiskAiSystems: 3,
        sites: 9,
      }),
    ).toEqual({
      estimate: true,
      initialDays: 43.5,
      stage1Days: 11,
      stage2Days: 32.5,
      surveillanceDays: 14.5,
      recertificationDays: 29,
      sampledSites: 3,
      basis: [
        "Base 6.5 auditor-days for 1–10 people as several AI roles (Sensiba's published example; the ISO/IEC 42006 table is not public)",
        '× 3.7 for 500 AI-related people (headcount bands shaped like ISO/IEC 27006-1 Annex C; our assumption)',
        '+30 % for 12 AI systems in scope (5 % each beyond 3, at most 30 %; our assumption)',
        '+20 % for 3 high-risk AI systems (our assumption)',
        '+30 % for 3 sampled of 9 sites (√n sampling per IAF MD 1; 15 % per extra site is our assumption)',
        stageLine,
      ],
    });
  });

  it('a producer: small uplifts, no headcount or sites counted as one', () => {
    // 5 × 1 × (1 + 0.05 + 0.10) = 5.75 → 6; stage 1 1.5, stage 2 4.5, surveillance 2, recertification 4.
    const e = estimateAuditTime({
      headcount: 0,
      aiRoles: ['producer', 'relevant_authority'],
      aiSystems: 4,
      highRiskAiSystems: 1,
      sites: 0,
    });
    expect(e).toMatchObject({
      initialDays: 6,
      stage1Days: 1.5,
      stage2Days: 4.5,
      surveillanceDays: 2,
      recertificationDays: 4,
      sampledSites: 1,
    });
    expect(e.basis).toEqual([
      "Base 5 auditor-days for 1–10 people as AI producer (Sensiba's published example; the ISO/IEC 42006 table is not public)",
      '× 1 for 1 AI-related people (headcount bands shaped like ISO/IEC 27006-1 Annex C; our assumption)',
      '+5 % for 4 AI systems in scope (5 % each beyond 3, at most 30 %; our assumption)',
      '+10 % for 1 high-risk AI systems (our assumption)',
      stageLine,
    ]);
  });

  it('moves to the next headcount band above each upper bound', () => {
    const days = (headcount: number) =>
      estimateAuditTime({ headcount, aiRoles: ['customer'], aiSystems: 0, highRiskAiSystems: 0, sites: 1 }).initialDays;
    // 3.5 × factor, to the half day.
    expect([10, 11, 25, 26, 45, 46, 85, 86, 175, 176, 425, 426, 1175, 1176, 2675, 2676].map(days)).toEqual([
      3.5, 5, 5, 6, 6, 7.5, 7.5, 9, 9, 10.5, 10.5, 13, 13, 15.5, 15.5, 17.5,
    ]);
  });

  it('counts a partner as an AI role of its own; an affected subject or an authority is no audited role', () => {
    const base = (aiRoles: AuditTimeInputs['aiRoles']) =>
      estimateAuditTime({ headcount: 5, aiRoles, aiSystems: 0, highRiskAiSystems: 0, sites: 1 }).initialDays;
    expect(base(['partner', 'customer'])).toBe(6.5);
    expect(base(['partner'])).toBe(3.5);
    expect(base(['subject', 'relevant_authority', 'customer'])).toBe(3.5);
  });

  it('samples the square root of the sites, rounded up', () => {
    const sampled = (sites: number) =>
      estimateAuditTime({ headcount: 5, aiRoles: [], aiSystems: 0, highRiskAiSystems: 0, sites }).sampledSites;
    expect([1, 2, 4, 5, 10].map(sampled)).toEqual([1, 2, 2, 3, 4]);
  });
});

describe('engagement date warnings: boundaries and words', () => {
  const w = (stage1Date: string | null, stage2Date: string | null, since: string | null = '2020-01-01') =>
    engagementWarnings({ stage1Date, stage2Date }, since);
  it('leaves exactly 4 weeks and exactly 6 months without a warning', () => {
    expect(w('2026-09-01', '2026-09-29')).toEqual([]);
    expect(w('2026-09-01', '2027-03-01')).toEqual([]);
  });
  it('says what each warning means', () => {
    expect(w('2026-09-01', '2026-09-28')).toEqual([
      {
        code: 'stage2_too_soon',
        message:
          'Stage 2 is less than 4 weeks after stage 1: little time to close the stage-1 concerns (CBs usually leave 4–8 weeks)',
      },
    ]);
    expect(w('2026-09-01', '2027-03-02')).toEqual([
      { code: 'stage2_too_late', message: 'Stage 2 is more than 6 months after stage 1: the CB may repeat stage 1' },
    ]);
    expect(w(null, '2026-12-14', null)).toEqual([
      {
        code: 'no_operating_period',
        message: 'No monitoring or control records yet: stage 2 samples records of the AIMS operating over a period',
      },
    ]);
    expect(w(null, '2026-12-14', '2026-09-15T10:00:00Z')).toEqual([
      {
        code: 'operating_period_short',
        message:
          'Stage 2 is less than 3 months after the first operating records (2026-09-15): auditors sample records across the operating period',
      },
    ]);
    expect(w(null, '2026-12-15', '2026-09-15T10:00:00Z')).toEqual([]);
  });
  it('needs both dates for the gap warnings, and a stage 2 date for the operating period', () => {
    expect(w('2026-09-01', null, null)).toEqual([]);
    expect(w(null, '2026-09-02').map((x) => x.code)).toEqual([]);
  });
  it('refuses a stage 2 before stage 1 on the stage 2 date, and accepts the same day', () => {
    const r = ZEngagementFields.safeParse({ cbName: 'CB', stage1Date: '2026-10-01', stage2Date: '2026-09-30' });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['stage2Date']);
    expect(
      ZEngagementFields.safeParse({ cbName: 'CB', stage1Date: '2026-10-01', stage2Date: '2026-10-01' }).success,
    ).toBe(true);
    expect(ZEngagementFields.safeParse({ cbName: 'CB', stage1Date: null, stage2Date: '2026-10-01' }).success).toBe(
      true,
    );
    expect(ZEngagementFields.safeParse({ cbName: 'CB', stage1Date: '2026-10-01', stage2Date: null }).success).toBe(
      true,
    );
  });
});

describe('portfolio order: what counts as an audit soon', () => {
  const e = (name: string, o: Partial<PortfolioEntry> = {}): PortfolioEntry => ({
    orgId: name,
    name,
    verdict: 'not_ready',
    blocking: 0,
    nextAuditDate: null,
    overdueTasks: 0,
    ...o,
  });
  it('counts today to 30 days ahead for a not-ready organization; then the nearest date, then the name', () => {
    const sorted = sortPortfolio(
      [
        e('Beta'),
        e('Past', { nextAuditDate: '2026-11-30' }),
        e('Day 31', { nextAuditDate: '2027-01-01' }),
        e('Ready soon', { nextAuditDate: '2026-12-02', verdict: 'ready' }),
        e('Day 30', { nextAuditDate: '2026-12-31' }),
        e('Alpha'),
        e('Today', { nextAuditDate: '2026-12-01' }),
      ],
      '2026-12-01',
    );
    expect(sorted.map((x) => x.name)).toEqual(['Today', 'Day 30', 'Past', 'Ready soon', 'Day 31', 'Alpha', 'Beta']);
  });
  it('puts more blocking findings first, and leaves the input unsorted', () => {
    const input = [e('One', { blocking: 1 }), e('Three', { blocking: 3 })];
    expect(sortPortfolio(input, '2026-12-01').map((x) => x.name)).toEqual(['Three', 'One']);
    expect(input.map((x) => x.name)).toEqual(['One', 'Three']);
  });
});
