import { z } from 'zod';
import {
  CONTEXT_CATEGORIES,
  CONTEXT_ISSUE_KINDS,
  PARTY_CATEGORIES,
  REQUIREMENT_KINDS,
  requirementProblem,
  type ZContextIssueFields,
  type ZPartyFields,
  type ZUpdateContextIssue,
  type ZUpdateParty,
} from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import type { ContextIssueTable, InterestedPartyTable } from '../../platform/db/schema';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { builtinCatalog } from '../catalog/builtin';
import { writeOne } from '../../platform/db/versioned';

// The two registers of clauses 4.1 and 4.2: context issues, and interested parties with their
// requirements. Same shape of use cases: list, create, update with version, delete, all audited.

export const ZContextIssue = z.object({
  id: z.string(),
  kind: z.enum(CONTEXT_ISSUE_KINDS),
  category: z.enum(CONTEXT_CATEGORIES),
  description: z.string(),
  effect: z.string(),
  source: z.string(),
  reviewDate: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ContextIssue = z.infer<typeof ZContextIssue>;

export const ZPartyRequirementOut = z.object({
  id: z.string(),
  kind: z.enum(REQUIREMENT_KINDS),
  description: z.string(),
  addressed: z.boolean(),
  how: z.string(),
  refs: z.array(z.string()),
});
export const ZParty = z.object({
  id: z.string(),
  name: z.string(),
  category: z.enum(PARTY_CATEGORIES),
  description: z.string(),
  requirements: z.array(ZPartyRequirementOut),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Party = z.infer<typeof ZParty>;

// Field by field: the row also holds orgId and who wrote it, which the answer does not carry.
const presentIssue = (r: ContextIssueTable): ContextIssue => ({
  id: r.id,
  kind: r.kind as ContextIssue['kind'],
  category: r.category as ContextIssue['category'],
  description: r.description,
  effect: r.effect,
  source: r.source,
  reviewDate: r.reviewDate,
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});
const presentParty = (r: InterestedPartyTable): Party => ({
  id: r.id,
  name: r.name,
  category: r.category as Party['category'],
  description: r.description,
  requirements: JSON.parse(r.requirements) as Party['requirements'],
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export async function listIssues(
  db: Db,
  orgId: string,
  filter: { kind?: string | undefined; category?: string | undefined } = {},
) {
  let q = db.selectFrom('contextIssues').selectAll().where('orgId', '=', orgId);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.category) q = q.where('category', '=', filter.category);
  return (await q.orderBy('kind').orderBy('category').orderBy('createdAt').execute()).map(presentIssue);
}

const findIssue = async (db: Db | Tx, orgId: string, id: string) => {
  const r = await db
    .selectFrom('contextIssues')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? presentIssue(r) : undefined;
};

export function createIssue(deps: Deps, actor: Actor, orgId: string, input: z.output<typeof ZContextIssueFields>) {
  return inTransaction(deps, async (tx, audit) => {
    const now = nowIso();
    const id = newId();
    await tx
      .insertInto('contextIssues')
      .values({
        id,
        orgId,
        ...input,
        version: 1,
        createdAt: now,
        updatedAt: now,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .execute();
    const created = (await findIssue(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'context_issue.created',
      entityType: 'context_issue',
      entityId: id,
      after: created,
    });
    return created;
  });
}

export function updateIssue(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  patch: z.output<typeof ZUpdateContextIssue>,
) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await findIssue(tx, orgId, id);
    if (!before) throw notFound('Context issue');
    if (before.version !== patch.version) throw staleVersion('context issue', before);
    const { version, ...changes } = patch;
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    await writeOne(
      tx
        .updateTable('contextIssues')
        .set({ ...set, version: version + 1, updatedAt: nowIso(), updatedBy: actor.userId })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', version),
      () => staleVersion('context issue', before),
    );
    const after = (await findIssue(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'context_issue.updated',
      entityType: 'context_issue',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export function removeIssue(deps: Deps, actor: Actor, orgId: string, id: string) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await findIssue(tx, orgId, id);
    if (!before) throw notFound('Context issue');
    await writeOne(tx.deleteFrom('contextIssues').where('orgId', '=', orgId).where('id', '=', id), () =>
      notFound('Context issue'),
    );
    await audit({ orgId, actor, action: 'context_issue.deleted', entityType: 'context_issue', entityId: id, before });
  });
}

export async function listParties(db: Db, orgId: string) {
  return (
    await db.selectFrom('interestedParties').selectAll().where('orgId', '=', orgId).orderBy('name').execute()
  ).map(presentParty);
}

const findParty = async (db: Db | Tx, orgId: string, id: string) => {
  const r = await db
    .selectFrom('interestedParties')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? presentParty(r) : undefined;
};

type RequirementInput = z.output<typeof ZPartyFields>['requirements'][number];

/**
 * Checks refs and the "addressed how" rule, and gives ids. Ids are the server's: an entry keeps its
 * id only when it names one of this party's current requirements (and only once); any other entry
 * is a new requirement with a new id, so a client can never store an id of its choosing (another
 * organization's, another party's).
 */
function checkedRequirements(input: RequirementInput[], current: Party['requirements'] = []): Party['requirements'] {
  const known = new Set(current.map((r) => r.id));
  const kept = new Set<string>();
  const idFor = (sent: string | undefined) => {
    if (sent === undefined || !known.has(sent) || kept.has(sent)) return newId();
    kept.add(sent);
    return sent;
  };
  const catalog = builtinCatalog();
  input.forEach((r, i) => {
    const unknown = r.refs.filter((ref) => !catalog.item('iso42001', ref));
    if (unknown.length)
      throw ruleViolation(`Requirement ${i + 1}: not ISO/IEC 42001 clauses or controls: ${unknown.join(', ')}`, {
        field: `requirements.${i}.refs`,
      });
    const problem = requirementProblem(r);
    if (problem) throw ruleViolation(`Requirement ${i + 1}: ${problem}`, { field: `requirements.${i}.how` });
  });
  return input.map((r) => ({
    id: idFor(r.id),
    kind: r.kind,
    description: r.description,
    addressed: r.addressed,
    how: r.how,
    refs: [...new Set(r.refs)],
  }));
}

export function createParty(deps: Deps, actor: Actor, orgId: string, input: z.output<typeof ZPartyFields>) {
  return inTransaction(deps, async (tx, audit) => {
    const now = nowIso();
    const id = newId();
    const requirements = checkedRequirements(input.requirements);
    await tx
      .insertInto('interestedParties')
      .values({
        id,
        orgId,
        name: input.name,
        category: input.category,
        description: input.description,
        requirements: JSON.stringify(requirements),
        version: 1,
        createdAt: now,
        updatedAt: now,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .execute();
    const created = (await findParty(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'interested_party.created',
      entityType: 'interested_party',
      entityId: id,
      after: created,
    });
    return created;
  });
}

export function updateParty(deps: Deps, actor: Actor, orgId: string, id: string, patch: z.output<typeof ZUpdateParty>) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await findParty(tx, orgId, id);
    if (!before) throw notFound('Interested party');
    if (before.version !== patch.version) throw staleVersion('interested party', before);
    const { version, requirements, ...changes } = patch;
    const set: Record<string, unknown> = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    if (requirements)
      set.requirements = JSON.stringify(
        checkedRequirements(
          requirements.map((r) => ({ ...r, how: r.how ?? '', refs: r.refs ?? [] })),
          before.requirements,
        ),
      );
    await writeOne(
      tx
        .updateTable('interestedParties')
        .set({ ...set, version: version + 1, updatedAt: nowIso(), updatedBy: actor.userId })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', version),
      () => staleVersion('interested party', before),
    );
    const after = (await findParty(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'interested_party.updated',
      entityType: 'interested_party',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export function removeParty(deps: Deps, actor: Actor, orgId: string, id: string) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await findParty(tx, orgId, id);
    if (!before) throw notFound('Interested party');
    await writeOne(tx.deleteFrom('interestedParties').where('orgId', '=', orgId).where('id', '=', id), () =>
      notFound('Interested party'),
    );
    await audit({
      orgId,
      actor,
      action: 'interested_party.deleted',
      entityType: 'interested_party',
      entityId: id,
      before,
    });
  });
}
