import { sql } from 'kysely';
import type { Tx } from './connect';

/** Every numbered record: the sequence name and where its numbers are stored. Add new ones here. */
const SEQUENCES = {
  risk: { table: 'risks', column: 'number' },
  impact_assessment: { table: 'impact_assessments', column: 'number' },
  evidence: { table: 'evidence', column: 'number' },
  objective: { table: 'objectives', column: 'number' },
  metric: { table: 'metrics', column: 'number' },
  data_set: { table: 'data_sets', column: 'number' },
  supplier: { table: 'suppliers', column: 'number' },
  certification_engagement: { table: 'certification_engagements', column: 'number' },
  certification_finding: { table: 'certification_findings', column: 'number' },
  audit: { table: 'audits', column: 'number' },
  audit_finding: { table: 'audit_findings', column: 'number' },
  nonconformity: { table: 'nonconformities', column: 'number' },
  improvement: { table: 'improvements', column: 'number' },
  management_review: { table: 'management_reviews', column: 'number' },
  evidence_request: { table: 'evidence_requests', column: 'number' },
} as const;

/** A fixed sequence, or the numbers of one document type's prefix (AIMS-POL-001, -002 …). */
export type NumberSequence = keyof typeof SEQUENCES | `document:${string}`;

function firstNumber(orgId: string, sequence: NumberSequence) {
  if (sequence.startsWith('document:'))
    return sql<number>`(select coalesce(max(number), 0) + 1 from documents where org_id = ${orgId} and prefix = ${sequence.slice('document:'.length)})`;
  const { table, column } = SEQUENCES[sequence as keyof typeof SEQUENCES];
  return sql<number>`(select coalesce(max(${sql.ref(column)}), 0) + 1 from ${sql.table(table)} where org_id = ${orgId})`;
}

/**
 * The next number of a sequence in an organization, taken inside the creating transaction. The
 * counter row is locked until that transaction ends, so concurrent creators (on any instance)
 * get consecutive numbers; a rolled-back creation gives its number back. The first use starts
 * after the highest number already stored, which covers data written before the counter existed.
 */
export async function nextNumber(tx: Tx, orgId: string, sequence: NumberSequence): Promise<number> {
  const first = firstNumber(orgId, sequence);
  const row = await tx
    .insertInto('recordNumbers')
    .values({ orgId, sequence, last: first })
    .onConflict((oc) => oc.columns(['orgId', 'sequence']).doUpdateSet({ last: sql<number>`record_numbers.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last);
}
