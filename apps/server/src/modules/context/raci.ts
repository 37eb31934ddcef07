import { z } from 'zod';
import {
  NEW_ORGANIZATION_RACI,
  RACI_LETTERS,
  RACI_PROBLEM_MESSAGES,
  raciProblems,
  ROLES,
  type RaciAssignment,
  type ZRaciActivityFields,
  type ZUpdateRaciActivity,
} from '@fortytwo/domain';
import { SYSTEM_ACTOR, type Actor, type AuditInput } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import type { RaciActivityTable } from '../../platform/db/schema';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { isActiveMember } from '../orgs/members';
import { writeOne } from '../../platform/db/versioned';

// The RACI of AIMS activities: who is responsible, accountable, consulted and informed for each.

export const ZRaciActivityOut = z.object({
  id: z.string(),
  position: z.number(),
  name: z.string(),
  description: z.string(),
  assignments: z.array(
    z.object({
      assignee: z.union([
        z.object({ userId: z.string(), name: z.string().nullable() }),
        z.object({ role: z.string() }),
      ]),
      letter: z.enum(RACI_LETTERS),
    }),
  ),
  problems: z.array(z.object({ code: z.string(), message: z.string() })),
  version: z.number(),
});
export type RaciActivityOut = z.infer<typeof ZRaciActivityOut>;

function presentActivity(r: RaciActivityTable, names: Map<string, string>): RaciActivityOut {
  const assignments = JSON.parse(r.assignments) as RaciAssignment[];
  return {
    id: r.id,
    position: r.position,
    name: r.name,
    description: r.description,
    assignments: assignments.map((a) => ({
      letter: a.letter,
      assignee:
        'userId' in a.assignee
          ? { userId: a.assignee.userId, name: names.get(a.assignee.userId) ?? null }
          : { role: a.assignee.role },
    })),
    problems: raciProblems(assignments).map((code) => ({ code, message: RACI_PROBLEM_MESSAGES[code] })),
    version: r.version,
  };
}

