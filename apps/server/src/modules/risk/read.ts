import {
  acceptanceState as acceptanceStateOn,
  EFFECTIVENESS,
  riskNeedsAttention,
  RISK_LEVELS,
  riskSourceLabel,
  type RiskLevel,
} from '@fortytwo/domain';
import type { Db, Tx } from '../../platform/db/connect';
import type { RiskAcceptanceTable, RiskAssessmentTable } from '../../platform/db/schema';
import { nowIso } from '../../platform/ids';
import { listActions } from '../actions/service';
import { builtinCatalog } from '../catalog/builtin';
import { listCustomControls } from '../catalog/custom-controls';
import { readCriteriaInForce, type CriteriaOut } from './criteria';
import type { AcceptanceOut, AssessmentOut, RiskOut, TreatmentOut } from './schema';

// Reading the register: a risk's row is assembled from its latest ratings, treatments, actions and
// acceptance, in a handful of queries for the whole organization (registers are hundreds of rows).

export const today = () => nowIso().slice(0, 10);
const rank = (l: RiskLevel) => RISK_LEVELS.indexOf(l);

export type RiskFilter = {
  ids?: string[];
  aiSystemId?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  level?: RiskLevel | undefined;
  attention?: boolean | undefined;
};

/** Annex A controls and the organization's custom controls: the refs a treatment may use and the SoA lists. */
export async function treatmentControls(db: Db | Tx, orgId: string) {
  const iso = builtinCatalog().framework('iso42001')!;
  const annex = iso.items
    .filter((i) => i.kind === 'control')
    .map((i) => ({
      ref: i.ref,
      title: i.title,
      kind: 'annex_a' as const,
      group: i.ref.split('.').slice(0, 2).join('.'),
    }));
  const custom = (await listCustomControls(db, orgId)).map((c) => ({
    ref: c.ref,
    title: c.title,
    kind: 'custom' as const,
    group: 'Custom',
  }));
  return [...annex, ...custom];
}

const presentAssessment = (a: RiskAssessmentTable): AssessmentOut => ({
  id: a.id,
  kind: a.kind as AssessmentOut['kind'],
  treatmentId: a.treatmentId,
  likelihood: a.likelihood,
  consequence: a.consequence,
  score: a.score,
  level: a.level as RiskLevel,
  criteriaNumber: a.criteriaNumber,
  note: a.note,
  assessedAt: a.assessedAt,
  assessedBy: { id: a.assessedBy, name: a.assessedByName },
});

const presentAcceptance = (a: RiskAcceptanceTable): AcceptanceOut => ({
  id: a.id,
  riskId: a.riskId,
  level: a.level as RiskLevel,
  rationale: a.rationale,
  acceptedAt: a.acceptedAt,
  acceptedBy: { id: a.acceptedBy, name: a.acceptedByName },
  expiresAt: a.expiresAt,
});

export async function assessmentsOf(db: Db | Tx, orgId: string, riskId: string): Promise<AssessmentOut[]> {
  const rows = await db
    .selectFrom('riskAssessments')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('riskId', '=', riskId)
    .orderBy('seq', 'desc')
    .execute();
  return rows.map(presentAssessment);
}

