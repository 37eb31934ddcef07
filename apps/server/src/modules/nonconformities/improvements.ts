import { z } from 'zod';
import {
  IMPROVEMENT_SOURCES,
  IMPROVEMENT_STATUSES,
  type ZCreateImprovement,
  type ZUpdateImprovement,
} from '@fortytwo/domain';
import type { Actor, AuditInput } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { nextNumber } from '../../platform/db/record-numbers';
import type { ImprovementTable } from '../../platform/db/schema';
import { writeOne } from '../../platform/db/versioned';
import { notFound, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { ncRef } from './read';
import { assertMember } from './raise';

// The improvement log (10.1): improvements people propose, opportunities for improvement from audits,
// and (derived, read-only here) every nonconformity with its corrective action.

export const ZImprovementOut = z.object({
  id: z.string(),
  ref: z.string().describe('IMP-1 for a logged improvement, NC-1 for a nonconformity'),
  kind: z.enum(['improvement', 'nonconformity']),
  title: z.string(),
  description: z.string(),
  source: z.string(),
  sourceRef: z.string().nullable(),
  ownerId: z.string().nullable(),
  status: z.string(),
  version: z.number().describe('0 for a nonconformity (edit it in the nonconformity register)'),
  createdAt: z.string(),
});
export type ImprovementOut = z.infer<typeof ZImprovementOut>;
const presentImprovement = (r: ImprovementTable): ImprovementOut => ({
  id: r.id,
  ref: `IMP-${r.number}`,
  kind: 'improvement',
  title: r.title,
  description: r.description,
  source: r.source,
  sourceRef: r.sourceRef,
  ownerId: r.ownerId,
  status: r.status,
  version: r.version,
  createdAt: r.createdAt,
});

export async function improvementLog(db: Db | Tx, orgId: string): Promise<ImprovementOut[]> {
  const own = await db.selectFrom('improvements').selectAll().where('orgId', '=', orgId).execute();
  const ncs = await db
    .selectFrom('nonconformities')
    .select(['id', 'number', 'title', 'rootCause', 'source', 'sourceRef', 'ownerId', 'status', 'createdAt'])
    .where('orgId', '=', orgId)
    .execute();
  return [
    ...own.map(presentImprovement),
    ...ncs.map((n): ImprovementOut => ({
      id: n.id,
      ref: ncRef(n.number),
      kind: 'nonconformity',
      title: n.title,
      description: n.rootCause ? `Root cause: ${n.rootCause}` : '',
      source: n.source,
      sourceRef: n.sourceRef,
      ownerId: n.ownerId,
      status: n.status,
      version: 0,
      createdAt: n.createdAt,
    })),
  ].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function logImprovementInTx(
  tx: Tx,
  audit: (e: AuditInput) => Promise<void>,
  actor: Actor,
  orgId: string,
  input: z.output<typeof ZCreateImprovement> & { sourceId?: string | null; sourceRef?: string | null },
): Promise<ImprovementOut> {
  await assertMember(tx, orgId, input.ownerId);
  const number = await nextNumber(tx, orgId, 'improvement');
  const now = nowIso();
  const id = newId();
  await tx
    .insertInto('improvements')
    .values({
      id,
      orgId,
      number,
      title: input.title,
      description: input.description,
      source: input.source,
      sourceId: input.sourceId ?? null,
      sourceRef: input.sourceRef ?? null,
      ownerId: input.ownerId,
      status: input.status,
      version: 1,
      createdAt: now,
      createdBy: actor.userId,
      updatedAt: now,
      updatedBy: actor.userId,
    })
    .execute();
  const created = presentImprovement(
    (await tx.selectFrom('improvements').selectAll().where('id', '=', id).executeTakeFirst())!,
  );
  await audit({ orgId, actor, action: 'improvement.logged', entityType: 'improvement', entityId: id, after: created });
  return created;
}

export const createImprovement = (
  deps: Deps,
  actor: Actor,
  orgId: string,
  input: z.output<typeof ZCreateImprovement>,
) => inTransaction(deps, (tx, audit) => logImprovementInTx(tx, audit, actor, orgId, input));

export function updateImprovement(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  patch: z.output<typeof ZUpdateImprovement>,
) {
  return inTransaction(deps, async (tx, audit) => {
    const row = await tx
      .selectFrom('improvements')
      .selectAll()
      .where('orgId', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('Improvement');
    const before = presentImprovement(row);
    if (row.version !== patch.version) throw staleVersion('improvement', before);
    const { version, ...changes } = patch;
    if (changes.ownerId !== undefined && changes.ownerId !== row.ownerId)
      await assertMember(tx, orgId, changes.ownerId);
    await writeOne(
      tx
        .updateTable('improvements')
        .set({
          ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
          version: version + 1,
          updatedAt: nowIso(),
          updatedBy: actor.userId,
        })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', version),
      () => staleVersion('improvement', before),
    );
    const after = presentImprovement(
      (await tx.selectFrom('improvements').selectAll().where('id', '=', id).executeTakeFirst())!,
    );
    await audit({
      orgId,
      actor,
      action: 'improvement.updated',
      entityType: 'improvement',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export { IMPROVEMENT_SOURCES, IMPROVEMENT_STATUSES };