async function memberNames(db: Db | Tx, orgId: string) {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(['users.id', 'users.name'])
    .where('memberships.orgId', '=', orgId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The RACI, as stored: reading never writes (a new organization's activities are seeded at its creation). */
export async function listRaci(deps: Deps, orgId: string): Promise<RaciActivityOut[]> {
  const [rows, names] = await Promise.all([
    deps.db.selectFrom('raciActivities').selectAll().where('orgId', '=', orgId).orderBy('position').execute(),
    memberNames(deps.db, orgId),
  ]);
  return rows.map((r) => presentActivity(r, names));
}

/** A new organization starts its RACI with the usual AIMS activities, all unassigned, in the transaction that creates it. */
export async function seedDefaultRaci(tx: Tx, audit: (e: AuditInput) => Promise<void>, orgId: string) {
  const now = nowIso();
  const seeded = NEW_ORGANIZATION_RACI.map((a, position) => ({
    id: newId(),
    orgId,
    position,
    name: a.name,
    description: a.description,
    assignments: '[]',
    version: 1,
    createdAt: now,
    updatedAt: now,
    updatedBy: null,
  }));
  await tx.insertInto('raciActivities').values(seeded).execute();
  await audit({
    orgId,
    actor: SYSTEM_ACTOR,
    action: 'raci.seeded',
    entityType: 'raci_activity',
    entityId: orgId,
    after: { activities: seeded.map((s) => s.name) },
  });
}

async function checkAssignments(tx: Tx, orgId: string, assignments: RaciAssignment[]) {
  for (const a of assignments) {
    if ('userId' in a.assignee && !(await isActiveMember(tx, orgId, a.assignee.userId)))
      throw ruleViolation('Each person in the RACI must be a current member of this organization', {
        field: 'assignments',
      });
    if ('role' in a.assignee && !(ROLES as readonly string[]).includes(a.assignee.role))
      throw ruleViolation(`"${a.assignee.role}" is not a role; use one of: ${ROLES.join(', ')}`, {
        field: 'assignments',
      });
  }
}

const findActivity = async (db: Db | Tx, orgId: string, id: string) =>
  db.selectFrom('raciActivities').selectAll().where('orgId', '=', orgId).where('id', '=', id).executeTakeFirst();

/** Names are unique per organization: creations and renames take turns (`raci:` lock) so the check sees the other's name. */
async function nameTaken(tx: Tx, orgId: string, name: string, exceptId?: string) {
  let q = tx.selectFrom('raciActivities').select('id').where('orgId', '=', orgId).where('name', '=', name);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst())
    throw ruleViolation(`There is already an activity called "${name}"`, { field: 'name' });
}

export function createRaciActivity(
  deps: Deps,
  actor: Actor,
  orgId: string,
  input: z.output<typeof ZRaciActivityFields>,
) {
  return inTransaction(
    deps,
    async (tx, audit) => {
      await checkAssignments(tx, orgId, input.assignments);
      await nameTaken(tx, orgId, input.name);
      const last = await tx
        .selectFrom('raciActivities')
        .select('position')
        .where('orgId', '=', orgId)
        .orderBy('position', 'desc')
        .executeTakeFirst();
      const now = nowIso();
      const id = newId();
      await tx
        .insertInto('raciActivities')
        .values({
          id,
          orgId,
          position: (last?.position ?? -1) + 1,
          name: input.name,
          description: input.description,
          assignments: JSON.stringify(input.assignments),
          version: 1,
          createdAt: now,
          updatedAt: now,
          updatedBy: actor.userId,
        })
        .execute();
      const created = presentActivity((await findActivity(tx, orgId, id))!, await memberNames(tx, orgId));
      await audit({
        orgId,
        actor,
        action: 'raci_activity.created',
        entityType: 'raci_activity',
        entityId: id,
        after: created,
      });
      return created;
    },
    { lock: `raci:${orgId}` },
  );
}

export function updateRaciActivity(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  patch: z.output<typeof ZUpdateRaciActivity>,
) {
  return inTransaction(
    deps,
    async (tx, audit) => {
      const row = await findActivity(tx, orgId, id);
      if (!row) throw notFound('Activity');
      const names = await memberNames(tx, orgId);
      const before = presentActivity(row, names);
      if (row.version !== patch.version) throw staleVersion('activity', before);
      if (patch.assignments) await checkAssignments(tx, orgId, patch.assignments);
      if (patch.name) await nameTaken(tx, orgId, patch.name, id);
      const set: Record<string, unknown> = {};
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.description !== undefined) set.description = patch.description;
      if (patch.assignments !== undefined) set.assignments = JSON.stringify(patch.assignments);
      await writeOne(
        tx
          .updateTable('raciActivities')
          .set({ ...set, version: row.version + 1, updatedAt: nowIso(), updatedBy: actor.userId })
          .where('id', '=', id)
          .where('version', '=', patch.version),
        () => staleVersion('activity', before),
      );
      const after = presentActivity((await findActivity(tx, orgId, id))!, names);
      await audit({
        orgId,
        actor,
        action: 'raci_activity.updated',
        entityType: 'raci_activity',
        entityId: id,
        before,
        after,
      });
      return after;
    },
    { lock: `raci:${orgId}` },
  );
}

export function removeRaciActivity(deps: Deps, actor: Actor, orgId: string, id: string) {
  return inTransaction(deps, async (tx, audit) => {
    const row = await findActivity(tx, orgId, id);
    if (!row) throw notFound('Activity');
    await writeOne(tx.deleteFrom('raciActivities').where('orgId', '=', orgId).where('id', '=', id), () =>
      notFound('Activity'),
    );
    await audit({
      orgId,
      actor,
      action: 'raci_activity.deleted',
      entityType: 'raci_activity',
      entityId: id,
      before: presentActivity(row, await memberNames(tx, orgId)),
    });
  });
}
