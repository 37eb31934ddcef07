import { z } from 'zod';
import {
  ACTION_STATUSES,
  compareDue,
  DUE_STATES,
  dueStateOf,
  todayIn,
  type ActionStatus,
  type DueItem,
  type DueState,
} from '@fortytwo/domain';
import type { Db } from '../../platform/db/connect';
import type { Owned } from '../../platform/people';
import { cursorPart, decodeCursor, encodeCursor } from '../../platform/pagination';
import { dueItemsOf, type DueProvider } from './providers';
import { now as clockNow } from '../../platform/clock';

// "My tasks": what is assigned to one person across every organization they still belong to,
// from every provider, placed in time (overdue, due soon, later) by the organization's calendar
// day. Each provider answers for one person in one organization (filtered in SQL); the lists are
// merged in memory, then cut into pages
// by a keyset cursor on the list order (date, kind, id), which stays stable while items change.

export const ZTaskOut = z.object({
  kind: z
    .string()
    .describe(
      'action, document_review, approval, control_occurrence, control_implementation, evidence_review, training, objective, metric or supplier_review',
    ),
  id: z.string(),
  title: z.string(),
  dueOn: z.string().nullable().describe('YYYY-MM-DD'),
  dueState: z
    .enum(DUE_STATES)
    .describe('by the calendar day in the organization (UTC while organizations have no time zone)'),
  assigneeUserId: z.string().nullable(),
  href: z.string().describe('where the web app handles it'),
  orgId: z.string(),
  organizationName: z.string(),
  // The fields of an action, kept for clients of the earlier action-only list. For items that are
  // not actions: status "open", sourceType the kind, version 0, empty description and timestamps.
  description: z.string(),
  ownerId: z.string().nullable().describe('you: a key of the answer’s `people`'),
  dueDate: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
  sourceType: z.string(),
  sourceId: z.string().nullable(),
  sourceRef: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A task as built: its owner (you) embedded; the answer carries `people` instead (issue 19). */
export type TaskOut = z.infer<typeof ZTaskOut> & Owned;

export const ZTaskQuery = z.object({
  kind: z.string().max(400).optional().describe('one kind or several separated by commas'),
  orgId: z.string().max(64).optional(),
  overdue: z.enum(['true', 'false'], { error: 'overdue must be true or false' }).optional(),
  state: z.enum(DUE_STATES, { error: `state must be one of: ${DUE_STATES.join(', ')}` }).optional(),
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int()
    .min(1, 'limit must be at least 1')
    .max(500, 'limit must be at most 500')
    .default(200),
  cursor: z.string().max(1000).optional(),
});
export type TaskQuery = z.output<typeof ZTaskQuery>;

export const ZTaskCounts = z.object({
  total: z.number(),
  overdue: z.number(),
  due_soon: z.number(),
  later: z.number(),
});

const CURSOR = z.tuple([cursorPart.text(10), cursorPart.text(40), cursorPart.text(64)]);

export type PlacedItem = DueItem & { orgId: string; organizationName: string; dueState: DueState };

/** The organizations a person belongs to today (an expired membership is none). */
export async function activeOrgsOf(db: Db, userId: string, now = clockNow()) {
  return db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.orgId')
    .select(['organizations.id', 'organizations.name'])
    .where('memberships.userId', '=', userId)
    .where((eb) =>
      eb.or([eb('memberships.expiresAt', 'is', null), eb('memberships.expiresAt', '>', now.toISOString())]),
    )
    .execute();
}

/** Everything assigned to `userId` in the organizations they belong to, placed in time and in list order. */
export async function dueFor(
  db: Db,
  userId: string,
  opts: { orgId?: string | undefined; now?: Date; providers?: DueProvider[] } = {},
): Promise<PlacedItem[]> {
  const orgs = (await activeOrgsOf(db, userId, opts.now)).filter((o) => !opts.orgId || o.id === opts.orgId);
  const perOrg = await Promise.all(
    orgs.map(async (o) => {
      // Organizations have no time zone setting yet: their calendar day is UTC's.
      const today = todayIn(null, opts.now);
      const items = await dueItemsOf(db, o.id, opts.providers, userId);
      return items.map((i) => ({ ...i, orgId: o.id, organizationName: o.name, dueState: dueStateOf(i.dueOn, today) }));
    }),
  );
  return perOrg.flat().sort(compareDue);
}

export async function myTasks(db: Db, me: { id: string; name: string; email: string }, q: TaskQuery, now = clockNow()) {
  const kinds = q.kind
    ? new Set(
        q.kind
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean),
      )
    : null;
  const all = (await dueFor(db, me.id, { orgId: q.orgId, now })).filter((i) => !kinds || kinds.has(i.kind));
  const counts = { total: all.length, overdue: 0, due_soon: 0, later: 0 };
  for (const i of all) counts[i.dueState]++;
  let list = all;
  if (q.overdue === 'true') list = list.filter((i) => i.dueState === 'overdue');
  if (q.overdue === 'false') list = list.filter((i) => i.dueState !== 'overdue');
  if (q.state) list = list.filter((i) => i.dueState === q.state);
  if (q.cursor) {
    const [dueOn, kind, id] = decodeCursor(q.cursor, CURSOR);
    const after = { dueOn: dueOn || null, kind, id };
    list = list.filter((i) => compareDue(i, after) > 0);
  }
  const page = list.slice(0, q.limit);
  const last = page.at(-1);
  const nextCursor = list.length > q.limit && last ? encodeCursor([last.dueOn ?? '', last.kind, last.id]) : null;
  return { items: await withActionFields(db, me, page), nextCursor, counts };
}

/** Adds the action fields (for items that are actions) that clients of the earlier list read. */
async function withActionFields(
  db: Db,
  me: { id: string; name: string; email: string },
  page: PlacedItem[],
): Promise<TaskOut[]> {
  const ids = page.filter((i) => i.kind === 'action' || i.kind === 'document_review').map((i) => i.id);
  const actions = ids.length ? await db.selectFrom('actions').selectAll().where('id', 'in', ids).execute() : [];
  const byId = new Map(actions.map((a) => [a.id, a]));
  return page.map((i) => {
    const a = byId.get(i.id);
    // Tasks are yours: `people` names you, and only you (another owner id is not looked up here).
    const ownerOf = (id: string | null) => (id === me.id ? { id: me.id, name: me.name, email: me.email } : null);
    const base = {
      kind: i.kind,
      id: i.id,
      title: i.title,
      dueOn: i.dueOn,
      dueState: i.dueState,
      assigneeUserId: i.assigneeUserId,
      href: i.href,
      orgId: i.orgId,
      organizationName: i.organizationName,
    };
    if (a)
      return {
        ...base,
        description: a.description,
        ownerId: a.ownerId,
        owner: ownerOf(a.ownerId),
        dueDate: a.dueDate,
        status: a.status as ActionStatus,
        sourceType: a.sourceType,
        sourceId: a.sourceId,
        sourceRef: a.sourceRef,
        version: a.version,
        createdAt: a.createdAt,
        updatedAt: a.updatedAt,
      };
    return {
      ...base,
      description: '',
      ownerId: i.assigneeUserId,
      owner: ownerOf(i.assigneeUserId),
      dueDate: i.dueOn,
      status: 'open' as const,
      sourceType: i.kind,
      sourceId: null,
      sourceRef: null,
      version: 0,
      createdAt: '',
      updatedAt: '',
    };
  });
}
