import { z } from 'zod';
import {
  CERT_AUDIT_KIND_LABELS,
  CERT_AUDIT_KINDS,
  CERT_AUDIT_STATUSES,
  CERT_FINDING_GRADES,
  findingState,
  todayIn,
  type CertAuditFields,
  type CertAuditKind,
  type CertAuditStatus,
  type CertFindingGrade,
  type ZUpdateCertAudit,
} from '@fortytwo/domain';
import type { Actor, AuditInput } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import type { CertificationAuditTable } from '../../platform/db/schema';
import { writeOne } from '../../platform/db/versioned';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { ncRef } from '../nonconformities/service';
import { loadEngagements } from './engagements';
import { now as clockNow } from '../../platform/clock';

// The certification body's audits of an engagement (step 6, item 4), read with their findings and
// the nonconformity or improvement each raised (certification-findings.ts records them). A stage
// audit recorded as done moves its engagement forward; an audit with findings stays on record.

const AUDIT = 'certification_audit';

const ZTeam = z.array(z.object({ name: z.string(), role: z.string() }));
export const ZCertFindingOut = z.object({
  id: z.string(),
  ref: z.string().describe('CF-1, CF-2, … numbered across the organization'),
  auditId: z.string(),
  auditKind: z.enum(CERT_AUDIT_KINDS),
  grade: z.enum(CERT_FINDING_GRADES),
  clauseRef: z.string(),
  title: z.string(),
  statement: z.string(),
  evidence: z.string().describe('what the auditor saw, as written in the report'),
  cbDeadline: z
    .string()
    .nullable()
    .describe('major: verified closed by then; minor: corrective action plan accepted by then'),
  cbAcceptedOn: z.string().nullable().describe('when the CB accepted the corrective action plan'),
  state: z.enum(['open', 'plan_accepted', 'closed', 'noted']),
  overdue: z.boolean().describe('still open past the CB deadline'),
  nonconformity: z
    .object({ id: z.string(), ref: z.string(), status: z.string(), rootCause: z.string(), actions: z.number() })
    .nullable(),
  improvement: z.object({ id: z.string(), ref: z.string(), status: z.string() }).nullable(),
  version: z.number(),
  createdAt: z.string(),
});
export type CertFindingOut = z.infer<typeof ZCertFindingOut>;

