import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { keepStatements } from './statement-cache';

describe('keepStatements', () => {
  let file: SqliteDatabase.Database;
  afterEach(() => file?.close());
  const open = () => {
    file = new SqliteDatabase(':memory:');
    file.exec('create table t (n integer)');
    file.exec('insert into t values (1), (2), (3)');
    return file;
  };

  it('compiles a statement once and reuses it for the same SQL', () => {
    const db = keepStatements(open());
    const a = db.prepare('select n from t order by n');
    const b = db.prepare('select n from t order by n');
    expect(b).toBe(a);
    expect(db.prepare('select n from t where n > ?')).not.toBe(a);
    expect(b.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('gives a new statement while the kept one is being iterated, and both read right', () => {
    const db = keepStatements(open());
    const sql = 'select n from t order by n';
    const streaming = db.prepare(sql).iterate([]);
    expect(streaming.next().value).toEqual({ n: 1 });
    const other = db.prepare(sql);
    expect(other.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect([...streaming]).toEqual([{ n: 2 }, { n: 3 }]);
    // Once the stream ends the kept statement is idle and shared again.
    expect(db.prepare(sql)).not.toBe(other);
  });

  it('drops the least recently used statement beyond the limit', () => {
    const db = keepStatements(open(), 2);
    const one = db.prepare('select 1');
    const two = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(one); // now "select 2" is the least recently used
    db.prepare('select 3');
    expect(db.prepare('select 1')).toBe(one);
    expect(db.prepare('select 2')).not.toBe(two);
  });

  it('reads the new schema after a migration changes a table under a kept statement', () => {
    const f = open();
    const db = keepStatements(f);
    expect(db.prepare('select * from t where n = ?').all([1])).toEqual([{ n: 1 }]);
    f.exec('alter table t add column label text');
    f.exec("update t set label = 'one' where n = 1");
    expect(db.prepare('select * from t where n = ?').all([1])).toEqual([{ n: 1, label: 'one' }]);
  });

  it('closes the file', () => {
    const f = open();
    keepStatements(f).close();
    expect(f.open).toBe(false);
  });
});
