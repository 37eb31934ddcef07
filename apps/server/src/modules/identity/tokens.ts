import type { TokenScope } from '@fortytwo/domain';
import { AppError, notFound } from '../../platform/errors';
import { newId, newSecret, nowIso } from '../../platform/ids';
import { TOKEN_PREFIX, type AuthUser } from '../../platform/auth/authenticate';
import { sha256 } from '../../platform/auth/secrets';
import { inTransaction, type Deps } from '../../platform/transaction';

const MAX_ACTIVE_TOKENS = 50;

const present = (t: {
  id: string;
  name: string;
  tokenPrefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  scope: string;
}) => ({
  id: t.id,
  name: t.name,
  prefix: t.tokenPrefix,
  createdAt: t.createdAt,
  lastUsedAt: t.lastUsedAt,
  revokedAt: t.revokedAt,
  scope: t.scope as TokenScope,
});

export async function listTokens(deps: Deps, userId: string) {
  const rows = await deps.db
    .selectFrom('apiTokens')
    .selectAll()
    .where('userId', '=', userId)
    .orderBy('createdAt', 'desc')
    .execute();
  return rows.map(present);
}

/** The plain token is returned once, here; only its hash is stored. */
export async function createToken(deps: Deps, user: AuthUser, name: string, scope: TokenScope = 'full') {
  const token = `${TOKEN_PREFIX}${newSecret()}`;
  return inTransaction(deps, async (tx, audit) => {
    const active = await tx
      .selectFrom('apiTokens')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('userId', '=', user.id)
      .where('revokedAt', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(active.n) >= MAX_ACTIVE_TOKENS)
      throw new AppError(
        'RULE_VIOLATION',
        `You have ${MAX_ACTIVE_TOKENS} active tokens. Revoke one you no longer use first.`,
      );
    const row = {
      id: newId(),
      userId: user.id,
      name,
      tokenHash: sha256(token),
      tokenPrefix: token.slice(0, 7),
      createdAt: nowIso(),
      lastUsedAt: null,
      revokedAt: null,
      scope,
    };
    await tx.insertInto('apiTokens').values(row).execute();
    await audit({
      orgId: null,
      actor: { userId: user.id, name: user.name },
      action: 'api_token.created',
      entityType: 'api_token',
      entityId: row.id,
      after: present(row),
    });
    return { ...present(row), token };
  });
}

export async function revokeToken(deps: Deps, user: AuthUser, id: string) {
  await inTransaction(deps, async (tx, audit) => {
    const row = await tx
      .selectFrom('apiTokens')
      .selectAll()
      .where('id', '=', id)
      .where('userId', '=', user.id)
      .executeTakeFirst();
    if (!row) throw notFound('API token');
    if (row.revokedAt) return;
    const revokedAt = nowIso();
    await tx.updateTable('apiTokens').set({ revokedAt }).where('id', '=', id).execute();
    await audit({
      orgId: null,
      actor: { userId: user.id, name: user.name },
      action: 'api_token.revoked',
      entityType: 'api_token',
      entityId: id,
      before: present(row),
      after: present({ ...row, revokedAt }),
    });
  });
}
