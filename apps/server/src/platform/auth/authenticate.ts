import type { Db } from '../db/connect';
import { nowIso } from '../ids';
import { sha256 } from './secrets';

export const SESSION_COOKIE = 'ft_session';
export const SESSION_DAYS = 14;
/** Personal API tokens start with this, so secret scanners and people can tell what they are. */
export const TOKEN_PREFIX = 'ft_';

export type AuthUser = { id: string; email: string; name: string };
export type Authentication =
  | { via: 'session'; user: AuthUser; sessionId: string; csrfToken: string }
  | { via: 'token'; user: AuthUser; tokenId: string };

export async function authenticateBearer(db: Db, token: string): Promise<Authentication | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await db
    .selectFrom('apiTokens')
    .innerJoin('users', 'users.id', 'apiTokens.userId')
    .select(['apiTokens.id as tokenId', 'apiTokens.lastUsedAt', 'users.id', 'users.email', 'users.name'])
    .where('apiTokens.tokenHash', '=', sha256(token))
    .where('apiTokens.revokedAt', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const now = nowIso();
  // Record use at most once a minute: a busy integration should not turn every read into a write.
  if (!row.lastUsedAt || Date.parse(now) - Date.parse(row.lastUsedAt) > 60_000) {
    await db.updateTable('apiTokens').set({ lastUsedAt: now }).where('id', '=', row.tokenId).execute();
  }
  return { via: 'token', tokenId: row.tokenId, user: { id: row.id, email: row.email, name: row.name } };
}

export async function authenticateSession(db: Db, cookieValue: string): Promise<Authentication | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select(['sessions.id as sessionId', 'sessions.csrfToken', 'sessions.expiresAt', 'sessions.lastSeenAt', 'users.id', 'users.email', 'users.name'])
    .where('sessions.id', '=', sha256(cookieValue))
    .executeTakeFirst();
  if (!row) return null;
  const now = nowIso();
  if (row.expiresAt <= now) {
    await db.deleteFrom('sessions').where('id', '=', row.sessionId).execute();
    return null;
  }
  // Sliding expiry, refreshed at most hourly.
  if (Date.parse(now) - Date.parse(row.lastSeenAt) > 3_600_000) {
    const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000).toISOString();
    await db.updateTable('sessions').set({ lastSeenAt: now, expiresAt }).where('id', '=', row.sessionId).execute();
  }
  return { via: 'session', sessionId: row.sessionId, csrfToken: row.csrfToken, user: { id: row.id, email: row.email, name: row.name } };
}
