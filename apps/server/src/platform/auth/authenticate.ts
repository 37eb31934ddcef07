import type { TokenScope } from '@fortytwo/domain';
import type { Db } from '../db/connect';
import { nowIso } from '../ids';
import { sha256 } from './secrets';

export const SESSION_COOKIE = 'ft_session';

/**
 * How long a session lasts: it ends after `idleDays` without use (sliding), and `maxDays` after
 * sign-in whatever its use (absolute). Each session keeps the policy it was started with (its row
 * says when it ends), so every instance applies the same limits without sharing configuration.
 */
export type SessionPolicy = { idleDays: number; maxDays: number };
export const SESSION_DEFAULTS: SessionPolicy = { idleDays: 14, maxDays: 30 };
const DAY_MS = 86_400_000;
/** Personal API tokens start with this, so secret scanners and people can tell what they are. */
export const TOKEN_PREFIX = 'ft_';

export type AuthUser = { id: string; email: string; name: string };
export type Authentication =
  | { via: 'session'; user: AuthUser; sessionId: string; csrfToken: string }
  | { via: 'token'; user: AuthUser; tokenId: string; scope: TokenScope };

export async function authenticateBearer(db: Db, token: string): Promise<Authentication | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await db
    .selectFrom('apiTokens')
    .innerJoin('users', 'users.id', 'apiTokens.userId')
    .select([
      'apiTokens.id as tokenId',
      'apiTokens.lastUsedAt',
      'apiTokens.scope',
      'users.id',
      'users.email',
      'users.name',
    ])
    .where('apiTokens.tokenHash', '=', sha256(token))
    .where('apiTokens.revokedAt', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const now = nowIso();
  // Record use at most once a minute: a busy integration should not turn every read into a write.
  if (!row.lastUsedAt || Date.parse(now) - Date.parse(row.lastUsedAt) > 60_000) {
    await db.updateTable('apiTokens').set({ lastUsedAt: now }).where('id', '=', row.tokenId).execute();
  }
  return {
    via: 'token',
    tokenId: row.tokenId,
    scope: row.scope as TokenScope,
    user: { id: row.id, email: row.email, name: row.name },
  };
}

export async function authenticateSession(db: Db, cookieValue: string): Promise<Authentication | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select([
      'sessions.id as sessionId',
      'sessions.csrfToken',
      'sessions.createdAt',
      'sessions.expiresAt',
      'sessions.endsAt',
      'sessions.idleSeconds',
      'sessions.lastSeenAt',
      'users.id',
      'users.email',
      'users.name',
    ])
    .where('sessions.id', '=', sha256(cookieValue))
    .executeTakeFirst();
  if (!row) return null;
  const now = nowIso();
  // Sessions from before the absolute lifetime existed end at the default one after their sign-in.
  const endsAt = row.endsAt ?? new Date(Date.parse(row.createdAt) + SESSION_DEFAULTS.maxDays * DAY_MS).toISOString();
  if (row.expiresAt <= now || endsAt <= now) {
    await db.deleteFrom('sessions').where('id', '=', row.sessionId).execute();
    return null;
  }
  // Sliding idle expiry, refreshed at most hourly, never past the absolute end.
  if (Date.parse(now) - Date.parse(row.lastSeenAt) > 3_600_000) {
    const idleMs = (row.idleSeconds ?? SESSION_DEFAULTS.idleDays * 86_400) * 1000;
    const slid = new Date(Date.now() + idleMs).toISOString();
    await db
      .updateTable('sessions')
      .set({ lastSeenAt: now, expiresAt: slid < endsAt ? slid : endsAt })
      .where('id', '=', row.sessionId)
      .execute();
  }
  return {
    via: 'session',
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    user: { id: row.id, email: row.email, name: row.name },
  };
}

/** The expiry columns of a new session under `policy`. */
export function sessionTimes(policy: SessionPolicy, now = Date.now()) {
  const endsAt = new Date(now + policy.maxDays * DAY_MS).toISOString();
  const idle = new Date(now + policy.idleDays * DAY_MS).toISOString();
  return { expiresAt: idle < endsAt ? idle : endsAt, endsAt, idleSeconds: policy.idleDays * 86_400 };
}
