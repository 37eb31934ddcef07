import type { z } from 'zod';
import type { ZLogin } from '@fortytwo/domain';
import type { Db } from '../../platform/db/connect';
import { AppError } from '../../platform/errors';
import { newSecret, nowIso } from '../../platform/ids';
import { SESSION_DAYS } from '../../platform/auth/authenticate';
import { dummyPasswordHash, sha256, verifyPassword } from '../../platform/auth/secrets';
import { inTransaction, type Deps } from '../../platform/transaction';
import { presentUser } from './presenters';

// Failed sign-ins are counted in the database, not in memory, so the limit holds across processes.
export const LOGIN_LIMITS = { perAccount: 5, perIp: 30, windowMinutes: 15 } as const;

async function recentFailures(db: Db, key: string, since: string): Promise<number> {
  const row = await db.selectFrom('loginFailures').select((eb) => eb.fn.countAll<number>().as('n')).where('key', '=', key).where('at', '>', since).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function createSession(deps: Deps, userId: string) {
  const cookieValue = newSecret();
  const csrfToken = newSecret();
  const now = nowIso();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000).toISOString();
  await deps.db.insertInto('sessions').values({ id: sha256(cookieValue), userId, csrfToken, createdAt: now, expiresAt, lastSeenAt: now }).execute();
  return { cookieValue, csrfToken, expiresAt };
}

export async function logIn(deps: Deps, input: z.output<typeof ZLogin>, ip: string) {
  const windowStart = new Date(Date.now() - LOGIN_LIMITS.windowMinutes * 60_000).toISOString();
  const accountKey = `account:${input.email}`;
  const ipKey = `ip:${ip}`;
  if (
    (await recentFailures(deps.db, accountKey, windowStart)) >= LOGIN_LIMITS.perAccount ||
    (await recentFailures(deps.db, ipKey, windowStart)) >= LOGIN_LIMITS.perIp
  ) {
    throw new AppError('RATE_LIMITED', `Too many failed sign-in attempts. Wait ${LOGIN_LIMITS.windowMinutes} minutes and try again.`);
  }
  const user = await deps.db.selectFrom('users').selectAll().where('email', '=', input.email).executeTakeFirst();
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok) {
    const at = nowIso();
    await deps.db.insertInto('loginFailures').values([{ key: accountKey, at }, { key: ipKey, at }]).execute();
    await deps.db.deleteFrom('loginFailures').where('at', '<', windowStart).execute();
    throw new AppError('INVALID_CREDENTIALS', 'The email or password is wrong');
  }
  await deps.db.deleteFrom('loginFailures').where('key', '=', accountKey).execute();
  const session = await createSession(deps, user.id);
  await inTransaction(deps, (_tx, audit) =>
    audit({ orgId: null, actor: { userId: user.id, name: user.name }, action: 'user.signed_in', entityType: 'user', entityId: user.id }),
  );
  return { user: presentUser(user), ...session };
}

export async function logOut(deps: Deps, sessionId: string) {
  await deps.db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}
