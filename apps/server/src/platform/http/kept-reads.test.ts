import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tablesIn } from './kept-reads';
import type { Database as Schema } from '../db/schema';

const db = new Kysely<Schema>({
  dialect: new SqliteDialect({ database: new Database(':memory:') }),
  plugins: [new CamelCasePlugin()],
});

describe('tablesIn', () => {
  it('names every table a statement reads, in FROM, joins and subqueries at any depth, in SQL names', () => {
    const query = db
      .selectFrom('risks')
      .innerJoin('riskAssessments', 'riskAssessments.riskId', 'risks.id')
      .select((eb) => [
        'risks.id',
        eb
          .selectFrom('riskTreatments')
          .select('riskTreatments.id')
          .where('riskTreatments.riskId', 'in', eb.selectFrom('riskAcceptances').select('riskAcceptances.riskId'))
          .limit(1)
          .as('t'),
      ]);
    expect(tablesIn(query.toOperationNode()).sort()).toEqual([
      'risk_acceptances',
      'risk_assessments',
      'risk_treatments',
      'risks',
    ]);
  });

  it('names the table behind an alias, never the alias a column reference uses', () => {
    const query = db.selectFrom('risks as r').innerJoin('actions as a', 'a.id', 'r.id').select(['r.id', 'a.title']);
    expect(tablesIn(query.toOperationNode()).sort()).toEqual(['actions', 'risks']);
  });

  it('names the tables of a CTE and of a write', () => {
    const cte = db
      .with('recent', (q) => q.selectFrom('actions').select('id'))
      .selectFrom('recent')
      .selectAll();
    expect(tablesIn(cte.toOperationNode())).toEqual(['actions']);
    expect(tablesIn(db.deleteFrom('evidenceLinks').toOperationNode())).toEqual(['evidence_links']);
  });
});
