import { z } from 'zod';
import {
  CAUSE_CATEGORIES,
  NONCONFORMITY_GRADES_ALL,
  NONCONFORMITY_SOURCES,
  NONCONFORMITY_STATUSES,
  nonconformityBlockers,
  nonconformityOverdue,
  ROOT_CAUSE_METHODS,
  todayIn,
  type NcStep,
  type NonconformityStatus,
} from '@fortytwo/domain';
import type { Db, Tx } from '../../platform/db/connect';
import type { NonconformityTable } from '../../platform/db/schema';
import { notFound } from '../../platform/errors';
import { type Deps } from '../../platform/transaction';
import { listActions, ZActionOut, type ActionOut } from '../actions/service';
import type { PersonRef } from '../../platform/people';
import { now } from '../../platform/clock';

// Reading the register: a nonconformity with its owner, corrective actions and what still blocks its next step.

export const ENTITY = 'nonconformity';
export const NC_ACTION_SOURCE = 'nonconformity';
export const ncRef = (n: number) => `NC-${n}`;
export const today = () => todayIn(null, now());

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
  ownerId: z.string().nullable().describe('who answers for it: a key of the answer’s `people`'),
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
  actions: z.array(ZActionOut).describe('each names its owner by `ownerId`: a key of the answer’s `people`'),
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
/**
 * A nonconformity as the services build it: its owner and its actions' owners embedded (the exports and
 * the status report print them); answers carry `people` instead (answers.ts).
 */
export type NonconformityOut = Omit<z.infer<typeof ZNonconformityOut>, 'actions'> & {
  owner: PersonRef | null;
  actions: ActionOut[];
};

type Row = NonconformityTable & { ownerName: string | null; ownerEmail: string | null };
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
      owner:
        r.ownerId && r.ownerName !== null && r.ownerEmail !== null
          ? { id: r.ownerId, name: r.ownerName, email: r.ownerEmail }
          : null,
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
    .select(['users.name as ownerName', 'users.email as ownerEmail'])
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

export async function find(db: Db | Tx, orgId: string, id: string, actorId: string | null = null) {
  const rows = await select(db, orgId).where('nonconformities.id', '=', id).execute();
  return (await present(db, orgId, rows, actorId))[0];
}

export async function getNonconformity(deps: Deps, orgId: string, id: string, actorId: string | null) {
  const found = await find(deps.db, orgId, id, actorId);
  if (!found) throw notFound('Nonconformity');
  return found;
}
