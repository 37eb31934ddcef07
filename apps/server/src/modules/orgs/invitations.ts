import { grantableRoles, type Role } from '@fortytwo/domain';
import { AppError, forbidden, notFound, ruleViolation } from '../../platform/errors';
import type { Actor } from '../../platform/audit';
import type { AuthUser } from '../../platform/auth/authenticate';
import { hashPassword, sha256 } from '../../platform/auth/secrets';
import { newId, newSecret, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import type { Membership } from '../../platform/http/access';
import { presentUser } from '../identity/presenters';
import { assertPasswordAcceptable } from '../identity/passwords';
import { writeOne } from '../../platform/db/versioned';

export const INVITATION_VALID_DAYS = 14;

type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

type InvitationRow = {
  id: string;
  email: string;
  role: string;
  accessExpiresAt: string | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
};

function statusOf(i: InvitationRow): InvitationStatus {
  if (i.revokedAt) return 'revoked';
  if (i.acceptedAt) return 'accepted';
  return i.expiresAt <= nowIso() ? 'expired' : 'pending';
}

const present = (i: InvitationRow) => ({
  id: i.id,
  email: i.email,
  role: i.role as Role,
  accessExpiresAt: i.accessExpiresAt,
  createdAt: i.createdAt,
  expiresAt: i.expiresAt,
  status: statusOf(i),
});

export async function listInvitations(deps: Deps, orgId: string) {
  const rows = await deps.db
    .selectFrom('invitations')
    .selectAll()
    .where('orgId', '=', orgId)
    .orderBy('createdAt', 'desc')
    .limit(200)
    .execute();
  return rows.map(present);
}

/** The secret token is returned once; the link built from it is what the invitee opens. */
export async function inviteMember(
  deps: Deps,
  actor: Actor & { userId: string },
  caller: Membership,
  input: { email: string; role: Role; expiresAt?: string | null | undefined },
) {
  if (!grantableRoles(caller.role).includes(input.role))
    throw forbidden(`Your role cannot invite a member as ${input.role}`);
  const token = newSecret();
  return inTransaction(deps, async (tx, audit) => {
    const member = await tx
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.userId')
      .select('users.id')
      .where('memberships.orgId', '=', caller.orgId)
      .where('users.email', '=', input.email)
      .executeTakeFirst();
    if (member) throw new AppError('CONFLICT', `${input.email} is already a member of this organization`);
    const now = new Date();
    const row = {
      id: newId(),
      orgId: caller.orgId,
      email: input.email,
      role: input.role,
      accessExpiresAt: input.expiresAt ? new Date(input.expiresAt).toISOString() : null,
      tokenHash: sha256(token),
      invitedBy: actor.userId,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + INVITATION_VALID_DAYS * 86_400_000).toISOString(),
      acceptedAt: null,
      acceptedBy: null,
      revokedAt: null,
    };
    await tx.insertInto('invitations').values(row).execute();
    await audit({
      orgId: caller.orgId,
      actor,
      action: 'invitation.created',
      entityType: 'invitation',
      entityId: row.id,
      after: present(row),
    });
    return { ...present(row), token };
  });
}

export async function revokeInvitation(deps: Deps, actor: Actor, orgId: string, id: string) {
  await inTransaction(deps, async (tx, audit) => {
    const row = await tx
      .selectFrom('invitations')
      .selectAll()
      .where('id', '=', id)
      .where('orgId', '=', orgId)
      .executeTakeFirst();
    if (!row) throw notFound('Invitation');
    if (row.acceptedAt) throw ruleViolation('This invitation was already accepted; remove the member instead');
    if (row.revokedAt) return;
    const revokedAt = nowIso();
    await tx.updateTable('invitations').set({ revokedAt }).where('id', '=', id).execute();
    await audit({
      orgId,
      actor,
      action: 'invitation.revoked',
      entityType: 'invitation',
      entityId: id,
      before: present(row),
      after: present({ ...row, revokedAt }),
    });
  });
}

