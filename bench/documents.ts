import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ZCreateDocument, generateDraft, type DocumentAnswers } from '@fortytwo/domain';
import { loadConfig } from '../apps/server/src/platform/config';
import { connect } from '../apps/server/src/platform/db/connect';
import { renderDocx } from '../apps/server/src/platform/documents/docx';
import { renderPdf } from '../apps/server/src/platform/documents/pdf';
import { localFileStore } from '../apps/server/src/platform/files';
import { createServer } from '../apps/server/src/server';
import { seedDemo } from '../apps/server/src/demo/seed';
import { createDocument } from '../apps/server/src/modules/documents/drafts';
import { gatherFacts } from '../apps/server/src/modules/documents/facts';
import { renderVersion } from '../apps/server/src/modules/documents/render';
import { findDocument, versionsOf } from '../apps/server/src/modules/documents/repository';
import { documentTypes } from '../apps/server/src/modules/documents/types';
import { machine, median, printTable, round, writeResult } from './util';

/**
 * The whole document set of the demo organization (Northwind Lending, `npm run demo`), one
 * document of every shipped type, generated and rendered to DOCX and PDF as approval does it:
 * for a narrative, the facts are read from the records and the first draft is written
 * (gatherFacts + generateDraft); for a register, the register is read and laid out; then the
 * report model with its control block and revision history (renderVersion), the .docx and the
 * .pdf. One warm-up pass (fonts, modules), then BENCH_DOC_RUNS (7) passes over the set, one type
 * after the other; per type and for the whole set the median of the passes. Peak RSS is the
 * process's VmHWM, reset after seeding and the warm-up so it covers the measured passes only.
 * The CPU time of each pass is recorded too: on a shared machine it is the steadier figure.
 * SQLite in a temporary DATA_DIR; target: the whole set under 2 s.
 *
 *   npx tsx bench/documents.ts
 */
const RUNS = Number(process.env.BENCH_DOC_RUNS ?? 7);
const TARGET_MS = 2000;

