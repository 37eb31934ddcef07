import { describeUserAgent } from '@fortytwo/domain';
import { AppError } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import type { AuthUser } from '../../platform/auth/authenticate';
import { inTransaction, type Deps } from '../../platform/transaction';

// A person's own sessions: the list with device and last use, and ending one of them. A session
// is named outside the server by the first 16 hex digits of its id (itself the SHA-256 of the
// cookie): enough to tell one's sessions apart, useless for signing in.

export const SESSION_REF = /^[0-9a-f]{16}$/;

export type MySession = {
  id: string;
  current: boolean;
  device: string;
  userAgent: string | null;
  ip: string | null;
  via: string | null;
  signedInAt: string;
  lastUsedAt: string;
  expiresAt: string;
};

export async function listMySessions(
  deps: Deps,
  user: AuthUser,
  currentSessionId: string | null,
): Promise<MySession[]> {
  const rows = await deps.db
    .selectFrom('sessions')
    .select(['id', 'createdAt', 'lastSeenAt', 'expiresAt', 'endsAt', 'userAgent', 'ip', 'via'])
    .where('userId', '=', user.id)
    .where('expiresAt', '>', nowIso())
    .orderBy('lastSeenAt', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id.slice(0, 16),
    current: r.id === currentSessionId,
    device: describeUserAgent(r.userAgent),
    userAgent: r.userAgent,
    ip: r.ip,
    via: r.via,
    signedInAt: r.createdAt,
    lastUsedAt: r.lastSeenAt,
    expiresAt: r.endsAt && r.endsAt < r.expiresAt ? r.endsAt : r.expiresAt,
  }));
}

/** Ends one of the person's sessions; answers whether it was the one making the request. */
export async function endMySession(
  deps: Deps,
  user: AuthUser,
  ref: string,
  currentSessionId: string | null,
): Promise<{ current: boolean }> {
  if (!SESSION_REF.test(ref)) throw new AppError('NOT_FOUND', 'No session of yours has this id.');
  return inTransaction(deps, async (tx, audit) => {
    const found = await tx
      .selectFrom('sessions')
      .select(['id', 'userAgent'])
      .where('userId', '=', user.id)
      .where('id', 'like', `${ref}%`)
      .execute();
    if (found.length !== 1)
      throw new AppError('NOT_FOUND', 'No session of yours has this id: it may have ended already.');
    const session = found[0]!;
    const res = await tx.deleteFrom('sessions').where('id', '=', session.id).executeTakeFirst();
    if (Number(res.numDeletedRows) !== 1)
      throw new AppError('NOT_FOUND', 'No session of yours has this id: it may have ended already.');
    await audit({
      orgId: null,
      actor: { userId: user.id, name: user.name },
      action: 'user.session_ended',
      entityType: 'user',
      entityId: user.id,
      after: { session: ref, device: describeUserAgent(session.userAgent) },
    });
    return { current: session.id === currentSessionId };
  });
}
