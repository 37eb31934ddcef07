import { z } from 'zod';
import {
  reviewDueOn,
  type UpdateNonconformity,
  type ZEffectivenessReview,
  type ZNonconformityAction,
} from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Tx } from '../../platform/db/connect';
import type { NonconformityTable } from '../../platform/db/schema';
import { writeOne } from '../../platform/db/versioned';
import { AppError, notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { createActionsInTx } from '../actions/service';
import { ENTITY, NC_ACTION_SOURCE, find, today, type NonconformityOut } from './read';
import { assertMember, audited } from './raise';

// Working a nonconformity through its steps (10.2): correction, root cause, corrective actions,
// effectiveness review, closing. Each step checks what still blocks it (packages/domain).

async function change(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  version: number,
  action: string,
  decide: (before: NonconformityOut, tx: Tx) => Partial<NonconformityTable> | Promise<Partial<NonconformityTable>>,
) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await find(tx, orgId, id, actor.userId);
    if (!before) throw notFound('Nonconformity');
    if (before.version !== version) throw staleVersion('nonconformity', before);
    const set = await decide(before, tx);
    await writeOne(
      tx
        .updateTable('nonconformities')
        .set({ ...set, version: version + 1, updatedAt: nowIso(), updatedBy: actor.userId })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', version),
      () => staleVersion('nonconformity', before),
    );
    const after = (await find(tx, orgId, id, actor.userId))!;
    await audit({
      orgId,
      actor,
      action,
      entityType: ENTITY,
      entityId: id,
      before: audited(before),
      after: audited(after),
    });
    return after;
  });
}

export function updateNonconformity(deps: Deps, actor: Actor, orgId: string, id: string, patch: UpdateNonconformity) {
  const { version, whys, causeCategories, ...rest } = patch;
  return change(deps, actor, orgId, id, version, 'nonconformity.updated', async (before, tx) => {
    if (before.status === 'closed') throw ruleViolation('A closed nonconformity is a record: it no longer changes.');
    if (rest.ownerId !== undefined && rest.ownerId !== before.ownerId) await assertMember(tx, orgId, rest.ownerId);
    return {
      ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
      ...(whys !== undefined ? { whys: JSON.stringify(whys.filter((w) => w)) } : {}),
      ...(causeCategories !== undefined ? { causeCategories: JSON.stringify([...new Set(causeCategories)]) } : {}),
    };
  });
}

function refuse(blockers: string[], what: string) {
  if (blockers.length) throw new AppError('NOT_READY', `${what}: ${blockers.join(' ')}`, { blockers });
}

export function addCorrectiveAction(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  input: z.output<typeof ZNonconformityAction>,
) {
  return inTransaction(deps, async (tx, audit) => {
    const nc = await find(tx, orgId, id, actor.userId);
    if (!nc) throw notFound('Nonconformity');
    if (nc.status !== 'open')
      throw ruleViolation(`Add corrective actions while the nonconformity is open (${nc.ref} is ${nc.status}).`);
    await createActionsInTx(tx, audit, actor, orgId, [
      { ...input, status: 'open', sourceType: NC_ACTION_SOURCE, sourceId: id, sourceRef: nc.ref },
    ]);
    return (await find(tx, orgId, id, actor.userId))!;
  });
}

/** The three steps after the plan: actions planned, effectiveness review started, reviewed. */
export const planActions = (deps: Deps, actor: Actor, orgId: string, id: string, version: number) =>
  change(deps, actor, orgId, id, version, 'nonconformity.actions_planned', (before) => {
    refuse(before.blockers.plan, `${before.ref} cannot have its actions planned yet`);
    return { status: 'actions_planned' };
  });

export const startReview = (deps: Deps, actor: Actor, orgId: string, id: string, version: number) =>
  change(deps, actor, orgId, id, version, 'nonconformity.review_started', (before) => {
    refuse(before.blockers.start_review, `${before.ref} is not ready for its effectiveness review`);
    return { status: 'effectiveness_review', reviewDue: reviewDueOn(today(), before.reviewAfterDays) };
  });

export const reviewEffectiveness = (
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  input: z.output<typeof ZEffectivenessReview>,
) =>
  change(deps, actor, orgId, id, input.version, 'nonconformity.reviewed', (before) => {
    refuse(before.blockers.review, `${before.ref} cannot be reviewed now`);
    if (actor.userId === before.ownerId)
      throw ruleViolation('The owner of a nonconformity does not judge the effectiveness of its own actions.');
    return {
      // Not effective: back to open, to find the cause again and plan further actions.
      status: input.effective ? 'verified' : 'open',
      effective: input.effective ? 1 : 0,
      effectivenessNotes: input.notes,
      reviewedAt: nowIso(),
      reviewedBy: actor.userId,
      reviewedByName: actor.name,
      ...(input.effective ? {} : { reviewDue: null }),
    };
  });

export const closeNonconformity = (deps: Deps, actor: Actor, orgId: string, id: string, version: number) =>
  change(deps, actor, orgId, id, version, 'nonconformity.closed', (before) => {
    const blockers = before.blockers.close;
    if (blockers.some((b) => b.startsWith('Nobody closes')))
      throw new AppError(
        'FORBIDDEN',
        blockers.find((b) => b.startsWith('Nobody closes'))!,
      );
    refuse(blockers, `${before.ref} cannot be closed yet`);
    return { status: 'closed', closedAt: nowIso(), closedBy: actor.userId, closedByName: actor.name };
  });
