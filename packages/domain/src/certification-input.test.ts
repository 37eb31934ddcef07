import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  ENGAGEMENT_STATUS_LABELS,
  ENGAGEMENT_STATUSES,
  ZAuditTimeInputs,
  ZEngagementFields,
  ZUpdateEngagement,
} from './certification';

// What the certification-body engagement input accepts, and the words of each refusal: one bad field
// per case, so the answer names exactly that field.

const issues = (schema: z.ZodType, input: unknown) =>
  (schema.safeParse(input).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);
const long = (n: number) => 'x'.repeat(n);
const date = (label: string) => `${label} must be a real date written year-month-day, such as 2027-03-31`;
const roles = 'provider, producer, customer, partner, subject, relevant_authority';
const time = { headcount: 10, aiRoles: ['provider'], aiSystems: 2 };

describe('an engagement', () => {
  it('is planning, unaccredited, without team, dates or scope unless sent; texts are trimmed', () => {
    expect(ZEngagementFields.parse({ cbName: ' CB ' })).toEqual({
      cbName: 'CB',
      accreditationBody: '',
      accredited: false,
      accreditationRef: '',
      auditTeam: [],
      stage1Date: null,
      stage2Date: null,
      submittedScope: '',
      auditTimeInputs: { headcount: 0, aiRoles: [], aiSystems: 0, highRiskAiSystems: 0, sites: 1 },
      status: 'planning',
      notes: '',
    });
    expect(
      ZEngagementFields.parse({
        cbName: 'CB',
        accreditationBody: ' UKAS ',
        accreditationRef: ' 123 ',
        auditTeam: [{ name: ' Ana ', role: ' Lead ' }],
        submittedScope: ' all ',
        notes: ' n ',
      }),
    ).toMatchObject({
      accreditationBody: 'UKAS',
      accreditationRef: '123',
      auditTeam: [{ name: 'Ana', role: 'Lead' }],
      submittedScope: 'all',
      notes: 'n',
    });
  });
  it('accepts every field at its longest', () => {
    expect(
      ZEngagementFields.safeParse({
        cbName: long(200),
        accreditationBody: long(200),
        accreditationRef: long(200),
        auditTeam: Array(50).fill({ name: long(200), role: long(100) }),
        submittedScope: long(20_000),
        notes: long(20_000),
        accredited: true,
        status: 'closed',
      }).success,
    ).toBe(true);
    expect(ZEngagementFields.safeParse({ cbName: 'CB', auditTeam: [{ name: long(201), role: '' }] }).success).toBe(
      false,
    );
  });
  it.each([
    [{ cbName: undefined }, 'cbName', 'Certification body is required'],
    [{ cbName: ' ' }, 'cbName', 'Certification body is required: name the CB'],
    [{ cbName: long(201) }, 'cbName', 'Certification body must be at most 200 characters'],
    [{ accreditationBody: 5 }, 'accreditationBody', 'Accreditation body must be text'],
    [{ accreditationBody: long(201) }, 'accreditationBody', 'Accreditation body must be at most 200 characters'],
    [{ accredited: 'yes' }, 'accredited', 'Accredited must be true or false'],
    [{ accreditationRef: 5 }, 'accreditationRef', 'Accreditation reference must be text'],
    [{ accreditationRef: long(201) }, 'accreditationRef', 'Accreditation reference must be at most 200 characters'],
    [{ auditTeam: [{ name: ' ', role: '' }] }, 'auditTeam.0.name', 'Each auditor needs a name'],
    [{ auditTeam: [{ name: 'Ana', role: 5 }] }, 'auditTeam.0.role', 'Auditor role must be text'],
    [
      { auditTeam: [{ name: 'Ana', role: long(101) }] },
      'auditTeam.0.role',
      'Auditor role must be at most 100 characters',
    ],
    [{ auditTeam: Array(51).fill({ name: 'A', role: '' }) }, 'auditTeam', 'At most 50 auditors'],
    [{ stage1Date: '2027-02-30' }, 'stage1Date', date('Stage 1 date')],
    [{ stage2Date: '2027-02-30' }, 'stage2Date', date('Stage 2 date')],
    [{ submittedScope: 5 }, 'submittedScope', 'Scope as submitted must be text'],
    [{ submittedScope: long(20_001) }, 'submittedScope', 'Scope as submitted must be at most 20000 characters'],
    [{ notes: long(20_001) }, 'notes', 'Notes must be at most 20000 characters'],
    [
      { status: 'done' },
      'status',
      'Status must be one of: planning, contracted, stage1_done, stage2_done, certified, closed',
    ],
    [
      { stage1Date: '2026-10-01', stage2Date: '2026-09-30' },
      'stage2Date',
      'Stage 2 date must not be before the stage 1 date',
    ],
  ])('refuses %j', (bad, path, message) => {
    expect(issues(ZEngagementFields, { cbName: 'CB', ...bad })).toEqual([[path, message]]);
  });
  it('refuses the same on an update, where every field may be left out', () => {
    expect(ZUpdateEngagement.parse({ version: 3 })).toEqual({ version: 3 });
    expect(issues(ZUpdateEngagement, { version: 3, accredited: 1 })).toEqual([
      ['accredited', 'Accredited must be true or false'],
    ]);
    expect(issues(ZUpdateEngagement, { version: 3, stage1Date: '2026-10-01', stage2Date: '2026-09-30' })).toEqual([
      ['stage2Date', 'Stage 2 date must not be before the stage 1 date'],
    ]);
  });
});

