import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { sqliteFile, type Dialect } from '../platform/db/connect';
import { filesRoot, listContentFiles } from '../platform/files';
import {
  appVersion,
  DB_FILE,
  FORMAT,
  FORMAT_VERSION,
  fsyncPath,
  MANIFEST,
  sha256File,
  type Entry,
  type Manifest,
} from './manifest';
import { findPgTool, runPgTool } from './pg-tools';

// `npm run backup`: a consistent copy of a running server's data. The database is copied first,
// as one snapshot (SQLite: the online backup API in one step, a read transaction that sees every
// committed write, including those still in the WAL; PostgreSQL: pg_dump on a snapshot exported
// by our own transaction, which also counts the rows and lists the referenced files). The files
// are copied after: a content file is written (and flushed) before the row that names it commits
// and is never modified or removed, so every file the snapshot refers to is there to copy.

export type Log = (line: string) => void;
export type BackupOptions = { dataDir: string; databaseUrl?: string | undefined; outDir: string; log?: Log };
export type BackupResult = { dir: string; manifest: Manifest };

type Snapshot = {
  method: string;
  serverVersion?: string;
  toolVersion?: string;
  migrations: string[];
  tables: Record<string, number>;
  referenced: string[];
};

export async function createBackup(opts: BackupOptions): Promise<BackupResult> {
  const log = opts.log ?? (() => {});
  const started = Date.now();
  const dialect: Dialect = opts.databaseUrl ? 'postgres' : 'sqlite';
  const outDir = path.resolve(opts.outDir);
  const store = path.resolve(filesRoot(opts.dataDir));
  if (outDir === store || outDir.startsWith(store + path.sep))
    throw new Error(
      `the backup directory ${outDir} is inside DATA_DIR/files; choose a directory outside the file store`,
    );
  fs.mkdirSync(outDir, { recursive: true });
  const name = freshName(outDir, new Date(started));
  const partial = path.join(outDir, `${name}.partial`);
  fs.mkdirSync(partial, { mode: 0o700 }); // a backup holds password hashes and evidence: operators only
  try {
    const dbPath = path.join(partial, DB_FILE[dialect]);
    log(`Copying the ${dialect === 'sqlite' ? 'SQLite database' : 'PostgreSQL database (pg_dump)'}…`);
    const snap =
      dialect === 'sqlite'
        ? await snapshotSqlite(opts.dataDir, dbPath)
        : await snapshotPostgres(opts.databaseUrl!, dbPath);
    fs.chmodSync(dbPath, 0o600);
    const entries: Entry[] = [{ path: DB_FILE[dialect], ...(await sha256File(dbPath)) }];

    const problems: string[] = [];
    const copied = new Set<string>();
    const content = await listContentFiles(opts.dataDir);
    log(`Copying ${content.length} evidence file(s) from ${store}…`);
    const dirs = new Set<string>();
    for (const f of content) {
      const bytes = await fs.promises.readFile(path.join(opts.dataDir, f.relPath));
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (sha256 !== f.sha256) {
        problems.push(`${f.relPath} is damaged in DATA_DIR: its content hashes to ${sha256}; left out of the backup`);
        continue;
      }
      const target = path.join(partial, f.relPath);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await writeDurably(target, bytes);
      dirs.add(path.dirname(target));
      copied.add(sha256);
      entries.push({ path: f.relPath.split(path.sep).join('/'), size: bytes.length, sha256 });
    }
    for (const sha of snap.referenced) {
      if (!copied.has(sha))
        problems.push(
          `the database refers to file ${sha}, which is missing from DATA_DIR/files (that evidence cannot be downloaded; restore DATA_DIR/files from an older backup)`,
        );
    }
    for (const d of dirs) await fsyncPath(d);

    const manifest: Manifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      app: appVersion(),
      host: os.hostname(),
      dialect,
      database: {
        path: DB_FILE[dialect],
        method: snap.method,
        ...(snap.serverVersion ? { serverVersion: snap.serverVersion } : {}),
        ...(snap.toolVersion ? { toolVersion: snap.toolVersion } : {}),
      },
      schema: { migrations: snap.migrations, latest: snap.migrations.at(-1) ?? null },
      tables: snap.tables,
      referencedFiles: snap.referenced,
      problems,
      entries,
    };
    await writeDurably(path.join(partial, MANIFEST), Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    await fsyncPath(partial);
    // Only a complete backup carries the final name.
    const dir = path.join(outDir, name);
    fs.renameSync(partial, dir);
    await fsyncPath(outDir);
    return { dir, manifest };
  } catch (err) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw err;
  }
}

/** fortytwo-20261203-094023Z, with -2, -3… if that second already has a backup. */
function freshName(outDir: string, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
    .replace('T', '-');
  for (let i = 1; ; i++) {
    const name = i === 1 ? `fortytwo-${stamp}` : `fortytwo-${stamp}-${i}`;
    if (!fs.existsSync(path.join(outDir, name)) && !fs.existsSync(path.join(outDir, `${name}.partial`))) return name;
  }
}

async function writeDurably(file: string, bytes: Buffer): Promise<void> {
  const h = await fs.promises.open(file, 'wx', 0o600);
  try {
    await h.writeFile(bytes);
    await h.sync();
  } finally {
    await h.close();
  }
}

