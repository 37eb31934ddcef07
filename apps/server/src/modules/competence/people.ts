import type { z } from 'zod';
import type { PersonKind, RaciAssignment, Role, ZPersonFields, ZUpdatePerson } from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import type { PersonTable } from '../../platform/db/schema';
import { writeOne } from '../../platform/db/versioned';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import type { PersonOut } from './schema';

// People (7.2): one register for members and people without an account (contractors, partners'
// staff). A member's person id is their user id, so their record needs no copying when they join;
// a row is written for them only when someone records their AI roles. External auditors are
// visitors, not people of the organization.

export const PERSON = 'person';

type Member = { userId: string; name: string; email: string; role: string; expiresAt: string | null };

async function currentMembers(db: Db | Tx, orgId: string): Promise<Member[]> {
  const now = nowIso();
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(['users.id as userId', 'users.name', 'users.email', 'memberships.role', 'memberships.expiresAt'])
    .where('memberships.orgId', '=', orgId)
    .where('memberships.role', '!=', 'external_auditor')
    .execute();
  return rows.filter((m) => m.expiresAt === null || m.expiresAt > now);
}

type Activity = { id: string; name: string; assignments: RaciAssignment[] };
async function raciActivities(db: Db | Tx, orgId: string): Promise<Activity[]> {
  const rows = await db
    .selectFrom('raciActivities')
    .select(['id', 'name', 'assignments'])
    .where('orgId', '=', orgId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, assignments: JSON.parse(r.assignments) as RaciAssignment[] }));
}

/** Where a member (by name or by their organization role) is Responsible or Accountable. */
function responsibilities(activities: Activity[], userId: string | null, role: string | null) {
  if (!userId) return [];
  return activities.flatMap((a) => {
    const mine = a.assignments.filter(
      (x) =>
        (x.letter === 'R' || x.letter === 'A') &&
        ('userId' in x.assignee ? x.assignee.userId === userId : x.assignee.role === role),
    );
    const letter = mine.some((x) => x.letter === 'A') ? ('A' as const) : mine.length ? ('R' as const) : null;
    return letter ? [{ id: a.id, name: a.name, letter }] : [];
  });
}

function present(
  row: PersonTable | undefined,
  member: Member | undefined,
  activities: Activity[],
  fallback?: PersonTable,
): PersonOut {
  const r = row ?? fallback!;
  return {
    id: member?.userId ?? r.id,
    userId: member?.userId ?? r.userId,
    member: !!member,
    memberRole: (member?.role as Role | undefined) ?? null,
    name: member?.name ?? r.name,
    email: member?.email ?? r.email,
    organization: row?.organization ?? '',
    kind: (row?.kind as PersonKind | undefined) ?? 'internal',
    aiRoles: row ? (JSON.parse(row.aiRoles) as string[]) : [],
    raciResponsibilities: member ? responsibilities(activities, member.userId, member.role) : [],
    // A member is active while their membership lasts; a former member's row stays for the records.
    active: member ? (row ? row.active === 1 : true) : r.userId ? false : r.active === 1,
    version: row?.version ?? 0,
  };
}

/** Every person: current members (by name), then people without an account and former members. */
export async function listPeople(db: Db | Tx, orgId: string): Promise<PersonOut[]> {
  const [members, rows, activities] = await Promise.all([
    currentMembers(db, orgId),
    db.selectFrom('people').selectAll().where('orgId', '=', orgId).execute(),
    raciActivities(db, orgId),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const memberIds = new Set(members.map((m) => m.userId));
  const people = [
    ...members.map((m) => present(byId.get(m.userId), m, activities)),
    ...rows.filter((r) => !memberIds.has(r.id)).map((r) => present(r, undefined, activities)),
  ];
  return people.sort((a, b) => Number(b.member) - Number(a.member) || a.name.localeCompare(b.name));
}

export async function findPerson(db: Db | Tx, orgId: string, id: string): Promise<PersonOut | null> {
  return (await listPeople(db, orgId)).find((p) => p.id === id) ?? null;
}

export function createPerson(deps: Deps, actor: Actor, orgId: string, input: z.output<typeof ZPersonFields>) {
  return inTransaction(deps, async (tx, audit) => {
    const id = newId();
    const now = nowIso();
    await tx
      .insertInto('people')
      .values({
        orgId,
        id,
        userId: null,
        name: input.name,
        email: input.email,
        organization: input.organization,
        kind: input.kind,
        aiRoles: JSON.stringify(input.aiRoles),
        active: 1,
        version: 1,
        createdAt: now,
        updatedAt: now,
        updatedBy: actor.userId,
      })
      .execute();
    const created = (await findPerson(tx, orgId, id))!;
    await audit({ orgId, actor, action: 'person.created', entityType: PERSON, entityId: id, after: created });
    return created;
  });
}

export function updatePerson(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  patch: z.output<typeof ZUpdatePerson>,
) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await findPerson(tx, orgId, id);
    if (!before) throw notFound('Person');
    if (before.version !== patch.version) throw staleVersion('person', before);
    if (
      before.userId &&
      ((patch.name !== undefined && patch.name !== before.name) ||
        (patch.email !== undefined && patch.email !== before.email))
    )
      throw ruleViolation("A member's name and email come from their account: they change them under Account", {
        field: patch.name !== undefined ? 'name' : 'email',
      });
    const now = nowIso();
    const values = {
      name: before.userId ? before.name : (patch.name ?? before.name),
      email: before.userId ? before.email : (patch.email ?? before.email),
      organization: patch.organization ?? before.organization,
      kind: patch.kind ?? before.kind,
      aiRoles: JSON.stringify(patch.aiRoles ?? before.aiRoles),
      active: (patch.active ?? before.active) ? 1 : 0,
      version: before.version + 1,
      updatedAt: now,
      updatedBy: actor.userId,
    };
    if (before.version === 0)
      // A member's first edit writes their row; a concurrent first edit finds it there and is refused.
      await writeOne(
        tx
          .insertInto('people')
          .values({ orgId, id, userId: before.userId, createdAt: now, ...values })
          .onConflict((oc) => oc.columns(['orgId', 'id']).doNothing()),
        () => staleVersion('person', before),
      );
    else
      await writeOne(
        tx
          .updateTable('people')
          .set(values)
          .where('orgId', '=', orgId)
          .where('id', '=', id)
          .where('version', '=', patch.version),
        () => staleVersion('person', before),
      );
    const after = (await findPerson(tx, orgId, id))!;
    await audit({ orgId, actor, action: 'person.updated', entityType: PERSON, entityId: id, before, after });
    return after;
  });
}

/** Only a person recorded by mistake goes: one with training records is marked as left instead. */
export function removePerson(deps: Deps, actor: Actor, orgId: string, id: string) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await findPerson(tx, orgId, id);
    if (!before) throw notFound('Person');
    if (before.userId)
      throw ruleViolation(
        'Members are people for as long as they are members: remove them under Members, or mark them as no longer active here',
      );
    if (
      await tx
        .selectFrom('trainingAssignments')
        .select('id')
        .where('orgId', '=', orgId)
        .where('personId', '=', id)
        .executeTakeFirst()
    )
      throw ruleViolation(`${before.name} has training records, which are kept: mark them as no longer active instead`);
    await writeOne(tx.deleteFrom('people').where('orgId', '=', orgId).where('id', '=', id), () => notFound('Person'));
    await audit({ orgId, actor, action: 'person.deleted', entityType: PERSON, entityId: id, before });
  });
}
