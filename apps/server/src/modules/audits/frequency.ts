import { covers, NONCONFORMITY_GRADES, RISK_LEVELS, type CoverageRow, type FrequencyFacts } from '@fortytwo/domain';
import type { Db, Tx } from '../../platform/db/connect';
import { auditRef, parse } from './read';

// The facts that weigh how often each clause and control is audited (packages/domain
// audit-frequency.ts): nonconformities not closed against it, nonconformities found at its last
// audit, and the high or critical open risks a control treats.

const HIGH = RISK_LEVELS.indexOf('high');

export async function frequencyFacts(
  db: Db | Tx,
  orgId: string,
  rows: readonly CoverageRow[],
): Promise<Map<string, FrequencyFacts>> {
  const [ncs, findings, audits, treatments, assessments, risks] = await Promise.all([
    db
      .selectFrom('nonconformities')
      .select(['number', 'ref'])
      .where('orgId', '=', orgId)
      .where('status', '!=', 'closed')
      .execute(),
    db.selectFrom('auditFindings').select(['auditId', 'grade', 'ref']).where('orgId', '=', orgId).execute(),
    db.selectFrom('audits').select(['id', 'number']).where('orgId', '=', orgId).execute(),
    db.selectFrom('riskTreatments').select(['riskId', 'controlRefs']).where('orgId', '=', orgId).execute(),
    db
      .selectFrom('riskAssessments')
      .select(['riskId', 'level', 'seq'])
      .where('orgId', '=', orgId)
      .orderBy('seq')
      .execute(),
    db.selectFrom('risks').select(['id', 'number']).where('orgId', '=', orgId).where('status', '=', 'open').execute(),
  ]);
  // A risk's current level is its latest rating, inherent or residual.
  const level = new Map<string, string>();
  for (const a of assessments) level.set(a.riskId, a.level);
  const highRisk = new Map(
    risks
      .filter((r) => RISK_LEVELS.indexOf((level.get(r.id) ?? 'low') as (typeof RISK_LEVELS)[number]) >= HIGH)
      .map((r) => [r.id, `R-${r.number}`]),
  );
  const refOfAudit = new Map(audits.map((a) => [auditRef(a.number), a.id]));
  const out = new Map<string, FrequencyFacts>();
  for (const row of rows) {
    const lastAuditId = refOfAudit.get(row.audited.at(-1) ?? '');
    const treating = treatments.filter(
      (t) => highRisk.has(t.riskId) && parse<string[]>(t.controlRefs).includes(row.unit),
    );
    out.set(row.unit, {
      unit: row.unit,
      lastAuditedOn: row.lastAuditedOn,
      openNonconformities: ncs.filter((n) => n.ref && covers([n.ref], row.unit)).map((n) => `NC-${n.number}`),
      findingsLastAudit: findings.filter(
        (f) =>
          f.auditId === lastAuditId &&
          NONCONFORMITY_GRADES.includes(f.grade as (typeof NONCONFORMITY_GRADES)[number]) &&
          f.ref !== null &&
          covers([f.ref], row.unit),
      ).length,
      highRisks: [...new Set(treating.map((t) => highRisk.get(t.riskId)!))].sort(),
    });
  }
  return out;
}
