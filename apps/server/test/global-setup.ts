import { LIBREOFFICE, LIBREOFFICE_MISSING } from './libreoffice';

// Says once, plainly, which optional parts of the integration suite cannot run here.
export default function setup() {
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
}
