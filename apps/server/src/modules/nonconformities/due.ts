import type { DueItem } from '@fortytwo/domain';
import type { Db } from '../../platform/db/connect';
import { ncRef } from './service';

// What a nonconformity asks of people, for the one task list: its owner responds (correction, root
// cause, actions) by the response date; whoever raised it reviews effectiveness when that falls due;
// a verified one waits for someone independent to close it. Its corrective actions are actions and
// come from modules/actions.

export async function dueItems(db: Db, orgId: string): Promise<DueItem[]> {
  const rows = await db
    .selectFrom('nonconformities')
    .select(['id', 'number', 'title', 'status', 'ownerId', 'raisedBy', 'responseDue', 'reviewDue'])
    .where('orgId', '=', orgId)
    .where('status', 'in', ['open', 'effectiveness_review', 'verified'])
    .orderBy('number')
    .execute();
  return rows.map((r) => {
    const href = `/orgs/${orgId}/nonconformities/${r.id}`;
    const name = `${ncRef(r.number)} ${r.title}`;
    if (r.status === 'open')
      return {
        kind: 'nonconformity',
        id: r.id,
        title: `Respond to ${name}`,
        dueOn: r.responseDue,
        assigneeUserId: r.ownerId,
        href,
      };
    if (r.status === 'effectiveness_review')
      return {
        kind: 'nonconformity',
        id: r.id,
        title: `Review effectiveness of ${name}`,
        dueOn: r.reviewDue,
        assigneeUserId: r.raisedBy,
        href,
      };
    return { kind: 'nonconformity', id: r.id, title: `Close ${name}`, dueOn: null, assigneeUserId: null, href };
  });
}
