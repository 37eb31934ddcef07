import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { ACCEPTANCE_WARNING_DAYS, addDays, isAcceptable, RISK_LEVELS, type RiskLevel } from '@fortytwo/domain';
import type { Db, Tx } from '../../platform/db/connect';
import type { Database } from '../../platform/db/schema';
import type { CriteriaOut } from './criteria';

// Where the risks stand, from the positions stored on their rows (./position.ts), never from the
// assembled register: one grouped scan for the heatmaps, the levels and the lists' totals, and each
// list's first few ids by index order. The lists restate the domain's rules (`acceptanceState`, `riskNeedsAttention`)
// in SQL; test/risk-positions.test.ts checks that they agree with the domain on a varied register.

type Risks = ExpressionBuilder<Database, 'risks'>;

/**
 * One group of open risks sharing a kind, an inherent cell, a residual cell and a level: how many they
 * are and how many of them each dashboard list holds.
 */
export type PositionGroup = {
  kind: string;
  inherentLikelihood: number | null;
  inherentConsequence: number | null;
  residualLikelihood: number | null;
  residualConsequence: number | null;
  level: RiskLevel | null;
  count: number;
  reviewOverdue: number;
  acceptancesExpiring: number;
  needsAttention: number;
};

/**
 * The organization's open risks grouped by position, on `now`: at most kinds × cells × cells × levels
 * rows whatever their number, from one scan of the index that holds every column read (risks_position).
 */
export async function positionGroups(
  db: Db | Tx,
  orgId: string,
  criteria: Pick<CriteriaOut, 'acceptanceLevel'>,
  now: string,
): Promise<PositionGroup[]> {
  const keys = [
    'kind',
    'inherentLikelihood',
    'inherentConsequence',
    'residualLikelihood',
    'residualConsequence',
    'currentLevel',
  ] as const;
  const rows = await db
    .selectFrom('risks')
    .select(keys)
    .select((eb) => {
      const tally = (on: (eb: Risks) => Expression<SqlBool>) =>
        eb.fn.sum<number | string>(eb.case().when(on(eb)).then(1).else(0).end());
      return [
        eb.fn.countAll<number | string>().as('n'),
        tally(reviewOverdueSql(now)).as('overdue'),
        tally(acceptanceExpiringSql(now)).as('expiring'),
        tally(needsAttentionSql(criteria, now)).as('attention'),
      ];
    })
    .where('orgId', '=', orgId)
    .where('status', '=', 'open')
    .groupBy([...keys])
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    inherentLikelihood: r.inherentLikelihood,
    inherentConsequence: r.inherentConsequence,
    residualLikelihood: r.residualLikelihood,
    residualConsequence: r.residualConsequence,
    level: r.currentLevel as RiskLevel | null,
    count: Number(r.n),
    reviewOverdue: Number(r.overdue),
    acceptancesExpiring: Number(r.expiring),
    needsAttention: Number(r.attention),
  }));
}

/** `riskNeedsAttention` for an open risk, on its stored position: unrated, or above the acceptance level with neither an acceptance covering it on `now` nor a treatment that is not known to fall short. */
export const needsAttentionSql =
  (criteria: Pick<CriteriaOut, 'acceptanceLevel'>, now: string) =>
  (eb: Risks): Expression<SqlBool> =>
    eb.or([
      eb('risks.inherentLikelihood', 'is', null),
      eb.and([
        eb(
          'risks.currentLevel',
          'not in',
          RISK_LEVELS.filter((l) => isAcceptable(criteria, l)),
        ),
        eb.or([eb('risks.acceptedUntil', 'is', null), eb('risks.acceptedUntil', '<', now)]),
        eb.or([eb('risks.treated', '=', 0), eb('risks.residualLikelihood', 'is not', null)]),
      ]),
    ]);

/** `acceptanceState(…) === 'expiring'`: an acceptance covering the current level, in its last ACCEPTANCE_WARNING_DAYS days. */
export const acceptanceExpiringSql = (now: string) => (eb: Risks) =>
  eb.and([
    eb('risks.acceptedUntil', '>=', now),
    eb('risks.acceptedUntil', '<=', addDays(now, ACCEPTANCE_WARNING_DAYS)),
  ]);

export const reviewOverdueSql = (now: string) => (eb: Risks) => eb('risks.reviewDate', '<', now);

export const unratedSql = () => (eb: Risks) => eb('risks.inherentLikelihood', 'is', null);

/** The dashboard's lists of open risks (kind risk), each also a filter of the register (`list=`). */
export const DASHBOARD_LISTS = ['needsAttention', 'reviewOverdue', 'acceptancesExpiring', 'unrated'] as const;
export type DashboardList = (typeof DASHBOARD_LISTS)[number];

/** Which open risks (kind risk) a dashboard list holds, as the condition the register filters by. */
export const dashboardListSql = (
  list: DashboardList,
  criteria: Pick<CriteriaOut, 'acceptanceLevel'>,
  now: string,
): ((eb: Risks) => Expression<SqlBool>) =>
  ({
    needsAttention: needsAttentionSql(criteria, now),
    reviewOverdue: reviewOverdueSql(now),
    acceptancesExpiring: acceptanceExpiringSql(now),
    unrated: unratedSql(),
  })[list];

const ORDERS = {
  number: [sql.ref('risks.number')],
  reviewDate: [sql.ref('risks.reviewDate'), sql.ref('risks.number')],
};

/** The ids of the first `limit` open risks (kind risk) matching `where`, in `order`: index order, stopped at the limit. */
export async function riskList(
  db: Db | Tx,
  orgId: string,
  where: (eb: Risks) => Expression<SqlBool>,
  order: keyof typeof ORDERS,
  limit: number,
): Promise<string[]> {
  if (limit <= 0) return [];
  const rows = await db
    .selectFrom('risks')
    .select('risks.id')
    .where('risks.orgId', '=', orgId)
    .where('risks.status', '=', 'open')
    .where('risks.kind', '=', 'risk')
    .where(where)
    .orderBy(sql.join(ORDERS[order]))
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The first `limit` risks needing attention, the most pressing first: by level, highest first, then by
 * number, the unrated ones without a level last. One query per level that has any (`attentionByLevel`,
 * from the groups), each in the order of index risks_level, until the limit is reached.
 */
export async function attentionList(
  db: Db | Tx,
  orgId: string,
  criteria: Pick<CriteriaOut, 'acceptanceLevel'>,
  now: string,
  attentionByLevel: Map<RiskLevel | null, number>,
  limit: number,
): Promise<string[]> {
  const ids: string[] = [];
  for (const level of [...[...RISK_LEVELS].reverse(), null]) {
    if (ids.length >= limit) break;
    if (!attentionByLevel.get(level)) continue;
    const attention = needsAttentionSql(criteria, now);
    ids.push(
      ...(await riskList(
        db,
        orgId,
        (eb) =>
          eb.and([
            level === null ? eb('risks.currentLevel', 'is', null) : eb('risks.currentLevel', '=', level),
            attention(eb),
          ]),
        'number',
        limit - ids.length,
      )),
    );
  }
  return ids;
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
