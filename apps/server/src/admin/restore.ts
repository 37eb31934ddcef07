import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { verifyAuditChain } from '../modules/audit-trail/service';
import { connect, sqliteFile, type Dialect } from '../platform/db/connect';
import { listContentFiles, tempPathFor } from '../platform/files';
import { inspectPostgres, inspectSqlite, type Log } from './backup';
import {
  DB_FILE,
  entryPathProblem,
  entrySha,
  fsyncPath,
  readManifest,
  schemaRefusal,
  sha256File,
  type Manifest,
} from './manifest';
import { findPgTool, libpqEnv, runPgTool } from './pg-tools';

// `npm run restore -- <backup>`: checks the whole backup first (manifest, size and SHA-256 of
// every file, schema version, the database's own counts), then writes the evidence files, then
// the database, then checks the result (row counts, audit chains). It refuses a non-empty target
// unless --force, a target a server is still using, and a backup made by a newer schema.

export type VerifyResult = { manifest: Manifest; warnings: string[] };

export async function verifyBackup(dir: string, log: Log = () => {}): Promise<VerifyResult> {
  const manifest = readManifest(dir);
  const dialect = manifest.dialect;
  const refusal = schemaRefusal(dialect, manifest.schema.migrations);
  if (refusal) throw new Error(refusal);
  const errors: string[] = [];
  if (manifest.database.path !== DB_FILE[dialect])
    errors.push(`the database file of a ${dialect} backup is ${DB_FILE[dialect]}, not ${manifest.database.path}`);
  log(`Checking ${manifest.entries.length} file(s) against the manifest…`);
  const seen = new Set<string>();
  const contentShas = new Set<string>();
  for (const e of manifest.entries) {
    const bad = entryPathProblem(e.path, dialect);
    if (bad) {
      errors.push(bad);
      continue;
    }
    if (seen.has(e.path)) errors.push(`${e.path} is listed twice`);
    seen.add(e.path);
    const abs = path.join(dir, e.path);
    if (!fs.existsSync(abs)) {
      errors.push(`${e.path} is missing`);
      continue;
    }
    const got = await sha256File(abs);
    if (got.size !== e.size || got.sha256 !== e.sha256)
      errors.push(
        `${e.path} is damaged: ${got.size} bytes with SHA-256 ${got.sha256}, the manifest says ${e.size} bytes with ${e.sha256}`,
      );
    const sha = entrySha(e.path);
    if (sha) {
      if (sha !== e.sha256) errors.push(`${e.path}: a content file must be named by its SHA-256 (${e.sha256})`);
      contentShas.add(sha);
    }
  }
  if (!seen.has(DB_FILE[dialect])) errors.push(`the manifest does not list the database file ${DB_FILE[dialect]}`);
  const noted = manifest.problems.join('\n');
  for (const sha of manifest.referencedFiles) {
    if (!contentShas.has(sha) && !noted.includes(sha))
      errors.push(`the database refers to file ${sha}, which is not in the backup`);
  }
  if (dialect === 'sqlite' && errors.length === 0) {
    // The copy itself must agree with its manifest: same schema, same rows, same referenced files.
    const db = new SqliteDatabase(path.join(dir, DB_FILE.sqlite), { readonly: true, fileMustExist: true });
    try {
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') errors.push(`${DB_FILE.sqlite} does not pass SQLite's quick_check: ${String(check)}`);
      else errors.push(...compareWithManifest(manifest, inspectSqlite(db)));
    } finally {
      db.close();
    }
  }
  if (dialect === 'postgres' && errors.length === 0) {
    // pg_restore --list reads the archive's whole table of contents: a truncated dump fails here.
    try {
      const tool = findPgTool('pg_restore');
      await runPgTool(tool, ['--list', path.join(dir, DB_FILE.postgres)], 'postgres://localhost/unused');
    } catch (err) {
      errors.push(`${DB_FILE.postgres} cannot be read by pg_restore: ${(err as Error).message}`);
    }
  }
  if (errors.length) throw new Error(`the backup in ${dir} does not verify:\n  - ${errors.join('\n  - ')}`);
  return { manifest, warnings: manifest.problems.map((p) => `noted when the backup was made: ${p}`) };
}

function compareWithManifest(
  manifest: Manifest,
  got: { migrations: string[]; tables: Record<string, number>; referenced: string[] },
): string[] {
  const errors: string[] = [];
  if ([...got.migrations].sort().join(',') !== [...manifest.schema.migrations].sort().join(','))
    errors.push(
      `the database's migrations (${got.migrations.at(-1) ?? 'none'}) differ from the manifest's (${manifest.schema.latest ?? 'none'})`,
    );
  for (const [t, n] of Object.entries(manifest.tables)) {
    if (got.tables[t] !== n) errors.push(`table ${t} has ${got.tables[t] ?? 'no'} rows, the manifest says ${n}`);
  }
  for (const t of Object.keys(got.tables))
    if (!(t in manifest.tables)) errors.push(`table ${t} is not in the manifest`);
  const want = new Set(manifest.referencedFiles);
  if (got.referenced.length !== want.size || got.referenced.some((s) => !want.has(s)))
    errors.push('the files the database refers to differ from the manifest');
  return errors;
}

export type RestoreOptions = {
  dataDir: string;
  databaseUrl?: string | undefined;
  from: string;
  force?: boolean;
  log?: Log;
};
export type RestoreResult = {
  manifest: Manifest;
  warnings: string[];
  files: { written: number; kept: number };
  chains: { count: number; events: number; broken: string[] };
};

export async function restoreBackup(opts: RestoreOptions): Promise<RestoreResult> {
  const log = opts.log ?? (() => {});
  const from = path.resolve(opts.from);
  const target: Dialect = opts.databaseUrl ? 'postgres' : 'sqlite';
  const { manifest, warnings } = await verifyBackup(from, log);
  if (manifest.dialect !== target) {
    throw new Error(
      `this is a ${manifest.dialect} backup and the target is ${target === 'postgres' ? 'PostgreSQL (DATABASE_URL is set)' : 'SQLite (DATABASE_URL is not set)'}: a backup restores into the same kind of database`,
    );
  }
  log(
    `The backup verifies: ${manifest.createdAt}, schema ${manifest.schema.latest ?? 'empty'}, ${manifest.entries.length - 1} evidence file(s).`,
  );

  // Is the target empty? Then: is anyone using it?
  const existingFiles = await listContentFiles(opts.dataDir);
  const notEmpty: string[] = [];
  if (existingFiles.length) notEmpty.push(`${existingFiles.length} file(s) in ${path.join(opts.dataDir, 'files')}`);
  let pgTables: string[] = [];
  const pgRestore = target === 'postgres' ? findPgTool('pg_restore') : null;
  const sqlitePath = sqliteFile(opts.dataDir);
  const hasSqlite = target === 'sqlite' && fs.existsSync(sqlitePath) && fs.statSync(sqlitePath).size > 0;
  if (hasSqlite) notEmpty.push(`the database ${sqlitePath}`);
  if (target === 'postgres') {
    pgTables = await withPg(opts.databaseUrl!, async (client) =>
      (
        await client.query<{ t: string }>(
          'select tablename as t from pg_tables where schemaname = current_schema() order by tablename',
        )
      ).rows.map((r) => r.t),
    );
    if (pgTables.length) notEmpty.push(`${pgTables.length} table(s) in the database at DATABASE_URL`);
  }
  if (notEmpty.length && !opts.force) {
    throw new Error(
      `the target is not empty (${notEmpty.join('; ')}); restore will not overwrite it. Restore into an empty DATA_DIR${target === 'postgres' ? ' and an empty database' : ''}, or stop the server and rerun with --force to replace the database.`,
    );
  }
  if (hasSqlite) assertSqliteNotInUse(sqlitePath);
  if (target === 'postgres') {
    // A session that just disconnected may linger for a moment: look again for two seconds.
    const others = await withPg(opts.databaseUrl!, async (client) => {
      for (let attempt = 0; ; attempt++) {
        const { rows } = await client.query<{ who: string }>(
          `select coalesce(nullif(application_name, ''), 'unnamed') || ' from ' || coalesce(client_addr::text, 'local socket') as who from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
        );
        if (rows.length === 0 || attempt >= 10) return rows;
        await new Promise((r) => setTimeout(r, 200));
      }
    });
    if (others.length)
      throw new Error(
        `${others.length} other session(s) are connected to the target database (${others.map((o) => o.who).join(', ')}): stop the server (every instance) before restoring`,
      );
  }

  // Evidence first, the database last: an interrupted restore never leaves rows whose bytes are missing.
  const files = await restoreFiles(from, manifest, opts.dataDir, log);
  log(`Evidence files: ${files.written} written, ${files.kept} already there.`);
  if (target === 'sqlite') await restoreSqlite(from, opts.dataDir);
  else await restorePostgres(from, opts.databaseUrl!, pgRestore!, pgTables, log);

  // The result must be the backup: same schema and rows; and the audit chains must still verify.
  log('Checking the restored database…');
  const handle = connect({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir });
  try {
    let got;
    if (target === 'sqlite') {
      const db = new SqliteDatabase(sqliteFile(opts.dataDir), { readonly: true, fileMustExist: true });
      try {
        got = inspectSqlite(db);
      } finally {
        db.close();
      }
    } else {
      got = await withPg(opts.databaseUrl!, inspectPostgres);
    }
    const mismatch = compareWithManifest(manifest, got);
    if (mismatch.length)
      throw new Error(`the restored database differs from the backup:\n  - ${mismatch.join('\n  - ')}`);
    const chains = (await handle.db.selectFrom('auditEvents').select('chain').distinct().execute()).map((r) => r.chain);
    const broken: string[] = [];
    let events = 0;
    for (const chain of chains) {
      const v = await verifyAuditChain({ db: handle.db, dialect: handle.dialect }, chain);
      events += v.checked;
      if (!v.ok) broken.push(`${chain} (first broken event ${v.firstBrokenId})`);
    }
    return { manifest, warnings, files, chains: { count: chains.length, events, broken } };
  } finally {
    await handle.close();
  }
}