const statusKiB = (field: 'VmRSS' | 'VmHWM') => {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) : NaN;
};
/** Resets VmHWM to the current RSS (Linux: "5" into clear_refs); false where that is not allowed. */
function resetPeak(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fortytwo-bench-docs-'));
  const config = {
    ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    databaseUrl: undefined,
    webDist: path.join(dataDir, 'no-web'),
  };
  const server = await createServer(config, { logger: false, handle: connect({ dataDir }) });
  try {
    const deps = { db: server.handle.db, dialect: server.handle.dialect };
    const seeded = await seedDemo(deps, localFileStore(dataDir));
    if (!seeded) throw new Error('the demo seed did not run on a fresh database');
    const orgId = seeded.organization.id;
    const actor = { userId: seeded.user.id, name: seeded.user.name };

    // One document of every type: the demo's own where it has one, otherwise created now as a draft.
    const types = documentTypes();
    const have = await deps.db.selectFrom('documents').select(['id', 'typeId']).where('orgId', '=', orgId).execute();
    const docIds = new Map(have.map((d) => [d.typeId, d.id]));
    for (const t of types)
      if (!docIds.has(t.id))
        docIds.set(t.id, (await createDocument(deps, actor, orgId, ZCreateDocument.parse({ typeId: t.id }))).id);

    /** Generates and renders one type; the milliseconds of each step and the sizes of the files. */
    const once = async (typeId: string) => {
      const type = types.find((t) => t.id === typeId)!;
      const d = (await findDocument(deps.db, orgId, docIds.get(typeId)!))!;
      const v = (await versionsOf(deps.db, orgId, [d.id]))[0]!;
      const t0 = performance.now();
      // A narrative is written again from the records; a register (even one frozen at approval) renders live in renderVersion.
      const content =
        type.kind === 'narrative'
          ? {
              kind: 'narrative',
              sections: generateDraft(
                type,
                await gatherFacts(deps.db, orgId, { ownerId: d.ownerId, approverId: d.approverId }),
                JSON.parse(d.answers) as DocumentAnswers,
              ),
            }
          : { kind: 'register', frozen: null };
      const row = { ...v, content: JSON.stringify(content) };
      const { report } = await renderVersion(deps, orgId, d, row, type);
      const t1 = performance.now();
      const docx = await renderDocx(report);
      const t2 = performance.now();
      const pdf = await renderPdf(report);
      const t3 = performance.now();
      return {
        generate: t1 - t0,
        docx: t2 - t1,
        pdf: t3 - t2,
        total: t3 - t0,
        docxBytes: docx.length,
        pdfBytes: pdf.length,
      };
    };

    const coldStart = performance.now();
    for (const t of types) await once(t.id);
    const coldMs = performance.now() - coldStart;

    const loadAtStart = os.loadavg()[0] ?? 0;
    const rssBefore = statusKiB('VmRSS');
    const peakReset = resetPeak();
    const perType = new Map<string, Awaited<ReturnType<typeof once>>[]>();
    const totals: number[] = [];
    const cpuTotals: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      for (const t of types) {
        const r = await once(t.id);
        perType.set(t.id, [...(perType.get(t.id) ?? []), r]);
      }
      totals.push(performance.now() - start);
      const used = process.cpuUsage(cpu);
      cpuTotals.push((used.user + used.system) / 1000);
    }
    const peakKiB = peakReset ? statusKiB('VmHWM') : process.resourceUsage().maxRSS;

    const rows = types.map((t) => {
      const rs = perType.get(t.id)!;
      const m = (k: 'generate' | 'docx' | 'pdf' | 'total') => round(median(rs.map((r) => r[k])));
      return {
        type: t.id,
        kind: t.kind,
        generateMs: m('generate'),
        docxMs: m('docx'),
        pdfMs: m('pdf'),
        totalMs: m('total'),
        docxKiB: round(rs[0]!.docxBytes / 1024),
        pdfKiB: round(rs[0]!.pdfBytes / 1024),
      };
    });
    const summary = {
      types: types.length,
      runs: RUNS,
      wholeSetMedianMs: round(median(totals)),
      wholeSetMinMs: round(Math.min(...totals)),
      wholeSetMaxMs: round(Math.max(...totals)),
      wholeSetCpuMedianMs: round(median(cpuTotals)),
      coldFirstPassMs: round(coldMs),
      loadAvg1mAtStart: round(loadAtStart, 2),
      loadAvg1mAtEnd: round(os.loadavg()[0] ?? 0, 2),
      targetMs: TARGET_MS,
      withinTarget: median(totals) < TARGET_MS,
      rssBeforeMiB: round(rssBefore / 1024),
      peakRssMiB: round(peakKiB / 1024),
      peakCoversMeasuredPassesOnly: peakReset,
    };
    printTable(
      `Document set of ${seeded.organization.name}: median of ${RUNS} passes per type (ms)`,
      ['type', 'kind', 'generate', 'docx', 'pdf', 'total', 'docx KiB', 'pdf KiB'],
      rows.map((r) => [r.type, r.kind, r.generateMs, r.docxMs, r.pdfMs, r.totalMs, r.docxKiB, r.pdfKiB]),
    );
    console.log(
      `\nWhole set (${types.length} documents, DOCX + PDF): median ${summary.wholeSetMedianMs} ms (min ${summary.wholeSetMinMs}, max ${summary.wholeSetMaxMs}); first, cold pass ${summary.coldFirstPassMs} ms; target < ${TARGET_MS} ms: ${summary.withinTarget ? 'met' : 'NOT met'}.`,
    );
    console.log(
      `CPU time per pass (user + system, all threads of the process): median ${summary.wholeSetCpuMedianMs} ms. Load average (1 min) ${summary.loadAvg1mAtStart} before the passes, ${summary.loadAvg1mAtEnd} after: on a busy machine the wall time is longer than the CPU time.`,
    );
    console.log(
      `RSS before the passes ${summary.rssBeforeMiB} MiB, peak during them ${summary.peakRssMiB} MiB${peakReset ? '' : ' (peak of the whole process: clear_refs was not allowed)'}.`,
    );
    const file = writeResult('documents', {
      machine: machine(),
      settings: { runs: RUNS, dialect: 'sqlite' },
      summary,
      rows,
    });
    console.log(`Written to ${file}`);
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
