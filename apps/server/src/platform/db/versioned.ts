import type { DeleteResult, InsertResult, UpdateResult } from 'kysely';

type Write = { executeTakeFirst(): Promise<UpdateResult | InsertResult | DeleteResult> };

function rowsOf(res: UpdateResult | InsertResult | DeleteResult): number {
  if ('numUpdatedRows' in res) return Number(res.numUpdatedRows);
  if ('numDeletedRows' in res) return Number(res.numDeletedRows);
  return Number(res.numInsertedOrUpdatedRows ?? 0n);
}

/**
 * Runs a write that must change exactly one row (an update `… where version = ?`, an insert that
 * does nothing on conflict) and says whether it did. None means someone else saved between our
 * read and our write: the caller refuses the change (409) instead of recording it over theirs.
 * Every versioned write goes through here or `writeOne` (test/versioned-writes.test.ts reads the source).
 */
export async function changedOne(query: Write): Promise<boolean> {
  return rowsOf(await query.executeTakeFirst()) === 1;
}

/** `changedOne`, throwing `onMiss()` when the write changed no row. */
export async function writeOne(query: Write, onMiss: () => Error): Promise<void> {
  if (!(await changedOne(query))) throw onMiss();
}
