import type { z } from 'zod';
import {
  expiryOf,
  GIVES_COMPETENCE,
  type AssignmentStatus,
  type CompletionEvidenceKind,
  type CompletionResult,
  type DevelopmentActionKind,
  type ZAssignmentFields,
  type ZCompletionFields,
  type ZUpdateAssignment,
} from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { writeOne } from '../../platform/db/versioned';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { evidenceForMany } from '../evidence/links';
import { findPerson, listPeople } from './people';
import { linkEvidence } from '../evidence/links';
import type { AssignmentOut, CompletionOut } from './schema';

// Training records (7.2 d): a development action assigned to a person with a due date, and its
// completions with their evidence (a certificate in the evidence library, or a signed attestation).
// A passed or attended completion closes the assignment; a failed attempt is kept and it stays open.

export const ASSIGNMENT = 'training_assignment';
export const COMPLETION = 'training_completion';

export type AssignmentFilter = { personId?: string; status?: AssignmentStatus };

export const today = () => nowIso().slice(0, 10);

export async function listAssignments(
  db: Db | Tx,
  orgId: string,
  filter: AssignmentFilter = {},
): Promise<AssignmentOut[]> {
  let q = db
    .selectFrom('trainingAssignments')
    .innerJoin('developmentActions', 'developmentActions.id', 'trainingAssignments.actionId')
    .selectAll('trainingAssignments')
    .select(['developmentActions.title', 'developmentActions.kind'])
    .where('trainingAssignments.orgId', '=', orgId);
  if (filter.personId) q = q.where('trainingAssignments.personId', '=', filter.personId);
  if (filter.status) q = q.where('trainingAssignments.status', '=', filter.status);
  const rows = await q.orderBy('trainingAssignments.assignedAt', 'desc').execute();
  if (!rows.length) return [];
  const [people, completions, certificates] = await Promise.all([
    listPeople(db, orgId),
    db
      .selectFrom('trainingCompletions')
      .selectAll()
      .where('orgId', '=', orgId)
      .where(
        'assignmentId',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('recordedAt', 'desc')
      .execute(),
    db
      .selectFrom('trainingCompletions')
      .select('id')
      .where('orgId', '=', orgId)
      .where(
        'assignmentId',
        'in',
        rows.map((r) => r.id),
      )
      .execute()
      .then((cs) =>
        evidenceForMany(
          db,
          orgId,
          COMPLETION,
          cs.map((c) => c.id),
        ),
      ),
  ]);
  const names = new Map(people.map((p) => [p.id, p]));
  const now = today();
  return rows.map((r) => ({
    id: r.id,
    person: {
      id: r.personId,
      name: names.get(r.personId)?.name ?? 'A person no longer recorded',
      userId: names.get(r.personId)?.userId ?? null,
    },
    action: { id: r.actionId, title: r.title, kind: r.kind as DevelopmentActionKind },
    dueOn: r.dueOn,
    status: r.status as AssignmentStatus,
    overdue: r.status === 'open' && r.dueOn !== null && r.dueOn < now,
    assignedAt: r.assignedAt,
    assignedBy: { id: r.assignedBy, name: r.assignedByName },
    completions: completions
      .filter((c) => c.assignmentId === r.id)
      .map((c): CompletionOut => ({
        id: c.id,
        assignmentId: c.assignmentId,
        completedOn: c.completedOn,
        result: c.result as CompletionResult,
        evidenceKind: c.evidenceKind as CompletionEvidenceKind,
        attestation: c.attestation,
        expiresOn: c.expiresOn,
        recordedAt: c.recordedAt,
        recordedBy: { id: c.recordedBy, name: c.recordedByName },
        evidence: certificates.get(c.id) ?? [],
      })),
    version: r.version,
  }));
}

export async function findAssignment(db: Db | Tx, orgId: string, id: string) {
  const row = await db
    .selectFrom('trainingAssignments')
    .select('personId')
    .where('orgId', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return (await listAssignments(db, orgId, { personId: row.personId })).find((a) => a.id === id) ?? null;
}

/** One open assignment of an action per person: the person's assignments take turns on every instance. */
export function assignTraining(deps: Deps, actor: Actor, orgId: string, input: z.output<typeof ZAssignmentFields>) {
  return inTransaction(
    deps,
    async (tx, audit) => {
      const person = await findPerson(tx, orgId, input.personId);
      if (!person) throw ruleViolation('Person: choose a person of this organization', { field: 'personId' });
      if (!person.active)
        throw ruleViolation(`${person.name} is no longer active: mark them active again before assigning anything`, {
          field: 'personId',
        });
      const action = await tx
        .selectFrom('developmentActions')
        .select(['id', 'title'])
        .where('orgId', '=', orgId)
        .where('id', '=', input.actionId)
        .executeTakeFirst();
      if (!action)
        throw ruleViolation('Development action: choose a course, training or other action of this organization', {
          field: 'actionId',
        });
      const open = await tx
        .selectFrom('trainingAssignments')
        .select('dueOn')
        .where('orgId', '=', orgId)
        .where('personId', '=', person.id)
        .where('actionId', '=', action.id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (open)
        throw ruleViolation(
          `${person.name} already has "${action.title}" assigned${open.dueOn ? ` (due ${open.dueOn})` : ''}`,
          { field: 'actionId' },
        );
      const id = newId();
      const now = nowIso();
      await tx
        .insertInto('trainingAssignments')
        .values({
          id,
          orgId,
          personId: person.id,
          actionId: action.id,
          dueOn: input.dueOn,
          status: 'open',
          assignedAt: now,
          assignedBy: actor.userId,
          assignedByName: actor.name,
          version: 1,
          updatedAt: now,
          updatedBy: actor.userId,
        })
        .execute();
      const created = (await findAssignment(tx, orgId, id))!;
      await audit({
        orgId,
        actor,
        action: 'training_assignment.created',
        entityType: ASSIGNMENT,
        entityId: id,
        after: created,
      });
      return created;
    },
    { lock: `training:${orgId}:${input.personId}` },
  );
}

export function updateAssignment(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  patch: z.output<typeof ZUpdateAssignment>,
) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await findAssignment(tx, orgId, id);
    if (!before) throw notFound('Assignment');
    if (before.version !== patch.version) throw staleVersion('assignment', before);
    if (before.status === 'completed') throw ruleViolation('A completed assignment is a record: it no longer changes');
    const set: Record<string, string | null> = {};
    if (patch.dueOn !== undefined) set.dueOn = patch.dueOn;
    if (patch.status !== undefined) set.status = patch.status;
    await writeOne(
      tx
        .updateTable('trainingAssignments')
        .set({ ...set, version: patch.version + 1, updatedAt: nowIso(), updatedBy: actor.userId })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', patch.version),
      () => staleVersion('assignment', before),
    );
    const after = (await findAssignment(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action:
        patch.status === 'cancelled' && before.status !== 'cancelled'
          ? 'training_assignment.cancelled'
          : 'training_assignment.updated',
      entityType: ASSIGNMENT,
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** Records a completion of an open assignment; the expiry comes from the certificate or the action's validity. */
export function completeAssignment(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  input: z.output<typeof ZCompletionFields>,
) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await findAssignment(tx, orgId, id);
    if (!before) throw notFound('Assignment');
    if (before.version !== input.version) throw staleVersion('assignment', before);
    if (before.status !== 'open')
      throw ruleViolation(`This assignment is ${before.status}: only an open assignment is completed`);
    if (input.completedOn > today())
      throw ruleViolation('Completed on cannot be in the future', { field: 'completedOn' });
    const action = (await tx
      .selectFrom('developmentActions')
      .select('validityMonths')
      .where('id', '=', before.action.id)
      .executeTakeFirst())!;
    const gives = GIVES_COMPETENCE.includes(input.result);
    const completionId = newId();
    await tx
      .insertInto('trainingCompletions')
      .values({
        id: completionId,
        orgId,
        assignmentId: id,
        personId: before.person.id,
        actionId: before.action.id,
        completedOn: input.completedOn,
        result: input.result,
        evidenceKind: input.evidenceKind,
        attestation: input.attestation,
        expiresOn: gives ? expiryOf(input.completedOn, action.validityMonths, input.expiresOn) : null,
        recordedAt: nowIso(),
        recordedBy: actor.userId,
        recordedByName: actor.name,
      })
      .execute();
    // The certificate is a piece of the one evidence library, attached in this transaction.
    if (input.evidenceId)
      await linkEvidence(tx, {
        orgId,
        evidenceId: input.evidenceId,
        subjectType: COMPLETION,
        subjectId: completionId,
        by: actor,
        audit,
      });
    await writeOne(
      tx
        .updateTable('trainingAssignments')
        .set({
          status: gives ? 'completed' : 'open',
          version: input.version + 1,
          updatedAt: nowIso(),
          updatedBy: actor.userId,
        })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', input.version),
      () => staleVersion('assignment', before),
    );
    const after = (await findAssignment(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'training_assignment.completed',
      entityType: ASSIGNMENT,
      entityId: id,
      before: { status: before.status },
      after: { status: after.status, completion: after.completions[0] },
    });
    return after;
  });
}
