import {
  addDays,
  DUE_KIND_LABELS,
  DUE_STATE_LABELS,
  dueStateOf,
  todayIn,
  type DueKind,
  type DueState,
} from '@fortytwo/domain';
import type { Config } from '../../platform/config';
import type { Db, Dialect } from '../../platform/db/connect';
import { nextDailyAt, nextHour, type JobDefinition } from '../../platform/jobs/scheduler';
import type { Paragraph } from '../../platform/mail/compose';
import { dueItemsOf, type DueProvider } from '../tasks/providers';
import type { PlacedItem } from '../tasks/my-tasks';
import { deliver } from './deliver';
import { optedOut } from './settings';

// The scheduled notices: immediate reminders (checked every hour, at most one per person per day),
// the daily digest, and the notice that someone's time-boxed access ends soon. Each message's
// dedupe key names the job, and the day: the key is what makes "exactly once" hold.

type JobDeps = { db: Db; dialect: Dialect; config: Pick<Config, 'mail' | 'jobs'> };

/** Everything assigned, per person, in the organizations they belong to at `now`. */
export async function dueByPerson(db: Db, now: Date, providers?: DueProvider[]): Promise<Map<string, PlacedItem[]>> {
  const members = await db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.orgId')
    .select(['memberships.orgId', 'memberships.userId', 'organizations.name'])
    .where((eb) =>
      eb.or([eb('memberships.expiresAt', 'is', null), eb('memberships.expiresAt', '>', now.toISOString())]),
    )
    .execute();
  const orgs = new Map<string, { name: string; members: Set<string> }>();
  for (const m of members) {
    const o = orgs.get(m.orgId) ?? { name: m.name, members: new Set<string>() };
    o.members.add(m.userId);
    orgs.set(m.orgId, o);
  }
  const out = new Map<string, PlacedItem[]>();
  for (const [orgId, o] of orgs) {
    const today = todayIn(null, now);
    for (const i of await dueItemsOf(db, orgId, providers)) {
      if (!i.assigneeUserId || !o.members.has(i.assigneeUserId)) continue;
      const list = out.get(i.assigneeUserId) ?? [];
      list.push({ ...i, orgId, organizationName: o.name, dueState: dueStateOf(i.dueOn, today) });
      out.set(i.assigneeUserId, list);
    }
  }
  return out;
}

const kindLabel = (k: string) => DUE_KIND_LABELS[k as DueKind] ?? k;
const lineOf = (i: PlacedItem, publicUrl: string) => ({
  text: `${kindLabel(i.kind)}: ${i.title} (${i.organizationName}${i.dueOn ? `, due ${i.dueOn}` : ''})`,
  link: `${publicUrl}${i.href}`,
});
const orgOf = (items: PlacedItem[]) => (new Set(items.map((i) => i.orgId)).size === 1 ? items[0]!.orgId : null);

export function reminderJob(deps: JobDeps): JobDefinition {
  return {
    kind: 'task-reminders',
    next: nextHour,
    run: async ({ now, log }) => {
      const today = todayIn(null, now);
      const off = await optedOut(deps.db, 'reminders');
      const { publicUrl } = deps.config.mail;
      for (const [userId, items] of await dueByPerson(deps.db, now)) {
        if (off.has(userId)) continue;
        const due = items.filter((i) => i.dueState === 'overdue' || i.dueOn === today);
        if (due.length === 0) continue;
        const late = due.filter((i) => i.dueState === 'overdue').length;
        const subject = late
          ? `${late} overdue task${late === 1 ? '' : 's'}${due.length > late ? ` and ${due.length - late} due today` : ''}`
          : `${due.length} task${due.length === 1 ? '' : 's'} due today`;
        await deliver(
          { ...deps, log },
          {
            userId,
            orgId: orgOf(due),
            kind: 'reminder',
            dedupeKey: `reminder:${today}`,
            subject: `Fortytwo: ${subject}`,
            paragraphs: [
              'These are assigned to you and due today or overdue:',
              { list: due.slice(0, 50).map((i) => lineOf(i, publicUrl)) },
              { label: 'All your tasks', link: `${publicUrl}/orgs/${due[0]!.orgId}/tasks` },
            ],
            link: `/orgs/${due[0]!.orgId}/tasks`,
          },
        );
      }
    },
  };
}

export function digestJob(deps: JobDeps): JobDefinition {
  return {
    kind: 'daily-digest',
    next: nextDailyAt(deps.config.jobs.digestHourUtc),
    run: async ({ now, log }) => {
      const today = todayIn(null, now);
      const off = await optedOut(deps.db, 'digest');
      const { publicUrl } = deps.config.mail;
      for (const [userId, items] of await dueByPerson(deps.db, now)) {
        if (off.has(userId) || items.length === 0) continue;
        const paragraphs: Paragraph[] = [`You have ${items.length} open task${items.length === 1 ? '' : 's'}.`];
        for (const state of ['overdue', 'due_soon', 'later'] as DueState[]) {
          const group = items
            .filter((i) => i.dueState === state)
            .sort((a, b) => ((a.dueOn ?? '9') < (b.dueOn ?? '9') ? -1 : 1));
          if (group.length === 0) continue;
          paragraphs.push(`${DUE_STATE_LABELS[state]} (${group.length}):`, {
            list: group.slice(0, 25).map((i) => lineOf(i, publicUrl)),
          });
          if (group.length > 25) paragraphs.push(`… and ${group.length - 25} more.`);
        }
        paragraphs.push({ label: 'All your tasks', link: `${publicUrl}/orgs/${items[0]!.orgId}/tasks` });
        await deliver(
          { ...deps, log },
          {
            userId,
            orgId: orgOf(items),
            kind: 'digest',
            dedupeKey: `digest:${today}`,
            subject: `Fortytwo daily digest: ${items.length} open task${items.length === 1 ? '' : 's'}`,
            paragraphs,
            link: `/orgs/${items[0]!.orgId}/tasks`,
          },
        );
      }
    },
  };
}

/** Time-boxed access (an external auditor's) that ends within the week: the person hears once per end date. */
export function accessExpiryJob(deps: JobDeps): JobDefinition {
  return {
    kind: 'access-expiry',
    next: nextDailyAt(deps.config.jobs.digestHourUtc),
    run: async ({ now, log }) => {
      const soon = new Date(`${addDays(todayIn(null, now), 8)}T00:00:00Z`).toISOString();
      const rows = await deps.db
        .selectFrom('memberships')
        .innerJoin('organizations', 'organizations.id', 'memberships.orgId')
        .select(['memberships.orgId', 'memberships.userId', 'memberships.expiresAt', 'organizations.name'])
        .where('memberships.expiresAt', '>', now.toISOString())
        .where('memberships.expiresAt', '<', soon)
        .execute();
      for (const r of rows) {
        const day = r.expiresAt!.slice(0, 10);
        await deliver(
          { ...deps, log },
          {
            userId: r.userId,
            orgId: r.orgId,
            kind: 'access_expiry',
            dedupeKey: `access_expiry:${r.orgId}:${day}`,
            subject: `Fortytwo: your access to ${r.name} ends on ${day}`,
            paragraphs: [
              `Your access to ${r.name} ends on ${day} (UTC). Ask an owner or manager of ${r.name} if you need it longer.`,
            ],
            link: `/orgs/${r.orgId}`,
          },
        );
      }
    },
  };
}

export const scheduledJobs = (deps: JobDeps): JobDefinition[] => [
  reminderJob(deps),
  digestJob(deps),
  accessExpiryJob(deps),
];
