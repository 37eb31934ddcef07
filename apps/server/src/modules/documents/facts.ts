import {
  PILLAR_LABELS,
  ROLE_LABELS,
  type DocumentFacts,
  type ImpactStatus,
  type LifecycleStage,
  type PartyCategory,
  type Pillar,
  type RiskTier,
  type Role,
} from '@fortytwo/domain';
import { nowIso } from '../../platform/ids';
import type { Db, Tx } from '../../platform/db/connect';
import { readOrgContext } from '../context/org-context';
import { readCriteriaInForce } from '../risk/criteria';
import { readSettings } from './settings';
import { documentTypes } from './types';

// What the generators know of an organization (DocumentFacts), read from its records in one go
// when a draft is generated. Reads only; names rather than ids, since documents are for people.

export async function gatherFacts(
  db: Db | Tx,
  orgId: string,
  people: { ownerId: string | null; approverId: string | null },
): Promise<DocumentFacts> {
  const [org, settings, context, issues, parties, draft, revision, systems, pillars, raci, members, criteria, impacts] =
    await Promise.all([
      db.selectFrom('organizations').select('name').where('id', '=', orgId).executeTakeFirstOrThrow(),
      readSettings(db, orgId),
      readOrgContext(db, orgId),
      db
        .selectFrom('contextIssues')
        .select(['kind', 'description'])
        .where('orgId', '=', orgId)
        .orderBy('createdAt')
        .execute(),
      db
        .selectFrom('interestedParties')
        .select(['name', 'category', 'requirements'])
        .where('orgId', '=', orgId)
        .orderBy('name')
        .execute(),
      db.selectFrom('scopeDrafts').select('content').where('orgId', '=', orgId).executeTakeFirst(),
      db
        .selectFrom('scopeRevisions')
        .selectAll()
        .where('orgId', '=', orgId)
        .orderBy('revision', 'desc')
        .executeTakeFirst(),
      db
        .selectFrom('aiSystems')
        .select(['id', 'name', 'intendedPurpose', 'lifecycleStage', 'riskTier', 'ownerId', 'thirdParties'])
        .where('orgId', '=', orgId)
        .where('status', '!=', 'archived')
        .orderBy('name')
        .execute(),
      db.selectFrom('governancePillars').selectAll().where('orgId', '=', orgId).orderBy('pillar').execute(),
      db
        .selectFrom('raciActivities')
        .select(['name', 'assignments'])
        .where('orgId', '=', orgId)
        .orderBy('position')
        .execute(),
      db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.userId')
        .select(['users.id', 'users.name', 'memberships.role', 'memberships.expiresAt'])
        .where('memberships.orgId', '=', orgId)
        .orderBy('users.name')
        .execute(),
      db.selectFrom('riskCriteria').select('id').where('orgId', '=', orgId).limit(1).executeTakeFirst(),
      db
        .selectFrom('impactAssessments')
        .innerJoin('aiSystems', 'aiSystems.id', 'impactAssessments.aiSystemId')
        .select(['aiSystems.name', 'impactAssessments.status'])
        .where('impactAssessments.orgId', '=', orgId)
        .orderBy('impactAssessments.number')
        .execute(),
    ]);
  const now = nowIso();
  const name = new Map(members.map((m) => [m.id, m.name]));
  // The approved scope is what the documents cite; the draft only when nothing is approved yet.
  const scope = JSON.parse(revision?.content ?? draft?.content ?? '{}') as {
    aiSystemIds?: string[];
    units?: string[];
    sites?: string[];
    processes?: string[];
  };
  const inScope = new Set(scope.aiSystemIds ?? []);
  const inForce = criteria ? await readCriteriaInForce(db, orgId) : null;
  const who = (assignments: string, letter: string) =>
    (JSON.parse(assignments) as { assignee: { userId?: string; role?: string }; letter: string }[])
      .filter((a) => a.letter === letter)
      .map((a) =>
        a.assignee.userId
          ? (name.get(a.assignee.userId) ?? 'a former member')
          : `the ${ROLE_LABELS[a.assignee.role as Role] ?? a.assignee.role ?? ''} role`,
      );
  return {
    organization: {
      name: org.name,
      codePrefix: settings.codePrefix,
      classification: settings.classification,
      topManagement: settings.topManagement || 'Top management',
    },
    documentOwner: people.ownerId ? (name.get(people.ownerId) ?? null) : null,
    approver: people.approverId ? (name.get(people.approverId) ?? null) : null,
    aiRoles: context.aiRoles.map((r) => ({ role: r.role, subRoles: r.subRoles })),
    climate: { relevant: context.climateRelevant, reason: context.climateReason },
    issues: issues.map((i) => ({ kind: i.kind as 'internal' | 'external', title: i.description })),
    parties: parties.map((p) => ({
      name: p.name,
      category: p.category as PartyCategory,
      requirements: (JSON.parse(p.requirements) as { description: string }[]).map((r) => r.description),
    })),
    scope: {
      revision: revision?.revision ?? null,
      approvedAt: revision?.approvedAt ?? null,
      statement: revision?.statement ?? null,
      units: scope.units ?? [],
      sites: scope.sites ?? [],
      processes: scope.processes ?? [],
    },
    aiSystems: systems.map((s) => ({
      name: s.name,
      intendedPurpose: s.intendedPurpose,
      lifecycleStage: s.lifecycleStage as LifecycleStage,
      riskTier: s.riskTier as RiskTier,
      owner: s.ownerId ? (name.get(s.ownerId) ?? null) : null,
      inScope: inScope.has(s.id),
      thirdParties: JSON.parse(s.thirdParties) as string[],
    })),
    members: members
      .filter((m) => m.role !== 'external_auditor' && (!m.expiresAt || m.expiresAt > now))
      .map((m) => ({ name: m.name, role: m.role as Role })),
    impactAssessments: impacts.map((i) => ({ aiSystem: i.name, status: i.status as ImpactStatus })),
    pillars: pillars.map((p) => ({
      label: PILLAR_LABELS[p.pillar as Pillar] ?? p.pillar,
      owner: p.ownerId ? (name.get(p.ownerId) ?? null) : null,
      policyStatements: JSON.parse(p.policyStatements) as string[],
      objectives: JSON.parse(p.objectives) as string[],
    })),
    raci: raci.map((r) => ({
      activity: r.name,
      accountable: who(r.assignments, 'A'),
      responsible: who(r.assignments, 'R'),
    })),
    documentTypes: documentTypes().map((t) => ({
      prefix: t.prefix,
      title: t.title,
      reviewMonths: t.reviewMonths,
      retention: t.retention,
    })),
    criteria: inForce
      ? {
          likelihoodLabels: inForce.likelihoodLabels,
          consequenceLabels: inForce.consequenceLabels,
          levels: inForce.levels,
          acceptanceLevel: inForce.acceptanceLevel,
          method: inForce.method,
          number: inForce.number,
          approved: inForce.status === 'approved',
        }
      : null,
  };
}
