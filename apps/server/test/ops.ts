import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadConfig, type Config } from '../src/platform/config';
import { type DialectName, TEST_ENV } from './harness';

// Helpers for the operations tests (backup/restore, crash): a fresh data store of either dialect,
// the admin commands and the real server as child processes, and multipart bodies.

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const DIALECTS: DialectName[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/** An empty DATA_DIR and, for PostgreSQL, an empty database of our own; `drop` removes both. */
export type Store = {
  dialect: DialectName;
  dataDir: string;
  databaseUrl: string | undefined;
  env: Record<string, string>;
  config: Config;
  drop: () => Promise<void>;
};

export async function freshStore(dialect: DialectName, label = 'ops'): Promise<Store> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `fortytwo-${label}-`));
  let databaseUrl: string | undefined;
  let dropDb = async () => {};
  if (dialect === 'postgres') {
    const base = process.env.TEST_DATABASE_URL!;
    const name = `fortytwo_${label.replace(/[^a-z0-9]/g, '_')}_${randomBytes(6).toString('hex')}`;
    await adminQuery(base, `create database ${name}`).catch((err: unknown) => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw err;
    });
    const url = new URL(base);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDb = () => adminQuery(base, `drop database if exists ${name} with (force)`);
  }
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    ...TEST_ENV,
    WEB_DIST: path.join(dataDir, 'no-web'),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  return {
    dialect,
    dataDir,
    databaseUrl,
    env,
    config: { ...loadConfig(env), databaseUrl },
    drop: async () => {
      await dropDb();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Runs `npm run backup|backup:verify|restore` the way an operator does (node --import tsx, env only). */
export function runAdmin(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/admin/cli.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

/** The real server (`node --import tsx apps/server/src/main.ts`) as a child process on a free port. */
export type ServerProcess = { url: string; child: ChildProcess; logs: string[]; exited: Promise<number | null> };

export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s:\n${logs.join('\n')}`)), 30_000);
    const onLine = (line: string) => {
      logs.push(line);
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      lines.forEach(onLine);
    });
    child.stderr.on('data', (d: Buffer) => logs.push(`stderr: ${d.toString()}`));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${logs.join('\n')}`));
    });
  });
  return { url, child, logs, exited };
}

/** A multipart/form-data body with one file in the field "file". */
export function multipart(bytes: Buffer, fileName: string, mediaType: string): { body: Buffer; contentType: string } {
  const boundary = `----ops${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${mediaType}\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** Every file under DATA_DIR/files whose name ends in .tmp. */
export function tempFilesIn(dataDir: string): string[] {
  const root = path.join(dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((p) => p.endsWith('.tmp'));
}
