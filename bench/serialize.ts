import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { loadConfig } from '../apps/server/src/platform/config';
import { connect } from '../apps/server/src/platform/db/connect';
import { plainSerializerCompiler, strictSerializerCompiler } from '../apps/server/src/platform/http/serialize';
import { ZPage } from '../apps/server/src/platform/pagination';
import { ZDashboardOut } from '../apps/server/src/modules/risk/plan';
import { ZRiskOut } from '../apps/server/src/modules/risk/schema';
import { createServer } from '../apps/server/src/server';
import { seedLargeOrg } from './generate';
import { seedRisks } from './pages-seed';
import { machine, printTable, round, writeResult } from './util';

/**
 * The CPU one answer's serialization costs (issue 19, item 4), on the risk pages' real answers:
 * fastify-type-provider-zod's serializer (zod re-validates and strips, then JSON.stringify: what
 * production ran before), the plain one (JSON.stringify: production now) and the strict one (tests).
 * Measured in-process, one answer after another, so it reads the same on a shared machine as on an
 * idle one far better than a load test does (the figure is CPU per call, not throughput).
 *
 *   nice npx tsx bench/serialize.ts        # BENCH_RISK_SIZES=2000 BENCH_SERIALIZE_MS=2000
 */
const RISKS = Number(process.env.BENCH_RISK_SIZES ?? 2000);
const BUDGET_MS = Number(process.env.BENCH_SERIALIZE_MS ?? 2000);

type Serialize = (data: unknown) => string;
const compile = (compiler: typeof plainSerializerCompiler, schema: z.ZodType): Serialize =>
  compiler({ schema, method: 'GET', url: 'bench', httpStatus: '200' }) as Serialize;

/** Microseconds per call: calls in batches until the budget is spent, after a warm-up of the same length. */
function timeIt(fn: () => void): number {
  for (let end = performance.now() + BUDGET_MS / 2; performance.now() < end;) fn();
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < BUDGET_MS) {
    for (let i = 0; i < 10; i++) fn();
    calls += 10;
  }
  return ((performance.now() - start) * 1000) / calls;
}

async function main() {
  const before = machine();
  console.log(`load average ${before.loadAvg1m.toFixed(2)} at start`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fortytwo-serialize-'));
  const config = { ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), webDist: path.join(dataDir, 'no-web') };
  const server = await createServer(config, { logger: false, handle: connect({ databaseUrl: undefined, dataDir }) });
  try {
    const seeded = await seedLargeOrg(server.handle, { aiSystems: 20 });
    await seedRisks(server.handle, seeded.orgId, seeded.userId, RISKS);
    const pages = [
      { page: 'risk register, first page', url: `/api/orgs/${seeded.orgId}/risks`, schema: ZPage(ZRiskOut) },
      { page: 'risk register, limit=500', url: `/api/orgs/${seeded.orgId}/risks?limit=500`, schema: ZPage(ZRiskOut) },
      { page: 'risk dashboard', url: `/api/orgs/${seeded.orgId}/risk-dashboard`, schema: ZDashboardOut },
    ];
    const rows = [];
    for (const p of pages) {
      const res = await server.app.inject({ url: p.url, headers: { authorization: `Bearer ${seeded.token}` } });
      if (res.statusCode !== 200) throw new Error(`${p.url}: ${res.statusCode} ${res.body}`);
      const answer = JSON.parse(res.body) as unknown;
      const zod = compile(zodSerializerCompiler as typeof plainSerializerCompiler, p.schema);
      const plain = compile(plainSerializerCompiler, p.schema);
      const strict = compile(strictSerializerCompiler, p.schema);
      // The same bytes from all three (the answer matches its schema), so only their cost differs.
      if (plain(answer).length !== zod(answer).length || strict(answer) !== plain(answer))
        throw new Error(`${p.page}: the serializers disagree`);
      const zodUs = timeIt(() => zod(answer));
      const plainUs = timeIt(() => plain(answer));
      const strictUs = timeIt(() => strict(answer));
      rows.push({ page: p.page, bytes: res.body.length, zodUs, plainUs, strictUs });
      console.log(`${p.page}: zod ${round(zodUs)} µs, plain ${round(plainUs)} µs, strict ${round(strictUs)} µs`);
    }
    printTable(
      `Serializing one answer (${RISKS} risks, SQLite): µs per call, ${BUDGET_MS} ms each`,
      ['page', 'KB', 'zod (before)', 'plain (production)', 'saved', 'strict (tests)'],
      rows.map((r) => [
        r.page,
        round(r.bytes / 1024),
        round(r.zodUs),
        round(r.plainUs),
        `${round(100 * (1 - r.plainUs / r.zodUs))} %`,
        round(r.strictUs),
      ]),
    );
    writeResult('serialize', { machine: before, settings: { RISKS, BUDGET_MS }, rows });
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
