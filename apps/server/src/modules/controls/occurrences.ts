import type { OccurrenceInput } from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import { writeOne } from '../../platform/db/versioned';
import { notFound, ruleViolation } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { isActiveMember } from '../orgs/members';
import { unlinkAllFrom } from '../evidence/links';
import { readControl } from './read';
import { findImplementation, userNames } from './repository';
import { ENTITY, today } from './status';

// Occurrences: the dated runs of a control (an access review held, a model card checked). They are
// the facts "operating since", "last performed" and "next due" are computed from.

export function recordOccurrence(deps: Deps, actor: Actor, orgId: string, ref: string, input: OccurrenceInput) {
  return inTransaction(deps, async (tx, audit) => {
    const row = await findImplementation(tx, orgId, ref);
    if (!row) {
      await readControl(tx, orgId, ref); // 404 for a control that does not exist
      throw ruleViolation(`Record how ${ref} is implemented (its owner and status) before recording that it ran.`);
    }
    if (input.performedOn > today())
      throw ruleViolation('Date performed cannot be in the future: record a run once it has happened.', {
        field: 'performedOn',
      });
    const performedBy = input.performedById ?? actor.userId;
    if (input.performedById && !(await isActiveMember(tx, orgId, input.performedById)))
      throw ruleViolation('Performed by must be a current member of this organization', { field: 'performedById' });
    const name = performedBy ? ((await userNames(tx, [performedBy])).get(performedBy) ?? actor.name) : actor.name;
    const id = newId();
    const occurrence = {
      id,
      orgId,
      ref,
      performedOn: input.performedOn,
      performedBy,
      performedByName: name,
      outcome: input.outcome,
      notes: input.notes,
      createdAt: nowIso(),
      createdBy: actor.userId,
    };
    await tx.insertInto('controlOccurrences').values(occurrence).execute();
    await audit({
      orgId,
      actor,
      action: 'control_occurrence.created',
      entityType: ENTITY,
      entityId: ref,
      after: { id, performedOn: input.performedOn, performedBy: name, outcome: input.outcome, notes: input.notes },
    });
    return readControl(tx, orgId, ref);
  });
}

/** Removes a run recorded by mistake; the audit trail keeps what it said. */
export function deleteOccurrence(deps: Deps, actor: Actor, orgId: string, ref: string, id: string) {
  return inTransaction(deps, async (tx, audit) => {
    const o = await tx
      .selectFrom('controlOccurrences')
      .selectAll()
      .where('orgId', '=', orgId)
      .where('ref', '=', ref)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!o) throw notFound('Occurrence');
    // The evidence stays in the library; only its attachment to this run goes.
    await unlinkAllFrom(tx, orgId, 'control_occurrence', id);
    await writeOne(tx.deleteFrom('controlOccurrences').where('orgId', '=', orgId).where('id', '=', id), () =>
      notFound('Occurrence'),
    );
    await audit({
      orgId,
      actor,
      action: 'control_occurrence.deleted',
      entityType: ENTITY,
      entityId: ref,
      before: { id, performedOn: o.performedOn, performedBy: o.performedByName, outcome: o.outcome, notes: o.notes },
    });
  });
}
