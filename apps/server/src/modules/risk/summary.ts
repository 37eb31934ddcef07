import { acceptanceState, RISK_LEVELS, riskNeedsAttention, type RiskLevel } from '@fortytwo/domain';
import type { Db, Tx } from '../../platform/db/connect';
import type { CriteriaOut } from './criteria';
import { today } from './read';

// Where each risk stands, without assembling the register: one SQL statement returns, per risk, its
// latest inherent and residual rating (the residual one while its treatment exists), whether it is
// treated and its latest acceptance, a few scalars a row. The dashboard and the home overview count
// and place risks from these; only the risks they list are read in full.

export type RiskPosition = {
  id: string;
  number: number;
  kind: string;
  status: string;
  reviewDate: string | null;
  inherent: { likelihood: number; consequence: number; level: RiskLevel } | null;
  residual: { likelihood: number; consequence: number; level: RiskLevel } | null;
  treated: boolean;
  /** The same rules as the register's row: level, review overdue, acceptance state, needs attention. */
  level: RiskLevel | null;
  reviewOverdue: boolean;
  acceptanceState: ReturnType<typeof acceptanceState>;
  needsAttention: boolean;
};

export async function riskPositions(
  db: Db | Tx,
  orgId: string,
  criteria: CriteriaOut,
  filter: { status?: 'open' | 'closed'; kind?: 'risk' | 'opportunity' } = {},
): Promise<RiskPosition[]> {
  let latest = db
    .selectFrom('risks')
    .select(['risks.id', 'risks.number', 'risks.kind', 'risks.status', 'risks.reviewDate'])
    .select((eb) => [
      eb
        .selectFrom('riskAssessments as a')
        .select('a.id')
        .whereRef('a.riskId', '=', 'risks.id')
        .where('a.kind', '=', 'inherent')
        .orderBy('a.seq', 'desc')
        .limit(1)
        .as('inherentId'),
      eb
        .selectFrom('riskAssessments as a')
        .innerJoin('riskTreatments as t', 't.id', 'a.treatmentId')
        .select('a.id')
        .whereRef('a.riskId', '=', 'risks.id')
        .where('a.kind', '=', 'residual')
        .orderBy('a.seq', 'desc')
        .limit(1)
        .as('residualId'),
      eb
        .selectFrom('riskTreatments as t')
        .select('t.id')
        .where('t.orgId', '=', orgId)
        .whereRef('t.riskId', '=', 'risks.id')
        .limit(1)
        .as('treatmentId'),
      eb
        .selectFrom('riskAcceptances as x')
        .select('x.id')
        .where('x.orgId', '=', orgId)
        .whereRef('x.riskId', '=', 'risks.id')
        .orderBy('x.acceptedAt', 'desc')
        .limit(1)
        .as('acceptanceId'),
    ])
    .where('risks.orgId', '=', orgId);
  if (filter.status) latest = latest.where('risks.status', '=', filter.status);
  if (filter.kind) latest = latest.where('risks.kind', '=', filter.kind);
  const rows = await db
    .selectFrom(latest.as('s'))
    .leftJoin('riskAssessments as i', 'i.id', 's.inherentId')
    .leftJoin('riskAssessments as r', 'r.id', 's.residualId')
    .leftJoin('riskAcceptances as x', 'x.id', 's.acceptanceId')
    .select(['s.id', 's.number', 's.kind', 's.status', 's.reviewDate', 's.treatmentId'])
    .select(['i.likelihood as iL', 'i.consequence as iC', 'i.level as iLevel'])
    .select(['r.likelihood as rL', 'r.consequence as rC', 'r.level as rLevel'])
    .select(['x.level as xLevel', 'x.expiresAt as xExpiresAt'])
    .orderBy('s.number')
    .execute();
  const now = today();
  const rank = (l: RiskLevel) => RISK_LEVELS.indexOf(l);
  return rows.map((row) => {
    const inherent =
      row.iL !== null && row.iC !== null && row.iLevel !== null
        ? { likelihood: row.iL, consequence: row.iC, level: row.iLevel as RiskLevel }
        : null;
    const residual =
      row.rL !== null && row.rC !== null && row.rLevel !== null
        ? { likelihood: row.rL, consequence: row.rC, level: row.rLevel as RiskLevel }
        : null;
    const level = residual?.level ?? inherent?.level ?? null;
    const acceptance =
      row.xLevel !== null && row.xExpiresAt !== null
        ? { level: row.xLevel as RiskLevel, expiresAt: row.xExpiresAt }
        : null;
    const covers = acceptance !== null && level !== null && rank(acceptance.level) >= rank(level);
    const treated = row.treatmentId !== null;
    return {
      id: row.id,
      number: row.number,
      kind: row.kind,
      status: row.status,
      reviewDate: row.reviewDate,
      inherent,
      residual,
      treated,
      level,
      reviewOverdue: row.status === 'open' && row.reviewDate !== null && row.reviewDate < now,
      acceptanceState: acceptanceState(acceptance, level, now),
      needsAttention: riskNeedsAttention(
        {
          id: row.id,
          ref: `R-${row.number}`,
          title: '',
          kind: row.kind as 'risk' | 'opportunity',
          status: row.status,
          level: inherent?.level ?? null,
          residualLevel: residual?.level ?? null,
          treated,
          acceptedUntil: acceptance && covers ? acceptance.expiresAt : null,
        },
        criteria,
        now,
      ),
    };
  });
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