async function openInvitation(deps: Deps, token: string) {
  const row = await deps.db
    .selectFrom('invitations')
    .innerJoin('organizations', 'organizations.id', 'invitations.orgId')
    .selectAll('invitations')
    .select(['organizations.name as organizationName'])
    .where('tokenHash', '=', sha256(token))
    .executeTakeFirst();
  // One message for unknown, used, revoked and expired links: the link itself is the secret.
  if (!row || row.acceptedAt || row.revokedAt || row.expiresAt <= nowIso()) {
    throw notFound('This invitation (it may have expired, been used or been revoked; ask for a new one)');
  }
  return row;
}

/** What the invitation page shows before the invitee accepts. */
export async function previewInvitation(deps: Deps, token: string) {
  const row = await openInvitation(deps, token);
  const existing = await deps.db.selectFrom('users').select('id').where('email', '=', row.email).executeTakeFirst();
  return {
    organization: { id: row.orgId, name: row.organizationName },
    email: row.email,
    role: row.role as Role,
    accessExpiresAt: row.accessExpiresAt,
    accountExists: !!existing,
  };
}

export async function acceptInvitation(
  deps: Deps,
  token: string,
  signedIn: AuthUser | null,
  newAccount: { name: string; password: string } | null,
) {
  const row = await openInvitation(deps, token);
  // The password rule with the invited email and the chosen name (packages/domain/src/password.ts).
  if (newAccount) assertPasswordAcceptable(newAccount.password, { email: row.email, name: newAccount.name });
  const passwordHash = newAccount ? await hashPassword(newAccount.password) : null;
  return inTransaction(deps, async (tx, audit) => {
    let user: { id: string; email: string; name: string };
    const existing = await tx
      .selectFrom('users')
      .select(['id', 'email', 'name'])
      .where('email', '=', row.email)
      .executeTakeFirst();
    if (newAccount && passwordHash) {
      if (existing)
        throw new AppError(
          'CONFLICT',
          `An account for ${row.email} already exists. Sign in as that user, then accept the invitation.`,
        );
      const now = nowIso();
      user = { id: newId(), email: row.email, name: newAccount.name };
      await tx
        .insertInto('users')
        .values({ ...user, passwordHash, createdAt: now, updatedAt: now })
        .execute();
      await audit({
        orgId: null,
        actor: { userId: user.id, name: user.name },
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        after: presentUser(user),
      });
    } else {
      if (!signedIn)
        throw new AppError('UNAUTHENTICATED', 'Sign in to accept, or send { name, password } to create your account');
      if (signedIn.email !== row.email)
        throw forbidden(`This invitation is for ${row.email}; you are signed in as ${signedIn.email}`);
      user = signedIn;
    }
    const actor = { userId: user.id, name: user.name };
    const already = await tx
      .selectFrom('memberships')
      .select('role')
      .where('orgId', '=', row.orgId)
      .where('userId', '=', user.id)
      .executeTakeFirst();
    if (already) throw new AppError('CONFLICT', 'You are already a member of this organization');
    const now = nowIso();
    await tx
      .insertInto('memberships')
      .values({
        orgId: row.orgId,
        userId: user.id,
        role: row.role,
        expiresAt: row.accessExpiresAt,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    await writeOne(
      tx
        .updateTable('invitations')
        .set({ acceptedAt: now, acceptedBy: user.id })
        .where('id', '=', row.id)
        .where('acceptedAt', 'is', null),
      () => notFound('This invitation'),
    );
    await audit({
      orgId: row.orgId,
      actor,
      action: 'membership.created',
      entityType: 'membership',
      entityId: user.id,
      after: { userId: user.id, role: row.role, expiresAt: row.accessExpiresAt, invitationId: row.id },
    });
    return {
      user: presentUser(user),
      organization: { id: row.orgId, name: row.organizationName },
      role: row.role as Role,
    };
  });
}
