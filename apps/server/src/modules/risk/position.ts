import { sql } from 'kysely';
import { RISK_LEVELS } from '@fortytwo/domain';
import type { Db, Tx } from '../../platform/db/connect';
import { notFound } from '../../platform/errors';

// A risk's current position lives on its row (migration 0041): its latest inherent rating, its latest
// residual rating while that rating's treatment exists, whether it has a treatment, its latest
// acceptance and the day until which that acceptance covers the risk's current level. Every write
// that changes one of them (a rating, a treatment added or removed, a residual rating changed or
// dropped, an acceptance) calls `storeRiskPosition` in its own transaction, after the risk's row is
// locked by `touchRisk`, so the dashboard reads answers computed once per change instead of
// recomputing every risk's position on every view. The SQL is the migration's backfill.

const inherent = (column: string) =>
  sql.raw(`(select a.${column} from risk_assessments a
    where a.risk_id = risks.id and a.kind = 'inherent' order by a.seq desc limit 1)`);
// A residual rating counts while its treatment exists (removing a treatment drops its rating).
const residual = (column: string) =>
  sql.raw(`(select a.${column} from risk_assessments a join risk_treatments t on t.id = a.treatment_id
    where a.risk_id = risks.id and a.kind = 'residual' order by a.seq desc limit 1)`);
const acceptance = (column: string) =>
  sql.raw(`(select x.${column} from risk_acceptances x
    where x.org_id = risks.org_id and x.risk_id = risks.id order by x.accepted_at desc limit 1)`);
/** A level's rank (low 0 … critical 3) as SQL, for "this acceptance covers that level". */
const levelRank = (column: string) =>
  sql.raw(`(case ${column} ${RISK_LEVELS.map((l, i) => `when '${l}' then ${i}`).join(' ')} end)`);

async function store(db: Db | Tx, where: ReturnType<typeof sql>): Promise<number> {
  const res = await sql`update risks set
      inherent_likelihood = ${inherent('likelihood')},
      inherent_consequence = ${inherent('consequence')},
      inherent_level = ${inherent('level')},
      residual_likelihood = ${residual('likelihood')},
      residual_consequence = ${residual('consequence')},
      residual_level = ${residual('level')},
      treated = case when exists (select 1 from risk_treatments t
        where t.org_id = risks.org_id and t.risk_id = risks.id) then 1 else 0 end,
      acceptance_level = ${acceptance('level')},
      acceptance_expires_at = ${acceptance('expires_at')}
    where ${where}`.execute(db);
  // A second statement: within one UPDATE the right-hand sides read the row as it was.
  await sql`update risks set
      current_level = coalesce(residual_level, inherent_level),
      accepted_until = case when ${levelRank('acceptance_level')} >= ${levelRank('coalesce(residual_level, inherent_level)')}
        then acceptance_expires_at end
    where ${where}`.execute(db);
  return Number(res.numAffectedRows ?? 0n);
}

/** Rewrites one risk's stored position from its rows, inside the transaction of the write that changed them. */
export async function storeRiskPosition(tx: Tx, orgId: string, riskId: string): Promise<void> {
  if ((await store(tx, sql`org_id = ${orgId} and id = ${riskId}`)) !== 1) throw notFound('Risk');
}

/** Rewrites the stored positions of all of an organization's risks (rows written around the module: bench seeds). */
export const storeRiskPositions = (db: Db | Tx, orgId: string) => store(db, sql`org_id = ${orgId}`);
