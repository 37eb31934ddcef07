import { z } from 'zod';
import type { AuditEventTable } from '../../platform/db/schema';
import { verifyChain } from '../../platform/audit';
import { cursorPart, decodeCursor, encodeCursor } from '../../platform/pagination';
import type { Deps } from '../../platform/transaction';

const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

export function presentAuditEvent(e: AuditEventTable) {
  return {
    id: e.id,
    seq: e.seq,
    at: e.at,
    actor: { id: e.actorId, name: e.actorName },
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: parse(e.before),
    after: parse(e.after),
    hash: e.hash,
    prevHash: e.prevHash,
  };
}

export type AuditFilter = {
  entityType?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
};

/** The seq of the last event sent. */
const CURSOR = z.tuple([cursorPart.integer]);

/** Newest first. The chain of an organization is its id. */
export async function listAuditEvents(
  deps: Deps,
  orgId: string,
  filter: AuditFilter,
  page: { limit: number; cursor?: string | undefined },
) {
  let q = deps.db.selectFrom('auditEvents').selectAll().where('chain', '=', orgId);
  if (filter.entityType) q = q.where('entityType', '=', filter.entityType);
  if (filter.entityId) q = q.where('entityId', '=', filter.entityId);
  if (filter.action) q = q.where('action', '=', filter.action);
  if (page.cursor) q = q.where('seq', '<', decodeCursor(page.cursor, CURSOR)[0]);
  const rows = await q
    .orderBy('seq', 'desc')
    .limit(page.limit + 1)
    .execute();
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items: items.map(presentAuditEvent),
    nextCursor: rows.length > page.limit && last ? encodeCursor([last.seq]) : null,
  };
}

export async function verifyAuditChain(deps: Deps, orgId: string) {
  const BATCH = 1000;
  async function* batches() {
    let after = 0;
    for (;;) {
      const rows = await deps.db
        .selectFrom('auditEvents')
        .selectAll()
        .where('chain', '=', orgId)
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(BATCH)
        .execute();
      if (rows.length === 0) return;
      yield rows;
      after = rows.at(-1)!.seq;
    }
  }
  return verifyChain(batches());
}
