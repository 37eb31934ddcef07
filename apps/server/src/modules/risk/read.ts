import { readOnce, sharingReadsNow } from '../../platform/read-once';
import {
  acceptanceState as acceptanceStateOn,
  EFFECTIVENESS,
  riskNeedsAttention,
  RISK_LEVELS,
  riskSourceLabel,
  type RiskLevel,
} from '@fortytwo/domain';
import type { Db, Tx } from '../../platform/db/connect';
import { sql, type Selectable } from 'kysely';
import { z } from 'zod';
import type { RiskAcceptanceTable, RiskAssessmentTable, RiskTable } from '../../platform/db/schema';
import { nowIso } from '../../platform/ids';
import { cursorPart, decodeCursor, encodeCursor } from '../../platform/pagination';
import { listActions } from '../actions/service';
import { builtinCatalog } from '../catalog/builtin';
import { listCustomControls } from '../catalog/custom-controls';
import { readCriteriaInForce, type CriteriaOut } from './criteria';
import type { AcceptanceOut, AssessmentOut, RiskOut, TreatmentOut } from './schema';
import { dashboardListSql, needsAttentionSql, type DashboardList } from './summary';

// Reading the register: the rows a page shows are found in SQL (filters included), then each row is
// assembled from its latest ratings, treatments, actions and acceptance, read for those rows only and
// joined through maps: the cost is linear in the page, not in the square of the organization.

export const today = () => nowIso().slice(0, 10);
const rank = (l: RiskLevel) => RISK_LEVELS.indexOf(l);

export type RiskFilter = {
  ids?: string[];
  aiSystemId?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  level?: RiskLevel | undefined;
  attention?: boolean | undefined;
  /** One of the dashboard's lists: its open risks (kind risk), by the same rules. */
  list?: DashboardList | undefined;
  /** A heatmap cell: risks whose latest rating on that heatmap is this likelihood × consequence. */
  cell?: { heatmap: 'inherent' | 'residual'; likelihood: number; consequence: number } | undefined;
};

// The built-in catalog never changes while the server runs: its Annex A list is built once.
let annexCache: { ref: string; title: string; kind: 'annex_a'; group: string }[] | undefined;
const annexControls = () =>
  (annexCache ??= builtinCatalog()
    .framework('iso42001')!
    .items.filter((i) => i.kind === 'control')
    .map((i) => ({
      ref: i.ref,
      title: i.title,
      kind: 'annex_a' as const,
      group: i.ref.split('.').slice(0, 2).join('.'),
    })));

