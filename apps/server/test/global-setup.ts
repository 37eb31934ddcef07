import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, migrate, sqliteFile } from '../src/platform/db/connect';
import { LIBREOFFICE, LIBREOFFICE_MISSING } from './libreoffice';
import { PG_TEMPLATE_ENV, SQLITE_TEMPLATE_ENV } from './templates';

/**
 * Says once, plainly, which optional parts of the integration suite cannot run here; then migrates one
 * database of each dialect, which the test servers start from as copies (harness.ts) instead of each
 * running every migration again: a SQLite file copied, a PostgreSQL database created with it as TEMPLATE.
 * Their names reach the test files through the environment; the databases go when the run ends.
 */
export default async function setup() {
  if (!process.env.TEST_DATABASE_URL) {
    console.log(
      '\n[integration] PostgreSQL: skipped: TEST_DATABASE_URL not set (SQLite runs; set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run both)\n',
    );
  }
  if (!LIBREOFFICE) {
    console.log(
      `\n[integration] LibreOffice: skipped: ${LIBREOFFICE_MISSING} (only the export tests that open the generated DOCX/XLSX in it skip)\n`,
    );
  }

  const templateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fortytwo-template-'));
  const sqlite = connect({ dataDir: templateDir });
  await migrate(sqlite);
  await sqlite.close(); // closing checkpoints the WAL into the file: the one file is the whole database
  process.env[SQLITE_TEMPLATE_ENV] = sqliteFile(templateDir);

  let dropTemplate = async () => {};
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const name = `fortytwo_template_${randomBytes(6).toString('hex')}`;
    await adminQuery(base, `create database ${name}`);
    dropTemplate = () => adminQuery(base, `drop database if exists ${name} with (force)`);
    try {
      const url = new URL(base);
      url.pathname = `/${name}`;
      const handle = connect({ databaseUrl: url.toString(), dataDir: templateDir });
      await migrate(handle);
      await handle.close();
    } catch (err) {
      await dropTemplate();
      throw err;
    }
    process.env[PG_TEMPLATE_ENV] = name;
  }

  return async () => {
    await dropTemplate();
    fs.rmSync(templateDir, { recursive: true, force: true });
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
