import type { DueItem } from '@fortytwo/domain';
import type { Db } from '../../platform/db/connect';

// The open actions of an organization as task-list items. A document review is an action created
// when a version is submitted (modules/documents/review-round.ts), so it comes from here with its own
// kind; each item links to where its source is handled.

export async function dueItems(db: Db, orgId: string, assigneeUserId?: string): Promise<DueItem[]> {
  let q = db
    .selectFrom('actions')
    .leftJoin('gapAssessmentItems', (j) =>
      j.onRef('gapAssessmentItems.id', '=', 'actions.sourceId').on('actions.sourceType', '=', 'gap_item'),
    )
    .leftJoin('riskTreatments', (j) =>
      j.onRef('riskTreatments.id', '=', 'actions.sourceId').on('actions.sourceType', '=', 'risk_treatment'),
    )
    .leftJoin('documentVersions', (j) =>
      j.onRef('documentVersions.id', '=', 'actions.sourceId').on('actions.sourceType', '=', 'document_review'),
    )
    .select([
      'actions.id',
      'actions.title',
      'actions.dueDate',
      'actions.ownerId',
      'actions.sourceType',
      'actions.sourceRef',
      'actions.sourceId',
      'gapAssessmentItems.assessmentId',
      'riskTreatments.riskId',
      'documentVersions.documentId',
    ])
    .where('actions.orgId', '=', orgId)
    .where('actions.status', '!=', 'done');
  if (assigneeUserId !== undefined) q = q.where('actions.ownerId', '=', assigneeUserId);
  const rows = await q.execute();
  const org = `/orgs/${orgId}`;
  return rows.map((r) => {
    let href = `${org}/tasks`;
    if (r.sourceType === 'gap_item')
      href = `${org}/gap-analysis${r.assessmentId ? `/${r.assessmentId}${r.sourceRef ? `/${encodeURIComponent(r.sourceRef)}` : ''}` : ''}`;
    else if (r.sourceType === 'risk_treatment' && r.riskId) href = `${org}/risks/${r.riskId}`;
    else if (r.sourceType === 'document_review' && r.documentId) href = `${org}/documents/${r.documentId}`;
    // A threshold breach's action is worked on the metric's page (its chart and the open breach).
    else if (r.sourceType === 'metric_breach' && r.sourceId) href = `${org}/metrics/${r.sourceId}`;
    // A corrective action is worked on its nonconformity's page (modules/nonconformities).
    else if (r.sourceType === 'nonconformity' && r.sourceId) href = `${org}/nonconformities/${r.sourceId}`;
    // A management review's action links to the review that decided it.
    else if (r.sourceType === 'management_review' && r.sourceId) href = `${org}/management-reviews/${r.sourceId}`;
    return {
      kind: r.sourceType === 'document_review' ? 'document_review' : 'action',
      id: r.id,
      title: r.title,
      dueOn: r.dueDate,
      assigneeUserId: r.ownerId,
      href,
    };
  });
}
