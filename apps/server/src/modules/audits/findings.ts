import { NONCONFORMITY_GRADES, RESPONSE_DAYS, addDays, type CreateFinding } from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import { nextNumber } from '../../platform/db/record-numbers';
import { notFound, ruleViolation } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { linkEvidence } from '../evidence/links';
import { logImprovementInTx, raiseNonconformityInTx } from '../nonconformities/service';
import { assertEvidence, openAudit } from './checklist';
import { find, today } from './read';

// Findings (major, minor, observation, OFI): a nonconformity raises a record in modules/nonconformities,
// an opportunity for improvement enters the improvement log.

export function addFinding(
  deps: Deps,
  actor: Actor,
  orgId: string,
  auditId: string,
  input: CreateFinding & { evidenceIds: string[] },
) {
  return inTransaction(deps, async (tx, audit) => {
    const a = await openAudit(tx, orgId, auditId);
    const item = input.checklistItemId ? a.checklist.find((i) => i.id === input.checklistItemId) : undefined;
    if (input.checklistItemId && !item) throw notFound('Checklist item');
    const ref = input.ref ?? item?.ref ?? null;
    if (NONCONFORMITY_GRADES.includes(input.grade) && !ref)
      throw ruleViolation('A nonconformity names the clause or control it is against (ref).', { field: 'ref' });
    await assertEvidence(tx, orgId, input.evidenceIds);
    const number = await nextNumber(tx, orgId, 'audit_finding');
    const id = newId();
    let nonconformityId: string | null = null;
    let improvementId: string | null = null;
    if (NONCONFORMITY_GRADES.includes(input.grade)) {
      const grade = input.grade as 'major' | 'minor';
      const nc = await raiseNonconformityInTx(tx, audit, actor, orgId, {
        source: 'internal_audit',
        sourceId: auditId,
        sourceRef: `${a.ref} F-${number}`,
        grade,
        ref,
        title: input.statement.length > 140 ? `${input.statement.slice(0, 139)}…` : input.statement,
        statement: [
          input.statement,
          input.requirement && `Requirement: ${input.requirement}`,
          input.evidence && `Objective evidence: ${input.evidence}`,
        ]
          .filter(Boolean)
          .join('\n\n'),
        ownerId: input.ownerId,
        responseDue: addDays(today(), RESPONSE_DAYS[grade]),
        reviewAfterDays: 60,
      });
      nonconformityId = nc.id;
    } else if (input.grade === 'ofi') {
      improvementId = (
        await logImprovementInTx(tx, audit, actor, orgId, {
          title: input.statement.length > 140 ? `${input.statement.slice(0, 139)}…` : input.statement,
          description: input.evidence,
          source: 'audit_finding',
          ownerId: input.ownerId,
          status: 'proposed',
          sourceId: id,
          sourceRef: `${a.ref} F-${number}`,
        })
      ).id;
    }
    await tx
      .insertInto('auditFindings')
      .values({
        id,
        orgId,
        auditId,
        number,
        grade: input.grade,
        ref,
        checklistItemId: input.checklistItemId,
        requirement: input.requirement,
        evidence: input.evidence,
        statement: input.statement,
        nonconformityId,
        improvementId,
        createdAt: nowIso(),
        createdBy: actor.userId,
      })
      .execute();
    for (const evidenceId of new Set(input.evidenceIds))
      await linkEvidence(tx, { orgId, evidenceId, subjectType: 'finding', subjectId: id, by: actor, audit });
    const after = (await find(tx, orgId, auditId))!;
    const finding = after.findings.find((f) => f.id === id)!;
    await audit({
      orgId,
      actor,
      action: 'audit.finding_added',
      entityType: 'audit',
      entityId: auditId,
      after: finding,
    });
    return after;
  });
}
