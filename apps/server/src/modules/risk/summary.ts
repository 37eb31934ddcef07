import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { ACCEPTANCE_WARNING_DAYS, addDays, isAcceptable, RISK_LEVELS, type RiskLevel } from '@fortytwo/domain';
import type { Db, Tx } from '../../platform/db/connect';
import type { Database } from '../../platform/db/schema';
import type { CriteriaOut } from './criteria';
import { levelRank } from './position';

// Where the risks stand, from the positions stored on their rows (./position.ts), never from the
// assembled register: grouped counts for the heatmaps and levels, and for each list its total and its
// first few ids in SQL. The lists restate the domain's rules (`acceptanceState`, `riskNeedsAttention`)
// in SQL; test/risk-positions.test.ts checks that they agree with the domain on a varied register.

type Risks = ExpressionBuilder<Database, 'risks'>;

/** One group of open risks sharing an inherent cell, a residual cell and a level, with how many they are. */
export type PositionGroup = {
  inherentLikelihood: number | null;
  inherentConsequence: number | null;
  residualLikelihood: number | null;
  residualConsequence: number | null;
  level: RiskLevel | null;
  kind: string;
  count: number;
};

/** The organization's open risks grouped by position: at most cells × cells × levels rows, whatever their number. */
export async function positionGroups(db: Db | Tx, orgId: string): Promise<PositionGroup[]> {
  const rows = await db
    .selectFrom('risks')
    .select([
      'kind',
      'inherentLikelihood',
      'inherentConsequence',
      'residualLikelihood',
      'residualConsequence',
      'currentLevel',
    ])
    .select((eb) => eb.fn.countAll().as('n'))
    .where('orgId', '=', orgId)
    .where('status', '=', 'open')
    .groupBy([
      'kind',
      'inherentLikelihood',
      'inherentConsequence',
      'residualLikelihood',
      'residualConsequence',
      'currentLevel',
    ])
    .execute();
  return rows.map(({ n, currentLevel, ...r }) => ({
    ...r,
    level: currentLevel as RiskLevel | null,
    count: Number(n),
  }));
}

/** `riskNeedsAttention` for an open risk, on its stored position: unrated, or above the acceptance level with neither an acceptance covering it on `now` nor a treatment that is not known to fall short. */
export const needsAttentionSql =
  (criteria: Pick<CriteriaOut, 'acceptanceLevel'>, now: string) =>
  (eb: Risks): Expression<SqlBool> =>
    eb.or([
      eb('risks.inherentLevel', 'is', null),
      eb.and([
        eb(
          'risks.currentLevel',
          'not in',
          RISK_LEVELS.filter((l) => isAcceptable(criteria, l)),
        ),
        eb.or([eb('risks.acceptedUntil', 'is', null), eb('risks.acceptedUntil', '<', now)]),
        eb.or([eb('risks.treated', '=', 0), eb('risks.residualLevel', 'is not', null)]),
      ]),
    ]);

/** `acceptanceState(…) === 'expiring'`: an acceptance covering the current level, in its last ACCEPTANCE_WARNING_DAYS days. */
export const acceptanceExpiringSql = (now: string) => (eb: Risks) =>
  eb.and([
    eb('risks.acceptedUntil', '>=', now),
    eb('risks.acceptedUntil', '<=', addDays(now, ACCEPTANCE_WARNING_DAYS)),
  ]);

export const reviewOverdueSql = (now: string) => (eb: Risks) => eb('risks.reviewDate', '<', now);

export const unratedSql = () => (eb: Risks) => eb('risks.inherentLevel', 'is', null);

const ORDERS = {
  number: [sql.ref('risks.number')],
  reviewDate: [sql.ref('risks.reviewDate'), sql.ref('risks.number')],
  // The most pressing level first; unrated risks (no level) last, as the dashboard always listed them.
  levelDesc: [sql`coalesce(${levelRank('risks.current_level')}, -1) desc`, sql.ref('risks.number')],
};

/** An open-risk list: its total and the ids of its first `limit` risks, in `order`. */
export async function riskList(
  db: Db | Tx,
  orgId: string,
  where: (eb: Risks) => Expression<SqlBool>,
  order: keyof typeof ORDERS,
  limit: number,
): Promise<{ ids: string[]; total: number }> {
  const rows = await db
    .selectFrom('risks')
    .select('risks.id')
    .select((eb) => eb.fn.countAll().over().as('total'))
    .where('risks.orgId', '=', orgId)
    .where('risks.status', '=', 'open')
    .where('risks.kind', '=', 'risk')
    .where(where)
    .orderBy(sql.join(ORDERS[order]))
    .limit(limit)
    .execute();
  return { ids: rows.map((r) => r.id), total: Number(rows[0]?.total ?? 0) };
}

/** How many risks the organization has, closed and opportunities included. */
export async function countRisks(db: Db | Tx, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('risks')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('orgId', '=', orgId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
