import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';
import type { AddressInfo } from 'node:net';
import autocannon, { type Result } from 'autocannon';
import Fastify from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../apps/server/src/platform/config';
import { connect } from '../apps/server/src/platform/db/connect';
import { createServer } from '../apps/server/src/server';
import { API_MODULES } from '../apps/server/src/modules';
import { buildHttpApp } from '../apps/server/src/platform/http/app';
import { CACHE_HEADER } from '../apps/server/src/platform/http/response-cache';
import { releaseMemoryWhenQuiet } from '../apps/server/src/platform/quiet-memory';
import { seedLargeOrg } from './generate';
import { answeredAssessment, seedRisks } from './pages-seed';
import { machine, printTable, round, writeResult } from './util';

/**
 * The heaviest pages against the HTTP stack itself (issue 19): for each page, the real route twice —
 * kept (answered by the response cache, as every read is until the organization next changes) and
 * built (a second app on the same database keeping nothing: the first read after a change) — then a
 * bare Fastify route in the same process sending the very same bytes, each under the same load; each
 * is printed as a fraction of the bare route, so the gap reads the same on any machine. Ratios are
 * only comparable within one run: the machine may be shared (run it with `nice`).
 *
 *   nice npx tsx bench/pages.ts            # BENCH_RISK_SIZES=2000,20000 BENCH_DURATION=5 BENCH_PAGES=dashboard
 *                                          # BENCH_QUIET_MEMORY=10000 BENCH_PAUSE_MS=13000 BENCH_WARMUP=0: memory
 *                                          # given back (platform/quiet-memory.ts) before every page
 *
 * Risks are written straight into the database (rows as the API writes them): an inherent rating
 * each, a treatment with a residual rating for about 60 %, an acceptance for about 10 %.
 */
const SIZES = (process.env.BENCH_RISK_SIZES ?? '2000,20000').split(',').map(Number);
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** A quiet pause before each page (ms), long enough for BENCH_QUIET_MEMORY to give memory back first. */
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 0);
const PG_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const ONLY = process.env.BENCH_DIALECTS?.split(',');
/** Only the pages whose name contains one of these (BENCH_PAGES=dashboard), to measure one page at all sizes. */
const PAGES = process.env.BENCH_PAGES?.split(',');

type Dialect = 'sqlite' | 'postgres';
type Row = {
  dialect: Dialect;
  risks: number;
  page: string;
  bytes: number;
  reqPerSec: number;
  p99Ms: number;
  bareReqPerSec: number;
  bareP99Ms: number;
  fraction: number;
  /** The same page built on every request (RESPONSE_CACHE_MB=0): what a request costs after a write. */
  builtReqPerSec: number;
  builtP99Ms: number;
  builtFraction: number;
  errors: number;
};

/** The young generation's committed MiB: what BENCH_QUIET_MEMORY gives back and load grows again. */
const youngGenerationMiB = () =>
  round((v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.physical_space_size ?? 0) / 2 ** 20);

/** GC pauses while the page is measured: less shaken than req/s by other work on a shared machine. */
function gcPauses() {
  const seen = { ms: 0, count: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      seen.ms += e.duration;
      seen.count++;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop: () => {
      observer.disconnect();
      return seen;
    },
  };
}

const fire = (url: string, headers: Record<string, string>, duration: number): Promise<Result> =>
  autocannon({ url, connections: CONNECTIONS, duration, workers: 1, headers });

