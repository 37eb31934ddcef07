import { z } from 'zod';
import type { Actor, AuditInput } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { notFound } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { evidenceReference } from '../evidence/links';

// The curated list: which evidence of the library the external auditors see. Sharing twice and
// unsharing what is not shared change nothing; each real change is an audit event.

export const ZShareOut = z.object({
  evidenceId: z.string(),
  reference: z.string(),
  title: z.string(),
  sharedAt: z.string(),
});

export async function sharedEvidenceIds(db: Db | Tx, orgId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('auditorSharedEvidence').select('evidenceId').where('orgId', '=', orgId).execute();
  return new Set(rows.map((r) => r.evidenceId));
}

export async function listShares(db: Db | Tx, orgId: string): Promise<z.infer<typeof ZShareOut>[]> {
  const rows = await db
    .selectFrom('auditorSharedEvidence')
    .innerJoin('evidence', 'evidence.id', 'auditorSharedEvidence.evidenceId')
    .select(['evidence.id', 'evidence.number', 'evidence.title', 'auditorSharedEvidence.sharedAt'])
    .where('auditorSharedEvidence.orgId', '=', orgId)
    .orderBy('evidence.number')
    .execute();
  return rows.map((r) => ({
    evidenceId: r.id,
    reference: evidenceReference(r.number),
    title: r.title,
    sharedAt: r.sharedAt,
  }));
}

async function evidenceOf(tx: Tx, orgId: string, id: string) {
  const ev = await tx
    .selectFrom('evidence')
    .select(['id', 'number', 'title'])
    .where('orgId', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!ev) throw notFound('Evidence');
  return ev;
}

/** Shares inside a transaction (also used when a request is answered). Returns whether it was new. */
export async function shareInTx(
  tx: Tx,
  audit: (e: AuditInput) => Promise<void>,
  actor: Actor,
  orgId: string,
  evidenceId: string,
): Promise<boolean> {
  const ev = await evidenceOf(tx, orgId, evidenceId);
  const res = await tx
    .insertInto('auditorSharedEvidence')
    .values({ orgId, evidenceId, sharedAt: nowIso(), sharedBy: actor.userId })
    .onConflict((oc) => oc.columns(['orgId', 'evidenceId']).doNothing())
    .executeTakeFirst();
  const added = Number(res.numInsertedOrUpdatedRows ?? 0n) === 1;
  if (added)
    await audit({
      orgId,
      actor,
      action: 'evidence.shared_with_auditors',
      entityType: 'evidence',
      entityId: evidenceId,
      after: { reference: evidenceReference(ev.number), title: ev.title },
    });
  return added;
}

export function shareEvidence(deps: Deps, actor: Actor, orgId: string, evidenceId: string) {
  return inTransaction(deps, (tx, audit) => shareInTx(tx, audit, actor, orgId, evidenceId));
}

export function unshareEvidence(deps: Deps, actor: Actor, orgId: string, evidenceId: string) {
  return inTransaction(deps, async (tx, audit) => {
    const ev = await evidenceOf(tx, orgId, evidenceId);
    const res = await tx
      .deleteFrom('auditorSharedEvidence')
      .where('orgId', '=', orgId)
      .where('evidenceId', '=', evidenceId)
      .executeTakeFirst();
    if (Number(res.numDeletedRows) === 1)
      await audit({
        orgId,
        actor,
        action: 'evidence.unshared_with_auditors',
        entityType: 'evidence',
        entityId: evidenceId,
        before: { reference: evidenceReference(ev.number), title: ev.title },
      });
  });
}
