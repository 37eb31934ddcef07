import type { Role } from '@fortytwo/domain';
import { nowIso } from '../../platform/ids';
import { notFound, staleVersion } from '../../platform/errors';
import type { Actor } from '../../platform/audit';
import { inTransaction, type Deps } from '../../platform/transaction';
import { presentOrganization } from './create-organization';
import { writeOne } from '../../platform/db/versioned';

/** The organizations a user can open now, with their role; expired memberships are left out. */
export async function listMyOrganizations(deps: Deps, userId: string) {
  const rows = await deps.db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.orgId')
    .select([
      'organizations.id',
      'organizations.name',
      'organizations.createdAt',
      'organizations.version',
      'memberships.role',
      'memberships.expiresAt',
    ])
    .where('memberships.userId', '=', userId)
    .where((eb) => eb.or([eb('memberships.expiresAt', 'is', null), eb('memberships.expiresAt', '>', nowIso())]))
    .orderBy('organizations.name')
    .execute();
  return rows.map((r) => ({ organization: presentOrganization(r), role: r.role as Role, expiresAt: r.expiresAt }));
}

export async function getOrganization(deps: Deps, orgId: string) {
  const org = await deps.db.selectFrom('organizations').selectAll().where('id', '=', orgId).executeTakeFirst();
  if (!org) throw notFound('Organization');
  return presentOrganization(org);
}

export async function renameOrganization(
  deps: Deps,
  actor: Actor,
  orgId: string,
  input: { name: string; version: number },
) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await tx.selectFrom('organizations').selectAll().where('id', '=', orgId).executeTakeFirst();
    if (!before) throw notFound('Organization');
    const after = { ...before, name: input.name, version: before.version + 1, updatedAt: nowIso() };
    await writeOne(
      tx
        .updateTable('organizations')
        .set({ name: after.name, version: after.version, updatedAt: after.updatedAt })
        .where('id', '=', orgId)
        .where('version', '=', input.version),
      () => staleVersion('organization', presentOrganization(before)),
    );
    await audit({
      orgId,
      actor,
      action: 'organization.updated',
      entityType: 'organization',
      entityId: orgId,
      before: presentOrganization(before),
      after: presentOrganization(after),
    });
    return presentOrganization(after);
  });
}