async function adminQuery(query: string) {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

async function benchOne(dialect: Dialect, risks: number): Promise<Row[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fortytwo-pages-'));
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
  // A second app on the same database that keeps nothing: each page built on every request, as the
  // first request after any change to the organization is.
  const built = await buildHttpApp(
    { db: server.handle.db, dialect: server.handle.dialect, config: { ...config, responseCacheBytes: 0 } },
    API_MODULES,
    { logger: false },
  );
  const bare = Fastify({ logger: false });
  const bodies = new Map<string, Buffer>();
  bare.get('/*', (req, reply) =>
    reply.header('content-type', 'application/json; charset=utf-8').send(bodies.get(req.url)),
  );
  try {
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    await bare.listen({ host: '127.0.0.1', port: 0 });
    await built.listen({ host: '127.0.0.1', port: 0 });
    // As main.ts does, but quiet after BENCH_QUIET_MEMORY ms instead of five minutes: with BENCH_PAUSE_MS
    // above it, memory is given back before every page, which then pays for growing it again. Off by
    // default, to compare.
    const quietMs = Number(process.env.BENCH_QUIET_MEMORY ?? 0);
    if (quietMs) releaseMemoryWhenQuiet([server.app.server, built.server, bare.server], quietMs);
    const base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    const builtBase = `http://127.0.0.1:${(built.server.address() as AddressInfo).port}`;
    const bareBase = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}`;
    const seeded = await seedLargeOrg(server.handle, { aiSystems: 20 });
    const t0 = performance.now();
    await seedRisks(server.handle, seeded.orgId, seeded.userId, risks);
    // Vacuumed as autovacuum leaves a table after a bulk load: without it PostgreSQL's index-only scans
    // visit the table for every row (the visibility map is empty), a state no settled database is in.
    if (dialect === 'postgres') await sql`vacuum analyze`.execute(server.handle.db);
    console.log(`[${dialect} ${risks}] seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const headers = { authorization: `Bearer ${seeded.token}` };
    const assessmentId = await answeredAssessment(base, headers, seeded.orgId);
    const pages = [
      { page: 'assessment read (answered)', path: `/api/orgs/${seeded.orgId}/gap-assessments/${assessmentId}` },
      { page: 'risk register, first page', path: `/api/orgs/${seeded.orgId}/risks` },
      { page: 'risk register, needs attention', path: `/api/orgs/${seeded.orgId}/risks?attention=true` },
      { page: 'risk dashboard', path: `/api/orgs/${seeded.orgId}/risk-dashboard` },
      // Kept since 2026-12-06, with the tables they read watched.
      { page: 'treatment plan', path: `/api/orgs/${seeded.orgId}/risk-treatment-plan` },
      { page: 'statement of applicability', path: `/api/orgs/${seeded.orgId}/soa` },
      { page: 'overview', path: `/api/orgs/${seeded.orgId}/overview` },
    ];
    const rows: Row[] = [];
    for (const p of pages.filter((x) => !PAGES || PAGES.some((name) => x.page.includes(name)))) {
      const res = await fetch(base + p.path, { headers });
      if (res.status !== 200) throw new Error(`${p.path}: ${res.status}`);
      const body = Buffer.from(await res.arrayBuffer());
      bodies.set(p.path, body);
      if (PAUSE_MS) await new Promise((r) => setTimeout(r, PAUSE_MS));
      // The kept answer and the one built now are the very same bytes, and the second read is kept.
      const again = await fetch(base + p.path, { headers });
      const fresh = await fetch(builtBase + p.path, { headers });
      if (again.headers.get(CACHE_HEADER) !== 'hit')
        throw new Error(`${p.path}: not kept (${again.headers.get(CACHE_HEADER)})`);
      if (!Buffer.from(await again.arrayBuffer()).equals(body) || !Buffer.from(await fresh.arrayBuffer()).equals(body))
        throw new Error(`${p.path}: the kept answer differs from the one built now`);
      if (WARMUP) await fire(builtBase + p.path, headers, WARMUP);
      const rebuilt = await fire(builtBase + p.path, headers, DURATION);
      if (WARMUP) await fire(base + p.path, headers, WARMUP);
      const youngBefore = youngGenerationMiB();
      const gc = gcPauses();
      const cpu = process.cpuUsage();
      const real = await fire(base + p.path, headers, DURATION);
      const cpuUs = process.cpuUsage(cpu);
      const gcSeen = gc.stop();
      const youngAfter = youngGenerationMiB();
      if (WARMUP) await fire(bareBase + p.path, headers, WARMUP);
      const b = await fire(bareBase + p.path, headers, DURATION);
      const row: Row = {
        dialect,
        risks,
        page: p.page,
        bytes: body.length,
        reqPerSec: real.requests.average,
        p99Ms: real.latency.p99,
        bareReqPerSec: b.requests.average,
        bareP99Ms: b.latency.p99,
        fraction: real.requests.average / b.requests.average,
        builtReqPerSec: rebuilt.requests.average,
        builtP99Ms: rebuilt.latency.p99,
        builtFraction: rebuilt.requests.average / b.requests.average,
        errors: real.errors + real.timeouts + real.non2xx + rebuilt.errors + rebuilt.timeouts + rebuilt.non2xx,
      };
      console.log(
        `[${dialect} ${risks}] ${p.page}: kept ${round(row.reqPerSec)} req/s (p99 ${row.p99Ms} ms), ` +
          `built ${round(row.builtReqPerSec)} req/s (p99 ${row.builtP99Ms} ms), ` +
          `bare ${round(row.bareReqPerSec)} req/s: ${round(100 * row.fraction)} % / ${round(100 * row.builtFraction)} %; ` +
          `GC ${round(gcSeen.ms)} ms in ${gcSeen.count} pauses, young generation ${youngBefore} -> ${youngAfter} MiB; ` +
          // the whole process (server and autocannon's worker): steadier than req/s when others share the CPUs
          `CPU ${round((cpuUs.user + cpuUs.system) / real.requests.total)} µs per request (kept)`,
      );
      rows.push(row);
    }
    return rows;
  } finally {
    await bare.close();
    await built.close();
    await server.close();
    if (dialect === 'postgres') await adminQuery(`drop database if exists ${dbName} with (force)`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const before = machine();
  console.log(`load average ${before.loadAvg1m.toFixed(2)} at start (the machine may be shared: compare ratios)`);
  const dialects: Dialect[] = ['sqlite'];
  try {
    await adminQuery('select 1');
    dialects.push('postgres');
  } catch (err) {
    console.log(`PostgreSQL skipped: ${err instanceof Error ? err.message : String(err)}`);
  }
  const rows: Row[] = [];
  for (const d of dialects.filter((x) => !ONLY || ONLY.includes(x)))
    for (const n of SIZES) rows.push(...(await benchOne(d, n)));
  printTable(
    `Risk pages vs a bare Fastify route sending the same bytes: ${CONNECTIONS} connections, ${DURATION} s each`,
    [
      'dialect',
      'risks',
      'page',
      'KB',
      'kept req/s',
      'kept p99 ms',
      'kept of bare',
      'built req/s',
      'built p99 ms',
      'built of bare',
      'bare req/s',
      'bare p99 ms',
      'errors',
    ],
    rows.map((r) => [
      r.dialect,
      r.risks,
      r.page,
      round(r.bytes / 1024),
      round(r.reqPerSec),
      r.p99Ms,
      `${round(100 * r.fraction)} %`,
      round(r.builtReqPerSec),
      r.builtP99Ms,
      `${round(100 * r.builtFraction)} %`,
      round(r.bareReqPerSec),
      r.bareP99Ms,
      r.errors,
    ]),
  );
  writeResult('pages', { machine: before, settings: { SIZES, DURATION, WARMUP, CONNECTIONS }, rows });
}

if (process.argv[1]?.endsWith(path.join('bench', 'pages.ts'))) await main();
