import { emailDomain, roleFromGroups, type Role } from '@fortytwo/domain';
import type { Tx } from '../../platform/db/connect';
import { changedOne } from '../../platform/db/versioned';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { presentUser } from '../identity/presenters';
import type { SsoClaims } from './provider';
import { presentSettings } from './settings';

/** Why a sign-in through the provider was refused; the login page explains each (never an account's existence). */
export class SsoRefused extends Error {
  constructor(readonly reason: 'state' | 'provider' | 'email' | 'no_account') {
    super(reason);
  }
}

/**
 * The account a provider identity signs in to. Known identities (issuer, subject) sign in as
 * themselves. A new identity is matched by its verified email to an existing account, or gets a
 * new account (without a password) only when the email holds a pending invitation or its domain
 * may join an organization. Then pending invitations for the email are accepted, organizations
 * that allow its domain are joined with their default role, and provider groups set roles where
 * an organization maps them (never touching owners or external auditors).
 */
export async function resolveSsoUser(deps: Deps, claims: SsoClaims) {
  return inTransaction(deps, async (tx, audit) => {
    const now = nowIso();
    const identity = await tx
      .selectFrom('ssoIdentities')
      .select('userId')
      .where('issuer', '=', claims.issuer)
      .where('subject', '=', claims.subject)
      .executeTakeFirst();
    // Email-based joining needs an email the provider vouches for, on every sign-in.
    const email = claims.email && claims.emailVerified ? claims.email : null;
    let user = identity
      ? await tx
          .selectFrom('users')
          .select(['id', 'email', 'name'])
          .where('id', '=', identity.userId)
          .executeTakeFirstOrThrow()
      : undefined;

    const invitations = email
      ? await tx
          .selectFrom('invitations')
          .select(['id', 'orgId', 'role', 'accessExpiresAt'])
          .where('email', '=', email)
          .where('acceptedAt', 'is', null)
          .where('revokedAt', 'is', null)
          .where('expiresAt', '>', now)
          .execute()
      : [];
    const policies = (await tx.selectFrom('orgSsoSettings').selectAll().execute()).map((row) => ({
      orgId: row.orgId,
      ...presentSettings(row),
    }));
    const domainOrgs = email ? policies.filter((p) => p.allowedDomains.includes(emailDomain(email))) : [];

    if (!user) {
      if (!email) throw new SsoRefused('email');
      user = await tx.selectFrom('users').select(['id', 'email', 'name']).where('email', '=', email).executeTakeFirst();
      if (!user) {
        if (invitations.length === 0 && domainOrgs.length === 0) throw new SsoRefused('no_account');
        user = { id: newId(), email, name: claims.name ?? email.slice(0, email.indexOf('@')) };
        // No password: this account signs in through the provider (an owner's reset link can give it one).
        await tx
          .insertInto('users')
          .values({ ...user, passwordHash: '', createdAt: now, updatedAt: now })
          .execute();
        await audit({
          orgId: null,
          actor: { userId: user.id, name: user.name },
          action: 'user.created',
          entityType: 'user',
          entityId: user.id,
          after: { ...presentUser(user), via: 'sso' },
        });
      }
      await tx
        .insertInto('ssoIdentities')
        .values({
          issuer: claims.issuer,
          subject: claims.subject,
          userId: user.id,
          email,
          createdAt: now,
          lastSignInAt: now,
        })
        .execute();
    } else {
      await tx
        .updateTable('ssoIdentities')
        .set({ lastSignInAt: now })
        .where('issuer', '=', claims.issuer)
        .where('subject', '=', claims.subject)
        .execute();
    }
    const actor = { userId: user.id, name: user.name };
    const roleIn = async (orgId: string) =>
      (await tx
        .selectFrom('memberships')
        .select(['role', 'version'])
        .where('orgId', '=', orgId)
        .where('userId', '=', user.id)
        .executeTakeFirst()) ?? null;
    const join = async (orgId: string, role: Role, expiresAt: string | null, why: Record<string, unknown>) => {
      await tx
        .insertInto('memberships')
        .values({ orgId, userId: user.id, role, expiresAt, createdAt: now, updatedAt: now, version: 1 })
        .execute();
      await audit({
        orgId,
        actor,
        action: 'membership.created',
        entityType: 'membership',
        entityId: user.id,
        after: { userId: user.id, role, expiresAt, ...why },
      });
    };

    for (const inv of invitations) {
      if (!(await roleIn(inv.orgId)))
        await join(inv.orgId, inv.role as Role, inv.accessExpiresAt, { invitationId: inv.id, via: 'sso' });
      await tx
        .updateTable('invitations')
        .set({ acceptedAt: now, acceptedBy: user.id })
        .where('id', '=', inv.id)
        .where('acceptedAt', 'is', null)
        .execute();
    }
    for (const p of domainOrgs) {
      if (!(await roleIn(p.orgId)))
        await join(p.orgId, roleFromGroups(claims.groups, p.groupRoles) ?? p.defaultRole, null, {
          via: 'sso',
          emailDomain: emailDomain(email!),
        });
    }
    for (const p of policies) {
      const mapped = roleFromGroups(claims.groups, p.groupRoles);
      if (!mapped) continue;
      const current = await roleIn(p.orgId);
      if (!current) {
        // Groups alone admit people only where the domain may join; the mapping then sets their role.
        continue;
      }
      if (current.role === mapped || current.role === 'owner' || current.role === 'external_auditor') continue;
      await setRole(tx, p.orgId, user.id, current, mapped);
      await audit({
        orgId: p.orgId,
        actor,
        action: 'membership.updated',
        entityType: 'membership',
        entityId: user.id,
        before: { role: current.role },
        after: { role: mapped, via: 'sso group' },
      });
    }
    return presentUser(user);
  });
}

async function setRole(tx: Tx, orgId: string, userId: string, current: { version: number }, role: Role) {
  // Another change to this membership in between: leave it; the next sign-in applies the mapping again.
  await changedOne(
    tx
      .updateTable('memberships')
      .set({ role, updatedAt: nowIso(), version: current.version + 1 })
      .where('orgId', '=', orgId)
      .where('userId', '=', userId)
      .where('version', '=', current.version),
  );
}
