import { can, transition, type Role, type VersionAction } from '@fortytwo/domain';
import type { Actor, AuditInput } from '../../platform/audit';
import type { Tx } from '../../platform/db/connect';
import { writeOne } from '../../platform/db/versioned';
import { forbidden, notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { ENTITY } from './drafts';
import { readVersion } from './read';
import {
  findDocument,
  findVersion,
  labelOf,
  stateOf,
  versionsOf,
  type DocumentRow,
  type VersionRow,
} from './repository';
import { documentType } from './types';

// The steps every life-cycle move shares: loading the version at the expected version, checking the move
// against packages/domain/src/documents.ts, writing the new state, and the audit event.

export type Caller = { actor: Actor; role: Role };
export const lockOf = (documentId: string) => ({ lock: `document:${documentId}` });

export async function load(tx: Tx, orgId: string, documentId: string, versionId: string, expectedVersion: number) {
  const d = await findDocument(tx, orgId, documentId);
  const v = await findVersion(tx, orgId, documentId, versionId);
  if (!d || !v) throw notFound('Document version');
  if (v.version !== expectedVersion)
    throw staleVersion('document version', await readVersion(tx, orgId, documentId, versionId));
  return { d, v, type: documentType(d.typeId) };
}

/** The state `action` moves the version to, or a 422 saying why it cannot: checked before any work. */
export async function target(tx: Tx, orgId: string, d: DocumentRow, v: VersionRow, action: VersionAction) {
  const versions = await versionsOf(tx, orgId, [d.id]);
  const hasApprovedMajor = versions.some((x) => x.id !== v.id && x.approvedAt !== null && x.major === v.major);
  const t = transition(stateOf(v), action, {
    material: v.material === 1,
    hasApprovedMajor,
    first: versions.length === 1,
  });
  if ('problem' in t) throw ruleViolation(t.problem);
  return t.to;
}

export async function move(
  tx: Tx,
  orgId: string,
  d: DocumentRow,
  v: VersionRow,
  action: VersionAction,
  set: Record<string, unknown>,
  actor: Actor,
) {
  const to = await target(tx, orgId, d, v, action);
  await writeOne(
    tx
      .updateTable('documentVersions')
      .set({ ...set, state: to, version: v.version + 1, updatedAt: nowIso(), updatedBy: actor.userId })
      .where('orgId', '=', orgId)
      .where('id', '=', v.id)
      .where('version', '=', v.version),
    () => staleVersion('document version', v),
  );
  return to;
}

export async function openReviewTasks(tx: Tx, orgId: string, versionId: string) {
  return (
    await tx
      .selectFrom('documentReviews')
      .select('actionId')
      .where('orgId', '=', orgId)
      .where('versionId', '=', versionId)
      .where('decision', 'is', null)
      .execute()
  )
    .map((r) => r.actionId)
    .filter((x): x is string => !!x);
}

export async function currentRound(tx: Tx, orgId: string, versionId: string) {
  const r = await tx
    .selectFrom('documentReviews')
    .select((eb) => eb.fn.max<number>('round').as('round'))
    .where('orgId', '=', orgId)
    .where('versionId', '=', versionId)
    .executeTakeFirst();
  return Number(r?.round ?? 0);
}

export const eventOf = (
  orgId: string,
  actor: Actor,
  d: DocumentRow,
  v: VersionRow,
  action: string,
  after: Record<string, unknown>,
): AuditInput => ({
  orgId,
  actor,
  action,
  entityType: ENTITY,
  entityId: d.id,
  after: { version: labelOf(v), ...after },
});

export function assertApprover(d: DocumentRow, caller: Caller) {
  if (!can(caller.role, 'document.approve')) throw forbidden('Your role may not approve documents.');
  if (d.approverId && d.approverId !== caller.actor.userId && caller.role !== 'owner')
    throw forbidden('This document names another approver: only they (or an owner) decide on it.');
}
