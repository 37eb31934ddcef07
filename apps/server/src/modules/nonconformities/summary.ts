import {
  nonconformityOverdue,
  NONCONFORMITY_SOURCES,
  todayIn,
  type NonconformitySource,
  type NonconformityStatus,
} from '@fortytwo/domain';
import type { Db, Tx } from '../../platform/db/connect';
import { now } from '../../platform/clock';

// Pure data for the management review's input pack (9.3.2 c: nonconformities and corrective actions).

export type NonconformitySummary = {
  since: string;
  /** Not closed, whenever raised. */
  open: number;
  /** Closed on or after `since`. */
  closed: number;
  /** Open past its response date, or past its effectiveness review date. */
  overdue: number;
  /** Raised on or after `since`. */
  raised: number;
  bySource: Record<NonconformitySource, { open: number; closed: number; raised: number }>;
  byGrade: { major: number; minor: number };
};

/** Counts of nonconformities for an organization: open now, closed and raised since `since` (YYYY-MM-DD or ISO time). */
export async function nonconformitySummary(db: Db | Tx, orgId: string, since: string): Promise<NonconformitySummary> {
  const rows = await db
    .selectFrom('nonconformities')
    .select(['source', 'grade', 'status', 'raisedAt', 'closedAt', 'responseDue', 'reviewDue'])
    .where('orgId', '=', orgId)
    .execute();
  const today = todayIn(null, now());
  const bySource = Object.fromEntries(
    NONCONFORMITY_SOURCES.map((s) => [s, { open: 0, closed: 0, raised: 0 }]),
  ) as NonconformitySummary['bySource'];
  const out: NonconformitySummary = {
    since,
    open: 0,
    closed: 0,
    overdue: 0,
    raised: 0,
    bySource,
    byGrade: { major: 0, minor: 0 },
  };
  for (const r of rows) {
    const s = bySource[r.source as NonconformitySource] ?? bySource.other;
    const status = r.status as NonconformityStatus;
    if (status !== 'closed') {
      out.open++;
      s.open++;
      if (r.grade === 'major' || r.grade === 'minor') out.byGrade[r.grade]++;
      if (nonconformityOverdue({ status, responseDue: r.responseDue, reviewDue: r.reviewDue }, today)) out.overdue++;
    } else if (r.closedAt && r.closedAt >= since) {
      out.closed++;
      s.closed++;
    }
    if (r.raisedAt >= since) {
      out.raised++;
      s.raised++;
    }
  }
  return out;
}
