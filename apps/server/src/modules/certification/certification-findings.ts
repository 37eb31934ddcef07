import type { z } from 'zod';
import {
  CERT_FINDING_GRADE_LABELS,
  defaultCbDeadline,
  todayIn,
  type CertFindingFields,
  type ZUpdateCertFinding,
} from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { nextNumber } from '../../platform/db/record-numbers';
import type { CertificationFindingTable } from '../../platform/db/schema';
import { writeOne } from '../../platform/db/versioned';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { logImprovementInTx, raiseNonconformityInTx } from '../nonconformities/service';
import { findAudit, type CertFindingOut } from './certification-audits';
import { loadEngagements } from './engagements';
import { now as clockNow } from '../../platform/clock';

// The findings of a CB audit: a major or minor raises a nonconformity in the one register (source
// certification_audit, the CB's deadline as its response date, the CB's auditor as its raiser); an
// OFI is logged in the improvement log (10.1). The finding keeps the CB's side: its deadline and
// when the CB accepted the corrective action plan.

const FINDING = 'certification_finding';

const auditedFinding = ({ state: _s, overdue: _o, nonconformity, improvement, ...rest }: CertFindingOut) => ({
  ...rest,
  nonconformityId: nonconformity?.id ?? null,
  improvementId: improvement?.id ?? null,
});

const findFinding = async (db: Db | Tx, orgId: string, id: string) => {
  const row = await db
    .selectFrom('certificationFindings')
    .select('auditId')
    .where('orgId', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return (await findAudit(db, orgId, row.auditId))?.findings.find((f) => f.id === id);
};

/**
 * Records a finding of a CB audit: a major or minor raises a nonconformity (source
 * certification_audit) whose response date is the CB's deadline; an OFI is logged as an improvement.
 */
export function addCertFinding(deps: Deps, actor: Actor, orgId: string, auditId: string, input: CertFindingFields) {
  return inTransaction(deps, async (tx, audit) => {
    const a = await findAudit(tx, orgId, auditId);
    if (!a) throw notFound('Certification audit');
    if (a.status === 'cancelled') throw ruleViolation('A cancelled audit has no findings');
    const [engagement] = await loadEngagements(tx, orgId, a.engagementId);
    const number = await nextNumber(tx, orgId, 'certification_finding');
    const ref = `CF-${number}`;
    const sourceRef = `${ref} ${a.title}`;
    const lastDay = a.endDate ?? a.startDate ?? todayIn(null, clockNow());
    const cbDeadline = input.cbDeadline ?? defaultCbDeadline(input.grade, lastDay);
    const auditor = a.team[0]?.name ?? engagement?.auditTeam[0]?.name;
    const raiser = `${auditor ? `${auditor}, ` : ''}${engagement?.cbName ?? 'certification body'}`.slice(0, 200);
    let nonconformityId: string | null = null;
    let improvementId: string | null = null;
    if (input.grade === 'ofi') {
      improvementId = (
        await logImprovementInTx(tx, audit, actor, orgId, {
          title: input.title,
          description: [input.statement, input.evidence && `Evidence: ${input.evidence}`].filter(Boolean).join('\n'),
          source: 'audit_finding',
          ownerId: input.ownerId,
          status: 'proposed',
          sourceId: auditId,
          sourceRef,
        })
      ).id;
    } else {
      nonconformityId = (
        await raiseNonconformityInTx(
          tx,
          audit,
          actor,
          orgId,
          {
            source: 'certification_audit',
            sourceId: auditId,
            sourceRef,
            grade: input.grade,
            ref: input.clauseRef,
            title: input.title,
            statement: [
              input.statement,
              input.evidence && `Evidence: ${input.evidence}`,
              `${CERT_FINDING_GRADE_LABELS[input.grade]} of the ${a.title} audit; the CB's deadline: ${cbDeadline} (${input.grade === 'major' ? 'verified closed' : 'corrective action plan accepted'})`,
            ]
              .filter(Boolean)
              .join('\n\n'),
            ownerId: input.ownerId,
            responseDue: cbDeadline,
            reviewAfterDays: 30,
          },
          raiser,
        )
      ).id;
    }
    const now = nowIso();
    const id = newId();
    const row: CertificationFindingTable = {
      id,
      orgId,
      auditId,
      number,
      grade: input.grade,
      clauseRef: input.clauseRef,
      title: input.title,
      statement: input.statement,
      evidence: input.evidence,
      cbDeadline,
      cbAcceptedOn: null,
      nonconformityId,
      improvementId,
      version: 1,
      createdAt: now,
      createdBy: actor.userId,
      updatedAt: now,
      updatedBy: actor.userId,
    };
    await tx.insertInto('certificationFindings').values(row).execute();
    const created = (await findFinding(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'certification_finding.recorded',
      entityType: FINDING,
      entityId: id,
      after: auditedFinding(created),
    });
    return created;
  });
}

export function updateCertFinding(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  patch: z.output<typeof ZUpdateCertFinding>,
) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await findFinding(tx, orgId, id);
    if (!before) throw notFound('Certification finding');
    if (before.version !== patch.version) throw staleVersion(FINDING, before);
    if (patch.cbAcceptedOn && before.grade === 'ofi')
      throw ruleViolation('An opportunity for improvement has no plan for the CB to accept', {
        field: 'cbAcceptedOn',
      });
    const { version, ...changes } = patch;
    await writeOne(
      tx
        .updateTable('certificationFindings')
        .set({
          ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
          version: version + 1,
          updatedAt: nowIso(),
          updatedBy: actor.userId,
        })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', version),
      () => staleVersion(FINDING, before),
    );
    const after = (await findFinding(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action:
        patch.cbAcceptedOn && !before.cbAcceptedOn
          ? 'certification_finding.plan_accepted'
          : 'certification_finding.updated',
      entityType: FINDING,
      entityId: id,
      before: auditedFinding(before),
      after: auditedFinding(after),
    });
    return after;
  });
}
