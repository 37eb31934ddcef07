import { grantableRoles, type Role } from '@fortytwo/domain';
import type { Tx } from '../../platform/db/connect';
import { forbidden, notFound, ruleViolation, staleVersion } from '../../platform/errors';
import type { Actor } from '../../platform/audit';
import { nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import type { Membership } from '../../platform/http/access';

type MemberRow = { userId: string; email: string; name: string; role: string; expiresAt: string | null; createdAt: string; version: number };

const present = (m: MemberRow) => ({
  user: { id: m.userId, email: m.email, name: m.name },
  role: m.role as Role,
  expiresAt: m.expiresAt,
  expired: m.expiresAt !== null && m.expiresAt <= nowIso(),
  joinedAt: m.createdAt,
  version: m.version,
});
const audited = (m: MemberRow) => ({ userId: m.userId, role: m.role, expiresAt: m.expiresAt });

function membersQuery(db: Deps['db'] | Tx, orgId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(['memberships.userId', 'users.email', 'users.name', 'memberships.role', 'memberships.expiresAt', 'memberships.createdAt', 'memberships.version'])
    .where('memberships.orgId', '=', orgId);
}

export async function listMembers(deps: Deps, orgId: string) {
  const rows = await membersQuery(deps.db, orgId).orderBy('users.name').orderBy('users.id').execute();
  return rows.map(present);
}

/** True when userId is a current member of the organization (used to validate owners of records). */
export async function isActiveMember(db: Deps['db'] | Tx, orgId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('memberships').select('expiresAt').where('orgId', '=', orgId).where('userId', '=', userId).executeTakeFirst();
  return !!row && (row.expiresAt === null || row.expiresAt > nowIso());
}

async function ownerCount(tx: Tx, orgId: string): Promise<number> {
  const r = await tx
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('orgId', '=', orgId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function changeMember(
  deps: Deps,
  actor: Actor,
  caller: Membership,
  userId: string,
  input: { version: number; role?: Role | undefined; expiresAt?: string | null | undefined },
) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await membersQuery(tx, caller.orgId).where('memberships.userId', '=', userId).executeTakeFirst();
    if (!before) throw notFound('Member');
    const role = input.role ?? (before.role as Role);
    const allowed = grantableRoles(caller.role);
    if ((input.role && !allowed.includes(input.role)) || !allowed.includes(before.role as Role)) {
      throw forbidden(`Your role cannot change a member ${before.role === 'owner' || input.role === 'owner' ? 'to or from owner' : 'this way'}`);
    }
    const expiresAt = input.expiresAt === undefined ? before.expiresAt : input.expiresAt === null ? null : new Date(input.expiresAt).toISOString();
    if (role === 'external_auditor' && !expiresAt) throw ruleViolation('An external auditor needs an access expiry date (expiresAt)');
    if (before.role === 'owner' && role !== 'owner' && (await ownerCount(tx, caller.orgId)) <= 1) {
      throw ruleViolation('This is the last owner. Make another member owner first.');
    }
    const after = { ...before, role, expiresAt, version: before.version + 1 };
    const res = await tx
      .updateTable('memberships')
      .set({ role, expiresAt, version: after.version, updatedAt: nowIso() })
      .where('orgId', '=', caller.orgId)
      .where('userId', '=', userId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw staleVersion('membership', present(before));
    await audit({ orgId: caller.orgId, actor, action: 'membership.updated', entityType: 'membership', entityId: userId, before: audited(before), after: audited(after) });
    return present(after);
  });
}

export async function removeMember(deps: Deps, actor: Actor, caller: Membership, userId: string) {
  await inTransaction(deps, async (tx, audit) => {
    const before = await membersQuery(tx, caller.orgId).where('memberships.userId', '=', userId).executeTakeFirst();
    if (!before) throw notFound('Member');
    if (!grantableRoles(caller.role).includes(before.role as Role)) throw forbidden('Only an owner can remove an owner');
    if (before.role === 'owner' && (await ownerCount(tx, caller.orgId)) <= 1) throw ruleViolation('This is the last owner. Make another member owner first.');
    await tx.deleteFrom('memberships').where('orgId', '=', caller.orgId).where('userId', '=', userId).execute();
    await audit({ orgId: caller.orgId, actor, action: 'membership.removed', entityType: 'membership', entityId: userId, before: audited(before) });
  });
}
