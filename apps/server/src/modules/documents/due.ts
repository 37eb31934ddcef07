import type { DueItem } from '@fortytwo/domain';
import type { Db } from '../../platform/db/connect';
import { addDays, versionLabel } from '@fortytwo/domain';

// Approvals waiting on someone: a document version in review waits on its document's approver
// (reviews themselves are actions, see modules/actions/due.ts). Due when the review is due, or a
// week after submission when no review date was set.

export async function dueItems(db: Db, orgId: string, assigneeUserId?: string): Promise<DueItem[]> {
  let q = db
    .selectFrom('documentVersions')
    .innerJoin('documents', 'documents.id', 'documentVersions.documentId')
    .select([
      'documentVersions.id',
      'documentVersions.documentId',
      'documentVersions.title',
      'documentVersions.major',
      'documentVersions.minor',
      'documentVersions.reviewDue',
      'documentVersions.submittedAt',
      'documents.approverId',
    ])
    .where('documentVersions.orgId', '=', orgId)
    .where('documentVersions.state', '=', 'in_review');
  if (assigneeUserId !== undefined) q = q.where('documents.approverId', '=', assigneeUserId);
  const rows = await q.execute();
  return rows.map((r) => ({
    kind: 'approval',
    id: r.id,
    title: `Approve ${r.title} (version ${versionLabel(r)})`,
    dueOn: r.reviewDue ?? (r.submittedAt ? addDays(r.submittedAt.slice(0, 10), 7) : null),
    assigneeUserId: r.approverId,
    href: `/orgs/${orgId}/documents/${r.documentId}`,
  }));
}
