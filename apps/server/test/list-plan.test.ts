import { CompiledQuery, sql, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { expect, it } from 'vitest';
import { AI_SYSTEM_SORTS } from '@fortytwo/domain';
import { listAiSystems } from '../src/modules/inventory/service';
import { encodeCursor } from '../src/platform/pagination';
import { describeEachDialect, newOrgOwner } from './harness';

// The list must walk an index in its sort order, never read and sort the whole organization
// (bench/README.md, "Findings"). This fails when a sort expression and migration 0002's indexes drift
// apart, e.g. when an enum gains a value without a migration that rebuilds its rank index.

describeEachDialect('AI system list query plans', (ctx) => {
  async function plansFor(orgId: string, query: { sort: (typeof AI_SYSTEM_SORTS)[number]; cursor?: string }) {
    const { db, dialect } = ctx().handle;
    const captured: RootOperationNode[] = [];
    const capture: KyselyPlugin = {
      transformQuery: ({ node }) => (captured.push(node), node),
      transformResult: ({ result }) => Promise.resolve(result),
    };
    await listAiSystems({ db: db.withPlugin(capture), dialect }, orgId, { limit: 100, order: 'asc', ...query });
    const pageQuery = db.getExecutor().compileQuery(captured[0]!, { queryId: 'plan' });
    return db.transaction().execute(async (tx) => {
      if (dialect === 'postgres') {
        // A tiny table would be scanned anyway; forbidding the scan shows whether an index can serve.
        await sql`set local enable_seqscan = off`.execute(tx);
        const res = await tx.executeQuery<{ 'QUERY PLAN': string }>(
          CompiledQuery.raw(`explain ${pageQuery.sql}`, [...pageQuery.parameters]),
        );
        return res.rows.map((r) => r['QUERY PLAN']).join('\n');
      }
      const res = await tx.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${pageQuery.sql}`, [...pageQuery.parameters]),
      );
      return res.rows.map((r) => r.detail).join('\n');
    });
  }

  for (const sort of ['name', 'riskTier', 'lifecycleStage'] as const) {
    it(`pages sort=${sort} from an index, without sorting`, async () => {
      const { orgId } = await newOrgOwner(ctx(), `Plan ${sort}`);
      const first = await plansFor(orgId, { sort });
      const next = await plansFor(orgId, { sort, cursor: encodeCursor([sort === 'name' ? 'm' : 2, '0']) });
      for (const plan of [first, next]) {
        expect(plan).not.toMatch(/TEMP B-TREE|Sort/);
        expect(plan).toMatch(sort === 'name' ? /ai_systems_org_lower_name/ : /ai_systems_org_\w+_rank/);
      }
    });
  }
});
