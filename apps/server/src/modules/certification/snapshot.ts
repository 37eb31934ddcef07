import { GIVES_COMPETENCE, type ReadinessSnapshot } from '@fortytwo/domain';
import type { Db } from '../../platform/db/connect';
import type { Deps } from '../../platform/transaction';
import { getScope } from '../context/scope';
import { readOrgContext } from '../context/org-context';
import { loadRisks } from '../risk/read';
import { getPlan } from '../risk/plan';
import { getSoa } from '../soa/service';
import { masterList } from '../documents/master-list';
import { loadObjectives } from '../objectives/service';
import { loadAuditAndReview } from './snapshot-audit-review';
import { nowIso } from '../../platform/clock';

// The readiness check's view of one organization, read from live data: each field null while its
// step was never used, so a rule says "lacks data" rather than passing on an empty register.
// Internal audits, management reviews, nonconformities and AI system changes come from their own
// modules (snapshot-audit-review.ts).

const json = <T>(s: string, fallback: T): T => {
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
};

async function loadRoles(db: Db, orgId: string, now: string): Promise<ReadinessSnapshot['roles']> {
  const [top, pillars, raci] = await Promise.all([
    db
      .selectFrom('memberships')
      .select('userId')
      .where('orgId', '=', orgId)
      .where('topManagement', '=', 1)
      .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', now)]))
      .execute(),
    db.selectFrom('governancePillars').select('ownerId').where('orgId', '=', orgId).execute(),
    db.selectFrom('raciActivities').select('assignments').where('orgId', '=', orgId).execute(),
  ]);
  const raciAssigned = raci.filter((a) => {
    const v = json<unknown>(a.assignments, null);
    return Array.isArray(v) ? v.length > 0 : !!v && typeof v === 'object' && Object.keys(v).length > 0;
  }).length;
  const pillarOwners = pillars.filter((p) => p.ownerId).length;
  if (!top.length && !pillars.length && !raci.length) return null;
  return { topManagement: top.length, pillarOwners, raciAssigned };
}

async function policyApprovedByTopManagement(db: Db, orgId: string, documentId: string | null) {
  if (!documentId) return undefined;
  const v = await db
    .selectFrom('documentVersions')
    .select(['approvedBy'])
    .where('orgId', '=', orgId)
    .where('documentId', '=', documentId)
    .where('approvedAt', 'is not', null)
    .orderBy('approvedAt', 'desc')
    .executeTakeFirst();
  if (!v?.approvedBy) return undefined;
  const m = await db
    .selectFrom('memberships')
    .select('topManagement')
    .where('orgId', '=', orgId)
    .where('userId', '=', v.approvedBy)
    .executeTakeFirst();
  return m ? m.topManagement === 1 : false;
}

