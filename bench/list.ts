import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import autocannon, { type Result } from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../apps/server/src/platform/config';
import { connect } from '../apps/server/src/platform/db/connect';
import { createServer } from '../apps/server/src/server';
import { seedLargeOrg } from './generate';
import { CANDIDATE_INDEXES, machine, printTable, round, writeResult } from './util';

/**
 * The AI system inventory list under load, per dialect: the server runs in this process on
 * 127.0.0.1, autocannon fires from a worker thread (so the load generator does not share the
 * server's event loop), against an organization of BENCH_AI_SYSTEMS (10,000) AI systems. A list
 * (BENCH_AI_SYSTEMS=500,5000) runs each size on a database of its own, so the table shows whether a page
 * stays flat as the organization grows; BENCH_PROFILES=1 gives ~80 % of the systems an A.4 profile;
 * BENCH_DIALECTS (sqlite,postgres) picks the dialects.
 *
 *   npx tsx bench/list.ts [--candidate-indexes]
 *
 * --candidate-indexes adds the indexes of util.ts CANDIDATE_INDEXES to the throwaway database after
 * seeding: a what-if for the README's findings, not the server as shipped.
 */
const SIZES = (process.env.BENCH_AI_SYSTEMS ?? '10000').split(',').map(Number);
const PROFILES = process.env.BENCH_PROFILES === '1';
const DIALECTS = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',');
const DURATION = Number(process.env.BENCH_DURATION ?? 15); // seconds per scenario
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3); // seconds per scenario, not recorded
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1); // 0: autocannon on the server's own thread
const PAGE = 100;
const PG_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const WITH_INDEXES = process.argv.includes('--candidate-indexes');
const RESULT_NAME = `list${WITH_INDEXES ? '-candidate-indexes' : ''}${CONNECTIONS === 10 ? '' : `-c${CONNECTIONS}`}${PROFILES ? '-profiles' : ''}${SIZES.join(',') === '10000' ? '' : `-${SIZES.join('-')}`}`; // variants never overwrite the default result

type Dialect = 'sqlite' | 'postgres';
type Scenario = { name: string; path: string; bytes?: number };
type Row = {
  dialect: Dialect;
  aiSystems: number;
  scenario: string;
  path: string;
  bytes: number;
  requestsPerSec: number;
  latencyAvgMs: number;
  p50Ms: number;
  p97_5Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
};

async function postgresReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function adminQuery(query: string) {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

async function getJson(
  url: string,
  token: string,
): Promise<{ items: { id: string }[]; nextCursor: string | null; total: number; bytes: number }> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  // The answer's JSON size, uncompressed (fetch decodes a compressed answer; autocannon asks for none).
  const body = Buffer.from(await res.arrayBuffer());
  const page = JSON.parse(body.toString('utf8')) as {
    items: { id: string }[];
    nextCursor: string | null;
    total: number;
  };
  return { ...page, bytes: body.length };
}

function fire(url: string, token: string, duration: number): Promise<Result> {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    ...(WORKERS > 0 ? { workers: WORKERS } : {}),
    headers: { authorization: `Bearer ${token}` },
  });
}

