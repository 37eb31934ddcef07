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
 * The tables the kept answers read (platform/http/response-cache.ts), in their SQL names; under test a
 * kept route that reads any other fails (platform/http/kept-reads.ts). A transaction that writes one of them must record
 * an audit event, or a kept answer would outlive the change. Under NODE_ENV=test every transaction is
 * checked (platform/transaction.ts), so the whole suite proves the rule for every module's writes.
 * (People's names never change once written, so users are not among them.)
 */
export const WATCHED_TABLES = new Set([
  // The risk register, the risk dashboard, the treatment plan and a gap assessment.
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
  // The Statement of Applicability.
  'soa_decisions',
  'soa_versions',
  'control_implementations',
  'interested_parties',
  'org_contexts',
  // The overview: where each step of the journey stands.
  'organizations',
  'people',
  'scope_drafts',
  'scope_revisions',
  'governance_pillars',
  'raci_activities',
  'impact_assessments',
  'documents',
  'document_settings',
  'control_occurrences',
  'objectives',
  'metrics',
  'measurements',
  'training_assignments',
  'training_completions',
  'development_actions',
  'ai_changes',
  'ai_reassessments',
  'ai_no_change_confirmations',
  'audit_programmes',
  'audit_programme_approvals',
  'audits',
  'nonconformities',
  'management_reviews',
  'certification_engagements',
  // What the overview's modules may read on data the suite's organizations do not all have (found by
  // reading those modules' statements, not only by the kept-reads check, which sees what the tests reach).
  'document_versions',
  'document_reviews',
  'document_acknowledgements',
  'objective_progress',
  'audit_findings',
  'audit_checklist_items',
  'certification_audits',
  'certification_findings',
  'certificates',
  'competences',
  'context_issues',
  'data_sets',
  'suppliers',
  'supplier_systems',
  'evidence_requests',
  'improvements',
  // Who belongs to the organization, in their roles (the overview names people; the access check reads
  // memberships before the handler, outside what kept-reads.ts sees).
  'memberships',
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
