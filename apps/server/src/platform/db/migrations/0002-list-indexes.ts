import { sql, type Kysely } from 'kysely';

// Indexes that serve the AI system list's sorts (bench/README.md, "Findings"). An expression index
// is only used when the query's expression is the same, so the CASE ranks below are the ones
// `sortExpression()` renders, frozen as literals. A later change to the enums needs a new migration
// that rebuilds these two indexes; test/list-plan.test.ts fails until it exists.

const RANKED = {
  lifecycle_stage: ['idea', 'design', 'development', 'verification', 'deployment', 'operation', 'retired'],
  risk_tier: ['unclassified', 'minimal', 'limited', 'high', 'prohibited'],
} as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index ai_systems_org_lower_name on ai_systems (org_id, lower(name), id)`.execute(db);
  for (const [column, values] of Object.entries(RANKED)) {
    const whens = sql.join(
      values.map((v, i) => sql`when ${sql.lit(v)} then ${sql.lit(i)}`),
      sql` `,
    );
    await sql`create index ${sql.id(`ai_systems_org_${column}_rank`)} on ai_systems (org_id, (case ${sql.id(column)} ${whens} else ${sql.lit(values.length)} end), id)`.execute(
      db,
    );
  }
  // The alphabetical indexes these replace for sorting; the (org_id, column, id) ones stay for filters.
  await db.schema.dropIndex('ai_systems_org_name').execute();
}
