import type { Tx } from '../../platform/db/connect';
import type { Actor, AuditInput } from '../../platform/audit';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { seedDefaultRaci } from '../context/governance';

export const presentOrganization = (o: { id: string; name: string; createdAt: string; version: number }) => ({
  id: o.id,
  name: o.name,
  createdAt: o.createdAt,
  version: o.version,
});

/** The creator becomes the organization's first owner; the RACI starts with the usual AIMS activities. */
export async function createOrganizationInTx(
  tx: Tx,
  audit: (e: AuditInput) => Promise<void>,
  actor: Actor & { userId: string },
  name: string,
) {
  const now = nowIso();
  const org = { id: newId(), name, createdAt: now, updatedAt: now, version: 1 };
  await tx.insertInto('organizations').values(org).execute();
  await tx
    .insertInto('memberships')
    .values({
      orgId: org.id,
      userId: actor.userId,
      role: 'owner',
      expiresAt: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .execute();
  await audit({
    orgId: org.id,
    actor,
    action: 'organization.created',
    entityType: 'organization',
    entityId: org.id,
    after: presentOrganization(org),
  });
  await audit({
    orgId: org.id,
    actor,
    action: 'membership.created',
    entityType: 'membership',
    entityId: actor.userId,
    after: { userId: actor.userId, role: 'owner', expiresAt: null },
  });
  await seedDefaultRaci(tx, audit, org.id);
  return presentOrganization(org);
}

export function createOrganization(deps: Deps, actor: Actor & { userId: string }, name: string) {
  return inTransaction(deps, (tx, audit) => createOrganizationInTx(tx, audit, actor, name));
}
