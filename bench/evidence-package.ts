import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../apps/server/src/platform/config';
import { connect } from '../apps/server/src/platform/db/connect';
import { localFileStore } from '../apps/server/src/platform/files';
import { newId, nowIso } from '../apps/server/src/platform/ids';
import { inTransaction } from '../apps/server/src/platform/transaction';
import { evidencePackage } from '../apps/server/src/modules/evidence/package';
import { insertEvidenceIn } from '../apps/server/src/modules/evidence/service';
import { linkEvidence } from '../apps/server/src/modules/evidence/links';
import { createServer } from '../apps/server/src/server';
import { machine, printTable, round, writeResult } from './util';

/**
 * The evidence package of 1,000 files (GET /api/orgs/:orgId/evidence/export.zip): 1,000 pieces of
 * evidence of BENCH_EVIDENCE_KIB (256) KiB each (random bytes: incompressible, like PDFs and
 * scans), each attached to a control, in SQLite with the disk store. The package is streamed to
 * a file; measured: wall time, bytes written, and peak RSS (VmHWM, reset after seeding) against the
 * package size: a package that streams holds one file at a time, so the peak stays far below the
 * total. Target: peak RSS growth under a quarter of the package size.
 *
 *   npx tsx bench/evidence-package.ts
 */
const FILES = Number(process.env.BENCH_EVIDENCE_FILES ?? 1000);
const KIB = Number(process.env.BENCH_EVIDENCE_KIB ?? 256);

const statusKiB = (field: 'VmRSS' | 'VmHWM') =>
  Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN);
function resetPeak(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fortytwo-bench-evidence-'));
  const config = {
    ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    databaseUrl: undefined,
    webDist: path.join(dataDir, 'no-web'),
  };
  const server = await createServer(config, { logger: false, handle: connect({ dataDir }) });
  try {
    const deps = { db: server.handle.db, dialect: server.handle.dialect };
    const store = localFileStore(dataDir);
    const orgId = newId();
    const now = nowIso();
    await deps.db
      .insertInto('organizations')
      .values({ id: orgId, name: 'Bench evidence', createdAt: now, updatedAt: now, version: 1 })
      .execute();
    const actor = { userId: null, name: 'bench' };
    const seedStart = performance.now();
    for (let i = 0; i < FILES; i++) {
      const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(KIB * 1024 - 9)]);
      const sha256 = await store.put(bytes);
      await inTransaction(deps, async (tx, audit) => {
        const id = await insertEvidenceIn(
          tx,
          audit,
          actor,
          orgId,
          { title: `Evidence ${i + 1}`, description: '', ownerId: null, effectiveOn: null, expiresOn: null },
          {
            kind: 'file',
            sha256,
            fileName: `evidence-${i + 1}.pdf`,
            size: bytes.length,
            mediaType: 'application/pdf',
            url: null,
          },
        );
        await linkEvidence(tx, {
          orgId,
          evidenceId: id,
          subjectType: 'control',
          subjectId: 'A.6.2.4',
          by: actor,
          audit,
        });
      });
    }
    const seedMs = performance.now() - seedStart;
    global.gc?.();
    const rssBeforeKiB = statusKiB('VmRSS');
    const peakReset = resetPeak();
    const out = path.join(dataDir, 'package.zip');
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const pkg = await evidencePackage(deps, store, actor, orgId);
    await new Promise<void>((resolve, reject) => {
      const file = fs.createWriteStream(out);
      pkg.stream.on('error', reject).pipe(file).on('finish', resolve).on('error', reject);
    });
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const peakKiB = statusKiB('VmHWM');
    const bytes = fs.statSync(out).size;
    const summary = {
      files: pkg.files,
      fileKiB: KIB,
      packageMiB: round(bytes / 1024 / 1024),
      wallMs: Math.round(wallMs),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      mibPerSec: round(bytes / 1024 / 1024 / (wallMs / 1000)),
      rssBeforeMiB: round(rssBeforeKiB / 1024),
      peakRssMiB: round(peakKiB / 1024),
      peakGrowthMiB: round((peakKiB - rssBeforeKiB) / 1024),
      peakMeasuredFromReset: peakReset,
      seedSeconds: round(seedMs / 1000),
      streams: (peakKiB - rssBeforeKiB) / 1024 < bytes / 1024 / 1024 / 4,
    };
    printTable(
      `Evidence package, ${pkg.files} files of ${KIB} KiB (SQLite, disk store)`,
      ['measure', 'value'],
      Object.entries(summary).map(([k, v]) => [k, String(v)]),
    );
    writeResult('evidence-package', { machine: machine(), summary });
    if (!summary.streams) {
      console.error('The package did not stream: peak RSS grew by more than a quarter of its size.');
      process.exitCode = 1;
    }
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
