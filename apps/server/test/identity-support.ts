import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/platform/config';
import { connect } from '../src/platform/db/connect';
import { createServer, type Server } from '../src/server';
import { TEST_ENV, type TestServer } from './harness';

/**
 * A second server on the same database as `ts`, with its own connection (pool) and app, as when
 * several processes share one database; `env` configures it like the process environment would
 * (TRUST_PROXY, SESSION_MAX_DAYS, ...). Close it with `server.close()`.
 */
export async function sameDatabaseServer(ts: TestServer, env: Record<string, string> = {}): Promise<Server> {
  let databaseUrl: string | undefined;
  let dataDir: string;
  let scratch: string | undefined;
  if (ts.handle.dialect === 'postgres') {
    const { rows } = await sql<{ db: string }>`select current_database() as db`.execute(ts.handle.db);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${rows[0]!.db}`;
    databaseUrl = url.toString();
    dataDir = scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'fortytwo-test-other-'));
  } else {
    const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(ts.handle.db);
    dataDir = path.dirname(rows.find((r) => r.name === 'main')!.file);
  }
  const config = {
    ...loadConfig({ DATA_DIR: dataDir, ...TEST_ENV, ...env }),
    databaseUrl,
    webDist: path.join(dataDir, 'no-web'),
  };
  const server = await createServer(config, { logger: false, handle: connect({ databaseUrl, dataDir }) });
  await server.app.ready();
  return {
    ...server,
    close: async () => {
      await server.close();
      if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** How many answers had each status, e.g. { 401: 5, 429: 95 }. */
export function tally(statuses: number[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
}
