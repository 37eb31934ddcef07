import type { Actor } from '../../platform/audit';
import type { Tx } from '../../platform/db/connect';
import { notFound, ruleViolation } from '../../platform/errors';
import { newId, newSecret, nowIso } from '../../platform/ids';
import type { Membership } from '../../platform/http/access';
import { hashPassword, sha256 } from '../../platform/auth/secrets';
import { inTransaction, type Deps } from '../../platform/transaction';
import { assertPasswordAcceptable } from './passwords';
import { presentUser } from './presenters';

/** An owner's link may be handed over by hand (no email configured), so it lives a day, not minutes. */
export const RESET_VALID_HOURS = 24;
/** A link a person asked for by email is in their inbox at once: it lives an hour. */
export const SELF_RESET_VALID_HOURS = 1;
/** At most one emailed link per account in this window: the form cannot be used to flood an inbox. */
const SELF_RESET_INTERVAL_MS = 5 * 60_000;

/** True when `ownerId` is an owner of every organization `userId` belongs to (expired memberships included). */
async function ownsEveryOrganizationOf(tx: Tx, ownerId: string, userId: string): Promise<boolean> {
  const elsewhere = await tx
    .selectFrom('memberships as m')
    .select('m.orgId')
    .where('m.userId', '=', userId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('memberships as mine')
            .select('mine.orgId')
            .whereRef('mine.orgId', '=', 'm.orgId')
            .where('mine.userId', '=', ownerId)
            .where('mine.role', '=', 'owner'),
        ),
      ),
    )
    .limit(1)
    .execute();
  return elsewhere.length === 0;
}

/**
 * An owner creates a one-time link for a member to set a new password (the member forgot theirs).
 * Whoever opens the link owns the account everywhere, so the caller must be an owner of every
 * organization the member belongs to: an owner of one organization never gets a way into another.
 * A new link replaces the member's earlier open ones. The token is returned once; only its hash is kept.
 */
export async function createPasswordReset(
  deps: Deps,
  actor: Actor & { userId: string },
  caller: Membership,
  userId: string,
) {
  if (userId === actor.userId)
    throw ruleViolation('This is your own account: change your password on your Account page instead.');
  const token = newSecret();
  return inTransaction(deps, async (tx, audit) => {
    const target = await tx
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.userId')
      .select(['users.id', 'users.email', 'users.name'])
      .where('memberships.orgId', '=', caller.orgId)
      .where('memberships.userId', '=', userId)
      .executeTakeFirst();
    if (!target) throw notFound('Member');
    if (!(await ownsEveryOrganizationOf(tx, actor.userId, userId))) {
      throw ruleViolation(
        `${target.name} also belongs to an organization you are not an owner of. A reset link would open that organization to whoever uses it, so only an owner of all of ${target.name}'s organizations can create one. While still signed in, ${target.name} can change the password on the Account page.`,
      );
    }
    const now = new Date();
    const row = {
      id: newId(),
      userId,
      orgId: caller.orgId,
      tokenHash: sha256(token),
      createdBy: actor.userId,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + RESET_VALID_HOURS * 3_600_000).toISOString(),
      usedAt: null,
      revokedAt: null,
    };
    await tx
      .updateTable('passwordResets')
      .set({ revokedAt: row.createdAt })
      .where('userId', '=', userId)
      .where('usedAt', 'is', null)
      .where('revokedAt', 'is', null)
      .execute();
    await tx.insertInto('passwordResets').values(row).execute();
    const event = {
      actor,
      action: 'password_reset.created',
      entityType: 'password_reset',
      entityId: row.id,
      after: { userId, email: target.email, expiresAt: row.expiresAt },
    };
    // In the organization's trail (what its owner did) and in the member's own account trail.
    await audit({ orgId: caller.orgId, ...event });
    await audit({ orgId: null, userChainId: userId, ...event });
    return { id: row.id, token, expiresAt: row.expiresAt, user: presentUser(target) };
  });
}

async function openReset(deps: Deps, token: string) {
  const row = await deps.db
    .selectFrom('passwordResets')
    .innerJoin('users', 'users.id', 'passwordResets.userId')
    .selectAll('passwordResets')
    .select(['users.email', 'users.name'])
    .where('passwordResets.tokenHash', '=', sha256(token))
    .executeTakeFirst();
  // One answer for unknown, used, replaced and expired links: the link itself is the secret.
  if (!row || row.usedAt || row.revokedAt || row.expiresAt <= nowIso()) {
    throw notFound(
      'This password reset link (it may have expired, been used or been replaced; ask an owner of your organization for a new one)',
    );
  }
  return row;
}

/** What the reset page shows before the new password is chosen. */
export async function previewPasswordReset(deps: Deps, token: string) {
  const row = await openReset(deps, token);
  return { email: row.email, name: row.name, expiresAt: row.expiresAt };
}

