import type { z } from 'zod';
import type { ZCompetenceFields, ZUpdateCompetence } from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { writeOne } from '../../platform/db/versioned';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import type { CompetenceOut } from './schema';

// Competences (7.2 a): what people doing AI work need, and for which AI roles and RACI
// responsibilities. Names are unique in an organization; creations and renames take turns.

export const COMPETENCE = 'competence';

export async function listCompetences(db: Db | Tx, orgId: string): Promise<CompetenceOut[]> {
  const [rows, activities, actions] = await Promise.all([
    db.selectFrom('competences').selectAll().where('orgId', '=', orgId).orderBy('name').execute(),
    db.selectFrom('raciActivities').select(['id', 'name']).where('orgId', '=', orgId).execute(),
    db
      .selectFrom('developmentActions')
      .select(['id', 'title', 'competenceIds'])
      .where('orgId', '=', orgId)
      .orderBy('title')
      .execute(),
  ]);
  const names = new Map(activities.map((a) => [a.id, a.name]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    aiRoles: JSON.parse(r.aiRoles) as string[],
    // An activity deleted from the RACI since no longer asks anything.
    raciActivities: (JSON.parse(r.raciActivityIds) as string[])
      .filter((id) => names.has(id))
      .map((id) => ({ id, name: names.get(id)! })),
    givenBy: actions
      .filter((a) => (JSON.parse(a.competenceIds) as string[]).includes(r.id))
      .map((a) => ({ id: a.id, title: a.title })),
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

const findCompetence = async (db: Db | Tx, orgId: string, id: string) =>
  (await listCompetences(db, orgId)).find((c) => c.id === id) ?? null;

async function checkFields(tx: Tx, orgId: string, v: { name?: string; raciActivityIds?: string[] }, exceptId?: string) {
  if (v.name !== undefined) {
    let q = tx.selectFrom('competences').select('id').where('orgId', '=', orgId).where('name', '=', v.name);
    if (exceptId) q = q.where('id', '!=', exceptId);
    if (await q.executeTakeFirst())
      throw ruleViolation(`There is already a competence called "${v.name}"`, { field: 'name' });
  }
  if (v.raciActivityIds?.length) {
    const found = await tx
      .selectFrom('raciActivities')
      .select('id')
      .where('orgId', '=', orgId)
      .where('id', 'in', v.raciActivityIds)
      .execute();
    if (found.length !== new Set(v.raciActivityIds).size)
      throw ruleViolation("RACI responsibilities: each must be an activity of this organization's RACI", {
        field: 'raciActivityIds',
      });
  }
}

export function createCompetence(deps: Deps, actor: Actor, orgId: string, input: z.output<typeof ZCompetenceFields>) {
  return inTransaction(
    deps,
    async (tx, audit) => {
      await checkFields(tx, orgId, input);
      const id = newId();
      const now = nowIso();
      await tx
        .insertInto('competences')
        .values({
          id,
          orgId,
          name: input.name,
          description: input.description,
          aiRoles: JSON.stringify([...new Set(input.aiRoles)]),
          raciActivityIds: JSON.stringify([...new Set(input.raciActivityIds)]),
          version: 1,
          createdAt: now,
          updatedAt: now,
          updatedBy: actor.userId,
        })
        .execute();
      const created = (await findCompetence(tx, orgId, id))!;
      await audit({ orgId, actor, action: 'competence.created', entityType: COMPETENCE, entityId: id, after: created });
      return created;
    },
    { lock: `competence-names:${orgId}` },
  );
}

export function updateCompetence(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  patch: z.output<typeof ZUpdateCompetence>,
) {
  return inTransaction(
    deps,
    async (tx, audit) => {
      const before = await findCompetence(tx, orgId, id);
      if (!before) throw notFound('Competence');
      if (before.version !== patch.version) throw staleVersion('competence', before);
      await checkFields(tx, orgId, patch, id);
      const set: Record<string, string> = {};
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.description !== undefined) set.description = patch.description;
      if (patch.aiRoles !== undefined) set.aiRoles = JSON.stringify([...new Set(patch.aiRoles)]);
      if (patch.raciActivityIds !== undefined)
        set.raciActivityIds = JSON.stringify([...new Set(patch.raciActivityIds)]);
      await writeOne(
        tx
          .updateTable('competences')
          .set({ ...set, version: patch.version + 1, updatedAt: nowIso(), updatedBy: actor.userId })
          .where('orgId', '=', orgId)
          .where('id', '=', id)
          .where('version', '=', patch.version),
        () => staleVersion('competence', before),
      );
      const after = (await findCompetence(tx, orgId, id))!;
      await audit({ orgId, actor, action: 'competence.updated', entityType: COMPETENCE, entityId: id, before, after });
      return after;
    },
    { lock: `competence-names:${orgId}` },
  );
}

/** A competence an action still gives stays: the completions of that action would lose their meaning. */
export function removeCompetence(deps: Deps, actor: Actor, orgId: string, id: string) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await findCompetence(tx, orgId, id);
    if (!before) throw notFound('Competence');
    if (before.givenBy.length)
      throw ruleViolation(
        `"${before.name}" is given by ${before.givenBy.map((a) => a.title).join(', ')}: remove it from those actions first`,
      );
    await writeOne(tx.deleteFrom('competences').where('orgId', '=', orgId).where('id', '=', id), () =>
      notFound('Competence'),
    );
    await audit({ orgId, actor, action: 'competence.deleted', entityType: COMPETENCE, entityId: id, before });
  });
}