export async function loadRisks(
  db: Db | Tx,
  orgId: string,
  filter: RiskFilter = {},
  criteria?: CriteriaOut,
): Promise<RiskOut[]> {
  let q = db
    .selectFrom('risks')
    .leftJoin('aiSystems', 'aiSystems.id', 'risks.aiSystemId')
    .leftJoin('users', 'users.id', 'risks.ownerId')
    .selectAll('risks')
    .select(['aiSystems.name as aiSystemName', 'users.name as ownerName', 'users.email as ownerEmail'])
    .where('risks.orgId', '=', orgId);
  if (filter.ids) q = filter.ids.length ? q.where('risks.id', 'in', filter.ids) : q.where('risks.id', '=', '');
  if (filter.aiSystemId) q = q.where('risks.aiSystemId', '=', filter.aiSystemId);
  if (filter.kind) q = q.where('risks.kind', '=', filter.kind);
  if (filter.status) q = q.where('risks.status', '=', filter.status);
  const risks = await q.orderBy('risks.number').execute();
  if (!risks.length) return [];
  const ids = risks.map((r) => r.id);
  const [assessments, treatments, acceptances, actions, controls, inForce] = await Promise.all([
    db
      .selectFrom('riskAssessments')
      .selectAll()
      .where('orgId', '=', orgId)
      .where('riskId', 'in', ids)
      .orderBy('seq', 'desc')
      .execute(),
    db
      .selectFrom('riskTreatments')
      .selectAll()
      .where('orgId', '=', orgId)
      .where('riskId', 'in', ids)
      .orderBy('createdAt')
      .execute(),
    db
      .selectFrom('riskAcceptances')
      .selectAll()
      .where('orgId', '=', orgId)
      .where('riskId', 'in', ids)
      .orderBy('acceptedAt', 'desc')
      .execute(),
    listActions(db, orgId, { sourceType: 'risk_treatment' }),
    treatmentControls(db, orgId),
    criteria ? Promise.resolve(criteria) : readCriteriaInForce(db, orgId),
  ]);
  const titles = new Map(controls.map((c) => [c.ref, c.title]));
  const now = today();

  const out = risks.map((r): RiskOut => {
    const mine = assessments.filter((a) => a.riskId === r.id);
    const inherent = mine.find((a) => a.kind === 'inherent'); // none: not rated yet
    const ts = treatments.filter((t) => t.riskId === r.id);
    const tIds = new Set(ts.map((t) => t.id));
    const residual =
      mine.find((a) => a.kind === 'residual' && a.treatmentId !== null && tIds.has(a.treatmentId)) ?? null;
    const acceptanceRow = acceptances.find((a) => a.riskId === r.id);
    const acceptance = acceptanceRow ? presentAcceptance(acceptanceRow) : null;
    const treatmentsOut = ts.map((t): TreatmentOut => {
      const rating = mine.find((a) => a.kind === 'residual' && a.treatmentId === t.id);
      const refs = JSON.parse(t.controlRefs) as string[];
      return {
        id: t.id,
        riskId: t.riskId,
        option: t.option as TreatmentOut['option'],
        description: t.description,
        resources: t.resources,
        controlRefs: refs,
        controls: refs.map((ref) => ({ ref, title: titles.get(ref) ?? ref })),
        residualLikelihood: rating?.likelihood ?? null,
        residualConsequence: rating?.consequence ?? null,
        residualScore: rating?.score ?? null,
        residualLevel: (rating?.level as RiskLevel | undefined) ?? null,
        verification: t.verification,
        effectiveness: (t.effectiveness as (typeof EFFECTIVENESS)[number] | null) ?? null,
        verifiedAt: t.verifiedAt,
        verifiedBy: t.verifiedByName,
        actions: actions.filter((a) => a.sourceId === t.id),
        version: t.version,
        createdAt: t.createdAt,
        updatedAt: t.updatedAt,
      };
    });
    const level = (residual?.level ?? inherent?.level ?? null) as RiskLevel | null;
    // An acceptance covers the level it accepted: a worse re-assessment needs a new one.
    const covers = acceptance !== null && level !== null && rank(acceptance.level) >= rank(level);
    const acceptanceState: RiskOut['acceptanceState'] = acceptanceStateOn(
      acceptance && { level: acceptance.level, expiresAt: acceptance.expiresAt },
      level,
      now,
    );
    const needsAttention = riskNeedsAttention(
      {
        id: r.id,
        ref: `R-${r.number}`,
        title: r.title,
        kind: r.kind as 'risk' | 'opportunity',
        status: r.status,
        level: (inherent?.level as RiskLevel | undefined) ?? null,
        residualLevel: (residual?.level as RiskLevel | undefined) ?? null,
        treated: ts.length > 0,
        acceptedUntil: acceptance && covers ? acceptance.expiresAt : null,
      },
      inForce,
      now,
    );
    return {
      id: r.id,
      ref: `R-${r.number}`,
      number: r.number,
      title: r.title,
      kind: r.kind as RiskOut['kind'],
      description: r.description,
      aiSystemId: r.aiSystemId,
      aiSystem: r.aiSystemId && r.aiSystemName ? { id: r.aiSystemId, name: r.aiSystemName } : null,
      source: r.source,
      sourceLabel: riskSourceLabel(r.source),
      consequencesOrganization: r.consequencesOrganization,
      consequencesIndividuals: r.consequencesIndividuals,
      consequencesSociety: r.consequencesSociety,
      likelihood: inherent?.likelihood ?? null,
      consequence: inherent?.consequence ?? null,
      inherentScore: inherent?.score ?? null,
      inherentLevel: (inherent?.level as RiskLevel | undefined) ?? null,
      rated: inherent !== undefined,
      residualLikelihood: residual?.likelihood ?? null,
      residualConsequence: residual?.consequence ?? null,
      residualScore: residual?.score ?? null,
      residualLevel: (residual?.level as RiskLevel | undefined) ?? null,
      criteriaNumber: inherent?.criteriaNumber ?? null,
      ownerId: r.ownerId,
      owner:
        r.ownerId && r.ownerName && r.ownerEmail ? { id: r.ownerId, name: r.ownerName, email: r.ownerEmail } : null,
      reviewDate: r.reviewDate,
      reviewOverdue: r.status === 'open' && r.reviewDate !== null && r.reviewDate < now,
      status: r.status as RiskOut['status'],
      impactAssessmentId: r.impactAssessmentId,
      treatments: treatmentsOut,
      acceptance,
      acceptanceState,
      needsAttention,
      version: r.version,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  });
  return out.filter(
    (r) =>
      (!filter.level || (r.residualLevel ?? r.inherentLevel) === filter.level) &&
      (!filter.attention || r.needsAttention),
  );
}

export async function findRisk(db: Db | Tx, orgId: string, id: string): Promise<RiskOut | undefined> {
  return (await loadRisks(db, orgId, { ids: [id] }))[0];
}
