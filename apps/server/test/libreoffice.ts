import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The export tests open the generated DOCX and XLSX files in LibreOffice, an optional tool. This file
 * looks for it once (a PATH lookup, `soffice` then `libreoffice`); without it those tests are skipped with
 * the reason in their names, and global-setup.ts says so once for the run. A LibreOffice that is on PATH
 * but broken is not skipped: its tests fail.
 */
function findLibreOffice(): string | undefined {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const name of ['soffice', 'libreoffice']) {
    for (const dir of dirs) {
      const file = path.join(dir, name);
      try {
        fs.accessSync(file, fs.constants.X_OK);
        if (fs.statSync(file).isFile()) return file;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/** The LibreOffice command (an absolute path), or undefined when it is not on PATH. */
export const LIBREOFFICE = findLibreOffice();
export const LIBREOFFICE_MISSING =
  'LibreOffice not on PATH (no soffice or libreoffice): apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui';

/** `it`, or `it.skip` with the reason in the test's name when LibreOffice is missing. */
export const itWithLibreOffice = (name: string, fn: () => Promise<void> | void, timeout?: number) =>
  LIBREOFFICE ? it(name, fn, timeout) : it.skip(`${name} (skipped: ${LIBREOFFICE_MISSING})`, fn, timeout);

/** `describe`, or `describe.skip` with the reason in the suite's name when LibreOffice is missing. */
export const describeWithLibreOffice = (name: string, fn: () => void) =>
  LIBREOFFICE ? describe(name, fn) : describe.skip(`${name} (skipped: ${LIBREOFFICE_MISSING})`, fn);

/**
 * Converts a file to PDF with LibreOffice (its own profile, so no running instance takes the job) and
 * returns the PDF's page count. Only for tests declared with itWithLibreOffice / describeWithLibreOffice.
 */
export function libreOfficePages(bytes: Buffer, name: string): number {
  if (!LIBREOFFICE) throw new Error(`libreOfficePages outside itWithLibreOffice: ${LIBREOFFICE_MISSING}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fortytwo-lo-'));
  try {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    const run = spawnSync(
      LIBREOFFICE,
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.error, `${run.stdout}\n${run.stderr}`).toBeUndefined();
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const out = path.join(dir, name.replace(/\.\w+$/, '.pdf'));
    expect(fs.existsSync(out), `${run.stdout}\n${run.stderr}`).toBe(true);
    const pdf = fs.readFileSync(out).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    return pdf.match(/\/Type\s*\/Page\b/g)?.length ?? 0;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