/** Sets the new password through the link, once; every session of the user ends. */
export async function completePasswordReset(deps: Deps, token: string, password: string) {
  const row = await openReset(deps, token);
  assertPasswordAcceptable(password, row, 'body.password');
  const passwordHash = await hashPassword(password);
  return inTransaction(deps, async (tx, audit) => {
    const now = nowIso();
    // Claiming the link and using it are one step: of two concurrent uses, one finds it taken.
    const claimed = await tx
      .updateTable('passwordResets')
      .set({ usedAt: now })
      .where('id', '=', row.id)
      .where('usedAt', 'is', null)
      .where('revokedAt', 'is', null)
      .where('expiresAt', '>', now)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0)
      throw notFound('This password reset link (it has just been used or replaced)');
    // Checked again now: since the link was made, the member may have left the organization, or joined
    // one its maker does not own (or the maker may no longer be an owner).
    // A link the person asked for by email (created by themselves) proved they read that inbox:
    // no owner stands behind it, so the owner checks do not apply.
    const selfService = row.createdBy === row.userId;
    const stillMember = await tx
      .selectFrom('memberships')
      .select('userId')
      .where('orgId', '=', row.orgId)
      .where('userId', '=', row.userId)
      .executeTakeFirst();
    if (!stillMember && !selfService)
      throw notFound('This password reset link (you are no longer a member of the organization it came from)');
    if (!selfService && !(await ownsEveryOrganizationOf(tx, row.createdBy, row.userId))) {
      throw ruleViolation(
        'This link is no longer valid: your account now belongs to an organization whose owners did not create it. Ask an owner of all your organizations for a new link, or change your password while signed in.',
      );
    }
    await tx.updateTable('users').set({ passwordHash, updatedAt: now }).where('id', '=', row.userId).execute();
    const sessionsEnded = Number(
      (await tx.deleteFrom('sessions').where('userId', '=', row.userId).executeTakeFirst()).numDeletedRows,
    );
    await tx
      .updateTable('passwordResets')
      .set({ revokedAt: now })
      .where('userId', '=', row.userId)
      .where('usedAt', 'is', null)
      .where('revokedAt', 'is', null)
      .execute();
    // The owner's new link is also the way back in after too many wrong guesses.
    await tx.deleteFrom('loginFailures').where('key', '=', `account:${row.email}`).execute();
    const actor = { userId: row.userId, name: row.name };
    await audit({
      orgId: row.orgId,
      actor,
      action: 'password_reset.used',
      entityType: 'password_reset',
      entityId: row.id,
      after: { userId: row.userId, sessionsEnded },
    });
    await audit({
      orgId: null,
      actor,
      action: 'user.password_reset',
      entityType: 'user',
      entityId: row.userId,
      after: { resetId: row.id, issuedBy: row.createdBy, sessionsEnded },
    });
    return { user: presentUser({ id: row.userId, email: row.email, name: row.name }) };
  });
}

/**
 * "Forgot your password": when the server sends email, a one-time link goes to the address if it
 * belongs to an account. The answer is the same whether it does or not (no way to learn who has an
 * account), and the email leaves after the answer, so the time taken does not tell either.
 * Returns the work still to do (the sending), for the route to start after replying.
 */
export async function requestPasswordReset(
  deps: Deps,
  email: string,
  send: (r: { email: string; name: string; token: string; expiresAt: string }) => Promise<unknown>,
): Promise<() => Promise<unknown>> {
  const user = await deps.db
    .selectFrom('users')
    .select(['id', 'email', 'name'])
    .where('email', '=', email)
    .executeTakeFirst();
  if (!user) return () => Promise.resolve();
  const token = newSecret();
  const created = await inTransaction(
    deps,
    async (tx, audit) => {
      // Any organization of the account anchors the row (password_resets.org_id is required); none, no link.
      const org = await tx
        .selectFrom('memberships')
        .select('orgId')
        .where('userId', '=', user.id)
        .orderBy('createdAt')
        .limit(1)
        .executeTakeFirst();
      if (!org) return null;
      const now = new Date();
      const recent = await tx
        .selectFrom('passwordResets')
        .select('id')
        .where('userId', '=', user.id)
        .whereRef('createdBy', '=', 'userId')
        .where('createdAt', '>', new Date(now.getTime() - SELF_RESET_INTERVAL_MS).toISOString())
        .executeTakeFirst();
      if (recent) return null;
      const row = {
        id: newId(),
        userId: user.id,
        orgId: org.orgId,
        tokenHash: sha256(token),
        createdBy: user.id,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + SELF_RESET_VALID_HOURS * 3_600_000).toISOString(),
        usedAt: null,
        revokedAt: null,
      };
      await tx
        .updateTable('passwordResets')
        .set({ revokedAt: row.createdAt })
        .where('userId', '=', user.id)
        .where('usedAt', 'is', null)
        .where('revokedAt', 'is', null)
        .execute();
      await tx.insertInto('passwordResets').values(row).execute();
      await audit({
        orgId: null,
        userChainId: user.id,
        actor: { userId: null, name: 'Password reset by email' },
        action: 'password_reset.requested',
        entityType: 'password_reset',
        entityId: row.id,
        after: { userId: user.id, expiresAt: row.expiresAt },
      });
      return row;
    },
    { lock: `password-reset:${user.id}` },
  );
  if (!created) return () => Promise.resolve();
  return () => send({ email: user.email, name: user.name, token, expiresAt: created.expiresAt });
}
