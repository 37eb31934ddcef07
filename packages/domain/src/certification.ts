import { z } from 'zod';
import { addDays, addMonths, calendarDate } from './dates';
import { AI_ROLES } from './enums';
import { versionField } from './version';

// The certification body engagement of step 6: which CB, its accreditation, the audit team, the
// stage-1 and stage-2 dates, the scope as submitted, and the audit-time inputs with an estimate of
// auditor-days. Sources: shared/iso42001/CERTIFICATION.md §3 (timing) and §4 (audit time). The
// estimate is ours, built on the few public numbers (Sensiba's 1–10 person table, IAF MD 5 ratios,
// IAF MD 1 site sampling); ISO/IEC 42006's own table is not public, so it is shown as an estimate.

export const ENGAGEMENT_STATUSES = [
  'planning',
  'contracted',
  'stage1_done',
  'stage2_done',
  'certified',
  'closed',
] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];
export const ENGAGEMENT_STATUS_LABELS: Record<EngagementStatus, string> = {
  planning: 'Planning',
  contracted: 'Contracted',
  stage1_done: 'Stage 1 done',
  stage2_done: 'Stage 2 done',
  certified: 'Certified',
  closed: 'Closed',
};

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`);
const count = (label: string, max: number) =>
  z
    .number({ error: `${label} must be a whole number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} must be 0 or more`)
    .max(max, `${label} must be at most ${max}`);

export const ZAuditTimeInputs = z.strictObject({
  headcount: count('AI-related headcount', 1_000_000).describe(
    'people doing AIMS-governed work: employees, contractors and partners',
  ),
  aiRoles: z
    .array(z.enum(AI_ROLES, { error: `AI role must be one of: ${AI_ROLES.join(', ')}` }))
    .max(AI_ROLES.length)
    .describe('the AI roles declared to the CB'),
  aiSystems: count('AI systems in scope', 100_000),
  highRiskAiSystems: count('High-risk AI systems', 100_000).default(0),
  sites: count('Sites', 10_000).describe('physical and virtual sites; at least 1').default(1),
});
export type AuditTimeInputs = z.output<typeof ZAuditTimeInputs>;

const FIELDS = {
  cbName: z
    .string({ error: 'Certification body is required' })
    .trim()
    .min(1, 'Certification body is required: name the CB')
    .max(200, 'Certification body must be at most 200 characters'),
  accreditationBody: text('Accreditation body', 200),
  accredited: z.boolean({ error: 'Accredited must be true or false' }),
  accreditationRef: text('Accreditation reference', 200),
  auditTeam: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1, 'Each auditor needs a name').max(200),
        role: text('Auditor role', 100),
      }),
    )
    .max(50, 'At most 50 auditors'),
  stage1Date: calendarDate('Stage 1 date').nullable(),
  stage2Date: calendarDate('Stage 2 date').nullable(),
  submittedScope: text('Scope as submitted', 20_000),
  auditTimeInputs: ZAuditTimeInputs,
  status: z.enum(ENGAGEMENT_STATUSES, { error: `Status must be one of: ${ENGAGEMENT_STATUSES.join(', ')}` }),
  notes: text('Notes', 20_000),
};
const noStage2BeforeStage1 = (e: { stage1Date?: string | null; stage2Date?: string | null }) =>
  !e.stage1Date || !e.stage2Date || e.stage2Date >= e.stage1Date;
const STAGE_ORDER = { message: 'Stage 2 date must not be before the stage 1 date', path: ['stage2Date'] };

export const ZEngagementFields = z
  .strictObject({
    ...FIELDS,
    accreditationBody: FIELDS.accreditationBody.default(''),
    accredited: FIELDS.accredited.default(false),
    accreditationRef: FIELDS.accreditationRef.default(''),
    auditTeam: FIELDS.auditTeam.default([]),
    stage1Date: FIELDS.stage1Date.default(null),
    stage2Date: FIELDS.stage2Date.default(null),
    submittedScope: FIELDS.submittedScope.default(''),
    auditTimeInputs: FIELDS.auditTimeInputs.default({
      headcount: 0,
      aiRoles: [],
      aiSystems: 0,
      highRiskAiSystems: 0,
      sites: 1,
    }),
    status: FIELDS.status.default('planning'),
    notes: FIELDS.notes.default(''),
  })
  .refine(noStage2BeforeStage1, STAGE_ORDER);
export type EngagementFields = z.output<typeof ZEngagementFields>;
export const ZUpdateEngagement = z
  .strictObject(FIELDS)
  .partial()
  .extend({ version: versionField() })
  .refine(noStage2BeforeStage1, STAGE_ORDER);

// ---- audit time --------------------------------------------------------------------------------

/** Sensiba's example for 1–10 people (CERTIFICATION.md §4 [S]): producer 5.0, provider/user 3.5, several roles 6.5. */
export const BASE_DAYS = { producer: 5, single: 3.5, multiple: 6.5 } as const;
/**
 * Headcount bands scaling the 1–10 figure, shaped like the ISMS table of ISO/IEC 27006-1 Annex C
 * (the analogue CERTIFICATION.md §4 names). Own assumption: [upper bound of band, factor].
 */
export const HEADCOUNT_FACTORS: [number, number][] = [
  [10, 1],
  [25, 1.4],
  [45, 1.7],
  [85, 2.2],
  [175, 2.6],
  [425, 3],
  [1175, 3.7],
  [2675, 4.4],
  [Infinity, 5],
];

export type AuditTimeEstimate = {
  /** Always true: no public 42006 table exists; these are planning figures, the CB quotes the real ones. */
  estimate: true;
  initialDays: number;
  stage1Days: number;
  stage2Days: number;
  surveillanceDays: number;
  recertificationDays: number;
  sampledSites: number;
  basis: string[];
};

const half = (n: number) => Math.max(0.5, Math.round(n * 2) / 2);

/** Auditor-days for an initial certification and the cycle after it (8-hour days), from the §4 inputs. */
export function estimateAuditTime(inputs: AuditTimeInputs): AuditTimeEstimate {
  const roles = new Set(
    inputs.aiRoles.filter((x) => x === 'producer' || x === 'provider' || x === 'customer' || x === 'partner'),
  );
  const base = roles.size > 1 ? BASE_DAYS.multiple : roles.has('producer') ? BASE_DAYS.producer : BASE_DAYS.single;
  const people = Math.max(1, inputs.headcount);
  const factor = HEADCOUNT_FACTORS.find(([max]) => people <= max)![1];
  const systemsUplift = Math.min(0.3, Math.max(0, inputs.aiSystems - 3) * 0.05);
  const highRiskUplift = Math.min(0.2, inputs.highRiskAiSystems * 0.1);
  const sites = Math.max(1, inputs.sites);
  const sampledSites = Math.ceil(Math.sqrt(sites));
  const siteUplift = (sampledSites - 1) * 0.15;
  const initial = half(base * factor * (1 + systemsUplift + highRiskUplift + siteUplift));
  const stage1 = half(initial * 0.25);
  const basis = [
    `Base ${base} auditor-days for 1–10 people as ${roles.size > 1 ? 'several AI roles' : roles.has('producer') ? 'AI producer' : 'AI provider or user'} (Sensiba's published example; the ISO/IEC 42006 table is not public)`,
    `× ${factor} for ${people} AI-related people (headcount bands shaped like ISO/IEC 27006-1 Annex C; our assumption)`,
  ];
  if (systemsUplift)
    basis.push(
      `+${Math.round(systemsUplift * 100)} % for ${inputs.aiSystems} AI systems in scope (5 % each beyond 3, at most 30 %; our assumption)`,
    );
  if (highRiskUplift)
    basis.push(
      `+${Math.round(highRiskUplift * 100)} % for ${inputs.highRiskAiSystems} high-risk AI systems (our assumption)`,
    );
  if (siteUplift)
    basis.push(
      `+${Math.round(siteUplift * 100)} % for ${sampledSites} sampled of ${sites} sites (√n sampling per IAF MD 1; 15 % per extra site is our assumption)`,
    );
  basis.push(
    'Stage 1 ≈ 25 % of the initial time; surveillance ≈ 1/3 and recertification ≈ 2/3 of it (IAF MD 5 analogue)',
  );
  return {
    estimate: true,
    initialDays: initial,
    stage1Days: stage1,
    stage2Days: half(initial - stage1),
    surveillanceDays: half(initial / 3),
    recertificationDays: half((initial * 2) / 3),
    sampledSites,
    basis,
  };
}

