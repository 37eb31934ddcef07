import { z } from 'zod';
import {
  AI_ROLES,
  ENGAGEMENT_STATUSES,
  engagementWarnings,
  estimateAuditTime,
  type AuditTimeInputs,
  type EngagementFields,
  type EngagementStatus,
  type ZUpdateEngagement,
} from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { nextNumber } from '../../platform/db/record-numbers';
import type { CertificationEngagementTable } from '../../platform/db/schema';
import { writeOne } from '../../platform/db/versioned';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { operatingSince } from './snapshot';

// The certification body engagement (step 6): one record per CB contract, numbered CB-1, CB-2 …,
// versioned, every change in the audit trail. The audit-time estimate and the date warnings are
// derived on read from the stored inputs, never stored.

const ENTITY = 'certification_engagement';

export const ZAuditTimeEstimateOut = z.object({
  estimate: z.literal(true).describe('always true: planning figures, the CB quotes the real audit time'),
  initialDays: z.number().describe('auditor-days (8 h) for stage 1 + stage 2'),
  stage1Days: z.number(),
  stage2Days: z.number(),
  surveillanceDays: z.number().describe('each surveillance audit (years 1 and 2)'),
  recertificationDays: z.number(),
  sampledSites: z.number(),
  basis: z.array(z.string()).describe('how the figures were reached, with the assumptions named'),
});
export const ZEngagementOut = z.object({
  id: z.string(),
  ref: z.string().describe('CB-1, CB-2, …'),
  cbName: z.string(),
  accreditationBody: z.string(),
  accredited: z.boolean(),
  accreditationRef: z.string(),
  auditTeam: z.array(z.object({ name: z.string(), role: z.string() })),
  stage1Date: z.string().nullable(),
  stage2Date: z.string().nullable(),
  submittedScope: z.string(),
  auditTimeInputs: z.object({
    headcount: z.number(),
    aiRoles: z.array(z.enum(AI_ROLES)),
    aiSystems: z.number(),
    highRiskAiSystems: z.number(),
    sites: z.number(),
  }),
  auditTimeEstimate: ZAuditTimeEstimateOut,
  status: z.enum(ENGAGEMENT_STATUSES),
  notes: z.string(),
  warnings: z
    .array(z.object({ code: z.string(), message: z.string() }))
    .describe('stage 2 too soon after stage 1, too late, or before an operating period (CERTIFICATION.md §3)'),
  operatingSince: z.string().nullable().describe('the first measurement or control occurrence on record'),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EngagementOut = z.infer<typeof ZEngagementOut>;

function present(r: CertificationEngagementTable, since: string | null): EngagementOut {
  const inputs = JSON.parse(r.auditTimeInputs) as AuditTimeInputs;
  return {
    id: r.id,
    ref: `CB-${r.number}`,
    cbName: r.cbName,
    accreditationBody: r.accreditationBody,
    accredited: r.accredited === 1,
    accreditationRef: r.accreditationRef,
    auditTeam: JSON.parse(r.auditTeam) as EngagementOut['auditTeam'],
    stage1Date: r.stage1Date,
    stage2Date: r.stage2Date,
    submittedScope: r.submittedScope,
    auditTimeInputs: inputs,
    auditTimeEstimate: estimateAuditTime(inputs),
    status: r.status as EngagementStatus,
    notes: r.notes,
    warnings: engagementWarnings(r, since),
    operatingSince: since,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** The record as the audit trail keeps it: stored fields, no derived ones. */
const audited = (e: EngagementOut) => {
  const { auditTimeEstimate: _e, warnings: _w, operatingSince: _o, ...rest } = e;
  return rest;
};

export async function loadEngagements(db: Db | Tx, orgId: string, id?: string): Promise<EngagementOut[]> {
  let q = db.selectFrom('certificationEngagements').selectAll().where('orgId', '=', orgId);
  if (id) q = q.where('id', '=', id);
  const [rows, since] = await Promise.all([q.orderBy('number').execute(), operatingSince(db as Db, orgId)]);
  return rows.map((r) => present(r, since));
}

const find = async (db: Db | Tx, orgId: string, id: string) => (await loadEngagements(db, orgId, id))[0];

export async function getEngagement(deps: Deps, orgId: string, id: string) {
  const found = await find(deps.db, orgId, id);
  if (!found) throw notFound('Certification body engagement');
  return found;
}

const stored = (f: Partial<EngagementFields>) => {
  const { accredited, auditTeam, auditTimeInputs, ...rest } = f;
  return {
    ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
    ...(accredited !== undefined ? { accredited: accredited ? 1 : 0 } : {}),
    ...(auditTeam !== undefined ? { auditTeam: JSON.stringify(auditTeam) } : {}),
    ...(auditTimeInputs !== undefined ? { auditTimeInputs: JSON.stringify(auditTimeInputs) } : {}),
  };
};

export function createEngagement(deps: Deps, actor: Actor, orgId: string, input: EngagementFields) {
  return inTransaction(deps, async (tx, audit) => {
    const number = await nextNumber(tx, orgId, 'certification_engagement');
    const now = nowIso();
    const id = newId();
    await tx
      .insertInto('certificationEngagements')
      .values({
        id,
        orgId,
        number,
        cbName: input.cbName,
        accreditationBody: input.accreditationBody,
        accredited: input.accredited ? 1 : 0,
        accreditationRef: input.accreditationRef,
        auditTeam: JSON.stringify(input.auditTeam),
        stage1Date: input.stage1Date,
        stage2Date: input.stage2Date,
        submittedScope: input.submittedScope,
        auditTimeInputs: JSON.stringify(input.auditTimeInputs),
        status: input.status,
        notes: input.notes,
        version: 1,
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
        updatedBy: actor.userId,
      })
      .execute();
    const created = (await find(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'certification_engagement.created',
      entityType: ENTITY,
      entityId: id,
      after: audited(created),
    });
    return created;
  });
}

export function updateEngagement(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  patch: z.output<typeof ZUpdateEngagement>,
) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await find(tx, orgId, id);
    if (!before) throw notFound('Certification body engagement');
    if (before.version !== patch.version) throw staleVersion(ENTITY, before);
    const { version, ...changes } = patch;
    const stage1 = changes.stage1Date !== undefined ? changes.stage1Date : before.stage1Date;
    const stage2 = changes.stage2Date !== undefined ? changes.stage2Date : before.stage2Date;
    if (stage1 && stage2 && stage2 < stage1)
      throw ruleViolation('Stage 2 date must not be before the stage 1 date', { field: 'stage2Date' });
    await writeOne(
      tx
        .updateTable('certificationEngagements')
        .set({ ...stored(changes), version: version + 1, updatedAt: nowIso(), updatedBy: actor.userId })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', version),
      () => staleVersion(ENTITY, before),
    );
    const after = (await find(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'certification_engagement.updated',
      entityType: ENTITY,
      entityId: id,
      before: audited(before),
      after: audited(after),
    });
    return after;
  });
}

export function removeEngagement(deps: Deps, actor: Actor, orgId: string, id: string) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await find(tx, orgId, id);
    if (!before) throw notFound('Certification body engagement');
    await writeOne(tx.deleteFrom('certificationEngagements').where('orgId', '=', orgId).where('id', '=', id), () =>
      notFound('Certification body engagement'),
    );
    await audit({
      orgId,
      actor,
      action: 'certification_engagement.deleted',
      entityType: ENTITY,
      entityId: id,
      before: audited(before),
    });
  });
}

/** The next planned audit date on or after `today`: the engagements' stage dates and the CB's planned audits. */
export async function nextAuditDate(db: Db, orgId: string, today: string): Promise<string | null> {
  const [rows, planned] = await Promise.all([
    db
      .selectFrom('certificationEngagements')
      .select(['stage1Date', 'stage2Date'])
      .where('orgId', '=', orgId)
      .where('status', '!=', 'closed')
      .execute(),
    db
      .selectFrom('certificationAudits')
      .select('startDate')
      .where('orgId', '=', orgId)
      .where('status', '=', 'planned')
      .execute(),
  ]);
  return (
    [...rows.flatMap((r) => [r.stage1Date, r.stage2Date]), ...planned.map((a) => a.startDate)]
      .filter((d): d is string => !!d && d >= today)
      .sort()[0] ?? null
  );
}
