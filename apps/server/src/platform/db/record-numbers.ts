import { sql } from 'kysely';
import type { Tx } from './connect';

/** Every numbered record: the sequence name and where its numbers are stored. Add new ones here. */
const SEQUENCES = {
  risk: { table: 'risks', column: 'number' },
  impact_assessment: { table: 'impact_assessments', column: 'number' },
} as const;

export type NumberSequence = keyof typeof SEQUENCES;

/**
 * The next number of a sequence in an organization, taken inside the creating transaction. The
 * counter row is locked until that transaction ends, so concurrent creators (on any instance)
 * get consecutive numbers; a rolled-back creation gives its number back. The first use starts
 * after the highest number already stored, which covers data written before the counter existed.
 */
export async function nextNumber(tx: Tx, orgId: string, sequence: NumberSequence): Promise<number> {
  const { table, column } = SEQUENCES[sequence];
  const first = sql<number>`(select coalesce(max(${sql.ref(column)}), 0) + 1 from ${sql.table(table)} where org_id = ${orgId})`;
  const row = await tx
    .insertInto('recordNumbers')
    .values({ orgId, sequence, last: first })
    .onConflict((oc) => oc.columns(['orgId', 'sequence']).doUpdateSet({ last: sql<number>`record_numbers.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last);
}
