import { CamelCasePlugin, Kysely, SqliteDialect, sql } from 'kysely';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditedWritesCheck, WritesOutsideTransactions, writtenTable } from './audited-writes';
import type { Database as Schema } from './schema';

const db = new Kysely<Schema>({
  dialect: new SqliteDialect({ database: new Database(':memory:') }),
  plugins: [new CamelCasePlugin()],
});
const node = (q: { toOperationNode(): unknown }) => q.toOperationNode() as Parameters<typeof writtenTable>[0];

describe('writtenTable', () => {
  it('names the table an insert, update or delete writes, in its SQL name', () => {
    expect(writtenTable(node(db.insertInto('riskAssessments').values({} as never)))).toBe('risk_assessments');
    expect(writtenTable(node(db.updateTable('gapAssessmentItems').set({ notes: 'x' })))).toBe('gap_assessment_items');
    expect(writtenTable(node(db.deleteFrom('risks').where('id', '=', 'x')))).toBe('risks');
    expect(writtenTable(node(db.updateTable('risks as r').set({ title: 'x' })))).toBe('risks');
  });

  it('names nothing for a read', () => {
    expect(writtenTable(node(db.selectFrom('risks').selectAll()))).toBeNull();
  });
});

describe('AuditedWritesCheck', () => {
  /** Each query as Kysely runs it through the plugin: the statement, then its result (rows changed). */
  const run = (...queries: ({ toOperationNode(): unknown } | [{ toOperationNode(): unknown }, number])[]) => {
    const check = new AuditedWritesCheck();
    queries.forEach((q, i) => {
      const [query, changed] = Array.isArray(q) ? q : [q, 1];
      const queryId = { queryId: `q${i}` };
      check.transformQuery({ node: node(query), queryId });
      void check.transformResult({ queryId, result: { rows: [], numAffectedRows: BigInt(changed) } });
    });
    return () => check.verify();
  };

  it('refuses a transaction that writes a watched table without an audit event, naming the table', () => {
    expect(run(db.updateTable('risks').set({ title: 'x' }))).toThrow(/wrote risks without an audit event/);
  });

  it('accepts the same write with an audit event, before or after it', () => {
    expect(
      run(db.updateTable('risks').set({ title: 'x' }), db.insertInto('auditEvents').values({} as never)),
    ).not.toThrow();
    expect(run(db.insertInto('auditEvents').values({} as never), db.deleteFrom('actions'))).not.toThrow();
  });

  it('counts a statement that changed no row as no write (an insert that met its conflict)', () => {
    expect(run([db.insertInto('evidenceLinks').values({} as never), 0])).not.toThrow();
    expect(run([db.insertInto('evidenceLinks').values({} as never), 1])).toThrow(/wrote evidence_links/);
  });

  it('lets writes to tables no kept answer reads go unaudited (sessions, notifications)', () => {
    expect(run(db.updateTable('sessions').set({ lastSeenAt: 'x' }), db.deleteFrom('notifications'))).not.toThrow();
  });
});

describe('WritesOutsideTransactions', () => {
  // A real handle as the server's is under test: the outside check on it, the transaction's check added
  // by hand here as inTransaction adds it.
  const file = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: new Database(':memory:') }),
    plugins: [new CamelCasePlugin(), new WritesOutsideTransactions()],
  });
  beforeAll(async () => {
    await sql`create table risks (id text primary key, title text)`.execute(file);
    await sql`create table sessions (id text primary key, last_seen_at text)`.execute(file);
    // A row for the updates to change (raw SQL: the plugins see no table to check in it).
    await sql`insert into risks (id, title) values ('seeded', 'seeded')`.execute(file);
  });
  const row = (id: string) => ({ id, title: id }) as never;

  it('refuses a write of a watched table straight on the handle, naming the table', async () => {
    await expect(file.insertInto('risks').values(row('outside')).execute()).rejects.toThrow(
      /risks was written outside inTransaction/,
    );
  });

  it('refuses it in a transaction opened by hand, without the check inTransaction adds', async () => {
    await expect(
      file
        .transaction()
        .execute((trx) => trx.updateTable('risks').set({ title: 'by hand' }).where('id', '=', 'seeded').execute()),
    ).rejects.toThrow(/risks was written outside inTransaction/);
  });

  it('lets the same write through inside a checked transaction', async () => {
    await file.transaction().execute(async (trx) => {
      const checked = trx.withPlugin(new AuditedWritesCheck());
      await checked.insertInto('risks').values(row('inside')).execute();
      await checked.updateTable('risks').set({ title: 'changed' }).where('id', '=', 'inside').execute();
    });
    expect((await file.selectFrom('risks').select('title').where('id', '=', 'inside').executeTakeFirst())?.title).toBe(
      'changed',
    );
  });

  it('lets reads, writes that changed nothing and unwatched tables through', async () => {
    await file.selectFrom('risks').selectAll().execute();
    await file.deleteFrom('risks').where('id', '=', 'no such risk').execute();
    await file
      .insertInto('sessions')
      .values({ id: 's', lastSeenAt: 'x' } as never)
      .execute();
  });
});
