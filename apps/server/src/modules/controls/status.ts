import { statusTransition, type ControlStatus } from '@fortytwo/domain';
import type { Actor, AuditInput } from '../../platform/audit';
import type { Tx } from '../../platform/db/connect';
import { writeOne } from '../../platform/db/versioned';
import { staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { findImplementation } from './repository';

// Where a control's status is written, whichever door it came through: the control page, or the
// SoA (whose implementation status reads from here and whose writes land here, so both agree).

export const ENTITY = 'control';
export { today } from '../risk/read';
import { today } from '../risk/read';

/** Sets the status of a control's implementation inside the caller's transaction, creating it when missing. */
export async function setStatusFromSoa(
  tx: Tx,
  audit: (e: AuditInput) => Promise<void>,
  actor: Actor,
  orgId: string,
  ref: string,
  status: ControlStatus,
): Promise<void> {
  const row = await findImplementation(tx, orgId, ref);
  if (row?.status === status) return;
  const now = nowIso();
  const moved = statusTransition(
    row
      ? { status: row.status as ControlStatus, statusSince: row.statusSince, interruptedOn: row.interruptedOn }
      : null,
    status,
    today(),
  );
  if (row) {
    await writeOne(
      tx
        .updateTable('controlImplementations')
        .set({ ...moved, version: row.version + 1, updatedAt: now, updatedBy: actor.userId })
        .where('orgId', '=', orgId)
        .where('ref', '=', ref)
        .where('version', '=', row.version),
      () => staleVersion('control implementation', row),
    );
  } else {
    await writeOne(
      tx
        .insertInto('controlImplementations')
        .values({
          id: newId(),
          orgId,
          ref,
          ...moved,
          ownerId: null,
          description: '',
          documentIds: '[]',
          dueOn: null,
          cadenceMonths: null,
          version: 1,
          createdAt: now,
          createdBy: actor.userId,
          updatedAt: now,
          updatedBy: actor.userId,
        })
        .onConflict((oc) => oc.columns(['orgId', 'ref']).doNothing()),
      () => staleVersion('control implementation', null),
    );
  }
  await audit({
    orgId,
    actor,
    action: row ? 'control_implementation.updated' : 'control_implementation.created',
    entityType: ENTITY,
    entityId: ref,
    before: row ? { status: row.status } : undefined,
    after: { status, via: 'Statement of Applicability' },
  });
}
