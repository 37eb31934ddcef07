import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, CompiledQuery, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../apps/server/src/platform/db/schema';
import { connect, migrate, sqliteFile } from '../apps/server/src/platform/db/connect';
import { listAiSystems } from '../apps/server/src/modules/inventory/service';
import { ZAiSystemListQuery, type TAiSystemListQuery } from '../apps/server/src/modules/inventory/schema';
import { seedLargeOrg } from './generate';
import { CANDIDATE_INDEXES, median, printTable, round, tierRank, writeResult } from './util';

/**
 * Why the inventory list is as fast as it is. Per dialect: seeds BENCH_AI_SYSTEMS (10,000) AI
 * systems, records the exact SQL the server's listAiSystems() sends for each scenario, and prints
 * each statement's median time and plan. With --try-indexes it then adds candidate indexes to the
 * throwaway database, measures the server's statements again, and measures hand-written rewrites
 * (what a server change would send). Reports only: it changes no server code.
 *
 *   npx tsx bench/explain.ts [--try-indexes] [--quiet]
 */
const AI_SYSTEMS = Number(process.env.BENCH_AI_SYSTEMS ?? 10_000);
const PG_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const REPEAT = 30;
const DEEP_PAGE = 50; // page 51: 5,000 rows into the list
const TRY_INDEXES = process.argv.includes('--try-indexes');
const QUIET = process.argv.includes('--quiet'); // timings only, no plans

type Dialect = 'sqlite' | 'postgres';
type Statement = { sql: string; parameters: readonly unknown[] };
type Timing = {
  dialect: Dialect;
  variant: string;
  scenario: string;
  statement: string;
  medianMs: number;
  sql: string;
  plan: string;
};

/** A second Kysely over the same database that writes down every statement the server's code sends. */
function recordingDb(dialect: Dialect, target: { file: string; url: string | undefined }, log: Statement[]) {
  const kdialect =
    dialect === 'sqlite'
      ? new SqliteDialect({ database: new SqliteDatabase(target.file) })
      : new PostgresDialect({ pool: new pg.Pool({ connectionString: target.url, max: 2 }) });
  return new Kysely<Database>({
    dialect: kdialect,
    plugins: [new CamelCasePlugin()],
    log: (e) => {
      if (e.level === 'query') log.push({ sql: e.query.sql, parameters: e.query.parameters });
    },
  });
}

async function measure(db: Kysely<Database>, dialect: Dialect, q: Statement): Promise<{ ms: number; plan: string }> {
  const run = () => db.executeQuery(CompiledQuery.raw(q.sql, [...q.parameters]));
  for (let i = 0; i < 5; i++) await run();
  const xs: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const t = performance.now();
    await run();
    xs.push(performance.now() - t);
  }
  const prefix = dialect === 'sqlite' ? 'explain query plan ' : 'explain (analyze, costs off) ';
  const res = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(prefix + q.sql, [...q.parameters]));
  const plan = res.rows.map((r) => `    ${String(dialect === 'sqlite' ? r.detail : Object.values(r)[0])}`).join('\n');
  return { ms: median(xs), plan };
}

async function adminQuery(query: string) {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
  await c.connect();
  await c.query(query).finally(() => c.end());
}

