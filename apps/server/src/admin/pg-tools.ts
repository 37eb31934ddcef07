import { spawn, spawnSync } from 'node:child_process';

// pg_dump and pg_restore, the PostgreSQL client tools. They get the connection through the
// libpq environment (PGHOST, PGPASSWORD, …) rather than the command line, so the password never
// shows in `ps`.

export type PgTool = { path: string; version: string; major: number };

/** Finds a client tool (PG_DUMP / PG_RESTORE override the path) or says plainly what to install. */
export function findPgTool(name: 'pg_dump' | 'pg_restore'): PgTool {
  const override = process.env[name.toUpperCase()];
  const bin = override || name;
  const res = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  if (res.error || res.status !== 0) {
    const why =
      res.error && 'code' in res.error && res.error.code === 'ENOENT'
        ? 'was not found'
        : `did not run (${res.error?.message ?? res.stderr.trim()})`;
    throw new Error(
      `${bin} ${why}. Backups and restores on PostgreSQL need the PostgreSQL client tools, at least the server's major version ` +
        `(Debian/Ubuntu: apt install postgresql-client-<major>; Alpine: apk add postgresql<major>-client; or use the postgres image). ` +
        `Set ${name.toUpperCase()}=/path/to/${name} if it is not on PATH.`,
    );
  }
  const version = res.stdout.trim();
  const major = Number(/(\d+)(?:\.\d+)?/.exec(version.replace(/^[^0-9]*/, ''))?.[1] ?? 0);
  return { path: bin, version, major };
}

/** The libpq environment for a postgres:// URL (the same URL the server's pg pool reads). */
export function libpqEnv(databaseUrl: string): NodeJS.ProcessEnv {
  const url = new URL(databaseUrl);
  const q = url.searchParams;
  const env: NodeJS.ProcessEnv = {};
  const set = (key: string, value: string | null | undefined) => {
    if (value) env[key] = value;
  };
  set('PGHOST', q.get('host') ?? decodeURIComponent(url.hostname));
  set('PGPORT', q.get('port') ?? url.port);
  set('PGUSER', q.get('user') ?? decodeURIComponent(url.username));
  set('PGPASSWORD', q.get('password') ?? decodeURIComponent(url.password));
  set('PGDATABASE', decodeURIComponent(url.pathname.replace(/^\//, '')) || q.get('dbname'));
  set('PGSSLMODE', q.get('sslmode') ?? (q.get('ssl') === 'true' || q.get('ssl') === '1' ? 'require' : undefined));
  set('PGSSLROOTCERT', q.get('sslrootcert'));
  set('PGSSLCERT', q.get('sslcert'));
  set('PGSSLKEY', q.get('sslkey'));
  set('PGAPPNAME', q.get('application_name'));
  set('PGOPTIONS', q.get('options'));
  return env;
}

/** Runs a tool to completion; rejects with its stderr if it fails. */
export function runPgTool(tool: PgTool, args: string[], databaseUrl: string): Promise<{ stderr: string }> {
  return new Promise((resolve, reject) => {
    // What DATABASE_URL says wins; PG* variables of the environment fill the rest, as for the server's pg pool.
    const child = spawn(tool.path, args, {
      env: { PGAPPNAME: 'fortytwo-admin', ...process.env, ...libpqEnv(databaseUrl) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve({ stderr });
      else reject(new Error(`${tool.path} failed (${signal ?? `exit code ${code}`}):\n${stderr.trim()}`));
    });
  });
}
