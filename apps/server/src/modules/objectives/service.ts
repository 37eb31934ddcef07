import { z } from 'zod';
import {
  OBJECTIVE_STATUSES,
  progressPercent,
  type ObjectiveFields,
  type ObjectiveStatus,
  type UpdateObjective,
  type ZProgressEntry,
} from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { nextNumber } from '../../platform/db/record-numbers';
import type { ObjectiveProgressTable, ObjectiveTable } from '../../platform/db/schema';
import { writeOne } from '../../platform/db/versioned';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { isActiveMember } from '../orgs/members';
import { ZPeople, type Owned } from '../../platform/people';

// AI objectives (6.2). An objective keeps its plan (measure, target, owner, resources, due date,
// how results are evaluated) in one versioned record; its progress is a list of dated values that
// is only ever added to or corrected by deleting an entry, each change in the audit trail.

const ENTITY = 'objective';

export const ZProgressOut = z.object({
  id: z.string(),
  onDate: z.string(),
  value: z.number(),
  note: z.string(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string().nullable(), name: z.string() }),
});
export const ZObjectiveOut = z.object({
  id: z.string(),
  ref: z.string().describe('OBJ-1, OBJ-2, …'),
  title: z.string(),
  description: z.string(),
  measure: z.string(),
  unit: z.string(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  ownerId: z.string().nullable().describe('who answers for it: a key of the answer’s `people`'),
  resources: z.string(),
  dueDate: z.string().nullable(),
  evaluation: z.string(),
  annexCRef: z.string().nullable(),
  status: z.enum(OBJECTIVE_STATUSES),
  latestValue: z.number().nullable(),
  latestOn: z.string().nullable(),
  progressPercent: z
    .number()
    .nullable()
    .describe('0–100 from baseline to target by the latest value; null without a target or a value'),
  progress: z.array(ZProgressOut).describe('oldest first'),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** An objective as the service builds it: its owner embedded (the exports print it); answers carry `people`. */
export type ObjectiveOut = z.infer<typeof ZObjectiveOut> & Owned;
/** One objective's answer: the objective and its owner, in `people` (issue 19). */
export const ZObjectiveAnswer = ZObjectiveOut.extend({ people: ZPeople });

type Row = ObjectiveTable & { ownerName: string | null; ownerEmail: string | null };

type Progress = Omit<ObjectiveProgressTable, 'measurementId'> & { measurementId?: string | null };
const presentProgress = (p: Progress) => ({
  id: p.id,
  onDate: p.onDate,
  value: p.value,
  note: p.note,
  createdAt: p.createdAt,
  createdBy: { id: p.createdBy, name: p.createdByName },
});

function present(r: Row, progress: Progress[]): ObjectiveOut {
  const last = progress.at(-1) ?? null;
  return {
    id: r.id,
    ref: `OBJ-${r.number}`,
    title: r.title,
    description: r.description,
    measure: r.measure,
    unit: r.unit,
    baseline: r.baseline,
    target: r.target,
    ownerId: r.ownerId,
    owner:
      r.ownerId && r.ownerName !== null && r.ownerEmail !== null
        ? { id: r.ownerId, name: r.ownerName, email: r.ownerEmail }
        : null,
    resources: r.resources,
    dueDate: r.dueDate,
    evaluation: r.evaluation,
    annexCRef: r.annexRef,
    status: r.status as ObjectiveStatus,
    latestValue: last?.value ?? null,
    latestOn: last?.onDate ?? null,
    progressPercent: progressPercent(r, last?.value ?? null),
    progress: progress.map(presentProgress),
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export async function loadObjectives(
  db: Db | Tx,
  orgId: string,
  filter: { id?: string; ownerId?: string | undefined; status?: ObjectiveStatus | undefined } = {},
): Promise<ObjectiveOut[]> {
  let q = db
    .selectFrom('objectives')
    .leftJoin('users', 'users.id', 'objectives.ownerId')
    .selectAll('objectives')
    .select(['users.name as ownerName', 'users.email as ownerEmail'])
    .where('objectives.orgId', '=', orgId);
  if (filter.id) q = q.where('objectives.id', '=', filter.id);
  if (filter.ownerId) q = q.where('objectives.ownerId', '=', filter.ownerId);
  if (filter.status) q = q.where('objectives.status', '=', filter.status);
  const rows = await q.orderBy('objectives.number').execute();
  if (!rows.length) return [];
  const progress = await db
    .selectFrom('objectiveProgress')
    .selectAll()
    .where('orgId', '=', orgId)
    .where(
      'objectiveId',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('onDate')
    .orderBy('createdAt')
    .execute();
  return rows.map((r) =>
    present(
      r,
      progress.filter((p) => p.objectiveId === r.id),
    ),
  );
}

const find = async (db: Db | Tx, orgId: string, id: string) => (await loadObjectives(db, orgId, { id }))[0];

export const listObjectives = (
  deps: Deps,
  orgId: string,
  filter: { ownerId?: string | undefined; status?: ObjectiveStatus | undefined },
) => loadObjectives(deps.db, orgId, filter);

export async function getObjective(deps: Deps, orgId: string, id: string) {
  const found = await find(deps.db, orgId, id);
  if (!found) throw notFound('Objective');
  return found;
}

async function assertOwner(tx: Tx, orgId: string, ownerId: string | null | undefined) {
  if (ownerId && !(await isActiveMember(tx, orgId, ownerId)))
    throw ruleViolation('Owner must be a current member of this organization', { field: 'ownerId' });
}

/** The record without its derived fields: what the audit trail compares. */
const audited = (o: ObjectiveOut) => {
  const { progress: _p, latestValue: _l, latestOn: _o, progressPercent: _pp, owner: _ow, ...rest } = o;
  return rest;
};

export function createObjective(deps: Deps, actor: Actor, orgId: string, input: ObjectiveFields) {
  return inTransaction(deps, async (tx, audit) => {
    await assertOwner(tx, orgId, input.ownerId);
    const number = await nextNumber(tx, orgId, 'objective');
    const now = nowIso();
    const id = newId();
    const { annexCRef, ...fields } = input;
    await tx
      .insertInto('objectives')
      .values({
        id,
        orgId,
        number,
        ...fields,
        annexRef: annexCRef,
        version: 1,
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
        updatedBy: actor.userId,
      })
      .execute();
    const created = (await find(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'objective.created',
      entityType: ENTITY,
      entityId: id,
      after: audited(created),
    });
    return created;
  });
}

export function updateObjective(deps: Deps, actor: Actor, orgId: string, id: string, patch: UpdateObjective) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await find(tx, orgId, id);
    if (!before) throw notFound('Objective');
    if (before.version !== patch.version) throw staleVersion('objective', before);
    const { version, annexCRef, ...changes } = patch;
    const set = {
      ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
      ...(annexCRef !== undefined ? { annexRef: annexCRef } : {}),
    };
    if (changes.ownerId !== undefined && changes.ownerId !== before.ownerId)
      await assertOwner(tx, orgId, changes.ownerId);
    await writeOne(
      tx
        .updateTable('objectives')
        .set({ ...set, version: version + 1, updatedAt: nowIso(), updatedBy: actor.userId })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', version),
      () => staleVersion('objective', before),
    );
    const after = (await find(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'objective.updated',
      entityType: ENTITY,
      entityId: id,
      before: audited(before),
      after: audited(after),
    });
    return after;
  });
}

export function removeObjective(deps: Deps, actor: Actor, orgId: string, id: string) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await find(tx, orgId, id);
    if (!before) throw notFound('Objective');
    await tx
      .updateTable('metrics')
      .set({ objectiveId: null })
      .where('orgId', '=', orgId)
      .where('objectiveId', '=', id)
      .execute();
    await writeOne(tx.deleteFrom('objectives').where('orgId', '=', orgId).where('id', '=', id), () =>
      notFound('Objective'),
    );
    // The trail keeps the owner as it always recorded it ({ id, name }), not the answers' email.
    const owner = before.owner && { id: before.owner.id, name: before.owner.name };
    await audit({
      orgId,
      actor,
      action: 'objective.deleted',
      entityType: ENTITY,
      entityId: id,
      before: { ...before, owner },
    });
  });
}

