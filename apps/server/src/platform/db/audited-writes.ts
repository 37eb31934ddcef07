import type {
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

/**
 * The tables the kept answers read (platform/http/response-cache.ts: the risk register, the risk
 * dashboard, a gap assessment), in their SQL names. A transaction that writes one of them must record
 * an audit event, or a kept answer would outlive the change. Under NODE_ENV=test every transaction is
 * checked (platform/transaction.ts), so the whole suite proves the rule for every module's writes.
 * (People's names never change once written, and who may read is checked on every request, so users
 * and memberships are not among them.)
 */
export const WATCHED_TABLES = new Set([
  'risks',
  'risk_assessments',
  'risk_treatments',
  'risk_acceptances',
  'risk_criteria',
  'risk_plan_approvals',
  'actions',
  'custom_controls',
  'gap_assessments',
  'gap_assessment_items',
  'evidence',
  'evidence_links',
  'ai_systems',
]);

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The table an insert, update or delete writes (null for a read). */
export function writtenTable(node: RootOperationNode): string | null {
  const table = (n: OperationNode | undefined): string | null => {
    if (!n) return null;
    if (n.kind === 'TableNode')
      return snake((n as unknown as { table: { identifier: { name: string } } }).table.identifier.name);
    if (n.kind === 'AliasNode') return table((n as unknown as { node: OperationNode }).node);
    return null;
  };
  if (node.kind === 'InsertQueryNode') return table(node.into);
  if (node.kind === 'UpdateQueryNode') return table(node.table);
  if (node.kind === 'DeleteQueryNode') return table(node.from.froms[0]);
  return null;
}

/**
 * Watches one transaction: which watched tables it changed (a statement that changed no row, such as
 * an insert that met its conflict and did nothing, changes nothing a reader sees), and whether it
 * appended to an audit chain.
 */
export class AuditedWritesCheck implements KyselyPlugin {
  private readonly written = new Set<string>();
  private readonly pending = new Map<string, string>();
  private audited = false;

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    inCheckedTransaction.add(queryId.queryId);
    const table = writtenTable(node);
    if (table === 'audit_events') this.audited = true;
    else if (table && WATCHED_TABLES.has(table)) this.pending.set(queryId.queryId, table);
    return node;
  }

  transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const table = this.pending.get(queryId.queryId);
    if (table) {
      this.pending.delete(queryId.queryId);
      if (Number(result.numAffectedRows ?? result.rows.length) > 0) this.written.add(table);
    }
    return Promise.resolve(result);
  }

  /** Throws when the transaction wrote a watched table without an audit event: a programming error. */
  verify(): void {
    if (this.written.size && !this.audited)
      throw new Error(
        `A transaction wrote ${[...this.written].join(', ')} without an audit event: kept answers (platform/http/response-cache.ts) would not see it`,
      );
  }
}

/** The queries `inTransaction` runs, marked by its check so that `WritesOutsideTransactions` can tell them apart. */
const inCheckedTransaction = new Set<string>();

/**
 * The other half of the rule: a write of a watched table outside `inTransaction` (straight on the
 * server's handle, or in a transaction opened by hand) escapes the check above, so under test the
 * server's handle carries this plugin and such a write fails (server.ts). A transaction exempted with
 * `unaudited` still runs through the check, which marks its queries. Migrations and the tests' own
 * seeding use the bare handle and are not concerned.
 */
export class WritesOutsideTransactions implements KyselyPlugin {
  private readonly pending = new Map<string, string>();

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    const table = writtenTable(node);
    if (table && WATCHED_TABLES.has(table)) this.pending.set(queryId.queryId, table);
    return node;
  }

  // Runs after every plugin's transformQuery, the transaction's check among them (Kysely calls each
  // plugin's transformQuery, then runs the statement, then each transformResult).
  transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const inside = inCheckedTransaction.delete(queryId.queryId);
    const table = this.pending.get(queryId.queryId);
    if (table === undefined) return Promise.resolve(result);
    this.pending.delete(queryId.queryId);
    if (!inside && Number(result.numAffectedRows ?? result.rows.length) > 0)
      return Promise.reject(
        new Error(
          `${table} was written outside inTransaction: kept answers (platform/http/response-cache.ts) would not see it`,
        ),
      );
    return Promise.resolve(result);
  }
}
