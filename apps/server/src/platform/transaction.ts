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

/** A unit of work: the change and its audit events commit together or not at all. */
export function inTransaction<T>(deps: Deps, work: (tx: Tx, audit: (e: AuditInput) => Promise<void>) => Promise<T>, opts: TransactionOptions = {}): Promise<T> {
  return deps.db.transaction().execute(async (tx) => {
    for (const key of [opts.lock ?? []].flat().sort()) await lockKey(tx, deps.dialect, key);
    return work(tx, (e) => recordAudit(tx, deps.dialect, e));
  });
}
