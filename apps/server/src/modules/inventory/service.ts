import { sql } from 'kysely';
import { z } from 'zod';
import type { AiSystemSort, TAiSystemFields, TUpdateAiSystem } from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Tx } from '../../platform/db/connect';
import { AppError, notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { cursorPart, decodeCursor, encodeCursor } from '../../platform/pagination';
import { inTransaction, type Deps } from '../../platform/transaction';
import { isActiveMember } from '../orgs/members';
import { listAuditEvents } from '../audit-trail/service';
import {
  countAiSystems,
  deleteAiSystem,
  findAiSystem,
  insertAiSystem,
  selectAiSystems,
  sortExpression,
  toAiSystem,
  toColumns,
  updateAiSystem,
} from './repository';
import type { TAiSystem, TAiSystemFilter, TAiSystemListQuery } from './schema';

const ENTITY = 'ai_system';
/** What the audit trail keeps of an AI system: its own fields, without the joined owner details. */
const snapshot = ({ owner: _owner, ...rest }: TAiSystem) => rest;

async function assertOwnerIsMember(tx: Tx, orgId: string, ownerId: string | null, row?: number) {
  if (ownerId && !(await isActiveMember(tx, orgId, ownerId))) {
    const where = row === undefined ? '' : `Item ${row + 1}: `;
    throw ruleViolation(`${where}the owner must be a current member of this organization`, { field: 'ownerId', row });
  }
}

/** A page's cursor: the last row's sort value (text, or the rank of a stage or tier) and its id. */
const rowId = cursorPart.text(64);
const CURSORS = {
  name: z.tuple([cursorPart.text(800), rowId]),
  createdAt: z.tuple([cursorPart.text(40), rowId]),
  updatedAt: z.tuple([cursorPart.text(40), rowId]),
  lifecycleStage: z.tuple([cursorPart.integer, rowId]),
  riskTier: z.tuple([cursorPart.integer, rowId]),
} satisfies Record<AiSystemSort, z.ZodTuple>;

export async function listAiSystems(deps: Deps, orgId: string, query: TAiSystemListQuery) {
  const { limit, cursor, sort, order, ...filter } = query;
  const key = sortExpression(sort);
  let q = selectAiSystems(deps.db, orgId, filter).select(sql<unknown>`${key}`.as('sortKey'));
  if (cursor) {
    const [value, id] = decodeCursor(cursor, CURSORS[sort]);
    const [cmp, cmpOrEq] = order === 'asc' ? [sql`>`, sql`>=`] : [sql`<`, sql`<=`];
    // The first conjunct is implied by the second; it is there so both dialects seek the index to
    // the cursor instead of filtering every earlier row (bench/README.md, finding 3).
    q = q.where(
      sql<boolean>`${key} ${cmpOrEq} ${value} and (${key} ${cmp} ${value} or (${key} = ${value} and ai_systems.id ${cmp} ${id}))`,
    );
  }
  const rows = await q
    .orderBy(sql`${key}`, order)
    .orderBy('aiSystems.id', order)
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toAiSystem),
    nextCursor: rows.length > limit && last ? encodeCursor([last.sortKey, last.id]) : null,
    total: await countAiSystems(deps.db, orgId, filter),
  };
}