/** Builds the snapshot the readiness rules read. `today` is YYYY-MM-DD. */
export async function loadReadinessSnapshot(deps: Deps, orgId: string, today: string): Promise<ReadinessSnapshot> {
  const db = deps.db;
  const now = nowIso();
  const [
    scope,
    context,
    systems,
    roles,
    criteriaRows,
    risks,
    plan,
    impacts,
    soa,
    objectives,
    people,
    completions,
    documents,
    implementations,
    occurrences,
    evidence,
    metrics,
    measurements,
    trainings,
  ] = await Promise.all([
    getScope(deps, orgId),
    readOrgContext(db, orgId),
    db
      .selectFrom('aiSystems')
      .select(['id', 'name', 'aiRoles', 'lifecycleStage', 'status'])
      .where('orgId', '=', orgId)
      .execute(),
    loadRoles(db, orgId, now),
    db.selectFrom('riskCriteria').select(['number', 'status', 'approvedAt']).where('orgId', '=', orgId).execute(),
    loadRisks(db, orgId, { status: 'open' }),
    getPlan(deps, orgId),
    db
      .selectFrom('impactAssessments')
      .select(['id', 'number', 'title', 'aiSystemId', 'status', 'signedOffAt'])
      .where('orgId', '=', orgId)
      .orderBy('number')
      .execute(),
    getSoa(deps, orgId),
    loadObjectives(db, orgId),
    db.selectFrom('people').select(['id', 'name', 'aiRoles', 'active']).where('orgId', '=', orgId).execute(),
    db
      .selectFrom('trainingCompletions')
      .select(['personId', 'result', 'expiresOn'])
      .where('orgId', '=', orgId)
      .execute(),
    masterList(db, orgId),
    db.selectFrom('controlImplementations').select(['ref', 'status']).where('orgId', '=', orgId).execute(),
    db
      .selectFrom('controlOccurrences')
      .select(['ref', db.fn.countAll<number>().as('n'), db.fn.max('performedOn').as('last')])
      .where('orgId', '=', orgId)
      .groupBy('ref')
      .execute(),
    db.selectFrom('evidence').select(['id', 'number', 'title', 'expiresOn']).where('orgId', '=', orgId).execute(),
    db.selectFrom('metrics').select(['id', 'number', 'name']).where('orgId', '=', orgId).orderBy('number').execute(),
    db
      .selectFrom('measurements')
      .select(['metricId', db.fn.countAll<number>().as('n'), db.fn.min('at').as('first'), db.fn.max('at').as('last')])
      .where('orgId', '=', orgId)
      .groupBy('metricId')
      .execute(),
    db
      .selectFrom('trainingAssignments')
      .innerJoin('people', (j) =>
        j
          .onRef('people.id', '=', 'trainingAssignments.personId')
          .onRef('people.orgId', '=', 'trainingAssignments.orgId'),
      )
      .innerJoin('developmentActions', 'developmentActions.id', 'trainingAssignments.actionId')
      .select([
        'trainingAssignments.id',
        'trainingAssignments.dueOn',
        'trainingAssignments.status',
        'people.name as personName',
        'developmentActions.title',
      ])
      .where('trainingAssignments.orgId', '=', orgId)
      .execute(),
  ]);

  const policy = documents.find((d) => d.key === 'ai-policy');
  const approvedByTop = await policyApprovedByTopManagement(db, orgId, policy?.documentId ?? null);
  const approvedCriteria = criteriaRows.filter((c) => c.approvedAt !== null).map((c) => c.number);
  const occurrencesByRef = new Map(occurrences.map((o) => [o.ref, o]));
  const measuredBy = new Map(measurements.map((m) => [m.metricId, m]));
  const soaUsed = !!soa.approved || soa.counts.undecided < soa.counts.total;
  const auditAndReview = await loadAuditAndReview(db, orgId, today);

  return {
    ...auditAndReview,
    today,
    scope:
      !scope.approved && scope.version === 0
        ? null
        : {
            approved: scope.approved
              ? { revision: scope.approved.revision, approvedAt: scope.approved.approvedAt }
              : null,
            changedSinceApproval: !!scope.approved && scope.status === 'draft',
            aiSystemIds: scope.aiSystemIds,
            units: scope.units,
            sites: scope.sites,
            exclusions: scope.exclusions,
            outOfScope: scope.outOfScope,
          },
    context: context.version === 0 ? null : { aiRoles: context.aiRoles },
    aiSystems: systems.map((s) => ({
      id: s.id,
      name: s.name,
      aiRoles: json<string[]>(s.aiRoles, []),
      lifecycleStage: s.lifecycleStage,
      status: s.status,
    })),
    roles,
    riskCriteria:
      !criteriaRows.length && !risks.length
        ? null
        : {
            approvedNumbers: approvedCriteria,
            firstApprovedAt:
              criteriaRows
                .map((c) => c.approvedAt)
                .filter((x): x is string => !!x)
                .sort()[0] ?? null,
          },
    risks: risks.length
      ? risks.map((x) => ({
          id: x.id,
          ref: x.ref,
          title: x.title,
          aiSystemId: x.aiSystemId,
          rated: x.rated,
          criteriaNumber: x.criteriaNumber,
          needsAttention: x.rated && x.needsAttention,
          acceptanceExpiresOn: x.acceptance ? x.acceptance.expiresAt.slice(0, 10) : null,
          treatmentControlRefs: x.treatments.flatMap((t) => t.controlRefs),
        }))
      : null,
    treatmentPlan: risks.length
      ? {
          number: plan.number,
          approvedAt: plan.approved?.approvedAt ?? null,
          changedSinceApproval: !!plan.approved && plan.status === 'draft',
        }
      : null,
    impactAssessments: impacts.length
      ? impacts.map((i) => ({
          id: i.id,
          ref: `IA-${i.number}`,
          title: i.title,
          aiSystemId: i.aiSystemId,
          status: i.status,
          signedOffAt: i.signedOffAt,
        }))
      : null,
    soa: soaUsed
      ? {
          approvedVersion: soa.approved?.version ?? null,
          changedSinceApproval: !!soa.approved && soa.status === 'draft',
          items: soa.items.map((i) => ({
            ref: i.ref,
            kind: i.kind,
            included: i.included,
            justification: i.statedJustification,
          })),
        }
      : null,
    objectives: objectives.length
      ? objectives.map((o) => ({
          id: o.id,
          ref: o.ref,
          title: o.title,
          measurable: o.target !== null && o.measure.trim() !== '',
          ownerId: o.ownerId,
          status: o.status,
        }))
      : null,
    people: people.length
      ? people.map((p) => ({
          id: p.id,
          name: p.name,
          aiRoles: json<string[]>(p.aiRoles, []),
          active: p.active === 1,
          validCompletions: completions.filter(
            (c) =>
              c.personId === p.id &&
              (GIVES_COMPETENCE as readonly string[]).includes(c.result) &&
              (!c.expiresOn || c.expiresOn >= today),
          ).length,
        }))
      : null,
    documents: documents.every((d) => d.state === 'missing')
      ? null
      : documents.map((d) => ({
          key: d.key,
          title: d.title,
          mandatory: d.mandatory,
          state: d.state,
          approvedAt: d.approvedAt,
          nextReviewAt: d.nextReviewAt,
          ...(d.key === 'ai-policy' && approvedByTop !== undefined ? { approvedByTopManagement: approvedByTop } : {}),
        })),
    controls:
      implementations.length || occurrences.length
        ? [
            ...implementations.map((c) => ({
              ref: c.ref,
              status: c.status,
              occurrences: Number(occurrencesByRef.get(c.ref)?.n ?? 0),
              lastOccurrenceOn: (occurrencesByRef.get(c.ref)?.last as string | null | undefined) ?? null,
            })),
          ]
        : null,
    evidence: evidence.length
      ? evidence.map((e) => ({ id: e.id, ref: `EV-${e.number}`, title: e.title, expiresOn: e.expiresOn }))
      : null,
    metrics: metrics.length
      ? metrics.map((m) => {
          const agg = measuredBy.get(m.id);
          return {
            id: m.id,
            ref: `M-${m.number}`,
            name: m.name,
            measurements: Number(agg?.n ?? 0),
            firstAt: (agg?.first as string | null | undefined) ?? null,
            lastAt: (agg?.last as string | null | undefined) ?? null,
          };
        })
      : null,
    trainings: trainings.length
      ? trainings.map((t) => ({
          id: t.id,
          personName: t.personName,
          title: t.title,
          dueOn: t.dueOn,
          status: t.status,
        }))
      : null,
  };
}

/** The first day the AIMS has records of operating: the first measurement or control occurrence. */
export async function operatingSince(db: Db, orgId: string): Promise<string | null> {
  const [m, o] = await Promise.all([
    db.selectFrom('measurements').select(db.fn.min('at').as('first')).where('orgId', '=', orgId).executeTakeFirst(),
    db
      .selectFrom('controlOccurrences')
      .select(db.fn.min('performedOn').as('first'))
      .where('orgId', '=', orgId)
      .executeTakeFirst(),
  ]);
  const days = [m?.first, o?.first].filter((x): x is string => typeof x === 'string').map((x) => x.slice(0, 10));
  return days.sort()[0] ?? null;
}
