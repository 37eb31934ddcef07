import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { loadConfig } from '../apps/server/src/platform/config';
import { connect } from '../apps/server/src/platform/db/connect';
import { createServer } from '../apps/server/src/server';
import { seedLargeOrg } from './generate';
import { machine, median, printTable, round, writeResult } from './util';

/**
 * The step-4 pages that are derived on every read: the risk register, the Statement of
 * Applicability (every control × every treatment × every requirement) and the risk dashboard, on
 * an organization with BENCH_RISKS (500) risks, each treated with two Annex A controls and rated
 * twice. Requests go one at a time over loopback HTTP (what one person opening the page waits for);
 * the UX target is a page under 200 ms on a local server with realistic data.
 *
 *   npx tsx bench/risk.ts
 */
const RISKS = Number(process.env.BENCH_RISKS ?? 500);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30);
const PG_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const CONTROLS = ['A.6.2.4', 'A.7.4', 'A.5.4', 'A.8.2', 'A.9.3', 'A.6.2.6', 'A.9.2', 'A.4.3'];

type Dialect = 'sqlite' | 'postgres';

async function admin(query: string) {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

async function call(base: string, token: string, method: string, url: string, body?: unknown) {
  const res = await fetch(base + url, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; items?: unknown[] };
}

async function benchDialect(dialect: Dialect) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fortytwo-bench-'));
  const dbName = `fortytwo_bench_${randomBytes(6).toString('hex')}`;
  let databaseUrl: string | undefined;
  if (dialect === 'postgres') {
    await admin(`create database ${dbName}`);
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
    const base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    const seeded = await seedLargeOrg(server.handle, { aiSystems: 50 });
    const org = `/api/orgs/${seeded.orgId}`;
    const systems = (await call(base, seeded.token, 'GET', `${org}/ai-systems?limit=50`)).items as { id: string }[];
    const started = performance.now();
    // Through the API, like users would: every rating, treatment and audit event is real.
    for (let i = 0; i < RISKS; i++) {
      const r = await call(base, seeded.token, 'POST', `${org}/risks`, {
        title: `Risk ${i}`,
        aiSystemId: systems[i % systems.length]!.id,
        source: `C.3.${(i % 7) + 1}`,
        likelihood: (i % 5) + 1,
        consequence: ((i * 3) % 5) + 1,
        consequencesIndividuals: 'Described at length '.repeat(10),
      });
      await call(base, seeded.token, 'POST', `${org}/risks/${r.id}/treatments`, {
        option: 'modify',
        controlRefs: [CONTROLS[i % CONTROLS.length], CONTROLS[(i + 3) % CONTROLS.length]],
        residualLikelihood: 1,
        residualConsequence: 2,
      });
    }
    const seedSeconds = (performance.now() - started) / 1000;
    console.log(`[${dialect}] ${RISKS} risks with treatments through the API in ${seedSeconds.toFixed(1)} s`);

    const pages = [
      { name: 'risk register (GET /risks)', path: `${org}/risks` },
      { name: 'Statement of Applicability (GET /soa)', path: `${org}/soa` },
      { name: 'risk dashboard (GET /risk-dashboard)', path: `${org}/risk-dashboard` },
      { name: 'treatment plan (GET /risk-treatment-plan)', path: `${org}/risk-treatment-plan` },
    ];
    const rows = [];
    for (const p of pages) {
      await call(base, seeded.token, 'GET', p.path); // warm-up
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const t = performance.now();
        const res = await fetch(base + p.path, { headers: { authorization: `Bearer ${seeded.token}` } });
        const text = await res.text();
        if (res.status !== 200) throw new Error(`${p.path}: ${res.status} ${text.slice(0, 200)}`);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      rows.push({
        dialect,
        page: p.name,
        medianMs: round(median(times)),
        p95Ms: round(times[Math.floor(times.length * 0.95)]!),
        maxMs: round(times.at(-1)!),
      });
    }
    return { rows, seedSeconds };
  } finally {
    await server.close();
    if (dialect === 'postgres') await admin(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const before = machine();
  const results = [];
  const skipped: { dialect: Dialect; reason: string }[] = [];
  results.push(...(await benchDialect('sqlite')).rows);
  try {
    await admin('select 1');
    results.push(...(await benchDialect('postgres')).rows);
  } catch (err) {
    skipped.push({ dialect: 'postgres', reason: err instanceof Error ? err.message : String(err) });
    console.log(`PostgreSQL skipped: ${skipped[0]!.reason}`);
  }
  printTable(
    `Step-4 pages, ${RISKS} risks each with a treatment, ${REQUESTS} sequential requests per page`,
    ['dialect', 'page', 'median ms', 'p95 ms', 'max ms'],
    results.map((r) => [r.dialect, r.page, r.medianMs, r.p95Ms, r.maxMs]),
  );
  const file = writeResult('risk', {
    machine: before,
    settings: { risks: RISKS, requests: REQUESTS },
    results,
    skipped,
  });
  console.log(`\nwritten to ${file}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
