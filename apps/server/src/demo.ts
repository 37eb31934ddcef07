// `npm run demo`: the app with a fictional organization, in its own SQLite database (./data-demo).
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig } from './platform/config';
import { localFileStore } from './platform/files';
import { createServer } from './server';
import { checkNodeVersion } from './platform/node-support';
import { DEMO_EMAIL, hasDemoUser, seedDemo } from './demo/seed';

async function main() {
  checkNodeVersion();
  process.env.DATA_DIR ||= './data-demo';
  process.env.LOG_LEVEL ||= 'warn'; // keep the sign-in below readable
  // Never seed a real database by accident: the demo always uses SQLite in DATA_DIR.
  if (process.env.DATABASE_URL) console.log('Note: the demo ignores DATABASE_URL and uses SQLite in DATA_DIR.');
  const config = { ...loadConfig(), databaseUrl: undefined };
  const server = await createServer(config, { runJobs: true });
  const shutdown = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  const deps = { db: server.handle.db, dialect: server.handle.dialect };
  const seeded = await seedDemo(deps, localFileStore(config.dataDir));
  await server.app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${(server.app.server.address() as AddressInfo).port}`;

  console.log('');
  if (seeded) {
    console.log(
      `Fortytwo demo: created "${seeded.organization.name}" with ${seeded.aiSystems} AI systems (data in ${config.dataDir}).`,
    );
    console.log('');
    console.log(`  Sign in at ${url}`);
    console.log(`    email:    ${seeded.user.email}`);
    console.log(`    password: ${seeded.password}`);
    console.log('');
    console.log('  The password was generated for this demo and is shown only now (only its hash is stored).');
  } else if (!(await hasDemoUser(deps))) {
    console.log(`Fortytwo demo: the database in ${config.dataDir} already has users, so nothing was seeded.`);
    console.log('  Point DATA_DIR at an empty directory (default ./data-demo) for the demo organization.');
  } else {
    console.log(`Fortytwo demo: already seeded (data in ${config.dataDir}). Sign in at ${url} as ${DEMO_EMAIL}`);
    console.log('  with the password printed at the first run. To start over: stop the demo, delete');
    console.log(`  ${config.dataDir}, and run "npm run demo" again.`);
  }
  console.log('');
  console.log(`Fortytwo is running on ${url} (Ctrl+C to stop).`);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
