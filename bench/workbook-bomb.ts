import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../apps/server/src/platform/config';
import { connect } from '../apps/server/src/platform/db/connect';
import { createServer } from '../apps/server/src/server';
import { gapWorkbook, hugeCellXml, manyRowsXml, rowXml } from '../apps/server/test/workbook-bombs';
import { seedLargeOrg } from './generate';
import { machine, printTable, round, writeResult } from './util';

/**
 * Hostile gap workbooks against `POST /api/orgs/:orgId/gap-assessments/:id/import` (issue 17 item 8).
 * Each case runs in a fresh child process, so its peak RSS is its own: the child starts the server
 * in-process (SQLite, LOG_LEVEL=silent, 127.0.0.1, port 0), creates an assessment, then asks this
 * parent process for the file (built here, so building a 150 MB cell never counts in the child's
 * memory), polls GET /api/health every 20 ms while the import runs, and reports:
 * - the answer (status, code, the start of the message) and the import's wall time;
 * - the child's peak RSS (VmHWM) and its RSS just before the import;
 * - the slowest /api/health answer during the import (how long other users wait).
 * A case gets 120 s; a child that runs out of it is killed and reported as such.
 *
 *   npx tsx bench/workbook-bomb.ts            all cases
 *   npx tsx bench/workbook-bomb.ts rows cell  some of them
 */

type Case = { key: string; name: string; build?: (assessmentId: string) => Buffer };
const CASES: Case[] = [
  { key: 'honest', name: 'the export itself, unchanged (71 rows, control)' },
  { key: 'rows', name: '1,000,000 rows', build: (id) => gapWorkbook(id, manyRowsXml(1_000_000)) },
  { key: 'cell', name: 'one cell of 150,000,000 characters', build: (id) => gapWorkbook(id, hugeCellXml(150_000_000)) },
  {
    key: 'liar',
    name: 'the 150 MB cell, its sheet declaring 10 KB',
    build: (id) => gapWorkbook(id, hugeCellXml(150_000_000), { sheetDeclaredSize: 10_000 }),
  },
  {
    key: 'rows-stream',
    name: '300,000 rows (21 MB unpacked: passes the zip check, stopped while streaming)',
    build: (id) => gapWorkbook(id, manyRowsXml(300_000)),
  },
  {
    key: 'cell-stream',
    name: 'one cell of 20,000,000 characters (passes the zip check)',
    build: (id) => gapWorkbook(id, hugeCellXml(20_000_000)),
  },
  {
    key: 'limits',
    name: 'just inside every limit: 1,999 rows of 15 cells of 800 characters (24 MB unpacked)',
    build: (id) =>
      gapWorkbook(
        id,
        Buffer.from(
          Array.from({ length: 1999 }, (_, i) =>
            rowXml(
              i + 2,
              Array.from({ length: 15 }, (_, c) => `${i}.${c} ${'x'.repeat(790)}`),
            ),
          ).join(''),
        ),
      ),
  },
  {
    key: 'declared',
    name: 'an entry declaring 4 GB unpacked',
    build: (id) =>
      gapWorkbook(id, '', {
        extra: [{ name: 'xl/media/image1.png', data: Buffer.alloc(1000), declaredSize: 0xfffffff0 }],
      }),
  },
];
const TIMEOUT_MS = 120_000;

type Result = {
  status: number;
  code: string | null;
  message: string;
  importMs: number;
  rssBeforeMiB: number;
  peakRssMiB: number;
  healthMaxMs: number;
  healthPolls: number;
  fileBytes: number;
};

function procStatusMiB(field: 'VmRSS' | 'VmHWM'): number {
  const line = fs
    .readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return line ? Number(/(\d+)/.exec(line)![1]) / 1024 : NaN;
}