// ---- dates ---------------------------------------------------------------------------------------

/** The usual stage-1 → stage-2 gap in CB practice is 4–8 weeks (CERTIFICATION.md §3); sooner leaves no time to fix concerns. */
export const MIN_STAGE_GAP_DAYS = 28;
/** Past this gap some CBs repeat stage 1 (CERTIFICATION.md §3, [S/U]). */
export const MAX_STAGE_GAP_MONTHS = 6;
/** Warning threshold for records before stage 2 (CERTIFICATION.md §3: ≥ 3 months, not a gate). */
export const OPERATING_MONTHS_BEFORE_STAGE2 = 3;

export type EngagementWarning = { code: string; message: string };

/**
 * Warnings on planned dates. `operatingSince` is the first day the AIMS has records of operating
 * (the first measurement or control occurrence), or null when there are none.
 */
export function engagementWarnings(
  e: { stage1Date: string | null; stage2Date: string | null },
  operatingSince: string | null,
): EngagementWarning[] {
  const out: EngagementWarning[] = [];
  if (e.stage1Date && e.stage2Date) {
    if (e.stage2Date < addDays(e.stage1Date, MIN_STAGE_GAP_DAYS))
      out.push({
        code: 'stage2_too_soon',
        message: `Stage 2 is less than ${MIN_STAGE_GAP_DAYS / 7} weeks after stage 1: little time to close the stage-1 concerns (CBs usually leave 4–8 weeks)`,
      });
    if (e.stage2Date > addMonths(e.stage1Date, MAX_STAGE_GAP_MONTHS))
      out.push({
        code: 'stage2_too_late',
        message: `Stage 2 is more than ${MAX_STAGE_GAP_MONTHS} months after stage 1: the CB may repeat stage 1`,
      });
  }
  if (e.stage2Date) {
    if (!operatingSince)
      out.push({
        code: 'no_operating_period',
        message: 'No monitoring or control records yet: stage 2 samples records of the AIMS operating over a period',
      });
    else if (e.stage2Date < addMonths(operatingSince.slice(0, 10), OPERATING_MONTHS_BEFORE_STAGE2))
      out.push({
        code: 'operating_period_short',
        message: `Stage 2 is less than ${OPERATING_MONTHS_BEFORE_STAGE2} months after the first operating records (${operatingSince.slice(0, 10)}): auditors sample records across the operating period`,
      });
  }
  return out;
}

// ---- portfolio ---------------------------------------------------------------------------------

export type PortfolioEntry = {
  orgId: string;
  name: string;
  verdict: 'ready' | 'ready_with_concerns' | 'not_ready';
  blocking: number;
  nextAuditDate: string | null;
  overdueTasks: number;
};

/**
 * What needs the consultant first: an audit within 30 days that is not ready, then overdue tasks,
 * then blocking findings, then the nearest audit date, then the name.
 */
export function sortPortfolio<T extends PortfolioEntry>(entries: T[], today: string): T[] {
  const soon = (e: PortfolioEntry) =>
    e.nextAuditDate !== null &&
    e.nextAuditDate >= today &&
    e.nextAuditDate <= addDays(today, 30) &&
    e.verdict === 'not_ready';
  return [...entries].sort(
    (a, b) =>
      Number(soon(b)) - Number(soon(a)) ||
      b.overdueTasks - a.overdueTasks ||
      b.blocking - a.blocking ||
      (a.nextAuditDate ?? '9999').localeCompare(b.nextAuditDate ?? '9999') ||
      a.name.localeCompare(b.name),
  );
}
