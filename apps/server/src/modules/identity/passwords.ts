import { passwordProblem, type PasswordContext } from '@fortytwo/domain';
import { AppError } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import type { Authentication } from '../../platform/auth/authenticate';
import { hashPassword, verifyPassword } from '../../platform/auth/secrets';
import { inTransaction, type Deps } from '../../platform/transaction';
import { throttledPasswordCheck } from './sessions';

const fieldError = (path: string, message: string) =>
  new AppError('VALIDATION', message, { issues: [{ path, message }] });

/**
 * The password rule of packages/domain with the account's own email and name (which a request
 * body alone does not always carry), on the field that holds the new password.
 */
export function assertPasswordAcceptable(password: string, context: PasswordContext, path = 'body.password') {
  const problem = passwordProblem(password, context);
  if (problem) throw fieldError(path, problem);
}

/**
 * Change one's password: the current one must be right (a check under the sign-in limits, so a
 * stolen session cannot guess it); every other session of the user ends, as do reset links still
 * open. API tokens stay: they are separate credentials, listed and revoked on their own page.
 */
export async function changePassword(
  deps: Deps,
  auth: Authentication,
  input: { currentPassword: string; newPassword: string },
  ip: string,
) {
  const user = await deps.db.selectFrom('users').selectAll().where('id', '=', auth.user.id).executeTakeFirstOrThrow();
  await throttledPasswordCheck(
    deps.db,
    { email: user.email, ip },
    async () => ((await verifyPassword(user.passwordHash, input.currentPassword)) ? true : null),
    () => fieldError('body.currentPassword', 'The current password is wrong'),
  );
  assertPasswordAcceptable(input.newPassword, user, 'body.newPassword');
  if (await verifyPassword(user.passwordHash, input.newPassword))
    throw fieldError('body.newPassword', 'The new password is your current one. Choose a different one.');
  const passwordHash = await hashPassword(input.newPassword);
  return inTransaction(deps, async (tx, audit) => {
    const now = nowIso();
    // Compare-and-set on the hash that was checked: of two concurrent changes, only one applies.
    const res = await tx
      .updateTable('users')
      .set({ passwordHash, updatedAt: now })
      .where('id', '=', user.id)
      .where('passwordHash', '=', user.passwordHash)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0)
      throw new AppError('CONFLICT', 'Your password was changed meanwhile. Sign in again with the new one.');
    let ended = tx.deleteFrom('sessions').where('userId', '=', user.id);
    if (auth.via === 'session') ended = ended.where('id', '!=', auth.sessionId);
    const otherSessionsEnded = Number((await ended.executeTakeFirst()).numDeletedRows);
    await tx
      .updateTable('passwordResets')
      .set({ revokedAt: now })
      .where('userId', '=', user.id)
      .where('usedAt', 'is', null)
      .where('revokedAt', 'is', null)
      .execute();
    await audit({
      orgId: null,
      actor: { userId: user.id, name: user.name },
      action: 'user.password_changed',
      entityType: 'user',
      entityId: user.id,
      after: { otherSessionsEnded },
    });
    return { otherSessionsEnded };
  });
}
