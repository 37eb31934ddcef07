import type { Db, Dialect, Tx } from './db/connect';
import { recordAudit, type AuditInput } from './audit';

export type Deps = { db: Db; dialect: Dialect };

/** A unit of work: the change and its audit events commit together or not at all. */
export function inTransaction<T>(deps: Deps, work: (tx: Tx, audit: (e: AuditInput) => Promise<void>) => Promise<T>): Promise<T> {
  return deps.db.transaction().execute((tx) => work(tx, (e) => recordAudit(tx, deps.dialect, e)));
}