async function benchDialect(dialect: Dialect, aiSystems: number): Promise<{ rows: Row[]; seedSeconds: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fortytwo-bench-'));
  const dbName = `fortytwo_bench_${randomBytes(6).toString('hex')}`;
  let databaseUrl: string | undefined;
  if (dialect === 'postgres') {
    await adminQuery(`create database ${dbName}`);
    const url = new URL(PG_URL);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  }
  const config = {
    ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    databaseUrl,
    webDist: path.join(dataDir, 'no-web'),
  };
  const server = await createServer(config, { logger: false, handle: connect({ databaseUrl, dataDir }) });
  try {
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = server.app.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;

    console.log(`[${dialect}] seeding ${aiSystems} AI systems${PROFILES ? ' with profiles' : ''}...`);
    const seeded = await seedLargeOrg(server.handle, { aiSystems, profiles: PROFILES });
    console.log(`[${dialect}] seeded in ${seeded.seconds.toFixed(2)} s`);
    if (PROFILES) {
      const { n } = await server.handle.db
        .selectFrom('aiSystemProfiles')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('orgId', '=', seeded.orgId)
        .executeTakeFirstOrThrow();
      // Without them the table would claim a size it did not measure.
      if (Number(n) === 0) throw new Error('BENCH_PROFILES=1 but no profile was seeded');
      console.log(`[${dialect}] ${Number(n)} of ${aiSystems} AI systems have a profile`);
    }
    if (WITH_INDEXES) {
      for (const ddl of CANDIDATE_INDEXES) await sql.raw(ddl).execute(server.handle.db);
      if (dialect === 'postgres') await sql`analyze ai_systems`.execute(server.handle.db);
      console.log(`[${dialect}] added ${CANDIDATE_INDEXES.length} candidate indexes (what-if, not the shipped schema)`);
    }

    const list = `/api/orgs/${seeded.orgId}/ai-systems?limit=${PAGE}`;
    const first = await getJson(base + list, seeded.token);
    if (first.items.length !== PAGE || first.total !== aiSystems || !first.nextCursor) {
      throw new Error(
        `unexpected first page: ${first.items.length} items, total ${first.total}, nextCursor ${first.nextCursor}`,
      );
    }
    const scenarios: Scenario[] = [
      { name: 'first page (sort=name)', path: list },
      { name: 'second page via cursor', path: `${list}&cursor=${encodeURIComponent(first.nextCursor)}` },
      { name: 'first page sort=riskTier', path: `${list}&sort=riskTier` },
    ];
    // Every scenario must answer a full page before it is worth measuring.
    for (const s of scenarios) {
      const page = await getJson(base + s.path, seeded.token);
      if (page.items.length !== PAGE) throw new Error(`${s.name}: ${page.items.length} items instead of ${PAGE}`);
      s.bytes = page.bytes;
    }

    const rows: Row[] = [];
    for (const s of scenarios) {
      if (WARMUP > 0) await fire(base + s.path, seeded.token, WARMUP);
      console.log(`[${dialect}] ${s.name}: ${DURATION} s, ${CONNECTIONS} connections`);
      const r = await fire(base + s.path, seeded.token, DURATION);
      rows.push({
        dialect,
        aiSystems,
        scenario: s.name,
        path: s.path.replace(seeded.orgId, ':orgId').replace(/cursor=[^&]+/, 'cursor=<page 1 nextCursor>'),
        bytes: s.bytes ?? 0,
        requestsPerSec: r.requests.average,
        latencyAvgMs: r.latency.average,
        p50Ms: r.latency.p50,
        p97_5Ms: r.latency.p97_5,
        p99Ms: r.latency.p99,
        maxMs: r.latency.max,
        requests: r.requests.total,
        errors: r.errors,
        timeouts: r.timeouts,
        non2xx: r.non2xx,
      });
    }
    return { rows, seedSeconds: seeded.seconds };
  } finally {
    await server.close();
    if (dialect === 'postgres') await adminQuery(`drop database if exists ${dbName} with (force)`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const before = machine(); // the load average before we start: a busy box makes every number worse
  if (before.loadAvg1m > 0.5)
    console.log(
      `note: load average ${before.loadAvg1m.toFixed(2)} before starting; other work on this machine skews the results`,
    );
  const dialects: Dialect[] = DIALECTS.includes('sqlite') ? ['sqlite'] : [];
  const pgProblem = DIALECTS.includes('postgres') ? await postgresReachable() : 'not asked for (BENCH_DIALECTS)';
  if (pgProblem === null) dialects.push('postgres');
  else if (DIALECTS.includes('postgres'))
    console.log(`PostgreSQL skipped: ${new URL(PG_URL).host} not reachable (${pgProblem}). Set BENCH_DATABASE_URL.`);

  const rows: Row[] = [];
  const seedSeconds: Record<string, number> = {};
  for (const d of dialects)
    for (const size of SIZES) {
      const res = await benchDialect(d, size);
      rows.push(...res.rows);
      seedSeconds[`${d} ${size}`] = res.seedSeconds;
    }

  printTable(
    `GET /api/orgs/:orgId/ai-systems?limit=${PAGE}: ${SIZES.join(' / ')} AI systems${PROFILES ? ' (~80 % with profiles)' : ''}, ${CONNECTIONS} connections, ${DURATION} s each${WITH_INDEXES ? ', WITH candidate indexes' : ''}`,
    [
      'dialect',
      'AI systems',
      'scenario',
      'bytes',
      'req/s',
      'avg ms',
      'p50 ms',
      'p97.5 ms',
      'p99 ms',
      'max ms',
      'requests',
      'errors',
      'non-2xx',
    ],
    rows.map((r) => [
      r.dialect,
      r.aiSystems,
      r.scenario,
      r.bytes,
      round(r.requestsPerSec),
      round(r.latencyAvgMs, 2),
      r.p50Ms,
      r.p97_5Ms,
      r.p99Ms,
      r.maxMs,
      r.requests,
      r.errors + r.timeouts,
      r.non2xx,
    ]),
  );
  const file = writeResult(RESULT_NAME, {
    machine: before,
    settings: {
      aiSystems: SIZES,
      profiles: PROFILES,
      durationSec: DURATION,
      warmupSec: WARMUP,
      connections: CONNECTIONS,
      autocannonWorkers: WORKERS,
      pageSize: PAGE,
      candidateIndexes: WITH_INDEXES ? CANDIDATE_INDEXES : [],
    },
    skipped: pgProblem === null ? [] : [{ dialect: 'postgres', reason: pgProblem }],
    seedSeconds,
    results: rows,
  });
  console.log(`\nwrote ${path.relative(process.cwd(), file)}`);

  const failed = rows.filter((r) => r.errors > 0 || r.timeouts > 0 || r.non2xx > 0 || r.requests === 0);
  if (failed.length > 0) {
    for (const r of failed)
      console.error(
        `FAILED: [${r.dialect}] ${r.scenario}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx of ${r.requests} requests`,
      );
    process.exit(1);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
