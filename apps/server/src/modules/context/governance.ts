import { z } from 'zod';
import {
  computeScores,
  NEW_ORGANIZATION_RACI,
  GAP_RESULTS,
  PILLAR_LABELS,
  PILLARS,
  RACI_LETTERS,
  RACI_PROBLEM_MESSAGES,
  raciProblems,
  ROLES,
  type GapResult,
  type Pillar,
  type RaciAssignment,
  type ZRaciActivityFields,
  type ZUpdatePillar,
  type ZUpdateRaciActivity,
} from '@fortytwo/domain';
import { SYSTEM_ACTOR, type Actor, type AuditInput } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import type { RaciActivityTable } from '../../platform/db/schema';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { builtinCatalog } from '../catalog/builtin';
import { listCustomControls } from '../catalog/custom-controls';
import { isActiveMember } from '../orgs/members';
import { writeOne } from '../../platform/db/versioned';

// The governance framework: six pillars with an owner, objectives and policy statements, and the
// clauses and controls each covers (from the catalogue's pillar tags) with how the latest gap
// assessment rates them. Then the RACI of AIMS activities, whose checks flag missing owners.

const ZCoverageItem = z.object({
  ref: z.string(),
  title: z.string(),
  source: z.enum(['iso42001', 'custom']),
  result: z.enum(GAP_RESULTS).nullable(),
});
export const ZPillarOut = z.object({
  pillar: z.enum(PILLARS),
  label: z.string(),
  owner: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  objectives: z.array(z.string()),
  policyStatements: z.array(z.string()),
  version: z.number(),
  coverage: z.object({
    items: z.array(ZCoverageItem),
    readiness: z
      .number()
      .nullable()
      .describe('readiness of the covered ISO items in the latest working gap assessment'),
    answered: z.number(),
    assessmentId: z.string().nullable(),
  }),
});
export type PillarOut = z.infer<typeof ZPillarOut>;

async function latestAssessmentResults(db: Db | Tx, orgId: string) {
  const a = await db
    .selectFrom('gapAssessments')
    .select('id')
    .where('orgId', '=', orgId)
    .where('kind', '=', 'working')
    .orderBy('updatedAt', 'desc')
    .executeTakeFirst();
  if (!a) return { assessmentId: null, results: new Map<string, GapResult | null>() };
  const rows = await db
    .selectFrom('gapAssessmentItems')
    .select(['ref', 'result'])
    .where('assessmentId', '=', a.id)
    .execute();
  return { assessmentId: a.id, results: new Map(rows.map((r) => [r.ref, r.result as GapResult | null])) };
}

export const getGovernance = (deps: Deps, orgId: string) => governanceOf(deps.db, orgId);

async function governanceOf(db: Db | Tx, orgId: string): Promise<PillarOut[]> {
  const [rows, custom, latest] = await Promise.all([
    db
      .selectFrom('governancePillars')
      .leftJoin('users', 'users.id', 'governancePillars.ownerId')
      .selectAll('governancePillars')
      .select(['users.name as ownerName', 'users.email as ownerEmail'])
      .where('governancePillars.orgId', '=', orgId)
      .execute(),
    listCustomControls(db, orgId),
    latestAssessmentResults(db, orgId),
  ]);
  const iso = builtinCatalog()
    .framework('iso42001')!
    .items.filter((i) => i.assessable);
  return PILLARS.map((pillar) => {
    const row = rows.find((r) => r.pillar === pillar);
    const isoItems = iso
      .filter((i) => i.pillars.includes(pillar))
      .map((i) => ({
        ref: i.ref,
        title: i.title,
        source: 'iso42001' as const,
        result: latest.results.get(i.ref) ?? null,
      }));
    const customItems = custom
      .filter((c) => c.pillars.includes(pillar))
      .map((c) => ({ ref: c.ref, title: c.title, source: 'custom' as const, result: null }));
    const scores = computeScores(
      isoItems.map((i) => ({ ref: i.ref, result: i.result, maturity: null, documentation: false })),
    );
    return {
      pillar,
      label: PILLAR_LABELS[pillar],
      owner:
        row?.ownerId && row.ownerName !== null && row.ownerEmail !== null
          ? { id: row.ownerId, name: row.ownerName, email: row.ownerEmail }
          : null,
      objectives: row ? (JSON.parse(row.objectives) as string[]) : [],
      policyStatements: row ? (JSON.parse(row.policyStatements) as string[]) : [],
      version: row?.version ?? 0,
      coverage: {
        items: [...isoItems, ...customItems],
        readiness: latest.assessmentId ? scores.overall : null,
        answered: scores.counts.answered,
        assessmentId: latest.assessmentId,
      },
    };
  });
}

