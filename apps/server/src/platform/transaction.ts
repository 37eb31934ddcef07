import { lockKey, type Db, type Dialect, type Tx } from './db/connect';
import { recordAudit, type AuditInput } from './audit';
import { AuditedWritesCheck } from './db/audited-writes';

export type Deps = { db: Db; dialect: Dialect };

export type TransactionOptions = {
  /**
   * Keys to hold for the whole transaction, taken before `work` reads anything: a use case that
   * decides from what it reads (the last owner, the next revision of an approval) names what it
   * decides about, so two such decisions on one organization take turns on every instance.
   */
  lock?: string | string[];
  /**
   * Why this transaction may write what a kept answer reads without an audit event (platform/db/
   * audited-writes.ts): only for a write no reader can tell from the state before it.
   */
  unaudited?: string;
};

/**
 * The dependencies of a read that runs inside an open transaction. A service reading through
 * `deps.db` there would wait for a second connection, and SQLite has one: it would never come.
 */
export const within = (deps: Deps, tx: Tx): Deps => ({ db: tx, dialect: deps.dialect });

// Under test, every transaction is watched: one that writes what a kept answer reads without recording
// an audit event fails (platform/db/audited-writes.ts), so the suite proves the response cache's rule.
const CHECK_AUDITED_WRITES = process.env.NODE_ENV === 'test';

/** A unit of work: the change and its audit events commit together or not at all. */
export function inTransaction<T>(
  deps: Deps,
  work: (tx: Tx, audit: (e: AuditInput) => Promise<void>) => Promise<T>,
  opts: TransactionOptions = {},
): Promise<T> {
  return deps.db.transaction().execute(async (opened) => {
    const check = CHECK_AUDITED_WRITES ? new AuditedWritesCheck() : null;
    const tx = check ? opened.withPlugin(check) : opened;
    for (const key of [opts.lock ?? []].flat().sort()) await lockKey(tx, deps.dialect, key);
    const result = await work(tx, (e) => recordAudit(tx, deps.dialect, e));
    if (!opts.unaudited) check?.verify();
    return result;
  });
}
