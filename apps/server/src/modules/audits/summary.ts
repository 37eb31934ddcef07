import { FINDING_GRADES, type FindingGrade } from '@fortytwo/domain';
import type { Db, Tx } from '../../platform/db/connect';
import { auditRef } from './service';

// Pure data for the management review's input pack (9.3.2: audit results).

export type AuditResults = {
  since: string;
  /** Audits completed on or after `since`, oldest first. */
  audits: { id: string; ref: string; title: string; completedAt: string; findings: Record<FindingGrade, number> }[];
  completed: number;
  /** Findings of those audits by grade. */
  findingsByGrade: Record<FindingGrade, number>;
  /** Audits planned or under way now. */
  openAudits: number;
};

/** Internal audits completed since `since` (YYYY-MM-DD or ISO time) and their findings by grade. */
export async function auditResultsSince(db: Db | Tx, orgId: string, since: string): Promise<AuditResults> {
  const audits = await db
    .selectFrom('audits')
    .select(['id', 'number', 'title', 'status', 'completedAt'])
    .where('orgId', '=', orgId)
    .orderBy('number')
    .execute();
  const done = audits
    .filter((a) => a.status === 'completed' && a.completedAt && a.completedAt >= since)
    .sort((a, b) => a.completedAt!.localeCompare(b.completedAt!));
  const findings = done.length
    ? await db
        .selectFrom('auditFindings')
        .select(['auditId', 'grade'])
        .where('orgId', '=', orgId)
        .where(
          'auditId',
          'in',
          done.map((a) => a.id),
        )
        .execute()
    : [];
  const zero = () => Object.fromEntries(FINDING_GRADES.map((g) => [g, 0])) as Record<FindingGrade, number>;
  const findingsByGrade = zero();
  const out = done.map((a) => {
    const counts = zero();
    for (const f of findings.filter((x) => x.auditId === a.id)) {
      counts[f.grade as FindingGrade]++;
      findingsByGrade[f.grade as FindingGrade]++;
    }
    return { id: a.id, ref: auditRef(a.number), title: a.title, completedAt: a.completedAt!, findings: counts };
  });
  return {
    since,
    audits: out,
    completed: out.length,
    findingsByGrade,
    openAudits: audits.filter((a) => a.status === 'planned' || a.status === 'in_progress').length,
  };
}
