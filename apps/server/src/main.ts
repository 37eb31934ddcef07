import { ConfigError, loadConfig } from './platform/config';
import { createServer } from './server';
import { checkNodeVersion } from './platform/node-support';
import { releaseMemoryWhenQuiet } from './platform/quiet-memory';

async function main() {
  checkNodeVersion();
  const config = loadConfig();
  const server = await createServer(config, { runJobs: true });
  const shutdown = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await server.app.listen({ port: config.port, host: config.host });
  releaseMemoryWhenQuiet([server.app.server]);
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `SQLite in ${config.dataDir}`;
  server.app.log.info(`Fortytwo is running on http://localhost:${config.port} (data: ${where})`);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
