import type { z } from 'zod';
import type { ZSetup } from '@fortytwo/domain';
import { lockKey } from '../../platform/db/connect';
import { AppError } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { hashPassword } from '../../platform/auth/secrets';
import { inTransaction, type Deps } from '../../platform/transaction';
import { createOrganizationInTx } from '../orgs/create-organization';
import { presentUser } from './presenters';
import { assertPasswordAcceptable } from './passwords';

export async function isSetUp(deps: Deps): Promise<boolean> {
  const row = await deps.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** First run: the first user and their first organization. Refused once any user exists. */
export async function setUp(deps: Deps, input: z.output<typeof ZSetup>) {
  assertPasswordAcceptable(input.password, input);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(deps, async (tx, audit) => {
    await lockKey(tx, deps.dialect, 'first-run-setup');
    if (await tx.selectFrom('users').select('id').limit(1).executeTakeFirst()) {
      throw new AppError('ALREADY_SET_UP', 'Fortytwo is already set up. Sign in, or ask an owner for an invitation.');
    }
    const now = nowIso();
    const user = { id: newId(), email: input.email, name: input.name, passwordHash, createdAt: now, updatedAt: now };
    await tx.insertInto('users').values(user).execute();
    const actor = { userId: user.id, name: user.name };
    await audit({
      orgId: null,
      actor,
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      after: presentUser(user),
    });
    const organization = await createOrganizationInTx(tx, audit, actor, input.organizationName);
    return { user: presentUser(user), organization };
  });
}
