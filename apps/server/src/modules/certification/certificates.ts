import { z } from 'zod';
import {
  certificateExpiry,
  certificationDecisionBlockers,
  cycleAudits,
  type CertificateFields,
  type ZUpdateCertificate,
} from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import type { CertificateTable } from '../../platform/db/schema';
import { writeOne } from '../../platform/db/versioned';
import { AppError, notFound, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { improvementLog } from '../nonconformities/service';
import { insertCertAuditInTx, loadCertAudits, ZCertAuditOut, type CertAuditOut } from './certification-audits';
import { loadEngagements, ZEngagementOut } from './engagements';

// The certificate and its three-year cycle (step 6, item 5). Recording the certificate is the
// CB's certification decision: refused while a stage-1/2 major is not closed or a minor has no
// accepted plan. It schedules surveillance 1 (within 12 months of the decision), surveillance 2
// and recertification (before expiry) as planned audits, each taking its own findings later.

const ENTITY = 'certificate';

export const ZCertificateOut = z.object({
  id: z.string(),
  engagementId: z.string(),
  certificateNumber: z.string(),
  decisionDate: z.string(),
  issueDate: z.string(),
  expiryDate: z.string(),
  scope: z.string(),
  cbName: z.string(),
  accredited: z.boolean(),
  status: z.enum(['active', 'suspended', 'withdrawn', 'expired']).describe('expired is derived from the expiry date'),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CertificateOut = z.infer<typeof ZCertificateOut>;

const PHASES = ['plan', 'do', 'check', 'act'] as const;
export const ZCycleOut = z.object({
  engagement: ZEngagementOut,
  audits: z.array(ZCertAuditOut),
  certificates: z.array(ZCertificateOut),
  decisionBlockers: z
    .array(z.string())
    .describe('why the certification decision cannot be recorded yet; empty when it can'),
  counts: z.object({ openMajors: z.number(), openMinors: z.number(), overdue: z.number() }),
  timeline: z
    .array(
      z.object({
        date: z.string(),
        kind: z.enum(['audit', 'decision', 'expiry', 'improvement', 'nonconformity']),
        phase: z.enum(PHASES).describe('where it sits in the plan-do-check-act loop'),
        title: z.string(),
        status: z.string(),
        href: z.string().nullable().describe('a path under /orgs/:orgId'),
      }),
    )
    .describe('the three-year cycle, oldest first, with the improvements (10.1) made along the way'),
});
export type CycleOut = z.infer<typeof ZCycleOut>;

const present = (r: CertificateTable, today: string): CertificateOut => ({
  id: r.id,
  engagementId: r.engagementId,
  certificateNumber: r.certificateNumber,
  decisionDate: r.decisionDate,
  issueDate: r.issueDate,
  expiryDate: r.expiryDate,
  scope: r.scope,
  cbName: r.cbName,
  accredited: r.accredited === 1,
  status: r.status === 'active' && r.expiryDate < today ? 'expired' : (r.status as CertificateOut['status']),
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

async function loadCertificates(db: Db | Tx, orgId: string, by: { engagementId?: string; id?: string }) {
  let q = db.selectFrom('certificates').selectAll().where('orgId', '=', orgId);
  if (by.engagementId) q = q.where('engagementId', '=', by.engagementId);
  if (by.id) q = q.where('id', '=', by.id);
  const today = nowIso().slice(0, 10);
  return (await q.orderBy('decisionDate').execute()).map((r) => present(r, today));
}

const factsOf = (audits: CertAuditOut[]) =>
  audits.flatMap((a) =>
    a.findings.map((f) => ({
      ref: f.ref,
      grade: f.grade,
      auditKind: f.auditKind,
      ncRef: f.nonconformity?.ref ?? null,
      ncStatus: f.nonconformity?.status ?? null,
      cbAcceptedOn: f.cbAcceptedOn,
    })),
  );

/** The engagement's whole cycle: audits with findings, certificates, what blocks the decision, the timeline. */
export async function loadCycle(db: Db | Tx, orgId: string, engagementId: string): Promise<CycleOut> {
  const [engagement] = await loadEngagements(db, orgId, engagementId);
  if (!engagement) throw notFound('Certification body engagement');
  const [audits, certificates, log] = await Promise.all([
    loadCertAudits(db, orgId, { engagementId }),
    loadCertificates(db, orgId, { engagementId }),
    improvementLog(db, orgId),
  ]);
  const findings = audits.flatMap((a) => a.findings);
  const open = (g: string) => findings.filter((f) => f.grade === g && f.state !== 'closed').length;
  const since = engagement.createdAt.slice(0, 10);
  const timeline: CycleOut['timeline'] = [
    ...audits
      .filter((a) => a.status !== 'cancelled')
      .map((a) => ({
        date: a.startDate ?? a.dueBy ?? a.createdAt.slice(0, 10),
        kind: 'audit' as const,
        phase: 'check' as const,
        title: `${a.title} audit${a.findings.length ? ` (${a.findings.length} findings)` : ''}${a.dueBy ? `, due by ${a.dueBy}` : ''}`,
        status: a.status,
        href: `/certification/engagements/${engagementId}`,
      })),
    ...certificates.flatMap((c) => [
      {
        date: c.decisionDate,
        kind: 'decision' as const,
        phase: 'act' as const,
        title: `Certified: ${c.certificateNumber} by ${c.cbName}`,
        status: c.status,
        href: `/certification/engagements/${engagementId}`,
      },
      {
        date: c.expiryDate,
        kind: 'expiry' as const,
        phase: 'plan' as const,
        title: `Certificate ${c.certificateNumber} expires`,
        status: c.status,
        href: null,
      },
    ]),
    // The PDCA loop's "act": every improvement and corrective action logged (10.1) during the cycle.
    ...log
      .filter((i) => i.createdAt.slice(0, 10) >= since)
      .map((i) => ({
        date: i.createdAt.slice(0, 10),
        kind: i.kind,
        phase: 'act' as const,
        title: `${i.ref} ${i.title}${i.sourceRef ? ` (${i.sourceRef})` : ''}`,
        status: i.status,
        href: i.kind === 'nonconformity' ? `/nonconformities/${i.id}` : '/improvements',
      })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return {
    engagement,
    audits,
    certificates,
    decisionBlockers: certificationDecisionBlockers(audits, factsOf(audits)),
    counts: { openMajors: open('major'), openMinors: open('minor'), overdue: findings.filter((f) => f.overdue).length },
    timeline,
  };
}

export function recordCertificate(
  deps: Deps,
  actor: Actor,
  orgId: string,
  engagementId: string,
  input: CertificateFields,
) {
  return inTransaction(deps, async (tx, audit) => {
    const cycle = await loadCycle(tx, orgId, engagementId);
    if (cycle.decisionBlockers.length)
      throw new AppError(
        'NOT_READY',
        `The certification decision cannot be recorded yet: ${cycle.decisionBlockers.join(' ')}`,
        { blockers: cycle.decisionBlockers },
      );
    const e = cycle.engagement;
    const expiryDate = input.expiryDate ?? certificateExpiry(input.decisionDate);
    const now = nowIso();
    const id = newId();
    await tx
      .insertInto('certificates')
      .values({
        id,
        orgId,
        engagementId,
        certificateNumber: input.certificateNumber,
        decisionDate: input.decisionDate,
        issueDate: input.issueDate,
        expiryDate,
        scope: input.scope || e.submittedScope,
        cbName: input.cbName || e.cbName,
        accredited: (input.accredited ?? e.accredited) ? 1 : 0,
        status: 'active',
        version: 1,
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
        updatedBy: actor.userId,
      })
      .execute();
    const [created] = await loadCertificates(tx, orgId, { id });
    await audit({ orgId, actor, action: 'certificate.recorded', entityType: ENTITY, entityId: id, after: created });
    for (const planned of cycleAudits(input.decisionDate, expiryDate))
      await insertCertAuditInTx(tx, audit, actor, orgId, engagementId, {
        kind: planned.kind,
        status: 'planned',
        startDate: planned.startDate,
        endDate: null,
        dueBy: planned.dueBy,
        team: e.auditTeam,
        conclusion: '',
        certificateId: id,
      });
    await writeOne(
      tx
        .updateTable('certificationEngagements')
        .set({ status: 'certified', version: e.version + 1, updatedAt: now, updatedBy: actor.userId })
        .where('orgId', '=', orgId)
        .where('id', '=', engagementId)
        .where('version', '=', e.version),
      () => staleVersion('certification_engagement', e),
    );
    await audit({
      orgId,
      actor,
      action: 'certification_engagement.updated',
      entityType: 'certification_engagement',
      entityId: engagementId,
      before: { status: e.status },
      after: { status: 'certified' },
    });
    return created!;
  });
}

export function updateCertificate(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  patch: z.output<typeof ZUpdateCertificate>,
) {
  return inTransaction(deps, async (tx, audit) => {
    const [before] = await loadCertificates(tx, orgId, { id });
    if (!before) throw notFound('Certificate');
    if (before.version !== patch.version) throw staleVersion(ENTITY, before);
    const { version, ...changes } = patch;
    await writeOne(
      tx
        .updateTable('certificates')
        .set({
          ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
          version: version + 1,
          updatedAt: nowIso(),
          updatedBy: actor.userId,
        })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', version),
      () => staleVersion(ENTITY, before),
    );
    const [after] = await loadCertificates(tx, orgId, { id });
    await audit({ orgId, actor, action: 'certificate.updated', entityType: ENTITY, entityId: id, before, after });
    return after!;
  });
}

/** Open majors and minors of every CB audit in an organization, for the portfolio. */
export async function openCertFindings(db: Db, orgId: string): Promise<{ majors: number; minors: number } | null> {
  const rows = await db
    .selectFrom('certificationFindings as f')
    .leftJoin('nonconformities as n', 'n.id', 'f.nonconformityId')
    .select(['f.grade', 'n.status'])
    .where('f.orgId', '=', orgId)
    .execute();
  if (!rows.length) return null;
  const open = (g: string) => rows.filter((r) => r.grade === g && r.status !== 'closed').length;
  return { majors: open('major'), minors: open('minor') };
}
