import { grantableRoles, type MemberAffiliation, type Role } from '@fortytwo/domain';
import type { Tx } from '../../platform/db/connect';
import { forbidden, notFound, ruleViolation, staleVersion } from '../../platform/errors';
import type { Actor } from '../../platform/audit';
import { nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import type { Membership } from '../../platform/http/access';
import { writeOne } from '../../platform/db/versioned';

type MemberRow = {
  userId: string;
  email: string;
  name: string;
  role: string;
  expiresAt: string | null;
  createdAt: string;
  version: number;
  affiliation: string;
  topManagement: number;
};

const present = (m: MemberRow) => ({
  user: { id: m.userId, email: m.email, name: m.name },
  role: m.role as Role,
  expiresAt: m.expiresAt,
  expired: m.expiresAt !== null && m.expiresAt <= nowIso(),
  joinedAt: m.createdAt,
  affiliation: m.affiliation as MemberAffiliation,
  topManagement: Number(m.topManagement) === 1,
  version: m.version,
});
const audited = (m: MemberRow) => ({
  userId: m.userId,
  role: m.role,
  expiresAt: m.expiresAt,
  affiliation: m.affiliation,
  topManagement: Number(m.topManagement) === 1,
});

function membersQuery(db: Deps['db'] | Tx, orgId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select([
      'memberships.userId',
      'users.email',
      'users.name',
      'memberships.role',
      'memberships.expiresAt',
      'memberships.createdAt',
      'memberships.version',
      'memberships.affiliation',
      'memberships.topManagement',
    ])
    .where('memberships.orgId', '=', orgId);
}

export async function listMembers(deps: Deps, orgId: string) {
  const rows = await membersQuery(deps.db, orgId).orderBy('users.name').orderBy('users.id').execute();
  return rows.map(present);
}

/** True when userId is a current member of the organization (used to validate owners of records). */
export async function isActiveMember(db: Deps['db'] | Tx, orgId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .select('expiresAt')
    .where('orgId', '=', orgId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  return !!row && (row.expiresAt === null || row.expiresAt > nowIso());
}

type Standing = { role: string; expiresAt: string | null } | null;

/**
 * The organization must always keep an owner whose access does not lapse, or nobody can run it
 * (an owner who set their own access to end would lock everyone out). `after` null = removed.
 */
async function lastOwnerProblem(tx: Tx, orgId: string, before: Standing & {}, after: Standing): Promise<string | null> {
  if (before.role !== 'owner') return null;
  const owners = await tx
    .selectFrom('memberships')
    .select('expiresAt')
    .where('orgId', '=', orgId)
    .where('role', '=', 'owner')
    .execute();
  const lasting = owners.filter((o) => o.expiresAt === null).length;
  const staysOwner = after?.role === 'owner';
  if (!staysOwner && owners.length <= 1) return 'This is the last owner. Make another member owner first.';
  if (before.expiresAt === null && !(staysOwner && after.expiresAt === null) && lasting <= 1)
    return 'This is the last owner whose access does not end. Make another member owner (without an end date) first.';
  return null;
}

/** Changes to who belongs and with which role take turns per organization, on every instance. */
const membersLock = (orgId: string) => `members:${orgId}`;

/**
 * The caller's membership as it stands now, inside the lock: the access check ran before another
 * change may have removed or demoted the caller (two owners removing each other at once).
 */
async function callerNow(tx: Tx, actor: Actor, caller: Membership): Promise<Role> {
  const row = actor.userId
    ? await tx
        .selectFrom('memberships')
        .select(['role', 'expiresAt'])
        .where('orgId', '=', caller.orgId)
        .where('userId', '=', actor.userId)
        .executeTakeFirst()
    : undefined;
  if (!row || (row.expiresAt !== null && row.expiresAt <= nowIso())) throw notFound('Organization');
  return row.role as Role;
}

export async function changeMember(
  deps: Deps,
  actor: Actor,
  caller: Membership,
  userId: string,
  input: {
    version: number;
    role?: Role | undefined;
    expiresAt?: string | null | undefined;
    affiliation?: MemberAffiliation | undefined;
    topManagement?: boolean | undefined;
  },
) {
  return inTransaction(
    deps,
    async (tx, audit) => {
      const callerRole = await callerNow(tx, actor, caller);
      const before = await membersQuery(tx, caller.orgId).where('memberships.userId', '=', userId).executeTakeFirst();
      if (!before) throw notFound('Member');
      const role = input.role ?? (before.role as Role);
      const allowed = grantableRoles(callerRole);
      if ((input.role && !allowed.includes(input.role)) || !allowed.includes(before.role as Role)) {
        throw forbidden(
          `Your role cannot change a member ${before.role === 'owner' || input.role === 'owner' ? 'to or from owner' : 'this way'}`,
        );
      }
      const expiresAt =
        input.expiresAt === undefined
          ? before.expiresAt
          : input.expiresAt === null
            ? null
            : new Date(input.expiresAt).toISOString();
      if (role === 'external_auditor' && !expiresAt)
        throw ruleViolation('Access ends on: an external auditor needs the day their access ends.', {
          field: 'expiresAt',
        });
      if (expiresAt !== null && expiresAt !== before.expiresAt && expiresAt <= nowIso()) {
        throw ruleViolation('Access ends on: choose today or a later day. To end access now, remove the member.', {
          field: 'expiresAt',
        });
      }
      const problem = await lastOwnerProblem(tx, caller.orgId, before, { role, expiresAt });
      if (problem) throw ruleViolation(problem);
      const affiliation = input.affiliation ?? before.affiliation;
      const topManagement =
        input.topManagement === undefined ? Number(before.topManagement) : input.topManagement ? 1 : 0;
      const after = { ...before, role, expiresAt, affiliation, topManagement, version: before.version + 1 };
      await writeOne(
        tx
          .updateTable('memberships')
          .set({ role, expiresAt, affiliation, topManagement, version: after.version, updatedAt: nowIso() })
          .where('orgId', '=', caller.orgId)
          .where('userId', '=', userId)
          .where('version', '=', input.version),
        () => staleVersion('membership', present(before)),
      );
      await audit({
        orgId: caller.orgId,
        actor,
        action: 'membership.updated',
        entityType: 'membership',
        entityId: userId,
        before: audited(before),
        after: audited(after),
      });
      return present(after);
    },
    { lock: membersLock(caller.orgId) },
  );
}

export async function removeMember(deps: Deps, actor: Actor, caller: Membership, userId: string) {
  await inTransaction(
    deps,
    async (tx, audit) => {
      const callerRole = await callerNow(tx, actor, caller);
      const before = await membersQuery(tx, caller.orgId).where('memberships.userId', '=', userId).executeTakeFirst();
      if (!before) throw notFound('Member');
      if (!grantableRoles(callerRole).includes(before.role as Role))
        throw forbidden('Only an owner can remove an owner');
      const problem = await lastOwnerProblem(tx, caller.orgId, before, null);
      if (problem) throw ruleViolation(problem);
      await writeOne(tx.deleteFrom('memberships').where('orgId', '=', caller.orgId).where('userId', '=', userId), () =>
        notFound('Member'),
      );
      await audit({
        orgId: caller.orgId,
        actor,
        action: 'membership.removed',
        entityType: 'membership',
        entityId: userId,
        before: audited(before),
      });
    },
    { lock: membersLock(caller.orgId) },
  );
}
