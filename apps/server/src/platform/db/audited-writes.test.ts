import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AuditedWritesCheck, writtenTable } from './audited-writes';
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