/** Switching out of WAL needs the only connection: it fails while a server has the file open. */
function assertSqliteNotInUse(file: string) {
  let db: SqliteDatabase.Database | undefined;
  try {
    db = new SqliteDatabase(file, { fileMustExist: true, timeout: 2000 });
    db.pragma('journal_mode = DELETE');
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
      throw new Error(`the database ${file} is in use: stop the server before restoring`);
    // Not a database we can open (damaged, not SQLite): nobody is using it as one; it is replaced.
  } finally {
    db?.close();
  }
}

async function restoreFiles(
  from: string,
  manifest: Manifest,
  dataDir: string,
  log: Log,
): Promise<{ written: number; kept: number }> {
  let written = 0;
  let kept = 0;
  const dirs = new Set<string>();
  const content = manifest.entries.filter((e) => entrySha(e.path));
  for (const [i, e] of content.entries()) {
    if (i > 0 && i % 500 === 0) log(`  ${i}/${content.length}…`);
    const target = path.join(dataDir, ...e.path.split('/'));
    if (fs.existsSync(target) && (await sha256File(target)).sha256 === e.sha256) {
      kept++;
      continue;
    }
    const bytes = await fs.promises.readFile(path.join(from, ...e.path.split('/')));
    // Checked again as it is copied: the backup may have changed since it was verified.
    if (createHash('sha256').update(bytes).digest('hex') !== e.sha256)
      throw new Error(`${e.path} changed in the backup during the restore`);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const tmp = tempPathFor(target);
    const h = await fs.promises.open(tmp, 'w', 0o600);
    try {
      await h.writeFile(bytes);
      await h.sync();
    } finally {
      await h.close();
    }
    await fs.promises.rename(tmp, target);
    dirs.add(path.dirname(target));
    written++;
  }
  for (const d of dirs) await fsyncPath(d);
  return { written, kept };
}

