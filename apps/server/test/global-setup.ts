// Says once, plainly, when the PostgreSQL half of the integration suite cannot run.
export default function setup() {
  if (!process.env.TEST_DATABASE_URL) {
    console.log('\n[integration] PostgreSQL: skipped: TEST_DATABASE_URL not set (SQLite runs; set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run both)\n');
  }
}