describe('the audit-time inputs', () => {
  it('count no high-risk system and one site unless sent', () => {
    expect(ZAuditTimeInputs.parse(time)).toEqual({ ...time, highRiskAiSystems: 0, sites: 1 });
    expect(
      ZAuditTimeInputs.safeParse({
        headcount: 1_000_000,
        aiRoles: ['provider', 'producer', 'customer', 'partner', 'subject', 'relevant_authority'],
        aiSystems: 100_000,
        highRiskAiSystems: 100_000,
        sites: 10_000,
      }).success,
    ).toBe(true);
    expect(ZAuditTimeInputs.safeParse({ ...time, headcount: 0, aiSystems: 0 }).success).toBe(true);
  });
  it.each([
    [{ headcount: 'ten' }, 'headcount', 'AI-related headcount must be a whole number'],
    [{ headcount: 1.5 }, 'headcount', 'AI-related headcount must be a whole number'],
    [{ headcount: -1 }, 'headcount', 'AI-related headcount must be 0 or more'],
    [{ headcount: 1_000_001 }, 'headcount', 'AI-related headcount must be at most 1000000'],
    [{ aiRoles: ['vendor'] }, 'aiRoles.0', `AI role must be one of: ${roles}`],
    [{ aiSystems: -1 }, 'aiSystems', 'AI systems in scope must be 0 or more'],
    [{ aiSystems: 100_001 }, 'aiSystems', 'AI systems in scope must be at most 100000'],
    [{ highRiskAiSystems: 0.5 }, 'highRiskAiSystems', 'High-risk AI systems must be a whole number'],
    [{ highRiskAiSystems: 100_001 }, 'highRiskAiSystems', 'High-risk AI systems must be at most 100000'],
    [{ sites: -1 }, 'sites', 'Sites must be 0 or more'],
    [{ sites: 10_001 }, 'sites', 'Sites must be at most 10000'],
  ])('refuses %j', (bad, path, message) => {
    expect(issues(ZAuditTimeInputs, { ...time, ...bad })).toEqual([[path, message]]);
  });
  it('refuses more roles than there are', () => {
    const seven = ['provider', 'producer', 'customer', 'partner', 'subject', 'relevant_authority', 'provider'];
    expect(issues(ZAuditTimeInputs, { ...time, aiRoles: seven }).map(([path]) => path)).toEqual(['aiRoles']);
  });
  it('are checked inside an engagement', () => {
    expect(issues(ZEngagementFields, { cbName: 'CB', auditTimeInputs: { ...time, sites: -1 } })).toEqual([
      ['auditTimeInputs.sites', 'Sites must be 0 or more'],
    ]);
  });
});

describe('engagement statuses', () => {
  it('run from planning to closed, each with its label', () => {
    expect(ENGAGEMENT_STATUSES).toEqual([
      'planning',
      'contracted',
      'stage1_done',
      'stage2_done',
      'certified',
      'closed',
    ]);
    expect(ENGAGEMENT_STATUS_LABELS).toEqual({
      planning: 'Planning',
      contracted: 'Contracted',
      stage1_done: 'Stage 1 done',
      stage2_done: 'Stage 2 done',
      certified: 'Certified',
      closed: 'Closed',
    });
  });
});