async function snapshotSqlite(dataDir: string, dest: string): Promise<Snapshot> {
  const src = sqliteFile(dataDir);
  if (!fs.existsSync(src))
    throw new Error(
      `there is no database at ${src}: is DATA_DIR right (it is ${dataDir})? With PostgreSQL, set DATABASE_URL.`,
    );
  // Opened read-write as the server opens it (a read-only connection cannot always read a WAL
  // database), but nothing is written: no pragma that changes the file is set here.
  const db = new SqliteDatabase(src, { fileMustExist: true, timeout: 10_000 });
  try {
    // One step copies every page inside one read transaction: a consistent snapshot that
    // includes the WAL, taken without blocking the server's writer (WAL readers never do).
    await db.backup(dest, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  // The copy becomes an ordinary self-contained file (rollback journal), readable anywhere, even
  // read-only; the server switches it back to WAL when it opens it.
  const copy = new SqliteDatabase(dest, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copied database does not pass SQLite's quick_check: ${String(check)}`);
    return {
      method: `SQLite online backup API (SQLite ${String(copy.prepare('select sqlite_version() as v').pluck().get())})`,
      ...inspectSqlite(copy),
    };
  } finally {
    copy.close();
  }
}

export function inspectSqlite(db: SqliteDatabase.Database): Omit<Snapshot, 'method'> {
  const tableNames = db
    .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`)
    .pluck()
    .all() as string[];
  if (!tableNames.includes('kysely_migration'))
    throw new Error('this SQLite file is not a Fortytwo database (it has no migration table)');
  const migrations = db.prepare('select name from kysely_migration order by name').pluck().all() as string[];
  const tables = Object.fromEntries(
    tableNames.map((t) => [
      t,
      Number(
        db
          .prepare(`select count(*) from "${t.replace(/"/g, '""')}"`)
          .pluck()
          .get(),
      ),
    ]),
  );
  const query = referencedQuery(tableNames);
  const referenced = query ? (db.prepare(query).pluck().all() as string[]) : [];
  return { migrations, tables, referenced };
}

/**
 * The files the database refers to that live outside it (DATA_DIR/files): those of `files` (gap
 * analysis before 0016, documents) and of evidence revisions, less the ones kept in the database's
 * own `file_blobs` (FILE_STORE=db), which the database copy carries.
 */
export function referencedQuery(tableNames: string[]): string | null {
  const sources = [
    tableNames.includes('files') ? 'select sha256 from files' : null,
    tableNames.includes('evidence_revisions') ? 'select sha256 from evidence_revisions where sha256 is not null' : null,
  ].filter(Boolean);
  if (sources.length === 0) return null;
  const inDb = tableNames.includes('file_blobs') ? ' where sha256 not in (select sha256 from file_blobs)' : '';
  return `select distinct sha256 from (${sources.join(' union ')}) refs${inDb} order by sha256`;
}

async function snapshotPostgres(databaseUrl: string, dest: string): Promise<Snapshot> {
  const tool = findPgTool('pg_dump');
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'fortytwo-backup' });
  await client.connect();
  try {
    const { rows: ver } = await client.query<{ v: string; n: string }>(
      `select current_setting('server_version') as v, current_setting('server_version_num') as n`,
    );
    const serverVersion = ver[0]!.v;
    const serverMajor = Math.floor(Number(ver[0]!.n) / 10_000);
    if (tool.major < serverMajor)
      throw new Error(
        `${tool.version} cannot dump PostgreSQL ${serverVersion}: install the client tools of version ${serverMajor} or newer (or set PG_DUMP to one)`,
      );
    const { rows: reg } = await client.query<{ t: string | null }>(`select to_regclass('kysely_migration')::text as t`);
    if (!reg[0]?.t)
      throw new Error(
        'the database at DATABASE_URL is not a Fortytwo database (it has no migration table): has the server ever started on it?',
      );
    // Our transaction exports its snapshot; pg_dump dumps exactly that snapshot, and the counts
    // and referenced files below are read in it too.
    await client.query('begin isolation level repeatable read read only');
    const { rows: snap } = await client.query<{ s: string }>('select pg_export_snapshot() as s');
    const dumping = runPgTool(tool, ['--format=custom', `--snapshot=${snap[0]!.s}`, `--file=${dest}`], databaseUrl);
    dumping.catch(() => {}); // awaited below; never an unhandled rejection meanwhile
    try {
      const info = await inspectPostgres(client);
      await dumping;
      return {
        method: 'pg_dump --format=custom',
        serverVersion: `PostgreSQL ${serverVersion}`,
        toolVersion: tool.version,
        ...info,
      };
    } finally {
      await client.query('commit').catch(() => {});
    }
  } finally {
    await client.end();
  }
}

export async function inspectPostgres(client: pg.Client): Promise<Omit<Snapshot, 'method'>> {
  const tableNames = (
    await client.query<{ t: string }>(
      'select tablename as t from pg_tables where schemaname = current_schema() order by tablename',
    )
  ).rows.map((r) => r.t);
  const migrations = (await client.query<{ name: string }>('select name from kysely_migration order by name')).rows.map(
    (r) => r.name,
  );
  const tables: Record<string, number> = {};
  for (const t of tableNames)
    tables[t] = Number(
      (await client.query<{ n: string }>(`select count(*) as n from "${t.replace(/"/g, '""')}"`)).rows[0]!.n,
    );
  const query = referencedQuery(tableNames);
  const referenced = query ? (await client.query<{ sha256: string }>(query)).rows.map((r) => r.sha256) : [];
  return { migrations, tables, referenced };
}