export function updatePillar(
  deps: Deps,
  actor: Actor,
  orgId: string,
  pillar: Pillar,
  patch: z.output<typeof ZUpdatePillar>,
): Promise<PillarOut> {
  return inTransaction(deps, async (tx, audit) => {
    const row = await tx
      .selectFrom('governancePillars')
      .selectAll()
      .where('orgId', '=', orgId)
      .where('pillar', '=', pillar)
      .executeTakeFirst();
    const before = {
      ownerId: row?.ownerId ?? null,
      objectives: row ? (JSON.parse(row.objectives) as string[]) : [],
      policyStatements: row ? (JSON.parse(row.policyStatements) as string[]) : [],
    };
    const version = row?.version ?? 0;
    if (version !== patch.version) throw staleVersion('pillar', { ...before, version });
    if (patch.ownerId && patch.ownerId !== before.ownerId && !(await isActiveMember(tx, orgId, patch.ownerId)))
      throw ruleViolation('The owner must be a current member of this organization', { field: 'ownerId' });
    const after = {
      ownerId: patch.ownerId !== undefined ? patch.ownerId : before.ownerId,
      objectives: patch.objectives ?? before.objectives,
      policyStatements: patch.policyStatements ?? before.policyStatements,
    };
    const values = {
      ownerId: after.ownerId,
      objectives: JSON.stringify(after.objectives),
      policyStatements: JSON.stringify(after.policyStatements),
      version: version + 1,
      updatedAt: nowIso(),
      updatedBy: actor.userId,
    };
    if (version === 0) {
      await writeOne(
        tx
          .insertInto('governancePillars')
          .values({ orgId, pillar, ...values })
          .onConflict((oc) => oc.columns(['orgId', 'pillar']).doNothing()),
        () => staleVersion('pillar', before),
      );
    } else {
      await writeOne(
        tx
          .updateTable('governancePillars')
          .set(values)
          .where('orgId', '=', orgId)
          .where('pillar', '=', pillar)
          .where('version', '=', version),
        () => staleVersion('pillar', before),
      );
    }
    await audit({
      orgId,
      actor,
      action: 'governance_pillar.updated',
      entityType: 'governance_pillar',
      entityId: `${orgId}:${pillar}`,
      before: version ? before : undefined,
      after,
    });
    return (await governanceOf(tx, orgId)).find((p) => p.pillar === pillar)!;
  });
}

export const ZRaciActivityOut = z.object({
  id: z.string(),
  position: z.number(),
  name: z.string(),
  description: z.string(),
  assignments: z.array(
    z.object({
      assignee: z.union([
        z.object({ userId: z.string(), name: z.string().nullable() }),
        z.object({ role: z.string() }),
      ]),
      letter: z.enum(RACI_LETTERS),
    }),
  ),
  problems: z.array(z.object({ code: z.string(), message: z.string() })),
  version: z.number(),
});
export type RaciActivityOut = z.infer<typeof ZRaciActivityOut>;

function presentActivity(r: RaciActivityTable, names: Map<string, string>): RaciActivityOut {
  const assignments = JSON.parse(r.assignments) as RaciAssignment[];
  return {
    id: r.id,
    position: r.position,
    name: r.name,
    description: r.description,
    assignments: assignments.map((a) => ({
      letter: a.letter,
      assignee:
        'userId' in a.assignee
          ? { userId: a.assignee.userId, name: names.get(a.assignee.userId) ?? null }
          : { role: a.assignee.role },
    })),
    problems: raciProblems(assignments).map((code) => ({ code, message: RACI_PROBLEM_MESSAGES[code] })),
    version: r.version,
  };
}