/** Annex A controls and the organization's custom controls: the refs a treatment may use and the SoA lists. */
export async function treatmentControls(db: Db | Tx, orgId: string) {
  const annex = annexControls();
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

/**
 * The register's rows matching the filter, in number order, after the cursor's number. The level and
 * attention filters are the same rules as `riskNeedsAttention` and the row's level, written in SQL so
 * a page is found without reading the register.
 */
/**
 * The register's rows matching the filter. The level and attention filters are the same rules as
 * the row's level and `riskNeedsAttention`, written in SQL so a page is found without reading the
 * register.
 */
function filtered(db: Db | Tx, orgId: string, filter: RiskFilter, acceptanceLevel: RiskLevel, now: string) {
  let q = db
    .selectFrom('risks')
    .leftJoin('aiSystems', 'aiSystems.id', 'risks.aiSystemId')
    .leftJoin('users', 'users.id', 'risks.ownerId')
    .selectAll('risks')
    .select(['aiSystems.name as aiSystemName', 'users.name as ownerName', 'users.email as ownerEmail'])
    // Read by ids, each id is one primary-key lookup. SQLite, without statistics, would rather walk
    // the organization's (org_id, number) index and test every row against the ids (12 ms instead of
    // 0.3 at 20,000 risks, on every dashboard and every findRisk): `org_id || ''` keeps the condition
    // but takes that index out of its choice.
    .where(filter.ids ? sql<string>`${sql.ref('risks.orgId')} || ''` : sql.ref('risks.orgId'), '=', orgId);
  if (filter.ids) q = filter.ids.length ? q.where('risks.id', 'in', filter.ids) : q.where('risks.id', '=', '');
  if (filter.aiSystemId) q = q.where('risks.aiSystemId', '=', filter.aiSystemId);
  if (filter.kind) q = q.where('risks.kind', '=', filter.kind);
  if (filter.status) q = q.where('risks.status', '=', filter.status);
  // The level, cell and attention filters read the position stored on the risk's row (./position.ts),
  // by the same rules as the dashboard (./summary.ts).
  if (filter.cell) {
    // The same placement as the dashboard's heatmaps: the inherent one by the latest inherent rating,
    // the residual one by the latest residual rating, or where the risk started while it has none
    // (a rating always has both numbers, so the pair comes from one row).
    const { heatmap, likelihood, consequence } = filter.cell;
    q =
      heatmap === 'inherent'
        ? q.where('risks.inherentLikelihood', '=', likelihood).where('risks.inherentConsequence', '=', consequence)
        : q
            .where((eb) => eb.fn.coalesce('risks.residualLikelihood', 'risks.inherentLikelihood'), '=', likelihood)
            .where((eb) => eb.fn.coalesce('risks.residualConsequence', 'risks.inherentConsequence'), '=', consequence);
  }
  if (filter.level) q = q.where('risks.currentLevel', '=', filter.level);
  if (filter.attention)
    q = q
      .where('risks.kind', '=', 'risk')
      .where('risks.status', '=', 'open')
      .where(needsAttentionSql({ acceptanceLevel }, now));
  if (filter.list)
    q = q
      .where('risks.kind', '=', 'risk')
      .where('risks.status', '=', 'open')
      .where(dashboardListSql(filter.list, { acceptanceLevel }, now));
  return q;
}

// A page holds at most 500 risks: its rows are read by id. Larger reads (exports, the plan, the SoA)
// read the organization's rows once instead of sending thousands of ids.
const BY_ID_UP_TO = 500;

type SummaryRow = Selectable<RiskTable> & {
  aiSystemName: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
};

/** Groups rows by a key, keeping their order: the join through a map, linear in the rows. */
function groupBy<T>(rows: T[], key: (row: T) => string | null) {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** The risks' ratings, treatments, acceptances and actions, read for these risks only and joined through maps. */
async function hydrate(db: Db | Tx, orgId: string, risks: SummaryRow[], inForce: CriteriaOut): Promise<RiskOut[]> {
  if (!risks.length) return [];
  const ids = risks.map((r) => r.id);
  const byId = ids.length <= BY_ID_UP_TO;
  let assessmentsQ = db.selectFrom('riskAssessments').selectAll().where('orgId', '=', orgId);
  let treatmentsQ = db.selectFrom('riskTreatments').selectAll().where('orgId', '=', orgId);
  let acceptancesQ = db.selectFrom('riskAcceptances').selectAll().where('orgId', '=', orgId);
  if (byId) {
    assessmentsQ = assessmentsQ.where('riskId', 'in', ids);
    treatmentsQ = treatmentsQ.where('riskId', 'in', ids);
    acceptancesQ = acceptancesQ.where('riskId', 'in', ids);
  }
  const [assessments, treatments, acceptances, controls] = await Promise.all([
    assessmentsQ.orderBy('seq', 'desc').execute(),
    treatmentsQ.orderBy('createdAt').execute(),
    acceptancesQ.orderBy('acceptedAt', 'desc').execute(),
    treatmentControls(db, orgId),
  ]);
  const actions = await listActions(
    db,
    orgId,
    byId ? { sourceType: 'risk_treatment', sourceIds: treatments.map((t) => t.id) } : { sourceType: 'risk_treatment' },
  );
  const titles = new Map(controls.map((c) => [c.ref, c.title]));
  const assessmentsOf = groupBy(assessments, (a) => a.riskId);
  const treatmentsOf = groupBy(treatments, (t) => t.riskId);
  const acceptanceOf = new Map<string, RiskAcceptanceTable>();
  for (const a of acceptances) if (!acceptanceOf.has(a.riskId)) acceptanceOf.set(a.riskId, a);
  const actionsOf = groupBy(actions, (a) => a.sourceId);
  const now = today();

  return risks.map((r): RiskOut => {
    const mine = assessmentsOf.get(r.id) ?? [];
    const inherent = mine.find((a) => a.kind === 'inherent'); // none: not rated yet
    const ts = treatmentsOf.get(r.id) ?? [];
    const tIds = new Set(ts.map((t) => t.id));
    const residual =
      mine.find((a) => a.kind === 'residual' && a.treatmentId !== null && tIds.has(a.treatmentId)) ?? null;
    const acceptanceRow = acceptanceOf.get(r.id);
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
        actions: actionsOf.get(t.id) ?? [],
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
}

const CURSOR = z.tuple([cursorPart.integer]);

/** One page of the register in number order: `nextCursor` is null on the last page. */
export async function loadRiskPage(
  db: Db | Tx,
  orgId: string,
  filter: RiskFilter,
  page: { limit: number; cursor?: string | undefined },
  criteria?: CriteriaOut,
): Promise<{ items: RiskOut[]; nextCursor: string | null }> {
  const inForce = criteria ?? (await readCriteriaInForce(db, orgId));
  let q = filtered(db, orgId, filter, inForce.acceptanceLevel, today());
  if (page.cursor) q = q.where('risks.number', '>', decodeCursor(page.cursor, CURSOR)[0]);
  const rows = await q
    .orderBy('risks.number')
    .limit(page.limit + 1)
    .execute();
  const more = rows.length > page.limit;
  const items = await hydrate(db, orgId, rows.slice(0, page.limit), inForce);
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? encodeCursor([last.number]) : null };
}

/** Every risk matching the filter, in number order (exports, the plan, the SoA, the reviews). */
export async function loadRisks(
  db: Db | Tx,
  orgId: string,
  filter: RiskFilter = {},
  criteria?: CriteriaOut,
): Promise<RiskOut[]> {
  // Within a read-only answer (platform/read-once.ts), a filter by kind and status alone is taken from the
  // whole register, read once for the answer, in the same order.
  if (
    !criteria &&
    sharingReadsNow() &&
    Object.entries(filter).every(([k, v]) => v === undefined || k === 'kind' || k === 'status')
  ) {
    const all = await readOnce(db, `risks ${orgId}`, () => loadRisksAfresh(db, orgId, {}));
    // A new array for each caller, whatever it does with it.
    return all.filter(
      (r) => (!filter.kind || r.kind === filter.kind) && (!filter.status || r.status === filter.status),
    );
  }
  return loadRisksAfresh(db, orgId, filter, criteria);
}

async function loadRisksAfresh(db: Db | Tx, orgId: string, filter: RiskFilter, criteria?: CriteriaOut) {
  const inForce = criteria ?? (await readCriteriaInForce(db, orgId));
  const rows = await filtered(db, orgId, filter, inForce.acceptanceLevel, today()).orderBy('risks.number').execute();
  return hydrate(db, orgId, rows, inForce);
}

export async function findRisk(db: Db | Tx, orgId: string, id: string): Promise<RiskOut | undefined> {
  return (await loadRisks(db, orgId, { ids: [id] }))[0];
}
