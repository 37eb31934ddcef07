import type { DocumentType } from '@fortytwo/catalog';
import type { Db, Tx } from '../../platform/db/connect';

// A published document turns stale when a record it is written from changes after it was
// published: a risk added, a control excluded, the scope revised. The audit trail already says
// what changed and when, so staleness is read from it rather than guessed, and shows the changes.

export type StaleChange = { at: string; action: string; entityType: string; entityId: string; actor: string };
export type Staleness = { since: string; count: number; changes: StaleChange[] } | null;

const SHOWN = 10;

export async function stalenessOf(
  db: Db | Tx,
  orgId: string,
  type: DocumentType,
  publishedAt: string | null,
): Promise<Staleness> {
  if (!publishedAt || type.inputs.length === 0) return null;
  const q = db
    .selectFrom('auditEvents')
    .where('chain', '=', orgId)
    .where('at', '>', publishedAt)
    .where('entityType', 'in', [...type.inputs]);
  const [count, changes] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q.select(['at', 'action', 'entityType', 'entityId', 'actorName']).orderBy('seq', 'desc').limit(SHOWN).execute(),
  ]);
  if (Number(count.n) === 0) return null;
  return {
    since: publishedAt,
    count: Number(count.n),
    changes: changes.map((c) => ({
      at: c.at,
      action: c.action,
      entityType: c.entityType,
      entityId: c.entityId,
      actor: c.actorName,
    })),
  };
}