export function recordProgress(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  input: z.output<typeof ZProgressEntry>,
) {
  return inTransaction(deps, async (tx, audit) => {
    const objective = await find(tx, orgId, id);
    if (!objective) throw notFound('Objective');
    const entry = {
      id: newId(),
      orgId,
      objectiveId: id,
      onDate: input.onDate,
      value: input.value,
      note: input.note,
      createdAt: nowIso(),
      createdBy: actor.userId,
      createdByName: actor.name,
    };
    await tx.insertInto('objectiveProgress').values(entry).execute();
    await audit({
      orgId,
      actor,
      action: 'objective.progress_recorded',
      entityType: ENTITY,
      entityId: id,
      after: presentProgress(entry),
    });
    return (await find(tx, orgId, id))!;
  });
}

export function removeProgress(deps: Deps, actor: Actor, orgId: string, id: string, entryId: string) {
  return inTransaction(deps, async (tx, audit) => {
    const entry = await tx
      .selectFrom('objectiveProgress')
      .selectAll()
      .where('orgId', '=', orgId)
      .where('objectiveId', '=', id)
      .where('id', '=', entryId)
      .executeTakeFirst();
    if (!entry) throw notFound('Progress entry');
    await writeOne(tx.deleteFrom('objectiveProgress').where('orgId', '=', orgId).where('id', '=', entryId), () =>
      notFound('Progress entry'),
    );
    await audit({
      orgId,
      actor,
      action: 'objective.progress_deleted',
      entityType: ENTITY,
      entityId: id,
      before: presentProgress(entry),
    });
    return (await find(tx, orgId, id))!;
  });
}
