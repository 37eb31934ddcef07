// Runs the benchmarks one after another (never in parallel: they would measure each other) and
// prints one summary from their .bench/*.json files.
//   npm run bench                      startup, list, risk pages, the document set and my tasks (SQLite; PostgreSQL when reachable)
//   npm run bench -- --with-npm-ci     also the cold `npm ci` (minutes, uses the network)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const withNpmCi = process.argv.includes('--with-npm-ci');

const steps = [
  { name: 'startup', command: process.execPath, args: ['--import', 'tsx', 'bench/startup.ts'] },
  { name: 'list', command: process.execPath, args: ['--import', 'tsx', 'bench/list.ts'] },
  { name: 'risk', command: process.execPath, args: ['--import', 'tsx', 'bench/risk.ts'] },
  { name: 'documents', command: process.execPath, args: ['--import', 'tsx', 'bench/documents.ts'] },
  { name: 'my-tasks', command: process.execPath, args: ['--import', 'tsx', 'bench/my-tasks.ts'] },
  { name: 'web-first-load', command: process.execPath, args: ['bench/web-first-load.mjs'] },
  { name: 'evidence-package', command: process.execPath, args: ['--import', 'tsx', 'bench/evidence-package.ts'] },
  ...(withNpmCi ? [{ name: 'npm-ci', command: 'bash', args: ['bench/npm-ci.sh'] }] : []),
];

const started = Date.now();
const failed = [];
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  // Each step is bounded: startup gives up after 60 s a run, list runs a fixed duration, npm ci 30 min.
  const res = spawnSync(step.command, step.args, { cwd: root, stdio: 'inherit', timeout: 45 * 60_000 });
  if (res.status !== 0) failed.push(`${step.name} (${res.error?.message ?? `exit ${res.status ?? res.signal}`})`);
}

/** A result written by this run; an older file from an earlier run is not reported as new. */
const read = (name) => {
  const file = path.join(root, '.bench', `${name}.json`);
  if (!fs.existsSync(file) || fs.statSync(file).mtimeMs < started) return undefined;
  return JSON.parse(fs.readFileSync(file, 'utf8'));
};

function table(title, header, rows) {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of cells.slice(1)) console.log(line(r));
}

console.log('\n=== summary ===');
const startup = read('startup');
if (startup) {
  table(
    'Startup (spawn to first 200 on /api/health; RSS after 5 s idle)',
    ['command', 'ready min ms', 'ready median ms', 'server RSS median MiB'],
    startup.summary.map((s) => [
      s.mode,
      Math.round(s.readyMsMin),
      Math.round(s.readyMsMedian),
      s.serverRssMiBMedian.toFixed(1),
    ]),
  );
}
const list = read('list');
if (list) {
  const s = list.settings;
  table(
    `AI system list, ${s.aiSystems} systems, limit=${s.pageSize}, ${s.connections} connections, ${s.durationSec} s`,
    ['dialect / scenario', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'errors', 'non-2xx'],
    list.results.map((r) => [
      `${r.dialect} / ${r.scenario}`,
      r.requestsPerSec.toFixed(1),
      r.p50Ms,
      r.p97_5Ms,
      r.p99Ms,
      r.errors + r.timeouts,
      r.non2xx,
    ]),
  );
  for (const skip of list.skipped) console.log(`(${skip.dialect} skipped: ${skip.reason})`);
}
const risk = read('risk');
if (risk) {
  table(
    `Step-4 pages, ${risk.settings.risks} treated risks, ${risk.settings.requests} sequential requests each`,
    ['dialect / page', 'median ms', 'p95 ms', 'max ms'],
    risk.results.map((r) => [`${r.dialect} / ${r.page}`, r.medianMs, r.p95Ms, r.maxMs]),
  );
}
const evidencePkg = read('evidence-package');
if (evidencePkg) {
  const s = evidencePkg.summary;
  table(
    `Evidence package, ${s.files} files of ${s.fileKiB} KiB, streamed`,
    ['measure', 'value'],
    [
      ['package MiB', s.packageMiB],
      ['wall ms', s.wallMs],
      ['CPU ms', s.cpuMs],
      ['peak RSS MiB (growth)', `${s.peakRssMiB} (+${s.peakGrowthMiB})`],
      ['streams', s.streams ? 'yes' : 'NO'],
    ],
  );
}
const documents = read('documents');
if (documents) {
  const s = documents.summary;
  table(
    `Document set of the demo organization, ${s.types} documents to DOCX and PDF, median of ${s.runs} passes`,
    ['measure', 'value'],
    [
      ['whole set, wall ms', s.wholeSetMedianMs],
      ['whole set, CPU ms', s.wholeSetCpuMedianMs],
      ['target < 2000 ms', s.withinTarget ? 'met' : 'NOT met'],
      ['peak RSS MiB', s.peakRssMiB],
    ],
  );
}
const myTasks = read('my-tasks');
if (myTasks) {
  table(
    `My tasks, one person with ${myTasks.settings.tasks} open tasks, ${myTasks.settings.requests} sequential requests`,
    ['dialect / scenario', 'median ms', 'p95 ms', 'peak RSS rise MiB'],
    myTasks.results.map((r) => [`${r.dialect} / ${r.scenario}`, r.medianMs, r.p95Ms, r.peakRssMiB]),
  );
}
const npmCi = read('npm-ci');
if (npmCi) console.log(`\nnpm ci, cold cache, fresh clone of ${npmCi.commit}: ${npmCi.seconds} s`);

if (failed.length > 0) {
  console.error(`\nFAILED: ${failed.join(', ')}`);
  process.exit(1);
}