/** Every matching AI system, for exports, in batches so a large inventory never sits in memory twice. */
export async function* allAiSystems(deps: Deps, orgId: string, filter: TAiSystemFilter): AsyncGenerator<TAiSystem[]> {
  let cursor: string | undefined;
  do {
    const page = await listAiSystems(deps, orgId, { ...filter, limit: 500, cursor, sort: 'name', order: 'asc' });
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

export async function getAiSystem(deps: Deps, orgId: string, id: string): Promise<TAiSystem> {
  const found = await findAiSystem(deps.db, orgId, id);
  if (!found) throw notFound('AI system');
  return found;
}

export async function createAiSystemInTx(
  tx: Tx,
  audit: Parameters<Parameters<typeof inTransaction>[1]>[1],
  actor: Actor,
  orgId: string,
  input: TAiSystemFields,
  row?: number,
) {
  await assertOwnerIsMember(tx, orgId, input.ownerId, row);
  const now = nowIso();
  const id = newId();
  await insertAiSystem(tx, {
    id,
    orgId,
    ...toColumns(input),
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
  const created = (await findAiSystem(tx, orgId, id))!;
  await audit({
    orgId,
    actor,
    action: 'ai_system.created',
    entityType: ENTITY,
    entityId: id,
    after: snapshot(created),
  });
  return created;
}

export function createAiSystem(deps: Deps, actor: Actor, orgId: string, input: TAiSystemFields): Promise<TAiSystem> {
  return inTransaction(deps, (tx, audit) => createAiSystemInTx(tx, audit, actor, orgId, input));
}

export const MAX_BULK_ITEMS = 1000;

/** All or nothing: one bad item rejects the whole batch, so an import never half-applies. */
export async function createAiSystems(
  deps: Deps,
  actor: Actor,
  orgId: string,
  items: TAiSystemFields[],
): Promise<TAiSystem[]> {
  if (items.length > MAX_BULK_ITEMS)
    throw new AppError('VALIDATION', `Send at most ${MAX_BULK_ITEMS} AI systems at once`);
  return inTransaction(deps, async (tx, audit) => {
    const created: TAiSystem[] = [];
    for (const [i, item] of items.entries()) created.push(await createAiSystemInTx(tx, audit, actor, orgId, item, i));
    return created;
  });
}

export function updateAiSystemFields(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  patch: TUpdateAiSystem,
): Promise<TAiSystem> {
  return inTransaction(deps, async (tx, audit) => {
    const before = await findAiSystem(tx, orgId, id);
    if (!before) throw notFound('AI system');
    if (before.version !== patch.version) throw staleVersion('AI system', before);
    const { version, ...changes } = patch;
    const merged = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
    if (changes.ownerId !== undefined && changes.ownerId !== before.ownerId)
      await assertOwnerIsMember(tx, orgId, merged.ownerId);
    await updateAiSystem(
      tx,
      orgId,
      id,
      version,
      { ...toColumns(merged), updatedAt: nowIso(), updatedBy: actor.userId },
      () => staleVersion('AI system', before),
    );
    const after = (await findAiSystem(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'ai_system.updated',
      entityType: ENTITY,
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

/** Replaces every field of `before` with `fields` inside a caller's transaction (the import); the version it read must still hold. */
export async function updateAiSystemInTx(
  tx: Tx,
  audit: Parameters<Parameters<typeof inTransaction>[1]>[1],
  actor: Actor,
  orgId: string,
  before: TAiSystem,
  fields: TAiSystemFields,
  row?: number,
): Promise<TAiSystem> {
  if (fields.ownerId !== before.ownerId) await assertOwnerIsMember(tx, orgId, fields.ownerId, row);
  await updateAiSystem(
    tx,
    orgId,
    before.id,
    before.version,
    { ...toColumns(fields), updatedAt: nowIso(), updatedBy: actor.userId },
    () => staleVersion('AI system', before),
  );
  const after = (await findAiSystem(tx, orgId, before.id))!;
  await audit({
    orgId,
    actor,
    action: 'ai_system.updated',
    entityType: ENTITY,
    entityId: before.id,
    before: snapshot(before),
    after: snapshot(after),
  });
  return after;
}

export function removeAiSystem(deps: Deps, actor: Actor, orgId: string, id: string): Promise<void> {
  return inTransaction(deps, async (tx, audit) => {
    const before = await findAiSystem(tx, orgId, id);
    if (!before) throw notFound('AI system');
    await deleteAiSystem(tx, orgId, id);
    // The record is gone from the register, but its last state stays in the audit trail.
    await audit({
      orgId,
      actor,
      action: 'ai_system.deleted',
      entityType: ENTITY,
      entityId: id,
      before: snapshot(before),
    });
  });
}

export async function aiSystemHistory(
  deps: Deps,
  orgId: string,
  id: string,
  page: { limit: number; cursor?: string | undefined },
) {
  return listAuditEvents(deps, orgId, { entityType: ENTITY, entityId: id }, page);
}
