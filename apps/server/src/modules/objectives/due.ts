import { CLOSED_OBJECTIVE_STATUSES } from '@fortytwo/domain';
import type { Db } from '../../platform/db/connect';

/** Something with a date someone must act by; the integrator unifies these kinds into "my tasks". */
export interface DueItem {
  kind: 'objective' | 'metric';
  id: string;
  title: string;
  dueOn: string | null /* YYYY-MM-DD */;
  assigneeUserId: string | null;
  href: string /* UI path */;
}

/** The open AI objectives of an organization (not achieved, missed or cancelled yet), by due date. */
export async function dueItems(db: Db, orgId: string, assigneeUserId?: string): Promise<DueItem[]> {
  let q = db
    .selectFrom('objectives')
    .select(['id', 'number', 'title', 'dueDate', 'ownerId'])
    .where('orgId', '=', orgId)
    .where('status', 'not in', [...CLOSED_OBJECTIVE_STATUSES]);
  if (assigneeUserId !== undefined) q = q.where('ownerId', '=', assigneeUserId);
  const rows = await q
    .orderBy((eb) => eb.case().when('dueDate', 'is', null).then(1).else(0).end())
    .orderBy('dueDate')
    .orderBy('number')
    .execute();
  return rows.map((r) => ({
    kind: 'objective',
    id: r.id,
    title: `OBJ-${r.number} ${r.title}`,
    dueOn: r.dueDate,
    assigneeUserId: r.ownerId,
    href: `/orgs/${orgId}/objectives/${r.id}`,
  }));
}
