import type { DueItem } from '@fortytwo/domain';
import type { Db } from '../../platform/db/connect';
import { requestRef } from './requests';

// An open evidence request of an external auditor is a task for its assignee (the one task list:
// my tasks, reminders, the digest), due on its due date (a week after it was raised unless the
// auditor set one). Answering it takes it off the list.

export async function dueItems(db: Db, orgId: string, assigneeUserId?: string): Promise<DueItem[]> {
  let q = db
    .selectFrom('evidenceRequests')
    .select(['id', 'number', 'title', 'dueOn', 'assigneeId'])
    .where('orgId', '=', orgId)
    .where('status', '=', 'open');
  if (assigneeUserId !== undefined) q = q.where('assigneeId', '=', assigneeUserId);
  const rows = await q.orderBy('number').execute();
  return rows.map((r) => ({
    kind: 'evidence_request',
    id: r.id,
    title: `Answer the auditor's ${requestRef(r.number)}: ${r.title}`,
    dueOn: r.dueOn,
    assigneeUserId: r.assigneeId,
    href: `/orgs/${orgId}/auditor-workspace/manage`,
  }));
}
