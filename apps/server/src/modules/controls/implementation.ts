import { statusTransition, type ControlImplementationInput, type ControlStatus } from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Tx } from '../../platform/db/connect';
import { writeOne } from '../../platform/db/versioned';
import { ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { isActiveMember } from '../orgs/members';
import { readControl } from './read';
import { findImplementation } from './repository';
import { ENTITY, today } from './status';

async function checkLinks(tx: Tx, orgId: string, input: ControlImplementationInput) {
  if (input.ownerId && !(await isActiveMember(tx, orgId, input.ownerId)))
    throw ruleViolation('Owner must be a current member of this organization', { field: 'ownerId' });
  if (input.documentIds?.length) {
    const found = await tx
      .selectFrom('documents')
      .select('id')
      .where('orgId', '=', orgId)
      .where('id', 'in', input.documentIds)
      .execute();
    const missing = input.documentIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length)
      throw ruleViolation(
        `Linked documents: ${missing.length === 1 ? 'one is not a document' : `${missing.length} are not documents`} of this organization. Pick documents from the list.`,
        { field: 'documentIds', missing },
      );
  }
}

/**
 * Creates (version 0) or changes a control's implementation. Only fields sent change; the status
 * date moves when the status does. Excluded controls are not implemented: the SoA decides that first.
 */
export function saveImplementation(
  deps: Deps,
  actor: Actor,
  orgId: string,
  ref: string,
  input: ControlImplementationInput,
) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await readControl(tx, orgId, ref);
    if (before.version !== input.version) throw staleVersion('control implementation', before);
    if (before.version === 0 && before.included === false)
      throw ruleViolation(
        `${ref} is excluded from the Statement of Applicability. Include it there before recording how it is implemented.`,
      );
    await checkLinks(tx, orgId, input);
    const row = await findImplementation(tx, orgId, ref);
    const now = nowIso();
    const status = input.status ?? (row?.status as ControlStatus | undefined) ?? 'planned';
    const moved = statusTransition(
      row
        ? { status: row.status as ControlStatus, statusSince: row.statusSince, interruptedOn: row.interruptedOn }
        : null,
      status,
      today(),
    );
    const fields = {
      ...moved,
      ownerId: input.ownerId !== undefined ? input.ownerId : (row?.ownerId ?? null),
      description: input.description ?? row?.description ?? '',
      documentIds:
        input.documentIds !== undefined ? JSON.stringify([...new Set(input.documentIds)]) : (row?.documentIds ?? '[]'),
      dueOn: input.dueOn !== undefined ? input.dueOn : (row?.dueOn ?? null),
      cadenceMonths: input.cadenceMonths !== undefined ? input.cadenceMonths : (row?.cadenceMonths ?? null),
      version: input.version + 1,
      updatedAt: now,
      updatedBy: actor.userId,
    };
    if (row) {
      await writeOne(
        tx
          .updateTable('controlImplementations')
          .set(fields)
          .where('orgId', '=', orgId)
          .where('ref', '=', ref)
          .where('version', '=', input.version),
        () => staleVersion('control implementation', before),
      );
    } else {
      // Two first saves at once: the unique (org, ref) lets one insert; the other is told to reload.
      await writeOne(
        tx
          .insertInto('controlImplementations')
          .values({ id: newId(), orgId, ref, ...fields, createdAt: now, createdBy: actor.userId })
          .onConflict((oc) => oc.columns(['orgId', 'ref']).doNothing()),
        () => staleVersion('control implementation', before),
      );
    }
    const after = await readControl(tx, orgId, ref);
    // The trail keeps the owner as it always recorded it ({ id, name }): the history compares entries.
    const shown = ({
      occurrences: _o,
      justification: _j,
      evidence: _e,
      ownerId: _i,
      owner,
      ...rest
    }: typeof after) => ({
      ...rest,
      owner: owner && { id: owner.id, name: owner.name },
    });
    const [beforeShown, afterShown] = [shown(before), shown(after)];
    await audit({
      orgId,
      actor,
      action: row ? 'control_implementation.updated' : 'control_implementation.created',
      entityType: ENTITY,
      entityId: ref,
      before: row ? beforeShown : undefined,
      after: afterShown,
    });
    return after;
  });
}
