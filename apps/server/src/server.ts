import type { FastifyInstance } from 'fastify';
import type { Config } from './platform/config';
import { connect, migrate, type DbHandle } from './platform/db/connect';
import { buildHttpApp } from './platform/http/app';
import { API_MODULES } from './modules';

export type Server = { app: FastifyInstance; handle: DbHandle; close: () => Promise<void> };

/** Connects, migrates and builds the app; used by main.ts, the demo, the tests and the benchmarks. */
export async function createServer(config: Config, opts: { logger?: boolean; handle?: DbHandle } = {}): Promise<Server> {
  const handle = opts.handle ?? connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(handle);
  const app = await buildHttpApp({ db: handle.db, dialect: handle.dialect, config }, API_MODULES, opts);
  return {
    app,
    handle,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}
