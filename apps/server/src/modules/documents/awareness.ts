import { z } from 'zod';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { notFound, ruleViolation } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { ENTITY } from './drafts';
import { findVersion, labelOf } from './repository';

// Awareness (7.3): members read a published version and say so. The list of who acknowledged
// which version, and who has not yet, is the evidence an auditor samples; a new version asks again.

export const ZAcknowledgements = z.object({
  versionLabel: z.string(),
  acknowledged: z.array(z.object({ user: z.object({ id: z.string(), name: z.string() }), at: z.string() })),
  pending: z
    .array(z.object({ id: z.string(), name: z.string() }))
    .describe('current members (external auditors excepted) who have not acknowledged this version'),
});
export type Acknowledgements = z.infer<typeof ZAcknowledgements>;

export async function acknowledgementsOf(
  db: Db | Tx,
  orgId: string,
  documentId: string,
  versionId: string,
): Promise<Acknowledgements> {
  const v = await findVersion(db, orgId, documentId, versionId);
  if (!v) throw notFound('Document version');
  const [acks, members] = await Promise.all([
    db
      .selectFrom('documentAcknowledgements')
      .select(['userId', 'userName', 'at'])
      .where('orgId', '=', orgId)
      .where('versionId', '=', versionId)
      .orderBy('at')
      .execute(),
    db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.userId')
      .select(['users.id', 'users.name', 'memberships.expiresAt'])
      .where('memberships.orgId', '=', orgId)
      .where('memberships.role', '!=', 'external_auditor')
      .orderBy('users.name')
      .execute(),
  ]);
  const done = new Set(acks.map((a) => a.userId));
  const now = nowIso();
  return {
    versionLabel: labelOf(v),
    acknowledged: acks.map((a) => ({ user: { id: a.userId, name: a.userName }, at: a.at })),
    pending: members
      .filter((m) => !done.has(m.id) && (m.expiresAt === null || m.expiresAt > now))
      .map((m) => ({ id: m.id, name: m.name })),
  };
}

/** The caller has read the version in force. Acknowledging twice keeps the first date. */
export function acknowledge(
  deps: Deps,
  actor: Actor,
  orgId: string,
  documentId: string,
  versionId: string,
): Promise<Acknowledgements> {
  return inTransaction(deps, async (tx, audit) => {
    const v = await findVersion(tx, orgId, documentId, versionId);
    if (!v) throw notFound('Document version');
    if (v.state !== 'published')
      throw ruleViolation(
        `Only the version in force is acknowledged; version ${labelOf(v)} is ${v.state.replace('_', ' ')}.`,
      );
    if (!actor.userId) throw ruleViolation('Only a person can acknowledge a document.');
    const res = await tx
      .insertInto('documentAcknowledgements')
      .values({ orgId, versionId, userId: actor.userId, userName: actor.name, at: nowIso() })
      .onConflict((oc) => oc.columns(['versionId', 'userId']).doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0n) === 1)
      await audit({
        orgId,
        actor,
        action: 'document_version.acknowledged',
        entityType: ENTITY,
        entityId: documentId,
        after: { version: labelOf(v) },
      });
    return acknowledgementsOf(tx, orgId, documentId, versionId);
  });
}
