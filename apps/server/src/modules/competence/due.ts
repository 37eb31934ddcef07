import type { Db } from '../../platform/db/connect';
import { addDays, EXPIRING_WITHIN_DAYS } from '@fortytwo/domain';
import { listAssignments, today } from './assignments';
import { listDevelopmentActions } from './development-actions';
import { loadMatrix } from './matrix';
import { listPeople } from './people';

// What the competence records make due, for "my tasks" and reminders: open training assignments,
// and required competences whose evidence ends within 30 days (renew before it lapses). Declared
// here as the task brief gives it; the integrator unifies it with the other modules' due items.

export interface DueItem {
  kind: 'training';
  id: string;
  title: string;
  dueOn: string | null /* YYYY-MM-DD */;
  assigneeUserId: string | null;
  href: string /* UI path */;
}

export async function dueItems(db: Db, orgId: string, assigneeUserId?: string): Promise<DueItem[]> {
  // A member's person id is their user id: one person's items are their assignments and their row.
  if (assigneeUserId !== undefined) {
    const hasWork = await db
      .selectFrom('trainingAssignments')
      .select('id')
      .where('orgId', '=', orgId)
      .where('personId', '=', assigneeUserId)
      .limit(1)
      .executeTakeFirst();
    const hasCompletions = await db
      .selectFrom('trainingCompletions')
      .select('id')
      .where('orgId', '=', orgId)
      .where('personId', '=', assigneeUserId)
      .limit(1)
      .executeTakeFirst();
    if (!hasWork && !hasCompletions) return [];
  }
  const [open, matrix, people, actions] = await Promise.all([
    listAssignments(db, orgId, {
      status: 'open',
      ...(assigneeUserId !== undefined ? { personId: assigneeUserId } : {}),
    }),
    loadMatrix(db, orgId, assigneeUserId),
    listPeople(db, orgId),
    listDevelopmentActions(db, orgId),
  ]);
  const personHref = (personId: string) => `/orgs/${orgId}/people/${personId}`;
  const userOf = new Map(people.map((p) => [p.id, p.member ? p.userId : null]));
  const names = new Map(matrix.competences.map((c) => [c.id, c.name]));
  const until = addDays(today(), EXPIRING_WITHIN_DAYS);
  const gives = new Map(actions.map((a) => [a.id, a.competences.map((c) => c.id)]));
  const renewing = new Set(open.flatMap((a) => (gives.get(a.action.id) ?? []).map((c) => `${a.person.id}:${c}`)));
  const assigned = open.map((a) => ({
    kind: 'training' as const,
    id: `training_assignment:${a.id}`,
    title: `${a.action.title} (${a.person.name})`,
    dueOn: a.dueOn,
    assigneeUserId: userOf.get(a.person.id) ?? null,
    href: personHref(a.person.id),
  }));
  // A renewal already assigned is due through its assignment; the expiry is listed once, with the person.
  const expiring = matrix.rows.flatMap((r) =>
    r.cells
      .filter(
        (c) =>
          c.required &&
          c.state === 'expiring' &&
          c.expiresOn !== null &&
          c.expiresOn <= until &&
          !renewing.has(`${r.person.id}:${c.competenceId}`),
      )
      .map((c) => ({
        kind: 'training' as const,
        id: `competence_expiry:${r.person.id}:${c.competenceId}`,
        title: `Renew ${names.get(c.competenceId)} (${r.person.name}), expires ${c.expiresOn}`,
        dueOn: c.expiresOn,
        assigneeUserId: userOf.get(r.person.id) ?? null,
        href: personHref(r.person.id),
      })),
  );
  return [...assigned, ...expiring].sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
}
