import type { z } from 'zod';
import type { ZLogin } from '@fortytwo/domain';
import type { Db } from '../../platform/db/connect';
import { AppError } from '../../platform/errors';
import { newSecret, nowIso } from '../../platform/ids';
import { sessionTimes, type AuthUser, type SessionPolicy } from '../../platform/auth/authenticate';
import { dummyPasswordHash, sha256, verifyPassword } from '../../platform/auth/secrets';
import { inTransaction, type Deps } from '../../platform/transaction';
import { presentUser } from './presenters';

// Password checks are counted in the database, not in memory, so the limits hold across processes.
export const LOGIN_LIMITS = { perAccount: 5, perIp: 30, windowMinutes: 15 } as const;

const limitedError = () =>
  new AppError(
    'RATE_LIMITED',
    `Too many failed sign-in attempts. Wait ${LOGIN_LIMITS.windowMinutes} minutes and try again.`,
  );

/**
 * Runs one password check under the limits per account and per client address. The attempt is
 * recorded (one committed row per key) before anything is counted, and the count includes every
 * attempt recorded so far, finished or still being checked: of any number of parallel guesses, on
 * any number of processes sharing the database, at most the limit see a count within it, because
 * each of them sees the rows of all that counted before it. A refused attempt withdraws its rows
 * (being refused is not a failure); a failed check leaves them (they are the failures of the
 * window); a passed check forgets the account's earlier failures. `check` answers null for "wrong".
 */
export async function throttledPasswordCheck<T>(
  db: Db,
  who: { email: string; ip: string | null },
  check: () => Promise<T | null>,
  wrong: () => AppError,
): Promise<T> {
  const now = Date.now();
  const at = new Date(now).toISOString();
  const windowStart = new Date(now - LOGIN_LIMITS.windowMinutes * 60_000).toISOString();
  const accountKey = `account:${who.email}`;
  const limits = new Map<string, number>([[accountKey, LOGIN_LIMITS.perAccount]]);
  if (who.ip) limits.set(`ip:${who.ip}`, LOGIN_LIMITS.perIp);

  const claimed = await db
    .insertInto('loginFailures')
    .values([...limits.keys()].map((key) => ({ key, at })))
    .returning(['id', 'key'])
    .execute();
  const ids = claimed.map((r) => r.id);
  const withdraw = () => db.deleteFrom('loginFailures').where('id', 'in', ids).execute();

  const counts = await db
    .selectFrom('loginFailures')
    .select((eb) => ['key', eb.fn.countAll<number>().as('n')])
    .where('key', 'in', [...limits.keys()])
    .where('at', '>', windowStart)
    .groupBy('key')
    .execute();
  if (counts.some((c) => Number(c.n) > (limits.get(c.key) ?? Infinity))) {
    await withdraw();
    throw limitedError();
  }

  let result: T | null;
  try {
    result = await check();
  } catch (err) {
    await withdraw();
    throw err;
  }
  if (result === null) {
    await db.deleteFrom('loginFailures').where('at', '<', windowStart).execute();
    throw wrong();
  }
  const accountRow = claimed.find((r) => r.key === accountKey)!.id;
  await db
    .deleteFrom('loginFailures')
    .where((eb) => eb.or([eb('id', 'in', ids), eb.and([eb('key', '=', accountKey), eb('id', '<=', accountRow)])]))
    .execute();
  return result;
}

/** Where a sign-in comes from: shown in the person's list of sessions. */
export type SessionClient = { userAgent: string | null; ip: string | null; via: 'password' | 'sso' | 'setup' };

export async function createSession(deps: Deps, userId: string, policy: SessionPolicy, client: SessionClient) {
  const cookieValue = newSecret();
  const csrfToken = newSecret();
  const now = nowIso();
  const times = sessionTimes(policy, Date.parse(now));
  await deps.db
    .insertInto('sessions')
    .values({
      id: sha256(cookieValue),
      userId,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      ...times,
      // Capped: a User-Agent is the client's to choose, and only a label here.
      userAgent: client.userAgent?.slice(0, 512) ?? null,
      ip: client.ip,
      via: client.via,
    })
    .execute();
  return { cookieValue, csrfToken, expiresAt: times.expiresAt };
}

/** Checks the password under the limits and records the sign-in; the caller starts the session (session-start.ts). */
export async function logIn(deps: Deps, input: z.output<typeof ZLogin>, ip: string) {
  const user = await throttledPasswordCheck(
    deps.db,
    { email: input.email, ip },
    async () => {
      const found = await deps.db.selectFrom('users').selectAll().where('email', '=', input.email).executeTakeFirst();
      // An unknown account costs the same hash as a known one, so timing does not tell them apart.
      const ok = await verifyPassword(found?.passwordHash ?? (await dummyPasswordHash()), input.password);
      return found && ok ? found : null;
    },
    () => new AppError('INVALID_CREDENTIALS', 'The email or password is wrong'),
  );
  await assertPasswordSignInAllowed(deps, user.id);
  await inTransaction(deps, (_tx, audit) =>
    audit({
      orgId: null,
      actor: { userId: user.id, name: user.name },
      action: 'user.signed_in',
      entityType: 'user',
      entityId: user.id,
    }),
  );
  return presentUser(user);
}

export async function logOut(deps: Deps, sessionId: string) {
  await deps.db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of the user, this one included; API tokens are not sessions and stay. */
export async function signOutEverywhere(deps: Deps, user: AuthUser) {
  return inTransaction(deps, async (tx, audit) => {
    const res = await tx.deleteFrom('sessions').where('userId', '=', user.id).executeTakeFirst();
    const sessionsEnded = Number(res.numDeletedRows);
    await audit({
      orgId: null,
      actor: { userId: user.id, name: user.name },
      action: 'user.signed_out_everywhere',
      entityType: 'user',
      entityId: user.id,
      after: { sessionsEnded },
    });
    return { sessionsEnded };
  });
}

/**
 * An organization that turned password sign-in off admits its members through single sign-on
 * only; its owners keep their password (break-glass, when the provider is down or misconfigured).
 * Checked after the password, so the answer never tells a guesser anything about the account.
 */
async function assertPasswordSignInAllowed(deps: Deps, userId: string) {
  const closed = await deps.db
    .selectFrom('memberships')
    .innerJoin('orgSsoSettings', 'orgSsoSettings.orgId', 'memberships.orgId')
    .innerJoin('organizations', 'organizations.id', 'memberships.orgId')
    .select('organizations.name')
    .where('memberships.userId', '=', userId)
    .where('memberships.role', '<>', 'owner')
    .where('orgSsoSettings.localSignIn', '=', 0)
    .orderBy('organizations.name')
    .execute();
  if (closed.length)
    throw new AppError(
      'FORBIDDEN',
      `${closed.map((c) => c.name).join(', ')} ${closed.length > 1 ? 'ask' : 'asks'} its members to sign in through single sign-on: use the single sign-on button instead of a password`,
    );
}
