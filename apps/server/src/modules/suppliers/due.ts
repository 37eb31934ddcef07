import type { Db } from '../../platform/db/connect';
import { nextReviewOf } from './service';

// What the supplier register puts on people's plates, for the one task list ("my tasks",
// reminders, digest): each supplier's next review; the task list places it as overdue, due soon or later.
export interface DueItem {
  kind: 'supplier_review';
  id: string;
  title: string;
  dueOn: string | null /* YYYY-MM-DD */;
  assigneeUserId: string | null;
  href: string /* UI path */;
}

/** Every supplier with the day its next review is due, soonest first (only one person's, when named). */
export async function dueItems(db: Db, orgId: string, assigneeUserId?: string): Promise<DueItem[]> {
  const rows = await db
    .selectFrom('suppliers')
    .select(['id', 'number', 'name', 'lastReviewedOn', 'reviewCadenceMonths', 'createdAt', 'ownerId'])
    .where('orgId', '=', orgId)
    .$if(assigneeUserId !== undefined, (q) => q.where('ownerId', '=', assigneeUserId!))
    .execute();
  return rows
    .map((r): DueItem => {
      const dueOn = nextReviewOf(r);
      return {
        kind: 'supplier_review',
        id: r.id,
        title: `Review supplier SUP-${r.number} ${r.name}`,
        dueOn,
        assigneeUserId: r.ownerId,
        href: `/orgs/${orgId}/suppliers/${r.id}`,
      };
    })
    .sort((a, b) => a.dueOn!.localeCompare(b.dueOn!) || a.title.localeCompare(b.title));
}
