import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { loadConfig } from '../apps/server/src/platform/config';
import { connect } from '../apps/server/src/platform/db/connect';
import { newId } from '../apps/server/src/platform/ids';
import { createServer } from '../apps/server/src/server';
import { dueFor } from '../apps/server/src/modules/tasks/my-tasks';
import { DUE_PROVIDERS } from '../apps/server/src/modules/tasks/providers';
import { seedLargeOrg } from './generate';
import { machine, median, printTable, round, writeResult } from './util';

/**
 * "My tasks" for a person in an organization with BENCH_TASKS (5,000) open tasks, spread from a
 * year overdue to a year ahead, a tenth undated, in two shapes: all assigned to them (the worst
 * case: every item is theirs), then one in 25 theirs and the rest spread over the 24 other members
 * (an ordinary organization). Requests go one at a time over loopback HTTP; also the reminder and
 * digest jobs over the same organization, and, in process, the list read with the providers
 * filtering by assignee in SQL (now) against the same providers reading the whole organization
 * (before). Peak memory: the process's resident set sampled every 5 ms during the requests, above
 * what it held before them.
 *
 *   npx tsx bench/my-tasks.ts
 */
const TASKS = Number(process.env.BENCH_TASKS ?? 5000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30);
const PG_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

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

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Runs `work` while sampling RSS; returns its result and the peak rise in MiB. */
async function withPeak<T>(work: () => Promise<T>): Promise<{ value: T; peakMiB: number }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peakMiB: (peak - base) / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
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
    const seeded = await seedLargeOrg(server.handle, { aiSystems: 1 });
    const now = new Date().toISOString();
    const rows = Array.from({ length: TASKS }, (_, i) => ({
      id: newId(),
      orgId: seeded.orgId,
      title: `Task ${i}: close the gap on requirement ${i % 300}`,
      description: '',
      ownerId: seeded.userId,
      dueDate: i % 10 === 0 ? null : day((i % 730) - 365),
      status: i % 3 === 0 ? 'in_progress' : 'open',
      sourceType: 'manual',
      sourceId: null,
      sourceRef: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: seeded.userId,
      updatedBy: seeded.userId,
    }));
    for (let i = 0; i < rows.length; i += 500)
      await server.handle.db
        .insertInto('actions')
        .values(rows.slice(i, i + 500))
        .execute();

    const scenarios = [
      { name: 'first page (limit=50)', path: '/api/me/tasks?limit=50' },
      { name: 'the page the web app loads (limit=500)', path: '/api/me/tasks?limit=500' },
      { name: 'overdue only (limit=50)', path: '/api/me/tasks?overdue=true&limit=50' },
    ];
    const results = [];
    const runScenarios = async (shape: string, expected: number) => {
      for (const s of scenarios) {
        await fetch(base + s.path, { headers: { authorization: `Bearer ${seeded.token}` } }).then((r) => r.text()); // warm-up
        const { value: times, peakMiB } = await withPeak(async () => {
          const times: number[] = [];
          for (let i = 0; i < REQUESTS; i++) {
            const t = performance.now();
            const res = await fetch(base + s.path, { headers: { authorization: `Bearer ${seeded.token}` } });
            const body = (await res.json()) as { counts?: { total: number } };
            if (res.status !== 200 || body.counts?.total !== expected)
              throw new Error(`${s.path}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
            times.push(performance.now() - t);
          }
          return times;
        });
        times.sort((a, b) => a - b);
        results.push({
          dialect,
          scenario: `${shape}: ${s.name}`,
          medianMs: round(median(times)),
          p95Ms: round(times[Math.floor(times.length * 0.95)]!),
          peakRssMiB: round(peakMiB),
        });
      }
    };
    /** In process, without HTTP: the person's whole list, with and without the providers' SQL filter. */
    const inProcess = async (shape: string, expected: number) => {
      const whole = DUE_PROVIDERS.map((p) => (db: Parameters<typeof p>[0], orgId: string) => p(db, orgId));
      for (const [how, providers] of [
        ['providers filter by assignee in SQL (now)', DUE_PROVIDERS],
        ['providers read the whole organization (before)', whole],
      ] as const) {
        const times: number[] = [];
        for (let i = 0; i < REQUESTS; i++) {
          const t = performance.now();
          const items = await dueFor(server.handle.db, seeded.userId, { providers: [...providers] });
          if (items.length !== expected) throw new Error(`${how}: ${items.length} items, expected ${expected}`);
          times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        results.push({
          dialect,
          scenario: `${shape}: in process, ${how}`,
          medianMs: round(median(times)),
          p95Ms: round(times[Math.floor(times.length * 0.95)]!),
          peakRssMiB: 0,
        });
      }
    };
    await runScenarios(`all ${TASKS} mine`, TASKS);
    await inProcess(`all ${TASKS} mine`, TASKS);
    // The ordinary shape: one task in 25 is the person's, the others belong to the other members.
    const others = seeded.memberIds.filter((id) => id !== seeded.userId);
    for (let k = 0; k < others.length; k++) {
      const ids = rows.filter((_, j) => j % 25 !== 0 && j % others.length === k).map((r) => r.id);
      for (let i = 0; i < ids.length; i += 500)
        await server.handle.db
          .updateTable('actions')
          .set({ ownerId: others[k]! })
          .where('id', 'in', ids.slice(i, i + 500))
          .execute();
    }
    const mine = rows.filter((_, j) => j % 25 === 0).length;
    await runScenarios(`${mine} of ${TASKS} mine`, mine);
    await inProcess(`${mine} of ${TASKS} mine`, mine);
    // The hourly reminder and daily digest runs over the same organization (no SMTP: in-app).
    await server.handle.db.updateTable('jobs').set({ nextRunAt: '2000-01-01T00:00:00.000Z' }).execute();
    const t = performance.now();
    const { peakMiB } = await withPeak(() => server.jobs.tick());
    results.push({
      dialect,
      scenario: 'reminder + digest + expiry jobs, one run',
      medianMs: round(performance.now() - t),
      p95Ms: 0,
      peakRssMiB: round(peakMiB),
    });
    return results;
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
  results.push(...(await benchDialect('sqlite')));
  try {
    await admin('select 1');
    results.push(...(await benchDialect('postgres')));
  } catch (err) {
    skipped.push({ dialect: 'postgres', reason: err instanceof Error ? err.message : String(err) });
    console.log(`PostgreSQL skipped: ${skipped[0]!.reason}`);
  }
  printTable(
    `My tasks, one person with ${TASKS} open tasks, ${REQUESTS} sequential requests`,
    ['dialect', 'scenario', 'median ms', 'p95 ms', 'peak RSS rise MiB'],
    results.map((r) => [r.dialect, r.scenario, r.medianMs, r.p95Ms, r.peakRssMiB]),
  );
  const file = writeResult('my-tasks', {
    machine: before,
    settings: { tasks: TASKS, requests: REQUESTS },
    results,
    skipped,
  });
  console.log(`\nwritten to ${file}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
