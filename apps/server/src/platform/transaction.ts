import { lockKey, type Db, type Dialect, type Tx } from './db/connect';
import { recordAudit, type AuditInput } from './audit';

export type Deps = { db: Db; dialect: Dialect };

export type TransactionOptions = {
  /**
   * Keys to hold for the whole transaction, taken before `work` reads anything: a use case that
   * decides from what it reads (the last owner, the next revision of an approval) names what it
   * decides about, so two such decisions on one organization take turns on every instance.
   */
  lock?: string | string[];
};

/**
 * The dependencies of a read that runs inside an open transaction. A service reading through
 * `deps.db` there would wait for a second connection, and SQLite has one: it would never come.
 */
export const within = (deps: Deps, tx: Tx): Deps => ({ db: tx, dialect: deps.dialect });

/** A unit of work: the change and its audit events commit together or not at all. */
export function inTransaction<T>(
  deps: Deps,
  work: (tx: Tx, audit: (e: AuditInput) => Promise<void>) => Promise<T>,
  opts: TransactionOptions = {},
): Promise<T> {
  return deps.db.transaction().execute(async (tx) => {
    for (const key of [opts.lock ?? []].flat().sort()) await lockKey(tx, deps.dialect, key);
    return work(tx, (e) => recordAudit(tx, deps.dialect, e));
  });
}