async function explainDialect(dialect: Dialect): Promise<Timing[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fortytwo-explain-'));
  const dbName = `fortytwo_bench_${randomBytes(6).toString('hex')}`;
  let url: string | undefined;
  if (dialect === 'postgres') {
    await adminQuery(`create database ${dbName}`);
    const u = new URL(PG_URL);
    u.pathname = `/${dbName}`;
    url = u.toString();
  }
  const handle = connect({ databaseUrl: url, dataDir });
  const log: Statement[] = [];
  const db = recordingDb(dialect, { file: sqliteFile(dataDir), url }, log);
  const timings: Timing[] = [];
  const record = async (variant: string, scenario: string, statement: string, q: Statement) => {
    const { ms, plan } = await measure(db, dialect, q);
    timings.push({ dialect, variant, scenario, statement, medianMs: ms, sql: q.sql, plan });
    if (!QUIET)
      console.log(
        `\n[${dialect}] [${variant}] ${scenario}: ${statement}, median ${ms.toFixed(2)} ms\n  ${q.sql}\n${plan}`,
      );
  };
  try {
    await migrate(handle);
    const seeded = await seedLargeOrg(handle, { aiSystems: AI_SYSTEMS });
    const deps = { db, dialect };
    const base = ZAiSystemListQuery.parse({ limit: '100' });
    let page = await listAiSystems(deps, seeded.orgId, base);
    const secondCursor = page.nextCursor!;
    for (let i = 1; i < DEEP_PAGE; i++)
      page = await listAiSystems(deps, seeded.orgId, { ...base, cursor: page.nextCursor! });
    const deepCursor = page.nextCursor!;
    const scenarios: { name: string; query: TAiSystemListQuery }[] = [
      { name: 'first page (sort=name)', query: base },
      { name: 'second page via cursor', query: { ...base, cursor: secondCursor } },
      { name: `page ${DEEP_PAGE + 1} via cursor`, query: { ...base, cursor: deepCursor } },
      { name: 'first page sort=riskTier', query: { ...base, sort: 'riskTier' } },
    ];
    const serverStatements = async (variant: string) => {
      for (const s of scenarios) {
        log.length = 0;
        await listAiSystems(deps, seeded.orgId, s.query);
        const [pageSql, countSql] = [...log];
        await record(variant, s.name, 'page', pageSql!);
        // The count statement is the same for every scenario without filters: measure it once.
        if (s === scenarios[0]) await record(variant, 'every list request', 'count', countSql!);
      }
    };
    await serverStatements('server SQL, migrated schema');
    if (!TRY_INDEXES) return timings;

    for (const ddl of CANDIDATE_INDEXES) await db.executeQuery(CompiledQuery.raw(ddl));
    if (dialect === 'postgres') await db.executeQuery(CompiledQuery.raw('analyze ai_systems'));
    await serverStatements('server SQL + candidate indexes');

    // What a server change would send instead (same rows, same order), with the candidate indexes.
    const variant = 'rewritten SQL + candidate indexes';
    const p = (sql: string) => {
      let i = 0;
      return dialect === 'postgres' ? sql.replace(/\?/g, () => `$${++i}`) : sql;
    };
    const [key, id] = JSON.parse(Buffer.from(deepCursor, 'base64url').toString('utf8')) as [string, string];
    const select = (sortKey: string) =>
      `select ai_systems.*, users.name as owner_name, users.email as owner_email, ${sortKey} as sort_key from ai_systems left join users on users.id = ai_systems.owner_id where ai_systems.org_id = ?`;
    const byName = `order by lower(ai_systems.name) asc, ai_systems.id asc limit 101`;
    await record(variant, 'every list request', 'count without the users join', {
      sql: p('select count(*) as n from ai_systems where ai_systems.org_id = ?'),
      parameters: [seeded.orgId],
    });
    await record(variant, `page ${DEEP_PAGE + 1} via cursor`, 'page, row-value cursor', {
      sql: p(`${select('lower(ai_systems.name)')} and (lower(ai_systems.name), ai_systems.id) > (?, ?) ${byName}`),
      parameters: [seeded.orgId, key, id],
    });
    await record(variant, `page ${DEEP_PAGE + 1} via cursor`, 'page, cursor + key >= bound', {
      sql: p(
        `${select('lower(ai_systems.name)')} and lower(ai_systems.name) >= ? and (lower(ai_systems.name) > ? or (lower(ai_systems.name) = ? and ai_systems.id > ?)) ${byName}`,
      ),
      parameters: [seeded.orgId, key, key, key, id],
    });
    const rank = tierRank('ai_systems.risk_tier');
    await record(variant, 'first page sort=riskTier', 'page, literal CASE', {
      sql: p(`${select(rank)} order by ${rank} asc, ai_systems.id asc limit 101`),
      parameters: [seeded.orgId],
    });
    return timings;
  } finally {
    await db.destroy();
    await handle.close();
    if (dialect === 'postgres') await adminQuery(`drop database if exists ${dbName} with (force)`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const dialects: Dialect[] = ['sqlite'];
  const probe = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await probe.connect();
    dialects.push('postgres');
  } catch (err) {
    console.log(
      `PostgreSQL skipped: ${new URL(PG_URL).host} not reachable (${err instanceof Error ? err.message : String(err)}). Set BENCH_DATABASE_URL.`,
    );
  } finally {
    await probe.end().catch(() => undefined);
  }
  const timings: Timing[] = [];
  for (const d of dialects) timings.push(...(await explainDialect(d)));
  printTable(
    `Statements behind GET /ai-systems?limit=100 (${AI_SYSTEMS} AI systems), median of ${REPEAT} runs, ms`,
    ['dialect', 'variant', 'scenario', 'statement', 'ms'],
    timings.map((t) => [t.dialect, t.variant, t.scenario, t.statement, round(t.medianMs, 2)]),
  );
  const file = writeResult('explain', {
    aiSystems: AI_SYSTEMS,
    repeat: REPEAT,
    candidateIndexes: TRY_INDEXES ? CANDIDATE_INDEXES : [],
    timings,
  });
  console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
