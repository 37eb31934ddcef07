import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { LIFECYCLE_STAGES, RISK_TIERS, type AiSystemSort } from '@fortytwo/domain';
import type { Db, Tx } from '../../platform/db/connect';
import type { AiSystemTable, Database } from '../../platform/db/schema';
import type { TAiSystem, TAiSystemFilter } from './schema';
import { writeOne } from '../../platform/db/versioned';

// The only place the inventory's SQL lives. Lists are JSON text in both dialects; a filter on a
// list entry matches its quoted JSON form, with LIKE wildcards escaped.

type Row = AiSystemTable & { ownerName: string | null; ownerEmail: string | null };

export function toAiSystem(r: Row): TAiSystem {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    intendedPurpose: r.intendedPurpose,
    aiRoles: JSON.parse(r.aiRoles) as TAiSystem['aiRoles'],
    lifecycleStage: r.lifecycleStage as TAiSystem['lifecycleStage'],
    ownerId: r.ownerId,
    owner:
      r.ownerId && r.ownerName !== null && r.ownerEmail !== null
        ? { id: r.ownerId, name: r.ownerName, email: r.ownerEmail }
        : null,
    jurisdictions: JSON.parse(r.jurisdictions) as string[],
    thirdParties: JSON.parse(r.thirdParties) as string[],
    riskTier: r.riskTier as TAiSystem['riskTier'],
    status: r.status as TAiSystem['status'],
    tags: JSON.parse(r.tags) as string[],
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const containsJsonEntry = (column: string, value: string) =>
  sql<SqlBool>`${sql.ref(column)} like ${`%${escapeLike(JSON.stringify(value))}%`} escape '\\'`;

/**
 * Stages and tiers sort in their natural order, not alphabetically. Literals, not parameters: only
 * then can the expression indexes of migration 0002 serve the sort (the values are our enums).
 */
const rank = (column: string, values: readonly string[]) =>
  sql<number>`case ${sql.ref(column)} ${sql.join(
    values.map((v, i) => sql`when ${sql.lit(v)} then ${sql.lit(i)}`),
    sql` `,
  )} else ${sql.lit(values.length)} end`;

export function sortExpression(sort: AiSystemSort): Expression<unknown> {
  switch (sort) {
    case 'name':
      return sql`lower(ai_systems.name)`;
    case 'createdAt':
      return sql.ref('aiSystems.createdAt');
    case 'updatedAt':
      return sql.ref('aiSystems.updatedAt');
    case 'lifecycleStage':
      return rank('aiSystems.lifecycleStage', LIFECYCLE_STAGES);
    case 'riskTier':
      return rank('aiSystems.riskTier', RISK_TIERS);
  }
}

export function selectAiSystems(db: Db | Tx, orgId: string, filter: TAiSystemFilter) {
  return db
    .selectFrom('aiSystems')
    .leftJoin('users', 'users.id', 'aiSystems.ownerId')
    .selectAll('aiSystems')
    .select(['users.name as ownerName', 'users.email as ownerEmail'])
    .where(matches(orgId, filter));
}

/** The filter reads `ai_systems` only, so the count can skip the owner join (SQLite would not). */
function matches(orgId: string, filter: TAiSystemFilter) {
  return (eb: ExpressionBuilder<Database, 'aiSystems'>) => {
    const conditions: Expression<SqlBool>[] = [eb('aiSystems.orgId', '=', orgId)];
    if (filter.q) {
      const pattern = `%${escapeLike(filter.q.toLowerCase())}%`;
      conditions.push(
        eb.or([
          sql<SqlBool>`lower(ai_systems.name) like ${pattern} escape '\\'`,
          sql<SqlBool>`lower(ai_systems.description) like ${pattern} escape '\\'`,
          sql<SqlBool>`lower(ai_systems.intended_purpose) like ${pattern} escape '\\'`,
        ]),
      );
    }
    if (filter.lifecycleStage) conditions.push(eb('aiSystems.lifecycleStage', '=', filter.lifecycleStage));
    if (filter.riskTier) conditions.push(eb('aiSystems.riskTier', '=', filter.riskTier));
    if (filter.status) conditions.push(eb('aiSystems.status', '=', filter.status));
    if (filter.ownerId) conditions.push(eb('aiSystems.ownerId', '=', filter.ownerId));
    if (filter.aiRole) conditions.push(containsJsonEntry('aiSystems.aiRoles', filter.aiRole));
    if (filter.tag) conditions.push(containsJsonEntry('aiSystems.tags', filter.tag));
    return eb.and(conditions);
  };
}

export async function findAiSystem(db: Db | Tx, orgId: string, id: string): Promise<TAiSystem | undefined> {
  const row = await selectAiSystems(db, orgId, {}).where('aiSystems.id', '=', id).executeTakeFirst();
  return row ? toAiSystem(row) : undefined;
}

export async function countAiSystems(db: Db, orgId: string, filter: TAiSystemFilter): Promise<number> {
  const row = await db
    .selectFrom('aiSystems')
    .where(matches(orgId, filter))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type AiSystemValues = Omit<
  AiSystemTable,
  'id' | 'orgId' | 'version' | 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy'
>;

export function toColumns(v: {
  name: string;
  description: string;
  intendedPurpose: string;
  aiRoles: string[];
  lifecycleStage: string;
  ownerId: string | null;
  jurisdictions: string[];
  thirdParties: string[];
  riskTier: string;
  status: string;
  tags: string[];
}): AiSystemValues {
  return {
    name: v.name,
    description: v.description,
    intendedPurpose: v.intendedPurpose,
    aiRoles: JSON.stringify(v.aiRoles),
    lifecycleStage: v.lifecycleStage,
    ownerId: v.ownerId,
    jurisdictions: JSON.stringify(v.jurisdictions),
    thirdParties: JSON.stringify(v.thirdParties),
    riskTier: v.riskTier,
    status: v.status,
    tags: JSON.stringify(v.tags),
  };
}

export async function insertAiSystem(tx: Tx, row: AiSystemTable): Promise<void> {
  await tx.insertInto('aiSystems').values(row).execute();
}

/** Optimistic lock: the update only applies if nobody changed the record since `version`; otherwise `onStale()` is thrown. */
export async function updateAiSystem(
  tx: Tx,
  orgId: string,
  id: string,
  version: number,
  values: AiSystemValues & { updatedAt: string; updatedBy: string | null },
  onStale: () => Error,
): Promise<void> {
  await writeOne(
    tx
      .updateTable('aiSystems')
      .set({ ...values, version: version + 1 })
      .where('orgId', '=', orgId)
      .where('id', '=', id)
      .where('version', '=', version),
    onStale,
  );
}

export async function deleteAiSystem(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx.deleteFrom('aiSystems').where('orgId', '=', orgId).where('id', '=', id).execute();
}