export const ZCertAuditOut = z.object({
  id: z.string(),
  engagementId: z.string(),
  certificateId: z.string().nullable().describe('the certificate whose cycle scheduled this audit'),
  kind: z.enum(CERT_AUDIT_KINDS),
  title: z.string().describe('e.g. "Stage 2"'),
  status: z.enum(CERT_AUDIT_STATUSES),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  dueBy: z.string().nullable().describe('latest date the cycle allows (surveillance within 12 months …)'),
  team: ZTeam,
  conclusion: z.string(),
  findings: z.array(ZCertFindingOut),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CertAuditOut = z.infer<typeof ZCertAuditOut>;

const KIND_ORDER = Object.fromEntries(CERT_AUDIT_KINDS.map((k, i) => [k, i])) as Record<CertAuditKind, number>;

/** Every audit of an engagement (or one audit), with its findings and their nonconformities. */
export async function loadCertAudits(
  db: Db | Tx,
  orgId: string,
  by: { engagementId?: string; auditId?: string },
): Promise<CertAuditOut[]> {
  let q = db.selectFrom('certificationAudits').selectAll().where('orgId', '=', orgId);
  if (by.engagementId) q = q.where('engagementId', '=', by.engagementId);
  if (by.auditId) q = q.where('id', '=', by.auditId);
  const audits = await q.execute();
  if (!audits.length) return [];
  const findings = await db
    .selectFrom('certificationFindings as f')
    .leftJoin('nonconformities as n', 'n.id', 'f.nonconformityId')
    .leftJoin('improvements as i', 'i.id', 'f.improvementId')
    .selectAll('f')
    .select([
      'n.number as ncNumber',
      'n.status as ncStatus',
      'n.rootCause as ncRootCause',
      'i.number as impNumber',
      'i.status as impStatus',
    ])
    .where('f.orgId', '=', orgId)
    .where(
      'f.auditId',
      'in',
      audits.map((a) => a.id),
    )
    .orderBy('f.number')
    .execute();
  const actionCounts = new Map<string, number>();
  const ncIds = findings.map((f) => f.nonconformityId).filter((x): x is string => !!x);
  if (ncIds.length)
    for (const a of await db
      .selectFrom('actions')
      .select('sourceId')
      .where('orgId', '=', orgId)
      .where('sourceType', '=', 'nonconformity')
      .where('sourceId', 'in', ncIds)
      .execute())
      actionCounts.set(a.sourceId!, (actionCounts.get(a.sourceId!) ?? 0) + 1);
  const today = todayIn(null, clockNow());
  const kindOf = new Map(audits.map((a) => [a.id, a.kind as CertAuditKind]));
  const present = (f: (typeof findings)[number]): CertFindingOut => {
    const grade = f.grade as CertFindingGrade;
    const auditKind = kindOf.get(f.auditId)!;
    const state = findingState({
      ref: `CF-${f.number}`,
      grade,
      auditKind,
      ncRef: f.ncNumber !== null ? ncRef(f.ncNumber) : null,
      ncStatus: f.ncStatus,
      cbAcceptedOn: f.cbAcceptedOn,
    });
    return {
      id: f.id,
      ref: `CF-${f.number}`,
      auditId: f.auditId,
      auditKind,
      grade,
      clauseRef: f.clauseRef,
      title: f.title,
      statement: f.statement,
      evidence: f.evidence,
      cbDeadline: f.cbDeadline,
      cbAcceptedOn: f.cbAcceptedOn,
      state,
      overdue: state === 'open' && !!f.cbDeadline && f.cbDeadline < today,
      nonconformity:
        f.nonconformityId && f.ncNumber !== null
          ? {
              id: f.nonconformityId,
              ref: ncRef(f.ncNumber),
              status: f.ncStatus!,
              rootCause: f.ncRootCause ?? '',
              actions: actionCounts.get(f.nonconformityId) ?? 0,
            }
          : null,
      improvement:
        f.improvementId && f.impNumber !== null
          ? { id: f.improvementId, ref: `IMP-${f.impNumber}`, status: f.impStatus! }
          : null,
      version: f.version,
      createdAt: f.createdAt,
    };
  };
  return audits
    .map((a: CertificationAuditTable) => ({
      id: a.id,
      engagementId: a.engagementId,
      certificateId: a.certificateId,
      kind: a.kind as CertAuditKind,
      title: CERT_AUDIT_KIND_LABELS[a.kind as CertAuditKind],
      status: a.status as CertAuditStatus,
      startDate: a.startDate,
      endDate: a.endDate,
      dueBy: a.dueBy,
      team: JSON.parse(a.team) as CertAuditOut['team'],
      conclusion: a.conclusion,
      findings: findings.filter((f) => f.auditId === a.id).map(present),
      version: a.version,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    }))
    .sort(
      (a, b) =>
        (a.startDate ?? a.dueBy ?? '9999').localeCompare(b.startDate ?? b.dueBy ?? '9999') ||
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind],
    );
}

export const findAudit = async (db: Db | Tx, orgId: string, id: string) =>
  (await loadCertAudits(db, orgId, { auditId: id }))[0];

export async function getCertAudit(deps: Deps, orgId: string, id: string) {
  const found = await findAudit(deps.db, orgId, id);
  if (!found) throw notFound('Certification audit');
  return found;
}

/** The record as the audit trail keeps it: stored fields only. */
const audited = ({ findings: _f, title: _t, ...rest }: CertAuditOut) => rest;
/** Inserts an audit inside the caller's transaction (the certificate schedules its cycle this way). */
export async function insertCertAuditInTx(
  tx: Tx,
  audit: (e: AuditInput) => Promise<void>,
  actor: Actor,
  orgId: string,
  engagementId: string,
  input: CertAuditFields & { certificateId?: string | null },
): Promise<CertAuditOut> {
  const now = nowIso();
  const id = newId();
  await tx
    .insertInto('certificationAudits')
    .values({
      id,
      orgId,
      engagementId,
      certificateId: input.certificateId ?? null,
      kind: input.kind,
      status: input.status,
      startDate: input.startDate,
      endDate: input.endDate,
      dueBy: input.dueBy,
      team: JSON.stringify(input.team),
      conclusion: input.conclusion,
      version: 1,
      createdAt: now,
      createdBy: actor.userId,
      updatedAt: now,
      updatedBy: actor.userId,
    })
    .execute();
  const created = (await findAudit(tx, orgId, id))!;
  await audit({
    orgId,
    actor,
    action: 'certification_audit.created',
    entityType: AUDIT,
    entityId: id,
    after: audited(created),
  });
  return created;
}

export function createCertAudit(deps: Deps, actor: Actor, orgId: string, engagementId: string, input: CertAuditFields) {
  return inTransaction(deps, async (tx, audit) => {
    const [engagement] = await loadEngagements(tx, orgId, engagementId);
    if (!engagement) throw notFound('Certification body engagement');
    // An audit recorded without its team takes the engagement's.
    const team = input.team.length ? input.team : engagement.auditTeam;
    const created = await insertCertAuditInTx(tx, audit, actor, orgId, engagementId, { ...input, team });
    if (created.status === 'done') await advanceEngagement(tx, audit, actor, orgId, engagementId, created.kind);
    return created;
  });
}

const STATUS_AFTER: Partial<Record<CertAuditKind, string>> = { stage1: 'stage1_done', stage2: 'stage2_done' };
const ENGAGEMENT_ORDER = ['planning', 'contracted', 'stage1_done', 'stage2_done', 'certified', 'closed'];

/** A stage audit recorded as done moves its engagement forward (never back). */
async function advanceEngagement(
  tx: Tx,
  audit: (e: AuditInput) => Promise<void>,
  actor: Actor,
  orgId: string,
  engagementId: string,
  kind: CertAuditKind,
) {
  const next = STATUS_AFTER[kind];
  const [before] = await loadEngagements(tx, orgId, engagementId);
  if (!next || !before || ENGAGEMENT_ORDER.indexOf(before.status) >= ENGAGEMENT_ORDER.indexOf(next)) return;
  await writeOne(
    tx
      .updateTable('certificationEngagements')
      .set({ status: next, version: before.version + 1, updatedAt: nowIso(), updatedBy: actor.userId })
      .where('orgId', '=', orgId)
      .where('id', '=', engagementId)
      .where('version', '=', before.version),
    () => staleVersion('certification_engagement', before),
  );
  await audit({
    orgId,
    actor,
    action: 'certification_engagement.updated',
    entityType: 'certification_engagement',
    entityId: engagementId,
    before: { status: before.status },
    after: { status: next },
  });
}

export function updateCertAudit(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  patch: z.output<typeof ZUpdateCertAudit>,
) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await findAudit(tx, orgId, id);
    if (!before) throw notFound('Certification audit');
    if (before.version !== patch.version) throw staleVersion(AUDIT, before);
    const { version, team, ...changes } = patch;
    const start = changes.startDate !== undefined ? changes.startDate : before.startDate;
    const end = changes.endDate !== undefined ? changes.endDate : before.endDate;
    if (start && end && end < start)
      throw ruleViolation('Last audit day must not be before the first audit day', { field: 'endDate' });
    if (changes.status === 'cancelled' && before.findings.length)
      throw ruleViolation('An audit with findings cannot be cancelled: its findings stand', { field: 'status' });
    await writeOne(
      tx
        .updateTable('certificationAudits')
        .set({
          ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
          ...(team !== undefined ? { team: JSON.stringify(team) } : {}),
          version: version + 1,
          updatedAt: nowIso(),
          updatedBy: actor.userId,
        })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', version),
      () => staleVersion(AUDIT, before),
    );
    const after = (await findAudit(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'certification_audit.updated',
      entityType: AUDIT,
      entityId: id,
      before: audited(before),
      after: audited(after),
    });
    if (after.status === 'done' && before.status !== 'done')
      await advanceEngagement(tx, audit, actor, orgId, after.engagementId, after.kind);
    return after;
  });
}

export function removeCertAudit(deps: Deps, actor: Actor, orgId: string, id: string) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await findAudit(tx, orgId, id);
    if (!before) throw notFound('Certification audit');
    if (before.findings.length)
      throw ruleViolation(
        `This audit has ${before.findings.length} finding(s) and their nonconformities: it stays on record`,
      );
    await writeOne(tx.deleteFrom('certificationAudits').where('orgId', '=', orgId).where('id', '=', id), () =>
      notFound('Certification audit'),
    );
    await audit({
      orgId,
      actor,
      action: 'certification_audit.deleted',
      entityType: AUDIT,
      entityId: id,
      before: audited(before),
    });
  });
}
