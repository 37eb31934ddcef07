import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { machine, median, printTable, REPO_ROOT, round, writeResult } from './util';

/**
 * Cold start of the real entry point on a fresh SQLite DATA_DIR: ms from spawn to the first 200 on
 * /api/health (polled every 20 ms), then the server's resident memory after 5 s idle, read from
 * /proc/<pid>/status of the node process that holds the listening socket. The ways to start it:
 * the compiled server (`node apps/server/dist/main.js`, with and without source maps, and through
 * `npm start`), `node --import tsx` (the node process is the server) and `npx tsx` (npx and tsx each
 * add a process: the server is found by its socket, and the whole tree's RSS is reported too).
 */
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 3);
const POLL_MS = 20;
const GIVE_UP_MS = 60_000;
const IDLE_MS = 5_000;
const ENTRY = 'apps/server/src/main.ts';

type Mode = { name: string; command: string; args: string[] };
const BUILT = 'apps/server/dist/main.js';
const ALL_MODES: Mode[] = [
  // What `npm start` runs since issue 19: the compiled server, plain JavaScript (built below if stale).
  { name: 'node dist/main.js', command: process.execPath, args: [BUILT] },
  { name: 'node --enable-source-maps dist/main.js', command: process.execPath, args: ['--enable-source-maps', BUILT] },
  { name: 'npm start (built)', command: 'npm', args: ['start', '--silent'] },
  // What `npm start` ran before scripts/run-built.mjs: a nested `npm run build`, then the server.
  {
    name: 'npm run build && node dist/main.js',
    command: 'sh',
    args: ['-c', 'npm run build --silent && exec node apps/server/dist/main.js'],
  },
  { name: 'node --import tsx', command: process.execPath, args: ['--import', 'tsx', ENTRY] },
  { name: 'npx tsx', command: 'npx', args: ['tsx', ENTRY] },
];
// BENCH_STARTUP_COMPARE=<another build's main.js> adds it as a mode, to compare two builds in one run
// (copy apps/server/dist of the older commit to a sibling folder, e.g. apps/server/dist-before: the
// bundle finds the web build and the catalogue relative to itself). BENCH_STARTUP_MODES=name,name keeps
// only those modes; BENCH_STARTUP_DATA=existing starts each run on a data directory migrated by an
// earlier start (a restart) instead of a fresh one.
const COMPARE = process.env.BENCH_STARTUP_COMPARE;
if (COMPARE) ALL_MODES.unshift({ name: `node ${COMPARE}`, command: process.execPath, args: [COMPARE] });
const ONLY = process.env.BENCH_STARTUP_MODES?.split(',').map((m) => m.trim());
const MODES = ONLY ? ALL_MODES.filter((m) => ONLY.includes(m.name) || m.args.includes(COMPARE ?? '')) : ALL_MODES;
const EXISTING_DATA = process.env.BENCH_STARTUP_DATA === 'existing';
type Run = {
  mode: string;
  run: number;
  readyMs: number;
  serverPid: number;
  serverRssMiB: number;
  treeRssMiB: number;
  processes: number;
  tree: { pid: number; command: string; rssMiB: number }[];
};

let current: ChildProcess | undefined; // stopped on Ctrl-C too, so no server outlives the benchmark
process.once('SIGINT', () => {
  if (current?.pid && current.exitCode === null) process.kill(-current.pid, 'SIGTERM');
  process.exit(130);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** ppid of every process, from /proc/<pid>/stat (the field after the parenthesised command name). */
function parentMap(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  return parents;
}

function descendants(root: number): number[] {
  const parents = parentMap();
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const [pid, ppid] of parents) if (ppid === out[i]) out.push(pid);
  return out.filter((pid) => fs.existsSync(`/proc/${pid}`));
}

function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ').slice(0, 160);
  } catch {
    return '?';
  }
}

function rssKiB(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

/** The socket inode listening on 127.0.0.1:<port>, from /proc/net/tcp (state 0A = LISTEN). */
function listeningInode(port: number): string | undefined {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const line of fs.readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f[1] === `0100007F:${hexPort}` && f[3] === '0A') return f[9];
  }
  return undefined;
}

