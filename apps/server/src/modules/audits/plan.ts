import { type CreateAudit, type UpdateAudit } from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import { nextNumber } from '../../platform/db/record-numbers';
import { writeOne } from '../../platform/db/versioned';
import { AppError, notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { builtinCatalog } from '../catalog/builtin';
import type { FileStore } from '../../platform/files';
import { freezeRecordInTx } from '../documents/records';
import { writeChecklist } from './checklist';
import { checkPlan } from './independence';
import { find, type AuditOut } from './read';
import { frozenReport } from './report';

// The audit plan: objectives, criteria, scope, team, dates, method; planning checks independence
// and generates the checklist; completing writes the conclusion and freezes the audit.

function assertRefs(refs: string[]) {
  const iso = builtinCatalog();
  const unknown = refs.filter((r) => !iso.item('iso42001', r) && !/^[A-Z]+-/.test(r));
  if (unknown.length)
    throw ruleViolation(
      `Unknown clause or control: ${unknown.join(', ')}. Use refs of ISO/IEC 42001 such as 6.1.2 or A.6.2.4.`,
      { field: 'scope.refs' },
    );
}

const auditedAudit = (a: AuditOut) => {
  const { checklist: _c, findings: _f, ...rest } = a;
  return rest;
};

export function createAudit(deps: Deps, actor: Actor, orgId: string, input: CreateAudit) {
  return inTransaction(deps, async (tx, audit) => {
    assertRefs(input.scope.refs);
    const warnings = await checkPlan(tx, orgId, input);
    const number = await nextNumber(tx, orgId, 'audit');
    const now = nowIso();
    const id = newId();
    await tx
      .insertInto('audits')
      .values({
        id,
        orgId,
        number,
        title: input.title,
        status: 'planned',
        objectives: input.objectives,
        criteria: input.criteria,
        scope: JSON.stringify(input.scope),
        leadId: input.leadId,
        teamIds: JSON.stringify([...new Set(input.teamIds)]),
        auditees: JSON.stringify(input.auditees),
        method: input.method,
        plannedStart: input.plannedStart,
        plannedEnd: input.plannedEnd,
        independenceWarnings: JSON.stringify(warnings),
        independenceJustification: warnings.length ? input.independenceJustification : '',
        conclusion: '',
        completedAt: null,
        reportDocumentId: null,
        version: 1,
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
        updatedBy: actor.userId,
      })
      .execute();
    await writeChecklist(tx, orgId, id, input.scope.refs, actor);
    const created = (await find(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'audit.created',
      entityType: 'audit',
      entityId: id,
      after: auditedAudit(created),
    });
    return created;
  });
}

/** `store` keeps the report's files when the audit is completed (signed off and frozen as a record). */
export function updateAudit(deps: Deps, store: FileStore, actor: Actor, orgId: string, id: string, patch: UpdateAudit) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await find(tx, orgId, id);
    if (!before) throw notFound('Audit');
    if (before.version !== patch.version) throw staleVersion('audit', before);
    if (before.status === 'completed' || before.status === 'cancelled')
      throw ruleViolation(`${before.ref} is ${before.status}: its plan and report are a record and no longer change.`);
    const { version, scope, teamIds, auditees, status, ...rest } = patch;
    const plan = {
      leadId: rest.leadId !== undefined ? rest.leadId : (before.lead?.id ?? null),
      teamIds: teamIds ?? before.team.map((t) => t.id),
      scope: scope ?? before.scope,
      independenceJustification: rest.independenceJustification ?? before.independenceJustification,
    };
    if (scope) assertRefs(scope.refs);
    const start = rest.plannedStart !== undefined ? rest.plannedStart : before.plannedStart;
    const end = rest.plannedEnd !== undefined ? rest.plannedEnd : before.plannedEnd;
    if (start && end && end < start)
      throw ruleViolation('Planned end must be on or after the planned start', { field: 'plannedEnd' });
    const warnings = await checkPlan(tx, orgId, plan);
    const next = status ?? before.status;
    if (next === 'completed') {
      const open = before.checklist.filter((i) => i.result === 'open');
      if (open.length)
        throw new AppError(
          'NOT_READY',
          `Every checklist item needs a result before the audit is completed: ${open.map((i) => i.ref).join(', ')} are not checked (mark them not sampled if they were not).`,
        );
      const conclusion = rest.conclusion ?? before.conclusion;
      if (!conclusion.trim())
        throw new AppError('NOT_READY', 'Write the conclusion of the audit before completing it.', {
          field: 'conclusion',
        });
    }
    if (next === 'planned' && before.status !== 'planned')
      throw ruleViolation('An audit under way cannot go back to planned.');
    await writeOne(
      tx
        .updateTable('audits')
        .set({
          ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
          ...(scope ? { scope: JSON.stringify(scope) } : {}),
          ...(teamIds ? { teamIds: JSON.stringify([...new Set(teamIds)]) } : {}),
          ...(auditees ? { auditees: JSON.stringify(auditees) } : {}),
          status: next,
          independenceWarnings: JSON.stringify(warnings),
          ...(next === 'completed' ? { completedAt: nowIso() } : {}),
          version: version + 1,
          updatedAt: nowIso(),
          updatedBy: actor.userId,
        })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', version),
      () => staleVersion('audit', before),
    );
    // A changed scope regenerates the checklist, only while nothing in it was answered.
    if (scope && JSON.stringify(scope.refs) !== JSON.stringify(before.scope.refs)) {
      if (before.checklist.some((i) => i.result !== 'open') || before.findings.length)
        throw ruleViolation('The checklist has answers or findings: the scope can no longer change.', {
          field: 'scope',
        });
      await writeChecklist(tx, orgId, id, scope.refs, actor);
    }
    if (next === 'completed') {
      // Signed off: the report becomes a record of the document model, frozen with its files.
      const signed = (await find(tx, orgId, id))!;
      const report = frozenReport(signed);
      const reportDocumentId = await freezeRecordInTx(deps, tx, store, audit, actor, orgId, {
        typeId: 'internal-audit-report',
        title: report.title,
        ownerId: signed.lead?.id ?? actor.userId,
        frozen: report.frozen,
      });
      await writeOne(
        tx
          .updateTable('audits')
          .set({ reportDocumentId })
          .where('orgId', '=', orgId)
          .where('id', '=', id)
          .where('version', '=', version + 1),
        () => staleVersion('audit', signed),
      );
    }
    const after = (await find(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: next === 'completed' ? 'audit.completed' : 'audit.updated',
      entityType: 'audit',
      entityId: id,
      before: auditedAudit(before),
      after: auditedAudit(after),
    });
    return after;
  });
}
