import { z } from 'zod';
import { ACTION_STATUSES, type ActionStatus, type UpdateAction, type ZCreateAction } from '@fortytwo/domain';
import type { z as zod } from 'zod';
import type { Actor, AuditInput } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import type { ActionTable } from '../../platform/db/schema';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { isActiveMember } from '../orgs/members';
import { ZPeople, type Owned } from '../../platform/people';
import { writeOne } from '../../platform/db/versioned';

// Actions close gaps (and later findings and nonconformities). Other modules create them through
// `createActionsInTx`, inside their own transaction, so the source change and its actions commit together.

const ENTITY = 'action';

export const ZActionOut = z.object({
  id: z.string(),
  orgId: z.string(),
  title: z.string(),
  description: z.string(),
  ownerId: z.string().nullable().describe('who does it: a key of the answer’s `people`'),
  dueDate: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
  sourceType: z.string().describe('gap_item, or manual'),
  sourceId: z.string().nullable(),
  sourceRef: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** An action as the services build it: its owner embedded (exports and reports print it); answers carry `people`. */
export type ActionOut = z.infer<typeof ZActionOut> & Owned;
/** One action's answer: the action and the people it names (issue 19). */
export const ZActionAnswer = ZActionOut.extend({ people: ZPeople });

type Row = ActionTable & { ownerName: string | null; ownerEmail: string | null };
const present = (r: Row): ActionOut => ({
  id: r.id,
  orgId: r.orgId,
  title: r.title,
  description: r.description,
  ownerId: r.ownerId,
  owner:
    r.ownerId && r.ownerName !== null && r.ownerEmail !== null
      ? { id: r.ownerId, name: r.ownerName, email: r.ownerEmail }
      : null,
  dueDate: r.dueDate,
  status: r.status as ActionStatus,
  sourceType: r.sourceType,
  sourceId: r.sourceId,
  sourceRef: r.sourceRef,
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

const select = (db: Db | Tx) =>
  db
    .selectFrom('actions')
    .leftJoin('users', 'users.id', 'actions.ownerId')
    .selectAll('actions')
    .select(['users.name as ownerName', 'users.email as ownerEmail']);

export type ActionFilter = {
  status?: ActionStatus | undefined;
  ownerId?: string | undefined;
  sourceType?: string | undefined;
  sourceId?: string | undefined;
  /** The actions of these sources only (a page of a register); an empty list matches none. */
  sourceIds?: string[] | undefined;
};

export async function listActions(db: Db | Tx, orgId: string, filter: ActionFilter = {}): Promise<ActionOut[]> {
  let q = select(db).where('actions.orgId', '=', orgId);
  if (filter.status) q = q.where('actions.status', '=', filter.status);
  if (filter.ownerId) q = q.where('actions.ownerId', '=', filter.ownerId);
  if (filter.sourceType) q = q.where('actions.sourceType', '=', filter.sourceType);
  if (filter.sourceId) q = q.where('actions.sourceId', '=', filter.sourceId);
  if (filter.sourceIds) {
    if (!filter.sourceIds.length) return [];
    q = q.where('actions.sourceId', 'in', filter.sourceIds);
  }
  // Nulls last in both dialects: undated work sorts after dated work.
  const rows = await q
    .orderBy((eb) => eb.case().when('actions.dueDate', 'is', null).then(1).else(0).end())
    .orderBy('actions.dueDate')
    .orderBy('actions.createdAt')
    .execute();
  return rows.map(present);
}

async function find(db: Db | Tx, orgId: string, id: string) {
  const row = await select(db).where('actions.orgId', '=', orgId).where('actions.id', '=', id).executeTakeFirst();
  return row ? present(row) : undefined;
}

export async function getAction(deps: Deps, orgId: string, id: string) {
  const found = await find(deps.db, orgId, id);
  if (!found) throw notFound('Action');
  return found;
}

async function assertOwner(tx: Tx, orgId: string, ownerId: string | null) {
  if (ownerId && !(await isActiveMember(tx, orgId, ownerId)))
    throw ruleViolation('The owner must be a current member of this organization', { field: 'ownerId' });
}

export type NewAction = zod.output<typeof ZCreateAction> & {
  sourceType: string;
  sourceId: string | null;
  sourceRef: string | null;
};

export async function createActionsInTx(
  tx: Tx,
  audit: (e: AuditInput) => Promise<void>,
  actor: Actor,
  orgId: string,
  actions: NewAction[],
): Promise<ActionOut[]> {
  const out: ActionOut[] = [];
  const checked = new Set<string>();
  for (const a of actions) {
    if (a.ownerId && !checked.has(a.ownerId)) {
      await assertOwner(tx, orgId, a.ownerId);
      checked.add(a.ownerId);
    }
    const now = nowIso();
    const id = newId();
    await tx
      .insertInto('actions')
      .values({
        id,
        orgId,
        title: a.title,
        description: a.description,
        ownerId: a.ownerId,
        dueDate: a.dueDate,
        status: a.status,
        sourceType: a.sourceType,
        sourceId: a.sourceId,
        sourceRef: a.sourceRef,
        version: 1,
        createdAt: now,
        updatedAt: now,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .execute();
    const created = (await find(tx, orgId, id))!;
    await audit({ orgId, actor, action: 'action.created', entityType: ENTITY, entityId: id, after: created });
    out.push(created);
  }
  return out;
}

/**
 * Marks the open actions of a source done, inside the source's own transaction: a review decided,
 * a version withdrawn. Each change is audited like any other edit of an action.
 */
export async function completeActionsInTx(
  tx: Tx,
  audit: (e: AuditInput) => Promise<void>,
  actor: Actor,
  orgId: string,
  ids: string[],
): Promise<void> {
  for (const id of ids) {
    const before = await find(tx, orgId, id);
    if (!before || before.status === 'done') continue;
    await writeOne(
      tx
        .updateTable('actions')
        .set({ status: 'done', version: before.version + 1, updatedAt: nowIso(), updatedBy: actor.userId })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', before.version),
      () => staleVersion('action', before),
    );
    await audit({
      orgId,
      actor,
      action: 'action.updated',
      entityType: ENTITY,
      entityId: id,
      before,
      after: (await find(tx, orgId, id))!,
    });
  }
}

export function createAction(
  deps: Deps,
  actor: Actor,
  orgId: string,
  input: zod.output<typeof ZCreateAction>,
): Promise<ActionOut> {
  return inTransaction(
    deps,
    async (tx, audit) =>
      (
        await createActionsInTx(tx, audit, actor, orgId, [
          { ...input, sourceType: 'manual', sourceId: null, sourceRef: null },
        ])
      )[0]!,
  );
}

export function updateAction(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  patch: UpdateAction,
): Promise<ActionOut> {
  return inTransaction(deps, async (tx, audit) => {
    const before = await find(tx, orgId, id);
    if (!before) throw notFound('Action');
    if (before.version !== patch.version) throw staleVersion('action', before);
    const { version, ...changes } = patch;
    const merged = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
    if (changes.ownerId !== undefined && changes.ownerId !== before.ownerId)
      await assertOwner(tx, orgId, merged.ownerId);
    await writeOne(
      tx
        .updateTable('actions')
        .set({
          title: merged.title,
          description: merged.description,
          ownerId: merged.ownerId,
          dueDate: merged.dueDate,
          status: merged.status,
          version: version + 1,
          updatedAt: nowIso(),
          updatedBy: actor.userId,
        })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', version),
      () => staleVersion('action', before),
    );
    const after = (await find(tx, orgId, id))!;
    await audit({ orgId, actor, action: 'action.updated', entityType: ENTITY, entityId: id, before, after });
    return after;
  });
}

export function removeAction(deps: Deps, actor: Actor, orgId: string, id: string): Promise<void> {
  return inTransaction(deps, async (tx, audit) => {
    const before = await find(tx, orgId, id);
    if (!before) throw notFound('Action');
    await writeOne(tx.deleteFrom('actions').where('orgId', '=', orgId).where('id', '=', id), () => notFound('Action'));
    await audit({ orgId, actor, action: 'action.deleted', entityType: ENTITY, entityId: id, before });
  });
}