/** Which process of the tree holds the listening socket: that is the server. */
function serverPid(root: number, port: number): number {
  const inode = listeningInode(port);
  if (!inode) throw new Error(`nothing listens on 127.0.0.1:${port}`);
  for (const pid of descendants(root)) {
    let fds: string[] = [];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (fs.readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`) return pid;
      } catch {
        // fd closed meanwhile
      }
    }
  }
  throw new Error(`no process under pid ${root} holds the socket of port ${port}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // The child leads its own process group (detached): this reaches npx, tsx and the server, nothing else.
  process.kill(-child.pid!, 'SIGTERM');
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 5_000);
  await exited;
  clearTimeout(timer);
}

async function once(
  mode: Mode,
  run: number,
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fortytwo-startup-')),
): Promise<Run> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL; // always the embedded SQLite database
  const t0 = performance.now();
  const child = spawn(mode.command, mode.args, {
    cwd: REPO_ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  current = child;
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  try {
    let readyMs: number | undefined;
    while (performance.now() - t0 < GIVE_UP_MS) {
      if (child.exitCode !== null)
        throw new Error(`${mode.name} exited with ${child.exitCode} before it was ready:\n${output}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(1_000) });
        await res.arrayBuffer();
        if (res.status === 200) {
          readyMs = performance.now() - t0;
          break;
        }
      } catch {
        // not listening yet
      }
      await sleep(POLL_MS);
    }
    if (readyMs === undefined)
      throw new Error(`${mode.name}: no 200 from /api/health within ${GIVE_UP_MS / 1000} s:\n${output}`);
    await sleep(IDLE_MS);
    const pid = serverPid(child.pid!, port);
    const tree = descendants(child.pid!);
    return {
      mode: mode.name,
      run,
      readyMs,
      serverPid: pid,
      serverRssMiB: rssKiB(pid) / 1024,
      treeRssMiB: tree.reduce((sum, p) => sum + rssKiB(p), 0) / 1024,
      processes: tree.length,
      tree: tree.map((p) => ({ pid: p, command: commandLine(p), rssMiB: rssKiB(p) / 1024 })),
    };
  } finally {
    await stop(child);
    if (!EXISTING_DATA) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  // The compiled server is built first (when stale), outside the timed runs, as `npm start` does once.
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/build-server-if-stale.mjs')], { stdio: 'inherit' });
  const before = machine(); // the load average before we start: a busy box makes every number worse
  if (before.loadAvg1m > 0.5)
    console.log(
      `note: load average ${before.loadAvg1m.toFixed(2)} before starting; other work on this machine skews the results`,
    );
  const runs: Run[] = [];
  // With an existing data directory, each mode gets one, migrated by a first start that is not counted.
  const dataDirs = new Map<string, string>();
  if (EXISTING_DATA)
    for (const mode of MODES) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fortytwo-startup-'));
      await once(mode, 0, dir);
      dataDirs.set(mode.name, dir);
    }
  // Run by run, the modes in turn: a change in the machine's load then touches every mode alike.
  for (let i = 1; i <= RUNS; i++) {
    for (const mode of MODES) {
      const r = await once(mode, i, dataDirs.get(mode.name));
      console.log(
        `${mode.name} #${i}: ready in ${Math.round(r.readyMs)} ms, server RSS ${r.serverRssMiB.toFixed(1)} MiB (${r.processes} processes, ${r.treeRssMiB.toFixed(1)} MiB together)`,
      );
      runs.push(r);
    }
  }
  const summary = MODES.map((m) => {
    const mine = runs.filter((r) => r.mode === m.name);
    const ready = mine.map((r) => r.readyMs);
    const rss = mine.map((r) => r.serverRssMiB);
    const tree = mine.map((r) => r.treeRssMiB);
    return {
      mode: m.name,
      runs: mine.length,
      readyMsMin: Math.min(...ready),
      readyMsMedian: median(ready),
      serverRssMiBMin: Math.min(...rss),
      serverRssMiBMedian: median(rss),
      treeRssMiBMedian: median(tree),
      processes: mine[0]?.processes ?? 0,
    };
  });
  printTable(
    `Startup: spawn to first 200 on /api/health, ${EXISTING_DATA ? 'an existing' : 'fresh'} SQLite DATA_DIR; RSS after ${IDLE_MS / 1000} s idle (${RUNS} runs each)`,
    [
      'command',
      'ready min ms',
      'ready median ms',
      'server RSS min MiB',
      'server RSS median MiB',
      'processes',
      'all processes RSS median MiB',
    ],
    summary.map((s) => [
      s.mode,
      Math.round(s.readyMsMin),
      Math.round(s.readyMsMedian),
      round(s.serverRssMiBMin),
      round(s.serverRssMiBMedian),
      s.processes,
      round(s.treeRssMiBMedian),
    ]),
  );
  for (const dir of dataDirs.values()) fs.rmSync(dir, { recursive: true, force: true });
  const file = writeResult('startup', {
    machine: before,
    settings: { runs: RUNS, pollMs: POLL_MS, idleMs: IDLE_MS, existingData: EXISTING_DATA, compare: COMPARE ?? null },
    summary,
    runs,
  });
  console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
