import { CERT_AUDIT_KIND_LABELS, type CertAuditKind, type DueItem } from '@fortytwo/domain';
import type { Db } from '../../platform/db/connect';
import { ncRef } from '../nonconformities/service';

// What the certification cycle asks of people, for the one task list and its reminders: each
// planned CB audit on its first day, for whoever planned it (surveillance and recertification were scheduled by the
// certificate), and each open major or minor on the CB's deadline, for the owner of its
// nonconformity (a major verified closed, a minor's plan accepted by the CB).

export async function dueItems(db: Db, orgId: string, assigneeUserId?: string): Promise<DueItem[]> {
  const out: DueItem[] = [];
  // A planned audit is prepared by whoever put it on the plan (recorded it, or the certificate).
  let audits = db
    .selectFrom('certificationAudits as a')
    .innerJoin('certificationEngagements as e', 'e.id', 'a.engagementId')
    .select(['a.id', 'a.kind', 'a.startDate', 'a.dueBy', 'a.engagementId', 'a.createdBy', 'e.cbName'])
    .where('a.orgId', '=', orgId)
    .where('a.status', '=', 'planned');
  if (assigneeUserId !== undefined) audits = audits.where('a.createdBy', '=', assigneeUserId);
  for (const a of await audits.execute())
    out.push({
      kind: 'certification_audit',
      id: a.id,
      title: `${CERT_AUDIT_KIND_LABELS[a.kind as CertAuditKind]} audit by ${a.cbName}${a.dueBy ? ` (due by ${a.dueBy})` : ''}`,
      dueOn: a.startDate ?? a.dueBy,
      assigneeUserId: a.createdBy,
      href: `/orgs/${orgId}/certification/engagements/${a.engagementId}`,
    });
  let q = db
    .selectFrom('certificationFindings as f')
    .innerJoin('nonconformities as n', 'n.id', 'f.nonconformityId')
    .select([
      'f.id',
      'f.number',
      'f.grade',
      'f.title',
      'f.cbDeadline',
      'f.cbAcceptedOn',
      'n.id as ncId',
      'n.number as ncNumber',
      'n.ownerId',
    ])
    .where('f.orgId', '=', orgId)
    .where('n.status', '!=', 'closed')
    .where('f.cbDeadline', 'is not', null);
  if (assigneeUserId !== undefined) q = q.where('n.ownerId', '=', assigneeUserId);
  for (const f of await q.execute()) {
    const major = f.grade === 'major';
    // A minor whose plan the CB accepted is off the CB's list: the NC's own steps remain its task.
    if (!major && f.cbAcceptedOn) continue;
    out.push({
      kind: 'certification_finding',
      id: f.id,
      title: `CB deadline for CF-${f.number} (${ncRef(f.ncNumber)}): ${major ? 'major verified closed' : "minor's corrective action plan accepted"}: ${f.title}`,
      dueOn: f.cbDeadline,
      assigneeUserId: f.ownerId,
      href: `/orgs/${orgId}/nonconformities/${f.ncId}`,
    });
  }
  return out;
}
