import { createHash } from 'node:crypto';
import { lockKey, type Dialect, type Tx } from './db/connect';
import type { AuditEventTable } from './db/schema';
import { newId, nowIso } from './ids';

export type Actor = { userId: string | null; name: string };
export const SYSTEM_ACTOR: Actor = { userId: null, name: 'system' };

export type AuditInput = {
  orgId: string | null;
  /** Account events outside any organization chain per user. */
  userChainId?: string;
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

export const GENESIS_HASH = '0'.repeat(64);

/** The exact bytes that are hashed: every stored field but the hash itself, in a fixed order. */
export function eventHash(e: Omit<AuditEventTable, 'hash'>): string {
  const payload = JSON.stringify([
    e.id,
    e.chain,
    e.seq,
    e.orgId,
    e.at,
    e.actorId,
    e.actorName,
    e.action,
    e.entityType,
    e.entityId,
    e.before,
    e.after,
    e.prevHash,
  ]);
  return createHash('sha256').update(payload).digest('hex');
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/**
 * Appends one event to its chain. Must run inside the transaction of the change it records, so
 * the change and its history commit or roll back together.
 */
export async function recordAudit(tx: Tx, dialect: Dialect, input: AuditInput): Promise<void> {
  const chain = input.orgId ?? `user:${input.userChainId ?? input.actor.userId ?? 'system'}`;
  await lockKey(tx, dialect, chain);
  const last = await tx
    .selectFrom('auditEvents')
    .select(['seq', 'hash'])
    .where('chain', '=', chain)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const row = {
    id: newId(),
    chain,
    seq: (last?.seq ?? 0) + 1,
    orgId: input.orgId,
    at: nowIso(),
    actorId: input.actor.userId,
    actorName: input.actor.name,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    before: json(input.before),
    after: json(input.after),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx
    .insertInto('auditEvents')
    .values({ ...row, hash: eventHash(row) })
    .execute();
}

export type ChainVerdict = { ok: boolean; checked: number; firstBrokenId: string | null };

/** Recomputes a chain from the start; the first event whose hash or link does not hold is reported. */
export async function verifyChain(rowsInOrder: AsyncIterable<AuditEventTable[]>): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for await (const batch of rowsInOrder) {
    for (const e of batch) {
      checked++;
      const { hash, ...rest } = e;
      if (e.seq !== expectedSeq || e.prevHash !== prev || eventHash(rest) !== hash)
        return { ok: false, checked, firstBrokenId: e.id };
      prev = hash;
      expectedSeq++;
    }
  }
  return { ok: true, checked, firstBrokenId: null };
}