async function restoreSqlite(from: string, dataDir: string) {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = sqliteFile(dataDir);
  const tmp = `${file}.restoring`;
  await fs.promises.copyFile(path.join(from, DB_FILE.sqlite), tmp);
  await fsyncPath(tmp);
  // A WAL or shared-memory file of the old database must not be replayed onto the new one.
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
  fs.renameSync(tmp, file);
  await fsyncPath(dataDir);
}

async function restorePostgres(
  from: string,
  databaseUrl: string,
  tool: NonNullable<ReturnType<typeof findPgTool>>,
  existingTables: string[],
  log: Log,
) {
  if (existingTables.length) {
    log(`Dropping the ${existingTables.length} table(s) of the target database (--force)…`);
    await withPg(databaseUrl, async (client) => {
      await client.query('begin');
      try {
        for (const t of existingTables) await client.query(`drop table if exists "${t.replace(/"/g, '""')}" cascade`);
        await client.query('commit');
      } catch (err) {
        await client.query('rollback').catch(() => {});
        throw err;
      }
    });
  }
  log('Restoring the database (pg_restore)…');
  const dbname = libpqEnv(databaseUrl).PGDATABASE;
  if (!dbname) throw new Error('DATABASE_URL names no database');
  // One transaction: a failed restore leaves the (emptied) database empty, never half-filled.
  await runPgTool(
    tool,
    [
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${dbname}`,
      path.join(from, DB_FILE.postgres),
    ],
    databaseUrl,
  );
}

async function withPg<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'fortytwo-restore' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
