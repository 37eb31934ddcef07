import type { FastifyInstance } from 'fastify';
import type { Config } from './platform/config';
import { connect, migrate, type DbHandle } from './platform/db/connect';
import { WritesOutsideTransactions } from './platform/db/audited-writes';
import { KeptAnswerReads } from './platform/http/kept-reads';
import { removeTempFiles } from './platform/files';
import { buildHttpApp } from './platform/http/app';
import { API_MODULES } from './modules';
import { discoverOidc } from './modules/sso/provider';
import { scheduledJobs } from './modules/notifications/jobs';
import { Scheduler } from './platform/jobs/scheduler';

export type Server = { app: FastifyInstance; handle: DbHandle; jobs: Scheduler; close: () => Promise<void> };

/**
 * Connects, migrates and builds the app; used by main.ts, the demo, the tests and the benchmarks.
 * `runJobs` starts the scheduled work (reminders, digests, expiry checks; platform/jobs) in this
 * process: main.ts and the demo do, tests call `jobs.tick()` themselves.
 */
export async function createServer(
  config: Config,
  opts: { logger?: boolean; handle?: DbHandle; runJobs?: boolean } = {},
): Promise<Server> {
  const handle = opts.handle ?? connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(handle);
  // The identity provider is read at start: a wrong issuer is a message now, not a failure at first sign-in.
  const oidc = config.oidc ? await discoverOidc(config.oidc) : undefined;
  // Under test, a write of what a kept answer reads must go through inTransaction (platform/db/audited-writes.ts),
  // and a kept answer may read only such tables (platform/http/kept-reads.ts).
  const db =
    process.env.NODE_ENV === 'test'
      ? handle.db.withPlugin(new WritesOutsideTransactions()).withPlugin(new KeptAnswerReads())
      : handle.db;
  const app = await buildHttpApp({ db, dialect: handle.dialect, config, oidc }, API_MODULES, opts);
  // A process killed mid-upload leaves its temporary file behind (content files are never touched).
  const temp = await removeTempFiles(config.dataDir);
  if (temp.removed || temp.kept)
    app.log.info(
      `File store: removed ${temp.removed} temporary file(s) left by an interrupted upload${temp.kept ? `; kept ${temp.kept} recent one(s) another running instance may still be writing` : ''}`,
    );
  const deps = { db, dialect: handle.dialect, config };
  const jobs = new Scheduler(deps, scheduledJobs(deps), (m) => app.log.warn(m));
  if (opts.runJobs) jobs.start();
  return {
    app,
    handle,
    jobs,
    close: async () => {
      await jobs.stop();
      await app.close();
      await handle.close();
    },
  };
}
