import { z } from 'zod';
import {
  CAUSE_CATEGORIES,
  IMPROVEMENT_SOURCES,
  IMPROVEMENT_STATUSES,
  NONCONFORMITY_GRADES_ALL,
  NONCONFORMITY_SOURCES,
  NONCONFORMITY_STATUSES,
  nonconformityBlockers,
  nonconformityOverdue,
  reviewDueOn,
  ROOT_CAUSE_METHODS,
  todayIn,
  type CreateNonconformity,
  type NcStep,
  type NonconformityStatus,
  type UpdateNonconformity,
  type ZCreateImprovement,
  type ZEffectivenessReview,
  type ZNonconformityAction,
  type ZUpdateImprovement,
} from '@fortytwo/domain';
import type { Actor, AuditInput } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { nextNumber } from '../../platform/db/record-numbers';
import type { ImprovementTable, NonconformityTable } from '../../platform/db/schema';
import { writeOne } from '../../platform/db/versioned';
import { AppError, notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { createActionsInTx, listActions, ZActionOut } from '../actions/service';
import { isActiveMember } from '../orgs/members';
import { now } from '../../platform/clock';

// Nonconformity and corrective action (10.2): one register for every source. Internal audits raise
// records through `raiseNonconformityInTx` inside their own transaction; certification audits,
// incidents and monitoring will do the same with their `source`. Corrective actions are actions of
// the one actions module (sourceType "nonconformity"), so they appear in everyone's task list.

const ENTITY = 'nonconformity';
export const NC_ACTION_SOURCE = 'nonconformity';
export const ncRef = (n: number) => `NC-${n}`;
const today = () => todayIn(null, now());

const ZPerson = z.object({ id: z.string(), name: z.string() }).nullable();
export const ZNonconformityOut = z.object({
  id: z.string(),
  ref: z.string().describe('NC-1, NC-2, …'),
  source: z.enum(NONCONFORMITY_SOURCES),
  sourceId: z.string().nullable(),
  sourceRef: z.string().nullable().describe('e.g. AUD-3 for an internal audit'),
  grade: z.enum(NONCONFORMITY_GRADES_ALL),
  clauseRef: z.string().nullable().describe('the clause or control the nonconformity is against'),
  title: z.string(),
  statement: z.string(),
  ownerId: z.string().nullable(),
  owner: ZPerson,
  raisedBy: ZPerson,
  raisedByName: z
    .string()
    .describe("who raised it, as recorded: a member's name, or a certification body's auditor, who is not one"),
  raisedAt: z.string(),
  status: z.enum(NONCONFORMITY_STATUSES),
  overdue: z.boolean(),
  responseDue: z.string().nullable(),
  reviewAfterDays: z.number(),
  reviewDue: z.string().nullable(),
  correction: z.string(),
  rootCauseMethod: z.enum(ROOT_CAUSE_METHODS),
  whys: z.array(z.string()),
  causeCategories: z.array(z.enum(CAUSE_CATEGORIES)),
  rootCause: z.string(),
  similarCases: z.string(),
  effective: z.boolean().nullable(),
  effectivenessNotes: z.string(),
  reviewedAt: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  actions: z.array(ZActionOut),
  /** What blocks each next step now (empty: the step can be taken). */
  blockers: z.object({
    plan: z.array(z.string()),
    start_review: z.array(z.string()),
    review: z.array(z.string()),
    close: z.array(z.string()),
  }),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NonconformityOut = z.infer<typeof ZNonconformityOut>;

type Row = NonconformityTable & { ownerName: string | null };
const parse = <T>(s: string): T => JSON.parse(s) as T;

async function present(db: Db | Tx, orgId: string, rows: Row[], actorId: string | null): Promise<NonconformityOut[]> {
  if (!rows.length) return [];
  const actions = await listActions(db, orgId, { sourceType: NC_ACTION_SOURCE });
  const on = today();
  return rows.map((r) => {
    const mine = actions.filter((a) => a.sourceId === r.id);
    const status = r.status as NonconformityStatus;
    const facts = {
      status,
      correction: r.correction,
      rootCause: r.rootCause,
      ownerId: r.ownerId,
      raisedBy: r.raisedBy,
      actions: mine,
      effectiveness:
        r.effective === null ? null : r.effective === 1 ? ('effective' as const) : ('not_effective' as const),
    };
    const blockers = (step: NcStep) => nonconformityBlockers(facts, step, actorId);
    return {
      id: r.id,
      ref: ncRef(r.number),
      source: r.source as NonconformityOut['source'],
      sourceId: r.sourceId,
      sourceRef: r.sourceRef,
      grade: r.grade as NonconformityOut['grade'],
      clauseRef: r.ref,
      title: r.title,
      statement: r.statement,
      ownerId: r.ownerId,
      owner: r.ownerId && r.ownerName !== null ? { id: r.ownerId, name: r.ownerName } : null,
      raisedBy: r.raisedBy ? { id: r.raisedBy, name: r.raisedByName } : null,
      raisedByName: r.raisedByName,
      raisedAt: r.raisedAt,
      status,
      overdue: nonconformityOverdue({ status, responseDue: r.responseDue, reviewDue: r.reviewDue }, on),
      responseDue: r.responseDue,
      reviewAfterDays: r.reviewAfterDays,
      reviewDue: r.reviewDue,
      correction: r.correction,
      rootCauseMethod: r.rootCauseMethod as NonconformityOut['rootCauseMethod'],
      whys: parse<string[]>(r.whys),
      causeCategories: parse<NonconformityOut['causeCategories']>(r.causeCategories),
      rootCause: r.rootCause,
      similarCases: r.similarCases,
      effective: r.effective === null ? null : r.effective === 1,
      effectivenessNotes: r.effectivenessNotes,
      reviewedAt: r.reviewedAt,
      reviewedByName: r.reviewedByName,
      closedAt: r.closedAt,
      closedByName: r.closedByName,
      actions: mine,
      blockers: {
        plan: blockers('plan'),
        start_review: blockers('start_review'),
        review: blockers('review'),
        close: blockers('close'),
      },
      version: r.version,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  });
}

const select = (db: Db | Tx, orgId: string) =>
  db
    .selectFrom('nonconformities')
    .leftJoin('users', 'users.id', 'nonconformities.ownerId')
    .selectAll('nonconformities')
    .select('users.name as ownerName')
    .where('nonconformities.orgId', '=', orgId);

export type NonconformityFilter = {
  status?: NonconformityStatus | undefined;
  source?: string | undefined;
  sourceId?: string | undefined;
};

export async function listNonconformities(
  db: Db | Tx,
  orgId: string,
  filter: NonconformityFilter = {},
  actorId: string | null = null,
): Promise<NonconformityOut[]> {
  let q = select(db, orgId);
  if (filter.status) q = q.where('nonconformities.status', '=', filter.status);
  if (filter.source) q = q.where('nonconformities.source', '=', filter.source);
  if (filter.sourceId) q = q.where('nonconformities.sourceId', '=', filter.sourceId);
  return present(db, orgId, await q.orderBy('nonconformities.number').execute(), actorId);
}

async function find(db: Db | Tx, orgId: string, id: string, actorId: string | null = null) {
  const rows = await select(db, orgId).where('nonconformities.id', '=', id).execute();
  return (await present(db, orgId, rows, actorId))[0];
}

export async function getNonconformity(deps: Deps, orgId: string, id: string, actorId: string | null) {
  const found = await find(deps.db, orgId, id, actorId);
  if (!found) throw notFound('Nonconformity');
  return found;
}

async function assertMember(tx: Tx, orgId: string, userId: string | null | undefined, field = 'ownerId') {
  if (userId && !(await isActiveMember(tx, orgId, userId)))
    throw ruleViolation('The owner must be a current member of this organization', { field });
}

/** The record without derived fields, for the audit trail. */
const audited = (n: NonconformityOut) => {
  const { actions: _a, blockers: _b, overdue: _o, owner: _ow, ...rest } = n;
  return rest;
};

/**
 * Raises a nonconformity inside the caller's transaction (an audit's finding, later an incident).
 * `raisedByOutsider` names a raiser who is not a member (a certification body's auditor): the
 * record keeps the name, and the member who typed it in does not count as its raiser.
 */
export async function raiseNonconformityInTx(
  tx: Tx,
  audit: (e: AuditInput) => Promise<void>,
  actor: Actor,
  orgId: string,
  input: CreateNonconformity,
  raisedByOutsider?: string,
): Promise<NonconformityOut> {
  await assertMember(tx, orgId, input.ownerId);
  const number = await nextNumber(tx, orgId, 'nonconformity');
  const now = nowIso();
  const id = newId();
  await tx
    .insertInto('nonconformities')
    .values({
      id,
      orgId,
      number,
      source: input.source,
      sourceId: input.sourceId,
      sourceRef: input.sourceRef,
      grade: input.grade,
      ref: input.ref,
      title: input.title,
      statement: input.statement,
      ownerId: input.ownerId,
      raisedBy: raisedByOutsider ? null : actor.userId,
      raisedByName: raisedByOutsider ?? actor.name,
      raisedAt: now,
      status: 'open',
      responseDue: input.responseDue,
      reviewAfterDays: input.reviewAfterDays,
      reviewDue: null,
      correction: '',
      rootCauseMethod: 'five_whys',
      whys: '[]',
      causeCategories: '[]',
      rootCause: '',
      similarCases: '',
      effective: null,
      effectivenessNotes: '',
      version: 1,
      createdAt: now,
      updatedAt: now,
      updatedBy: actor.userId,
    })
    .execute();
  const created = (await find(tx, orgId, id))!;
  await audit({
    orgId,
    actor,
    action: 'nonconformity.raised',
    entityType: ENTITY,
    entityId: id,
    after: audited(created),
  });
  return created;
}

export const createNonconformity = (deps: Deps, actor: Actor, orgId: string, input: CreateNonconformity) =>
  inTransaction(deps, (tx, audit) => raiseNonconformityInTx(tx, audit, actor, orgId, input));

async function change(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  version: number,
  action: string,
  decide: (before: NonconformityOut, tx: Tx) => Partial<NonconformityTable> | Promise<Partial<NonconformityTable>>,
) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await find(tx, orgId, id, actor.userId);
    if (!before) throw notFound('Nonconformity');
    if (before.version !== version) throw staleVersion('nonconformity', before);
    const set = await decide(before, tx);
    await writeOne(
      tx
        .updateTable('nonconformities')
        .set({ ...set, version: version + 1, updatedAt: nowIso(), updatedBy: actor.userId })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', version),
      () => staleVersion('nonconformity', before),
    );
    const after = (await find(tx, orgId, id, actor.userId))!;
    await audit({
      orgId,
      actor,
      action,
      entityType: ENTITY,
      entityId: id,
      before: audited(before),
      after: audited(after),
    });
    return after;
  });
}

export function updateNonconformity(deps: Deps, actor: Actor, orgId: string, id: string, patch: UpdateNonconformity) {
  const { version, whys, causeCategories, ...rest } = patch;
  return change(deps, actor, orgId, id, version, 'nonconformity.updated', async (before, tx) => {
    if (before.status === 'closed') throw ruleViolation('A closed nonconformity is a record: it no longer changes.');
    if (rest.ownerId !== undefined && rest.ownerId !== before.ownerId) await assertMember(tx, orgId, rest.ownerId);
    return {
      ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
      ...(whys !== undefined ? { whys: JSON.stringify(whys.filter((w) => w)) } : {}),
      ...(causeCategories !== undefined ? { causeCategories: JSON.stringify([...new Set(causeCategories)]) } : {}),
    };
  });
}

function refuse(blockers: string[], what: string) {
  if (blockers.length) throw new AppError('NOT_READY', `${what}: ${blockers.join(' ')}`, { blockers });
}

export function addCorrectiveAction(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  input: z.output<typeof ZNonconformityAction>,
) {
  return inTransaction(deps, async (tx, audit) => {
    const nc = await find(tx, orgId, id, actor.userId);
    if (!nc) throw notFound('Nonconformity');
    if (nc.status !== 'open')
      throw ruleViolation(`Add corrective actions while the nonconformity is open (${nc.ref} is ${nc.status}).`);
    await createActionsInTx(tx, audit, actor, orgId, [
      { ...input, status: 'open', sourceType: NC_ACTION_SOURCE, sourceId: id, sourceRef: nc.ref },
    ]);
    return (await find(tx, orgId, id, actor.userId))!;
  });
}

/** The three steps after the plan: actions planned, effectiveness review started, reviewed. */
export const planActions = (deps: Deps, actor: Actor, orgId: string, id: string, version: number) =>
  change(deps, actor, orgId, id, version, 'nonconformity.actions_planned', (before) => {
    refuse(before.blockers.plan, `${before.ref} cannot have its actions planned yet`);
    return { status: 'actions_planned' };
  });

export const startReview = (deps: Deps, actor: Actor, orgId: string, id: string, version: number) =>
  change(deps, actor, orgId, id, version, 'nonconformity.review_started', (before) => {
    refuse(before.blockers.start_review, `${before.ref} is not ready for its effectiveness review`);
    return { status: 'effectiveness_review', reviewDue: reviewDueOn(today(), before.reviewAfterDays) };
  });

export const reviewEffectiveness = (
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  input: z.output<typeof ZEffectivenessReview>,
) =>
  change(deps, actor, orgId, id, input.version, 'nonconformity.reviewed', (before) => {
    refuse(before.blockers.review, `${before.ref} cannot be reviewed now`);
    if (actor.userId === before.ownerId)
      throw ruleViolation('The owner of a nonconformity does not judge the effectiveness of its own actions.');
    return {
      // Not effective: back to open, to find the cause again and plan further actions.
      status: input.effective ? 'verified' : 'open',
      effective: input.effective ? 1 : 0,
      effectivenessNotes: input.notes,
      reviewedAt: nowIso(),
      reviewedBy: actor.userId,
      reviewedByName: actor.name,
      ...(input.effective ? {} : { reviewDue: null }),
    };
  });

export const closeNonconformity = (deps: Deps, actor: Actor, orgId: string, id: string, version: number) =>
  change(deps, actor, orgId, id, version, 'nonconformity.closed', (before) => {
    const blockers = before.blockers.close;
    if (blockers.some((b) => b.startsWith('Nobody closes')))
      throw new AppError(
        'FORBIDDEN',
        blockers.find((b) => b.startsWith('Nobody closes'))!,
      );
    refuse(blockers, `${before.ref} cannot be closed yet`);
    return { status: 'closed', closedAt: nowIso(), closedBy: actor.userId, closedByName: actor.name };
  });

// The improvement log (10.1): improvements people propose, opportunities for improvement from audits,
// and (derived, read-only here) every nonconformity with its corrective action.

export const ZImprovementOut = z.object({
  id: z.string(),
  ref: z.string().describe('IMP-1 for a logged improvement, NC-1 for a nonconformity'),
  kind: z.enum(['improvement', 'nonconformity']),
  title: z.string(),
  description: z.string(),
  source: z.string(),
  sourceRef: z.string().nullable(),
  ownerId: z.string().nullable(),
  status: z.string(),
  version: z.number().describe('0 for a nonconformity (edit it in the nonconformity register)'),
  createdAt: z.string(),
});
export type ImprovementOut = z.infer<typeof ZImprovementOut>;
const presentImprovement = (r: ImprovementTable): ImprovementOut => ({
  id: r.id,
  ref: `IMP-${r.number}`,
  kind: 'improvement',
  title: r.title,
  description: r.description,
  source: r.source,
  sourceRef: r.sourceRef,
  ownerId: r.ownerId,
  status: r.status,
  version: r.version,
  createdAt: r.createdAt,
});

export async function improvementLog(db: Db | Tx, orgId: string): Promise<ImprovementOut[]> {
  const own = await db.selectFrom('improvements').selectAll().where('orgId', '=', orgId).execute();
  const ncs = await db
    .selectFrom('nonconformities')
    .select(['id', 'number', 'title', 'rootCause', 'source', 'sourceRef', 'ownerId', 'status', 'createdAt'])
    .where('orgId', '=', orgId)
    .execute();
  return [
    ...own.map(presentImprovement),
    ...ncs.map((n): ImprovementOut => ({
      id: n.id,
      ref: ncRef(n.number),
      kind: 'nonconformity',
      title: n.title,
      description: n.rootCause ? `Root cause: ${n.rootCause}` : '',
      source: n.source,
      sourceRef: n.sourceRef,
      ownerId: n.ownerId,
      status: n.status,
      version: 0,
      createdAt: n.createdAt,
    })),
  ].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function logImprovementInTx(
  tx: Tx,
  audit: (e: AuditInput) => Promise<void>,
  actor: Actor,
  orgId: string,
  input: z.output<typeof ZCreateImprovement> & { sourceId?: string | null; sourceRef?: string | null },
): Promise<ImprovementOut> {
  await assertMember(tx, orgId, input.ownerId);
  const number = await nextNumber(tx, orgId, 'improvement');
  const now = nowIso();
  const id = newId();
  await tx
    .insertInto('improvements')
    .values({
      id,
      orgId,
      number,
      title: input.title,
      description: input.description,
      source: input.source,
      sourceId: input.sourceId ?? null,
      sourceRef: input.sourceRef ?? null,
      ownerId: input.ownerId,
      status: input.status,
      version: 1,
      createdAt: now,
      createdBy: actor.userId,
      updatedAt: now,
      updatedBy: actor.userId,
    })
    .execute();
  const created = presentImprovement(
    (await tx.selectFrom('improvements').selectAll().where('id', '=', id).executeTakeFirst())!,
  );
  await audit({ orgId, actor, action: 'improvement.logged', entityType: 'improvement', entityId: id, after: created });
  return created;
}

export const createImprovement = (
  deps: Deps,
  actor: Actor,
  orgId: string,
  input: z.output<typeof ZCreateImprovement>,
) => inTransaction(deps, (tx, audit) => logImprovementInTx(tx, audit, actor, orgId, input));

export function updateImprovement(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  patch: z.output<typeof ZUpdateImprovement>,
) {
  return inTransaction(deps, async (tx, audit) => {
    const row = await tx
      .selectFrom('improvements')
      .selectAll()
      .where('orgId', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('Improvement');
    const before = presentImprovement(row);
    if (row.version !== patch.version) throw staleVersion('improvement', before);
    const { version, ...changes } = patch;
    if (changes.ownerId !== undefined && changes.ownerId !== row.ownerId)
      await assertMember(tx, orgId, changes.ownerId);
    await writeOne(
      tx
        .updateTable('improvements')
        .set({
          ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
          version: version + 1,
          updatedAt: nowIso(),
          updatedBy: actor.userId,
        })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', version),
      () => staleVersion('improvement', before),
    );
    const after = presentImprovement(
      (await tx.selectFrom('improvements').selectAll().where('id', '=', id).executeTakeFirst())!,
    );
    await audit({
      orgId,
      actor,
      action: 'improvement.updated',
      entityType: 'improvement',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export { IMPROVEMENT_SOURCES, IMPROVEMENT_STATUSES };