/** Child: one case, one server, one import. */
async function child(key: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fortytwo-bomb-'));
  const config = { ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), webDist: path.join(dataDir, 'no-web') };
  const server = await createServer(config, { logger: false, handle: connect({ dataDir }) });
  try {
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    const seeded = await seedLargeOrg(server.handle, { aiSystems: 0, members: 1 });
    const auth = { authorization: `Bearer ${seeded.token}` };
    const created = await fetch(`${base}/api/orgs/${seeded.orgId}/gap-assessments`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bench' }),
    });
    const assessmentId = ((await created.json()) as { id: string }).id;
    const url = `${base}/api/orgs/${seeded.orgId}/gap-assessments/${assessmentId}`;

    let bytes: Buffer;
    if (key === 'honest')
      bytes = Buffer.from(await (await fetch(`${url}/export.xlsx`, { headers: auth })).arrayBuffer());
    else {
      const file = await new Promise<string>((resolve) => {
        process.once('message', (m: { file: string }) => resolve(m.file));
        process.send!({ assessmentId });
      });
      bytes = fs.readFileSync(file);
    }
    await fetch(`${base}/api/health`); // warm
    const rssBeforeMiB = procStatusMiB('VmRSS');

    let importing = true;
    let healthMaxMs = 0;
    let healthPolls = 0;
    const poller = (async () => {
      while (importing) {
        const t = performance.now();
        await (await fetch(`${base}/api/health`)).text();
        healthMaxMs = Math.max(healthMaxMs, performance.now() - t);
        healthPolls++;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), 'bomb.xlsx');
    const t0 = performance.now();
    const res = await fetch(`${url}/import`, { method: 'POST', headers: auth, body: form });
    const text = await res.text();
    const importMs = performance.now() - t0;
    importing = false;
    await poller;
    let code: string | null = null;
    let message = '';
    try {
      const body = JSON.parse(text) as { error?: { code: string; message: string }; updated?: number };
      code = body.error?.code ?? null;
      message = body.error?.message ?? `updated ${body.updated}`;
    } catch {
      message = text.slice(0, 100);
    }
    const result: Result = {
      status: res.status,
      code,
      message,
      importMs,
      rssBeforeMiB,
      peakRssMiB: procStatusMiB('VmHWM'),
      healthMaxMs,
      healthPolls,
      fileBytes: bytes.length,
    };
    process.send!({ result });
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Parent: builds the files on request and collects one result per case. */
async function runCase(c: Case): Promise<Result | { error: string }> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fortytwo-bomb-file-'));
  const proc = fork(fileURLToPath(import.meta.url), ['--child', c.key], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  try {
    return await new Promise((resolve) => {
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        resolve({ error: `no answer within ${TIMEOUT_MS / 1000} s (killed)` });
      }, TIMEOUT_MS);
      proc.on('message', (m: { assessmentId?: string; result?: Result }) => {
        if (m.assessmentId) {
          const file = path.join(tmp, 'bomb.xlsx');
          fs.writeFileSync(file, c.build!(m.assessmentId));
          proc.send({ file });
        } else if (m.result) {
          clearTimeout(timer);
          resolve(m.result);
        }
      });
      proc.on('exit', (code, signal) => {
        clearTimeout(timer);
        resolve({ error: `child exited (${code ?? signal}) without a result` });
      });
    });
  } finally {
    if (proc.exitCode === null) proc.kill('SIGKILL');
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function main() {
  const wanted = process.argv.slice(2);
  const cases = wanted.length ? CASES.filter((c) => wanted.includes(c.key)) : CASES;
  const before = machine();
  const results: ({ case: string } & (Result | { error: string }))[] = [];
  for (const c of cases) {
    console.log(`… ${c.name}`);
    results.push({ case: c.name, ...(await runCase(c)) });
  }
  printTable(
    'Gap workbook import, one child process per case (SQLite, in-process server)',
    ['case', 'file KiB', 'answer', 'import ms', 'RSS before MiB', 'peak RSS MiB', 'slowest /api/health ms'],
    results.map((r) =>
      'error' in r
        ? [r.case, '', r.error, '', '', '', '']
        : [
            r.case,
            round(r.fileBytes / 1024, 0),
            `${r.status} ${r.code ?? ''}`.trim(),
            round(r.importMs, 0),
            round(r.rssBeforeMiB, 0),
            round(r.peakRssMiB, 0),
            round(r.healthMaxMs, 0),
          ],
    ),
  );
  for (const r of results) if (!('error' in r)) console.log(`${r.case}: ${r.message.slice(0, 240)}`);
  const file = writeResult('workbook-bomb', { machine: before, results });
  console.log(`\nwritten to ${file}`);
}

if (process.argv[2] === '--child') {
  child(process.argv[3]!)
    .then(() => process.exit(0))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
} else {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