async function memberNames(db: Db | Tx, orgId: string) {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(['users.id', 'users.name'])
    .where('memberships.orgId', '=', orgId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The RACI, as stored: reading never writes (a new organization's activities are seeded at its creation). */
export async function listRaci(deps: Deps, orgId: string): Promise<RaciActivityOut[]> {
  const [rows, names] = await Promise.all([
    deps.db.selectFrom('raciActivities').selectAll().where('orgId', '=', orgId).orderBy('position').execute(),
    memberNames(deps.db, orgId),
  ]);
  return rows.map((r) => presentActivity(r, names));
}

/** A new organization starts its RACI with the usual AIMS activities, all unassigned, in the transaction that creates it. */
export async function seedDefaultRaci(tx: Tx, audit: (e: AuditInput) => Promise<void>, orgId: string) {
  const now = nowIso();
  const seeded = NEW_ORGANIZATION_RACI.map((a, position) => ({
    id: newId(),
    orgId,
    position,
    name: a.name,
    description: a.description,
    assignments: '[]',
    version: 1,
    createdAt: now,
    updatedAt: now,
    updatedBy: null,
  }));
  await tx.insertInto('raciActivities').values(seeded).execute();
  await audit({
    orgId,
    actor: SYSTEM_ACTOR,
    action: 'raci.seeded',
    entityType: 'raci_activity',
    entityId: orgId,
    after: { activities: seeded.map((s) => s.name) },
  });
}

async function checkAssignments(tx: Tx, orgId: string, assignments: RaciAssignment[]) {
  for (const a of assignments) {
    if ('userId' in a.assignee && !(await isActiveMember(tx, orgId, a.assignee.userId)))
      throw ruleViolation('Each person in the RACI must be a current member of this organization', {
        field: 'assignments',
      });
    if ('role' in a.assignee && !(ROLES as readonly string[]).includes(a.assignee.role))
      throw ruleViolation(`"${a.assignee.role}" is not a role; use one of: ${ROLES.join(', ')}`, {
        field: 'assignments',
      });
  }
}

const findActivity = async (db: Db | Tx, orgId: string, id: string) =>
  db.selectFrom('raciActivities').selectAll().where('orgId', '=', orgId).where('id', '=', id).executeTakeFirst();

/** Names are unique per organization: creations and renames take turns (`raci:` lock) so the check sees the other's name. */
async function nameTaken(tx: Tx, orgId: string, name: string, exceptId?: string) {
  let q = tx.selectFrom('raciActivities').select('id').where('orgId', '=', orgId).where('name', '=', name);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst())
    throw ruleViolation(`There is already an activity called "${name}"`, { field: 'name' });
}

export function createRaciActivity(
  deps: Deps,
  actor: Actor,
  orgId: string,
  input: z.output<typeof ZRaciActivityFields>,
) {
  return inTransaction(
    deps,
    async (tx, audit) => {
      await checkAssignments(tx, orgId, input.assignments);
      await nameTaken(tx, orgId, input.name);
      const last = await tx
        .selectFrom('raciActivities')
        .select('position')
        .where('orgId', '=', orgId)
        .orderBy('position', 'desc')
        .executeTakeFirst();
      const now = nowIso();
      const id = newId();
      await tx
        .insertInto('raciActivities')
        .values({
          id,
          orgId,
          position: (last?.position ?? -1) + 1,
          name: input.name,
          description: input.description,
          assignments: JSON.stringify(input.assignments),
          version: 1,
          createdAt: now,
          updatedAt: now,
          updatedBy: actor.userId,
        })
        .execute();
      const created = presentActivity((await findActivity(tx, orgId, id))!, await memberNames(tx, orgId));
      await audit({
        orgId,
        actor,
        action: 'raci_activity.created',
        entityType: 'raci_activity',
        entityId: id,
        after: created,
      });
      return created;
    },
    { lock: `raci:${orgId}` },
  );
}

export function updateRaciActivity(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  patch: z.output<typeof ZUpdateRaciActivity>,
) {
  return inTransaction(
    deps,
    async (tx, audit) => {
      const row = await findActivity(tx, orgId, id);
      if (!row) throw notFound('Activity');
      const names = await memberNames(tx, orgId);
      const before = presentActivity(row, names);
      if (row.version !== patch.version) throw staleVersion('activity', before);
      if (patch.assignments) await checkAssignments(tx, orgId, patch.assignments);
      if (patch.name) await nameTaken(tx, orgId, patch.name, id);
      const set: Record<string, unknown> = {};
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.description !== undefined) set.description = patch.description;
      if (patch.assignments !== undefined) set.assignments = JSON.stringify(patch.assignments);
      await writeOne(
        tx
          .updateTable('raciActivities')
          .set({ ...set, version: row.version + 1, updatedAt: nowIso(), updatedBy: actor.userId })
          .where('id', '=', id)
          .where('version', '=', patch.version),
        () => staleVersion('activity', before),
      );
      const after = presentActivity((await findActivity(tx, orgId, id))!, names);
      await audit({
        orgId,
        actor,
        action: 'raci_activity.updated',
        entityType: 'raci_activity',
        entityId: id,
        before,
        after,
      });
      return after;
    },
    { lock: `raci:${orgId}` },
  );
}

export function removeRaciActivity(deps: Deps, actor: Actor, orgId: string, id: string) {
  return inTransaction(deps, async (tx, audit) => {
    const row = await findActivity(tx, orgId, id);
    if (!row) throw notFound('Activity');
    await writeOne(tx.deleteFrom('raciActivities').where('orgId', '=', orgId).where('id', '=', id), () =>
      notFound('Activity'),
    );
    await audit({
      orgId,
      actor,
      action: 'raci_activity.deleted',
      entityType: 'raci_activity',
      entityId: id,
      before: presentActivity(row, await memberNames(tx, orgId)),
    });
  });
}
