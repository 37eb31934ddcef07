import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';
import type {
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { WATCHED_TABLES } from '../db/audited-writes';
import { AppError } from '../errors';

/**
 * The first half of the response cache's rule, proven under test: a kept answer (response-cache.ts)
 * reads only tables whose every write records an audit event (WATCHED_TABLES, checked by
 * audited-writes.ts). A route that opts in with `cache: true` and reads anything else fails every test
 * that reaches it, naming the tables, instead of serving an answer a change would not refresh.
 */

/**
 * Read freely: who is asking is checked on every request before a kept answer is sent (access.ts, which
 * reads memberships outside the handler), the chain is the version itself, and people's names never
 * change once written.
 */
const READ_FREELY = new Set(['users', 'sessions', 'api_tokens', 'audit_events']);

const reads = new AsyncLocalStorage<Set<string>>();

declare module 'fastify' {
  interface FastifyRequest {
    keptReads: Set<string> | null;
  }
}

/** Every table a statement names, in its SQL name: in FROM, joins and subqueries at any depth (not its CTEs' names nor its aliases). */
export function tablesIn(root: OperationNode): string[] {
  const found = new Set<string>();
  const ctes = new Set<string>();
  const aliases = new Set<string>();
  const nameOf = (table: { identifier: { name: string } }) =>
    table.identifier.name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    const node = value as {
      kind?: string;
      table?: { identifier: { name: string } } | { table: { identifier: { name: string } } };
    };
    if (node.kind === 'CommonTableExpressionNameNode') {
      ctes.add(nameOf((node.table as { table: { identifier: { name: string } } }).table));
      return;
    }
    if (node.kind === 'TableNode') found.add(nameOf(node.table as { identifier: { name: string } }));
    // `risks as r`: later references to `r.id` name the alias, not a table.
    const aliased = value as { kind?: string; node?: { kind?: string }; alias?: { name?: string } };
    if (aliased.kind === 'AliasNode' && aliased.node?.kind === 'TableNode' && aliased.alias?.name)
      aliases.add(aliased.alias.name);
    for (const child of Object.values(value)) walk(child);
  };
  walk(root);
  return [...found].filter((t) => !ctes.has(t) && !aliases.has(t));
}

/** On the server's handle under test: notes the tables each statement of a kept route reads. */
export class KeptAnswerReads implements KyselyPlugin {
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    const store = reads.getStore();
    if (store) for (const table of tablesIn(node)) store.add(table);
    return node;
  }

  transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(result);
  }
}

/** Registered before the response cache, so an answer that breaks the rule is refused, never kept. */
export function registerKeptReadsCheck(app: FastifyInstance): void {
  app.decorateRequest('keptReads', null);
  // A callback hook: the rest of the request (handler included) runs inside `reads.run`.
  app.addHook('preHandler', (req, _reply, done) => {
    if (!req.routeOptions.config.cache || req.method !== 'GET') return done();
    const store = new Set<string>();
    req.keptReads = store;
    reads.run(store, done);
  });
  app.addHook('onSend', async (req, _reply, payload) => {
    const unwatched = [...(req.keptReads ?? [])].filter((t) => !WATCHED_TABLES.has(t) && !READ_FREELY.has(t));
    if (unwatched.length)
      throw new AppError(
        'INTERNAL',
        `${req.routeOptions.url} keeps its answers but read ${unwatched.sort().join(', ')}, which no audit event ` +
          'guards: add the tables to WATCHED_TABLES (platform/db/audited-writes.ts) and let the suite prove their writes',
      );
    return payload;
  });
}
