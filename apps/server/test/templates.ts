import fs from 'node:fs';
import pg from 'pg';
import { sqliteFile } from '../src/platform/db/connect';

// The migrated databases of global-setup.ts, which test servers start from instead of migrating each
// time. Without them (a test file run outside the integration project's set-up) databases start empty
// and the server migrates them, as before.
export const SQLITE_TEMPLATE_ENV = 'FORTYTWO_TEST_SQLITE_TEMPLATE';
export const PG_TEMPLATE_ENV = 'FORTYTWO_TEST_PG_TEMPLATE';

/** Puts the migrated SQLite file in `dataDir`; false when there is none to copy. */
export function copySqliteTemplate(dataDir: string): boolean {
  const template = process.env[SQLITE_TEMPLATE_ENV];
  if (!template) return false;
  fs.copyFileSync(template, sqliteFile(dataDir));
  return true;
}

/** Creates database `name` on the server of `base`, a copy of the migrated template when there is one. */
export async function createTestDatabase(base: string, name: string, { migrated = true } = {}): Promise<void> {
  const template = migrated ? process.env[PG_TEMPLATE_ENV] : undefined;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    // A copy needs the template to have no session: retry while the set-up's last one is still closing.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
        break;
      } catch (err) {
        if (!template || attempt >= 50 || (err as { code?: string }).code !== '55006') throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    await admin.end();
  }
}
