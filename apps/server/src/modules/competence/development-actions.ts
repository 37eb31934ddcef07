import type { z } from 'zod';
import type { DevelopmentActionKind, ZDevelopmentActionFields, ZUpdateDevelopmentAction } from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { writeOne } from '../../platform/db/versioned';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import type { DevelopmentActionOut } from './schema';

// Development actions (7.2 c): courses and trainings, and the other ways to gain a competence
// (mentoring, hiring, reassignment). Each says which competences it gives and for how long.

export const DEVELOPMENT_ACTION = 'development_action';

export async function listDevelopmentActions(db: Db | Tx, orgId: string): Promise<DevelopmentActionOut[]> {
  const [rows, competences, open] = await Promise.all([
    db.selectFrom('developmentActions').selectAll().where('orgId', '=', orgId).orderBy('title').execute(),
    db.selectFrom('competences').select(['id', 'name']).where('orgId', '=', orgId).execute(),
    db
      .selectFrom('trainingAssignments')
      .select(['actionId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('orgId', '=', orgId)
      .where('status', '=', 'open')
      .groupBy('actionId')
      .execute(),
  ]);
  const names = new Map(competences.map((c) => [c.id, c.name]));
  const counts = new Map(open.map((o) => [o.actionId, Number(o.n)]));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind as DevelopmentActionKind,
    description: r.description,
    provider: r.provider,
    competences: (JSON.parse(r.competenceIds) as string[])
      .filter((id) => names.has(id))
      .map((id) => ({ id, name: names.get(id)! })),
    validityMonths: r.validityMonths,
    openAssignments: counts.get(r.id) ?? 0,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

export const findDevelopmentAction = async (db: Db | Tx, orgId: string, id: string) =>
  (await listDevelopmentActions(db, orgId)).find((a) => a.id === id) ?? null;

async function checkCompetences(tx: Tx, orgId: string, ids: string[] | undefined) {
  if (!ids?.length) return;
  const found = await tx
    .selectFrom('competences')
    .select('id')
    .where('orgId', '=', orgId)
    .where('id', 'in', ids)
    .execute();
  if (found.length !== new Set(ids).size)
    throw ruleViolation('Competences given: each must be a competence of this organization', {
      field: 'competenceIds',
    });
}

export function createDevelopmentAction(
  deps: Deps,
  actor: Actor,
  orgId: string,
  input: z.output<typeof ZDevelopmentActionFields>,
) {
  return inTransaction(deps, async (tx, audit) => {
    await checkCompetences(tx, orgId, input.competenceIds);
    const id = newId();
    const now = nowIso();
    await tx
      .insertInto('developmentActions')
      .values({
        id,
        orgId,
        title: input.title,
        kind: input.kind,
        description: input.description,
        provider: input.provider,
        competenceIds: JSON.stringify([...new Set(input.competenceIds)]),
        validityMonths: input.validityMonths,
        version: 1,
        createdAt: now,
        updatedAt: now,
        updatedBy: actor.userId,
      })
      .execute();
    const created = (await findDevelopmentAction(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'development_action.created',
      entityType: DEVELOPMENT_ACTION,
      entityId: id,
      after: created,
    });
    return created;
  });
}

export function updateDevelopmentAction(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  patch: z.output<typeof ZUpdateDevelopmentAction>,
) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await findDevelopmentAction(tx, orgId, id);
    if (!before) throw notFound('Development action');
    if (before.version !== patch.version) throw staleVersion('development action', before);
    await checkCompetences(tx, orgId, patch.competenceIds);
    const { version, competenceIds, ...rest } = patch;
    const set = {
      ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
      ...(competenceIds ? { competenceIds: JSON.stringify([...new Set(competenceIds)]) } : {}),
    };
    // A new validity applies to completions recorded from now on: a certificate's expiry is fixed when it is recorded.
    await writeOne(
      tx
        .updateTable('developmentActions')
        .set({ ...set, version: version + 1, updatedAt: nowIso(), updatedBy: actor.userId })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', version),
      () => staleVersion('development action', before),
    );
    const after = (await findDevelopmentAction(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'development_action.updated',
      entityType: DEVELOPMENT_ACTION,
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export function removeDevelopmentAction(deps: Deps, actor: Actor, orgId: string, id: string) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await findDevelopmentAction(tx, orgId, id);
    if (!before) throw notFound('Development action');
    if (
      await tx
        .selectFrom('trainingAssignments')
        .select('id')
        .where('orgId', '=', orgId)
        .where('actionId', '=', id)
        .executeTakeFirst()
    )
      throw ruleViolation(
        `"${before.title}" has been assigned: its training records are kept, so it cannot be deleted`,
      );
    await writeOne(tx.deleteFrom('developmentActions').where('orgId', '=', orgId).where('id', '=', id), () =>
      notFound('Development action'),
    );
    await audit({
      orgId,
      actor,
      action: 'development_action.deleted',
      entityType: DEVELOPMENT_ACTION,
      entityId: id,
      before,
    });
  });
}
