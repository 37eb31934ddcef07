import { type CreateNonconformity } from '@fortytwo/domain';
import type { Actor, AuditInput } from '../../platform/audit';
import type { Tx } from '../../platform/db/connect';
import { nextNumber } from '../../platform/db/record-numbers';
import { ruleViolation } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { isActiveMember } from '../orgs/members';
import { ENTITY, find, type NonconformityOut } from './read';

export async function assertMember(tx: Tx, orgId: string, userId: string | null | undefined, field = 'ownerId') {
  if (userId && !(await isActiveMember(tx, orgId, userId)))
    throw ruleViolation('The owner must be a current member of this organization', { field });
}

/** The record without derived fields, for the audit trail. */
export const audited = (n: NonconformityOut) => {
  const { actions: _a, blockers: _b, overdue: _o, owner: _ow, ...rest } = n;
  return rest;
};

/**
 * Raises a nonconformity inside the caller's transaction (an audit's finding, later an incident).
 * `raisedByOutsider` names a raiser who is not a member (a certification body's auditor): the
 * record keeps the name, and the member who typed it in does not count as its raiser.
 */
export async function raiseNonconformityInTx(
  tx: Tx,
  audit: (e: AuditInput) => Promise<void>,
  actor: Actor,
  orgId: string,
  input: CreateNonconformity,
  raisedByOutsider?: string,
): Promise<NonconformityOut> {
  await assertMember(tx, orgId, input.ownerId);
  const number = await nextNumber(tx, orgId, 'nonconformity');
  const now = nowIso();
  const id = newId();
  await tx
    .insertInto('nonconformities')
    .values({
      id,
      orgId,
      number,
      source: input.source,
      sourceId: input.sourceId,
      sourceRef: input.sourceRef,
      grade: input.grade,
      ref: input.ref,
      title: input.title,
      statement: input.statement,
      ownerId: input.ownerId,
      raisedBy: raisedByOutsider ? null : actor.userId,
      raisedByName: raisedByOutsider ?? actor.name,
      raisedAt: now,
      status: 'open',
      responseDue: input.responseDue,
      reviewAfterDays: input.reviewAfterDays,
      reviewDue: null,
      correction: '',
      rootCauseMethod: 'five_whys',
      whys: '[]',
      causeCategories: '[]',
      rootCause: '',
      similarCases: '',
      effective: null,
      effectivenessNotes: '',
      version: 1,
      createdAt: now,
      updatedAt: now,
      updatedBy: actor.userId,
    })
    .execute();
  const created = (await find(tx, orgId, id))!;
  await audit({
    orgId,
    actor,
    action: 'nonconformity.raised',
    entityType: ENTITY,
    entityId: id,
    after: audited(created),
  });
  return created;
}

export const createNonconformity = (deps: Deps, actor: Actor, orgId: string, input: CreateNonconformity) =>
  inTransaction(deps, (tx, audit) => raiseNonconformityInTx(tx, audit, actor, orgId, input));
